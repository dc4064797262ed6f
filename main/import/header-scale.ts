import { Exact } from '../../engine/money';
import { MONTH_ROW_HEADERS } from './month-columns';

/**
 * Amounts a header says are written in a unit larger than the rupee: "Target (₹ in Lakhs)", "Sales
 * (Rs. in Crores)", "Amount ('000)", "InvoiceAmount (in thousands USD)". Sales operations keep
 * targets and MIS reports so; read at face value, a target of 12.5 lakh would be ₹12.50 and every
 * distributor would pass it many times over. Each pattern gives the power of ten it stands for.
 */
const scales: [RegExp, number, string][] = [
  [/\b(lakhs?|lacs?)\b/, 5, 'lakhs'],
  [/\bcrores?\b|\bin\s+crs?\b/, 7, 'crores'],
  [/\bmillions?\b|\bin\s+mn\b|\(mn\)/, 6, 'millions'],
  // Not a rate "per thousand".
  [/(?<!per\s)\bthousands?\b|'000s?\b|\(000s?\)|\bin\s+000s?\b/, 3, 'thousands'],
];

/** The words of a scale, with the currency and brackets around them ("(₹ in Lakhs)"), to read a header without. */
const money = String.raw`(?:₹|rs\.?|inr|usd)`;
export const scalePhrase = new RegExp(
  [
    String.raw`\(?\s*(?:${money}\s*)?(?:in\s+)?(?<!per\s)(?:lakhs?|lacs?|crores?|millions?|thousands?)\b(?:\s*${money})?\s*\)?`,
    String.raw`\(?\s*(?:${money}\s*)?in\s+(?:crs?|mn|000s?)\b(?:\s*${money})?\s*\)?`,
    String.raw`\(\s*(?:${money}\s*)?'?000s?\s*\)|'000s?\b|\(mn\)`,
  ].join('|'),
  'g',
);

/** The power of ten a header's amounts are written in (5 for lakhs), and its word; null for rupees. */
export function headerScale(header: string): { power: number; word: string } | null {
  const text = header.toLowerCase();
  for (const [pattern, power, word] of scales) if (pattern.test(text)) return { power, word };
  return null;
}

/** Exact decimal text times ten to the power. */
export const scaled = (text: string, power: number): string =>
  power === 0 ? text : new Exact(text).times(new Exact(10).pow(power)).toFixed();

/**
 * The scale a report's title gives all its amounts: "Monthly targets FY 2026-27 (₹ in Lakhs)",
 * "All figures in '000". Stricter than a header's: "in" or brackets around the unit, so a title
 * that mentions a lakh ("outlets above 1 lakh") is not taken for one.
 */
const titlePattern =
  /\bin\s+(?:lakhs?|lacs?|crores?|crs?|thousands?|millions?|mn)\b|\bin\s+'000s?|\(\s*(?:(?:₹|rs\.?|inr)\s*)?(?:lakhs?|lacs?|crores?|thousands?|millions?|'?000s?)\s*\)/i;

/** The scale the first title that states one gives, with that title. */
export function titleScale(titles: readonly string[]): { power: number; word: string; title: string } | null {
  for (const title of titles) {
    const phrase = title.match(titlePattern)?.[0];
    const scale = phrase ? headerScale(phrase) : null;
    if (scale) return { ...scale, title: title.trim() };
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
