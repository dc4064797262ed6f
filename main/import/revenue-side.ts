import type { DatasetKind } from '../datasets/kinds';
import { classifyDocType, type TypeMap } from './doc-types';
import type { Mapping } from './mapping';
import type { Cell } from './readers/types';
import { blank } from './row-values';

/** An account of sales: "400000 Product Sales", "Sales - GST 18%", "Revenue", "Other Income". */
const revenueAccount = /\b(sales?|revenue|income|turnover)\b/i;
/** Accounts a sale's entry touches that are not its revenue: the party's, the money's, the tax's. */
const otherAccount = /\b(receivables?|debtors?|customers?|bank|cash|gst|cgst|sgst|igst|tax|taxes|vat|tds|tcs|round)\b/i;

/** Whether a Debit or Credit cell holds an amount other than nought. */
const holdsAmount = (cell: Cell | undefined) =>
  typeof cell === 'number' ? cell !== 0 : !blank(cell) && /[1-9]/.test(String(cell));

/**
 * The sentence saying a file of document types is the revenue account's side, or null: two or
 * more invoices read, every one on the Credit side, and no credit note there. Tally's Sales
 * Register lists each sales voucher's party in Particulars and its amount under Credit, as the
 * sales account books it (its Day Book, the party's side, writes it under Debit); read from the
 * party's side every sale was a return. An invoice-type line the party's side credits (ERPNext's
 * return) stays a return in a file whose invoices are debits.
 */
function creditedInvoices(
  mapping: Mapping,
  headers: readonly string[],
  rows: readonly (readonly Cell[])[],
  typeMap: TypeMap | undefined,
): string | null {
  const { doc_type: type, debit_amount: debit, credit_amount: credit } = mapping;
  if (type === undefined || debit === undefined || credit === undefined) return null;
  let credited = 0;
  let first = '';
  for (const cells of rows) {
    const name = cells[type];
    const as = blank(name) ? null : classifyDocType(String(name).trim(), typeMap)?.as;
    const onCredit = holdsAmount(cells[credit]) && !holdsAmount(cells[debit]);
    if ((as === 'invoice' && holdsAmount(cells[debit])) || (as === 'credit_note' && onCredit)) return null;
    if (as === 'invoice' && onCredit) {
      credited++;
      first ||= String(name).trim();
    }
  }
  return credited < 2
    ? null
    : `Every invoice read ("${first}") is under "${headers[credit]}" and no credit note is: the lines are the sales account's side of each entry (Tally's Sales Register), where a sale is a credit and a return a debit, so each line's amount is its credit less its debit`;
}

/**
 * Whether a sales file of Debit and Credit amounts is a ledger of the revenue account, not the
 * party's: its `Account` names a revenue account on every line read (Odoo's journal items of
 * its sales journal, filtered to the income account), or its invoices are all credits
 * (creditedInvoices). The party is debited for a sale; the revenue account is credited. Read
 * from the party's side, every sale was a credit note and every return a sale. Answers the
 * sentence saying so, or null.
 */
export function revenueSide(
  kind: DatasetKind,
  mapping: Mapping,
  headers: readonly string[],
  rows: readonly (readonly Cell[])[],
  typeMap?: TypeMap,
): { field: string; decision: string } | null {
  const ledger = mapping.ledger;
  if (kind !== 'sales' || mapping.net_value !== undefined) return null;
  if (mapping.debit_amount === undefined && mapping.credit_amount === undefined) return null;
  if (ledger === undefined) {
    const credited = creditedInvoices(mapping, headers, rows, typeMap);
    return credited === null ? null : { field: 'net_value', decision: credited };
  }
  const accounts = rows
    .map((cells) => cells[ledger])
    .filter((c): c is string => typeof c === 'string' && c.trim() !== '');
  if (accounts.length === 0 || !accounts.every((a) => revenueAccount.test(a) && !otherAccount.test(a))) return null;
  return {
    field: 'net_value',
    decision: `"${headers[ledger]}" names a revenue account on every line read ("${accounts[0]}"): the lines are that account's side of each entry, where a sale is a credit and a return a debit, so each line's amount is its credit less its debit`,
  };
}
