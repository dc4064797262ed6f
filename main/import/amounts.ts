import { Exact } from '../../engine/money';
import { asciiDigits, readInAnyDigits } from './digits';

/**
 * Amounts as ERPs write them, to exact decimal text: `₹1,00,00,000.00`, `Rs. 1,234.50 Dr`,
 * `(1,234.50)`, `₹ (1,234.50)`, `₹ -` (Excel's Accounting format: zero), `1,234.50-`, `−12`,
 * `1.234,56` (when the file writes decimals with a comma), `Rs. 1,250/-`.
 * Never through a float. Dr is a debit (positive), Cr a credit (negative).
 */
export type DecimalMark = '.' | ',';

export class AmountError extends Error {}

const currencyMarks = /(₹|rs\.?|inr|usd|us\$|\$|€|eur|£|gbp)/gi;
const spaces = /[\s\u00a0\u2009\u202f']/g;
/** The digits of an amount where a space or an apostrophe sets some apart. */
const spacedDigits = /\d[\d\s\u00a0\u2009\u202f'.,]*[\s\u00a0\u2009\u202f']\d[\d.,]*/;
/** Digits grouped by spaces or apostrophes in thousands (1 234 567.50, 1'000), or in lakhs (12 34 567). */
const spacedGroups =
  /^(\d{1,3}([\s\u00a0\u2009\u202f']\d{3})+|\d{1,2}([\s\u00a0\u2009\u202f']\d{2})*[\s\u00a0\u2009\u202f']\d{3})([.,]\d+)?$/;

const plainNumber = /^-?\d+(\.\d+)?$/;

/** Which currency a mark written beside an amount names. */
const currencyOf = (mark: string): string => {
  const m = mark.toLowerCase().replace('.', '');
  if (m === '₹' || m === 'rs' || m === 'inr') return 'INR';
  if (m === '$' || m === 'usd' || m === 'us$') return 'USD';
  if (m === '€' || m === 'eur') return 'EUR';
  return 'GBP';
};

/** A cell that is one such mark alone: ₹, Rs., INR, $, USD, €, EUR, £, GBP. */
const markAlone = new RegExp(`^${currencyMarks.source}$`, 'i');

/** The currency a cell names by one of the marks amounts are written with, or null. */
export const currencyOfMark = (text: string): string | null =>
  markAlone.test(text.trim()) ? currencyOf(text.trim()) : null;

/**
 * The most characters an amount is written in: "₹ (1,00,00,00,000.00) Dr" has 24. A longer text is
 * no amount, and is never given to the patterns, whose backtracking over a hostile cell of a
 * million spaces would take minutes.
 */
const LONGEST_AMOUNT = 100;

/** `Dr` or `Cr` written after an amount ("1,234.50 Cr"): read as minus for `Cr`, as a bill owed reads it. */
const drCrMark = /\s*(dr|cr)\.?$/i;

/** The side an amount's own `Dr` / `Cr` names, or null where it names none. */
export const drCrWritten = (text: string): 'debit' | 'credit' | null => {
  if (text.length > LONGEST_AMOUNT) return null;
  const mark = text.trim().match(drCrMark)?.[1]?.toLowerCase();
  return mark === undefined ? null : mark === 'cr' ? 'credit' : 'debit';
};

/**
 * Exact decimal text of an amount, e.g. "(1,234.50)" → "-1234.5". Given the workspace's currency,
 * an amount marked with another ($ in a rupee workspace) is refused, never read as rupees.
 */
export function parseAmountText(text: string, mark: DecimalMark = '.', currency?: string): string {
  if (text.length > LONGEST_AMOUNT)
    throw new AmountError(
      `${text.length.toLocaleString('en-IN')} characters are no amount (at most ${LONGEST_AMOUNT})`,
    );
  if (plainNumber.test(text)) return text;
  return readInAnyDigits(text, (t) => parseWritten(t, mark, currency));
}

function parseWritten(text: string, mark: DecimalMark, currency?: string): string {
  let t = text.trim();
  if (currency) {
    for (const found of t.match(currencyMarks) ?? []) {
      if (currencyOf(found) !== currency)
        throw new AmountError(`"${found}" is not the workspace's currency (${currency}): convert the amount first`);
    }
  }
  let negative = false;
  const drCr = t.match(drCrMark);
  if (drCr) {
    negative = drCr[1]?.toLowerCase() === 'cr';
    t = t.slice(0, drCr.index).trim();
  }
  // "171.00 (18%)": an amount with its rate beside it, as billing apps write tax and discount.
  const rate = t.match(/\s*\(\s*\d+(?:[.,]\d+)?\s*%\s*\)$/);
  if (rate?.index) t = t.slice(0, rate.index).trim();
  // "Rs. 1,250/-": whole rupees, as a hand-kept Indian register writes them ("/=" alike).
  const whole = t.match(/\s*\/\s*[-=]$/);
  if (whole) t = t.slice(0, whole.index).trim();
  // Excel's Accounting format writes the mark before the brackets (" ₹ (99.50)"), and a zero as a
  // dash beside the mark (" ₹ -   ").
  t = t.replace(currencyMarks, '');
  // Digits a space sets apart are groups of thousands (1 000 000,50), never a typing slip (1 00).
  const spaced = t.match(spacedDigits);
  if (spaced && !spacedGroups.test(spaced[0]))
    throw new AmountError(
      `"${text.trim()}" sets digits apart with a space, but not in groups of thousands (1 000 000)`,
    );
  t = t.replace(spaces, '');
  if (/^[-\u2212\u2013\u2014]+$/.test(t)) return '0';
  // One sign only: brackets, a minus before or after, or Dr / Cr. "(-100)" or "100- Cr" say
  // both and neither; no system writes them.
  let signs = drCr ? 1 : 0;
  // Tally writes a negative value in its reports as "(-)1,234.00".
  if (/^\([-\u2212]\)/.test(t)) {
    negative = !negative;
    t = t.slice(3);
    signs++;
  }
  if (/^\(.*\)$/.test(t)) {
    negative = !negative;
    t = t.slice(1, -1);
    signs++;
  }
  if (/^[-\u2212\u2013]/.test(t)) {
    negative = !negative;
    t = t.slice(1);
    signs++;
  } else if (/[-\u2212\u2013]$/.test(t)) {
    negative = !negative;
    t = t.slice(0, -1);
    signs++;
  } else if (t.startsWith('+')) {
    t = t.slice(1);
  }
  if (signs > 1) throw new AmountError(`"${text.trim()}" is written with two signs: write the amount with one`);
  const group = mark === '.' ? /,/g : /\./g;
  // Western groups of three (1,234,567.50) or Indian ones (12,34,567.50); "1,234,56" is neither.
  const grouped = mark === '.' ? /^(\d{1,3}(,\d{3})*|\d{1,2}(,\d{2})*,\d{3})(\.\d+)?$/ : /^\d{1,3}(\.\d{3})*(,\d+)?$/;
  const example = mark === '.' ? '1,234.50' : '1.234,50';
  if (t.includes(mark === '.' ? ',' : '.') && !grouped.test(t)) {
    throw new AmountError(`expected an amount such as ${example}`);
  }
  const plain = t.replace(group, '').replace(',', '.');
  if (!/^(\d+(\.\d*)?|\.\d+)$/.test(plain)) throw new AmountError(`expected an amount such as ${example}`);
  const value = new Exact(plain);
  return (negative && !value.isZero() ? value.negated() : value).toString();
}

/**
 * Which decimal mark a column of amount texts uses. A comma followed by exactly 1–2 final
 * digits, or dots used as thousands groups, mean a decimal comma; otherwise a decimal point.
 */
export function detectDecimalMark(samples: readonly string[]): DecimalMark {
  let comma = 0;
  let point = 0;
  for (const s of samples) {
    const t = asciiDigits(s).replace(/[^\d.,]/g, '');
    // "1.234" alone could be either; only unambiguous writings count as evidence.
    if (/,\d{1,2}$/.test(t) || /^\d{1,3}(\.\d{3}){2,}(,\d+)?$/.test(t) || /\.\d{3},\d+$/.test(t)) comma++;
    else if (/\.\d{1,2}$/.test(t) || /\.\d{4,}$/.test(t) || /,\d{3}(\.\d+)?$/.test(t)) point++;
  }
  return comma > point ? ',' : '.';
}

/**
 * A number cell as Excel holds it: to 15 significant digits. Digits past them are a formula's
 * binary arithmetic — 1.25 × 1.18 is saved as 1.4749999999999999, which Excel shows, rounds and
 * adds as 1.475 (1.48 at two decimals); read as saved it would round to 1.47. Nothing typed has
 * more: Excel keeps 15 digits of what is typed in.
 */
export function excelNumberText(n: number): string {
  const text = String(n);
  const digits = text.length - (n < 0 ? 1 : 0) - (text.includes('.') ? 1 : 0);
  return digits <= 15 && !text.includes('e') ? text : new Exact(n.toPrecision(15)).toString();
}

/** A number cell formatted as a percentage, as Excel shows it and a CSV of the sheet writes it: 0.18 is "18%". */
export const percentText = (n: number): string => `${new Exact(excelNumberText(n)).times(100).toFixed()}%`;

/**
 * A number read from a spreadsheet cell is a binary float. Its text as Excel holds it is what the
 * user typed (1234.56); a formula result may still carry float noise (1234.5600000001), which is
 * rounded away only when it is noise — far below the unit — never when it is a real fraction.
 */
export function numberCellToDecimal(n: number, scale: number): string {
  if (!Number.isFinite(n)) throw new AmountError(`${n} is not a number`);
  const text = excelNumberText(n);
  const point = text.indexOf('.');
  if (!text.includes('e') && (point < 0 || text.length - point - 1 <= scale)) return text;
  const exact = new Exact(text);
  if (exact.decimalPlaces() <= scale) return exact.toString();
  const rounded = exact.toDecimalPlaces(scale);
  const noise = exact.minus(rounded).abs();
  return noise.lessThan(new Exact(10).pow(-scale - 6)) ? rounded.toString() : exact.toString();
}
