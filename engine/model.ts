import { z } from 'zod';

/**
 * The scheme model: everything a program administrator decides, as data. Amounts are decimal
 * text in major units ("12500.00" rupees), rates are decimal text ("2.5" is 2.5 % for percent
 * rewards, ₹2.50 per unit or per counted outlet otherwise). Dates are ISO days, both ends included.
 */
const decimal = z.string().regex(/^-?\d+(\.\d+)?$/, 'a decimal number such as 12.5');
const amount = decimal;
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date written YYYY-MM-DD');
const codes = z.array(z.string().min(1)).default([]);

export const period = z.object({ from: isoDay, to: isoDay });

export const productFilter = z
  .object({ skus: codes, brands: codes, categories: codes })
  .default({ skus: [], brands: [], categories: [] });

/** What is measured, per payee, over the scheme's period. */
export const measureSpec = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('product_volume'), basis: z.enum(['value', 'qty']).default('value') }),
  z.object({ kind: z.literal('billed_outlets'), minBillValue: amount.default('0') }),
  z.object({
    kind: z.literal('billed_channels'),
    /** Each channel's minimum net billing. */
    minimums: z.record(z.string(), amount).default({}),
    /** Each channel's minimum number of billed outlets (net billing above zero). */
    minOutlets: z.record(z.string(), z.number().int().positive()).default({}),
    /**
     * Where a channel has both minimums: `either` counts it when it reaches one of them (the
     * default), `both` only when it reaches both.
     */
    require: z.enum(['either', 'both']).default('either'),
  }),
  z.object({
    kind: z.literal('outstanding_reduction'),
    /**
     * amount: the overdue rupees the period took off (the default); days: the whole days its
     * overdue bills' average age past their due date, weighted by what each still owes, came down.
     */
    basis: z.enum(['amount', 'days']).default('amount'),
  }),
  z.object({ kind: z.literal('net_channel_addition') }),
  z.object({
    kind: z.literal('upsell'),
    /** any: an outlet buying any SKU of the filter; all: every SKU of it (a bundle); lines: at least minLines of them. */
    mode: z.enum(['any', 'all', 'lines']).default('any'),
    minLines: z.number().int().positive().default(2),
  }),
  z.object({
    kind: z.literal('early_payment'),
    withinDays: z.number().int().min(0).max(365),
    /** full_only: an invoice earns only when settled in full within N days; pro_rata: on the part received in time. */
    partPayments: z.enum(['full_only', 'pro_rata']).default('full_only'),
  }),
  z.object({ kind: z.literal('reactivation'), dormantDays: z.number().int().min(60).max(200).default(90) }),
  z.object({ kind: z.literal('custom'), formula: z.string().min(1).max(500) }),
]);
export type MeasureSpec = z.infer<typeof measureSpec>;

export const slab = z.object({
  from: decimal,
  /** Exclusive upper bound; null for the open-ended top slab. */
  to: decimal.nullable(),
  rate: decimal,
});
export type Slab = z.infer<typeof slab>;

export const slabTable = z.array(slab).min(1);

export const target = z.discriminatedUnion('type', [
  z.object({ type: z.literal('none') }),
  z.object({ type: z.literal('fixed'), value: decimal }),
  /**
   * From the targets dataset: the payee's rows for this scheme's code, or for `measure`, that
   * cover the period. A row for a longer period is refused unless `prorate` takes its share of days.
   */
  z.object({ type: z.literal('dataset'), measure: z.string().min(1), prorate: z.boolean().default(false) }),
  /** Growth over the same measure in a baseline period. */
  z.object({ type: z.literal('growth'), pct: decimal, baseline: period }),
]);

export const scheme = z.object({
  code: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/, 'letters, digits, - and _, at most 40'),
  name: z.string().min(1).max(200),
  objective: z.enum(['volume', 'penetration', 'collections', 'launch', 'inventory']),
  period,
  payee: z.literal('distributor').default('distributor'),
  eligibility: z
    .object({
      regions: codes,
      areas: codes,
      channels: codes,
      classes: codes,
      include: codes,
      exclude: codes,
      minTenureDays: z.number().int().min(0).default(0),
    })
    .default({ regions: [], areas: [], channels: [], classes: [], include: [], exclude: [], minTenureDays: 0 }),
  measure: measureSpec,
  /** Further named measures, for gates and custom formulas. */
  measures: z.record(z.string().regex(/^[a-z][a-z0-9_]*$/), measureSpec).default({}),
  products: productFilter,
  salesSource: z.enum(['primary', 'secondary']).default('secondary'),
  target: target.default({ type: 'none' }),
  slabs: z.object({
    basis: z.enum(['measure', 'achievement']),
    mode: z.enum(['retro', 'marginal', 'interpolated']),
    table: slabTable,
    /** A different table per distributor class, region or channel, for tailoring by size and place. */
    segments: z
      .object({ by: z.enum(['class', 'region', 'channel']), tables: z.record(z.string(), slabTable) })
      .optional(),
  }),
  reward: z.object({ type: z.enum(['percent_of_value', 'per_unit', 'flat', 'per_count', 'percent_of_invoice']) }),
  caps: z.object({ perPayee: amount.optional(), pctOfNetSales: decimal.optional() }).default({}),
  gates: z.array(z.object({ measure: z.string().min(1), min: decimal })).default([]),
  budget: z.object({ amount, onOverrun: z.enum(['pro_rata', 'rank_order']) }).optional(),
  stacking: z.object({ group: z.string().min(1), maxPct: decimal }).optional(),
  /** A missed target paid later once the cumulative target is met: pay = f(cumulative) − already paid. */
  catchUp: z.object({ since: isoDay }).optional(),
  /** Returns against sales paid in an approved run become a negative line in the next run. */
  clawback: z.boolean().default(true),
});
export type Scheme = z.infer<typeof scheme>;
export type SchemeInput = z.input<typeof scheme>;
