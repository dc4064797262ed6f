import { describe, expect, it } from 'vitest';
import { formatDate, formatMoney, formatQuantity } from '../../main/format/numbers';

describe('workspace number formats', () => {
  it('writes rupees with lakh grouping', () => {
    expect(formatMoney('12345678.90', 'INR', 'en-IN')).toBe('₹1,23,45,678.90');
    expect(formatMoney('-6037695.25', 'INR', 'en-IN')).toBe('-₹60,37,695.25');
  });

  it('writes dollars with thousands grouping', () => {
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
