import type { DatasetKind } from '../datasets/kinds';
import type { Mapping } from './mapping';
import type { MasterNames } from './master-names';
import { valuesIn } from './outlets-party';
import type { SourceRow } from './readers/types';
import { type TitleDate, titleTexts } from './title-dates';

/** A title's label before the party it names: "Party: …", "Ledger - …", "Distributor Name: …". */
const partyLabel = /^\s*(?:party|ledger|customer|distributor|dealer|stockist)(?:\s*(?:name|a\/c|account))?\s*[:–-]\s*/i;
/** A title calling the report one party's ledger: Tally's "Ledger Account", "Ledger Vouchers". */
const ledgerTitle = /^\s*ledger(\s+(account|vouchers|statement))?\s*$/i;

/** What the title of a report of one party says of it: the party, and what its party column holds. */
export interface TitleParty {
  found: TitleDate;
  /**
   * What the column read as the party holds instead: in a ledger, the other account of each
   * voucher (`ledger`); in one distributor's own sales register, its outlets (`outlets`).
   */
  column: 'ledger' | 'outlets' | null;
}

/**
 * The distributor a report of one party names in its title, for every row. Tally's bill-wise
 * outstanding of one party has no party column; its ledger of one party (a title row "Ledger
 * Account") writes in Particulars the other account of each voucher, the bank a receipt went to;
 * a distributor's own sales register (Marg or Busy at the distributor, a DMS) heads its pages
 * with the distributor's name and writes in `Party Name` the outlets it billed. A title row that
 * is the name, ledger name or code of exactly one distributor (after a label such as "Party:")
 * is the party: where no column gives one, in a ledger instead of its Particulars, and in a sales
 * file with no outlet column where every party the first rows name is an outlet of the outlets
 * master and none a distributor.
 */
export function titleParty(
  names: MasterNames,
  kind: DatasetKind,
  mapping: Mapping,
  titleRows: readonly SourceRow[],
  firstRows: readonly SourceRow[],
): TitleParty | null {
  if (kind !== 'sales' && kind !== 'payments' && kind !== 'receivables') return null;
  const titles = titleTexts(titleRows);
  // A sales file so titled is the party's ledger only where its party column names no distributor
  // (Particulars: each voucher's sales ledger, its bank).
  const ledger =
    titles.some((t) => ledgerTitle.test(t)) &&
    (kind !== 'sales' ||
      (mapping.distributor_code !== undefined && !namesAny(names, firstRows, mapping.distributor_code)));
  const ownSales = kind === 'sales' && mapping.distributor_code !== undefined && mapping.outlet_code === undefined;
  if (mapping.distributor_code !== undefined && !ledger && !ownSales) return null;
  const parties = titles.flatMap((title) => {
    const named = names.resolve('distributors', title.replace(partyLabel, ''), null);
    return named && 'code' in named ? [{ field: 'distributor_code', value: named.code, title }] : [];
  });
  const only = parties[0];
  if (only === undefined || parties.some((p) => p.value !== only.value)) return null;
  if (mapping.distributor_code === undefined) return { found: only, column: null };
  if (ledger) return { found: only, column: 'ledger' };
  return namesOutlets(names, firstRows, mapping.distributor_code) ? { found: only, column: 'outlets' } : null;
}

/**
 * The distributor a workbook's sheet is named for, where its lines name none: a workbook of one
 * sheet per distributor (`Annapurna Distributors`, `D002`), each sheet its sales, bills or
 * receipts with no party column. The sheet's name must be the name or code of exactly one.
 */
export function sheetParty(names: MasterNames, kind: DatasetKind, mapping: Mapping, sheet: string): TitleDate | null {
  if (kind !== 'sales' && kind !== 'payments' && kind !== 'receivables') return null;
  // A sheet numbered 1, 2, 3 names no distributor coded so.
  if (mapping.distributor_code !== undefined || /^\s*\d{1,3}\s*$/.test(sheet)) return null;
  const named = names.resolve('distributors', sheet, null);
  if (!named || !('code' in named)) return null;
  return { field: 'distributor_code', value: named.code, title: '', because: `as the sheet's name "${sheet}" says` };
}

/** Whether any value the first rows have in `column` names a distributor. */
const namesAny = (names: MasterNames, rows: readonly SourceRow[], column: number): boolean =>
  [...valuesIn(rows, column)].some((p) => names.knows('distributors', p));

/** Whether every value the first rows have in `column` names an outlet, and none a distributor. */
function namesOutlets(names: MasterNames, rows: readonly SourceRow[], column: number): boolean {
  const parties = valuesIn(rows, column);
  return parties.size > 0 && [...parties].every((p) => names.knows('outlets', p) && !names.knows('distributors', p));
}
