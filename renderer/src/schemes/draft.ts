import type { SchemeInput } from '../../../main/api/contract';

/** A scheme being edited: the JSON model, with list fields edited as comma-separated text. */
export type Draft = SchemeInput;
export type SlabRow = { from: string; to: string | null; rate: string };

export const measureKinds = [
  ['product_volume', 'Product volume'],
  ['billed_outlets', 'Monthly billed outlets'],
  ['billed_channels', 'Monthly billed channels'],
  ['outstanding_reduction', 'Sales outstanding reduction'],
  ['net_channel_addition', 'Net channel addition'],
  ['upsell', 'Upsell / cross-sell'],
  ['early_payment', 'Early payment'],
  ['reactivation', 'Inactive → active'],
  ['custom', 'Custom formula'],
] as const;

export function newDraft(today: string): Draft {
  const month = today.slice(0, 7);
  return {
    code: '',
    name: '',
    objective: 'volume',
    period: { from: `${month}-01`, to: today },
    measure: { kind: 'product_volume', basis: 'value' },
    slabs: { basis: 'measure', mode: 'retro', table: [{ from: '0', to: null, rate: '1' }] },
    reward: { type: 'percent_of_value' },
  };
}

export const listText = (list: readonly string[] | undefined) => (list ?? []).join(', ');
export const textList = (text: string) =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** A copy of `value` with `path` set, for immutable form updates. */
export function setIn<T>(value: T, path: readonly (string | number)[], next: unknown): T {
  const [head, ...rest] = path;
  if (head === undefined) return next as T;
  const base = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, unknown>;
  base[head] = setIn(base[head], rest, next);
  return base as T;
}

/** A measure spec with the defaults of its kind. */
export function measureOfKind(kind: string): Draft['measure'] {
  switch (kind) {
    case 'product_volume':
      return { kind, basis: 'value' };
    case 'billed_outlets':
      return { kind, minBillValue: '500' };
    case 'billed_channels':
      return { kind, minimums: { Grocery: '10000' } };
    case 'upsell':
      return { kind, mode: 'any' };
    case 'early_payment':
      return { kind, withinDays: 10 };
    case 'reactivation':
      return { kind, dormantDays: 90 };
    case 'custom':
      return { kind, formula: '' };
    case 'outstanding_reduction':
      return { kind, basis: 'amount' };
    default:
      return { kind: kind as 'net_channel_addition' };
  }
}
