import { Exact } from '../../engine/money';
import { numberCellToDecimal } from './amounts';
import { MONTH_ROW_HEADERS } from './month-columns';
import type { SourceRow } from './readers/types';

/**
 * Amounts a header says are written in a unit larger than the rupee: "Target (₹ in Lakhs)", "Sales
 * (Rs. in Crores)", "Amount ('000)", "InvoiceAmount (in thousands USD)". Sales operations keep
 * targets and MIS reports so; read at face value, a target of 12.5 lakh would be ₹12.50 and every
 * distributor would pass it many times over. Each unit: the word naming it, its short form (a
 * unit only after "in", or in brackets where `bracketed`: "Amount Cr" and "Amount (Cr)" are
 * credits), the power of ten it stands for.
 */
const units = [
  { words: 'lakhs?|lacs?', short: null, bracketed: false, power: 5, word: 'lakhs' },
  { words: 'crores?', short: 'crs?', bracketed: false, power: 7, word: 'crores' },
  { words: 'millions?', short: 'mn', bracketed: true, power: 6, word: 'millions' },
  { words: 'thousands?', short: "'?000s?", bracketed: true, power: 3, word: 'thousands' },
] as const;

const money = String.raw`(?:₹|rs\.?|inr|usd)`;
const anyOf = (forms: (string | null)[]) => `(?:${forms.filter((f) => f !== null).join('|')})`;
const words = anyOf(units.map((u) => u.words));
const afterIn = anyOf([words, ...units.map((u) => u.short)]);
const inBrackets = anyOf([words, ...units.map((u) => (u.bracketed ? u.short : null))]);
/** A unit after "in", or in brackets, with a currency beside it or not: "(₹ in Lakhs)", "in '000", "(Mn)". */
const stated = String.raw`\(?\s*(?:${money}\s*)?in\s+${afterIn}(?![a-z])(?:\s*${money})?\s*\)?|\(\s*(?:${money}\s*)?${inBrackets}(?:\s*${money})?\s*\)`;
/** A header's unit: stated so, or its word anywhere but after "per" ("Target Lakhs"; not "Rate per thousand"). */
const inHeader = String.raw`${stated}|(?<!per\s)\b${words}\b|'000s?\b`;

/** The words of a unit, with the currency and brackets around them, to read a header without. */
export const scalePhrase = new RegExp(
  String.raw`\(?\s*(?:${money}\s*)?(?<!per\s)\b${words}\b(?:\s*${money})?\s*\)?|${inHeader}`,
  'g',
);

/** Each unit with the pattern of its word and short form. */
const named = units.map((u) => ({ ...u, pattern: new RegExp(`\\b${anyOf([u.words, u.short])}(?![a-z])`) }));
/** The unit a phrase names, by its word or short form. */
const unitOf = (phrase: string) => named.find((u) => u.pattern.test(phrase.replace(/'/g, ' ')));
const headerUnit = new RegExp(inHeader);

/** The word of the unit a power of ten stands for (5: lakhs), as a message names it. */
export const unitWord = (power: number): string => units.find((u) => u.power === power)?.word ?? `10^${power}`;

/** The power of ten a header's amounts are written in (5 for lakhs), and its word; null for rupees. */
export function headerScale(header: string): { power: number; word: string } | null {
  const phrase = header.toLowerCase().match(headerUnit)?.[0];
  const unit = phrase === undefined ? undefined : unitOf(phrase);
  return unit ? { power: unit.power, word: unit.word } : null;
}

/**
 * A number written with its unit in the cell, as sales operations write targets: "1.5 L", "2.5 Cr"
 * (a crore here, never a credit), "12 lakh", "50K". The number and the power of ten, or null.
 */
export function numberWithUnit(text: string): { number: string; power: number } | null {
  const m = text.trim().match(/^(.*\d)\s*([a-z]+)\.?$/i);
  const unit = (m?.[2] ?? '').toLowerCase();
  const power = /^(l|lakhs?|lacs?|lakh)$/.test(unit)
    ? 5
    : /^(cr|crs|crores?)$/.test(unit)
      ? 7
      : /^(k|thousands?)$/.test(unit)
        ? 3
        : /^(mn|millions?)$/.test(unit)
          ? 6
          : null;
  return power === null ? null : { number: m?.[1] ?? '', power };
}

/** Exact decimal text times ten to the power. */
export const scaled = (text: string, power: number): string =>
  power === 0 ? text : new Exact(text).times(new Exact(10).pow(power)).toFixed();

/**
 * A row's numbers as Excel shows them, where their column's header states the unit they are in
 * and their format does the dividing: under "Amount ('000)", 1234567 formatted `#,##0,` shows as
 * 1,235 — the rupees themselves, which read as thousands were 1,234,567,000. Such a cell is read
 * as the number shown (1234.567, exactly), which the header's unit then multiplies. Where the
 * header states no unit the cell holds the amount itself, and is read so; where it states another
 * (thousands shown under a header in lakhs) the cell is left as it is, for the import to refuse
 * (cellIssues). Each cell once: the format's power is taken off the row as it is used (the reading
 * thread and the import's both ask).
 */
export function readShownUnits(row: SourceRow, scaledColumns: Readonly<Record<number, number>> | undefined): void {
  const formatted = row.formatted;
  if (!formatted || !scaledColumns) return;
  row.formatted = formatted.map((shown) => {
    const cell = row.cells[shown.column];
    if (!shown.power || scaledColumns[shown.column] !== shown.power || typeof cell !== 'number') return shown;
    row.cells[shown.column] = scaled(numberCellToDecimal(cell, 10), -shown.power);
    const { power, ...rest } = shown;
    return { ...rest, readShown: power };
  });
}

/** The cells read as Excel shows them (readShownUnits), counted by column, for the result to say. */
export class ShownUnits {
  private readonly columns = new Map<number, { cells: number; power: number }>();

  add(row: SourceRow): void {
    for (const { column, readShown } of row.formatted ?? []) {
      if (!readShown) continue;
      const seen = this.columns.get(column) ?? { cells: 0, power: readShown };
      seen.cells++;
      this.columns.set(column, seen);
    }
  }

  decisions(headers: readonly string[]): { field: string; decision: string }[] {
    return [...this.columns].map(([column, { cells, power }]) => {
      const unit = power === 6 ? 'millions' : 'thousands';
      return {
        field: headers[column] ?? `column ${column + 1}`,
        decision: `${cells === 1 ? '1 number' : `${cells} numbers`} of "${headers[column]}" ${cells === 1 ? 'holds' : 'hold'} the amount itself, formatted to show it in ${unit} (Excel shows ${power === 6 ? '12,345,678 as 12' : '1,234,567 as 1,235'}): read as Excel shows ${cells === 1 ? 'it' : 'them'}, then in the unit the column is in`,
      };
    });
  }
}

/**
 * The unit a report's title gives all its amounts: "Monthly targets FY 2026-27 (₹ in Lakhs)",
 * "All figures in '000". Stricter than a header's: "in" or brackets around the unit, so a title
 * that mentions a lakh ("outlets above 1 lakh") is not taken for one.
 */
const inTitle = new RegExp(stated, 'i');

/** The scale the first title that states one gives, with that title. */
export function titleScale(titles: readonly string[]): { power: number; word: string; title: string } | null {
  for (const title of titles) {
    const phrase = title.match(inTitle)?.[0];
    const unit = phrase === undefined ? undefined : unitOf(phrase.toLowerCase());
    if (unit) return { power: unit.power, word: unit.word, title: title.trim() };
  }
  return null;
}

/** 1.5 in the unit, as the unit's own country writes the result: 1,50,000 for lakhs, 1,500 for thousands. */
const example = (word: string, power: number) =>
  new Intl.NumberFormat(word === 'lakhs' || word === 'crores' ? 'en-IN' : 'en-US').format(Number(scaled('1.5', power)));

/** What the import says of the columns whose numbers are read in a larger unit, and why: one sentence a reason. */
export function scaleDecisions(
  scaledColumns: Readonly<Record<number, number>> | undefined,
  headers: readonly string[],
  title: { word: string; title: string } | null,
): { field: string; decision: string }[] {
  const reasons = new Map<string, { headers: string[]; power: number; word: string }>();
  for (const [column, power] of Object.entries(scaledColumns ?? {})) {
    const header = headers[Number(column)] ?? '';
    // A target sheet's month columns are named themselves: not the column the import reads them into.
    if ((MONTH_ROW_HEADERS as readonly string[]).includes(header)) continue;
    const own = headerScale(header);
    const word = own?.word ?? title?.word ?? '';
    const why = own ? 'as the header says' : `as the title "${title?.title}" says`;
    const reason = reasons.get(`${word}|${why}`) ?? { headers: [], power, word };
    reason.headers.push(`"${header}"`);
    reasons.set(`${word}|${why}`, reason);
  }
  return [...reasons].map(([key, { headers: named, power, word }]) => ({
    field: '(amounts)',
    decision: `${named.join(', ')} ${named.length === 1 ? 'writes its' : 'write their'} numbers in ${word}, ${key.slice(key.indexOf('|') + 1)}: each is read so (1.5 is ${example(word, power)})`,
  }));
}
