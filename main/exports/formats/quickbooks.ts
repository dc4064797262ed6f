import type { ExportFormat } from '../format';
import { journalCsv } from '../format';
import { dateFormatFor, debitCredit, formatDay, regionalDateFormat } from '../text';

/**
 * QuickBooks Online journal entries (Settings › Import data › Journal entries).
 * Spec: Intuit, "Import journal entries" —
 * https://quickbooks.intuit.com/learn-support/en-au/help-article/import-export-files/import-journal-entries-quickbooks-online/L4tQBwbs7_AU_en_AU
 * Columns Journal No., Journal Date, Account Name, Debits, Credits, Description, Name; rows that
 * share a Journal No. form one entry and must balance; an Accounts Receivable line needs the
 * customer in Name; account names must match the chart of accounts (Parent:Sub for sub-accounts);
 * the date follows the company's date format (MM/DD/YYYY in the US, DD/MM/YYYY elsewhere).
 */
export const quickbooks: ExportFormat = {
  label: 'QuickBooks Online journal (CSV)',
  postsToParties: true,
  description:
    'One balanced journal entry per payee: the scheme discount account debited, Accounts Receivable credited with the customer named.',
  plan(input) {
    const { profile, run } = input;
    const format = dateFormatFor(profile.dateFormat, regionalDateFormat(run.locale));
    const header = ['Journal No.', 'Journal Date', 'Account Name', 'Debits', 'Credits', 'Description', 'Name'];
    return journalCsv(
      input,
      header,
      (v) =>
        v.entries.map((e) => [
          v.number,
          formatDay(v.date, format),
          e.account.name,
          ...debitCredit(e.amount),
          v.narration,
          e.party,
        ]),
      {
        system: 'QuickBooks Online',
        // Its DocNumber: 21 characters at most (error 2050 past it).
        lengths: {
          'Journal No.': { most: 21, change: `shorten the document prefix in the export profile "${profile.name}"` },
        },
      },
    );
  },
};
