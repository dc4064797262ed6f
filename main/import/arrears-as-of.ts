import { addDays } from '../../engine/dates';
import type { DatasetKind } from '../datasets/kinds';
import { normalizeHeader } from './aliases';
import { AmountError, parseAmountText } from './amounts';
import { DateError, isoDay, parseDateText } from './dates';
import { isDayCount } from './due-dates';
import type { Mapping } from './mapping';
import type { Cell, SourceRow } from './readers/types';
import { blank } from './row-values';
import type { TitleDate } from './title-dates';

const aCount = (n: number) => (isDayCount(n) ? n : null);

/** A count of days as a list writes it: 36, "36", "36 Days", SAP's "5-" for five days before the due date. */
function daysIn(cell: Cell | undefined): number | null {
  if (typeof cell === 'number') return aCount(cell);
  if (typeof cell !== 'string' || blank(cell)) return null;
  try {
    // Zoho's Age writes its unit: "40 Days".
    return aCount(Number(parseAmountText(cell.replace(/\s*days?\s*$/i, ''))));
  } catch (error) {
    if (error instanceof AmountError) return null;
    throw error;
  }
}

/** The day a due-date cell holds, its text read in `order`; null where it holds none. */
function dueIn(cell: Cell | undefined, order: 'day-first' | 'month-first'): string | null {
  if (cell instanceof Date) return isoDay(cell);
  if (typeof cell !== 'string' || blank(cell)) return null;
  try {
    return parseDateText(cell, order);
  } catch (error) {
    if (error instanceof DateError) return null;
    throw error;
  }
}

/** A bill's age in days, which a report counts to its as-of date from the bill's date or its due date. */
const ageHeaders = new Set(['age', 'agedays', 'ageindays', 'billage', 'daysold', 'ageingdays', 'agingdays']);

/** A day each open item writes and the days counted from it to the day the list was drawn up. */
interface Count {
  from: number;
  days: number;
  /** How the decision names the two. */
  fromWords: string;
  daysWords: string;
}

/**
 * What a list counts days from, and in which column: a due date and its days overdue (SAP's Net due
 * date and Arrears after net due date); a bill's date or due date and its age (ERPNext's Posting
 * Date and Age (Days), counted from the one its Ageing Based On names).
 */
function countsOf(headers: readonly string[], mapping: Mapping): Count[] {
  const { due_date: due, doc_date: date, overdue_days: overdue } = mapping;
  const mapped = new Set(Object.values(mapping));
  const age = headers.findIndex((h, i) => !mapped.has(i) && ageHeaders.has(normalizeHeader(h)));
  const counts: Count[] = [];
  if (due !== undefined && overdue !== undefined)
    counts.push({ from: due, days: overdue, fromWords: 'due date', daysWords: 'days overdue' });
  if (age >= 0)
    for (const [from, fromWords] of [
      [date, 'date'],
      [due, 'due date'],
    ] as const)
      if (from !== undefined) counts.push({ from, days: age, fromWords, daysWords: 'age' });
  return counts;
}

/** The one day every item's date plus its days is, under a reading of the dates; null where none or several. */
function agreedDay(items: readonly { from: Cell; days: number }[]): string | null {
  const agreed = new Set<string>();
  for (const order of ['day-first', 'month-first'] as const) {
    const ends = new Set(
      items.map((r) => {
        const day = dueIn(r.from, order);
        return day === null ? null : addDays(day, r.days);
      }),
    );
    const [only, ...others] = ends;
    if (only && others.length === 0) agreed.add(only);
  }
  const [day, ...otherwise] = agreed;
  return day && otherwise.length === 0 ? day : null;
}

/**
 * The as-of date of an ageing list that writes each bill's days counted to it but not the day
 * itself: SAP's customer line items (FBL5N) write "Net due date" and "Arrears after net due date",
 * the key date only on the selection screen; ERPNext's Accounts Receivable writes each bill's "Age
 * (Days)", the report date only in its filters. Each open item's due date plus its days overdue,
 * or its date (or due date) plus its age, is that day, so where it is the same day on every open
 * item of the first rows (cleared items, counted to their clearing, and total rows aside), under
 * the one reading of the dates that makes them agree where they read both ways, and one day only
 * whatever the days are counted from, it is the list's as-of date. Null otherwise (bills all on the
 * same credit days agree on two days, counted from their dates and their due dates), and the
 * import asks for the as-of date as before.
 */
export function arrearsAsOf(
  kind: DatasetKind,
  headers: readonly string[],
  mapping: Mapping,
  firstRows: readonly SourceRow[],
): TitleDate | null {
  if (kind !== 'receivables' || mapping.as_of !== undefined) return null;
  const clearing = mapping.clearing_doc;
  const open = firstRows.filter((r) => clearing === undefined || blank(r.cells[clearing]));
  const found = countsOf(headers, mapping).flatMap((count) => {
    const items = open
      .map((r) => ({ from: r.cells[count.from] ?? null, days: daysIn(r.cells[count.days]) }))
      .filter((r): r is { from: Cell; days: number } => r.days !== null && !blank(r.from));
    const day = items.length === 0 ? null : agreedDay(items);
    return day ? [{ day, count, items: items.length }] : [];
  });
  const [first] = found;
  if (!first || found.some((f) => f.day !== first.day)) return null;
  const { count, items } = first;
  const each = items === 1 ? 'the one open item' : `each of the ${items} open items`;
  return {
    field: 'as_of',
    value: first.day,
    title: '',
    because: `since the file writes no as-of date and the ${count.fromWords} ("${headers[count.from]}") of ${each} its first rows list, plus its ${count.daysWords} ("${headers[count.days]}"), is that day`,
  };
}
