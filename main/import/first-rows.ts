import type { DatasetKind } from '../datasets/kinds';
import { allCreditNotes, type TypeMap } from './doc-types';
import { gstTypeColumn } from './gst-types';
import type { Mapping } from './mapping';
import { pricedNet } from './priced-net';
import type { Cell } from './readers/types';
import { flagOfAmounts, returnsNote } from './returns-beside';
import { revenueSide } from './revenue-side';

/**
 * What a file's first rows decide before its values are read, in the one order the import and the
 * dialog's preview both apply: a document-type column of GST types is the GST type (changing
 * `mapping`); net values come from prices, and a discount column holds rates (`ratesIn`, the
 * caller's to leave out); every row is a credit note where no column gives the type, none is
 * given (`docType.given`), and the headers or the title say so; a return flag of amounts is the
 * returns beside the sales (changing `mapping`); Debit and Credit amounts of a revenue account's
 * ledger, or of invoices all credited, are read from its side (`revenueSide`, by `typeMap`). A sentence per reason.
 */
export function firstRowRules(
  kind: DatasetKind,
  mapping: Mapping,
  headers: readonly string[],
  rows: readonly (readonly Cell[])[],
  docType: { returnsNamedBy: string | null; given: boolean; typeMap?: TypeMap },
) {
  const gstTypes = gstTypeColumn(kind, mapping, headers, rows);
  const priced = pricedNet(kind, mapping, headers, rows);
  const creditNotes = docType.given ? null : allCreditNotes(kind, headers, mapping, docType.returnsNamedBy);
  const flag = kind === 'sales' ? flagOfAmounts(headers, mapping, rows) : null;
  const revenue = revenueSide(kind, mapping, headers, rows, docType.typeMap);
  const returned = kind === 'sales' ? returnsNote(headers, mapping) : null;
  return {
    ...priced,
    gstTypes: gstTypes.length > 0,
    allCreditNotes: creditNotes !== null,
    revenueSide: revenue !== null,
    notes: [
      ...gstTypes,
      ...priced.notes,
      ...(creditNotes ? [{ field: 'doc_type', decision: creditNotes }] : []),
      ...(flag ? [flag] : []),
      ...(returned ? [returned] : []),
      ...(revenue ? [revenue] : []),
    ],
  };
}
