/** "row" or "rows", as `n` asks. */
export const rowsWord = (n: number) => (n === 1 ? 'row' : 'rows');

/**
 * A check that found nothing wrong: what would land — new rows, and codes of the master a masters
 * file would update, when asked to — and (when some rows are left out: rows that are not data,
 * rows a masters file repeats from the master) of how many read.
 */
export function readyHeadline(rows: number, read: number, count: (n: number) => string, updated = 0): string {
  if (rows === 0 && updated === 0)
    return read === 1
      ? 'Nothing to import: the one row read is left out (see below)'
      : `Nothing to import: each of the ${count(read)} rows read is left out (see below)`;
  const rest = read - rows - updated;
  const others = rest > 0 ? `; the ${rest === 1 ? 'other is' : 'others are'} left out (see below)` : '';
  if (updated > 0)
    return `Ready to import: ${count(rows)} new ${rowsWord(rows)} and ${count(updated)} ${updated === 1 ? 'code' : 'codes'} of the master to update, of the ${count(read)} ${rowsWord(read)} read${others}`;
  if (rows < read) return `Ready to import: ${count(rows)} valid ${rowsWord(rows)} of the ${count(read)} read${others}`;
  return rows === 1 ? 'Ready to import: the one row is valid' : `Ready to import: all ${count(rows)} rows are valid`;
}
