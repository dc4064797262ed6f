import { previousPeriod } from './dates';
import type { Scheme } from './model';
import { baselineOver } from './targets';

/**
 * The first day a scheme's measures read: its period, or its catch-up span; a growth target's
 * baseline (begun earlier for that span); and the period before each, which net channel addition
 * compares with. A run's facts reach back to it, and to their lookback before the period (for
 * dormancy and first bills), whichever is earlier: a catch-up since last year, or its baseline a
 * year before that, lies beyond the lookback.
 */
export function firstDayRead(scheme: Scheme): string {
  const span = { from: scheme.catchUp?.since ?? scheme.period.from, to: scheme.period.to };
  const spans = [span];
  if (scheme.target.type === 'growth') spans.push(baselineOver(scheme.target.baseline, span, scheme.period));
  return spans.map((s) => previousPeriod(s).from).sort()[0] ?? span.from;
}

/**
 * The product filter (as JSON) through which a scheme asks whether outlets were billed before
 * the lines a run reads, or null: reactivation (its own measure or a named one) counts an outlet
 * billed any time before its dormancy, net channel addition one never billed before — either may
 * lie long before the lookback.
 */
export function billedBeforeFilter(scheme: Scheme): string | null {
  const kinds = [scheme.measure, ...Object.values(scheme.measures)].map((m) => m.kind);
  return kinds.includes('reactivation') || kinds.includes('net_channel_addition') ? productsKey(scheme) : null;
}

/** A scheme's product filter as the key of the billing the store read through it (`BilledBeforeFact.products`). */
export const productsKey = (scheme: Pick<Scheme, 'products'>): string => JSON.stringify(scheme.products);
