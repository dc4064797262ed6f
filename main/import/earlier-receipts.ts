import type Database from 'better-sqlite3';
import { billParts, type PartyBill, partyKey, receiptBills } from './bill-numbers';
import { ReceiptSpread } from './receipt-spread';

/** A stored line (a receipt's, a credit note's) that names a bill no invoice of its distributor has exactly. */
export interface NamingLine {
  id: number;
  party: string;
  bill: string;
}

/**
 * Receipts imported before the invoices they name, naming several in one cell ("INV-1, INV-2").
 * With no such invoices yet, the import kept each whole against the cell's text, and early
 * payment paid on none of its bills. Once a sales batch brings one of them and every bill the
 * cell names is an invoice of the distributor, the receipt is spread over them as its import
 * would have spread it (ReceiptSpread, oldest bill first): its row becomes the first part, and a
 * row of the same receipt is added for each other part. A receipt that already has a row against
 * one of those bills (or on account) is left whole: spread, it would repeat that row. `mine`:
 * this batch's invoices. Answers the rows spread and what the result says of them.
 */
export function spreadEarlierReceipts(
  db: Database.Database,
  lines: readonly NamingLine[],
  mine: readonly PartyBill[],
): { spread: Set<number>; note: string | null } {
  const spread = new Set<number>();
  const several = lines.filter((n) => billParts(n.bill).length > 1).sort((a, b) => a.id - b.id);
  if (several.length === 0) return { spread, note: null };
  const ours = new Set(mine.map((b) => partyKey(b.party, b.bill)));
  const bills = receiptBills(db);
  const spreader = new ReceiptSpread(db, null);
  const row = db.prepare('SELECT receipt_no AS receipt, receipt_date AS date, amount FROM payments WHERE rowid = ?');
  const others = db
    .prepare(
      'SELECT against_doc_no FROM payments WHERE receipt_no = ? AND distributor_code = ? AND receipt_date IS ? AND rowid <> ?',
    )
    .pluck();
  const columns = (db.prepare("SELECT name FROM pragma_table_info('payments')").pluck().all() as string[]).filter(
    (c) => c !== 'id',
  );
  const copied = columns.map((c) => (c === 'against_doc_no' || c === 'amount' ? `@${c}` : c)).join(', ');
  const add = db.prepare(
    `INSERT INTO payments (${columns.join(', ')}) SELECT ${copied} FROM payments WHERE rowid = @id`,
  );
  const first = db.prepare('UPDATE payments SET against_doc_no = @against_doc_no, amount = @amount WHERE rowid = @id');
  for (const n of several) {
    const listed = bills.listed(n.party, n.bill);
    if (!listed?.some((b) => ours.has(partyKey(n.party, b)))) continue;
    const { receipt, date, amount } = row.get(n.id) as { receipt: string; date: string | null; amount: number };
    const taken = others.all(receipt, n.party, date, n.id) as (string | null)[];
    if (taken.some((b) => b === null || listed.includes(b))) continue;
    const parts = spreader.spread(n.party, listed, amount);
    if (!parts) continue;
    spreader.took(n.party, parts, n.bill);
    for (const [i, part] of parts.entries())
      (i === 0 ? first : add).run({ id: n.id, against_doc_no: part.bill, amount: part.amount });
    spread.add(n.id);
  }
  return { spread, note: spreader.decision(true) };
}
