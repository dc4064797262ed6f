import { paiseToRupees } from '../../../engine/money';
import { type ExportFormat, journalCsv } from '../format';
import { dateFormatFor, formatDay } from '../text';

/**
 * SAP FI document posting as a tab-separated flat file, one row per line item, for an upload
 * program over BAPI_ACC_DOCUMENT_POST or a recorded FB01 (LSMW).
 * Spec: the FI document tables BKPF (header) and BSEG (line item) — field names, types and
 * lengths as SAP's data dictionary defines them (https://www.leanx.eu/en/sap/table/bkpf.html,
 * https://dev-workbench.com/en/sap-dictionary/table/bseg): BUKRS company code CHAR 4, BLDAT /
 * BUDAT document and posting date, BLART document type (DG: customer credit memo), WAERS
 * currency, XBLNR reference CHAR 16, BKTXT header text CHAR 25, BSCHL posting key (01 customer
 * debit, 11 customer credit memo, 40 G/L debit, 50 G/L credit), WRBTR amount in document
 * currency, SGTXT item text CHAR 50; an account (NEWKO) is a customer number (KUNNR) or G/L
 * account number (SAKNR), CHAR 10 each. The amount also carries its sign, as the import asks, so a
 * reader can check each document balances without the posting-key table. Texts are cut to their
 * fields; a key that does not fit refuses the file (FieldLength). The upload splits each line at
 * its tabs and quotes nothing: a field is written as it is, its tabs and line breaks made spaces.
 */
const key = (amount: number, customer: boolean) => (customer ? (amount >= 0 ? '01' : '11') : amount >= 0 ? '40' : '50');

export const sap: ExportFormat = {
  label: 'SAP document posting (tab-separated)',
  postsToParties: true,
  description: 'One FI document per payee (type DG): customer line with posting key 11, G/L lines with key 40.',
  plan(input) {
    const { profile, run } = input;
    const format = dateFormatFor(profile.dateFormat, 'DD.MM.YYYY');
    const header = ['BUKRS', 'BLDAT', 'BUDAT', 'BLART', 'WAERS', 'XBLNR', 'BKTXT', 'BSCHL', 'NEWKO', 'WRBTR', 'SGTXT'];
    return journalCsv(
      input,
      header,
      (v) =>
        v.entries.map((e) => [
          profile.companyCode,
          formatDay(v.date, format),
          formatDay(v.date, format),
          profile.documentType,
          run.currency,
          v.number,
          `Scheme run ${run.id}`,
          key(e.amount, e.party !== null),
          e.party === null ? e.account.code || e.account.name : v.payee,
          paiseToRupees(e.amount),
          e.party === null ? `${e.schemes.join(', ')} ${v.payeeName}` : v.narration,
        ]),
      {
        extension: 'txt',
        delimiter: '\t',
        unquoted: true,
        system: 'SAP',
        lengths: {
          BUKRS: { most: 4, change: `set the SAP company code in the export profile "${profile.name}"` },
          BLART: { most: 2, change: `set the SAP document type in the export profile "${profile.name}"` },
          XBLNR: { most: 16, change: `shorten the document prefix in the export profile "${profile.name}"` },
          BKTXT: { most: 25, text: true },
          NEWKO: {
            most: 10,
            change: `SAP posts to account numbers: give each ledger in the export profile "${profile.name}" its G/L account number as its code, and pay by distributor codes that are SAP customer numbers`,
          },
          SGTXT: { most: 50, text: true },
        },
      },
    );
  },
};
