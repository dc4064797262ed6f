import { inForeignCurrency } from './aliases';
import type { Mapping } from './mapping';
import type { Cell } from './readers/types';
import { convertRow, type Decisions } from './row-values';

/**
 * The column that holds a sales file's net value where the column named as the net holds the
 * amount before discount. Infor M3 writes "Net Invoice Amount" as quantity × price and "Invoice
 * Amount" as that less "Discount Invoice Amount" (the amount its contribution is worked out from):
 * taking the first as the net would count every discount as a sale. So: where another column
 * holds, on every line read, the proposed net less the discount, and at least one line has a
 * discount, that column is the net. Of several such columns, one not in a foreign currency, the
 * first. Null where there is none, or no discount column to tell by.
 */
export function netAfterDiscount(
  mapping: Mapping,
  headers: readonly string[],
  rows: readonly (readonly Cell[])[],
  decisions: Decisions,
): number | null {
  const { net_value: net, discount } = mapping;
  if (net === undefined || discount === undefined) return null;
  const amount = (column: number, cells: readonly Cell[]) => {
    const value = convertRow('sales', { net_value: column }, cells, decisions, {}).values.net_value;
    return typeof value === 'number' ? value : null;
  };
  const lines = rows
    .map((cells) => {
      const before = amount(net, cells);
      const off = amount(discount, cells) ?? 0;
      return { cells, before, off };
    })
    .filter((l) => l.before !== null);
  if (!lines.some((l) => l.off !== 0)) return null;
  const taken = new Set(Object.values(mapping));
  const fits = headers
    .map((_, column) => column)
    .filter(
      (column) => !taken.has(column) && lines.every((l) => amount(column, l.cells) === (l.before as number) - l.off),
    );
  return fits.find((column) => !inForeignCurrency(headers[column] ?? '')) ?? fits[0] ?? null;
}
