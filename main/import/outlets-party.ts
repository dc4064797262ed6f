import type { DatasetKind } from '../datasets/kinds';
import type { Mapping } from './mapping';
import type { MasterNames } from './master-names';
import type { SourceRow } from './readers/types';
import { blank } from './row-values';
import type { TitleDate } from './title-dates';

/** The texts the rows write in `column`, blanks aside. */
export const valuesIn = (rows: readonly SourceRow[], column: number): Set<string> =>
  new Set(rows.map((r) => r.cells[column]).filter((c): c is string => typeof c === 'string' && !blank(c)));

/**
 * The distributor of a sales file that names outlets but no distributor, and no distributor in
 * its title either: one distributor's own export (its DMS's secondary sales). Where the outlets
 * master makes one distributor the owner of every outlet the first rows name (by code or name,
 * a name several outlets share counting for each of their owners), every line is that
 * distributor's. A line of an outlet the master gives to another distributor is then refused, as
 * any line of another distributor's outlet is: the file's distributor is never guessed line by
 * line, which would pay an outlet that moved to its new distributor for its old one's sales.
 * Null where the outlets are not all one distributor's, or one is unknown.
 */
export function outletsParty(
  names: MasterNames,
  kind: DatasetKind,
  mapping: Mapping,
  firstRows: readonly SourceRow[],
): TitleDate | null {
  const column = mapping.outlet_code;
  if (kind !== 'sales' || mapping.distributor_code !== undefined || column === undefined) return null;
  const outlets = valuesIn(firstRows, column);
  if (outlets.size === 0) return null;
  let candidates: (string | null)[] | null = null;
  for (const outlet of outlets) {
    const owners = names.owners('outlets', outlet);
    candidates = (candidates ?? [...owners]).filter((d) => owners.has(d));
    if (candidates.length === 0) return null;
  }
  const [only, ...others] = candidates ?? [];
  if (typeof only !== 'string' || others.length > 0) return null;
  return {
    field: 'distributor_code',
    value: only,
    title: '',
    because: `since the file has no distributor column and the outlets master gives ${outlets.size === 1 ? 'the outlet' : `all ${outlets.size} outlets`} its first rows name to ${only}`,
  };
}
