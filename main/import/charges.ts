import type { Mapping } from './mapping';
import { addNumbered, CHARGE_PART, numbered, partColumns } from './numbered-keys';
import type { Cell } from './readers/types';

/** Words of a header that name something about a charge other than its amount: its tax, rate, terms, mode or party. */
const notTheAmount =
  /%|\b(tax|gst|cgst|sgst|igst|vat|rate|terms?|mode|method|address|name|no|number|date|type|via|zone|status|id|code|account|weight|qty|quantity|paid\s*by|payable\s*by)\b/;

/**
 * Whether a header (a column's or a ledger's) names a charge a bill adds to its lines' value
 * besides their tax: freight, cartage, carriage, courier, postage, shipping or insurance, or
 * packing, forwarding, transport, delivery, handling, loading or other charges ("Freight Charges",
 * "Freight Outward", "P&F Charges", Zoho Books' "Shipping Charge"). Not a header of the charge's
 * tax, rate, terms or mode ("GST on Freight", "Freight Terms", "Shipping Address"), nor a bare
 * "Packing" (a pack size) or "Transport" (the transporter).
 */
export function namesCharge(header: string): boolean {
  const h = header.toLowerCase();
  if (notTheAmount.test(h)) return false;
  return (
    /\b(freight|cartage|carriage|courier|postage|shipping|insurance)\b/.test(h) ||
    /\b(packing|packaging|forwarding|p\s*&\s*f|p\s*and\s*f|transport(ation)?|delivery|handling|loading|unloading|other|misc(ellaneous)?|additional|extra)\b.*\b(charges?|chgs?|chrgs?|expenses?|exp)\b/.test(
      h,
    )
  );
}

/**
 * A register writes the charges its bills add in a column each (Tally's columnar Sales Register
 * a column per ledger: `Freight Charges`, `Packing Charges`; Zoho Books' `Shipping Charge`): where
 * no column is the charges, the one such column no field took is, and several are its parts,
 * summed. Changes `mapping`.
 */
export function addChargeParts(headers: readonly string[], mapping: Mapping): void {
  if (mapping.charges !== undefined) return;
  const taken = new Set(Object.values(mapping));
  const parts = headers.map((_, column) => column).filter((c) => !taken.has(c) && namesCharge(headers[c] ?? ''));
  if (parts.length === 1) mapping.charges = parts[0] as number;
  else for (const column of parts) addNumbered(mapping, CHARGE_PART, column);
}

/** The columns of a sale's charge parts, summed where no column is the charges. */
export const chargePartColumns = partColumns('charges', CHARGE_PART);

/** The columns of a sale's other charges: its charges column, or its parts. */
export const chargeColumns = (mapping: Mapping): number[] =>
  mapping.charges !== undefined ? [mapping.charges] : chargePartColumns(mapping);

/**
 * A column SchemeDesk proposed as a charge that holds words on the rows read, not amounts (a DMS's
 * `Freight` of "Paid" or "To Pay"), is none: it is taken out of the mapping, where reading it
 * would refuse every row. Must run before the charge columns are first asked for
 * (chargePartColumns keeps its answer).
 */
export function keepChargeAmounts(
  mapping: Mapping,
  rows: readonly (readonly Cell[])[],
  isAmount: (cells: readonly Cell[], column: number) => boolean,
  proposed: (field: string) => boolean,
): void {
  const keys = numbered(mapping, CHARGE_PART).map((p) => p.key);
  if (mapping.charges !== undefined) keys.push('charges');
  for (const key of keys)
    if (proposed(key) && rows.some((cells) => !isAmount(cells, mapping[key] as number))) delete mapping[key];
}
