/**
 * Dates as ERPs write them, to ISO days: Excel serials (1900 and 1904 systems), Date cells,
 * and text in DD-MM-YYYY, DD/MM/YYYY, D-Mon-YY, YYYY-MM-DD… with or without a time. Whether
 * 03/04/2026 is 3 April or 4 March is decided once per column, from the evidence in it and the
 * workspace locale — never row by row.
 */
export type DayOrder = 'day-first' | 'month-first';

export class DateError extends Error {}

const months: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};
const time = String.raw`(?:[ T]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:[ap]\.?m\.?)?)?`;
const isoPattern = new RegExp(String.raw`^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})${time}$`, 'i');
const numericPattern = new RegExp(String.raw`^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})${time}$`, 'i');
const monthNamePattern = new RegExp(String.raw`^(\d{1,2})[-/. ]([a-z]{3,9})[-/., ]+(\d{2}|\d{4})${time}$`, 'i');
const monthFirstNamePattern = new RegExp(String.raw`^([a-z]{3,9})[-/. ](\d{1,2}),?[-/. ]+(\d{4})${time}$`, 'i');

const fullYear = (y: string) => {
  const n = Number(y);
  return y.length === 4 ? n : n < 70 ? 2000 + n : 1900 + n;
};

function iso(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

/** Jan, January, Sept… by their first three letters. */
const monthNumber = (name: string) => months[name.toLowerCase().slice(0, 3)];

/** An Excel serial day number as an ISO day. 1900 system: day 1 is 1900-01-01 and the fictitious 1900-02-29 is day 60. */
export function excelSerialToIso(serial: number, date1904 = false): string {
  const whole = Math.floor(serial);
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, whole >= 61 ? 30 : 31);
  return new Date(epoch + whole * 86_400_000).toISOString().slice(0, 10);
}

/** Excel serials from 1950 to 2100: a number outside is not a date. */
export const isPlausibleSerial = (n: number) => n >= 18_264 && n <= 73_051;

/** The two numbers of an all-digit date before the year, or null when the text is not one. */
export function numericDayMonth(text: string): [number, number] | null {
  const m = text.trim().match(numericPattern);
  return m ? [Number(m[1]), Number(m[2])] : null;
}

export interface DayOrderDecision {
  order: DayOrder;
  reason: string;
}

/**
 * Decides the column's day order: a first number above 12 proves day-first, a second above 12
 * proves month-first; both in one column is an error; neither leaves it to the locale.
 */
export function decideDayOrder(samples: readonly string[], locale: string): DayOrderDecision {
  let dayFirst: string | null = null;
  let monthFirst: string | null = null;
  for (const s of samples) {
    const pair = numericDayMonth(s);
    if (!pair) continue;
    if (pair[0] > 12 && !dayFirst) dayFirst = s;
    if (pair[1] > 12 && !monthFirst) monthFirst = s;
  }
  if (dayFirst && monthFirst) {
    throw new DateError(`dates are written both day-first ("${dayFirst}") and month-first ("${monthFirst}")`);
  }
  if (dayFirst) return { order: 'day-first', reason: `day first, as "${dayFirst}" shows` };
  if (monthFirst) return { order: 'month-first', reason: `month first, as "${monthFirst}" shows` };
  const order: DayOrder = /^en-(US|PH)$|^es-US$/i.test(locale) ? 'month-first' : 'day-first';
  return {
    order,
    reason: `${order === 'day-first' ? 'day first' : 'month first'}: no day above 12 in the column, so the workspace locale (${locale}) decides`,
  };
}

/** Text to an ISO day, reading all-digit dates in the column's decided order. */
export function parseDateText(text: string, order: DayOrder): string {
  const t = text.trim();
  let m = t.match(isoPattern);
  if (m) {
    const d = iso(Number(m[1]), Number(m[2]), Number(m[3]));
    if (d) return d;
  }
  m = t.match(numericPattern);
  if (m) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    const d = order === 'day-first' ? iso(fullYear(m[3] ?? ''), b, a) : iso(fullYear(m[3] ?? ''), a, b);
    if (d) return d;
  }
  m = t.match(monthNamePattern);
  if (m) {
    const month = monthNumber(m[2] ?? '');
    const d = month ? iso(fullYear(m[3] ?? ''), month, Number(m[1])) : null;
    if (d) return d;
  }
  m = t.match(monthFirstNamePattern);
  if (m) {
    const month = monthNumber(m[1] ?? '');
    const d = month ? iso(Number(m[3]), month, Number(m[2])) : null;
    if (d) return d;
  }
  if (/^\d+(\.\d+)?$/.test(t) && isPlausibleSerial(Number(t))) return excelSerialToIso(Number(t));
  throw new DateError(`expected a date such as 31-10-2026, 2026-10-31 or 31-Oct-26`);
}
