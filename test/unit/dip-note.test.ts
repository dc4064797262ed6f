import { describe, expect, it } from 'vitest';
import type { SchemeInsights } from '../../main/insights/scheme';
import { dipNote } from '../../renderer/src/insights/dip-note';

const dip = (before: string, after: string, changePct: string | null, data = true): SchemeInsights['dip'] => ({
  before: { from: '2026-09-01', to: '2026-09-30', sales: before },
  during: '1000.00',
  after: { from: '2026-11-01', to: '2026-11-30', sales: after, data },
  changePct,
});
const note = (d: SchemeInsights['dip']) =>
  dipNote(
    d,
    (amount) => `₹${amount}`,
    (p) => `${p}%`,
  );

describe('what Sales pulled forward says', () => {
  it('a fall or a rise against the period before, in words', () => {
    expect(note(dip('100.00', '50.00', '-50.00'))).toBe(
      'After the scheme its products sold 50.00% less than before it.',
    );
    expect(note(dip('100.00', '150.00', '50.00'))).toBe(
      'After the scheme its products sold 50.00% more than before it.',
    );
  });

  it('returns outweighing sales after, nothing sold before, and no sales after yet', () => {
    expect(note(dip('50130.80', '-157383.41', '-413.95'))).toBe(
      'After the scheme returns of its products outweighed their sales: ₹-157383.41 net, against ₹50130.80 before it.',
    );
    expect(note(dip('-500.00', '-20.00', null))).toBe(
      'After the scheme returns of its products outweighed their sales: ₹-20.00 net, against ₹-500.00 before it.',
    );
    expect(note(dip('-500.00', '300.00', null))).toBe(
      'Nothing was sold before the scheme, net of returns, to compare with.',
    );
    expect(note(dip('100.00', '0.00', null, false))).toBe(
      'No sales after the scheme yet: the dip is measured once they are imported.',
    );
  });
});
