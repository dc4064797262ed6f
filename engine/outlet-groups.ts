import type { SalesColumns } from './sales-columns';

/**
 * A payee's lines grouped by outlet, in typed arrays: group g is the outlet `outlets[g]` (its
 * code's number), its net billing over the lines in paise `net[g]`, and its rows
 * `rows.subarray(start[g], start[g + 1])`. Outlets come in the order first met. Grouping a
 * million lines into Maps of arrays, and summing each outlet again for every question asked of
 * it, was a sixth of a run's calculation.
 */
export interface OutletGroups {
  outlets: Int32Array;
  net: Float64Array;
  start: Int32Array;
  rows: Int32Array;
}

/** Each code's group number plus one while lines are grouped (0: not met yet); zero between calls. */
let groupOf = new Int32Array(0);
const known = new WeakMap<ArrayLike<number>, OutletGroups>();

/** The lines (rows of the columns) grouped by outlet; lines of a primary sale (no outlet) are left out. Memoized per lines. */
export function outletGroups(c: SalesColumns, lines: ArrayLike<number>): OutletGroups {
  const kept = known.get(lines);
  if (kept) return kept;
  if (groupOf.length < c.codes.length) groupOf = new Int32Array(c.codes.length);
  const outlets: number[] = [];
  const sizes: number[] = [];
  const nets: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    const r = lines[i] as number;
    const outlet = c.outlet[r] as number;
    if (outlet < 0) continue;
    let g = (groupOf[outlet] as number) - 1;
    if (g < 0) {
      g = outlets.push(outlet) - 1;
      groupOf[outlet] = g + 1;
      sizes.push(0);
      nets.push(0);
    }
    sizes[g] = (sizes[g] as number) + 1;
    nets[g] = (nets[g] as number) + (c.net[r] as number);
  }
  const start = new Int32Array(outlets.length + 1);
  for (let g = 0; g < outlets.length; g++) start[g + 1] = (start[g] as number) + (sizes[g] as number);
  const rows = new Int32Array(start[outlets.length] as number);
  const next = start.slice(0, outlets.length);
  for (let i = 0; i < lines.length; i++) {
    const r = lines[i] as number;
    const outlet = c.outlet[r] as number;
    if (outlet < 0) continue;
    const g = (groupOf[outlet] as number) - 1;
    rows[next[g] as number] = r;
    next[g] = (next[g] as number) + 1;
  }
  for (const outlet of outlets) groupOf[outlet] = 0;
  const groups = { outlets: Int32Array.from(outlets), net: Float64Array.from(nets), start, rows };
  known.set(lines, groups);
  return groups;
}

/**
 * Counting measures count by net billing, never by a line's existence: an outlet (or a SKU at an
 * outlet) is billed when its lines over the window, returns included, add up to more than zero
 * and to at least the minimum where there is one. `minimum` is in whole paise.
 */
export const isBilled = (net: number, minimum = 0) => net > 0 && net >= minimum;

/** The groups (their numbers) whose outlets are billed. */
export function billedGroups(groups: OutletGroups, minimum = 0): number[] {
  const billed: number[] = [];
  for (let g = 0; g < groups.outlets.length; g++) if (isBilled(groups.net[g] as number, minimum)) billed.push(g);
  return billed;
}

/** The rows of the given groups, one after another. */
export function rowsOf(groups: OutletGroups, which: readonly number[]): Int32Array {
  let n = 0;
  for (const g of which) n += (groups.start[g + 1] as number) - (groups.start[g] as number);
  const rows = new Int32Array(n);
  let at = 0;
  for (const g of which) {
    const part = groups.rows.subarray(groups.start[g] as number, groups.start[g + 1] as number);
    rows.set(part, at);
    at += part.length;
  }
  return rows;
}

/** The outlets (code numbers) of the given groups. */
export const outletsOf = (groups: OutletGroups, which: readonly number[]) =>
  new Set(which.map((g) => groups.outlets[g] as number));
