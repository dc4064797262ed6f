import type Database from 'better-sqlite3';
import { z } from 'zod';
import { appendAudit } from '../audit/log';
import { setting } from '../workspace';

const pct = z.string().regex(/^\d+(\.\d+)?$/, 'a percentage such as 5 or 2.5');
const rupees = z.string().regex(/^\d+(\.\d{1,2})?$/, 'an amount in rupees such as 250');
const count = z.number().int().min(1);
/** Days counted from a period's edge: a year at most (a larger count made no date, and threw the run out). */
const days = count.max(365);

/**
 * The thresholds of the controls, per workspace (settings key `controls`): what counts as a
 * policy breach and what raises each anomaly signal. Every field has a default a finance team
 * can start from; a saved setting changes only the fields it names.
 */
export const controlSettingsSchema = z
  .object({
    /** Everything a run pays a distributor, as % of its net sales in the period, at most … */
    discountCeilingPct: pct.default('5'),
    /** … or this, for a distributor of the channel or class named (the lowest that applies wins). */
    discountCeilingByChannel: z.record(z.string(), pct).default({}),
    discountCeilingByClass: z.record(z.string(), pct).default({}),
    /**
     * The gross margin a distributor must keep on a scheme's products after its payout, as % of
     * their net sales (where products have a unit cost); none by default.
     */
    marginFloorPct: pct.nullable().default(null),
    /** A scheme that has paid this share of its budget is flagged (not blocked). */
    budgetWarnPct: pct.default('90'),
    /** Outlets of one distributor sharing a phone or GSTIN under different names: from this many. */
    sharedIdOutlets: count.default(2),
    /** … sharing a normalised address and town: from this many. */
    sharedAddressOutlets: count.default(3),
    /** Outlets whose first bill ever falls in the last N days of the period … */
    lateFirstBillDays: days.default(3),
    /** … flagged from this many under one distributor. */
    lateFirstBillOutlets: count.default(2),
    /** The last N days of the period, for the spike. */
    spikeDays: days.default(3),
    /** Their share of the payee's billing: at least this % … */
    spikeMinSharePct: pct.default('25'),
    /** … and this many times its own norm … */
    spikeRatio: pct.default('2.5'),
    /** … followed, within N days after the period, by returns of at least this % of it. */
    spikeReturnsWithinDays: days.default(15),
    spikeMinReturnedPct: pct.default('10'),
    /** Measures within this % above a slab's threshold … */
    slabEdgeBandPct: pct.default('2'),
    /** … for at least this many payees, and this many times as many as sit as close below one. */
    slabEdgePayees: count.default(3),
    slabEdgeRatio: pct.default('3'),
    /** Outlets billed once in the period, for at most this much … */
    tokenBillValue: rupees.default('250'),
    /** … flagged from this many under one distributor. */
    tokenBillOutlets: count.default(3),
  })
  .strict();
export type ControlSettings = z.infer<typeof controlSettingsSchema>;

export function controlSettings(db: Database.Database): ControlSettings {
  const saved = setting(db, 'controls');
  return controlSettingsSchema.parse(saved ? JSON.parse(saved) : {});
}

/** Saves the fields given (checked, the rest kept) and audits the change. */
export function saveControlSettings(db: Database.Database, changes: unknown, user: string): ControlSettings {
  const partial = controlSettingsSchema.partial().strict().parse(changes);
  return db
    .transaction(() => {
      const before = controlSettings(db);
      const after = controlSettingsSchema.parse({ ...before, ...partial });
      db.prepare(
        "INSERT INTO settings (key, value) VALUES ('controls', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
      ).run(JSON.stringify(after));
      const changed = Object.keys(partial) as (keyof ControlSettings)[];
      appendAudit(db, {
        user,
        action: 'controls.save',
        subject: 'control thresholds',
        before: Object.fromEntries(changed.map((k) => [k, before[k]])),
        after: Object.fromEntries(changed.map((k) => [k, after[k]])),
      });
      return after;
    })
    .immediate();
}
