import { type Adjustment, adjustmentSteps } from '../../engine/calculate';

/**
 * Each adjustment step's change to a line, in paise (negative for a reduction), or null when the
 * step did not touch it: the review grid and the register show them as columns of their own
 * between the slab amount and the calculated amount.
 */
export type StepChanges = Record<Adjustment['step'], number | null>;

export const stepLabels: Record<Adjustment['step'], string> = {
  catch_up: 'Catch-up',
  gate: 'Gate',
  cap: 'Cap',
  stacking: 'Stacking',
  budget: 'Budget',
};

export function stepChanges(adjustmentsJson: string): StepChanges {
  const changes = Object.fromEntries(adjustmentSteps.map((s) => [s, null])) as StepChanges;
  for (const a of JSON.parse(adjustmentsJson) as Adjustment[])
    changes[a.step] = (changes[a.step] ?? 0) + a.after - a.before;
  return changes;
}

/** The same change as a SQL expression over a row's `adjustments` column, so the grid can sort and filter on it. */
export const stepChangeSql = (step: Adjustment['step']) =>
  `(SELECT sum(json_extract(a.value, '$.after') - json_extract(a.value, '$.before')) FROM json_each(adjustments) a
    WHERE json_extract(a.value, '$.step') = '${step}')`;
