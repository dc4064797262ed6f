import type yauzl from 'yauzl';
import { SHEET_COLUMNS, SHEET_ROWS } from '../../files/excel-limits';
import { DamagedFileError, type Merge } from './types';
import { parseXmlPart } from './xml';
import type { ZipReader } from './zip';

/** What one sheet may hold: Excel's own grid, and merged ranges no real report comes near. */
export const SHEET_LIMITS = {
  rows: SHEET_ROWS,
  columns: SHEET_COLUMNS,
  merges: 100_000,
  /** Rows covered by merged ranges, summed over the ranges. */
  mergedRows: 2_000_000,
};

/** The 0-based column of a reference such as "AB12", or -1 when it starts with no letter. */
export function columnOf(ref: string): number {
  let n = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const code = ref.charCodeAt(i);
    if (code < 65 || code > 90) break;
    n = n * 26 + code - 64;
  }
  return i === 0 ? -1 : n - 1;
}

/** A cell reference such as "B12" or "$B$12" as its 1-based row and 0-based column, or null when it is none inside a sheet's grid. */
export function cellRef(ref: string): { row: number; col: number } | null {
  const bare = ref.replace(/\$/g, '');
  const col = columnOf(bare);
  const row = Number(bare.slice(bare.search(/\d/)));
  if (col < 0 || col >= SHEET_LIMITS.columns || !Number.isInteger(row) || row < 1 || row > SHEET_LIMITS.rows)
    return null;
  return { row, col };
}

const MARK = Buffer.from('mergeCell');

/**
 * The sheet's merged ranges. The sheet is inflated (which checks its CRC) and searched for the
 * first `mergeCell`; only from the `<` before it on is the XML tokenized, so the rows are not
 * parsed twice. A sheet without merged ranges costs one inflate.
 */
export async function readMerges(zip: ZipReader, entry: yauzl.Entry): Promise<Merge[]> {
  const merges: Merge[] = [];
  let coveredRows = 0;
  async function* fromFirstMerge() {
    // The last bytes of the chunk before, for a mark or its tag's `<` that straddles two chunks.
    let previous = Buffer.alloc(0);
    let found = false;
    for await (const chunk of zip.read(entry)) {
      if (found) {
        yield chunk;
        continue;
      }
      const inChunk = chunk.indexOf(MARK);
      const window =
        inChunk >= 0 && chunk.lastIndexOf(0x3c, inChunk) >= 0
          ? chunk
          : inChunk >= 0 || Buffer.concat([previous, chunk.subarray(0, MARK.length)]).includes(MARK)
            ? Buffer.concat([previous, chunk])
            : null;
      if (window) {
        found = true;
        const at = window.indexOf(MARK);
        yield window.subarray(Math.max(0, window.lastIndexOf(0x3c, at)));
      } else previous = Buffer.from(chunk.subarray(Math.max(0, chunk.length - 256)));
    }
  }
  for await (const _ of parseXmlPart(
    entry.fileName,
    fromFirstMerge(),
    {
      open(name, a) {
        if (name !== 'mergeCell' || !a.ref) return;
        const [from, to = from] = a.ref.split(':') as [string, string?];
        const top = cellRef(from);
        const bottom = cellRef(to);
        if (!top || !bottom) throw new DamagedFileError(`a merged range names ${a.ref}, outside any sheet`);
        const merge = {
          top: Math.min(top.row, bottom.row),
          bottom: Math.max(top.row, bottom.row),
          left: Math.min(top.col, bottom.col),
          right: Math.max(top.col, bottom.col),
        };
        coveredRows += merge.bottom - merge.top + 1;
        if (merges.length >= SHEET_LIMITS.merges || coveredRows > SHEET_LIMITS.mergedRows)
          throw new DamagedFileError(
            `a sheet merges more cells than any real report does (over ${SHEET_LIMITS.merges.toLocaleString('en-IN')} ranges or ${SHEET_LIMITS.mergedRows.toLocaleString('en-IN')} rows)`,
          );
        merges.push(merge);
      },
      close() {},
    },
    { fragment: true },
  ));
  return merges;
}
