import type Database from 'better-sqlite3';
import { addDays } from '../../engine/dates';
import { groupBy } from '../../engine/facts';
import { sumPaise } from '../../engine/money';
import { BillNumbers, type PartyBill } from '../import/bill-numbers';
import { earlyPaymentDays, quotedPairs, runSchemes } from './invoice-numbers';
import type { FlagDraft, RunScope } from './signals';

/**
 * Receipts an early-payment scheme cannot count: each counts only against the bill it names
 * exactly, and a receipt naming its payee's invoice otherwise written — the receipts' `123` or
 * `INV-123` for the sales register's `INV/00123`, leading zeros a spreadsheet dropped, a prefix one
 * system writes and the other not — earns nothing, silently. For each payee of each early-payment
 * scheme of the run, the receipts dated from the period's start to its end plus the scheme's days
 * that name no invoice of the payee but one of its invoices written otherwise. A receipt naming a
 * bill the workspace has nothing like (last year's, before the first sales imported) is no
 * mismatch and is not flagged. A signal, not a breach: which number is right is for a person to say.
 */
export function unmatchedReceipts(db: Database.Database, scope: RunScope): FlagDraft[] {
  // One reading of the receipts per scheme, and of the invoices' numbers only once one is wanted:
  // neither table has an index by party, and a workspace has thousands of payees.
  const unmatched = db.prepare(
    `SELECT p.id, p.distributor_code AS payee, p.against_doc_no AS against, p.amount FROM payments p
     WHERE p.receipt_date BETWEEN ? AND ? AND p.against_doc_no IS NOT NULL AND p.amount > 0
       AND NOT EXISTS (SELECT 1 FROM sales s WHERE s.doc_no = p.against_doc_no AND s.distributor_code = p.distributor_code
         AND s.doc_type = 'invoice' AND s.outlet_code IS NULL)
     ORDER BY p.receipt_date, p.id`,
  );
  // Every payee's invoice numbers (through the index of primary lines), read at the first look-up.
  const invoices = new BillNumbers(
    () =>
      db
        .prepare(
          `SELECT DISTINCT distributor_code AS party, doc_no AS bill FROM sales WHERE doc_type = 'invoice' AND outlet_code IS NULL`,
        )
        .all() as PartyBill[],
  );
  const flags: FlagDraft[] = [];
  for (const { code, scheme, payees } of runSchemes(db, scope.run, 'payments')) {
    const days = earlyPaymentDays(scheme);
    if (days === null) continue;
    const to = addDays(scope.to, days);
    const paid = new Set(payees);
    const receipts = (
      unmatched.all(scope.from, to) as { id: number; payee: string; against: string; amount: number }[]
    ).filter((r) => paid.has(r.payee));
    for (const [payee, own] of groupBy(receipts, (r) => r.payee)) {
      const mismatched = own.flatMap((r) => {
        const invoice = invoices.likelyMeant(payee, r.against);
        return invoice === undefined ? [] : [{ ...r, invoice }];
      });
      if (mismatched.length > 0) flags.push(flagOf(scope, payee, code, to, mismatched));
    }
  }
  return flags;
}

function flagOf(
  scope: RunScope,
  payee: string,
  scheme: string,
  to: string,
  mismatched: { id: number; against: string; amount: number; invoice: string }[],
): FlagDraft {
  const amount = sumPaise(mismatched, (r) => r.amount);
  const one = mismatched.length === 1;
  return {
    kind: 'unmatched-receipt',
    payee,
    scheme,
    blocking: false,
    message: `${one ? '1 receipt' : `${mismatched.length} receipts`} of ${payee} dated ${scope.from} to ${to} (${scope.money(amount)}) ${one ? 'names its bill' : 'name their bills'} otherwise than the sales register does (${quotedPairs(mismatched)}): early payment counts a receipt only against the bill it names exactly, so ${one ? 'it earns' : 'they earn'} nothing. Correct the numbers in the file that writes them otherwise and import it again`,
    evidence: { table: 'payments', ids: mismatched.map((r) => r.id) },
  };
}
