import { describe, expect, it } from 'vitest';
import { datePattern, formatDateInput, parseDateInput } from '../../main/format/dates';
import {
  formatDate,
  formatMoney,
  formatQuantity,
  formatSlab,
  readableNumbers,
  slabUnitOf,
} from '../../main/format/numbers';

describe('workspace number formats', () => {
  it('writes rupees with lakh grouping', () => {
    expect(formatMoney('12345678.90', 'INR', 'en-IN')).toBe('₹1,23,45,678.90');
    expect(formatMoney('-6037695.25', 'INR', 'en-IN')).toBe('-₹60,37,695.25');
  });

  it('writes dollars with thousands grouping', () => {
    expect(formatMoney('12345678.90', 'USD', 'en-US')).toBe('$12,345,678.90');
  });

  it('groups by the locale and marks the currency, each on its own, one after another', () => {
    expect(formatMoney('12345678.90', 'INR', 'en-IN')).toBe('₹1,23,45,678.90');
    expect(formatMoney('12345678.90', 'USD', 'en-IN')).toBe('$1,23,45,678.90');
    expect(formatMoney('12345678.90', 'INR', 'en-US')).toBe('₹12,345,678.90');
    expect(formatMoney('12345678.90', 'USD', 'en-US')).toBe('$12,345,678.90');
  });

  it('keeps every paisa of amounts beyond float precision', () => {
    // 90071992547409.93 is not representable as a double (it would print …409.94).
    expect(formatMoney('90071992547409.93', 'INR', 'en-IN')).toBe('₹9,00,71,99,25,47,409.93');
  });

  it('writes dates as the locale does, without a time-zone shift', () => {
    expect(formatDate('2026-10-05', 'en-IN')).toBe('05 Oct 2026');
    expect(formatDate('2026-10-05', 'en-US')).toBe('Oct 05, 2026');
    expect(formatDate(null, 'en-IN')).toBe('');
  });

  it('writes quantities with up to three decimals', () => {
    expect(formatQuantity('-24.500', 'en-IN')).toBe('-24.5');
    expect(formatQuantity('125000', 'en-IN')).toBe('1,25,000');
  });
});

describe('slabs and free text', () => {
  it('writes a slab as users say it, in rupees, units or % of target', () => {
    expect(formatSlab('50000–200000', 'money', 'INR', 'en-IN')).toBe('₹50,000 – ₹2,00,000');
    expect(formatSlab('300000–…', 'money', 'INR', 'en-IN')).toBe('₹3,00,000 and above');
    expect(formatSlab('1000.5–…', 'money', 'USD', 'en-US')).toBe('$1,000.5 and above');
    expect(formatSlab('80–100', 'percent', 'INR', 'en-IN')).toBe('80% – 100%');
    expect(formatSlab('12000–24000', 'qty', 'INR', 'en-IN')).toBe('12,000 – 24,000');
    expect(formatSlab('0–5', 'count', 'INR', 'en-IN')).toBe('0 – 5');
    // Anything else is shown as it is.
    expect(formatSlab('gold tier', 'money', 'INR', 'en-IN')).toBe('gold tier');
    expect(formatSlab(null, 'money', 'INR', 'en-IN')).toBe('');
    // Slabs on achievement are in % of target whatever the measure counts.
    expect(formatSlab('80–100', slabUnitOf('achievement', 'money'), 'INR', 'en-IN')).toBe('80% – 100%');
    expect(formatSlab('80–100', slabUnitOf('measure', 'money'), 'INR', 'en-IN')).toBe('₹80 – ₹100');
  });

  it('groups long numbers in free text, keeping their decimals, and leaves codes, documents and dates alone', () => {
    expect(
      readableNumbers('net sales ₹135787.56; 1% on 85787.50 = 857.8756; D007 SI/12345 2026-10-31 at 12:30', 'en-IN'),
    ).toBe('net sales ₹1,35,787.56; 1% on 85,787.50 = 857.8756; D007 SI/12345 2026-10-31 at 12:30');
    expect(readableNumbers('-1234567.5 over 999', 'en-US')).toBe('-1,234,567.5 over 999');
  });
});

describe('dates typed the workspace way', () => {
  it('writes and reads a date in the locale’s order, takes ISO too, and refuses days that do not exist', () => {
    expect([datePattern('en-IN'), datePattern('en-US')]).toEqual(['dd/mm/yyyy', 'mm/dd/yyyy']);
    expect(formatDateInput('2026-10-31', 'en-IN')).toBe('31/10/2026');
    expect(formatDateInput('2026-10-31', 'en-US')).toBe('10/31/2026');
    expect(parseDateInput('31/10/2026', 'en-IN')).toBe('2026-10-31');
    expect(parseDateInput('31-10-2026', 'en-IN')).toBe('2026-10-31');
    expect(parseDateInput('1.9.26', 'en-IN')).toBe('2026-09-01');
    expect(parseDateInput('10/31/2026', 'en-US')).toBe('2026-10-31');
    expect(parseDateInput('2026-10-31', 'en-IN')).toBe('2026-10-31');
    expect(parseDateInput('31/02/2026', 'en-IN')).toBeNull();
    expect(parseDateInput('10/31/2026', 'en-IN')).toBeNull();
    expect(parseDateInput('yesterday', 'en-IN')).toBeNull();
  });
});
