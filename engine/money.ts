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
  return result;
}

const plainDecimal = /^(-?)(\d{1,15})(?:\.(\d+))?$/;

/**
 * The common case — plain decimal text with no more places than the scale and at most 15
 * digits — by moving the decimal point in the text: exact, and ~20× faster than decimal.js,
 * which matters at a million imported rows. Anything else returns null for the general path.
 */
function plainToScaled(value: Decimal.Value, scale: number): number | null {
  if (typeof value !== 'string') return null;
  const m = plainDecimal.exec(value);
  if (!m) return null;
  const fraction = m[3] ?? '';
  if (fraction.length > scale || (m[2] ?? '').length + scale > 15) return null;
  const units = Number((m[2] ?? '') + fraction.padEnd(scale, '0'));
  return m[1] === '-' && units !== 0 ? -units : units;
}

/**
 * The exact decimal text of an integer count of 10^-scale units: (-12345, 2) → "-123.45". Sums
 * arrive as bigint, so a total beyond 2^53 paise (₹90 trillion) keeps its last paisa.
 */
export function scaledIntegerToString(units: number | bigint, scale: number): string {
  return new Exact(units.toString()).dividedBy(new Exact(10).pow(scale)).toFixed(scale);
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
