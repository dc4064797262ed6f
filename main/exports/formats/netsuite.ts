import { type ExportFormat, journalCsv } from '../format';
import type { Account } from '../profiles';
import { dateFormatFor, debitCredit, formatDay, regionalDateFormat } from '../text';

/**
 * NetSuite journal entries through the Import Assistant (Setup › Import/Export › Import CSV
 * Records › Transactions › Journal Entry).
 * Spec: Oracle NetSuite Help, "Journal Entry and Intercompany Journal Entry Header Fields Table"
 * (section_1534492479) and "... Line-Level Fields Table" (section_1534492737) —
 * https://docs.oracle.com/en/cloud/saas/netsuite/ns-online-help/section_1534492737.html
 * Header values repeat on every line and the lines of one entry share an External ID; each entry
 * needs two or more lines with balancing Debit and Credit (at most 10 digits and 2 decimals);
 * Account is "number name" when account numbers are in use, the name alone otherwise; Name is
 * the customer. Subsidiary applies to OneWorld accounts only and is left blank without a company.
 */
const accountName = (a: Account) => (a.code ? `${a.code} ${a.name}` : a.name);

export const netsuite: ExportFormat = {
  label: 'NetSuite journal entry (CSV)',
  postsToParties: true,
  description: 'One journal entry per payee, grouped by External ID, lines balancing Debit and Credit.',
  plan(input) {
    const { profile, run } = input;
    const format = dateFormatFor(profile.dateFormat, regionalDateFormat(run.locale));
    const header = [
      'External ID',
      'Date',
      'Subsidiary',
      'Currency',
      'Memo',
      'Account',
      'Debit',
      'Credit',
      'Name',
      'Line Memo',
    ];
    return journalCsv(input, header, (v) =>
      v.entries.map((e) => [
        v.number,
        formatDay(v.date, format),
        profile.companyName || null,
        run.currency,
        v.narration,
        accountName(e.account),
        ...debitCredit(e.amount),
        e.party,
        e.schemes.join(', '),
      ]),
    );
  },
};
