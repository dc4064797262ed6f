import { type ConditionalRule, conditionallyStruck, conditionallyUnshown, type DxfLook } from './conditional-formats';
import { noteStruck, noteUnshown, type ShownApart } from './number-formats';
import type { Cell } from './types';

/** A cell as its sheet's conditional formats are asked of it: what it holds (before its format's reading), its style's fill. */
export interface RuledCell {
  col: number;
  held: Cell;
  fill: string | undefined;
}

/**
 * Notes on a row (`apart`) what its sheet's conditional formats do to its cells, once the whole
 * row is read, as a rule may look at another of its cells (`$H2="Cancelled"`): a value shown
 * blank, or struck through — each where the rule holds, or may. A cell struck where the rule
 * holds is struck as one struck by hand is (`struck`), the rule named beside it.
 */
export function noteConditionalMarks(
  rules: readonly ConditionalRule[],
  dxfs: readonly DxfLook[],
  row: { number: number; cells: readonly Cell[] },
  apart: ShownApart,
  ruled: readonly RuledCell[],
): void {
  for (const { col, held, fill } of ruled) {
    const at = { row: row.number, col, fill, cells: row.cells };
    const unshown = conditionallyUnshown(rules, dxfs, at, held);
    if (unshown) noteUnshown(apart, { column: col, ...unshown });
    const struck = conditionallyStruck(rules, dxfs, at, held);
    if (!struck) continue;
    if (!struck.may) noteStruck(apart, col);
    apart.conditionallyStruck ??= [];
    apart.conditionallyStruck.push({ column: col, ...struck });
  }
}
