/**
 * Numbers the way the workspace writes them. Values arrive as exact decimal text and go to
 * Intl.NumberFormat as text, which formats the decimal exactly — no float in between.
 * en-IN gives lakh grouping: ₹1,23,45,678.90; en-US gives $12,345,678.90.
 */
type Decimal = `${number}`;

const moneyFormats = new Map<string, Intl.NumberFormat>();
const qtyFormats = new Map<string, Intl.NumberFormat>();

export function formatMoney(amount: string | null | undefined, currency: string, locale: string): string {
  if (amount === null || amount === undefined || amount === '') return '';
  const key = `${locale}|${currency}`;
  let format = moneyFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'currency', currency });
    moneyFormats.set(key, format);
  }
  return format.format(amount as Decimal);
}

export function formatQuantity(qty: string | number | null | undefined, locale: string): string {
  if (qty === null || qty === undefined || qty === '') return '';
  let format = qtyFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { maximumFractionDigits: 3 });
    qtyFormats.set(locale, format);
  }
  return format.format(String(qty) as Decimal);
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
  return new Intl.NumberFormat(locale).format(n);
}
