import { addDays } from '../../engine/dates';
import type { SchemeInput } from '../../engine/model';
import { monthBounds } from './calendar';

/**
 * One scheme of each program kind for the demo month, set the way a sales-operations team
 * would: mostly a month long, one fortnight and one week, with targets, caps, a gate, a
 * budget and a stacking group among them.
 */
export function demoSchemes(month: string, launchSkus: readonly string[]): SchemeInput[] {
  const { from, to } = monthBounds(month);
  const period = { from, to };
  const tag = month.replace('-', '');
  return [
    {
      code: `VOL-BEV-${tag}`,
      name: 'Beverages volume push',
      objective: 'volume',
      period,
      measure: { kind: 'product_volume', basis: 'value' },
      products: { skus: [], brands: [], categories: ['Beverages'] },
      slabs: {
        basis: 'measure',
        mode: 'marginal',
        table: [
          { from: '0', to: '50000', rate: '0' },
          { from: '50000', to: '200000', rate: '1' },
          { from: '200000', to: null, rate: '1.5' },
        ],
      },
      reward: { type: 'percent_of_value' },
      caps: { perPayee: '25000' },
      budget: { amount: '200000', onOverrun: 'pro_rata' },
      stacking: { group: 'trade-discount', maxPct: '3' },
    },
    {
      code: `MBO-${tag}`,
      name: 'Monthly billed outlets',
      objective: 'penetration',
      period,
      measure: { kind: 'billed_outlets', minBillValue: '500' },
      target: { type: 'dataset', measure: 'billed_outlets' },
      slabs: {
        basis: 'achievement',
        mode: 'retro',
        table: [
          { from: '90', to: '100', rate: '50' },
          { from: '100', to: '110', rate: '75' },
          { from: '110', to: null, rate: '100' },
        ],
        segments: {
          by: 'class',
          tables: {
            C: [
              { from: '85', to: '100', rate: '60' },
              { from: '100', to: null, rate: '90' },
            ],
          },
        },
      },
      reward: { type: 'per_count' },
      stacking: { group: 'trade-discount', maxPct: '3' },
    },
    {
      code: `MBC-${tag}`,
      name: 'Billed channels',
      objective: 'penetration',
      period,
      measure: {
        kind: 'billed_channels',
        minimums: {
          Grocery: '1500000',
          Chemist: '1500000',
          'Pan Plus': '1500000',
          'Modern Trade': '1500000',
          HoReCa: '1500000',
        },
      },
      slabs: {
        basis: 'measure',
        mode: 'retro',
        table: [
          { from: '3', to: '4', rate: '2000' },
          { from: '4', to: '5', rate: '4000' },
          { from: '5', to: null, rate: '7500' },
        ],
      },
      reward: { type: 'flat' },
    },
    {
      code: `ROD-${tag}`,
      name: 'Overdue reduction',
      objective: 'collections',
      period,
      measure: { kind: 'outstanding_reduction' },
      salesSource: 'primary',
      slabs: { basis: 'measure', mode: 'retro', table: [{ from: '0', to: null, rate: '0.5' }] },
      reward: { type: 'percent_of_value' },
      catchUp: { since: from },
      caps: { perPayee: '15000' },
    },
    {
      code: `NCA-${tag}`,
      name: 'Net new outlets',
      objective: 'penetration',
      period,
      measure: { kind: 'net_channel_addition' },
      measures: { outlets: { kind: 'billed_outlets', minBillValue: '500' } },
      gates: [{ measure: 'outlets', min: '40' }],
      slabs: { basis: 'measure', mode: 'retro', table: [{ from: '1', to: null, rate: '300' }] },
      reward: { type: 'per_count' },
    },
    {
      code: `UPS-LAUNCH-${tag}`,
      name: 'Launch SKUs into outlets (fortnight)',
      objective: 'launch',
      period: { from: addDays(from, 9), to: addDays(from, 23) },
      measure: { kind: 'upsell', mode: 'any' },
      products: { skus: [...launchSkus], brands: [], categories: [] },
      slabs: {
        basis: 'measure',
        mode: 'retro',
        table: [
          { from: '5', to: '15', rate: '100' },
          { from: '15', to: null, rate: '150' },
        ],
      },
      reward: { type: 'per_count' },
    },
    {
      code: `EPD-${tag}`,
      name: 'Early payment within 10 days',
      objective: 'collections',
      period,
      measure: { kind: 'early_payment', withinDays: 10 },
      salesSource: 'primary',
      slabs: { basis: 'measure', mode: 'retro', table: [{ from: '0', to: null, rate: '1' }] },
      reward: { type: 'percent_of_invoice' },
      budget: { amount: '150000', onOverrun: 'rank_order' },
    },
    {
      code: `REACT-${tag}`,
      name: 'Win back dormant outlets',
      objective: 'penetration',
      period,
      measure: { kind: 'reactivation', dormantDays: 90 },
      slabs: { basis: 'measure', mode: 'retro', table: [{ from: '1', to: null, rate: '200' }] },
      reward: { type: 'per_count' },
    },
    {
      code: `FOCUS-${tag}`,
      name: 'Month-end focus points (last week)',
      objective: 'volume',
      period: { from: addDays(to, -6), to },
      measure: { kind: 'custom', formula: 'volume / 10000 + outlets * 2' },
      measures: {
        volume: { kind: 'product_volume', basis: 'value' },
        outlets: { kind: 'billed_outlets', minBillValue: '250' },
      },
      slabs: {
        basis: 'measure',
        mode: 'retro',
        table: [
          { from: '0', to: '200', rate: '5' },
          { from: '200', to: null, rate: '8' },
        ],
      },
      reward: { type: 'per_count' },
      caps: { pctOfNetSales: '2' },
    },
  ];
}
