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

export function formatMoney(amount: string | null | undefined, currency: string, locale: string): string {
  if (amount === null || amount === undefined || amount === '') return '';
  return numberFormat(locale, { style: 'currency', currency }).format(amount as Decimal);
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
