import type { DatasetKind } from '../datasets/kinds';
import { headerText, type Mapping, namesAField, proposeMapping } from './mapping';
import type { Cell } from './readers/types';
import { blank } from './row-values';

/**
 * The header written again down a sheet in another arrangement: two exports pasted one under the
 * other, the second's columns in another order, or with a column more or less (October's register
 * with Qty before Net Amount, November's after it). Read by the first header, the rows under it
 * had their numbers swapped — 900 units at ₹3 where the file said ₹900 for 3 — and, imported as
 * valid rows, paid on. `columns` gives, for each column of the first header, where the new one
 * writes it (-1 where it does not); `missing`, the columns the import reads that it lacks, when
 * the rows under it cannot be read at all.
 */
export type HeaderAgain = { columns: number[] } | { missing: string[] };

/**
 * The test of a row for the header written again otherwise (`headers`, the first header's texts
 * as the row's cells stand). A row is one when the first column the import reads holds a header's
 * text — one of the first header's, or another name of a field (`Quantity` where it said `Qty`,
 * as another system's export pasted below writes it) — and at least two of its cells and half of
 * those it fills do: a data row holds a document or a code there. A column named otherwise is
 * found by the field the first header's column is read as. The header written again as it was is
 * left to the caller.
 */
export function headerAgainTest(
  kind: DatasetKind,
  headers: readonly string[],
  mapping: Mapping,
): (cells: readonly Cell[]) => HeaderAgain | null {
  // A header's text whatever its case and spacing: an export's next month may write "QTY" or "Net  Amount".
  const label = (text: string) => text.replace(/\s+/g, ' ').toLowerCase();
  const said = headers.map(label);
  const labels = new Set(said.filter((h) => h !== ''));
  const read = [...new Set(Object.values(mapping))]
    .filter((c): c is number => typeof c === 'number' && c < headers.length && headers[c] !== '')
    .sort((a, b) => a - b);
  const first = read[0];
  // Another name of a field: a text without digits (a document's number or a code has some),
  // looked up once per text, as a party's name in the first column comes on many rows.
  const otherNames = new Map<string, boolean>();
  const namesOtherwise = (text: string) => {
    if (text === '' || /\d/.test(text)) return false;
    let named = otherNames.get(text);
    if (named === undefined) {
      named = namesAField(kind, text);
      if (otherNames.size < 10_000) otherNames.set(text, named);
    }
    return named;
  };
  return (cells) => {
    if (first === undefined) return null;
    const at = cells[first];
    if (typeof at !== 'string') return null;
    const text = at.trim();
    const asBefore = labels.has(label(text));
    if (!asBefore && !namesOtherwise(text)) return null;
    const texts = cells.map((c) => label(headerText(c ?? null)));
    const filled = cells.filter((c) => !blank(c)).length;
    const named = texts.filter((t) => labels.has(t) || namesOtherwise(t)).length;
    if (named < 2 || named * 2 < filled) return null;
    // The n-th column of a text in the first header is the n-th of that text in this one.
    const seen = new Map<string, number>();
    const columns = said.map((h) => {
      if (h === '') return -1;
      const nth = seen.get(h) ?? 0;
      seen.set(h, nth + 1);
      let found = -1;
      for (let c = 0, n = 0; c < texts.length && found < 0; c++) if (texts[c] === h && n++ === nth) found = c;
      return found;
    });
    if (read.some((c) => columns[c] === -1)) byField(kind, mapping, cells, columns);
    const missing = read.filter((c) => columns[c] === -1).map((c) => headers[c] as string);
    // A row only another name made a header is one only if every column read is found in it.
    if (missing.length > 0) return asBefore ? { missing } : null;
    return { columns };
  };
}

/**
 * Finds the columns read that the header written again names otherwise, by the field each is
 * read as: the column the mapping proposed for this row gives that field. Changes `columns`.
 */
function byField(kind: DatasetKind, mapping: Mapping, cells: readonly Cell[], columns: number[]): void {
  const proposed = proposeMapping(
    kind,
    cells.map((c) => headerText(c ?? null)),
  );
  const taken = new Set(columns);
  for (const [field, column] of Object.entries(mapping)) {
    const there = proposed[field];
    if (columns[column] !== -1 || there === undefined || taken.has(there)) continue;
    columns[column] = there;
    taken.add(there);
  }
}
