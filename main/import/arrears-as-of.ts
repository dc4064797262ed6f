import { addDays } from '../../engine/dates';
import type { DatasetKind } from '../datasets/kinds';
import { AmountError, parseAmountText } from './amounts';
import { DateError, isoDay, parseDateText } from './dates';
import { MOST_DAYS } from './due-dates';
import type { Mapping } from './mapping';
import type { Cell, SourceRow } from './readers/types';
import { blank } from './row-values';
import type { TitleDate } from './title-dates';
import { isTotalRow } from './total-rows';

const aCount = (n: number) => (Number.isInteger(n) && Math.abs(n) <= MOST_DAYS ? n : null);

/** A count of days as a list writes it: 36, "36", SAP's "5-" for five days before the due date. */
function daysIn(cell: Cell | undefined): number | null {
  if (typeof cell === 'number') return aCount(cell);
  if (typeof cell !== 'string' || blank(cell)) return null;
  try {
    return aCount(Number(parseAmountText(cell)));
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

/**
 * The as-of date of an ageing list that writes each bill's due date and its days overdue but not
 * the day those days were counted to: SAP's customer line items (FBL5N) write "Net due date" and
 * "Arrears after net due date", the key date only on the selection screen. Each open item's due
 * date plus its days is that day, so where it is the same day on every open item of the first rows
 * (cleared items, counted to their clearing, and total rows aside), under the one reading of the
 * due dates that makes them agree where they read both ways, it is the list's as-of date. Null
 * otherwise, and the import asks for the as-of date as before.
 */
export function arrearsAsOf(
  kind: DatasetKind,
  headers: readonly string[],
  mapping: Mapping,
  firstRows: readonly SourceRow[],
): TitleDate | null {
  const { due_date: due, overdue_days: days, clearing_doc: clearing } = mapping;
  if (kind !== 'receivables' || mapping.as_of !== undefined || due === undefined || days === undefined) return null;
  const open = firstRows
    .filter((r) => !isTotalRow(r.cells) && (clearing === undefined || blank(r.cells[clearing])))
    .map((r) => ({ due: r.cells[due], days: daysIn(r.cells[days]) }))
    .filter((r): r is { due: Cell; days: number } => r.days !== null && !blank(r.due));
  if (open.length === 0) return null;
  const agreed = new Set<string>();
  for (const order of ['day-first', 'month-first'] as const) {
    const ends = new Set(
      open.map((r) => {
        const day = dueIn(r.due, order);
        return day === null ? null : addDays(day, r.days);
      }),
    );
    const [only, ...others] = ends;
    if (only && others.length === 0) agreed.add(only);
  }
  const [asOf, ...otherwise] = agreed;
  if (!asOf || otherwise.length > 0) return null;
  const items = open.length === 1 ? 'the one open item' : `each of the ${open.length} open items`;
  return {
    field: 'as_of',
    value: asOf,
    title: '',
    because: `since the file writes no as-of date and the due date ("${headers[due]}") of ${items} its first rows list, plus its days overdue ("${headers[days]}"), is that day`,
  };
}
