import { type DayOrder, excelSerialToIso, isoDay, isPlausibleSerial, longDay, numericDayMonth } from './dates';
import type { Cell } from './readers/types';

/**
 * A CSV opened in a spreadsheet set to read dates the other way round, and saved as a workbook:
 * SAP Business One's 04/01/2006 (4 January) became the date cell 1 April 2006, while 22/01/2006,
 * which no month-first reading can take, stayed text. Every date cell is then on a day up to the
 * 12th (the month it was written with) and every text date names a day after it: read as they
 * stand, the dates of the first twelve days of each month land in other months, without an error.
 *
 * What the first rows of a date column show:
 * - `swapped`: both kinds, in that pattern — each date cell is read with its day and month
 *   swapped back, and a later date cell after the 12th is refused (it cannot be one of them);
 * - `cellsOnly`: date cells alone, each up to the 12th — a later date written as text that reads
 *   one way only is refused, as the pattern's first sign past the rows read;
 * - `textsOnly`: text dates alone, each readable one way only — a later date cell up to the
 *   12th is refused, likewise.
 */
export type DateCellsReading =
  | { kind: 'swapped'; header: string; cell: string; text: string }
  | { kind: 'cellsOnly' | 'textsOnly' };

/** Date cells are not read as swapped on fewer than this many: one cell up to the 12th is likely by chance. */
const MIN_CELLS = 2;

/** The ISO day of a cell a spreadsheet made a date (a Date cell, or a serial in a date column), or null. */
export function cellDay(cell: Cell | undefined, date1904: boolean): string | null {
  if (cell instanceof Date) return isoDay(cell);
  if (typeof cell === 'number' && isPlausibleSerial(cell)) return excelSerialToIso(cell, date1904);
  return null;
}

/** Whether an all-digit text date reads only in `order` (22/01/2006 day first): a spreadsheet reading the other way left it text. */
export function oneWayOnly(text: string, order: DayOrder): boolean {
  const parts = numericDayMonth(text);
  if (!parts || order === 'year-first') return false;
  const [a, b] = order === 'day-first' ? parts : [parts[1], parts[0]];
  return a > 12 && b <= 12;
}

const dayOfMonth = (day: string) => Number(day.slice(8, 10));

/** What the first rows' cells of the date column `header` show (above), its text dates read in `order`; null where nothing. */
export function dateCellsReading(
  header: string,
  cells: readonly Cell[],
  order: DayOrder,
  date1904: boolean,
): DateCellsReading | null {
  const days: string[] = [];
  const texts: string[] = [];
  for (const cell of cells) {
    const day = cellDay(cell, date1904);
    if (day !== null) days.push(day);
    else if (typeof cell === 'string' && numericDayMonth(cell) !== null) texts.push(cell.trim());
  }
  const cellsEarly = days.length >= MIN_CELLS && days.every((d) => dayOfMonth(d) <= 12);
  const textsOneWay = texts.length > 0 && texts.every((t) => oneWayOnly(t, order));
  if (cellsEarly && textsOneWay) return { kind: 'swapped', header, cell: days[0] as string, text: texts[0] as string };
  if (cellsEarly && texts.length === 0) return { kind: 'cellsOnly' };
  if (textsOneWay && days.length === 0) return { kind: 'textsOnly' };
  return null;
}

/** A date cell's day with its day and month swapped back (2006-04-01 → 2006-01-04); refused after the 12th. */
export function swappedBack(day: string): string {
  const dom = dayOfMonth(day);
  if (dom > 12)
    throw new Error(
      `a date cell (${day}) among dates a spreadsheet made with their day and month swapped, and this one cannot have been (no month ${dom}): ${OWN_EXPORT}`,
    );
  return `${day.slice(0, 5)}${day.slice(8, 10)}-${day.slice(5, 7)}`;
}

/** What to do about a file whose dates a spreadsheet read the other way round. */
const OWN_EXPORT = 'import the file as the system exported it (its CSV), not as a spreadsheet saved it again';

/** A later row's date, against what the first rows' cells showed: the refusal, or null where it fits. */
export function unseenSwap(reading: DateCellsReading | undefined, cell: Cell, order: DayOrder, date1904: boolean) {
  if (reading?.kind === 'cellsOnly' && typeof cell === 'string' && oneWayOnly(cell, order))
    return `a date written as text where the first rows hold dates as date cells, each on a day up to the 12th: a spreadsheet reading dates the other way round makes dates only of those it can read, with their day and month swapped; ${OWN_EXPORT}`;
  const day = reading?.kind === 'textsOnly' ? cellDay(cell, date1904) : null;
  if (day !== null && dayOfMonth(day) <= 12)
    return `a date cell (${day}) where the first rows write their dates as text, each readable one way only: a spreadsheet reading dates the other way round makes dates only of those it can read, with their day and month swapped; ${OWN_EXPORT}`;
  return null;
}

/** The decision said for a column whose date cells are read swapped back. */
export function swappedDecision(reading: { header: string; cell: string; text: string }): string {
  return `Date cells in "${reading.header}" are read with their day and month swapped back (${longDay(reading.cell)} as ${longDay(swappedBack(reading.cell))}): the file was saved by a spreadsheet that read its dates the other way round, making dates only of those it could ("${reading.text}" stayed text)`;
}

const ordinal = (n: number) => `${n}${n === 2 ? 'nd' : n === 3 ? 'rd' : 'th'}`;

/**
 * Every date of an import on one day of the month from the 2nd to the 12th, over three months or
 * more. A CSV of a few days' sales (1–4 November) opened in a spreadsheet reading dates the other
 * way round comes out so, every date a cell and none left as text (11 January to 11 April): nothing
 * in the file tells it from a register billed on one day of each month, so it is warned of, once
 * the whole file is read, with the dates it would be.
 */
export class OneDayOfMonth {
  private day: string | null = null;
  private same = true;
  private readonly months = new Set<string>();

  add(day: string): void {
    if (!this.same) return;
    const dom = day.slice(8, 10);
    if (this.day === null) this.day = dom;
    else if (dom !== this.day) {
      this.same = false;
      return;
    }
    this.months.add(day.slice(0, 7));
  }

  /** The warning, for the column `header` whose dates ran `from` … `to`; null where the dates vary. */
  warning(header: string, from: string, to: string): string | null {
    const dom = Number(this.day);
    if (!this.same || this.day === null || dom < 2 || dom > 12 || this.months.size < 3) return null;
    return `Every date in "${header}" falls on the ${ordinal(dom)} of its month, over ${this.months.size} months (${from} to ${to}). A CSV of a few days opened in a spreadsheet that reads dates the other way round comes out so: if this file was, its dates are ${swappedBack(from)} to ${swappedBack(to)}, and it should be imported as the system exported it`;
  }
}
