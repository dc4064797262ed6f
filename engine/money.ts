import Decimal from 'decimal.js';

/**
 * The one decimal type the engine computes with. Half-up to the minor unit is the
 * rounding DESIGN.md requires unless a scheme states otherwise; 40 significant digits keeps
 * every intermediate product of money × rate exact for any amount a distributor will see.
 */
export const Exact = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type Exact = InstanceType<typeof Exact>;

export class InexactAmountError extends Error {
  constructor(
    readonly value: string,
    readonly scale: number,
  ) {
    super(`${value} has more than ${scale} decimal place${scale === 1 ? '' : 's'}`);
    this.name = 'InexactAmountError';
  }
}

/**
 * Converts a decimal (string, number read from a spreadsheet cell, or Exact) to an integer
 * count of 10^-scale units — paise for money (scale 2), thousandths for quantities (scale 3).
 * Refuses, rather than rounds, a value that does not fit the scale: silently rounding an
 * imported amount would make our totals disagree with the ERP's.
 */
export function toScaledInteger(value: Decimal.Value, scale: number): number {
  const fast = plainToScaled(typeof value === 'number' ? String(value) : value, scale);
  if (fast !== null) return fast;
  const scaled = new Exact(value).times(new Exact(10).pow(scale));
  if (!scaled.isInteger()) throw new InexactAmountError(new Exact(value).toFixed(), scale);
  const result = scaled.toNumber();
  if (!Number.isSafeInteger(result)) {
    throw new RangeError(`${new Exact(value).toFixed()} is too large to store exactly`);
  }
  // A negative zero ("-.0", "-0e3") is zero, as the fast path reads it.
  return result === 0 ? 0 : result;
}

/**
 * The common case — plain decimal text (`-?` then 1 to 15 digits, then `.` and digits if any)
 * with no more places than the scale and at most 15 digits before them and the scale together —
 * by reading the digits as a whole number of units: exact (below 10^15, far inside 2^53), ~20×
 * faster than decimal.js, and, read a character at a time, with nothing made on the way (a
 * regular expression's match, its parts and their padding were 0.6 KB of garbage a row of a
 * million-line import). Anything else returns null for the general path.
 */
function plainToScaled(value: Decimal.Value, scale: number): number | null {
  if (typeof value !== 'string') return null;
  const negative = value.charCodeAt(0) === 45; // '-'
  let at = negative ? 1 : 0;
  let units = 0;
  let whole = 0;
  for (; at < value.length; at++) {
    const digit = value.charCodeAt(at) - 48;
    if (digit < 0 || digit > 9) break;
    units = units * 10 + digit;
    whole++;
  }
  if (whole === 0 || whole + scale > 15) return null;
  let places = 0;
  if (at < value.length) {
    if (value.charCodeAt(at) !== 46) return null; // '.'
    for (at++; at < value.length; at++) {
      const digit = value.charCodeAt(at) - 48;
      if (digit < 0 || digit > 9 || ++places > scale) return null;
      units = units * 10 + digit;
    }
    if (places === 0) return null;
  }
  for (; places < scale; places++) units *= 10;
  return negative && units !== 0 ? -units : units;
}

const wholeNumber = /^-?\d+$/;

/**
 * The exact decimal text of an integer count of 10^-scale units: (-12345, 2) → "-123.45". Sums
 * arrive as bigint, so a total beyond 2^53 paise (₹90 trillion) keeps its last paisa.
 */
export function scaledIntegerToString(units: number | bigint, scale: number): string {
  const text = units.toString();
  // A whole number (any bigint; a number below 10^21, which JavaScript writes out in full) is
  // written by moving the point in its digits: exact, and without decimal.js's division, which
  // every amount of a register, an export and each payout line's working went through.
  if (scale > 0 && wholeNumber.test(text)) {
    const negative = text.charCodeAt(0) === 45;
    const digits = (negative ? text.slice(1) : text).padStart(scale + 1, '0');
    return `${negative ? '-' : ''}${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  }
  return new Exact(text).dividedBy(new Exact(10).pow(scale)).toFixed(scale);
}

/** Stored paise as the exact rupee text the API and files carry: 123456 → "1234.56". */
export const paiseToRupees = (paise: number | bigint): string => scaledIntegerToString(paise, 2);

/**
 * An exact running sum of integers (paise, thousandths) without a bigint per addend: the sum is
 * kept as a number while it stays a safe integer — where a float adds integers exactly — and
 * moved into a bigint only when the next addend would take it past 2^53.
 */
export class IntegerSum {
  private small = 0;
  private large = 0n;

  add(units: number | bigint): void {
    if (typeof units === 'number') {
      const next = this.small + units;
      if (Number.isSafeInteger(next)) {
        this.small = next;
        return;
      }
      if (!Number.isSafeInteger(units)) throw new RangeError(`${units} is not a whole number of units`);
    }
    this.large += BigInt(this.small) + BigInt(units);
    this.small = 0;
  }

  get total(): bigint {
    return this.large + BigInt(this.small);
  }
}

/** The exact sum of amounts in paise: a bigint, never a float. */
export function sumPaise<T>(items: Iterable<T>, paiseOf: (item: T) => number | bigint): bigint {
  const sum = new IntegerSum();
  for (const item of items) sum.add(paiseOf(item));
  return sum.total;
}
