import type { Scheme, Slab } from './model';
import { Exact } from './money';

/**
 * Slabs are half-open ranges [from, to) on the slab basis (the measure, or achievement %).
 * retro: the reached slab's rate on the whole quantity; marginal: each slab's rate on the part
 * of the quantity inside it; interpolated: a rate between the reached slab's and the next one's,
 * in proportion to how far into the slab the basis is, on the whole quantity.
 * Rates are % for percentage rewards, rupees per unit / per counted item, or a flat amount.
 */
export type RewardType = Scheme['reward']['type'];
export type SlabMode = Scheme['slabs']['mode'];

export interface SlabOutcome {
  /** Unrounded rupees. */
  amount: Exact;
  /** 0-based index of the slab reached, or null below the first. */
  slab: number | null;
  /** How the amount was reached, in plain words. */
  working: string;
}

/**
 * A slab's edges and rate as exact numbers, parsed once per slab: each payee's line compared its
 * position with every slab's text again, a tenth of a run's decimal arithmetic.
 */
const parsed = new WeakMap<Slab, { from: Exact; to: Exact | null; rate: Exact }>();
function edges(s: Slab) {
  let known = parsed.get(s);
  if (known === undefined) {
    known = { from: new Exact(s.from), to: s.to === null ? null : new Exact(s.to), rate: new Exact(s.rate) };
    parsed.set(s, known);
  }
  return known;
}
const percent = (type: RewardType) => type === 'percent_of_value' || type === 'percent_of_invoice';
export const slabLabel = (s: Slab) => `${s.from}–${s.to ?? '…'}`;

function pay(type: RewardType, quantity: Exact, rate: Exact): Exact {
  if (type === 'flat') return rate;
  return percent(type) ? quantity.times(rate).dividedBy(100) : quantity.times(rate);
}

function rateText(type: RewardType, rate: Exact): string {
  if (type === 'flat') return `₹${rate.toFixed(2)} flat`;
  if (percent(type)) return `${rate.toString()}%`;
  return `₹${rate.toString()} per ${type === 'per_unit' ? 'unit' : 'item'}`;
}

export function reachedSlab(table: readonly Slab[], position: Exact): number | null {
  for (let i = table.length - 1; i >= 0; i--) {
    const s = table[i];
    if (!s) continue;
    const { from, to } = edges(s);
    if (position.greaterThanOrEqualTo(from) && (to === null || position.lessThan(to))) return i;
  }
  return null;
}

export function applySlabs(
  table: readonly Slab[],
  mode: SlabMode,
  type: RewardType,
  position: Exact,
  quantity: Exact,
): SlabOutcome {
  const index = reachedSlab(table, position);
  const reached = index === null ? undefined : table[index];
  if (index === null || !reached)
    return { amount: new Exact(0), slab: null, working: `below the first slab (${table[0]?.from})` };
  const q = quantity.toString();
  if (mode === 'marginal' && type !== 'flat' && position.greaterThan(0)) {
    let amount = new Exact(0);
    const parts: string[] = [];
    for (const s of table.slice(0, index + 1)) {
      const { from, to, rate } = edges(s);
      const top = to === null || position.lessThan(to) ? position : to;
      const inside = top.minus(from);
      if (inside.lessThanOrEqualTo(0)) continue;
      const share = quantity.times(inside).dividedBy(position);
      const part = pay(type, share, rate);
      amount = amount.plus(part);
      parts.push(
        `${rateText(type, rate)} on ${share.toDecimalPlaces(4).toString()} = ${part.toDecimalPlaces(4).toString()}`,
      );
    }
    return { amount, slab: index, working: `marginal: ${parts.join(' + ')}` };
  }
  const { from, to, rate: reachedRate } = edges(reached);
  let rate = reachedRate;
  let how = `slab ${index + 1} (${slabLabel(reached)})`;
  const next = table[index + 1];
  if (mode === 'interpolated' && next && to !== null) {
    const through = position.minus(from).dividedBy(to.minus(from));
    rate = rate.plus(edges(next).rate.minus(reachedRate).times(through));
    how += `, interpolated ${through.times(100).toDecimalPlaces(2).toString()}% of the way to ${next.rate}`;
  }
  const amount = pay(type, quantity, rate);
  const on = type === 'flat' ? '' : ` on ${q}`;
  return {
    amount,
    slab: index,
    working: `${how}: ${rateText(type, rate)}${on} = ${amount.toDecimalPlaces(4).toString()}`,
  };
}

export interface NearMiss {
  /** How much more of the slab basis reaches the next slab. */
  needed: string;
  /**
   * For slabs on achievement: how much more of the measure itself reaches the next slab, in its
   * unit, rounded up to what can be billed (the paisa, the thousandth of a unit, a whole count).
   */
  neededMeasure?: string;
  basis: 'measure' | 'achievement';
  /** What the scheme would pay (rupees) at the next slab's threshold. */
  wouldPay: string;
  nextSlab: number;
}

/** How far the payee is from the next slab, and what that slab would pay. */
export function nearMiss(
  table: readonly Slab[],
  mode: SlabMode,
  type: RewardType,
  basis: 'measure' | 'achievement',
  position: Exact,
  quantity: Exact,
): NearMiss | null {
  const index = reachedSlab(table, position);
  const nextIndex = index === null ? 0 : index + 1;
  const next = table[nextIndex];
  if (!next) return null;
  const threshold = edges(next).from;
  if (position.greaterThanOrEqualTo(threshold)) return null;
  const quantityThere = position.greaterThan(0)
    ? quantity.times(threshold).dividedBy(position)
    : basis === 'measure'
      ? threshold
      : quantity;
  const there = applySlabs(table, mode, type, threshold, quantityThere);
  return {
    needed: threshold.minus(position).toString(),
    basis,
    wouldPay: there.amount.toDecimalPlaces(2).toFixed(2),
    nextSlab: nextIndex,
  };
}
