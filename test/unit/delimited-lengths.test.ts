import { parse } from 'csv-parse';
import { describe, expect, it } from 'vitest';
import { everyLengthExpected } from '../../main/import/readers/delimited';

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
