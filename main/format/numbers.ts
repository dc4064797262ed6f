/**
 * Numbers the way the workspace writes them, for the window and for the files SchemeDesk writes
 * (statements, near-misses). Values arrive as exact decimal text and go to Intl.NumberFormat as
 * text, which formats the decimal exactly — no float in between. en-IN gives lakh grouping:
 * ₹1,23,45,678.90; en-US gives $12,345,678.90. Pure: no Node, no DOM.
 */
export type Decimal = `${number}`;

const numberFormats = new Map<string, Intl.NumberFormat>();
/** One Intl.NumberFormat per locale and options: building one costs far more than using it. */
export function numberFormat(locale: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    numberFormats.set(key, format);
  }
  return format;
}

const currencyFormats = new Map<string, Intl.NumberFormat>();

/**
 * The workspace's money format: a currency in a locale, looked up by those two alone. Every amount
 * of a statement and of a page of the grid comes here, and numberFormat's key (its options as
 * JSON) cost twice the formatting (200,000 amounts: 205–287 → 105–148 ms).
 */
export function currencyFormat(currency: string, locale: string): Intl.NumberFormat {
  const key = `${currency}|${locale}`;
  let format = currencyFormats.get(key);
  if (!format) {
    format = numberFormat(locale, { style: 'currency', currency });
    currencyFormats.set(key, format);
  }
  return format;
}

export function formatMoney(amount: string | null | undefined, currency: string, locale: string): string {
  if (amount === null || amount === undefined || amount === '') return '';
  return currencyFormat(currency, locale).format(amount as Decimal);
}

export function formatQuantity(qty: string | number | null | undefined, locale: string): string {
  if (qty === null || qty === undefined || qty === '') return '';
  return numberFormat(locale, { maximumFractionDigits: 3 }).format(String(qty) as Decimal);
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** An ISO day (YYYY-MM-DD) in the workspace locale, read as a calendar day (no time zone shift). */
export function formatDate(iso: string | null | undefined, locale: string): string {
  if (!iso) return '';
  let format = dateFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { day: '2-digit', month: 'short', year: 'numeric', timeZone: 'UTC' });
    dateFormats.set(locale, format);
  }
  const time = Date.parse(`${iso.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(time) ? iso : format.format(time);
}

export function formatCount(n: number, locale: string): string {
  return numberFormat(locale).format(n);
}

/**
 * Achievement % as it was compared with the slabs: two decimals, cut rather than rounded, so
 * 99.99996 % reads 99.99 % and never 100 % beside a 100 % slab it did not reach.
 */
export function formatAchievement(pct: string | number | null | undefined, locale: string): string {
  if (pct === null || pct === undefined || pct === '') return '';
  const options = { minimumFractionDigits: 2, maximumFractionDigits: 2, roundingMode: 'trunc' };
  return `${numberFormat(locale, options as Intl.NumberFormatOptions).format(String(pct) as Decimal)}%`;
}

/** What a slab's bounds count: rupees, units, a count, or achievement against target. */
export type SlabUnit = 'money' | 'qty' | 'count' | 'percent';

/** A slab's unit: % of target when the scheme's slabs are on achievement, else the measure's unit. */
export const slabUnitOf = (basis: string | undefined, measureUnit: string | undefined): SlabUnit =>
  basis === 'achievement' ? 'percent' : ((measureUnit ?? 'count') as SlabUnit);

function slabBound(value: string, unit: SlabUnit, currency: string, locale: string): string {
  if (unit === 'money')
    return numberFormat(locale, {
      style: 'currency',
      currency,
      minimumFractionDigits: 0,
      maximumFractionDigits: 2,
    }).format(value as Decimal);
  if (unit === 'percent') return `${numberFormat(locale, { maximumFractionDigits: 2 }).format(value as Decimal)}%`;
  return formatQuantity(value, locale);
}

/**
 * A slab as users say it — "₹50,000 – ₹2,00,000", "₹3,00,000 and above", "80% – 100%" — from
 * the engine's label ("50000–200000", "300000–…"). A label of any other shape is shown as it is.
 */
export function formatSlab(label: string | null | undefined, unit: SlabUnit, currency: string, locale: string): string {
  if (!label) return '';
  const m = /^(-?\d+(?:\.\d+)?)–(-?\d+(?:\.\d+)?|…)$/.exec(label);
  if (!m) return label;
  const from = slabBound(m[1] as string, unit, currency, locale);
  return m[2] === '…' ? `${from} and above` : `${from} – ${slabBound(m[2] as string, unit, currency, locale)}`;
}

/**
 * Free text (an engine's explanation, a note) with its long numbers grouped the workspace's way
 * and their decimals kept as written: "net sales ₹135787.56" reads "net sales ₹1,35,787.56".
 * Numbers inside codes, documents and dates (D007, SI/12345, 2026-10-31) are left alone.
 */
export function readableNumbers(text: string, locale: string): string {
  return text.replace(/(?<![\w\-/.:])(-?)(\d{4,})(\.\d+)?(?![\w\-/:]|\.\d)/g, (_all, sign, whole, fraction) => {
    const decimals = fraction ? fraction.length - 1 : 0;
    const grouped = numberFormat(locale, { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(
      `${whole}${fraction ?? ''}` as Decimal,
    );
    return `${sign}${grouped}`;
  });
}

/** A count and the words after it, as English agrees them: "1 line names its", "2 lines name their". */
export const counted = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** The same, its count grouped as Indian figures are: "1 bill", "1,00,000 lines". */
export const countedGrouped = (n: number, one: string, many: string): string =>
  `${n.toLocaleString('en-IN')} ${n === 1 ? one : many}`;
