/** Whole days between ISO dates, and day arithmetic, in UTC so no time zone shifts a day. */
const DAY = 86_400_000;
const ms = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

export const daysBetween = (from: string, to: string): number => Math.round((ms(to) - ms(from)) / DAY);
export const addDays = (iso: string, days: number): string => new Date(ms(iso) + days * DAY).toISOString().slice(0, 10);
export const within = (day: string, from: string, to: string): boolean => day >= from && day <= to;

/** The last day of the month `iso` falls in. */
const monthEnd = (iso: string): string => {
  const d = new Date(ms(iso));
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).toISOString().slice(0, 10);
};

/**
 * How many calendar months a period spans when it starts on a month's first day and ends on a
 * month's last (1 for October, 2 for September–October); null for any other period.
 */
export function wholeMonths(p: { from: string; to: string }): number | null {
  if (!p.from.endsWith('-01') || p.to !== monthEnd(p.to)) return null;
  const months = (iso: string) => Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7));
  return months(p.to) - months(p.from) + 1;
}

/** The first day of the month `months` after (before, when negative) the month `iso` falls in. */
export const addMonths = (iso: string, months: number): string => {
  const d = new Date(ms(iso));
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1)).toISOString().slice(0, 10);
};

/** True when the period is one whole calendar month. */
export const isCalendarMonth = (p: { from: string; to: string }): boolean =>
  p.from.endsWith('-01') && p.to === monthEnd(p.from);

/**
 * The period a "previous period" comparison reads: the previous calendar month when the period
 * is a calendar month (September for October, 30 days against 31), otherwise the span of equal
 * length that ends the day before the period starts.
 */
export function previousPeriod(p: { from: string; to: string }): { from: string; to: string } {
  const to = addDays(p.from, -1);
  if (isCalendarMonth(p)) return { from: `${to.slice(0, 8)}01`, to };
  return { from: addDays(p.from, -(daysBetween(p.from, p.to) + 1)), to };
}

/**
 * The period after: the next calendar month when the period is a calendar month, otherwise the
 * span of equal length that starts the day after the period ends.
 */
export function nextPeriod(p: { from: string; to: string }): { from: string; to: string } {
  const from = addDays(p.to, 1);
  if (isCalendarMonth(p)) return { from, to: monthEnd(from) };
  return { from, to: addDays(p.to, daysBetween(p.from, p.to) + 1) };
}
