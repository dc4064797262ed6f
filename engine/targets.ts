import { addDays, addMonths, daysBetween, wholeMonths } from './dates';
import type { TargetFact } from './facts';
import { Exact } from './money';

/** Target rows that cannot be matched to a period without a guess; the run is refused with all of them. */
export class TargetRowsError extends Error {
  constructor(readonly problems: readonly string[]) {
    const shown = problems.slice(0, 20);
    const more = problems.length > shown.length ? `\n… and ${problems.length - shown.length} more` : '';
    super(`The targets dataset does not match the schemes' periods:\n${shown.join('\n')}${more}`);
    this.name = 'TargetRowsError';
  }
}

const days = (r: { from: string; to: string }) => daysBetween(r.from, r.to) + 1;
const span = (r: { from: string; to: string }) => `${r.from} to ${r.to}`;

/**
 * The target for a period from the payee's rows of the targets dataset:
 * - a row inside the period counts in full (one row for the period; or rows that follow each
 *   other, such as two months for a catch-up span), and together they must cover the period;
 * - a row for a longer period (a quarter in a monthly scheme) counts only with `prorate`, for its
 *   share of days (92-day quarter, 31-day month: 31/92 of it), else it is refused;
 * - rows that overlap each other, or that cover the period only in part, are refused: nothing is
 *   ever added up or guessed silently.
 * Returns null when the payee has no row for the period.
 */
export function targetFor(
  rows: readonly TargetFact[],
  period: { from: string; to: string },
  prorate: boolean,
  who: string,
): { value: Exact | null; problems: string[] } {
  const relevant = rows
    .filter((r) => r.from <= period.to && r.to >= period.from)
    .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  if (relevant.length === 0) return { value: null, problems: [] };
  const problems: string[] = [];
  let value = new Exact(0);
  relevant.forEach((r, i) => {
    const previous = relevant[i - 1];
    if (previous && r.from <= previous.to)
      problems.push(`${who}: target rows ${span(previous)} and ${span(r)} overlap; keep one`);
    const inside = r.from >= period.from && r.to <= period.to;
    if (inside) {
      value = value.plus(r.value);
      return;
    }
    const covers = r.from <= period.from && r.to >= period.to;
    if (covers && prorate) {
      value = value.plus(new Exact(r.value).times(days(period)).dividedBy(days(r)));
      return;
    }
    problems.push(
      covers
        ? `${who}: the target row for ${span(r)} covers a longer period than ${span(period)}; set "prorate": true on the scheme's target to take its share of days`
        : `${who}: the target row for ${span(r)} overlaps ${span(period)} only in part`,
    );
  });
  if (problems.length === 0 && relevant.every((r) => r.from >= period.from && r.to <= period.to)) {
    let day = period.from;
    for (const r of relevant) {
      if (r.from > day) problems.push(`${who}: no target row covers ${span({ from: day, to: addDays(r.from, -1) })}`);
      day = addDays(r.to, 1);
    }
    if (day <= period.to) problems.push(`${who}: no target row covers ${span({ from: day, to: period.to })}`);
  }
  return problems.length > 0 ? { value: null, problems } : { value, problems };
}

type Period = { from: string; to: string };

/**
 * How many of the scheme's periods a catch-up span holds (it ends where the period ends): by
 * whole calendar months where both are whole months (September–October against October: 2), else
 * by days. A fixed target is the period's, so the span is measured against it that many times.
 */
export function periodsIn(span: Period, period: Period): Exact {
  const spanMonths = wholeMonths(span);
  const periodMonths = wholeMonths(period);
  return spanMonths !== null && periodMonths !== null
    ? new Exact(spanMonths).dividedBy(periodMonths)
    : new Exact(days(span)).dividedBy(days(period));
}

/**
 * The baseline a growth target compares a catch-up span with: the scheme's baseline begun as much
 * earlier as the span begins before the period (by whole months where the span's start is a
 * month's first day and the baseline's too, else by days), so two months are compared with two.
 */
export function baselineOver(baseline: Period, span: Period, period: Period): Period {
  if (span.from >= period.from) return baseline;
  const before = wholeMonths({ from: span.from, to: addDays(period.from, -1) });
  if (before !== null && baseline.from.endsWith('-01'))
    return { from: addMonths(baseline.from, -before), to: baseline.to };
  return { from: addDays(baseline.from, -daysBetween(span.from, period.from)), to: baseline.to };
}
