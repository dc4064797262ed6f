/**
 * Values a file wrote otherwise than the workspace writes them (a name for a code, a code in
 * other capitals), each read as the workspace's, by the value as compared: as first written,
 * what it was read as, and on how many lines.
 */
export type ReadAs = Map<string, { text: string; as: string; lines: number }>;

/**
 * Counts a line (or `lines` lines) whose `text` (compared as `key`) was read as `as`; answers
 * `as`. The example kept is the first line's: a name two distributors' outlets share is read as
 * each line's own.
 */
export function countRead(seen: ReadAs, key: string, text: string, as: string, lines = 1): string {
  const entry = seen.get(key) ?? { text, as, lines: 0 };
  entry.lines += lines;
  seen.set(key, entry);
  return as;
}

/** The lines counted, and up to three examples for a result's sentence ("d001" is D001, …). */
export function readSummary(
  seen: ReadAs,
  show: (e: { text: string; as: string }) => string = (e) => `"${e.text}" is ${e.as}`,
): { lines: number; shown: string } {
  const all = [...seen.values()];
  return {
    lines: all.reduce((n, e) => n + e.lines, 0),
    shown: `${all.slice(0, 3).map(show).join(', ')}${all.length > 3 ? ', …' : ''}`,
  };
}
