import { normalizeHeader } from './aliases';
import type { Mapping } from './mapping';
import type { Cell } from './readers/types';

/** A column named for what was sold before returns: Sales Qty, Sale Value, Gross Sales Amount, Billed Qty. */
const namedForSales = /^(gross)?(sales?|billed|invoiced?)(qty|quantity|value|amount|amt|val)?$/;

/** Each column of returns written beside the sales, and the field it comes off. */
export const returnsBeside = [
  { returned: 'returned_qty', from: 'qty' },
  { returned: 'returned_value', from: 'net_value' },
] as const;

/**
 * A summary writes each row's returns beside its sales (a DMS's `Sales Qty`, `Return Qty`,
 * `Sales Value`, `Return Value`): read alone, the sales counted every return as sold. A column
 * of returns is taken off the quantity or the value only where that is named for sales; beside a
 * `Net Qty` or `Net Value`, which the returns are off already, or a bare `Qty`, which says
 * neither, it is left out. Changes `mapping`.
 */
export function keepReturnsBesideSales(headers: readonly string[], mapping: Mapping): void {
  for (const { returned, from } of returnsBeside) {
    const column = mapping[from];
    if (mapping[returned] === undefined) continue;
    if (column === undefined || !namedForSales.test(normalizeHeader(headers[column] ?? ''))) delete mapping[returned];
  }
}

/** What the import says of the returns it takes off, naming the columns. */
export function returnsNote(headers: readonly string[], mapping: Mapping): { field: string; decision: string } | null {
  const parts = returnsBeside.flatMap(({ returned, from }) => {
    const r = mapping[returned];
    const f = mapping[from];
    return r === undefined || f === undefined ? [] : [`"${headers[f]}" less "${headers[r]}"`];
  });
  if (parts.length === 0) return null;
  return {
    field: 'net_value',
    decision: `Each row writes its returns beside its sales, so they are taken off: ${parts.join(', and ')}`,
  };
}

/** A flag's values: yes or no, in words or as 0 and 1. */
const flagWord = /^(y|yes|n|no|true|false|0|1|return|returned|r|)$/i;

/**
 * A column proposed as a return flag (`Sales Return`) that holds amounts on the first rows
 * (200.00, 1,250): the returns beside the sales, not a flag. Read as a flag, an amount of 1 made
 * its whole row a return and any other was passed over. It becomes the value returned (kept
 * where the value is named for sales, as keepReturnsBesideSales keeps one), and the answer says
 * so; null where the column is a flag or none is proposed.
 */
export function flagOfAmounts(
  headers: readonly string[],
  mapping: Mapping,
  rows: readonly (readonly Cell[])[],
): { field: string; decision: string } | null {
  const column = mapping.return_flag;
  if (column === undefined) return null;
  const amounts = rows.some((cells) => {
    const cell = cells[column];
    return typeof cell === 'number'
      ? cell !== 0 && cell !== 1
      : typeof cell === 'string' && !flagWord.test(cell.trim());
  });
  if (!amounts) return null;
  delete mapping.return_flag;
  mapping.returned_value ??= column;
  keepReturnsBesideSales(headers, mapping);
  return {
    field: 'return_flag',
    decision: `"${headers[column]}" holds amounts, not a flag marking returns: ${mapping.returned_value === column ? 'it is the value returned beside the sales' : `it is not imported, as "${headers[mapping.net_value ?? -1] ?? 'the net value'}" is not named for sales before returns`}`,
  };
}
