import { grossIsAPrice } from './gross-prices';
import type { Mapping } from './mapping';
import { netAfterDiscount } from './net-after-discount';
import type { Cell } from './readers/types';
import type { Decisions } from './row-values';

/**
 * A sales file's amount columns where the rows show one SchemeDesk proposed holds something other
 * than its header says: a Gross of unit prices (Busy's) is left out; a net before discount (Infor
 * M3's Net Invoice Amount) is read as the gross, the column after discount as the net. Changes
 * `mapping` and says why. Only fields `proposed` says the user did not pick are changed. Shared
 * by the dialog's preview and the import, so both show the same mapping.
 */
export function amountsFromRows(
  mapping: Mapping,
  headers: readonly string[],
  rows: readonly (readonly Cell[])[],
  decisions: Decisions,
  defaults: Readonly<Record<string, Cell>>,
  proposed: (field: string) => boolean,
): { field: string; decision: string }[] {
  const notes: { field: string; decision: string }[] = [];
  const gross = mapping.gross_value;
  if (gross !== undefined && proposed('gross_value') && grossIsAPrice(mapping, rows, decisions, defaults)) {
    delete mapping.gross_value;
    notes.push({
      field: 'gross_value',
      decision: `"${headers[gross]}" holds unit prices (below each line's net value), not gross values: it is not imported as the gross value`,
    });
  }
  const named = mapping.net_value;
  const after =
    named !== undefined && mapping.gross_value === undefined && proposed('net_value')
      ? netAfterDiscount(mapping, headers, rows, decisions)
      : null;
  if (named !== undefined && after !== null) {
    mapping.gross_value = named;
    mapping.net_value = after;
    notes.push({
      field: 'net_value',
      decision: `"${headers[after]}" is the net value: on every line read it is "${headers[named]}" less "${headers[mapping.discount as number]}", so "${headers[named]}" is the amount before discount, read as the gross value`,
    });
  }
  return notes;
}
