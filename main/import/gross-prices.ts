import type { Mapping } from './mapping';
import type { Cell } from './readers/types';
import { convertRow, type Decisions } from './row-values';

/**
 * Whether a sales file's gross column holds unit prices, not each line's gross value: Busy's
 * "Gross" is the rate before discount. A line's gross value is its net value before discount,
 * never below it; a price is below it wherever more than one unit was sold. So: on every line
 * read whose gross and net differ, the gross is the smaller (and there is such a line).
 */
export function grossIsAPrice(
  mapping: Mapping,
  rows: readonly (readonly Cell[])[],
  decisions: Decisions,
  defaults: Readonly<Record<string, Cell>>,
): boolean {
  if (mapping.gross_value === undefined || mapping.net_value === undefined) return false;
  const differing = rows
    .map((cells) => convertRow('sales', mapping, cells, decisions, defaults).values)
    .filter(
      (v) => typeof v.gross_value === 'number' && typeof v.net_value === 'number' && v.gross_value !== v.net_value,
    )
    .map((v) => [Math.abs(v.gross_value as number), Math.abs(v.net_value as number)] as const);
  return differing.length > 0 && differing.every(([gross, net]) => gross < net);
}
