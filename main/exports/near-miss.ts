import { Exact } from '../../engine/money';
import type { NearMiss } from '../../engine/slabs';
import { type Decimal, formatMoney, numberFormat } from '../format/numbers';

/**
 * The near-miss as a distributor reads it: how much more of what the scheme measures reaches
 * the next slab, and what that slab pays. Counts are rounded up to whole outlets or channels,
 * since half an outlet reaches nothing; percentages up to one decimal.
 */
export function nearMissText(miss: NearMiss, unit: string, currency: string, locale: string): string {
  const needed = new Exact(miss.needed);
  const pays = formatMoney(miss.wouldPay, currency, locale);
  const next = `slab ${miss.nextSlab + 1}`;
  if (miss.basis === 'achievement') {
    const points = needed.toDecimalPlaces(1, Exact.ROUND_UP).toFixed(1);
    return `${points} more percentage points of target reach ${next}, which pays ${pays}`;
  }
  if (unit === 'money') {
    return `${formatMoney(needed.toDecimalPlaces(2, Exact.ROUND_UP).toFixed(2), currency, locale)} more reaches ${next}, which pays ${pays}`;
  }
  const count = needed.toDecimalPlaces(0, Exact.ROUND_UP).toFixed(0);
  const what = unit === 'count' ? '' : ` ${unit}`;
  const verb = count === '1' ? 'reaches' : 'reach';
  return `${numberFormat(locale).format(count as Decimal)} more${what} ${verb} ${next}, which pays ${pays}`;
}
