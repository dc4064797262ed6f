import type Database from 'better-sqlite3';
import { counted } from '../format/numbers';
import { BillNumbers, likelyShown, type PartyBill, WRITTEN_OTHERWISE } from './bill-numbers';
import { readSummary } from './read-as';

/**
 * The invoices a sales batch's credit notes return, as the sales write their numbers. A return is
 * matched to its invoice by number, exactly (a late return clawed back from what an approved run
 * paid on that invoice; a distributor's return taken off the invoice it was billed), so a credit
 * note against `inv/2610/00015`, or `1043` for `0001043`, returned nothing and the scheme
 * over-paid. Run once the batch's lines are in, so the file's own invoices count: a number no
 * invoice of the distributor has exactly, but one writes otherwise, becomes that invoice's.
 * Answers the numbers looked up, or null when the batch returns no invoice by number.
 */
export function matchReturnedInvoices(db: Database.Database, batch: number): BillNumbers | null {
  const returned = db
    .prepare(
      `SELECT distributor_code AS party, against_doc_no AS bill, count(*) AS lines FROM sales
       WHERE batch_id = ? AND doc_type = 'credit_note' AND against_doc_no IS NOT NULL GROUP BY 1, 2`,
    )
    .all(batch) as (PartyBill & { lines: number })[];
  if (returned.length === 0) return null;
  const parties = JSON.stringify([...new Set(returned.map((r) => r.party))]);
  const invoices = new BillNumbers(
    () =>
      db
        .prepare(
          `SELECT DISTINCT distributor_code AS party, doc_no AS bill FROM sales
           WHERE doc_type = 'invoice' AND distributor_code IN (SELECT value FROM json_each(?))`,
        )
        .all(parties) as PartyBill[],
  );
  const rewrite = db.prepare(
    `UPDATE sales SET against_doc_no = ? WHERE batch_id = ? AND doc_type = 'credit_note' AND distributor_code = ? AND against_doc_no = ?`,
  );
  for (const { party, bill, lines } of returned) {
    const invoice = invoices.read(party, bill, lines);
    if (invoice !== bill) rewrite.run(invoice, batch, party, bill);
  }
  return invoices;
}

/** What a sales import says of the invoices its credit notes return, when it read some otherwise. */
export function returnedNotes(
  invoices: BillNumbers,
  result: { decisions: { field: string; decision: string }[]; warnings: string[] },
) {
  if (invoices.rewritten.size > 0) {
    const { lines, shown } = readSummary(invoices.rewritten);
    result.decisions.push({
      field: 'against_doc_no',
      decision: `${counted(lines, 'credit note writes the number of the invoice it returns', 'credit notes write the number of the invoice they return')} otherwise than the invoice (${WRITTEN_OTHERWISE}): each is read as the invoice's (${shown})`,
    });
  }
  if (invoices.likely.size > 0) {
    const { lines, shown } = readSummary(invoices.likely, likelyShown);
    result.warnings.push(
      `${counted(lines, 'credit note line names', 'credit note lines name')} an invoice none of its distributor's has, but one written otherwise most likely means (${shown}): a return is taken off, and clawed back from, only the invoice it names exactly, so ${lines === 1 ? 'it lowers' : 'they lower'} the measure of ${lines === 1 ? 'its' : 'their'} own period instead; correct the numbers in the file that writes them otherwise and import it again`,
    );
  }
}
