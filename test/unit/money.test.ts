import { describe, expect, it } from 'vitest';
import { InexactAmountError, IntegerSum, scaledIntegerToString, sumPaise, toScaledInteger } from '../../engine/money';

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
});

describe('scaledIntegerToString', () => {
  it('writes the exact decimal with the unit’s places', () => {
    expect(scaledIntegerToString(123456, 2)).toBe('1234.56');
    expect(scaledIntegerToString(-5, 2)).toBe('-0.05');
    expect(scaledIntegerToString(0, 2)).toBe('0.00');
    expect(scaledIntegerToString(24500, 3)).toBe('24.500');
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
