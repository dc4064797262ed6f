import { create } from 'xmlbuilder2';
import { paiseToRupees } from '../../../engine/money';
import { withoutControls } from '../../format/cell-text';
import { controlTotalOf, type ExportFormat, firstRows } from '../format';
import type { Entry, Voucher } from '../postings';
import { draftMark, formatDay } from '../text';

/**
 * TallyPrime credit notes as an XML import (Gateway › Import › Transactions, or posted to
 * Tally's XML port).
 * Spec: Tally Solutions developer reference, "Understanding Integration – Transactions" and
 * "Case Study I – XML Request and Response Formats" —
 * https://help.tallysolutions.com/developer-reference/introduction/understanding-integration-transactions/
 * ENVELOPE / HEADER / TALLYREQUEST "Import Data"; BODY / IMPORTDATA / REQUESTDESC (REPORTNAME
 * Vouchers, SVCURRENTCOMPANY) and REQUESTDATA / TALLYMESSAGE / VOUCHER VCHTYPE ACTION="Create";
 * DATE as yyyymmdd; one ALLLEDGERENTRIES.LIST per ledger. Tally's sign convention: a debit is
 * ISDEEMEDPOSITIVE Yes with a negative AMOUNT, a credit is ISDEEMEDPOSITIVE No with a positive
 * AMOUNT, so a voucher's AMOUNTs add up to zero. xmlbuilder2 escapes every text and attribute;
 * the control characters XML 1.0 forbids, which it writes as they are, are taken out of the
 * document (a company name pasted with one made a file Tally refuses).
 */
export const tallyXml: ExportFormat = {
  label: 'Tally Prime credit notes (XML)',
  postsToParties: true,
  description:
    'One Credit Note voucher per payee (Debit Note when clawbacks exceed payouts): discount ledger Dr, party Cr.',
  plan(input) {
    const { profile, vouchers, run } = input;
    const typeOf = (v: Voucher) => (v.net >= 0 ? profile.voucherType : profile.debitVoucherType);
    // Tally's sign: a debit (our positive amount) is a negative AMOUNT.
    const amountOf = (e: Entry) => paiseToRupees(-e.amount);
    const ledgerOf = (e: Entry) => e.party ?? e.account.name;
    const build = async () => {
      const doc = create({ version: '1.0', encoding: 'UTF-8' });
      if (input.draft) doc.com(` ${draftMark}: run ${run.id} is ${run.status}; do not import `);
      const body = doc.ele('ENVELOPE');
      body.ele('HEADER').ele('TALLYREQUEST').txt('Import Data');
      const importData = body.ele('BODY').ele('IMPORTDATA');
      const desc = importData.ele('REQUESTDESC');
      desc.ele('REPORTNAME').txt('Vouchers');
      if (profile.companyName) desc.ele('STATICVARIABLES').ele('SVCURRENTCOMPANY').txt(profile.companyName);
      const message = importData.ele('REQUESTDATA').ele('TALLYMESSAGE', { 'xmlns:UDF': 'TallyUDF' });
      for (const v of vouchers) {
        const voucher = message.ele('VOUCHER', {
          VCHTYPE: typeOf(v),
          ACTION: 'Create',
          OBJVIEW: 'Accounting Voucher View',
        });
        voucher.ele('DATE').txt(formatDay(v.date, 'YYYYMMDD'));
        voucher.ele('VOUCHERTYPENAME').txt(typeOf(v));
        voucher.ele('VOUCHERNUMBER').txt(v.number);
        voucher.ele('REFERENCE').txt(`Run ${run.id}`);
        voucher.ele('PARTYLEDGERNAME').txt(v.party);
        voucher.ele('PERSISTEDVIEW').txt('Accounting Voucher View');
        voucher.ele('NARRATION').txt(v.narration);
        for (const e of v.entries) {
          const list = voucher.ele('ALLLEDGERENTRIES.LIST');
          list.ele('LEDGERNAME').txt(ledgerOf(e));
          list.ele('ISDEEMEDPOSITIVE').txt(e.amount > 0 ? 'Yes' : 'No');
          list.ele('ISPARTYLEDGER').txt(e.party === null ? 'No' : 'Yes');
          list.ele('AMOUNT').txt(amountOf(e));
        }
      }
      return Buffer.from(withoutControls(doc.end({ prettyPrint: true, indent: '  ', newline: '\r\n' })));
    };
    const preview = firstRows(vouchers, (v) =>
      v.entries.map((e) => [formatDay(v.date, 'YYYYMMDD'), typeOf(v), v.number, ledgerOf(e), amountOf(e)]),
    );
    return {
      files: [{ name: `${input.base}.xml`, build, rows: vouchers.length, controlTotal: controlTotalOf(vouchers) }],
      preview: { columns: ['Date', 'Voucher type', 'Voucher no.', 'Ledger', 'Amount (Tally sign)'], rows: preview },
      controlTotal: controlTotalOf(vouchers),
    };
  },
};
