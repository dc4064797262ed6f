import type { DatasetKind } from '../datasets/kinds';
import { counted } from '../format/numbers';
import { kindRules } from './kind-rules';
import { fieldLabel, type Mapping } from './mapping';
import type { Cell, SourceRow } from './readers/types';
import { blank } from './row-values';
import { firstRows } from './unseen-values';

/**
 * A report or a pivot table shows a value once for the rows under it that share it: a date over
 * the day's bills, a party over its documents (Excel's pivot tables unless told to repeat item
 * labels; Crystal Reports' "suppress if duplicated"). Read as they are, every row but the first
 * lacks it and is refused. Where the import is asked to (`fillDown`), a blank cell of such a field
 * (kindRules' `repeated`: never an amount, nor a document's number, which a row of the same
 * document leaves blank already) takes the value last written above it.
 */

/** The columns of the fields a report may show once, as mapped. */
export function repeatedColumns(kind: DatasetKind, mapping: Mapping): number[] {
  return kindRules[kind].repeated.flatMap((field) => (mapping[field] === undefined ? [] : [mapping[field] as number]));
}

/** The rows with each blank cell of `columns` given the value last written above it, and marked `filled`. */
export async function* filledDown(
  rows: AsyncIterable<SourceRow>,
  columns: readonly number[],
): AsyncGenerator<SourceRow> {
  const above = new Map<number, Cell>();
  for await (const row of rows) {
    let filled: number[] | undefined;
    for (const column of columns) {
      const cell = row.cells[column];
      if (!blank(cell)) above.set(column, cell as Cell);
      else if (above.has(column)) {
        row.cells[column] = above.get(column) as Cell;
        filled ??= [];
        filled.push(column);
      }
    }
    yield filled ? { ...row, filled } : row;
  }
}

/**
 * What an import tells of blank cells of those fields: how many it filled, by column, where asked;
 * where not, the rows refused for a required one left blank under rows that write it, when they
 * are many (a tenth of the rows read, two at least): a report that shows a value once, whose
 * filling down is then offered. A row or two without a party among rows that have one is a row
 * missing it, for which taking the party above would pay the wrong distributor: not offered.
 */
export class FilledCells {
  private readonly counts = new Map<number, number>();
  private readonly columns: number[];
  /** The columns of those fields written on some row read so far. */
  private readonly written = new Set<number>();
  /** Where not asked: the rows a required field of them was blank on under rows that write it, and the fields' headers. */
  private readonly blankRows = new Set<number>();
  private readonly blankHeaders = new Set<string>();

  constructor(
    private readonly kind: DatasetKind,
    private readonly mapping: Mapping,
    private readonly headers: readonly string[],
    private readonly asked: boolean,
  ) {
    this.columns = [...new Set(repeatedColumns(kind, mapping))];
  }

  /** Told each row the import checks, in order. */
  read(row: SourceRow): void {
    if (row.filled) for (const column of row.filled) this.counts.set(column, (this.counts.get(column) ?? 0) + 1);
    // Asked of each row only until every such column is written once (the first row, mostly).
    if (!this.asked && this.written.size < this.columns.length)
      for (const column of this.columns) if (!blank(row.cells[column])) this.written.add(column);
  }

  /** Told each required field found blank on a row. */
  blankRequired(field: string, row: number): void {
    const column = this.mapping[field];
    if (this.asked || column === undefined || !this.written.has(column)) return;
    this.blankRows.add(row);
    this.blankHeaders.add(this.header(column, field));
  }

  /** The warning offering to fill down, where the rows refused so are many of those read. */
  warning(rowsRead: number): string | null {
    const rows = [...this.blankRows];
    if (rows.length < 2 || rows.length * 10 < rowsRead) return null;
    const fields = [...this.blankHeaders].map((h) => `"${h}"`).join(' or ');
    return `${counted(rows.length, 'row leaves', 'rows leave')} ${fields} blank under rows that write it (${firstRows(rows)}), as a report or a pivot table that shows a value once for the rows sharing it does: if this file is one, import it with "Take a blank date, party or outlet from the row above" (--fill-down); if not, give each row its own`;
  }

  /** The decision: "Blank cells took the value above them, as chosen: Invoice Date 2, Distributor Code 1". */
  decision(): { field: string; decision: string } | null {
    if (this.counts.size === 0) return null;
    const parts = [...this.counts].map(([column, n]) => `${this.header(column)} ${n.toLocaleString('en-IN')}`);
    return {
      field: '(blank cells)',
      decision: `Blank cells took the value written above them, as chosen for this import (a report or pivot table shows a value once for the rows that share it): ${parts.join(', ')}`,
    };
  }

  private header(column: number, field = Object.keys(this.mapping).find((f) => this.mapping[f] === column)): string {
    return this.headers[column] || fieldLabel(this.kind, field ?? '');
  }
}
