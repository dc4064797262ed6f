import type { SourceRow } from './readers/types';
import { blank } from './row-values';

/**
 * The rows of a sheet as its merged cells draw them, from the marks the readers leave
 * (`mergedDown`: the cells a range begun above filled):
 * - a row with nothing of its own, every cell it shows merged down from the row above (a report
 *   that draws each record two rows tall), is no row: Excel shows one record, so it is left out
 *   and told to `dropped`, where it had been read as the record again with its amounts refused;
 * - the first row of a range merged over rows that have cells of their own is marked
 *   `mergedOver` for that column: Excel shows the range's value once, for those rows together, so
 *   an amount there is no more this row's own than the rows under it (which are refused), and a
 *   bill's 300.00 merged over its two lines had landed whole on the first when only valid rows
 *   were imported.
 * A row is held until the next row it keeps shows whether it began such a range: a range is a
 * rectangle, so every row it spans below its first is marked in that column, and the row kept
 * just before the first row marked in a column is where that column's range began.
 */
export async function* mergedRows(
  rows: AsyncIterable<SourceRow>,
  dropped: (row: SourceRow) => void,
): AsyncGenerator<SourceRow> {
  let before: SourceRow | null = null;
  for await (const row of rows) {
    const down = row.mergedDown;
    if (down && before) {
      if (row.cells.every((cell, c) => blank(cell) || down.includes(c))) {
        dropped(row);
        continue;
      }
      const above = before.mergedDown;
      const over = down.filter((c) => !above?.includes(c));
      if (over.length > 0) before.mergedOver = [...(before.mergedOver ?? []), ...over];
    }
    if (before) yield before;
    before = row;
  }
  if (before) yield before;
}
