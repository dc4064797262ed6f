import { counted } from '../format/numbers';
import type { Mapping } from './mapping';
import type { SourceRow } from './readers/types';

/** The first rows of a list, as a warning names them. */
export const firstRows = (rows: readonly number[]) =>
  `${rows.length > 1 ? 'rows' : 'row'} ${rows.slice(0, 5).join(', ')}${rows.length > 5 ? ', …' : ''}`;

/**
 * What the import read that Excel does not show: a column the workbook hides, rows it hides
 * (filtered out, or by hand), cells whose number format shows nothing (`;;;`) or a text in place
 * of the value (`"Nil";;`). Each is imported with the others — the values are the file's own,
 * and a hidden column or row is a legitimate layout — and named in the result, as whoever checked
 * the file never saw them.
 */
export class UnseenValues {
  private readonly hidden = new Set<number>();
  private readonly hiddenImported: number[] = [];
  /**
   * For each column read and each way it was unseen (by its format, its colours, a conditional
   * format's rule), the rows of cells shown without their value, and what was shown instead.
   */
  private readonly unshown = new Map<string, UnshownCells>();
  /** For each rule a conditional format may strike lines through by (a formula Excel alone works out), the rows imported. */
  private readonly mayStrike = new Map<string, number[]>();
  private readonly read: number[];

  constructor(
    private readonly sheet: { readonly hiddenRows?: readonly number[] },
    private readonly table: { readonly headers: readonly string[]; readonly hiddenColumns: readonly number[] },
    mapping: Mapping,
  ) {
    this.read = [...new Set(Object.values(mapping))].filter(
      (column): column is number => typeof column === 'number' && column < table.headers.length,
    );
  }

  /** An imported row: hidden, or with a value read from a cell shown without it. */
  imported(row: SourceRow): void {
    if (this.isHidden(row.number)) this.hiddenImported.push(row.number);
    for (const cell of row.unshown ?? []) {
      if (!this.read.includes(cell.column)) continue;
      // Shown so where a rule holds, and where it may (a formula decides), are said apart.
      const key = `${cell.column} ${cell.rule ?? ''} ${cell.may ? 'may' : ''} ${cell.colour ? 'colour' : ''}`;
      const { column, rule, may } = cell;
      const cells = this.unshown.get(key) ?? { column, rule, may, rows: [], shows: new Set(), colours: new Set() };
      cells.rows.push(row.number);
      // A few texts and colours name the format; a hostile file's thousand different ones would not.
      if (cells.shows.size < 3) cells.shows.add(cell.shows);
      if (cell.colour && cells.colours.size < 3) cells.colours.add(cell.colour);
      this.unshown.set(key, cells);
    }
    const struck = row.conditionallyStruck?.find((cell) => cell.may && this.read.includes(cell.column));
    if (!struck) return;
    const rows = this.mayStrike.get(struck.rule) ?? [];
    rows.push(row.number);
    this.mayStrike.set(struck.rule, rows);
  }

  private isHidden(row: number): boolean {
    // The hidden rows as read so far: a sheet read as it goes adds to its list.
    const list = this.sheet.hiddenRows ?? [];
    for (let i = this.hidden.size; i < list.length; i++) this.hidden.add(list[i] as number);
    return this.hidden.has(row);
  }

  warnings(): string[] {
    const out: string[] = [];
    const { headers, hiddenColumns } = this.table;
    const hiddenRead = this.read.filter((column) => hiddenColumns.includes(column));
    const many = hiddenRead.length > 1;
    if (hiddenRead.length > 0)
      out.push(
        `${hiddenRead.map((column) => `"${headers[column]}"`).join(', ')} ${many ? 'are columns' : 'is a column'} hidden in the workbook, and the import reads ${many ? 'them' : 'it'}: Excel does not show ${many ? 'them' : 'it'}, so whoever checked the file did not see ${many ? 'their' : 'its'} values`,
      );
    if (this.hiddenImported.length > 0)
      out.push(
        `${counted(this.hiddenImported.length, 'row hidden in the workbook was', 'rows hidden in the workbook were')} imported with the others (${firstRows(this.hiddenImported)}): Excel does not show them (filtered out, or hidden by hand), so whoever checked the file did not see them`,
      );
    for (const cells of this.unshown.values()) out.push(unshownSentence(cells, headers[cells.column] ?? ''));
    for (const [rule, rows] of this.mayStrike)
      out.push(
        `${counted(rows.length, 'row was', 'rows were')} imported that a conditional format may draw struck through, as a cancelled line is marked, where ${rule}: a formula Excel works out row by row (${firstRows(rows)}). Look at them in Excel; delete any that shows crossed out, if it is cancelled`,
      );
    return out;
  }
}

/** Cells of a column shown without their value one way: by format, by colour, or by a conditional format's rule. */
interface UnshownCells {
  column: number;
  rule: string | undefined;
  may: boolean | undefined;
  rows: number[];
  /** What the format showed in their place ('' for nothing). */
  shows: Set<string>;
  /** The colour their text shared with their background. */
  colours: Set<string>;
}

/** The warning of cells shown without their value, naming how. */
function unshownSentence({ rule, may, rows, shows, colours }: UnshownCells, header: string): string {
  const them = rows.length > 1 ? 'them' : 'it';
  const values = `${counted(rows.length, 'value', 'values')} of "${header}" ${rows.length > 1 ? 'were' : 'was'}`;
  const texts = [...shows].filter((text) => text !== '');
  const shown =
    texts.length === 0
      ? 'blank'
      : `${[...(shows.has('') ? ['nothing'] : []), ...texts.map((text) => `"${text}"`)].join(' or ')} in place of the value`;
  const colouring = [...colours].map((c) => `${c} on ${c}`).join(', ');
  if (rule !== undefined)
    return may
      ? `${values} imported from cells a conditional format shows ${shown} where ${rule}, a formula Excel works out cell by cell (${firstRows(rows)}${colouring ? `; ${colouring}` : ''}): whoever checked the file may not have seen ${them}`
      : `${values} imported from cells a conditional format shows ${shown} where ${rule} (${firstRows(rows)}${colouring ? `; ${colouring}` : ''}): Excel shows ${them} so, and whoever checked the file did not see ${them}`;
  if (colouring)
    return `${values} imported from cells whose text is ${texts.length > 0 ? 'in part ' : ''}the colour of their background (${firstRows(rows)}; ${colouring}): Excel shows ${them} ${shown}, so whoever checked the file did not see ${them}`;
  return texts.length === 0
    ? `${values} imported from cells whose number format shows nothing (${firstRows(rows)}): Excel shows ${them} blank (a format such as ;;;), so whoever checked the file did not see ${them}`
    : `${values} imported from cells whose number format shows ${shown} (${firstRows(rows)}; a format such as "Nil";;): Excel shows that, not the value, so whoever checked the file did not see ${them}`;
}
