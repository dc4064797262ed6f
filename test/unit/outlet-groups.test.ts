import { describe, expect, it } from 'vitest';
import type { SaleFact } from '../../engine/facts';
import { billedGroups, outletGroups, outletsOf, rowsOf } from '../../engine/outlet-groups';
import { salesColumns } from '../../engine/sales-columns';

const line = (id: number, outlet: string | null, net: number): SaleFact => ({
  id,
  date: '2026-10-01',
  docNo: `INV-${id}`,
  docType: net < 0 ? 'credit_note' : 'invoice',
  distributor: 'D1',
  outlet,
  sku: 'S1',
  qty: 1000,
  net,
  against: null,
});
const c = salesColumns([
  line(1, 'O1', 500),
  line(2, 'O2', 300),
  line(3, null, 900),
  line(4, 'O1', -500),
  line(5, 'O3', 100),
  line(6, 'O2', 200),
]);
const code = (outlet: string) => c.codeOf.get(outlet) as number;
/** Each group as [outlet, net, ids of its rows]. */
const described = (lines: number[]) => {
  const g = outletGroups(c, Int32Array.from(lines));
  return Array.from(g.outlets, (outlet, k) => [c.codes[outlet], g.net[k], Array.from(rowsOf(g, [k]), (r) => c.id[r])]);
};

describe('a payee’s lines grouped by outlet', () => {
  it('groups rows by outlet in the order first met, sums each outlet’s net and leaves primary sales out', () => {
    expect(described([0, 1, 2, 3, 4, 5])).toEqual([
      ['O1', 0, [1, 4]],
      ['O2', 500, [2, 6]],
      ['O3', 100, [5]],
    ]);
  });

  it('starts every grouping afresh, whatever the one before met', () => {
    expect(described([5, 4, 0])).toEqual([
      ['O2', 200, [6]],
      ['O3', 100, [5]],
      ['O1', 500, [1]],
    ]);
    expect(described([3])).toEqual([['O1', -500, [4]]]);
  });

  it('counts an outlet billed by its net over the lines, at or above a minimum in paise', () => {
    const g = outletGroups(c, Int32Array.from([0, 1, 2, 3, 4, 5]));
    expect(outletsOf(g, billedGroups(g))).toEqual(new Set([code('O2'), code('O3')]));
    expect(outletsOf(g, billedGroups(g, 500))).toEqual(new Set([code('O2')]));
    expect(outletsOf(g, billedGroups(g, 501))).toEqual(new Set());
    expect(Array.from(rowsOf(g, billedGroups(g)), (r) => c.id[r])).toEqual([2, 6, 5]);
  });
});
