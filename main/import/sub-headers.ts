import type { DatasetKind } from '../datasets/kinds';
import { isFreeGoodsHeader } from './aliases';
import { type HeaderCandidate, headerScore, headerText, proposeMapping } from './mapping';
import type { SourceRow } from './readers/types';
import { blank } from './row-values';

/**
 * The group each column of a header row heads with its neighbours, or null: a text written over
 * several columns ("Quantity" over "Billed" and "Free"), which a merged cell repeats in each of
 * them, or a CSV writes once and leaves the columns after it blank. A blank top cell belongs to
 * the group on its left only where the row under it names every column from there to it.
 */
function groups(top: readonly string[], under: readonly string[]): (string | null)[] {
  const named = (c: number) => (under[c] ?? '') !== '';
  return top.map((text, c) => {
    if (text !== '')
      return top[c - 1] === text || top[c + 1] === text || (named(c) && top[c + 1] === '' && named(c + 1))
        ? text
        : null;
    if (!named(c)) return null;
    let left = c - 1;
    while (left >= 0 && top[left] === '' && named(left)) left--;
    return left >= 0 && top[left] !== '' && named(left) ? (top[left] ?? null) : null;
  });
}

/**
 * A header written on two rows: a group over several columns on the first ("Quantity", merged
 * over two columns), what each of them holds on the second ("Billed", "Free"), and the columns
 * beside the group merged down both rows (so the second row repeats them) or blank there. Each
 * grouped column is then named by both rows, in the order that names a field or goods given free
 * ("Billed Quantity", "Free Quantity"; "Tax Amount"), else group first; the others keep their
 * text. The second row is skipped as a header line (dataRows). The header is left as it is where
 * the row under it holds something other than text, or text under a column of its own (Tally's
 * second header line, a party's heading), or names no column of a group.
 */
export function withSubHeaders(
  kind: DatasetKind,
  header: HeaderCandidate | null,
  rows: readonly SourceRow[],
): HeaderCandidate | null {
  const cells = header?.recognised ? rows[header.index + 1]?.cells : undefined;
  if (!header || !cells) return header;
  const top = header.headers;
  const under = top.map((_, c) => (blank(cells[c]) ? '' : typeof cells[c] === 'string' ? headerText(cells[c]) : null));
  if (under.some((text) => text === null) || cells.slice(top.length).some((c) => !blank(c))) return header;
  const texts = under as string[];
  const group = groups(top, texts);
  const sub = (c: number) => texts[c] !== '' && texts[c] !== top[c];
  if (!top.some((_, c) => sub(c) && group[c] !== null) || top.some((_, c) => sub(c) && group[c] === null))
    return header;
  const known = (name: string) => Object.keys(proposeMapping(kind, [name])).length > 0 || isFreeGoodsHeader(name);
  const headers = top.map((text, c) => {
    const over = group[c];
    if (over === null || !sub(c)) return text;
    const names = [`${over} ${texts[c]}`, `${texts[c]} ${over}`];
    return names.find(known) ?? names[0] ?? text;
  });
  const mapping = proposeMapping(kind, headers);
  return { ...header, headers, mapping, score: headerScore(mapping) };
}
