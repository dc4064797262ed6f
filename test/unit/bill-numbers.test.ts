import { describe, expect, it } from 'vitest';
import { BillNumbers, billCore, namedBills } from '../../main/import/bill-numbers';

const bills = () =>
  new BillNumbers(() => [
    { party: 'D001', bill: 'INV/0007' },
    { party: 'D001', bill: 'INV/0008' },
    { party: 'D001', bill: 'PB/1,PB/2' },
    { party: 'D002', bill: 'INV/0009' },
  ]);

describe("a distributor's bill numbers", () => {
  it('reads a number as the bill it names, exactly, written otherwise, or listed with others, and counts only what it read otherwise', () => {
    const numbers = bills();
    expect(numbers.read('D001', 'INV/0007')).toBe('INV/0007');
    expect(numbers.read('D001', 'inv/0008')).toBe('INV/0008');
    expect(numbers.read('D001', 'INV/0007, inv/0008')).toBe('INV/0007, inv/0008');
    // A bill whose own number has a comma in it is that one bill.
    expect(numbers.read('D001', 'PB/1,PB/2')).toBe('PB/1,PB/2');
    // Another distributor's bill is none of this one's.
    expect(numbers.read('D001', 'INV/0009')).toBe('INV/0009');
    expect([...numbers.rewritten.keys()]).toEqual(['D001\u0001inv/0008']);
    expect([...numbers.several.keys()]).toEqual(['D001\u0001INV/0007, inv/0008']);
    expect([...numbers.unknown.keys()]).toEqual(['D001\u0001INV/0009']);
  });

  it('knows the same bills as it reads, and counts nothing for asking', () => {
    const numbers = bills();
    const asked = ['INV/0007', 'inv/0008', 'INV/0007, inv/0008', 'PB/1,PB/2', 'INV/0009', 'XX/1'];
    expect(asked.map((bill) => numbers.knows('D001', bill))).toEqual([true, true, true, true, false, false]);
    expect(numbers.knows('D002', 'INV/0009')).toBe(true);
    expect(numbers.rewritten.size + numbers.several.size + numbers.unknown.size).toBe(0);
  });

  it('reads a number among the words a reference writes around it as the bill, and only a bill the distributor has', () => {
    const numbers = bills();
    expect(numbers.read('D001', 'Agst Ref INV/0007')).toBe('INV/0007');
    expect(numbers.read('D001', 'Bill No: inv/0008')).toBe('INV/0008');
    expect(numbers.read('D001', '#INV/0007')).toBe('INV/0007');
    expect(numbers.read('D001', 'INV/0008 (Agst Ref)')).toBe('INV/0008');
    expect(numbers.read('D001', 'INV/0007 dt 03-10-2026')).toBe('INV/0007');
    // Another distributor's bill, or a new reference (an advance), is none of this one's.
    expect(numbers.read('D001', 'Agst Ref INV/0009')).toBe('Agst Ref INV/0009');
    expect(numbers.read('D001', 'New Ref INV/0007')).toBe('New Ref INV/0007');
    expect([...numbers.unknown.keys()]).toEqual(['D001\u0001Agst Ref INV/0009', 'D001\u0001New Ref INV/0007']);
  });

  it('keeps a number that only most likely means a bill as written, and counts it apart', () => {
    const numbers = bills();
    // Without its INV and zeros, or joined otherwise: most likely INV/0007, but not for sure.
    expect(numbers.read('D001', '7', 2)).toBe('7');
    expect(numbers.read('D001', 'inv-8')).toBe('inv-8');
    expect([...numbers.likely.values()]).toEqual([
      { text: '7', as: 'INV/0007', lines: 2 },
      { text: 'inv-8', as: 'INV/0008', lines: 1 },
    ]);
    // Another distributor's bill ends alike, but is none of this one's.
    expect(numbers.read('D002', '7')).toBe('7');
    expect(numbers.unknown.size + numbers.rewritten.size).toBe(1);
  });

  it("keeps a bill's own letters and reads no long text", () => {
    expect(billCore('INV/0007')).toBeNull();
    expect(billCore('Inv No. 123')).toBe('123');
    expect(billCore(`Agst Ref ${' '.repeat(100)}INV/0007`)).toBeNull();
    expect(namedBills('Agst Ref INV/7, INV/8')).toEqual([
      'Agst Ref INV/7, INV/8',
      'INV/7, INV/8',
      'Agst Ref INV/7',
      'INV/8',
    ]);
    expect(namedBills('INV/7')).toEqual(['INV/7']);
    // A list's separators are found without backtracking over a hostile run of spaces.
    const spaced = `INV/7${' '.repeat(1_000_000)}INV/8`;
    expect(namedBills(spaced)).toEqual([spaced]);
  });
});
