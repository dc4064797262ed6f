import type { Mapping } from './mapping';
import type { Cell } from './readers/types';

/**
 * A column saying, row by row, whether the amounts include the tax: Zoho Books' `Is Inclusive
 * Tax` (true / false), QuickBooks' `Amounts are` (Inclusive of Tax / Exclusive of Tax / Out of
 * scope of Tax), Xero's `LineAmountTypes` (Inclusive / Exclusive / NoTax). One file can hold
 * both kinds of bill; where a row's amounts include it, its net value is the amount less its tax.
 */
const inclusive = /^(y|yes|true|1|inclusive|tax inclusive|inclusive of (tax|gst|vat)|incl\.?|included|tax included)$/i;
const exclusive =
  /^(n|no|false|0|exclusive|tax exclusive|exclusive of (tax|gst|vat)|excl\.?|excluded|no ?tax|out of scope( of (tax|gst|vat))?)$/i;

/** What a row's cell says: true (amounts include the tax), false, null when blank, undefined when it says neither. */
export function includesTax(cell: Cell | undefined): boolean | null | undefined {
  if (cell === null || cell === undefined) return null;
  if (typeof cell === 'boolean') return cell;
  if (typeof cell === 'number') return cell === 1 ? true : cell === 0 ? false : undefined;
  if (!(typeof cell === 'string')) return undefined;
  const text = cell.trim().replace(/\s+/g, ' ');
  if (text === '') return null;
  return inclusive.test(text) ? true : exclusive.test(text) ? false : undefined;
}

/**
 * Keeps a proposed tax-inclusive column only where a cell of the first rows says yes or no: a
 * column headed so that holds amounts (a total with its tax) is no such flag, and gives way, saying
 * why. A kept column's cells are each checked, a row saying neither refused.
 */
export function keepTaxInclusive(
  mapping: Mapping,
  headers: readonly string[],
  rows: readonly (readonly Cell[])[],
  proposed: (field: string) => boolean,
): { field: string; decision: string } | null {
  const column = mapping.tax_inclusive;
  if (column === undefined || !proposed('tax_inclusive')) return null;
  if (rows.some((cells) => typeof includesTax(cells[column]) === 'boolean')) return null;
  delete mapping.tax_inclusive;
  return {
    field: 'net_value',
    decision: `"${headers[column]}" is not read as whether the amounts include tax: its cells say neither yes nor no`,
  };
}
