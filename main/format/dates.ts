/**
 * Dates typed the workspace's way: en-IN writes 31/10/2026, en-US 10/31/2026, and either may
 * type 2026-10-31. Pure: no Node, no DOM.
 */
type Part = 'day' | 'month' | 'year';

const orders = new Map<string, Part[]>();
/** The order the locale writes day, month and year in. */
function orderOf(locale: string): Part[] {
  let order = orders.get(locale);
  if (!order) {
    order = new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' })
      .formatToParts(Date.UTC(2026, 9, 31))
      .map((p) => p.type)
      .filter((t): t is Part => t === 'day' || t === 'month' || t === 'year');
    orders.set(locale, order);
  }
  return order;
}

/** How a date is typed in the locale: "dd/mm/yyyy", "mm/dd/yyyy", "yyyy/mm/dd". */
export const datePattern = (locale: string): string =>
  orderOf(locale)
    .map((p) => (p === 'day' ? 'dd' : p === 'month' ? 'mm' : 'yyyy'))
    .join('/');

/** An ISO day written the locale's way with numbers: 31/10/2026 under en-IN. */
export function formatDateInput(iso: string, locale: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const parts: Record<Part, string> = { year: m[1] as string, month: m[2] as string, day: m[3] as string };
  return orderOf(locale)
    .map((p) => parts[p])
    .join('/');
}

/**
 * The ISO day a typed date means, in the locale's order (any of / - . or space between), or
 * an ISO date as it is; null when it is not a real calendar day.
 */
export function parseDateInput(text: string, locale: string): string | null {
  const t = text.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  const numbers = iso ? [iso[1], iso[2], iso[3]] : t.split(/[/\-. ]+/);
  if (numbers.length !== 3 || numbers.some((n) => !/^\d+$/.test(n ?? ''))) return null;
  const order: Part[] = iso ? ['year', 'month', 'day'] : orderOf(locale);
  const at = (part: Part) => Number(numbers[order.indexOf(part)]);
  let year = at('year');
  if (String(numbers[order.indexOf('year')]).length === 2) year += 2000;
  const month = at('month');
  const day = at('day');
  if (year < 1900 || year > 2999 || month < 1 || month > 12 || day < 1) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1) return null;
  return date.toISOString().slice(0, 10);
}
