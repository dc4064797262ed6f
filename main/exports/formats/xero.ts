import { paiseToRupees } from '../../../engine/money';
import { type ExportFormat, type ExportPlan, journalCsv } from '../format';
import type { Voucher } from '../postings';
import { dateFormatFor, formatDay } from '../text';

/**
 * Xero manual journals (Accounting › Manual Journals › Import).
 * Spec: Xero Central, "Enter multiple manual journals using an import template" —
 * https://help.xero.com/nz/ManualJournalsImport
 * Columns *Narration, *Date (dd/mm/yyyy), Description, *AccountCode (the code, not the name),
 * *TaxRate (the rate's full name), *Amount (positive is a debit, negative a credit). Rows with
 * the same narration and date are one journal, so each narration starts with its document
 * number. A template file holds at most 300 lines, so longer exports are split into parts, each
 * journal whole. Xero keeps its Accounts Receivable system account out of manual journals: the
 * profile's receivable account here is the clearing or payable account the credit notes go to.
 */
const maxLines = 300;

export const xero: ExportFormat = {
  label: 'Xero manual journal (CSV)',
  postsToParties: true,
  description: 'One manual journal per payee, split into files of at most 300 lines as Xero requires.',
  plan(input) {
    const { profile } = input;
    const format = dateFormatFor(profile.dateFormat, 'DD/MM/YYYY');
    const header = ['*Narration', '*Date', 'Description', '*AccountCode', '*TaxRate', '*Amount'];
    const rowsOf = (v: Voucher) =>
      v.entries.map((e) => [
        `${v.number} ${v.narration}`,
        formatDay(v.date, format),
        e.party ?? v.payeeName,
        e.account.code || e.account.name,
        profile.taxRate,
        paiseToRupees(e.amount),
      ]);
    const parts: Voucher[][] = [];
    let lines = maxLines;
    for (const voucher of input.vouchers) {
      if (lines + voucher.entries.length > maxLines) {
        parts.push([]);
        lines = 0;
      }
      parts.at(-1)?.push(voucher);
      lines += voucher.entries.length;
    }
    // An account's code is at most 10 characters in Xero; a ledger without one went in by its name.
    const options = {
      system: 'Xero',
      lengths: {
        '*AccountCode': {
          most: 10,
          change: `give each ledger in the export profile "${profile.name}" its Xero account code as its code`,
        },
      },
    };
    if (parts.length <= 1) return journalCsv(input, header, rowsOf, options);
    const written: ExportPlan[] = parts.map((vouchers, i) =>
      journalCsv({ ...input, vouchers, base: `${input.base}-part${i + 1}` }, header, rowsOf, options),
    );
    return {
      files: written.flatMap((w) => w.files),
      preview: (written[0] as ExportPlan).preview,
      controlTotal: written.reduce((sum, w) => sum + w.controlTotal, 0n),
    };
  },
};
