import type Database from 'better-sqlite3';
import { counted } from '../format/numbers';
import { BillNumbers, namedBills, type PartyBill, WRITTEN_OTHERWISE } from './bill-numbers';
import { type NamingLine, spreadEarlierReceipts } from './earlier-receipts';
import { codeKey } from './master-names';
import { readSummary } from './read-as';

/** An invoice of the line's distributor with the number it names, exactly. */
const invoiceNamed = (line: string) =>
  `EXISTS (SELECT 1 FROM sales i WHERE i.doc_no = ${line}.against_doc_no AND i.distributor_code = ${line}.distributor_code AND i.doc_type = 'invoice')`;

/** The lines of other batches that name a bill no invoice of their distributor has exactly (a receipt: nor ageing-report bill). */
const namers = [
  {
    table: 'sales',
    what: 'credit_note',
    sql: `SELECT rowid AS id, distributor_code AS party, against_doc_no AS bill FROM sales s
          WHERE doc_type = 'credit_note' AND against_doc_no IS NOT NULL AND batch_id <> ? AND NOT ${invoiceNamed('s')}`,
  },
  {
    table: 'payments',
    what: 'receipt',
    sql: `SELECT rowid AS id, distributor_code AS party, against_doc_no AS bill FROM payments p
          WHERE against_doc_no IS NOT NULL AND batch_id <> ? AND NOT ${invoiceNamed('p')}
            AND NOT EXISTS (SELECT 1 FROM receivables r WHERE r.doc_no = p.against_doc_no AND r.distributor_code = p.distributor_code)`,
  },
] as const;

/**
 * Credit notes and receipts imported before the invoices they name, written otherwise than the
 * invoice (`inv/77` for `INV/77`, or `1043` for `0001043` once Excel has dropped its zeros from a
 * CSV). A file imported after its invoices has its numbers read as theirs (BillNumbers); one
 * imported before kept its own, which no run matches to the invoice: the return was never taken
 * off its bill, nor the receipt counted for early payment. A sales batch's invoices now take
 * them: each such number that exactly one invoice of this batch, of the same distributor, writes
 * otherwise becomes that invoice's; and a receipt naming several bills in one cell, among them
 * invoices of this batch, is spread over them (spreadEarlierReceipts). Asks the indexes by
 * number, so it runs once they are built (a large import drops them until the end). Answers what
 * the result says, or null.
 */
export function claimEarlierBills(db: Database.Database, batch: number): string | null {
  const naming = namers.map((n) => ({ ...n, lines: db.prepare(n.sql).all(batch) as NamingLine[] }));
  const all = naming.flatMap((n) => n.lines);
  if (all.length === 0) return null;
  // This batch's invoices written alike to those numbers (codeKey, in SQLite), each looked up as
  // BillNumbers reads a number: the one invoice that writes it otherwise, or none.
  db.function('code_key', { deterministic: true }, (text: unknown) =>
    typeof text === 'string' ? codeKey(text) : null,
  );
  const found = db
    .prepare(
      `SELECT DISTINCT distributor_code AS party, doc_no AS bill FROM sales
       WHERE batch_id = ? AND doc_type = 'invoice' AND code_key(doc_no) IN (SELECT value FROM json_each(?))`,
    )
    .all(batch, JSON.stringify([...new Set(all.flatMap((n) => namedBills(n.bill).map(codeKey)))])) as PartyBill[];
  const receipts = naming.find((n) => n.what === 'receipt')?.lines ?? [];
  const spread = spreadEarlierReceipts(db, receipts, found);
  const read = { credit_note: new BillNumbers(() => found), receipt: new BillNumbers(() => found) };
  for (const { table, what, lines } of naming) {
    const rename = db.prepare(`UPDATE ${table} SET against_doc_no = ? WHERE rowid = ?`);
    for (const n of lines) {
      if (what === 'receipt' && spread.spread.has(n.id)) continue;
      const invoice = read[what].read(n.party, n.bill);
      if (invoice !== n.bill) rename.run(invoice, n.id);
    }
  }
  const notes = readSummary(read.credit_note.rewritten);
  const renamed = readSummary(read.receipt.rewritten);
  const named = [
    notes.lines > 0 ? `${counted(notes.lines, 'credit note', 'credit notes')} (${notes.shown})` : '',
    renamed.lines > 0 ? `${counted(renamed.lines, 'receipt', 'receipts')} (${renamed.shown})` : '',
  ].filter((s) => s !== '');
  const verb = notes.lines + renamed.lines === 1 ? 'names' : 'name';
  const said = [
    named.length > 0
      ? `${named.join(' and ')} imported earlier ${verb} an invoice of this file otherwise than it is written (${WRITTEN_OTHERWISE}): each is now read as the invoice's, as it would have been had the invoices come first`
      : null,
    spread.note,
  ].filter((s) => s !== null);
  return said.length > 0 ? said.join('; ') : null;
}
