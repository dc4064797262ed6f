import { cssLook, type Look } from './cell-colours';
import { type ConditionalRule, canMark, type DxfLook, markingRules } from './conditional-formats';
import { noteConditionalMarks } from './conditional-marks';
import { type Cell, DamagedFileError, type Merge, type SourceRow } from './types';
import { SHEET_LIMITS } from './xlsx-cells';

/**
 * Excel 2003 XML's conditional formats, written after a worksheet's table:
 * `<ConditionalFormatting><Range>R2C7:R5C7</Range><Condition><Qualifier>Greater</Qualifier>
 * <Value1>1000</Value1><Format Style='color:white'/></Condition></ConditionalFormatting>`, as
 * ERPs that write the format themselves (TOTVS Protheus among them) do. A condition without a
 * qualifier is a formula (`LEN(TRIM(RC))=0`). Read as an xlsx's rules are, and asked of the
 * sheet's cells once its table is read.
 */

/** Excel 2003's qualifiers, as an xlsx's `cellIs` operators. */
const OPERATORS: Record<string, string> = {
  equal: 'equal',
  notequal: 'notEqual',
  greater: 'greaterThan',
  greaterorequal: 'greaterThanOrEqual',
  less: 'lessThan',
  lessorequal: 'lessThanOrEqual',
  between: 'between',
  notbetween: 'notBetween',
};

/** One end of an R1C1 range (`R2C7`, `R2` a whole row, `C7` a whole column), as rows from 1 and columns from 0. */
function r1c1End(ref: string): Merge | null {
  const [, r, c] = ref.trim().match(/^(?:R(\d+))?(?:C(\d+))?$/i) ?? [];
  if (r === undefined && c === undefined) return null;
  const row = r === undefined ? null : Number(r);
  const col = c === undefined ? null : Number(c) - 1;
  if (
    (row !== null && (row < 1 || row > SHEET_LIMITS.rows)) ||
    (col !== null && (col < 0 || col >= SHEET_LIMITS.columns))
  )
    return null;
  return {
    top: row ?? 1,
    bottom: row ?? SHEET_LIMITS.rows,
    left: col ?? 0,
    right: col ?? SHEET_LIMITS.columns - 1,
  };
}

/** A range as Excel 2003 XML writes a rule's (`R2C7:R5C7`), as a rectangle of rows from 1 and columns from 0. */
export function r1c1Range(ref: string): Merge {
  const [from = '', to = from] = ref.split(':');
  const a = r1c1End(from);
  const b = r1c1End(to);
  if (!a || !b) throw new DamagedFileError(`a conditional format's range names ${ref.trim()}, outside any sheet`);
  return {
    top: Math.min(a.top, b.top),
    bottom: Math.max(a.bottom, b.bottom),
    left: Math.min(a.left, b.left),
    right: Math.max(a.right, b.right),
  };
}

/** The elements of a condition whose text is read. */
const TEXTS = new Set(['range', 'qualifier', 'value1', 'value2']);

/** Reads a worksheet's ConditionalFormatting elements as the parser meets them; `rules` once read. */
export class Excel2003Conditions {
  private kept = markingRules(r1c1Range, ',');
  private inside = false;
  private ranges = '';
  private conditions: { qualifier: string; values: string[]; look: DxfLook }[] = [];
  private text: string | null = null;

  get rules(): readonly ConditionalRule[] {
    return this.kept.rules;
  }

  open(local: string, attrs: Record<string, string>) {
    if (local === 'conditionalformatting') {
      this.inside = true;
      this.ranges = '';
      this.conditions = [];
    } else if (!this.inside) return;
    else if (local === 'condition') this.conditions.push({ qualifier: '', values: [], look: {} });
    else if (TEXTS.has(local)) this.text = '';
    else if (local === 'format') {
      const condition = this.conditions.at(-1);
      if (condition) condition.look = cssLook(attrs['ss:Style'] ?? attrs.Style ?? attrs.style ?? '');
    }
  }

  onText(text: string) {
    if (this.text !== null) this.text += text;
  }

  close(local: string) {
    if (!this.inside) return;
    const condition = this.conditions.at(-1);
    const text = this.text?.trim() ?? '';
    if (local === 'range' && text !== '') this.ranges += this.ranges === '' ? text : `,${text}`;
    else if (local === 'qualifier' && condition) condition.qualifier = text;
    else if ((local === 'value1' || local === 'value2') && condition) condition.values.push(text);
    else if (local === 'conditionalformatting') {
      this.inside = false;
      if (this.ranges === '') return;
      for (const { qualifier, values, look } of this.conditions) {
        if (!canMark(look)) continue;
        const operator = OPERATORS[qualifier.toLowerCase()];
        const rule = { dxf: -1, look, formulas: values, type: operator ? 'cellIs' : 'expression', r1c1: true as const };
        this.kept.keep(operator ? { ...rule, operator } : rule, this.ranges);
      }
    }
    if (TEXTS.has(local)) this.text = null;
  }
}

/** What a rule asks of a cell its row does not say: the value it holds, and its style's fill. */
export interface HeldCell {
  held: Cell;
  fill: Look['fill'];
}

/**
 * Notes on a sheet's rows each value its conditional formats show blank or struck through, or
 * may: each cell is asked of the rules by what it holds, with its style's fill (`cellAt`, given
 * the value read), and its row's cells.
 */
export function noteConditionallyMarked(
  rules: readonly ConditionalRule[],
  rows: readonly SourceRow[],
  cellAt: (row: number, col: number, value: Cell) => HeldCell,
) {
  if (rules.length === 0) return;
  for (const row of rows)
    noteConditionalMarks(
      rules,
      [],
      row,
      row,
      row.cells.map((value, col) => ({ col, ...cellAt(row.number, col, value) })),
    );
}
