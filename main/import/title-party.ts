import type Database from 'better-sqlite3';
import type { DatasetKind } from '../datasets/kinds';
import type { Mapping } from './mapping';
import { MasterNames } from './master-names';
import type { SourceRow } from './readers/types';
import { type TitleDate, titleTexts } from './title-dates';

/** A title's label before the party it names: "Party: …", "Ledger - …", "Distributor Name: …". */
const partyLabel = /^\s*(?:party|ledger|customer|distributor|dealer|stockist)(?:\s*(?:name|a\/c|account))?\s*[:–-]\s*/i;
/** A title calling the report one party's ledger: Tally's "Ledger Account", "Ledger Vouchers". */
const ledgerTitle = /^\s*ledger(\s+(account|vouchers|statement))?\s*$/i;

/**
 * The distributor a report of one party names in its title, for every row. Tally's bill-wise
 * outstanding of one party has no party column; its ledger of one party (a title row "Ledger
 * Account") writes in Particulars the other account of each voucher, the bank a receipt went to.
 * A title row that is the name, ledger name or code of exactly one distributor (after a label
 * such as "Party:") is the party: where no column gives one, and in a ledger instead of its
 * Particulars. Answers the value for the title, and whether the party column is to be left out.
 */
export function titleParty(
  db: Database.Database,
  kind: DatasetKind,
  mapping: Mapping,
  titleRows: readonly SourceRow[],
): { found: TitleDate; leaveOut: boolean } | null {
  if (kind !== 'sales' && kind !== 'payments' && kind !== 'receivables') return null;
  const titles = titleTexts(titleRows);
  const ledger = titles.some((t) => ledgerTitle.test(t)) && kind !== 'sales';
  if (mapping.distributor_code !== undefined && !ledger) return null;
  const names = new MasterNames(db);
  const parties = titles.flatMap((title) => {
    const named = names.resolve('distributors', title.replace(partyLabel, ''), null);
    return named && 'code' in named ? [{ field: 'distributor_code', value: named.code, title }] : [];
  });
  const only = parties[0];
  if (only === undefined || parties.some((p) => p.value !== only.value)) return null;
  return { found: only, leaveOut: mapping.distributor_code !== undefined };
}
