import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  Exact,
  InexactAmountError,
  IntegerSum,
  scaledIntegerToString,
  sumPaise,
  toScaledInteger,
} from '../../engine/money';

describe('toScaledInteger', () => {
  it('converts decimal text and spreadsheet numbers to exact minor units', () => {
    expect(toScaledInteger('1234.56', 2)).toBe(123456);
    // In floating point 1.005 × 1000 = 1004.9999999999999 and 0.07 × 100 = 7.000000000000001;
    // the exact path gives whole units.
    expect(toScaledInteger(1.005, 3)).toBe(1005);
    expect(toScaledInteger(0.07, 2)).toBe(7);
    expect(toScaledInteger(1234.56, 2)).toBe(123456);
    expect(toScaledInteger('-0.05', 2)).toBe(-5);
    expect(toScaledInteger('12', 3)).toBe(12000);
    expect(toScaledInteger('1e3', 2)).toBe(100000);
  });

  it('refuses an amount with more decimals than the unit instead of rounding it', () => {
    expect(() => toScaledInteger('10.005', 2)).toThrow(InexactAmountError);
    expect(() => toScaledInteger('10.005', 2)).toThrow('10.005 has more than 2 decimal places');
    expect(() => toScaledInteger('1.5', 0)).toThrow(InexactAmountError);
  });

  it('refuses amounts too large to hold exactly', () => {
    expect(() => toScaledInteger('99999999999999999', 2)).toThrow(RangeError);
  });

  // The plain text most cells hold is read digit by digit, without decimal.js: whatever the text,
  // that reading must agree with decimal.js's, to the unit, and refuse what it refuses.
  it('reads any text as decimal.js does, to the unit', () => {
    const outcome = (read: () => number) => {
      try {
        const units = read();
        return Object.is(units, -0) ? 'negative zero' : units;
      } catch (error) {
        return error instanceof InexactAmountError
          ? 'inexact'
          : error instanceof RangeError
            ? 'too large'
            : 'not a number';
      }
    };
    const byDecimal = (text: string, scale: number) => {
      const scaled = new Exact(text).times(new Exact(10).pow(scale));
      if (!scaled.isInteger()) throw new InexactAmountError(text, scale);
      if (!Number.isSafeInteger(scaled.toNumber())) throw new RangeError(text);
      return scaled.toNumber() || 0;
    };
    const text = fc.string({ unit: fc.constantFrom('0', '1', '5', '9', '-', '.', 'e', ' ', '+', 'x'), maxLength: 22 });
    const digits = fc
      .tuple(
        fc.boolean(),
        fc.string({ unit: fc.constantFrom('0', '1', '7', '9'), maxLength: 17 }),
        fc.option(fc.string({ unit: fc.constantFrom('0', '3', '9'), maxLength: 5 })),
      )
      .map(([minus, whole, fraction]) => `${minus ? '-' : ''}${whole}${fraction === null ? '' : `.${fraction}`}`);
    fc.assert(
      fc.property(fc.oneof(text, digits), fc.constantFrom(0, 2, 3), (value, scale) => {
        expect(outcome(() => toScaledInteger(value, scale))).toEqual(outcome(() => byDecimal(value, scale)));
      }),
      { numRuns: 20_000 },
    );
    for (const [value, scale, units] of [
      ['000000000000123.4', 2, 12340],
      ['-.0', 0, 0],
      ['0000000000123.45', 2, 12345],
      ['-0.00', 2, 0],
      ['1.', 2, 100],
      ['1.2.3', 2, 'not a number'],
      ['9999999999999999', 0, 'too large'],
      ['999999999999999', 0, 999999999999999],
      ['.5', 2, 50],
    ] as const)
      expect(outcome(() => toScaledInteger(value, scale))).toEqual(units);
  });
});

describe('scaledIntegerToString', () => {
  it('writes the exact decimal with the unit’s places', () => {
    expect(scaledIntegerToString(123456, 2)).toBe('1234.56');
    expect(scaledIntegerToString(-5, 2)).toBe('-0.05');
    expect(scaledIntegerToString(0, 2)).toBe('0.00');
    expect(scaledIntegerToString(24500, 3)).toBe('24.500');
  });

  // Up to the 40 digits of the engine's decimal.js (Exact), which a sum of paise never nears.
  it('writes any whole number, small or past 2^53, as decimal.js does', () => {
    const byDecimal = (units: number | bigint, scale: number) =>
      new Exact(units.toString()).dividedBy(new Exact(10).pow(scale)).toFixed(scale);
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer(),
          fc.bigInt({ min: -(10n ** 38n), max: 10n ** 38n }),
          fc.integer({ min: -999, max: 999 }),
          fc.constantFrom(-0, 1e21, -1e22, 0.5, Number.MAX_SAFE_INTEGER),
        ),
        fc.constantFrom(0, 1, 2, 3, 6),
        (units, scale) => {
          expect(scaledIntegerToString(units, scale)).toBe(byDecimal(units, scale));
        },
      ),
      { numRuns: 20_000 },
    );
  });
});

describe('IntegerSum', () => {
  it('adds integers exactly past 2^53, where a float sum loses units', () => {
    const max = Number.MAX_SAFE_INTEGER; // 2^53 − 1
    const addends = [max, 1, 1, max, -3, -max, 7, 2 ** 52, 2 ** 52, 5];
    const sum = new IntegerSum();
    for (const a of addends) sum.add(a);
    const exact = addends.reduce((n, a) => n + BigInt(a), 0n);
    expect(sum.total).toBe(exact);
    expect(BigInt(addends.reduce((n, a) => n + a, 0))).not.toBe(exact); // what a float would say
    expect(sumPaise(addends, (a) => a)).toBe(exact);
  });

  it('takes bigints and refuses a number that is not a whole, safe count of units', () => {
    const sum = new IntegerSum();
    sum.add(2n ** 70n);
    sum.add(-1);
    expect(sum.total).toBe(2n ** 70n - 1n);
    expect(() => sum.add(2 ** 60)).toThrow(RangeError);
    expect(() => sum.add(0.5)).toThrow(RangeError);
  });
});
