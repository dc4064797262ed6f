import { asciiDigits, readInAnyDigits } from './digits';
import type { Cell } from './readers/types';

/**
 * Dates as ERPs write them, to ISO days: Excel serials (1900 and 1904 systems), Date cells,
 * and text in DD-MM-YYYY, DD/MM/YYYY, D-Mon-YY, YYYY-MM-DD… with or without a time. Whether
 * 03/04/2026 is 3 April or 4 March is decided once per column, from the evidence in it or the
 * user's word — never row by row, and never from the workspace's locale: a company in India
 * imports files from systems set up the American way (Zoho's month-first export).
 */
export type DayOrder = 'day-first' | 'month-first' | 'year-first';

/** The CLI's and the dialog's words for a day order. */
export const dateOrderNames = { dmy: 'day-first', mdy: 'month-first', ymd: 'year-first' } as const;
export type DateOrderName = keyof typeof dateOrderNames;

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
const monthNamePattern = new RegExp(
  String.raw`^(\d{1,2})(?:st|nd|rd|th)?[-/. ]([a-z]{3,9})[-/., ]+(\d{2}|\d{4})${time}$`,
  'i',
);
/** SAP's internal form, as its table downloads write it: 20261031. */
const compactPattern = /^((?:19|20)\d{2})(\d{2})(\d{2})$/;
const monthFirstNamePattern = new RegExp(
  String.raw`^([a-z]{3,9})[-/. ](\d{1,2})(?:st|nd|rd|th)?,?[-/. ]+(\d{4})${time}$`,
  'i',
);

/** A moment with its time zone, as web systems and APIs write it: 2026-10-06T18:30:00.000Z, …+05:30. */
const zonedPattern = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:?\d{2})$/i;

/** Whether a text is a moment written with its time zone (…T18:30:00.000Z). */
export const isMoment = (text: string) => zonedPattern.test(text.trim());

/**
 * The day a moment written with its time zone falls on in `zone` (the computer's, where the books
 * are kept): 2026-10-06T18:30:00.000Z is 7 October in India. Read as written it was a day early.
 */
function dayOfMoment(m: RegExpMatchArray, zone: string | undefined): string {
  const [y, mo, d, h, mi] = (m[1] ?? '').split(/[-T:]/).map(Number);
  if (iso(y ?? 0, mo ?? 0, d ?? 0) === null || (h ?? 0) > 23 || (mi ?? 0) > 59)
    throw new DateError('not a moment (no such day, hour or minute)');
  const offset = (m[2] ?? '').toUpperCase();
  const instant = Date.parse(`${m[1]}${offset === 'Z' ? 'Z' : offset.replace(/^([+-]\d{2}):?(\d{2})$/, '$1:$2')}`);
  if (Number.isNaN(instant)) throw new DateError('not a moment (no such day, hour or minute)');
  if (zone === undefined)
    throw new DateError('a moment with its time zone, whose day depends on where the books are kept');
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    instant,
  );
}

const weekdays = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
/** "Sat, 11 Oct 2026", "Saturday 11/10/2026": a day of the week before the date. */
const weekdayPattern = /^(sun|mon|tue|wed|thu|fri|sat)[a-z]*\.?,?\s+(.+)$/i;
const weekdayNames = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

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

/**
 * A day and a month written without a year, as Excel saves a date formatted d-mmm: 5-Oct, 05 Oct.
 * Never the month first: Oct-26 is how a month of a year is written.
 */
const yearlessPattern = /^(\d{1,2})(?:st|nd|rd|th)?[-/. ]([a-z]{3,9})$/i;

/** The period a report's title gives (1-Oct-2026 to 31-Oct-2026), as ISO days, and the title. */
export interface TitlePeriod {
  from: string;
  to: string;
  title: string;
}

/**
 * A date written without its year (5-Oct), placed in the period the report's title gives: in
 * "1-Apr-2026 to 31-Mar-2027", 5-Oct is 2026-10-05 and 5-Jan 2027-01-05. Null where the text is
 * no such date; refused where no title gives a period, where the day falls outside it, or where
 * the period is long enough to hold it in two years.
 */
export function yearlessDay(text: string, period: TitlePeriod | undefined): string | null {
  const written = dayAndMonth(text);
  if (!written) return null;
  const { day, month } = written;
  if (!period)
    throw new DateError(
      `"${text.trim()}" has no year, and no title above the header gives the report's period: export the dates with their year`,
    );
  const fits: string[] = [];
  for (let year = Number(period.from.slice(0, 4)); year <= Number(period.to.slice(0, 4)); year++) {
    const d = iso(year, month, day);
    if (d !== null && d >= period.from && d <= period.to) fits.push(d);
  }
  if (fits.length === 1) return fits[0] as string;
  throw new DateError(
    fits.length === 0
      ? `"${text.trim()}" has no year, and no day of the report's period (${period.from} to ${period.to}) is it`
      : `"${text.trim()}" has no year, and the report's period (${period.from} to ${period.to}) holds it in ${fits.length} years`,
  );
}

/** The day and month of a date written without its year (5-Oct), or null for any other text. */
function dayAndMonth(text: string): { day: number; month: number } | null {
  const m = text.trim().match(yearlessPattern);
  const month = m ? monthNumber(m[2] ?? '') : undefined;
  return m && month !== undefined ? { day: Number(m[1]), month } : null;
}

/** Whether a text is a date written without its year (5-Oct). */
export const withoutYear = (text: string): boolean => dayAndMonth(text) !== null;

/**
 * An Excel serial day number (with its time of day) as a UTC date. 1900 system: day 1 is
 * 1900-01-01 and the fictitious 1900-02-29 is day 60; 1904 system: day 0 is 1904-01-01.
 */
export function excelSerialToDate(serial: number, date1904 = false): Date {
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, serial >= 61 ? 30 : 31);
  return new Date(epoch + Math.round(serial * 86_400_000));
}

/**
 * The day of a date cell, as the workbook's readers give it (midnight UTC of the day shown): a
 * register's million cells hold a few dozen days, so each moment's day is written out once.
 */
const isoDays = new Map<number, string>();
export function isoDay(cell: Date): string {
  const time = cell.getTime();
  let day = isoDays.get(time);
  if (day === undefined) {
    day = cell.toISOString().slice(0, 10);
    if (isoDays.size < 100_000) isoDays.set(time, day);
  }
  return day;
}

/** An Excel serial day number as an ISO day (its time of day left out). */
export const excelSerialToIso = (serial: number, date1904 = false): string =>
  excelSerialToDate(Math.floor(serial), date1904).toISOString().slice(0, 10);

/** Excel serials from 1950 to 2100: a number outside is not a date. */
export const isPlausibleSerial = (n: number) => n >= 18_264 && n <= 73_051;

/** A cell holding a date: a workbook's, or one written as 05-10-2026, 2026-10-05, 5-Oct-26, Oct 5, 2026. */
export const isDated = (cell: Cell): boolean =>
  cell instanceof Date ||
  (typeof cell === 'string' &&
    /\b\d{1,4}[-/.](\d{1,2}|[a-z]{3,9})[-/.]\d{2,4}\b|\b[a-z]{3,9}\.? \d{1,2},? \d{4}\b/i.test(cell));

/** The two numbers of an all-digit date before the year, or null when the text is not one. */
export function numericDayMonth(text: string): [number, number] | null {
  const t = text.trim();
  const m = (t.match(weekdayPattern)?.[2] ?? t).match(numericPattern);
  return m ? [Number(m[1]), Number(m[2])] : null;
}

export interface DayOrderDecision {
  order: DayOrder;
  reason: string;
}

/** A column whose all-digit dates read both ways, with nothing in the file to tell which is meant. */
export class AmbiguousDatesError extends Error {
  constructor(
    readonly column: string,
    readonly samples: { text: string; dayFirst: string; monthFirst: string }[],
  ) {
    const shown = samples.map((s) => `"${s.text}" is ${s.dayFirst} day first, ${s.monthFirst} month first`).join('; ');
    super(
      `The dates in column "${column}" read both ways and nothing in the file tells which is meant (${shown}). ` +
        'Say how they are written: --date-order dmy (day first) or --date-order mdy (month first)',
    );
    this.name = 'AmbiguousDatesError';
  }
}

interface DigitDate {
  text: string;
  a: number;
  b: number;
  year: number;
  /** The row's document number, for the sequence test. */
  doc: string | null;
}

function digitDates(samples: readonly string[], docs: readonly (string | null)[]): DigitDate[] {
  const out: DigitDate[] = [];
  samples.forEach((text, i) => {
    const m = text.trim().match(numericPattern);
    if (m) out.push({ text, a: Number(m[1]), b: Number(m[2]), year: fullYear(m[3] ?? ''), doc: docs[i] ?? null });
  });
  return out;
}

const dayNumber = (d: DigitDate, order: 'day-first' | 'month-first') => {
  const text = order === 'day-first' ? iso(d.year, d.b, d.a) : iso(d.year, d.a, d.b);
  return text === null ? null : Date.parse(text) / 86_400_000;
};

/** Document numbers in their natural order: "INV-9" before "INV-10". */
const byDocNumber = (x: string, y: string) => x.localeCompare(y, 'en', { numeric: true });

/** How many neighbours, in document-number order, go back in time under a reading. */
function inversions(dates: readonly DigitDate[], order: 'day-first' | 'month-first'): number {
  const withDocs = dates.filter((d) => d.doc !== null).sort((p, q) => byDocNumber(p.doc as string, q.doc as string));
  let back = 0;
  for (let i = 1; i < withDocs.length; i++) {
    const before = dayNumber(withDocs[i - 1] as DigitDate, order);
    const now = dayNumber(withDocs[i] as DigitDate, order);
    if (before !== null && now !== null && now < before) back++;
  }
  return back;
}

function span(dates: readonly DigitDate[], order: 'day-first' | 'month-first'): number {
  const days = dates.map((d) => dayNumber(d, order)).filter((n): n is number => n !== null);
  return days.length === 0 ? 0 : Math.max(...days) - Math.min(...days);
}

/** An ISO day as a message writes it: 3 Oct 2026. */
export const longDay = (day: string) =>
  new Date(`${day}T00:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });

const longDate = (d: DigitDate, order: 'day-first' | 'month-first') => {
  const day = order === 'day-first' ? iso(d.year, d.b, d.a) : iso(d.year, d.a, d.b);
  return day === null ? 'impossible' : longDay(day);
};

/**
 * Decides the column's day order from the evidence in it, never from a guess:
 * - the user's choice (`--date-order`, the dialog), when given;
 * - a first number above 12 proves day first, a second above 12 month first (where both occur,
 *   the reading most rows prove wins and the others are row errors, as impossible dates);
 * - one part constant while the other varies: the constant one is the month (a file covers few
 *   months and many days);
 * - the dates follow the document-number sequence under one reading only;
 * - one reading spans far fewer days than the other;
 * - another date column of the file was proven one way;
 * - dates written with dots: day first, the only order that is written so (SAP, most of Europe).
 * When nothing tells, AmbiguousDatesError asks the user, with three sample rows read both ways.
 */
export function decideDayOrder(
  samples: readonly string[],
  options: {
    column?: string;
    chosen?: DateOrderName;
    /** Each sample row's document number, where the file has one. */
    docs?: readonly (string | null)[];
    /** An order another date column of the file was proven to use. */
    sibling?: DayOrderDecision;
  } = {},
): DayOrderDecision {
  if (options.chosen) {
    const order = dateOrderNames[options.chosen];
    return { order, reason: `${order.replace('-', ' ')}, as chosen for this import` };
  }
  const dates = digitDates(samples.map(asciiDigits), options.docs ?? []);
  if (dates.length === 0) return { order: 'day-first', reason: 'as written (no all-digit dates to decide)' };
  // 10-10-2026 is the same day either way: only dates that read otherwise month first need a rule.
  if (dates.every((d) => d.a === d.b))
    return { order: 'day-first', reason: 'as written (each all-digit date reads the same day first or month first)' };
  const dayFirst = dates.filter((d) => d.a > 12 && d.b <= 12);
  const monthFirst = dates.filter((d) => d.b > 12 && d.a <= 12);
  if (dayFirst.length > 0 || monthFirst.length > 0) {
    const order = dayFirst.length >= monthFirst.length ? 'day-first' : 'month-first';
    const proof = (order === 'day-first' ? dayFirst : monthFirst)[0] as DigitDate;
    const others = order === 'day-first' ? monthFirst.length : dayFirst.length;
    if (dayFirst.length === monthFirst.length) {
      throw new AmbiguousDatesError(options.column ?? 'date', [dayFirst[0], monthFirst[0]].map(sampleOf));
    }
    return {
      order,
      reason: `${order === 'day-first' ? 'day first' : 'month first'}, as "${proof.text}" shows${
        others > 0
          ? ` (${others} ${others === 1 ? 'row that reads' : 'rows that read'} only the other way ${others === 1 ? 'is an error' : 'are errors'})`
          : ''
      }`,
    };
  }
  const firstParts = new Set(dates.map((d) => d.a));
  const secondParts = new Set(dates.map((d) => d.b));
  if (firstParts.size === 1 && secondParts.size > 1)
    return {
      order: 'month-first',
      reason: `month first: the first number stays ${dates[0]?.a} while the second varies`,
    };
  if (secondParts.size === 1 && firstParts.size > 1)
    return { order: 'day-first', reason: `day first: the second number stays ${dates[0]?.b} while the first varies` };
  const backDmy = inversions(dates, 'day-first');
  const backMdy = inversions(dates, 'month-first');
  if (backDmy !== backMdy && Math.min(backDmy, backMdy) === 0 && dates.filter((d) => d.doc).length >= 3) {
    const order = backDmy === 0 ? 'day-first' : 'month-first';
    return { order, reason: `${order.replace('-', ' ')}: only so do the dates follow the document numbers` };
  }
  const spanDmy = span(dates, 'day-first');
  const spanMdy = span(dates, 'month-first');
  if (Math.min(spanDmy, spanMdy) * 4 < Math.max(spanDmy, spanMdy)) {
    const order = spanDmy < spanMdy ? 'day-first' : 'month-first';
    return {
      order,
      reason: `${order.replace('-', ' ')}: so the dates span ${Math.min(spanDmy, spanMdy) + 1} days, not ${Math.max(spanDmy, spanMdy) + 1}`,
    };
  }
  if (options.sibling && options.sibling.order !== 'year-first') {
    return {
      order: options.sibling.order,
      reason: `${options.sibling.order.replace('-', ' ')}, as another date column of the file proves`,
    };
  }
  if (dates.every((d) => /^\d{1,2}\.\d{1,2}\./.test(d.text.trim())))
    return {
      order: 'day-first',
      reason: 'day first: dates written with dots (31.10.2026) are, wherever they are written',
    };
  const distinct = [...new Map(dates.map((d) => [d.text.trim(), d])).values()];
  throw new AmbiguousDatesError(options.column ?? 'date', distinct.slice(0, 3).map(sampleOf));
}

function sampleOf(d: DigitDate | undefined) {
  const date = d as DigitDate;
  return { text: date.text, dayFirst: longDate(date, 'day-first'), monthFirst: longDate(date, 'month-first') };
}

/**
 * Text to an ISO day, reading all-digit dates in the column's decided order. A day of the week
 * written before the date must be the date's own: one that is not says the date is misread.
 */
export function parseDateText(text: string, order: DayOrder, zone?: string): string {
  return readInAnyDigits(text, (t) => parseWrittenDate(t, order, zone));
}

function parseWrittenDate(text: string, order: DayOrder, zone?: string): string {
  const moment = text.trim().match(zonedPattern);
  if (moment) return dayOfMoment(moment, zone);
  const named = text.trim().match(weekdayPattern);
  if (!named) return parseDayText(text, order);
  const day = parseDayText(named[2] ?? '', order);
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  if (weekdays[weekday] !== named[1]?.toLowerCase())
    throw new DateError(`${day} is a ${weekdayNames[weekday]}, not the day of the week written before it`);
  return day;
}

function parseDayText(text: string, order: DayOrder): string {
  const t = text.trim();
  let m = t.match(isoPattern);
  if (m) {
    const d = iso(Number(m[1]), Number(m[2]), Number(m[3]));
    if (d) return d;
  }
  m = t.match(numericPattern);
  if (m) {
    const [a, b, c] = [Number(m[1]), Number(m[2]), m[3] ?? ''];
    const d =
      order === 'day-first'
        ? iso(fullYear(c), b, a)
        : order === 'month-first'
          ? iso(fullYear(c), a, b)
          : iso(fullYear(String(m[1])), b, Number(c));
    if (d) return d;
    throw new DateError(`not a date read ${order.replace('-', ' ')} (no such day or month)`);
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
  m = t.match(compactPattern);
  if (m) {
    const d = iso(Number(m[1]), Number(m[2]), Number(m[3]));
    if (d) return d;
  }
  if (/^\d+(\.\d+)?$/.test(t) && isPlausibleSerial(Number(t))) return excelSerialToIso(Number(t));
  throw new DateError(`expected a date such as 31-10-2026, 2026-10-31 or 31-Oct-26`);
}
