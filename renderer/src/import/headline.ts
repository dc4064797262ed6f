/**
 * A check that found nothing wrong: what would land, and (when some rows are left out: rows that
 * are not data, rows a masters file repeats from the master) of how many read.
 */
export function readyHeadline(rows: number, read: number, count: (n: number) => string): string {
  if (rows === 0) return `Nothing to import: each of the ${count(read)} rows read is left out (see below)`;
  if (rows < read)
    return `Ready to import: ${count(rows)} valid ${rows === 1 ? 'row' : 'rows'} of the ${count(read)} read; the ${read - rows === 1 ? 'other is' : 'others are'} left out (see below)`;
  return rows === 1 ? 'Ready to import: the one row is valid' : `Ready to import: all ${count(rows)} rows are valid`;
}
