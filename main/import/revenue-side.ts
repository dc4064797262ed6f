import type { DatasetKind } from '../datasets/kinds';
import type { Mapping } from './mapping';
import type { Cell } from './readers/types';

/** An account of sales: "400000 Product Sales", "Sales - GST 18%", "Revenue", "Other Income". */
const revenueAccount = /\b(sales?|revenue|income|turnover)\b/i;
/** Accounts a sale's entry touches that are not its revenue: the party's, the money's, the tax's. */
const otherAccount = /\b(receivables?|debtors?|customers?|bank|cash|gst|cgst|sgst|igst|tax|taxes|vat|tds|tcs|round)\b/i;

/**
 * Whether a sales file of Debit and Credit amounts is a ledger of the revenue account, not the
 * party's: its `Account` names a revenue account on every line read (Odoo's journal items of
 * its sales journal, filtered to the income account). The party is debited for a sale; the
 * revenue account is credited. Read from the party's side, every sale was a credit note and
 * every return a sale. Answers the sentence saying so, or null.
 */
export function revenueSide(
  kind: DatasetKind,
  mapping: Mapping,
  headers: readonly string[],
  rows: readonly (readonly Cell[])[],
): { field: string; decision: string } | null {
  const ledger = mapping.ledger;
  if (kind !== 'sales' || ledger === undefined || mapping.net_value !== undefined) return null;
  if (mapping.debit_amount === undefined && mapping.credit_amount === undefined) return null;
  const accounts = rows
    .map((cells) => cells[ledger])
    .filter((c): c is string => typeof c === 'string' && c.trim() !== '');
  if (accounts.length === 0 || !accounts.every((a) => revenueAccount.test(a) && !otherAccount.test(a))) return null;
  return {
    field: 'net_value',
    decision: `"${headers[ledger]}" names a revenue account on every line read ("${accounts[0]}"): the lines are that account's side of each entry, where a sale is a credit and a return a debit, so each line's amount is its credit less its debit`,
  };
}
