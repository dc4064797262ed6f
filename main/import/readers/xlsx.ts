import type { Entry } from 'yauzl';
import { excelSerialToDate, isoDay } from '../dates';
import { PLAIN } from './cell-colours';
import type { ConditionalRule } from './conditional-formats';
import { noteConditionalMarks, type RuledCell } from './conditional-marks';
import { noteShownApart, noteStruck, type ShownApart, shownNumber } from './number-formats';
import { RowFormulas } from './saved-formulas';
import {
  type Cell,
  ColumnSpans,
  DamagedFileError,
  formulaToRecalculate,
  formulaWithoutValue,
  isoDateCell,
  mergeFiller,
  numberCell,
  type SheetTail,
  type Source,
  type SourceRow,
} from './types';
import { cellRef, columnOf, SHEET_LIMITS } from './xlsx-cells';
import { PART_LIMITS, readWorkbook, StruckRuns, type Workbook } from './xlsx-parts';
import { readTail } from './xlsx-tail';
import { parseXmlPart } from './xml';
import { openZip, type ZipReader } from './zip';

/**
 * .xlsx read by SchemeDesk itself: yauzl finds each part through the zip's directory, and each
 * sheet streams through an XML tokenizer once, row by row, so a million-line sheet is never held
 * in memory. Merged ranges sit after the rows in a sheet, so a first, light pass inflates the
 * sheet and tokenizes only from its merged ranges on (a sheet without any costs one inflate),
 * once per opening of the file.
 */
export async function openXlsx(
  path: string,
  onBytes?: (bytes: number) => void,
  knownTails?: ReadonlyMap<string, SheetTail>,
): Promise<Source> {
  const zip = await openZip(path);
  try {
    const workbook = await readWorkbook(zip);
    // Each sheet's tail (merged ranges, conditional formats) is read once, when its rows are first
    // asked for: the survey of the sheets and the import that follows share it, and a sheet never
    // read costs nothing.
    const tailsOf = new Map<string, Promise<SheetTail>>();
    for (const { name, part } of workbook.sheets) {
      const known = knownTails?.get(name);
      if (known) tailsOf.set(part, Promise.resolve(known));
    }
    const tail = (part: string, entry: Entry) => {
      const known = tailsOf.get(part) ?? readTail(zip, entry, workbook.dxfs);
      tailsOf.set(part, known);
      return known;
    };
    return {
      format: 'xlsx',
      date1904: workbook.date1904,
      async *sheets() {
        let packedBefore = 0;
        for (const { name, part, hidden } of workbook.sheets) {
          const entry = zip.entry(part);
          if (!entry) throw new DamagedFileError(`the workbook lists sheet ${name}, whose part ${part} is missing`);
          const before = packedBefore;
          const state = {
            declaredRows: null as number | null,
            hidden: [] as number[],
            hiddenColumns: new ColumnSpans(),
          };
          yield {
            name,
            hidden,
            get totalRows() {
              return state.declaredRows;
            },
            hiddenRows: state.hidden,
            get hiddenColumns() {
              return state.hiddenColumns.indexes();
            },
            tail: () => tail(part, entry),
            rows: async function* () {
              const { merges, rules } = await tail(part, entry);
              const fill = mergeFiller(merges);
              const sheet = { name, entry, rules };
              for await (const row of sheetRows(zip, workbook, sheet, state, (b) => onBytes?.(before + b)))
                yield fill(row);
            },
          };
          packedBefore += entry.compressedSize;
        }
      },
      close: () => zip.close(),
    };
  } catch (error) {
    zip.close();
    throw error;
  }
}

interface CellBuilding {
  col: number;
  type: string;
  style: number;
  formula: boolean;
  value: string | null;
  /** Its formula's text, and the shared formula it writes or takes (`si`). */
  formulaText?: string;
  shared?: string;
}

/** Where text goes while it is read: a cell's value, an inline string's text, or nowhere. */
enum Into {
  Nothing = 0,
  Value = 1,
  Inline = 2,
  Formula = 3,
}

/** 9999-12-31, the last day Excel shows. */
const MAX_SERIAL = 2_958_466;

async function* sheetRows(
  zip: ZipReader,
  workbook: Workbook,
  { name: sheetName, entry, rules }: { name: string; entry: Entry; rules: readonly ConditionalRule[] },
  state: { declaredRows: number | null; hidden: number[]; hiddenColumns: ColumnSpans },
  onPacked: (bytes: number) => void,
): AsyncGenerator<SourceRow> {
  const ready: SourceRow[] = [];
  let cells: Cell[] | null = null;
  let rowNumber = 0;
  let nextCol = 0;
  let cell: CellBuilding | null = null;
  let into = Into.Nothing;
  let phonetic = 0;
  // The row's formulas with a saved number, asked once the row is read whether they give it (saved-formulas.ts).
  const formulas = new RowFormulas();
  const dayOf = (serial: number) => isoDay(excelSerialToDate(serial, workbook.date1904));
  // What the row's cells' formats show apart from their values (`;;;`, a currency, thousands, struck through).
  let apart: ShownApart = {};
  // The row's cells that conditional formats are asked of, with what each holds and its fill.
  const ruled: RuledCell[] = [];
  const where = () => `sheet ${sheetName}, row ${rowNumber}`;
  // What a cell shows is asked of what it holds (the number, not the "18%" or "00123" read from
  // it): a format's section and a rule's comparison go by the number's sign and size.
  const value = (c: CellBuilding): Cell => {
    const held = heldValue(c);
    const kind = workbook.styleKinds[c.style] ?? null;
    if (workbook.readApart) noteShownApart(apart, c.col, kind, held);
    if (held !== null && struckCell(c)) noteStruck(apart, c.col);
    // Asked of the sheet's conditional formats once the row is read: a rule may look at another of its cells.
    if (rules.length > 0 && held !== null)
      ruled.push({
        col: c.col,
        held,
        // A cell of no style (a workbook without styles) is on the sheet's white.
        fill: c.style < workbook.styleFills.length ? workbook.styleFills[c.style] : PLAIN.fill,
      });
    if (typeof held !== 'number') return held;
    // A serial outside Excel's calendar (before 1900, after 9999) stays a number, which the
    // importer refuses as a date. A percentage's 0.18 beside rates written 18 was no GST
    // rate, and a net with its tax went in as sales: it is read "18%" (shownNumber).
    const shown =
      kind === 'date'
        ? held >= 0 && held < MAX_SERIAL
          ? excelSerialToDate(held, workbook.date1904)
          : held
        : shownNumber(held, kind);
    // A formula of the row takes the number, not the "18%", code or date read from it.
    if (shown !== held) formulas.noteHeld(c.col, held);
    return shown;
  };
  // Whether an inline string's text is all in runs struck through.
  const runs = new StruckRuns();
  /** Whether a cell's value is drawn struck through: by its style's font, or in every run of its rich text. */
  const struckCell = (c: CellBuilding) =>
    workbook.struckStyles?.[c.style] === true ||
    (c.type === 's' && workbook.struckStrings?.has(Number(c.value)) === true) ||
    (c.type === 'inlineStr' && runs.struck);
  /** What a cell holds: its text, its number (before its format's reading), a boolean's word, an ISO date. */
  const heldValue = (c: CellBuilding): Cell => {
    if (c.formula && c.type !== 'inlineStr') {
      if (c.value === null) return formulaWithoutValue;
      if (workbook.recalculatesOnOpen) return formulaToRecalculate;
    }
    if (c.value === null) return null;
    switch (c.type) {
      case 'inlineStr':
      case 'str':
        return text(c.value);
      case 's': {
        const shared = workbook.sharedStrings[Number(c.value)];
        if (shared === undefined)
          throw new DamagedFileError(`${where()} refers to shared string ${c.value}, which the workbook lacks`);
        return text(shared);
      }
      case 'b':
        return c.value === '1' || c.value === 'true' ? 'TRUE' : 'FALSE';
      case 'e':
        return text(c.value);
      case 'd':
        return isoDateCell(c.value.trim());
      default: {
        const n = numberCell(c.value);
        return typeof n === 'number' ? n : text(c.value);
      }
    }
  };
  for await (const _ of parseXmlPart(entry.fileName, zip.read(entry, onPacked), {
    open(name, a) {
      switch (name) {
        case 'row': {
          const r = a.r === undefined ? rowNumber + 1 : Number(a.r);
          if (!Number.isInteger(r) || r <= rowNumber || r > SHEET_LIMITS.rows)
            throw new DamagedFileError(
              `sheet ${sheetName} has a row numbered ${a.r} after row ${rowNumber}: rows out of order, or beyond the ${SHEET_LIMITS.rows.toLocaleString('en-IN')} a sheet has`,
            );
          rowNumber = r;
          // Hidden, or drawn zero high: Excel shows neither.
          if (a.hidden === '1' || a.hidden === 'true' || (a.ht !== undefined && Number(a.ht) === 0))
            state.hidden.push(r);
          cells = [];
          nextCol = 0;
          return;
        }
        case 'c': {
          const col = a.r === undefined ? nextCol : columnOf(a.r);
          if (col < 0 || col >= SHEET_LIMITS.columns || cells === null)
            throw new DamagedFileError(`${where()} has a cell at ${a.r ?? '?'}, outside any row or column a sheet has`);
          // Out of order, a cell still has its place; given twice with a value, which is right
          // cannot be told (Excel refuses such a sheet).
          if (col < nextCol && cells[col] != null) throw new DamagedFileError(`${where()} gives cell ${a.r} twice`);
          nextCol = col + 1;
          cell = { col, type: a.t ?? 'n', style: a.s === undefined ? 0 : Number(a.s), formula: false, value: null };
          runs.begin();
          return;
        }
        case 'v':
          if (cell) {
            into = Into.Value;
            cell.value = '';
          }
          return;
        case 'f':
          if (cell) {
            cell.formula = true;
            // An array formula or a data table spans other cells: its result is not worked out here.
            if (a.t !== 'array' && a.t !== 'dataTable') {
              into = Into.Formula;
              cell.formulaText = '';
              if (a.t === 'shared' && a.si !== undefined) cell.shared = a.si;
            }
          }
          return;
        case 'rPh':
          phonetic++;
          return;
        case 't':
          if (cell?.type === 'inlineStr' && phonetic === 0) {
            into = Into.Inline;
            cell.value ??= '';
          }
          return;
        case 'r':
        case 'strike':
          runs.open(name, a);
          return;
        case 'dimension':
          state.declaredRows = declaredRows(a.ref);
          return;
        case 'col':
          if (a.hidden === '1' || a.hidden === 'true' || Number(a.width) === 0) {
            const from = Number(a.min);
            const to = Math.min(Number(a.max ?? a.min), SHEET_LIMITS.columns);
            if (Number.isInteger(from) && Number.isInteger(to) && from >= 1) state.hiddenColumns.add(from - 1, to - 1);
          }
          return;
      }
    },
    text(t) {
      if (into === Into.Nothing || cell === null) return;
      if (into === Into.Formula) {
        if ((cell.formulaText?.length ?? 0) < 2000) cell.formulaText += t;
        return;
      }
      cell.value += t;
      if (into === Into.Inline) runs.text(t);
      if ((cell.value?.length ?? 0) > PART_LIMITS.cellChars)
        throw new DamagedFileError(
          `${where()} has a cell longer than a cell can hold (${PART_LIMITS.cellChars} characters)`,
        );
    },
    close(name) {
      switch (name) {
        case 'v':
        case 't':
        case 'f':
          into = Into.Nothing;
          return;
        case 'rPh':
          phonetic--;
          return;
        case 'c':
          if (cell && cells) {
            const v = value(cell);
            if (v !== null) {
              while (cells.length < cell.col) cells.push(null);
              cells[cell.col] = v;
            }
            if (cell.formulaText !== undefined && cell.value !== null && workbook.savesFormulasAsCalculated)
              formulas.add(cell.col, rowNumber, cell.formulaText, cell.shared, savedResult(cell.type, cell.value));
          }
          cell = null;
          return;
        case 'row':
          if (cells) formulas.check(cells, apart, dayOf);
          if (cells && ruled.length > 0) {
            noteConditionalMarks(rules, workbook.dxfs, { number: rowNumber, cells }, apart, ruled);
            ruled.length = 0;
          }
          if (
            cells &&
            (apart.unshown || apart.formatted || apart.struck || apart.conditionallyStruck || apart.formulaGives)
          ) {
            ready.push({ number: rowNumber, cells, ...apart });
            apart = {};
          } else if (cells) ready.push({ number: rowNumber, cells });
          cells = null;
          return;
      }
    },
  })) {
    if (ready.length > 0) {
      yield* ready;
      ready.length = 0;
    }
  }
}

/** A formula's saved result: its number, or its text (`t="str"`: `="INV/"&A2`); null for any other (a truth value, an error). */
function savedResult(type: string, value: string): Cell {
  if (type === 'str') return text(value);
  const n = type === 'n' ? numberCell(value) : null;
  return typeof n === 'number' ? n : null;
}

/**
 * Text as the importer takes it: line ends as XML reads them (CR LF and CR are LF), OOXML's
 * _xHHHH_ escapes decoded, trimmed, blank as no value.
 */
function text(raw: string): string | null {
  let t = raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw;
  if (t.includes('_x'))
    t = t.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex) => String.fromCharCode(Number.parseInt(hex, 16)));
  t = t.trim();
  return t === '' ? null : t;
}

/** The rows a `<dimension ref="A1:J5000">` declares, for progress only; one outside a sheet's grid is damage. */
function declaredRows(ref: string | undefined): number | null {
  const last = ref?.split(':').pop();
  if (!last) return null;
  const cell = cellRef(last);
  if (!cell) throw new DamagedFileError(`a sheet declares its size as ${ref}, beyond any sheet Excel can hold`);
  return cell.row;
}
