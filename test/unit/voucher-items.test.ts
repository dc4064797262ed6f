import { describe, expect, it } from 'vitest';
import { applyBillLedger, shareOf } from '../../main/import/voucher-items';

describe("a voucher's ledger lines spread over its items", () => {
  it('gives each item its share to the paisa, the shares adding up to the whole however it rounds', () => {
    const shares = [0, 1, 2].map((i) => shareOf(100, [1, 1, 1], i));
    expect(shares).toEqual([33, 34, 33]);
    expect([0, 1, 2, 3].map((i) => shareOf(10_584, [50_000, 10_000, 7, 0], i)).reduce((a, b) => a + b)).toBe(10_584);
    // One amount takes the whole, as the last always does.
    expect(shareOf(-99_999, [3], 0)).toBe(-99_999);
    expect(shareOf(7, [1, 2], 1)).toBe(7 - shareOf(7, [1, 2], 0));
    // Items of nothing to weigh by: the first takes it all.
    expect([0, 1].map((i) => shareOf(500, [0, 0], i))).toEqual([500, 0]);
  });

  it("keeps a line's own tax, adds the bill's discount to its own, and turns with a credit note's sign", () => {
    const lines = [
      { part: 'tax' as const, name: 'Output IGST', amount: 1_800 },
      { part: 'discount' as const, name: 'Cash Discount', amount: -300 },
    ];
    const own = { net_value: 10_000, tax: 1_700, discount: 100 };
    applyBillLedger(lines, [10_000, 5_000], 0, own);
    expect(own).toEqual({ net_value: 9_800, tax: 1_700, discount: 300 });
    const returned: Record<string, number | null> = { net_value: -5_000, tax: null };
    applyBillLedger(lines, [10_000, 5_000], 1, returned);
    expect(returned).toEqual({ net_value: -4_900, tax: -600, discount: -100 });
  });
});
