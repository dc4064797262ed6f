import type { DatasetKind } from '../datasets/kinds';
import { normalizeHeader } from './aliases';
import { AmountError, parseAmountText } from './amounts';
import { taxAtSomeRate } from './gst-types';
import { netFromPrice } from './kind-rules';
import { discountColumns, type Mapping, percentHeader, taxColumns } from './mapping';
import type { Cell } from './readers/types';
import type { DiscountRate } from './row-values';

/** Headers of a document's total, never a line's amount. */
const documentTotal = /^(subtotal|total|grandtotal|invoicetotal|billvalue|invoiceamount|totalamount)$/;

/**
 * A discount cell as the number it writes, where it could be a rate (0.15, "0.15", "0,15", "15",
 * "15 %"); null for anything else (blank, text, an amount with thousands marks).
 */
function fraction(cell: Cell | undefined): number | null {
  if (typeof cell === 'number') return cell;
  const m = typeof cell === 'string' ? cell.trim().match(/^(\d*)(?:[.,](\d+))?\s*%?$/) : null;
  if (!m || (m[1] === '' && m[2] === undefined)) return null;
  return Number(`${m[1] || '0'}.${m[2] ?? '0'}`);
}

/**
 * A cell as the number it writes, read as the import reads an amount written with a decimal
 * point (₹1,234.50, (2)); null where it is none. For comparing lines only, never stored.
 */
function numberIn(cell: Cell | undefined): number | null {
  if (typeof cell === 'number') return cell;
  if (typeof cell !== 'string' || cell.trim() === '') return null;
  try {
    return Number(parseAmountText(cell));
  } catch (error) {
    if (error instanceof AmountError) return null;
    throw error;
  }
}

/** Paise of a plain amount, for comparing: never stored. */
const paise = (n: number) => Math.round(Math.abs(n) * 100);

/**
 * Whether a discount column headed as an amount (Xero's "Discount") holds percentages: on every
 * first row that gives one, the line's amount after it is its quantity × price less that share
 * (10 × 100.00 less 10 is 900.00), and on one at least it is not that less as many rupees. The
 * amount after it is the net column's, or, where the net is worked out from the price (`priced`:
 * the file writes only a document's total), what the line's tax is a GST rate of (162.00 of
 * 900.00 at 18 %, not of 990.00).
 */
function percentagesByArithmetic(
  mapping: Readonly<Mapping>,
  column: number,
  rows: readonly (readonly Cell[])[],
  priced: boolean,
) {
  const { qty, rate, net_value: net } = mapping;
  const tax = taxColumns(mapping as Mapping);
  if (qty === undefined || rate === undefined || (priced ? tax.length === 0 : net === undefined)) return false;
  /** Whether `after` is the line's amount after its discount. */
  const isAfter = (cells: readonly Cell[], after: number): boolean | null => {
    if (!priced) {
      const amount = numberIn(cells[net ?? -1]);
      return amount === null ? null : Math.abs(after - Math.abs(amount)) < 0.01;
    }
    const taxes = tax.map((c) => numberIn(cells[c]));
    if (taxes.some((t) => t === null)) return null;
    const t = paise(taxes.reduce<number>((sum, x) => sum + (x ?? 0), 0));
    return t === 0 ? null : taxAtSomeRate(t, paise(after));
  };
  let fits = false;
  for (const cells of rows) {
    const share = numberIn(cells[column]);
    const [q, price] = [numberIn(cells[qty]), numberIn(cells[rate])];
    if (!share || q === null || price === null) continue;
    const base = Math.abs(q * price);
    const asRate = isAfter(cells, base * (1 - share / 100));
    if (asRate === null) continue;
    if (!asRate) return false;
    if (!isAfter(cells, base - Math.abs(share))) fits = true;
  }
  return fits;
}

/**
 * The document whose lines show a column headed as a document's total ("Subtotal") to be each
 * line's amount after its discount, or null: two lines of one document number write two amounts
 * in it, and on no line is it more than quantity × price. Zoho's SubTotal repeats one amount on
 * each line of its invoice; Odoo's Subtotal is each line's amount, and quantity × price paid its
 * discounted lines on their list price. A column that is ever more than quantity × price carries
 * tax or charges (a document's total of two lines or more is: so is a number used again in
 * another year for another document), and is no line's net.
 */
function lineAmountsIn(mapping: Readonly<Mapping>, rows: readonly (readonly Cell[])[]): string | null {
  const { doc_no: doc, net_value: net, qty, rate } = mapping;
  if (doc === undefined || net === undefined || qty === undefined || rate === undefined) return null;
  const first = new Map<string, number>();
  let differs: string | null = null;
  for (const cells of rows) {
    const [amount, q, price] = [numberIn(cells[net]), numberIn(cells[qty]), numberIn(cells[rate])];
    const number = cells[doc];
    if (amount === null || number === null || number === undefined) continue;
    if (q !== null && price !== null && Math.abs(amount) > Math.abs(q * price) + 0.005) return null;
    const before = first.get(String(number));
    if (before === undefined) first.set(String(number), amount);
    else if (differs === null && paise(before) !== paise(amount)) differs = String(number);
  }
  return differs;
}

/**
 * How a sales file's net value comes from its prices, read from its mapping and its first rows,
 * with a sentence per reason. Each line's net value is its quantity × price where the file's only
 * amount is a document's total, or where it writes a price and no amount at all. A discount
 * column of rates (0.2 for 20 %) is no amount (`ratesIn`: the import reads no discount from it),
 * and where the net is quantity × price, it comes off that. Shared by the import and the dialog's
 * preview, so both read the file alike.
 */
export function pricedNet(
  kind: DatasetKind,
  mapping: Readonly<Mapping>,
  headers: readonly string[],
  rows: readonly (readonly Cell[])[],
): {
  netFromRate: boolean;
  discountRate?: DiscountRate;
  /** The discount column, where it holds rates. */
  ratesIn?: number;
  notes: { field: string; decision: string }[];
} {
  if (kind !== 'sales') return { netFromRate: false, notes: [] };
  const notes: { field: string; decision: string }[] = [];
  const priceOnly = netFromPrice(mapping);
  const namedTotal =
    mapping.net_value !== undefined &&
    mapping.rate !== undefined &&
    mapping.qty !== undefined &&
    documentTotal.test(normalizeHeader(headers[mapping.net_value] ?? ''));
  const lineAmounts = namedTotal ? lineAmountsIn(mapping, rows) : null;
  const netFromRate = priceOnly || (namedTotal && lineAmounts === null);
  const price = `its quantity × "${headers[mapping.rate ?? -1]}"`;
  if (lineAmounts !== null)
    notes.push({
      field: 'net_value',
      decision: `"${headers[mapping.net_value ?? -1]}" is each line's net value, not a document's total: it differs between the lines of ${lineAmounts}, and is never more than ${price}`,
    });
  if (netFromRate)
    notes.push({
      field: 'net_value',
      decision: priceOnly
        ? `The file writes no amount: each line's net value is ${price}`
        : `"${headers[mapping.net_value ?? -1]}" is a document's total, so each line's net value is ${price}`,
    });
  /** Where the net is quantity × price, a discount of rupees beside it comes off it too. */
  const lessRupees = () => {
    const off = discountColumns(mapping as Mapping).map((c) => `"${headers[c]}"`);
    if (netFromRate && off.length > 0)
      notes.push({
        field: 'discount',
        decision: `${off.join(', ')} ${off.length === 1 ? 'is' : 'are'} rupees off the price: each line's net value is ${price} less ${off.length === 1 ? 'it' : 'them'}`,
      });
    return { netFromRate, notes };
  };
  const column = mapping.discount;
  if (column === undefined) return lessRupees();
  const header = headers[column] ?? '';
  const cells = rows.map((cells) => cells[column]);
  const values = cells.map(fraction).filter((v) => v !== null);
  // A cell written with the percent sign ("15 %", MYOB's "0%") is a rate, whatever the header says.
  const signed = cells.some((c) => typeof c === 'string' && /%\s*$/.test(c));
  const rates =
    percentHeader(header) ||
    /rate/i.test(header) ||
    signed ||
    (values.length > 0 && values.every((v) => v >= 0 && v <= 1) && values.some((v) => v > 0 && v < 1));
  const percentages = !rates && percentagesByArithmetic(mapping, column, rows, netFromRate);
  if (!rates && !percentages) return lessRupees();
  // Percentages where one is over 1 or written with the sign; fractions otherwise.
  const per = percentages || signed || values.some((v) => v > 1) ? 100 : 1;
  const written = `${per === 1 ? '0.15' : '15'} for 15 %`;
  notes.push({
    field: 'discount',
    decision: netFromRate
      ? `"${header}" holds rates (${written}), not amounts: each line's net value is ${price} less that share`
      : percentages
        ? `"${header}" holds rates (${written}), not amounts: each line's "${headers[mapping.net_value ?? -1]}" is ${price} less that share; it is not imported as the discount`
        : `"${header}" holds rates (${written}), not amounts: it is not imported as the discount`,
  });
  return { netFromRate, ratesIn: column, ...(netFromRate ? { discountRate: { column, per } } : {}), notes };
}
