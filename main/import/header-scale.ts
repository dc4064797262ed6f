import { Exact } from '../../engine/money';

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

/** What the import says of each column whose numbers are read in a larger unit, and why. */
export function scaleDecisions(
  scaledColumns: Readonly<Record<number, number>> | undefined,
  headers: readonly string[],
  title: { word: string; title: string } | null,
): { field: string; decision: string }[] {
  return Object.entries(scaledColumns ?? {}).map(([column, power]) => {
    const header = headers[Number(column)] ?? '';
    const own = headerScale(header);
    const why = own ? `in ${own.word}, as its header says` : `in ${title?.word}, as the title "${title?.title}" says`;
    return {
      field: '(amounts)',
      decision: `"${header}" writes its numbers ${why}: each is read so (1.5 is ${scaled('1.5', power)})`,
    };
  });
}
