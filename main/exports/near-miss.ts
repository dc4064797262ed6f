import { Exact } from '../../engine/money';
import type { NearMiss } from '../../engine/slabs';
import { type Decimal, formatMoney, numberFormat } from '../format/numbers';

/**
 * The near-miss as a distributor reads it: how much more of what the scheme measures reaches
 * the next slab, and what that slab pays. Money is shown to the paisa, rounded up (a paisa short
 * reaches nothing); counts are rounded up to whole outlets or channels; for slabs on achievement
 * the measure still needed comes first, then the percentage points of target.
 */
export function nearMissText(miss: NearMiss, unit: string, currency: string, locale: string): string {
  const pays = `slab ${miss.nextSlab + 1}, which pays ${formatMoney(miss.wouldPay, currency, locale)}`;
  if (miss.basis === 'achievement') {
    const points = `${new Exact(miss.needed).toDecimalPlaces(2, Exact.ROUND_UP).toFixed(2)} percentage points of target`;
    if (miss.neededMeasure === undefined) return `${points} more reach ${pays}`;
    const more = moreOf(new Exact(miss.neededMeasure), unit, currency, locale);
    return `${more.text} (${points}) ${more.verb} ${pays}`;
  }
  const more = moreOf(new Exact(miss.needed), unit, currency, locale);
  return `${more.text} ${more.verb} ${pays}`;
}

/** How much more of the measure, rounded up to what can be billed: the paisa, a thousandth of a unit, a whole count. */
function moreOf(needed: Exact, unit: string, currency: string, locale: string): { text: string; verb: string } {
  if (unit === 'money') {
    return {
      text: `${formatMoney(needed.toDecimalPlaces(2, Exact.ROUND_UP).toFixed(2), currency, locale)} more`,
      verb: 'reaches',
    };
  }
  const places = unit === 'qty' ? 3 : 0;
  const amount = needed.toDecimalPlaces(places, Exact.ROUND_UP);
  const what = unit === 'qty' ? ' units' : '';
  const text = `${numberFormat(locale, { maximumFractionDigits: places }).format(amount.toFixed(places) as Decimal)} more${what}`;
  return { text, verb: amount.equals(1) ? 'reaches' : 'reach' };
}
