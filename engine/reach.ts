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
