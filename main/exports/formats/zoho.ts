import { paiseToRupees } from '../../../engine/money';
import { type ExportFormat, journalCsv } from '../format';
import { dateFormatFor, formatDay } from '../text';

/**
 * Zoho Books credit notes (Sales › Credit Notes › Import Credit Notes; CSV, then Map Fields).
 * Spec: Zoho Books Help, "Credit Notes" (https://www.zoho.com/us/books/help/credit-note/) and the
 * credit note's fields in the Zoho Books API (https://www.zoho.com/books/api/v3/credit-notes/):
 * Credit Note Date, Credit Note Number, Customer Name, Reference#, and per line Account, Item
 * Desc, Quantity, Rate. The rows of one credit note share its number. A credit note cannot carry
 * a negative total, so a run where a payee's clawbacks exceed its payouts is refused here with
 * the payees named; export it in a journal format instead.
 */
export class NegativeCreditNoteError extends Error {}

export const zoho: ExportFormat = {
  label: 'Zoho Books credit notes (CSV)',
  postsToParties: true,
  description: 'One credit note per payee, one line per scheme ledger.',
  plan(input) {
    const { profile } = input;
    const owing = input.vouchers.filter((v) => v.net < 0);
    if (owing.length > 0) {
      throw new NegativeCreditNoteError(
        `Zoho Books credit notes cannot be negative, and ${owing.length} payee(s) owe money back: ${owing
          .slice(0, 5)
          .map((v) => `${v.payee} (${paiseToRupees(v.net)})`)
          .join(', ')}. Export this run as a journal, or raise invoices for them in Zoho Books.`,
      );
    }
    const format = dateFormatFor(profile.dateFormat, 'YYYY-MM-DD');
    const header = [
      'Credit Note Date',
      'Credit Note Number',
      'Customer Name',
      'Reference#',
      'Account',
      'Item Desc',
      'Quantity',
      'Rate',
    ];
    return journalCsv(input, header, (v) =>
      v.entries
        .filter((e) => e.party === null)
        .map((e) => [
          formatDay(v.date, format),
          v.number,
          v.party,
          `Run ${input.run.id}`,
          e.account.name,
          v.narration,
          '1',
          paiseToRupees(e.amount),
        ]),
    );
  },
};
