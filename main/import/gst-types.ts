import { Exact } from '../../engine/money';
import type { DatasetKind } from '../datasets/kinds';
import { type Mapping, taxPartKeys } from './mapping';
import type { Cell } from './readers/types';

/**
 * Busy's GST types, which its Sales Register writes in a `Type` column where a document type
 * would go: "L/GST-18%" (a local sale at 18 %: CGST + SGST), "I/GST-12%" (interstate: IGST),
 * "L/GST-Exempt", "I/GST-MultiRate", "L/GST-ItemWise".
 */
const gstType = /^[li]\s*\/\s*(gst|igst|vat|cst)\b/i;

/** Whether a cell is a GST type (Busy's), not a document type. */
const isGstType = (cell: Cell | undefined): boolean => typeof cell === 'string' && gstType.test(cell.trim());

/**
 * The one GST rate a GST type names, in percent: 18 for "L/GST-18%", 0 for an exempt, nil-rated
 * or tax-free supply; null where it names several or none ("L/GST-MultiRate", "ItemWise").
 */
export function gstRateOf(type: string): Exact | null {
  const t = type.trim().toLowerCase();
  // Busy's longest ("L/GST-TaxIncl.-28%") has 18 characters; a longer text is none, nor given to the pattern.
  if (t.length > 64) return null;
  const rate = t.match(/(\d+(?:\.\d+)?)\s*%/);
  if (rate) return new Exact(rate[1] as string);
  return /exempt|nil|tax\s*free|non[- ]?gst/.test(t) ? new Exact(0) : null;
}

/** The GST rates India levies (0.1 % and 0.25 % on some goods, 40 % since September 2025), in percent. */
const GST_RATES = new Set([0, 0.1, 0.25, 1, 1.5, 3, 5, 6, 7.5, 12, 14, 18, 28, 40]);

/**
 * The GST rate a cell of a rate column gives ("GST%": 18, "18", "18%", "18.00 %"), or null where it
 * is no GST rate India levies.
 */
export function gstRateIn(cell: Cell | undefined): Exact | null {
  const text = typeof cell === 'number' ? String(cell) : typeof cell === 'string' ? cell.trim() : '';
  const m = text.match(/^(\d{1,2}(?:\.\d+)?)\s*%?$/);
  if (!m) return null;
  const rate = new Exact(m[1] as string);
  return GST_RATES.has(rate.toNumber()) ? rate : null;
}

/** Whether `tax` is, within a paisa, a GST rate India levies (not 0) of `base`; both in paise. */
export const taxAtSomeRate = (tax: number, base: number): boolean =>
  [...GST_RATES].some((rate) => rate > 0 && new Exact(base).times(rate).dividedBy(100).minus(tax).abs().lte(1));

/**
 * The tax inside a bill's total at a GST rate, to the paisa: 18/118 of it at 18 %. The ERP rounded
 * the tax it added to the taxable value, so this can differ from its own by a paisa.
 */
export function taxInside(totalPaise: number, rate: Exact): number {
  return new Exact(totalPaise).times(rate).dividedBy(rate.plus(100)).toDecimalPlaces(0).toNumber();
}

/** The tax on a net value before its tax at a GST rate, to the paisa: 18/100 of it at 18 %. */
export function taxAtRate(netPaise: number, rate: Exact): number {
  return new Exact(netPaise).times(rate).dividedBy(100).toDecimalPlaces(0).toNumber();
}

/**
 * Whether a sale's tax is its net value at the GST rate of the mapping's `gst_type`: the net is
 * before its tax (a taxable value, GSTR-1's) and the file writes no tax but cess beside the rate.
 */
export const taxOnNet = (mapping: Mapping): boolean =>
  mapping.gst_type !== undefined && mapping.net_value !== undefined && noTaxButCess(mapping);

/** Whether a mapping reads no tax, or only cess (asked of every row: its tax parts are worked out once). */
export const noTaxButCess = (mapping: Mapping): boolean =>
  mapping.tax === undefined && taxPartKeys(mapping).every((key) => key.startsWith('tax_cess'));

/**
 * A sales file's document-type column whose values are all GST types (Busy's `Type`), read as the
 * GST type: every row is then an invoice, and where the net value is a bill's total less its tax
 * and no tax column is written, each bill's tax is worked out from its total at that type's rate.
 * Changes `mapping`; says why. Shared by the import and the dialog's preview.
 */
export function gstTypeColumn(
  kind: DatasetKind,
  mapping: Mapping,
  headers: readonly string[],
  rows: readonly (readonly Cell[])[],
): { field: string; decision: string }[] {
  const column = mapping.doc_type;
  if (kind !== 'sales' || column === undefined) return [];
  const written = rows.map((cells) => cells[column]).filter((c) => typeof c === 'string' && c.trim() !== '');
  if (written.length === 0 || !written.every(isGstType)) return [];
  delete mapping.doc_type;
  mapping.gst_type = column;
  return [
    {
      field: 'doc_type',
      decision: `"${headers[column]}" holds GST types ("${String(written[0]).trim()}"), not document types: each row is an invoice, or a credit note by its sign`,
    },
  ];
}
