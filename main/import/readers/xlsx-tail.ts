import type yauzl from 'yauzl';
import { type ConditionalRule, canMark, type DxfLook, markingRules, readDxfElement } from './conditional-formats';
import { DamagedFileError, type Merge, type SheetTail } from './types';
import { cellRef, SHEET_LIMITS } from './xlsx-cells';
import { parseXmlPart } from './xml';
import type { ZipReader } from './zip';

/** The elements a sheet writes after its rows that the import reads: merged ranges, conditional formats. */
const MARKS = [Buffer.from('mergeCell'), Buffer.from('conditionalFormatting')];

const LONGEST_MARK = Math.max(...MARKS.map((mark) => mark.length));

/** Where the first of the marks begins in a buffer, or -1. */
function firstMark(buffer: Buffer): number {
  let first = -1;
  for (const mark of MARKS) {
    const at = buffer.indexOf(mark);
    if (at >= 0 && (first < 0 || at < first)) first = at;
  }
  return first;
}

/** A range as a sheet writes it (`A1:C3`, `B2`), as a rectangle of rows from 1 and columns from 0. */
function rangeOf(ref: string): Merge {
  const [from, to = from] = ref.split(':') as [string, string?];
  const top = cellRef(from);
  const bottom = cellRef(to);
  if (!top || !bottom) throw new DamagedFileError(`a range names ${ref}, outside any sheet`);
  return {
    top: Math.min(top.row, bottom.row),
    bottom: Math.max(top.row, bottom.row),
    left: Math.min(top.col, bottom.col),
    right: Math.max(top.col, bottom.col),
  };
}

/**
 * The sheet's merged ranges and conditional formats' rules, which sit after its rows. The sheet is
 * inflated (which checks its CRC) and searched for the first of them; only from the `<` before it
 * on is the XML tokenized, so the rows are not parsed twice. A sheet without any costs one inflate.
 * Rules whose format can neither hide nor strike a value (`canMark`: a red for negatives) are not kept.
 */
export async function readTail(zip: ZipReader, entry: yauzl.Entry, dxfs: readonly DxfLook[]): Promise<SheetTail> {
  const merges: Merge[] = [];
  const { rules, keep } = markingRules(rangeOf, /\s+/, dxfs);
  let coveredRows = 0;
  // The ranges of the conditional format being read, as written: read only for a rule that hides.
  let sqref = '';
  let rule: ConditionalRule | null = null;
  async function* fromFirstMark() {
    // The last bytes of the chunk before, for a mark or its tag's `<` that straddles two chunks.
    let previous = Buffer.alloc(0);
    let found = false;
    for await (const chunk of zip.read(entry)) {
      if (found) {
        yield chunk;
        continue;
      }
      const inChunk = firstMark(chunk);
      const window =
        inChunk >= 0 && chunk.lastIndexOf(0x3c, inChunk) >= 0
          ? chunk
          : inChunk >= 0 || firstMark(Buffer.concat([previous, chunk.subarray(0, LONGEST_MARK)])) >= 0
            ? Buffer.concat([previous, chunk])
            : null;
      if (window) {
        found = true;
        const at = firstMark(window);
        yield window.subarray(Math.max(0, window.lastIndexOf(0x3c, at)));
      } else previous = Buffer.from(chunk.subarray(Math.max(0, chunk.length - 256)));
    }
  }
  // Excel 2010's own rules (x14:, in the sheet's extensions) write their format inline and their
  // ranges in an element after them: held until their conditionalFormatting closes.
  let inline: ConditionalRule[] | null = null;
  let look: DxfLook | null = null;
  let inFont = false;
  let text: string | null = null;
  for await (const _ of parseXmlPart(
    entry.fileName,
    fromFirstMark(),
    {
      open(name, a) {
        if (name === 'mergeCell' && a.ref) {
          const merge = rangeOf(a.ref);
          coveredRows += merge.bottom - merge.top + 1;
          if (merges.length >= SHEET_LIMITS.merges || coveredRows > SHEET_LIMITS.mergedRows)
            throw new DamagedFileError(
              `a sheet merges more cells than any real report does (over ${SHEET_LIMITS.merges.toLocaleString('en-IN')} ranges or ${SHEET_LIMITS.mergedRows.toLocaleString('en-IN')} rows)`,
            );
          merges.push(merge);
        } else if (name === 'conditionalFormatting') {
          sqref = a.sqref?.trim() ?? '';
          inline = a.sqref === undefined ? [] : null;
        } else if (name === 'cfRule') {
          const dxf = a.dxfId === undefined ? -1 : Number(a.dxfId);
          if (inline === null && !(canMark(dxfs[dxf]) && sqref !== '')) return;
          rule = {
            ranges: [],
            dxf,
            type: a.type ?? '',
            ...(a.operator ? { operator: a.operator } : {}),
            formulas: [],
            ...(a.text !== undefined ? { text: a.text } : {}),
          };
        } else if ((name === 'formula' || name === 'f' || name === 'sqref') && (rule || inline)) text = '';
        else if (name === 'dxf' && rule && inline) look = {};
        else if (name === 'font') inFont = true;
        else if (look) readDxfElement(look, name, a, inFont);
      },
      text(t) {
        if (text !== null) text += t;
      },
      close(name) {
        if ((name === 'formula' || name === 'f') && rule && text !== null) rule.formulas.push(text);
        else if (name === 'sqref' && inline && text !== null) sqref = text.trim();
        else if (name === 'font') inFont = false;
        else if (name === 'dxf' && rule && look) {
          rule.look = look;
          look = null;
        } else if (name === 'cfRule' && rule) {
          if (inline) inline.push(rule);
          else keep(rule, sqref);
          rule = null;
        } else if (name === 'conditionalFormatting' && inline) {
          for (const held of inline) if (canMark(held.look) && sqref !== '') keep(held, sqref);
          inline = null;
        }
        if (name === 'formula' || name === 'f' || name === 'sqref') text = null;
      },
    },
    { fragment: true },
  ));
  return { merges, rules };
}
