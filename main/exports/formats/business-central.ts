import { paiseToRupees } from '../../../engine/money';
import { type ExportFormat, journalCsv } from '../format';
import { dateFormatFor, formatDay, regionalDateFormat } from '../text';

/**
 * Dynamics 365 Business Central general journal lines (General Journals › Edit in Excel, or a
 * configuration package for table 81 Gen. Journal Line).
 * Spec: Microsoft Learn, table "Gen. Journal Line" (Microsoft.Finance.GeneralLedger.Journal) —
 * https://learn.microsoft.com/en-us/dynamics365/business-central/application/base-application/table/microsoft.finance.generalledger.journal.posted-gen.-journal-line
 * Fields Journal Template Name, Journal Batch Name, Line No., Account Type, Account No., Posting
 * Date, Document Type (" ", Payment, Invoice, Credit Memo, ...), Document No., Description,
 * Amount (positive debit, negative credit), Bal. Account Type, Bal. Account No. Each line here
 * balances itself: the customer is credited and the scheme's G/L account is the balancing
 * account, so one line per scheme ledger of a payee, all under the payee's document number.
 * The table's lengths: Code[10] the template and batch, Code[20] the numbers, Text[100] the
 * description (cut to fit; a number that does not fit refuses the file).
 */
export const businessCentral: ExportFormat = {
  label: 'Business Central general journal (CSV)',
  postsToParties: true,
  description: 'General journal lines: customer credited (Credit Memo), the scheme G/L account as balancing account.',
  plan(input) {
    const { profile, run } = input;
    const format = dateFormatFor(profile.dateFormat, regionalDateFormat(run.locale));
    const header = [
      'Journal Template Name',
      'Journal Batch Name',
      'Line No.',
      'Posting Date',
      'Document Type',
      'Document No.',
      'Account Type',
      'Account No.',
      'Description',
      'Amount',
      'Bal. Account Type',
      'Bal. Account No.',
    ];
    let line = 0;
    const inProfile = (what: string) => `set ${what} in the export profile "${profile.name}"`;
    return journalCsv(
      input,
      header,
      (v) =>
        v.entries
          .filter((e) => e.party === null)
          .map((e) => {
            line += 10000;
            return [
              profile.journalTemplate,
              profile.journalBatch,
              String(line),
              formatDay(v.date, format),
              e.amount >= 0 ? 'Credit Memo' : 'Invoice',
              v.number,
              'Customer',
              v.payee,
              v.narration,
              paiseToRupees(-e.amount),
              'G/L Account',
              e.account.code || e.account.name,
            ];
          }),
      {
        system: 'Business Central',
        lengths: {
          'Journal Template Name': { most: 10, change: inProfile('the journal template') },
          'Journal Batch Name': { most: 10, change: inProfile('the journal batch') },
          'Document No.': { most: 20, change: inProfile('a shorter document prefix') },
          'Account No.': { most: 20, change: 'pay by customer numbers Business Central holds (Code[20])' },
          Description: { most: 100, text: true },
          'Bal. Account No.': { most: 20, change: inProfile("each ledger's G/L account number as its code") },
        },
      },
    );
  },
};
