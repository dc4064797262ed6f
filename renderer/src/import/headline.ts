/** A check that found nothing wrong: what would land, and (when some rows are not data) of how many read. */
export function readyHeadline(rows: number, read: number, count: (n: number) => string): string {
  if (rows === 0) return `Nothing to import: none of the ${count(read)} rows read is data (see below)`;
  if (rows < read)
    return `Ready to import: ${count(rows)} valid ${rows === 1 ? 'row' : 'rows'} of the ${count(read)} read; the ${read - rows === 1 ? 'other is' : 'others are'} not data`;
  return rows === 1 ? 'Ready to import: the one row is valid' : `Ready to import: all ${count(rows)} rows are valid`;
}
