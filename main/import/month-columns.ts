import { normalizeHeader } from './aliases';
import type { Mapping } from './mapping';
import { addNumbered, MONTH_COLUMN, numbered } from './numbered-keys';

/**
 * Target sheets as sales operations keep them: a row per distributor and a column per month
 * (`Oct-26`, `November 2026`, `2026-12`), each cell that month's target. Each such column is a
 * mapping key of its own (month_1, month_2 …); the import reads every row as one target per
 * month it fills, in three columns added after the file's own: the month's first and last day
 * and the cell's value.
 */
/** The names of the three columns a month's target is read into. */
export const MONTH_ROW_HEADERS = ['Month from', 'Month to', 'Month target'] as const;

const monthNames = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
/** A month by its whole name or its first three letters ("Sept" too), nothing else ("Octopus"): 0 for January, or -1. */
export const monthNamed = (name: string) =>
  monthNames.findIndex((m) => name === m || name === m.slice(0, 3) || (name === 'sept' && m === 'september'));
/**
 * A month's name, a year after it, and the word target around them at most: "Target Oct-26",
 * "November 2026"; or two months' names, a span within one year ("Apr-Jun 2026", "Q3 Oct to Dec
 * 26"), a quarter's target.
 */
const namedMonth = /^(?:targets?|tgt)?(?:q[1-4])?([a-z]{3,19})(\d{2}|\d{4})(?:targets?|tgt)?$/;

/** The months letters name: one ("oct"), or two, first to last ("aprjun", "octtodec"); null if not so. */
function monthsNamed(letters: string): [number, number] | null {
  const one = monthNamed(letters);
  if (one >= 0) return [one, one];
  for (let cut = 3; cut <= letters.length - 3; cut++) {
    const first = monthNamed(letters.slice(0, cut));
    const rest = letters.slice(cut);
    const last = monthNamed(rest.startsWith('to') ? rest.slice(2) : rest);
    if (first >= 0 && last > first) return [first, last];
  }
  return null;
}
/** A year and a month in digits: "2026-10", "2026/10" (and a day 1 after, from a date cell: "2026-10-01"). */
const digitMonth = /^(\d{4})[-/](\d{1,2})(?:-0?1)?$/;
/** A month and a year in digits, the month first: "10/2026", "10-2026". */
const monthFirst = /^(\d{1,2})[-/.](\d{4})$/;

const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const two = (n: number) => String(n).padStart(2, '0');

/**
 * A span of India's financial year (April to March) a header names, with the word target around
 * it at most: the year (`FY26-27`, `FY 2026-27`, `FY27`: April 2026 to March 2027), a quarter of it
 * (`Q3 FY26-27`, `FY27 Q3`, `Q3 2026-27`: October to December 2026) or a half (`H2 FY27`). A
 * year written once is the year it ends, and only after `FY`: `Q3 2026` may be a calendar quarter.
 */
const fiscalSpan =
  /^(?:targets?|tgt)?(?:([qh])([1-4])(fy)?(\d{2,8})|(fy)(\d{2,8})(?:([qh])([1-4]))?)(?:targets?|tgt)?$/;

/** The year a financial year starts in, from its digits: "2627", "202627", "20262027", or (after FY) "27", "2027". */
function fiscalStart(digits: string, afterFy: boolean): number | null {
  const year = (d: string) => (d.length === 2 ? 2000 + Number(d) : Number(d));
  const pairs: [string, string][] = [
    [digits.slice(0, 2), digits.slice(2)],
    [digits.slice(0, 4), digits.slice(4)],
  ];
  for (const [a, b] of pairs)
    if (
      (b.length === 2 || b.length === 4) &&
      (a.length === 2 || a.length === 4) &&
      Number(b.slice(-2)) === (Number(a.slice(-2)) + 1) % 100
    )
      return year(a);
  return afterFy && (digits.length === 2 || digits.length === 4) ? year(digits) - 1 : null;
}

/** The months of a financial year (April to March) a header names, as its first and last days; null when it names none. */
function fiscalOfHeader(normalized: string): { from: string; to: string } | null {
  const m = normalized.match(fiscalSpan);
  if (!m) return null;
  const part = m[1] ?? m[7];
  const n = Number(m[2] ?? m[8] ?? 0);
  const start = fiscalStart(m[4] ?? m[6] ?? '', (m[3] ?? m[5]) !== undefined);
  if (start === null || (part === 'h' && n > 2)) return null;
  // Months counted from April of the starting year: 0 is April, 11 March of the next.
  const [first, last] =
    part === undefined ? [0, 11] : part === 'q' ? [3 * (n - 1), 3 * n - 1] : [6 * (n - 1), 6 * n - 1];
  const month = (k: number) => ({ year: start + Math.floor((k + 3) / 12), month: ((k + 3) % 12) + 1 });
  const a = month(first);
  const b = month(last);
  return { from: `${a.year}-${two(a.month)}-01`, to: `${b.year}-${two(b.month)}-${two(lastDay(b.year, b.month))}` };
}

/** The month a header names (or the months, first to last), as its first and last days; null when it names none. */
export function monthOfHeader(header: string): { from: string; to: string } | null {
  const fiscal = fiscalOfHeader(normalizeHeader(header));
  if (fiscal) return fiscal.from >= '1990' && fiscal.to <= '2101' ? fiscal : null;
  let year: number;
  let first: number;
  let last: number;
  const digits = header.trim().match(digitMonth);
  const reversed = digits ? null : header.trim().match(monthFirst);
  if (digits || reversed) {
    year = Number(digits ? digits[1] : reversed?.[2]);
    first = Number(digits ? digits[2] : reversed?.[1]);
    last = first;
  } else {
    const named = normalizeHeader(header).match(namedMonth);
    const months = monthsNamed(named?.[1] ?? '');
    if (!named || !months) return null;
    const y = named[2] ?? '';
    year = y.length === 2 ? 2000 + Number(y) : Number(y);
    [first, last] = [months[0] + 1, months[1] + 1];
  }
  if (first < 1 || last > 12 || year < 1990 || year > 2100) return null;
  return { from: `${year}-${two(first)}-01`, to: `${year}-${two(last)}-${two(lastDay(year, last))}` };
}

/** Marks a target sheet's month columns, where no column gives a period or a value of its own. */
export function addMonthColumns(headers: readonly string[], mapping: Mapping): void {
  if (mapping.period_from !== undefined || mapping.period_to !== undefined || mapping.value !== undefined) return;
  const taken = new Set(Object.values(mapping));
  headers.forEach((header, column) => {
    if (!taken.has(column) && monthOfHeader(header)) addNumbered(mapping, MONTH_COLUMN, column);
  });
}

/** The month columns of a mapping, in the file's order. */
export const monthColumns = (mapping: Readonly<Record<string, number>>): number[] =>
  numbered(mapping, MONTH_COLUMN).map((m) => m.column);

/**
 * The headers and mapping an import of a month-column sheet reads with: the three columns added,
 * and the month columns read so (none when the file gives a value column of its own).
 */
export function withMonthRows(
  headers: readonly string[],
  mapping: Mapping,
): { headers: string[]; mapping: Mapping; months: number[] } {
  const months = monthColumns(mapping);
  if (months.length === 0 || mapping.value !== undefined) return { headers: [...headers], mapping, months: [] };
  const width = headers.length;
  return {
    headers: [...headers, ...MONTH_ROW_HEADERS],
    mapping: { ...mapping, period_from: width, period_to: width + 1, value: width + 2 },
    months,
  };
}
