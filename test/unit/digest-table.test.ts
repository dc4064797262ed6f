import { describe, expect, it } from 'vitest';
import {
  cellsDigest,
  cellsText,
  DigestTable,
  digestSecret,
  quickDigester,
  rowDigest,
} from '../../main/import/digest-table';

describe('the table of digests an import keeps per row', () => {
  it('answers for every text it was given, across many doublings, and for nothing else', () => {
    const table = new DigestTable(4);
    for (let i = 1; i <= 50_000; i++) table.set(rowDigest('', `row ${i}`), i);
    expect(table.size).toBe(50_000);
    for (let i = 1; i <= 50_000; i++) expect(table.get(rowDigest('', `row ${i}`))).toBe(i);
    for (let i = 50_001; i <= 51_000; i++) expect(table.get(rowDigest('', `row ${i}`))).toBeUndefined();
  });

  it('makes room for many digests at once and keeps every one it held, and a smaller room changes nothing', () => {
    const table = new DigestTable(4);
    for (let i = 1; i <= 1_000; i++) table.set(rowDigest('', `row ${i}`), i);
    table.reserve(100_000);
    table.reserve(10);
    expect(table.size).toBe(1_000);
    for (let i = 1_001; i <= 100_000; i++) table.set(rowDigest('', `row ${i}`), i);
    for (let i = 1; i <= 100_000; i++) expect(table.get(rowDigest('', `row ${i}`))).toBe(i);
    expect(table.get(rowDigest('', 'row 100001'))).toBeUndefined();
  });

  it('tells apart digests that share their first words, and keeps the latest number of each', () => {
    const table = new DigestTable(8);
    // Same slot, same first 8 bytes: only the third word differs.
    const twins = [0, 1, 2].map((last) => Buffer.from([...new Array(8).fill(7), last, 0, 0, 0, 99, 99, 99, 99]));
    for (const [i, digest] of twins.entries()) table.set(digest, i + 1);
    expect(twins.map((digest) => table.get(digest))).toEqual([1, 2, 3]);
    table.set(twins[1] as Buffer, 40);
    expect(table.size).toBe(3);
    expect(twins.map((digest) => table.get(digest))).toEqual([1, 40, 3]);
    // Only the first 96 bits count: the fourth word is not kept.
    expect(table.get(Buffer.from([...new Array(8).fill(7), 0, 0, 0, 0, 1, 2, 3, 4]))).toBe(1);
  });

  it("digests a text after the import's secret: the same under one secret, another under the next", () => {
    const [one, two] = [digestSecret(), digestSecret()];
    expect(one).not.toBe(two);
    expect(rowDigest(one, 'D1|SI/1')).toEqual(rowDigest(one, 'D1|SI/1'));
    expect(rowDigest(one, 'D1|SI/1')).not.toEqual(rowDigest(two, 'D1|SI/1'));
    expect(cellsDigest(one, ['SI/1', 2])).toEqual(rowDigest(one, cellsText(['SI/1', 2])));
  });

  it('writes cells as a text that tells every two rows of different cells apart', () => {
    const day = new Date(Date.UTC(2026, 9, 15));
    const rows: unknown[][] = [
      ['a', 'b'],
      ['ab'],
      ['a', 'b', null],
      ['a', null, 'b'],
      ['s1:a', ''],
      ['1', 1],
      [1, '1'],
      ['true', true],
      [true],
      [false],
      [day],
      [day.getTime()],
      [String(day.getTime())],
      [null],
      [],
      ['-'],
      ['n1;'],
    ];
    const texts = rows.map(cellsText);
    expect(new Set(texts).size).toBe(rows.length);
    expect(cellsText(['SI/1', 2, day, null, true])).toBe(`s4:SI/1n2;d${day.getTime()};-t`);
  });

  it("digests documents quickly: the same text alike within an import, a million documents' apart, and another import's otherwise", () => {
    const secret = digestSecret();
    const digest = quickDigester(secret);
    const table = new DigestTable(1 << 21);
    const documents = (i: number) =>
      cellsText(['invoice', `D${i % 50}`, `SI/${Math.floor(i / 4)}`, `2026-10-${i % 31}`]);
    for (let i = 0; i < 1_000_000; i++) table.set(digest(documents(i)), i + 1);
    expect(table.size).toBe(1_000_000);
    // Texts one unit apart, or the same units in another order.
    const near = ['SI/12', 'SI/13', 'SI/21', 'SI/1', 'SI/12 ', 'si/12', '', '\u0000'].map((t) =>
      digest(t).toString('hex'),
    );
    expect(new Set(near).size).toBe(near.length);
    expect(digest('SI/12').equals(digest('SI/12'))).toBe(true);
    expect(quickDigester(secret)('SI/12').equals(digest('SI/12'))).toBe(true);
    expect(quickDigester(digestSecret())('SI/12').equals(digest('SI/12'))).toBe(false);
  });

  it('keeps a number only for a digest it does not hold, and answers the one it holds, across doublings', () => {
    const table = new DigestTable(4);
    for (let i = 1; i <= 20_000; i++) expect(table.setIfNew(rowDigest('', `row ${i}`), i)).toBeUndefined();
    for (let i = 1; i <= 20_000; i++) expect(table.setIfNew(rowDigest('', `row ${i}`), i + 1)).toBe(i);
    expect(table.size).toBe(20_000);
    expect(table.get(rowDigest('', 'row 7'))).toBe(7);
    expect(() => table.setIfNew(rowDigest('', 'row 20001'), 0)).toThrow(RangeError);
  });

  it('refuses a number it cannot hold, rather than keep it wrong', () => {
    const table = new DigestTable();
    for (const bad of [0, -1, 1.5, 2 ** 32]) expect(() => table.set(rowDigest('', 'x'), bad)).toThrow(RangeError);
    expect(table.get(rowDigest('', 'x'))).toBeUndefined();
  });
});
