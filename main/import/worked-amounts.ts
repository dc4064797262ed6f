import type { DatasetKind } from '../datasets/kinds';
import { chargeColumns } from './charges';
import { noTaxButCess } from './gst-types';
import { netFromGrossTotal } from './kind-rules';
import { discountPartColumns, taxColumns, taxPartKeys } from './mapping';
import type { BillLedgers } from './voucher-items';

/**
 * What an import says of the amounts it worked out from other columns — a net value from a bill's
 * total, a discount or tax summed from several columns or ledger lines, TDS added to a receipt —
 * as decisions, and as warnings where the amounts may hold what they should not (GST).
 */
/** Vouchers read with their ledger lines, and the ledgers read as each part of them. */
export class LedgerTally {
  vouchers = 0;
  readonly tax = new Set<string>();
  readonly discount = new Set<string>();
  readonly charges = new Set<string>();
  readonly roundOff = new Set<string>();

  /** One voucher's ledgers, by what they were read as. */
  add(named: BillLedgers): void {
    this.vouchers++;
    for (const part of ['tax', 'discount', 'charges', 'roundOff'] as const)
      for (const name of named[part]) this[part].add(name);
  }
}

/** Up to four ledgers' names, and an ellipsis for more. */
const listed = (names: ReadonlySet<string>) => `${[...names].slice(0, 4).join(', ')}${names.size > 4 ? ', …' : ''}`;

export function workedAmountNotes(
  kind: DatasetKind,
  mapping: Record<string, number>,
  headers: readonly string[],
  ledgers: { whole: LedgerTally; items: LedgerTally },
): { decisions: { field: string; decision: string }[]; warnings: string[] } {
  const decisions: { field: string; decision: string }[] = [];
  const warnings: string[] = [];
  const { whole, items } = ledgers;
  if (kind === 'sales' && netFromGrossTotal(mapping)) {
    const total = headers[mapping.gross_total ?? -1];
    const less = [mapping.round_off, ...chargeColumns(mapping)]
      .filter((c) => c !== undefined)
      .map((c) => headers[c])
      .join(' and its ');
    const gstType = mapping.gst_type === undefined ? undefined : headers[mapping.gst_type];
    const taxless = taxColumns(mapping).length === 0 && whole.vouchers === 0;
    decisions.push({
      field: 'net_value',
      decision:
        taxless && gstType === undefined
          ? `The file writes no net value and no tax: each document's net value is its ${total}${less ? ` less its ${less}` : ''}, tax and all`
          : `${mapping.gross_value === undefined ? "The file writes no net value: each document's is" : "Each document's net value is"} its ${total} less its tax${less ? ` and its ${less}` : ''}`,
    });
    // A bill's total holds its GST: taken as the net, schemes on net sales would pay on the tax.
    if (taxless && gstType === undefined)
      warnings.push(
        `"${total}" is each bill's total, tax included, and the file writes no tax to take off: the net values include any GST the bills charged; import a register with its tax (or taxable value) columns for net sales`,
      );
    if (taxless && gstType !== undefined)
      decisions.push({
        field: 'tax',
        decision: `The file writes no tax: each document's is worked out from its ${total} at the GST rate its "${gstType}" names (18/118 of it at 18 %), to the paisa, so it may differ from the bill's own by a paisa; a register with its tax columns gives the bill's own`,
      });
  }
  // A line's amount with its tax, and nothing to take it off: the net value holds the GST.
  if (
    kind === 'sales' &&
    mapping.with_tax !== undefined &&
    mapping.net_value === undefined &&
    mapping.gst_type === undefined &&
    taxColumns(mapping).length === 0 &&
    whole.vouchers === 0
  )
    warnings.push(
      `"${headers[mapping.with_tax]}" is each line's amount, tax included, and the file writes no tax or GST rate to take off: the net values include any GST the lines charged; map its tax column (--map tax=HEADER) or its GST rate (--map gst_type=HEADER), or import a register with its tax (or taxable value) columns for net sales`,
    );
  // A voucher's Debit / Credit amount with no item lines (a Day Book, a party's ledger): the party's
  // line is the bill's total, its GST inside, and nothing takes it off.
  if (
    kind === 'sales' &&
    mapping.net_value === undefined &&
    mapping.with_tax === undefined &&
    mapping.gross_total === undefined &&
    mapping.sku === undefined &&
    (mapping.debit_amount !== undefined || mapping.credit_amount !== undefined) &&
    taxColumns(mapping).length === 0 &&
    whole.vouchers === 0
  )
    warnings.push(
      `The net values are each voucher's ${[mapping.debit_amount, mapping.credit_amount]
        .filter((c) => c !== undefined)
        .map((c) => `"${headers[c]}"`)
        .join(
          ' or ',
        )}, its bill's total with any GST it charged, and the file writes no tax to take off: import the Day Book in its detailed form (its tax ledgers' lines) or a register with its tax (or taxable value) columns for net sales`,
    );
  const discountColumns = kind === 'sales' ? discountPartColumns(mapping) : [];
  if (discountColumns.length > 0)
    decisions.push({
      field: 'discount',
      decision: `Discount is the sum of the columns ${discountColumns.map((column) => headers[column]).join(', ')}`,
    });
  const charges = kind === 'sales' ? chargeColumns(mapping) : [];
  if (charges.length > 0)
    decisions.push({
      field: 'charges',
      decision: `${charges.length === 1 ? `"${headers[charges[0] ?? -1]}" is each document's other charges` : `Other charges are each document's ${charges.map((column) => `"${headers[column]}"`).join(' + ')}`}, besides its tax: kept apart from its net value, so no scheme on net sales pays on them, and part of what the bill asks for early payment`,
    });
  const taxParts = kind === 'sales' && mapping.tax === undefined ? taxPartKeys(mapping) : [];
  const partNames = taxParts.map((key) => headers[mapping[key] ?? -1]);
  // Cess beside each line's GST rate or type (GSTR-1's Cess Amount, Busy's): the tax is the GST at that rate and it.
  if (taxParts.length > 0)
    decisions.push({
      field: 'tax',
      decision:
        mapping.gst_type !== undefined && noTaxButCess(mapping)
          ? `${partNames.map((name) => `"${name}"`).join(' + ')} ${partNames.length === 1 ? 'is' : 'are'} cess, added to each line's GST worked out at its rate`
          : partNames.length === 1
            ? `Tax is the column ${partNames[0]}`
            : `Tax is the sum of the columns ${partNames.join(', ')}`,
    });
  if (whole.vouchers > 0) {
    const taken = [
      ...(whole.tax.size > 0 ? [`the lines of its tax ledgers (${listed(whole.tax)}) are its tax`] : []),
      ...(whole.roundOff.size > 0 ? [`those of its round-off (${listed(whole.roundOff)}) its round-off`] : []),
      ...(whole.charges.size > 0
        ? [`those of its freight and other charges (${listed(whole.charges)}) its other charges`]
        : []),
    ];
    decisions.push({
      field: 'tax',
      decision: `${whole.vouchers} vouchers are written with their ledger lines: each is its party's line; ${taken.join(', ')}, taken off its net value; its other ledger lines (the sales ledger${whole.roundOff.size > 0 ? '' : ', round-off'}) are part of that amount and not imported on their own`,
    });
  }
  if (items.vouchers > 0) {
    const read = [
      ...(items.tax.size > 0
        ? [`its tax ledgers' (${listed(items.tax)}) are its tax, spread over its items by their amounts`]
        : []),
      ...(items.discount.size > 0
        ? [`its discount ledgers' (${listed(items.discount)}) come off its items' net values so, as their discount`]
        : []),
      ...(items.charges.size > 0
        ? [`its freight and other charges' (${listed(items.charges)}) are its other charges, on its first item`]
        : []),
      ...(items.roundOff.size > 0
        ? [`its round-off's (${listed(items.roundOff)}) its round-off, where each line's side is told`]
        : []),
    ];
    decisions.push({
      field: 'net_value',
      decision: `${items.vouchers} ${items.vouchers === 1 ? 'voucher writes' : 'vouchers write'} ledger lines under ${items.vouchers === 1 ? 'its' : 'their'} item lines: ${read.join('; ')}, to the paisa; the sales ledger's and any other are left out`,
    });
  }
  if (kind === 'payments' && mapping.withheld !== undefined)
    decisions.push({
      field: 'amount',
      decision: `The tax the customer withheld ("${headers[mapping.withheld]}", TDS) is added to what each row pays: it settles the bill as the money does, so a bill paid less its TDS is paid in full`,
    });
  return { decisions, warnings };
}
