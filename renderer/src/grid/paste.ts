import { parse } from 'csv-parse/browser/esm/sync';
import { parseAmountText } from '../../../main/import/amounts';

/** One pasted row: the amount as Excel gave it, and the reason from the next column (or blank). */
export interface PastedRow {
  amount: string;
  reason: string;
}

/**
 * What Excel puts on the clipboard for a block of cells — tab-separated rows, a cell holding a
 * tab, a newline or a quote itself quoted — as amounts with an optional reason beside each. A
 * first row whose first cell is not an amount is taken for a header and left out. Throws with
 * the row when a cell is not an amount.
 */
export function pastedAmounts(text: string): PastedRow[] {
  const rows = (
    parse(text.replace(/\r?\n$/, ''), {
      delimiter: '\t',
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
    }) as string[][]
  ).map((cells) => ({ amount: (cells[0] ?? '').trim(), reason: (cells[1] ?? '').trim() }));
  const isAmount = (s: string) => {
    try {
      parseAmountText(s);
      return true;
    } catch {
      return false;
    }
  };
  const body = rows.length > 0 && !isAmount(rows[0]?.amount ?? '') ? rows.slice(1) : rows;
  body.forEach((row, i) => {
    if (!isAmount(row.amount)) throw new Error(`Row ${i + 1} of what was pasted, "${row.amount}", is not an amount`);
  });
  return body;
}
