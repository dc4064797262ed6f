import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse';
import { afterAll, describe, expect, it } from 'vitest';
import { openSource } from '../../main/import/open-source';
import { everyLengthExpected, linesSpanned } from '../../main/import/readers/delimited';

/** Every record csv-parse gives for `text`, and how many it let through as of another length. */
async function records(text: string, expectEvery: boolean) {
  const parser = parse({ relax_column_count: true, skip_empty_lines: false, info: true });
  if (expectEvery) everyLengthExpected(parser);
  parser.end(text);
  const out: { record: string[]; info: { lines: number } }[] = [];
  for await (const r of parser) out.push(r);
  return { records: out.map((r) => [r.info.lines, r.record]), relaxed: parser.info.invalid_field_length };
}

describe('lines of any length', () => {
  const report = [
    'Sales Register',
    '01-Oct-2026 to 31-Oct-2026',
    '',
    'Invoice No,Date,Party,Amount',
    'S/1,05-10-2026,D001,"1,200.00"',
    ',,,',
    'S/2,06-10-2026,D002,300',
    '"S/3',
    'continued",07-10-2026,D003,45,extra',
    '',
  ].join('\r\n');

  it('come through as csv-parse gives them, with their line numbers', async () => {
    const plain = await records(report, false);
    const expected = await records(report, true);
    expect(expected.records).toEqual(plain.records);
    expect(expected.records).toContainEqual([10, ['S/3\r\ncontinued', '07-10-2026', 'D003', '45', 'extra']]);
  });

  it('without csv-parse building an error for each line of another length', async () => {
    // Without everyLengthExpected every line but those as long as the title is "relaxed": built as
    // an error first (30–40 µs each; a million blank lines took 50 s).
    expect((await records(report, false)).relaxed).toBe(5);
    expect((await records(report, true)).relaxed).toBe(0);
  });
});

describe('the line each row starts on', () => {
  const dir = mkdtempSync(join(tmpdir(), 'schemedesk-lines-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** Each row's number and first cell, as the importer reads a file of `lines` joined by `eol`. */
  async function numbered(eol: string, lines: string[]) {
    const path = join(dir, `file-${eol.length}.csv`);
    writeFileSync(path, lines.join(eol) + eol);
    const source = await openSource(path);
    const rows: [number, string | null][] = [];
    for await (const sheet of source.sheets())
      for await (const row of sheet.rows()) rows.push([row.number, row.cells[0] as string | null]);
    return rows;
  }

  it.each([
    ['CRLF', '\r\n'],
    ['LF', '\n'],
    ['CR', '\r'],
  ])('is the line of the file, after a cell broken over lines (%s)', async (_name, eol) => {
    // Line 2 opens an address that ends on line 3; "Line 4" and "Line 6" are on lines 4 and 6.
    const rows = await numbered(eol, [
      'Party,Address',
      `Line 2,"12 MG Road${eol}Pune"`,
      'Line 4,x',
      '',
      `Line 6,"a${eol}b${eol}c"`,
      'Line 9,y',
    ]);
    expect(rows).toEqual([
      [1, 'Party'],
      [2, 'Line 2'],
      [4, 'Line 4'],
      [5, null],
      [6, 'Line 6'],
      [9, 'Line 9'],
    ]);
  });

  it('counts each break inside a cell once', () => {
    expect(linesSpanned(['a', 'b'])).toBe(1);
    expect(linesSpanned(['a\r\nb', 'c\nd\re'])).toBe(4);
  });
});
