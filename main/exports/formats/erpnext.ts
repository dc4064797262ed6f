import { type ExportFormat, journalCsv } from '../format';
import { dateFormatFor, debitCredit, formatDay } from '../text';
import { requireCompany } from './company';

/**
 * ERPNext Journal Entry through Data Import (Data Import › Journal Entry › Insert New Records).
 * Spec: the Journal Entry doctype of frappe/erpnext (erpnext/accounts/doctype/journal_entry/
 * journal_entry.json and journal_entry_account.json) and Frappe's Data Import, which reads a
 * child table's columns as "Label (Table label)" and takes the rows after a document's first,
 * with the parent columns blank, as more rows of its child table. Entry Type (voucher_type)
 * "Credit Note" / "Debit Note"; each row of Accounting Entries has Account, Party Type, Party,
 * Debit and Credit (in account currency). Account names are ERPNext's full ones ("Debtors - AC").
 */
export const erpnext: ExportFormat = {
  label: 'ERPNext Journal Entry (Data Import CSV)',
  postsToParties: true,
  description: 'One Journal Entry per payee (Entry Type Credit Note, or Debit Note when clawbacks exceed payouts).',
  plan(input) {
    const { profile } = input;
    const company = requireCompany(profile, 'ERPNext');
    const format = dateFormatFor(profile.dateFormat, 'YYYY-MM-DD');
    const header = [
      'Entry Type',
      'Posting Date',
      'Company',
      'Reference Number',
      'User Remark',
      'Account (Accounting Entries)',
      'Party Type (Accounting Entries)',
      'Party (Accounting Entries)',
      'Debit (Accounting Entries)',
      'Credit (Accounting Entries)',
    ];
    return journalCsv(input, header, (v) =>
      v.entries.map((e, i) => [
        ...(i === 0
          ? [
              v.net >= 0 ? profile.voucherType : profile.debitVoucherType,
              formatDay(v.date, format),
              company,
              v.number,
              v.narration,
            ]
          : [null, null, null, null, null]),
        e.account.name,
        e.party === null ? null : 'Customer',
        e.party,
        ...debitCredit(e.amount),
      ]),
    );
  },
};
