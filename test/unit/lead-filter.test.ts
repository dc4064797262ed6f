import { describe, expect, it } from 'vitest';
import { LeadFilter } from '../../main/import/lead-filter';

const docNo = (i: number) => `INV/2026-27/${String(i).padStart(6, '0')}`;

describe('the filter of document numbers a large import asks before hashing a row', () => {
  it('says yes to every number it was given, and to few others', () => {
    const filter = new LeadFilter(100_000);
    for (let i = 0; i < 100_000; i++) filter.add(docNo(i));
    for (let i = 0; i < 100_000; i++) expect(filter.mayHave(docNo(i))).toBe(true);
    let chance = 0;
    for (let i = 100_000; i < 200_000; i++) if (filter.mayHave(docNo(i))) chance++;
    // Two bits of sixteen a number: about 1.4 % by chance.
    expect(chance).toBeLessThan(3_000);
    expect(chance).toBeGreaterThan(0);
  });

  it('never says no to a number it was given, however far past its size it is filled', () => {
    const filter = new LeadFilter(10);
    for (let i = 0; i < 20_000; i++) filter.add(`R${i}`);
    for (let i = 0; i < 20_000; i++) expect(filter.mayHave(`R${i}`)).toBe(true);
  });

  it('takes a blank or a number by its text, and says no to a number it was not given', () => {
    const filter = new LeadFilter(4);
    filter.add(null);
    filter.add(1001);
    expect([filter.mayHave(null), filter.mayHave(1001), filter.mayHave('1001')]).toEqual([true, true, true]);
    expect(filter.mayHave('D-0001')).toBe(false);
  });
});
