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
/** A month by its whole name or its first three letters ("Sept" too), nothing else ("Octopus"). */
const monthNamed = (name: string) =>
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

const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const two = (n: number) => String(n).padStart(2, '0');

/** The month a header names (or the months, first to last), as its first and last days; null when it names none. */
export function monthOfHeader(header: string): { from: string; to: string } | null {
  let year: number;
  let first: number;
  let last: number;
  const digits = header.trim().match(digitMonth);
  if (digits) {
    year = Number(digits[1]);
    first = Number(digits[2]);
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
