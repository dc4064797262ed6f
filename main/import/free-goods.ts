import { Exact } from '../../engine/money';
import type { StoredValue } from '../datasets/insert';
import { counted } from '../format/numbers';
import { billedQuantityHeaders, isFreeGoodsHeader, normalizeHeader } from './aliases';
import type { Mapping } from './mapping';
import type { Cell } from './readers/types';
import { type ConvertedRow, type Decisions, quantityOf } from './row-values';

/** Headers of a quantity that counts the goods given free with those billed, beside a billed quantity (Tally's Actual Quantity). */
const allGoodsHeaders = new Set(['actualquantity', 'actualqty', 'qty', 'quantity']);

/**
 * Goods given free on a sales line, never counted as sold: a scheme on quantity pays on what was
 * billed. Counts, over the lines imported, what a column of free goods beside the quantity holds
 * and what quantities written as billed + free ("10+2") give free, so the result can say why its
 * quantities fall short of the goods the file shows leaving.
 */
export class FreeGoods {
  /**
   * Each tally: the lines that gave something free, and their quantities in thousandths. A column
   * of all the goods (`beyondBilled`) gives free what it holds beyond the quantity billed.
   */
  private readonly columns: { index: number; header: string; lines: number; total: number; beyondBilled?: true }[];
  private readonly written = { lines: 0, total: 0 };
  /** Lines of their own billed at nothing: imported as written, counted by no quantity measure. */
  private readonly atNothing = { lines: 0, total: 0 };
  /** Lines with a quantity and neither price nor amount: read as billed at nothing. */
  private readonly unpriced = { lines: 0, total: 0 };

  constructor(
    private readonly headers: readonly string[],
    private readonly mapping: Mapping,
    /** How the import reads numbers (its decimal mark, its digits): the quantities here are read so too. */
    private readonly decided: Decisions,
  ) {
    const mapped = new Set(Object.values(mapping));
    this.columns = headers.flatMap((header, index) =>
      !mapped.has(index) && isFreeGoodsHeader(header) ? [{ index, header, lines: 0, total: 0 }] : [],
    );
    // Without a column of free goods, a plain quantity beside the billed one holds them too.
    const billed = billedQuantityHeaders.includes(normalizeHeader(headers[mapping.qty ?? -1] ?? ''));
    const all = headers.findIndex(
      (header, index) => !mapped.has(index) && allGoodsHeaders.has(normalizeHeader(header)),
    );
    if (billed && this.columns.length === 0 && all >= 0)
      this.columns.push({ index: all, header: headers[all] ?? '', lines: 0, total: 0, beyondBilled: true });
  }

  /** What a column gives free on a line: its quantity, or what it holds beyond the quantity billed. */
  private freeIn(cells: readonly Cell[], column: FreeGoods['columns'][number]): number | null {
    const quantity = quantityOf(cells[column.index], this.decided);
    if (!column.beyondBilled || quantity === null) return quantity;
    const billed = quantityOf(cells[this.mapping.qty ?? -1], this.decided) ?? 0;
    return Math.max(0, Math.abs(quantity) - Math.abs(billed));
  }

  /** A line imported from these cells, as converted and as stored. */
  add(cells: readonly Cell[], converted: ConvertedRow, stored: Readonly<Record<string, StoredValue>>): void {
    if (converted.freeQty !== undefined) this.count(this.written, quantityOf(converted.freeQty, this.decided));
    for (const column of this.columns) this.count(column, this.freeIn(cells, column));
    if (stored.net_value === 0 && typeof stored.qty === 'number')
      this.count(converted.unpriced ? this.unpriced : this.atNothing, stored.qty);
  }

  private count(into: { lines: number; total: number }, thousandths: number | null): void {
    // A cell that says no quantity gives none away: the line's own quantity is what is imported.
    if (thousandths === null || thousandths === 0) return;
    into.lines++;
    into.total += thousandths;
  }

  /** What was left out of the quantities, and from where; none when no line gave anything free. */
  decisions(): { field: string; decision: string }[] {
    const units = (thousandths: number) => new Exact(thousandths).dividedBy(1000).toFixed();
    const given = ({ lines, total }: { lines: number; total: number }) =>
      `${counted(lines, 'line gives', 'lines give')} ${units(total)} free in all`;
    const quantity = this.headers[this.mapping.qty ?? -1] ?? 'the quantity';
    const notes = this.columns
      .filter((column) => column.lines > 0)
      .map((column) => ({
        field: 'qty',
        decision: `"${column.header}" is not counted: goods given free are no sale, and the quantities are read from "${quantity}" alone (${given(column)})`,
      }));
    if (this.written.lines > 0)
      notes.push({
        field: 'qty',
        decision: `Quantities written as billed + free ("10+2") are read as the billed part: goods given free are no sale (${given(this.written)})`,
      });
    const { lines, total } = this.atNothing;
    if (lines > 0)
      notes.push({
        field: 'qty',
        decision: `${counted(lines, 'line', 'lines')} billed at nothing (${units(total)} units in all) ${lines === 1 ? 'is' : 'are'} imported as written: goods given free, whose units no scheme on quantity counts`,
      });
    const price = this.headers[this.mapping.rate ?? -1] ?? 'the price';
    if (this.unpriced.lines > 0)
      notes.push({
        field: 'net_value',
        decision: `${counted(this.unpriced.lines, 'line has', 'lines have')} a quantity (${units(this.unpriced.total)} units in all) and neither "${price}" nor any amount: read as billed at nothing, goods given free, whose units no scheme on quantity counts`,
      });
    return notes;
  }
}
