import { type DatasetKind, datasets, type Master } from '../datasets/kinds';
import { columnsNaming, fieldLabel, type Mapping } from './mapping';
import type { MasterNames } from './master-names';
import type { SourceRow } from './readers/types';
import { blank } from './row-values';

/** The fields that name a row of a master, and the master each names. */
const masterFields: readonly [string, Master][] = [
  ['distributor_code', 'distributors'],
  ['outlet_code', 'outlets'],
  ['sku', 'products'],
];

/**
 * The proposed mapping with each party or product read from a column the masters know, where
 * the one proposed names no row of them: Zoho Books' payments give the customer as its internal
 * CustomerID, which a workspace whose distributors came from elsewhere has never seen, beside
 * the Customer Name it does know — every line was refused as an unknown distributor. A column
 * gives way only when none of its values under the header is a code or name of the master, and
 * to the best-named other column of the field, or of the master's name (SAP Business One's
 * Item/Service Description beside its Item No.), whose every value there is one; said in a note.
 */
export function preferKnownColumns(
  names: MasterNames,
  kind: DatasetKind,
  headers: readonly string[],
  mapping: Mapping,
  rows: readonly SourceRow[],
): { field: string; decision: string }[] {
  const notes: { field: string; decision: string }[] = [];
  const valuesOf = (column: number) =>
    rows.map((r) => r.cells[column]).flatMap((cell) => (blank(cell) ? [] : [String(cell).trim()]));
  const used = new Set(Object.values(mapping));
  for (const [field, master] of masterFields) {
    const column = mapping[field];
    if (column === undefined) continue;
    const values = valuesOf(column);
    if (values.length === 0 || values.some((v) => names.knows(master, v))) continue;
    // A column that names the field, or that the master's own import would read as its name;
    // else any column nothing reads (Zoho Books' journal names its customer in Transaction
    // Details, beside the Account its party alias had taken).
    const named = [...new Set([...columnsNaming(kind, field, headers), ...columnsNaming(master, 'name', headers)])];
    const free = (c: number) => c !== column && !used.has(c);
    const other =
      named.find((c) => free(c) && allKnown(names, master, valuesOf(c))) ??
      unreadKnownColumn(names, master, headers, free, valuesOf);
    if (other === undefined) continue;
    mapping[field] = other;
    used.add(other);
    notes.push({
      field,
      decision: `${fieldLabel(kind, field)} is read from "${headers[other]}": the ${master} master knows none of the ${values.length} values of "${headers[column]}" in the first rows, and every one of "${headers[other]}"`,
    });
    // The column given way may be a general ledger's account, which its entries' ledger lines need.
    if (
      field === 'distributor_code' &&
      mapping.ledger === undefined &&
      columnsNaming(kind, 'ledger', headers).includes(column)
    ) {
      mapping.ledger = column;
      used.add(column);
    }
  }
  notes.push(...unnamedMasterColumns(names, kind, headers, mapping, used, valuesOf));
  return notes;
}

/**
 * A party or product no header names, found by its values: for a field of the masters the
 * mapping leaves without a column, the first column nothing reads whose every value under the
 * header is a code or name of that master (a register's party column left without a header, or
 * headed as nothing SchemeDesk knows). Numbers of fewer than four digits are no evidence: a
 * quantity's 2 or 12 may be a code too.
 */
function unnamedMasterColumns(
  names: MasterNames,
  kind: DatasetKind,
  headers: readonly string[],
  mapping: Mapping,
  used: Set<number>,
  valuesOf: (column: number) => string[],
): { field: string; decision: string }[] {
  const notes: { field: string; decision: string }[] = [];
  const fields = new Set(datasets[kind].fields.map((f) => f.name));
  for (const [field, master] of masterFields) {
    if (!fields.has(field) || mapping[field] !== undefined) continue;
    const found = unreadKnownColumn(names, master, headers, (c) => !used.has(c), valuesOf);
    if (found === undefined) continue;
    mapping[field] = found;
    used.add(found);
    const column = headers[found]?.trim() ? `"${headers[found]}"` : `column ${found + 1} (it has no header)`;
    notes.push({
      field,
      decision: `${fieldLabel(kind, field)} is read from ${column}: no header names it, and every value of that column in the first rows is one of the ${master} master`,
    });
  }
  return notes;
}

/** Whether every value of a column under the header is a code or name of the master, and it has one. */
const allKnown = (names: MasterNames, master: Master, values: readonly string[], evidence = (_: string) => true) =>
  values.length > 0 && values.some(evidence) && values.every((v) => names.knows(master, v));

/**
 * The first column `open` allows whose every value under the header the master knows, as a code
 * or a name. Numbers of fewer than four digits are no evidence: a quantity's 2 or 12 may be a
 * code too.
 */
function unreadKnownColumn(
  names: MasterNames,
  master: Master,
  headers: readonly string[],
  open: (column: number) => boolean,
  valuesOf: (column: number) => string[],
): number | undefined {
  const found = headers.findIndex(
    (_, c) => open(c) && allKnown(names, master, valuesOf(c), (v) => !/^\d{1,3}$/.test(v)),
  );
  return found < 0 ? undefined : found;
}
