import type { DatasetKind } from '../datasets/kinds';
import { currencyOfMark } from './amounts';
import type { Mapping } from './mapping';
import type { Cell } from './readers/types';

/** The currency a column of currencies writes on a row: a mark amounts are written with, a word, or an ISO code. */
export function currencyNamed(cell: Cell | undefined): string | null {
  if (typeof cell !== 'string') return null;
  const marked = currencyOfMark(cell);
  if (marked !== null) return marked;
  const t = cell.trim().toLowerCase();
  if (/^(indian )?rupees?$/.test(t)) return 'INR';
  if (/^(us )?dollars?$/.test(t)) return 'USD';
  if (/^euros?$/.test(t)) return 'EUR';
  if (/^pounds? sterling$/.test(t)) return 'GBP';
  return /^[a-z]{3}$/.test(t) ? t.toUpperCase() : null;
}

/** A header naming an amount in the company's own currency: SAP's "(LC)", Odoo's "… Company Currency", "Amount (INR)". */
const inCompanyCurrency = /\(lc\)|\b(company|local|base|functional)\s*currency|\binr\b|₹|\brs\b/i;

/** The column each dataset's amount is read from, where the currency column would speak of it. */
const amountField: Partial<Record<DatasetKind, readonly string[]>> = {
  sales: ['net_value', 'with_tax', 'gross_total', 'debit_amount'],
  payments: ['amount', 'allocated', 'debit_amount'],
  receivables: ['outstanding'],
};

/**
 * What checks each row's currency column (Zoho's `Currency Code`, SAP's `Document Currency`):
 * answers the foreign currency a row is written in, or null. A file is in the workspace's
 * currency where any of its first rows names it, or where they name none or no one currency
 * most; otherwise it is in the one they name most (a company keeping its books in it: the result
 * warns once). A row in another currency than the file's is refused: a line billed in USD
 * among rupee lines, read as it was written, was imported as as many rupees. Where the amount
 * read is in the company's currency by its header (`Total Amount (LC)`), the column says nothing
 * of it and nothing is checked.
 */
export function currencyCheck(
  kind: DatasetKind,
  mapping: Mapping,
  headers: readonly string[],
  workspace: string,
  firstRows: readonly (readonly Cell[])[],
): { home: string; foreign: (cells: readonly Cell[]) => string | null; warning: string | null } | null {
  const column = mapping.currency;
  if (column === undefined) return null;
  const amount = (amountField[kind] ?? []).map((f) => mapping[f]).find((c) => c !== undefined);
  if (amount === undefined || inCompanyCurrency.test(headers[amount] ?? '')) return null;
  const counts = new Map<string, number>();
  for (const cells of firstRows) {
    const code = currencyNamed(cells[column]);
    if (code !== null) counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  const [first, second] = [...counts].sort((a, b) => b[1] - a[1]);
  const home = counts.has(workspace) || !first || first[1] === second?.[1] ? workspace : first[0];
  return {
    home,
    foreign: (cells) => {
      const code = currencyNamed(cells[column]);
      return code !== null && code !== home ? code : null;
    },
    warning:
      home === workspace
        ? null
        : `The file's amounts are in ${home} ("${headers[column]}"), and the workspace's currency is ${workspace}: they are imported as written, as amounts in ${workspace}; if the books are kept in ${home}, set the workspace's currency to it`,
  };
}
