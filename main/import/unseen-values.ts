import { counted } from '../format/numbers';
import type { Mapping } from './mapping';
import type { SourceRow } from './readers/types';

/** The first rows of a list, as a warning names them. */
const firstRows = (rows: readonly number[]) =>
  `${rows.length > 1 ? 'rows' : 'row'} ${rows.slice(0, 5).join(', ')}${rows.length > 5 ? ', …' : ''}`;

/**
 * What the import read that Excel does not show: a column the workbook hides, rows it hides
 * (filtered out, or by hand), cells whose number format shows nothing (`;;;`). Each is imported
 * with the others — the values are the file's own, and a hidden column or row is a legitimate
 * layout — and named in the result, as whoever checked the file never saw them.
 */
export class UnseenValues {
  private readonly hidden = new Set<number>();
  private readonly hiddenImported: number[] = [];
  private readonly blank = new Map<number, number[]>();
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

  /** An imported row: hidden, or with a value read from a cell shown blank. */
  imported(row: SourceRow): void {
    if (this.isHidden(row.number)) this.hiddenImported.push(row.number);
    if (row.shownBlank)
      for (const column of this.read)
        if (row.shownBlank.includes(column)) {
          const rows = this.blank.get(column) ?? [];
          rows.push(row.number);
          this.blank.set(column, rows);
        }
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
    for (const [column, rows] of this.blank)
      out.push(
        `${counted(rows.length, 'value', 'values')} of "${headers[column]}" ${rows.length > 1 ? 'were' : 'was'} imported from cells whose number format shows nothing (${firstRows(rows)}): Excel shows ${rows.length > 1 ? 'them' : 'it'} blank (a format such as ;;;), so whoever checked the file did not see ${rows.length > 1 ? 'them' : 'it'}`,
      );
    return out;
  }
}
