import type { DatasetKind } from '../datasets/kinds';
import { normalizeHeader } from './aliases';
import { drCrWritten } from './amounts';
import type { Mapping } from './mapping';
import type { Cell } from './readers/types';
import { blank } from './row-values';

/**
 * Tally's Day Book in detailed form writes each voucher's other ledgers on rows under it: the
 * sales ledger, the CGST and SGST ledgers, the round-off of a sale; the bank of a receipt. Such a
 * row has no voucher number and no date, and a ledger's name where the party goes. It is not a
 * sale or a receipt of its own: the voucher's amount is its party's line (or, with items, its
 * item lines'). A row of that shape right under a voucher, with an amount (a party's heading has
 * none), no item or quantity (an item row has them) and no allocation (an ERPNext bill row under
 * its receipt has one), is one of its ledger lines. Null when the file cannot have any.
 */
export function ledgerLineTest(kind: DatasetKind, mapping: Mapping): ((cells: readonly Cell[]) => boolean) | null {
  const party = mapping.distributor_code;
  const { voucher, date } = voucherColumns(kind, mapping);
  const shape = ledgerLineShape(mapping);
  if (party === undefined || voucher === undefined || date === undefined || shape === null) return null;
  return (cells) => blank(cells[voucher]) && blank(cells[date]) && !blank(cells[party]) && shape(cells);
}

/**
 * A ledger line with no amount written: Tally's detailed Day Book lists every ledger of a voucher,
 * a round-off or an IGST ledger of nothing too (a voucher class adds them to each voucher), its
 * amount cells blank. Its row is a ledger's name where the party goes and nothing in any other
 * column the import reads. A sale's rows hang together by their document number, so such a row
 * under a voucher heads nothing: it is one of the voucher's ledger lines, where it was refused as
 * a line of that voucher missing its amount. Asked only of a file that has ledger lines
 * (ledgerLineTest); null for any but a sales file.
 */
export function emptyLedgerLineTest(kind: DatasetKind, mapping: Mapping): ((cells: readonly Cell[]) => boolean) | null {
  const party = mapping.distributor_code;
  if (kind !== 'sales' || party === undefined) return null;
  const others = [...new Set(Object.values(mapping))].filter((c) => c !== party);
  return (cells) => !blank(cells[party]) && others.every((c) => blank(cells[c]));
}

/**
 * Tally's detailed Day Book may write a ledger line's amount, or its share of a cost centre (or of
 * a bill), in a column of its own without a header (Particulars' is merged over it), its Dr or Cr
 * beside it: a ledger's or a centre's name where the party goes, nothing in the columns of the
 * voucher's amounts. Such a row is part of the voucher above it. The test answers it as a ledger
 * line, its amount moved where a ledger line's goes, or null; the test is null when the file has
 * no column without a header.
 */
export function subAmountLineTest(
  kind: DatasetKind,
  mapping: Mapping,
  headers: readonly string[],
  isAmount: (cell: Cell | undefined) => boolean,
): ((cells: readonly Cell[]) => Cell[] | null) | null {
  const party = mapping.distributor_code;
  const { voucher, date } = voucherColumns(kind, mapping);
  const mapped = new Set(Object.values(mapping));
  // No header of its own: blank, or the one merged over it and the column before it (Particulars').
  const unheaded = headers.flatMap((h, i) =>
    !mapped.has(i) && (h.trim() === '' || (i > 0 && h === headers[i - 1])) ? [i] : [],
  );
  const amounts = amountColumns(mapping);
  const own = [...amounts, ...lineOwnColumns(mapping)];
  const [to] = amounts;
  if (party === undefined || voucher === undefined || date === undefined || to === undefined || unheaded.length === 0)
    return null;
  return (cells) => {
    if (!blank(cells[voucher]) || !blank(cells[date]) || blank(cells[party]) || !own.every((c) => blank(cells[c])))
      return null;
    const from = unheaded.find((c) => !blank(cells[c]) && isAmount(cells[c]));
    if (from === undefined) return null;
    const line = [...cells];
    // Beside a Debit / Credit pair, the side written after the amount says which it goes in (a
    // round-off's side is what it adds to the bill or takes from it).
    const mark = unheaded.filter((c) => c > from).map((c) => cells[c]);
    const side = mark.map((cell) => (typeof cell === 'string' ? drCrWritten(cell) : null)).find((x) => x !== null);
    const { debit_amount: debit, credit_amount: credit } = mapping;
    const into = side && debit !== undefined && credit !== undefined ? (side === 'debit' ? debit : credit) : to;
    line[into] = cells[from] ?? null;
    return line;
  };
}

/** The columns of a row's voucher: a sale's document number and date, a receipt's. */
export function voucherColumns(kind: DatasetKind, mapping: Mapping): { voucher?: number; date?: number } {
  if (kind === 'sales') return { voucher: mapping.doc_no, date: mapping.doc_date };
  if (kind === 'payments') return { voucher: mapping.receipt_no, date: mapping.receipt_date };
  return {};
}

/** What only a real line has: an item row its item and quantity, an ERPNext bill row its allocation. */
const lineOwnColumns = (mapping: Mapping): number[] =>
  [mapping.sku, mapping.qty, mapping.allocated].filter((c): c is number => c !== undefined);

/** The columns a voucher's or a ledger line's amount may sit in, the net value's first. */
const amountColumns = (mapping: Mapping): number[] =>
  [mapping.net_value, mapping.credit_amount, mapping.debit_amount, mapping.amount, mapping.gross_total].filter(
    (c): c is number => c !== undefined,
  );

/**
 * What every ledger line is: it carries its amount (a party's heading row above its lines, the
 * next party's in a report grouped by party, has none), and nothing only a real line has (an
 * item row its item and quantity, an ERPNext bill row its allocation). Null when the file has
 * no amount column.
 */
function ledgerLineShape(mapping: Mapping): ((cells: readonly Cell[]) => boolean) | null {
  const amounts = amountColumns(mapping);
  if (amounts.length === 0) return null;
  const ownColumns = lineOwnColumns(mapping);
  return (cells) => amounts.some((c) => !blank(cells[c])) && ownColumns.every((c) => blank(cells[c]));
}

/**
 * A general ledger's lines (ERPNext's General Ledger, journal-style exports): every entry of a
 * voucher is a row of its own, each carrying the voucher's number and date; the party's entry
 * names the party, the others (the sales ledger, the CGST and SGST ledgers; a receipt's bank)
 * leave it blank and name their account in a column of their own. Such a row, with an amount and
 * no item, is one of its voucher's ledger lines, as a detailed Day Book's are.
 *
 * A ledger-wise day book writes the voucher's party on every entry (Party beside Ledger): there a
 * sale's entry on another account than the party's own (its ledger not the party's name, nor a
 * receivables account such as ERPNext's "Debtors - AG") is a ledger line too; each had been read
 * as a sale of its own, the sales and tax ledgers' credits as returns. A voucher none of whose
 * entries is the party's is read row by row, as before. A receipt's entries with no party are
 * left out at once, without waiting for their voucher's; those with it are receiptEntryTest's.
 */
export const journalLineTest = (kind: DatasetKind, mapping: Mapping) =>
  entryTest(kind, mapping, (account, party) => blank(party) || (kind === 'sales' && onAnotherAccount(account, party)));

/**
 * A receipt's entry in a ledger-wise day book, its party written on it too: on another account
 * than the party's own (the bank the money went to, the TDS withheld). Left out only where its
 * voucher has the party's own entry (the layout waits for it): a receipts register naming each
 * receipt's bank beside its party has none, and its every row is a receipt.
 */
export const receiptEntryTest = (mapping: Mapping) =>
  entryTest('payments', mapping, (account, party) => !blank(party) && onAnotherAccount(account, party));

/**
 * A voucher's entry that is not its party's own, as `other` tells by its account and its party
 * cell: it carries the voucher's number, names its account and has an amount and no item. Null
 * when the file has no account column beside its party's, so a row that merely lacks its party
 * stays an error.
 */
function entryTest(
  kind: DatasetKind,
  mapping: Mapping,
  other: (account: Cell | undefined, party: Cell | undefined) => boolean,
): ((cells: readonly Cell[]) => boolean) | null {
  const { distributor_code: party, ledger } = mapping;
  const { voucher } = voucherColumns(kind, mapping);
  const shape = ledgerLineShape(mapping);
  if (party === undefined || voucher === undefined || ledger === undefined || shape === null) return null;
  return (cells) =>
    !blank(cells[voucher]) && !blank(cells[ledger]) && shape(cells) && other(cells[ledger], cells[party]);
}

/**
 * A receivables account, the party's side of a sale or a receipt: Tally's Sundry Debtors, ERPNext's
 * "Debtors - AG", QuickBooks' and Zoho's "Accounts Receivable", "Trade Receivables"; not a "TDS
 * Receivable" or a "GST Receivable", the tax's.
 */
const receivablesAccount =
  /\bdebtors?\b|\baccounts? receivable\b|\btrade receivables?\b|\bbills receivable\b|^\s*receivables?\b/i;

/** An entry's account is not its party's own: not the party's name, nor a receivables account. */
function onAnotherAccount(account: Cell | undefined, party: Cell | undefined): boolean {
  const name = String(account ?? '').trim();
  return normalizeHeader(name) !== normalizeHeader(String(party ?? '')) && !receivablesAccount.test(name);
}
