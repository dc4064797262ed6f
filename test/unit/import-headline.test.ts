import { describe, expect, it } from 'vitest';
import { readyHeadline } from '../../renderer/src/import/headline';

describe("a check's headline when nothing is wrong", () => {
  const count = (n: number) => n.toLocaleString('en-IN');
  it('counts what would land, and of how many rows read when some are left out', () => {
    expect(readyHeadline(1, 1, count)).toBe('Ready to import: the one row is valid');
    expect(readyHeadline(1200, 1200, count)).toBe('Ready to import: all 1,200 rows are valid');
    expect(readyHeadline(2, 4, count)).toBe(
      'Ready to import: 2 valid rows of the 4 read; the others are left out (see below)',
    );
    expect(readyHeadline(1, 2, count)).toBe(
      'Ready to import: 1 valid row of the 2 read; the other is left out (see below)',
    );
    expect(readyHeadline(0, 3, count)).toBe('Nothing to import: each of the 3 rows read is left out (see below)');
    expect(readyHeadline(0, 1, count)).toBe('Nothing to import: the one row read is left out (see below)');
  });

  it('counts the codes of the master a masters file would update beside its new rows', () => {
    expect(readyHeadline(0, 4, count, 2)).toBe(
      'Ready to import: 0 new rows and 2 codes of the master to update, of the 4 rows read; the others are left out (see below)',
    );
    expect(readyHeadline(1, 2, count, 1)).toBe(
      'Ready to import: 1 new row and 1 code of the master to update, of the 2 rows read',
    );
  });
});
