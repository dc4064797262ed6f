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
  const scaled = new Exact(value).times(new Exact(10).pow(scale));
  if (!scaled.isInteger()) throw new InexactAmountError(new Exact(value).toString(), scale);
  const result = scaled.toNumber();
  if (!Number.isSafeInteger(result)) {
    throw new RangeError(`${new Exact(value).toString()} is too large to store exactly`);
  }
  return result;
}

/** The exact decimal text of an integer count of 10^-scale units: (-12345, 2) → "-123.45". */
export function scaledIntegerToString(units: number, scale: number): string {
  return new Exact(units).dividedBy(new Exact(10).pow(scale)).toFixed(scale);
}
