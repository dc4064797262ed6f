import { type DatasetKind, datasets } from '../datasets/kinds';
import { DateError, parseDateText, type TitlePeriod, withoutYear } from './dates';
import { fieldLabel, type Mapping } from './mapping';
import { monthColumns, monthOfHeader } from './month-columns';
import type { Cell, SourceRow } from './readers/types';

/** A date as reports write one in a title: 31-Oct-2026, 31/10/2026, 2026-10-31, October 31, 2026. */
const dateShape = String.raw`(?:\d{1,2}[-/. ](?:\d{1,2}|[a-z]{3,9})[-/., ]+\d{2,4}|\d{4}-\d{1,2}-\d{1,2}|[a-z]{3,9} \d{1,2},? \d{4})`;
const asOn = new RegExp(String.raw`\bas\s+(?:on|at|of)\b\s*(?::\s*)?(${dateShape})`, 'i');
/**
 * A report's date as a filter above its table writes it, a label and the day: ERPNext's export with
 * its filters ("report_date", "2026-10-31"; labelled Posting Date on screen), "Report Date: …",
 * "As on date: …", "Key date …".
 */
const labelledDay = new RegExp(
  String.raw`^(?:report[\s_]*date|as[\s_]*(?:on|of|at)[\s_]*date|key[\s_]*date|posting[\s_]*date)\s*[:,]?\s*(${dateShape})$`,
  'i',
);
const range = new RegExp(String.raw`(${dateShape})\s*(?:to|-|–|till|until)\s*(${dateShape})`, 'i');

/** Every way a title's dates read, as ISO days: one, two (06/12/2026, day or month first) or none. */
function readings(...texts: string[]): string[][] {
  const found = new Map<string, string[]>();
  for (const order of ['day-first', 'month-first'] as const) {
    try {
      const read = texts.map((text) => parseDateText(text, order));
      found.set(read.join(' '), read);
    } catch (error) {
      if (!(error instanceof DateError)) throw error;
    }
  }
  return [...found.values()];
}

/**
 * The dates a title gives a field of every row: as ISO days where they read one way only
 * (31/10/2026; 01/10/2026 beside 31/10/2026 is day first, as the second proves); as written where
 * they read both ways (As on 06/11/2026), to be read as the file's own dates are, day or month
 * first; null where they read no way.
 */
function titleValues(texts: string[], keep: (read: string[]) => boolean = () => true) {
  const read = readings(...texts).filter(keep);
  if (read.length === 1) return { values: read[0] ?? [], asRows: false };
  return read.length === 2 ? { values: texts.map((t) => t.trim()), asRows: true } : null;
}

export interface TitleDate {
  field: string;
  value: string;
  /** The title it was read from. */
  title: string;
  /** Why, where the value was not read from the title (the outlets a file names, outlets-party.ts). */
  because?: string;
  /** Written as the title writes it, a day that reads day or month first: read as the rows' dates are. */
  asRows?: true;
}

/**
 * Dates a report gives once in its title instead of on every row, for the fields the header
 * has no column for: an ageing report's "As on 31-Oct-2026" (or the end of its "1-Apr-2026 to
 * 31-Oct-2026") is its as-of date; a target sheet's "1-Oct-2026 to 31-Oct-2026" is its period.
 */
/**
 * The most characters a title is written in: Busy's "Sales Return Register (1-10-2026 to
 * 31-10-2026)" has 50. A longer text above the header is no title, and is never given to the
 * title patterns, whose backtracking over a hostile cell would take minutes.
 */
const LONGEST_TITLE = 500;

/**
 * The texts of a report's title rows, the rows above its header: each cell's, and a row's texts
 * joined as one where it has several — a CSV title written with a comma and no quotes ("As of
 * October 31, 2026") is two cells, "As of October 31" and "2026".
 */
export const titleTexts = (titleRows: readonly SourceRow[]) =>
  titleRows.flatMap((r) => {
    const texts = r.cells.filter((c): c is string => typeof c === 'string' && c.trim() !== '');
    const joined = texts.map((t) => t.trim()).join(', ');
    return [...texts, ...(texts.length > 1 ? [joined] : [])].filter((t) => t.length <= LONGEST_TITLE);
  });

/** The two days a title's range runs between ("1-Apr-2026 to 31-Oct-2026"), the first not after the last. */
function spanIn(title: string) {
  const span = title.match(range);
  return span ? titleValues([span[1] ?? '', span[2] ?? ''], ([from = '', to = '']) => from <= to) : null;
}

/** A title's range, where it reads one way only. */
function rangeIn(title: string): { from: string; to: string } | null {
  const span = spanIn(title);
  return span && !span.asRows ? { from: span.values[0] ?? '', to: span.values[1] ?? '' } : null;
}

/** The most words a month or quarter is written in: "Q3 FY 2026-27". */
const MONTH_WORDS = 3;

/**
 * The month, quarter or year a title names among its words ("Distributor Targets - October
 * 2026", "Target Sheet Oct-26", "Targets for Q3 FY26-27"), read as a month column's header is;
 * where it names several, the narrowest, if it lies inside each of the others (Q3 in FY26-27), or
 * null where two disagree.
 */
function monthIn(title: string): { from: string; to: string } | null {
  const words = title.split(/[\s(),:]+/).filter((w) => w !== '' && w !== '-' && w !== '–');
  const named: { from: string; to: string }[] = [];
  for (let n = 1; n <= MONTH_WORDS; n++)
    for (let i = 0; i + n <= words.length; i++) {
      const period = monthOfHeader(words.slice(i, i + n).join(' '));
      if (period) named.push(period);
    }
  const narrowest = named.sort((a, b) => b.from.localeCompare(a.from) || a.to.localeCompare(b.to))[0];
  if (!narrowest) return null;
  return named.every((p) => p.from <= narrowest.from && p.to >= narrowest.to) ? narrowest : null;
}

/** The period a title gives: its range of two days, else the month, quarter or year it names. */
const periodIn = (title: string) => rangeIn(title) ?? monthIn(title);

/** The days a title gives the fields of every row: an ageing list's as-of date, a target sheet's period. */
function titleRead(kind: DatasetKind, mapping: Mapping, title: string) {
  const spanned = spanIn(title);
  if (kind === 'receivables') {
    const on = title.match(asOn) ?? title.trim().match(labelledDay);
    if (on) return titleValues([on[1] ?? '']);
    return spanned && { values: spanned.values.slice(1), asRows: spanned.asRows };
  }
  // A sheet of month columns takes each target's month from its column, not from a month the title names.
  const month = spanned || monthColumns(mapping).length > 0 ? null : monthIn(title);
  return spanned ?? (month && { values: [month.from, month.to], asRows: false });
}

export function titleDates(kind: DatasetKind, mapping: Mapping, titleRows: readonly SourceRow[]): TitleDate[] {
  const fields =
    kind === 'receivables' ? ['as_of'] : kind === 'targets' ? ['period_from', 'period_to'] : ([] as string[]);
  if (fields.every((f) => mapping[f] !== undefined)) return [];
  for (const title of titleTexts(titleRows)) {
    const read = titleRead(kind, mapping, title);
    const found: TitleDate[] = read
      ? fields.map((field, i) => ({
          field,
          value: read.values[i] ?? '',
          title,
          ...(read.asRows ? { asRows: true as const } : {}),
        }))
      : [];
    const missing = found.filter((d) => mapping[d.field] === undefined);
    if (missing.length > 0) return missing;
  }
  return [];
}

/**
 * The period a report's title gives, where one reads one way only: its range ("1-Apr-2026 to
 * 31-Mar-2027"), or the month, quarter or year it names ("Day Book - October 2026").
 */
export function titlePeriod(titleRows: readonly SourceRow[]): TitlePeriod | undefined {
  for (const title of titleTexts(titleRows)) {
    const period = periodIn(title);
    if (period) return { ...period, title };
  }
  return undefined;
}

/** What says where the first rows write dates without their year (5-Oct) and the title gives the period they are in. */
export function yearlessNote(
  kind: DatasetKind,
  mapping: Mapping,
  rows: readonly (readonly Cell[])[],
  period: TitlePeriod | undefined,
): { field: string; decision: string } | null {
  if (!period) return null;
  const field = datasets[kind].fields.find((f) => {
    const column = mapping[f.name];
    return (
      f.type === 'date' &&
      column !== undefined &&
      rows.some((cells) => typeof cells[column] === 'string' && withoutYear(cells[column] as string))
    );
  });
  return field
    ? {
        field: field.name,
        decision: `Dates written without their year (5-Oct) are in the period the title "${period.title}" gives, ${period.from} to ${period.to}`,
      }
    : null;
}

/** What a title date decided, in the words of an import's decisions. */
export const titleDecision = (kind: DatasetKind, d: TitleDate) =>
  `${fieldLabel(kind, d.field)} is ${d.value} for every row, ${d.because ?? `as the title "${d.title}" says`}${d.asRows ? ", read day or month first as the file's dates are" : ''}`;
