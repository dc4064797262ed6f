import type { Cell } from './readers/types';

const totalPattern = /^(grand\s+|sub\s*-?\s*)?total(\s+(for|of)\b.*)?\s*:?$/i;

/** A subtotal or total line: its first filled cell says Total (but "Total Solutions Pvt Ltd" is a party). */
export function isTotalRow(cells: readonly Cell[]): boolean {
  const first = cells.find((c) => c !== null && c !== undefined && String(c).trim() !== '');
  return typeof first === 'string' && totalPattern.test(first.trim());
}
