import { Exact } from '../../engine/money';
import type { StoredValue } from '../datasets/insert';
import { counted } from '../format/numbers';
import { normalizeHeader } from './aliases';
import { type DecimalMark, numberCellToDecimal, parseAmountText } from './amounts';
import type { Mapping } from './mapping';
import { splitQuantity } from './quantity-units';
import type { Cell } from './readers/types';
import { blank, type ConvertedRow } from './row-values';

/** Headers of the quantity a scheme gave free beside the one sold (Marg's and Busy's "Free", "Free Qty", "FOC", "Sch Qty"). */
const freeHeaders = new Set([
  'free',
  'freeqty',
  'freequantity',
  'freeqnty',
  'freeunits',
  'freepcs',
  'freegoods',
  'freeissue',
  'foc',
  'focqty',
  'focquantity',
  'bonusqty',
  'bonusquantity',
  'schqty',
  'schemeqty',
  'schemequantity',
  'schemefreeqty',
  'freeschemeqty',
]);

/**
 * Goods given free on a sales line, never counted as sold: a scheme on quantity pays on what was
 * billed. Counts, over the lines imported, what a column of free goods beside the quantity holds
 * and what quantities written as billed + free ("10+2") give free, so the result can say why its
 * quantities fall short of the goods the file shows leaving.
 */
export class FreeGoods {
  private readonly columns: { index: number; header: string; lines: number; total: Exact }[];
  private readonly written = { lines: 0, total: new Exact(0) };
  /** Lines of their own billed at nothing: imported as written, counted by no quantity measure. */
  private readonly atNothing = { lines: 0, total: new Exact(0) };

  constructor(
    private readonly headers: readonly string[],
    private readonly mapping: Mapping,
    private readonly decimalMark: DecimalMark,
  ) {
    const mapped = new Set(Object.values(mapping));
    this.columns = headers.flatMap((header, index) =>
      !mapped.has(index) && freeHeaders.has(normalizeHeader(header))
        ? [{ index, header, lines: 0, total: new Exact(0) }]
        : [],
    );
  }

  /** A line imported from these cells, as converted and as stored. */
  add(cells: readonly Cell[], converted: ConvertedRow, stored: Readonly<Record<string, StoredValue>>): void {
    if (converted.freeQty !== undefined) this.count(this.written, converted.freeQty);
    for (const column of this.columns) this.count(column, cells[column.index]);
    if (stored.net_value === 0 && typeof stored.qty === 'number' && stored.qty !== 0) {
      this.atNothing.lines++;
      this.atNothing.total = this.atNothing.total.plus(new Exact(stored.qty).dividedBy(1000));
    }
  }

  private count(into: { lines: number; total: Exact }, cell: Cell | undefined): void {
    if (blank(cell)) return;
    let quantity: Exact;
    try {
      quantity = new Exact(
        typeof cell === 'number'
          ? numberCellToDecimal(cell, 10)
          : parseAmountText(splitQuantity(String(cell)).number, this.decimalMark),
      );
    } catch {
      // A cell that says no quantity gives none away: the line's own quantity is what is imported.
      return;
    }
    if (quantity.isZero()) return;
    into.lines++;
    into.total = into.total.plus(quantity);
  }

  /** What was left out of the quantities, and from where; none when no line gave anything free. */
  decisions(): { field: string; decision: string }[] {
    const given = (lines: number, total: Exact) =>
      `${counted(lines, 'line gives', 'lines give')} ${total.toFixed()} free in all`;
    const quantity = this.headers[this.mapping.qty ?? -1] ?? 'the quantity';
    const notes = this.columns
      .filter((column) => column.lines > 0)
      .map((column) => ({
        field: 'qty',
        decision: `"${column.header}" is not counted: goods given free are no sale, and the quantities are read from "${quantity}" alone (${given(column.lines, column.total)})`,
      }));
    if (this.written.lines > 0)
      notes.push({
        field: 'qty',
        decision: `Quantities written as billed + free ("10+2") are read as the billed part: goods given free are no sale (${given(this.written.lines, this.written.total)})`,
      });
    if (this.atNothing.lines > 0)
      notes.push({
        field: 'qty',
        decision: `${counted(this.atNothing.lines, 'line', 'lines')} billed at nothing (${this.atNothing.total.toFixed()} units in all) ${this.atNothing.lines === 1 ? 'is' : 'are'} imported as written: goods given free, whose units no scheme on quantity counts`,
      });
    return notes;
  }
}
