import { describe, expect, it } from 'vitest';
import { normalizeHeader } from '../../main/import/aliases';
import { headerScale, scaled, titleScale } from '../../main/import/header-scale';

describe('amounts written in lakhs, crores or thousands', () => {
  it('reads the unit a header writes its numbers in, and the header as the field it names', () => {
    const read = (header: string) => [normalizeHeader(header), headerScale(header)?.power ?? 0];
    expect(read('Target (₹ in Lakhs)')).toEqual(['target', 5]);
    expect(read('Sales Value (Rs. in Lacs)')).toEqual(['salesvalue', 5]);
    expect(read('Sales (Rs. in Crores)')).toEqual(['sales', 7]);
    expect(read('Net Sales in Cr')).toEqual(['netsales', 7]);
    expect(read('InvoiceAmount (in thousands USD)')).toEqual(['invoiceamount', 3]);
    expect(read("Net Value (Rs. '000)")).toEqual(['netvalue', 3]);
    expect(read('Value (Mn)')).toEqual(['value', 6]);
    // A cell of a million characters names no field, and is read without the patterns.
    expect(normalizeHeader(`Net ${' '.repeat(1_000_000)}(Rs. in Lakhs)`)).toBe('netrsinlakhs');
    // Not a unit: a credit column, a rate per thousand, a name with "lakh" inside a word.
    expect(read('Amount Cr')).toEqual(['amountcr', 0]);
    expect(read('Amount (Cr)')).toEqual(['amountcr', 0]);
    expect(read('Rate per thousand')).toEqual(['rateperthousand', 0]);
    expect(read('Lakhpati Traders')).toEqual(['lakhpatitraders', 0]);
    expect(read('Net Amount')).toEqual(['netamount', 0]);
  });

  it('takes a unit from a title only where the title states it, not where it mentions a lakh', () => {
    expect(titleScale(['Annapurna Foods', 'Distributor targets FY 2026-27 (₹ in Lakhs)'])).toEqual({
      power: 5,
      word: 'lakhs',
      title: 'Distributor targets FY 2026-27 (₹ in Lakhs)',
    });
    expect(titleScale(["All figures in '000"])?.power).toBe(3);
    expect(titleScale(['All figures in thousands'])?.power).toBe(3);
    expect(titleScale(['Sales (000)'])?.power).toBe(3);
    expect(titleScale(['Outlets billing above 1 lakh a month'])).toBeNull();
  });

  it('multiplies exactly', () => {
    expect(scaled('3.25375', 5)).toBe('325375');
    expect(scaled('12.34567', 3)).toBe('12345.67');
    expect(scaled('-0.5', 7)).toBe('-5000000');
    expect(scaled('7', 0)).toBe('7');
  });
});
