import { Exact, scaledIntegerToString } from '../../engine/money';
import { inForeignCurrency } from './aliases';
import { billAmount, billDiscountColumns, billsOf, lineDiscountShares, writtenOncePerBill } from './bill-discount';
import { billNetColumn, billNetDecision, billNetOpen, billNetRefusal } from './bill-net';
import { billTaxColumn, lineTaxColumn, taxableColumn } from './bill-tax';
import { taxOfBillsColumn } from './bill-tax-once';
import { billTotalColumn } from './bill-totals';
import { keepChargeAmounts } from './charges';
import { gstRateIn, noTaxButCess, taxAtRate, taxAtSomeRate, taxInside } from './gst-types';
import { lineTotalToCheck, netBesideGrossToCheck } from './kind-rules';
import { discountColumns, type Mapping, percentHeader, taxColumns } from './mapping';
import { otherLedgerColumns } from './other-ledgers';
import type { Cell } from './readers/types';
import { ImportRefusedError } from './refused';
import { amountIn, blank, convertRow, type Decisions, discountShare, sumIn } from './row-values';
import { includesTax, keepTaxInclusive } from './tax-inclusive';

type Rows = readonly (readonly Cell[])[];

/**
 * Whether a sales file's gross column holds unit prices, not each line's gross value: Busy's
 * "Gross" is the rate before discount. A line's gross value is its net value before discount,
 * never below it; a price is below it wherever more than one unit was sold. So: on every line
 * read whose gross and net differ, the gross is the smaller (and there is such a line).
 */
function grossIsAPrice(
  mapping: Mapping,
  rows: Rows,
  decisions: Decisions,
  defaults: Readonly<Record<string, Cell>>,
): boolean {
  // Against the net less its tax: a net that holds the tax is above a line's gross with a small discount.
  const differing = rows
    .map((cells) => convertRow('sales', mapping, cells, decisions, defaults).values)
    .filter(
      (v) => typeof v.gross_value === 'number' && typeof v.net_value === 'number' && v.gross_value !== v.net_value,
    )
    .map(
      (v) =>
        [
          Math.abs(v.gross_value as number),
          Math.abs((v.net_value as number) - (typeof v.tax === 'number' ? v.tax : 0)),
        ] as const,
    );
  return differing.length > 0 && differing.every(([gross, net]) => gross < net);
}

/**
 * An amount less what comes off it, by its size: a discount written negative (Tally writes a
 * discount ledger's column so, -12.00 beside 600.00) comes off as one written positive does,
 * where taking it away had added it.
 */
const lessBy = (whole: number, off: number) => whole - Math.sign(whole) * Math.abs(off);

/**
 * The column that holds, on every line read, the column `named` less the amounts in `less` (their
 * sum), where at least one line has such an amount; of several, one not in a foreign currency
 * first. Null where there is none. It is the net value where the column named as the net holds
 * more than the net:
 * - the amount before discount: Infor M3 writes "Net Invoice Amount" as quantity × price and
 *   "Invoice Amount" as that less "Discount Invoice Amount"; the first as the net would count
 *   every discount as a sale;
 * - the bill's amount with its tax: Indian distributor systems write a line's `Taxable Amt`, its
 *   `GST Amt` and its `Net Amt`, the last what the retailer pays; as the net it counts the GST as
 *   a sale.
 */
function columnLess(
  mapping: Mapping,
  named: number,
  less: readonly number[],
  headers: readonly string[],
  rows: Rows,
  decisions: Decisions,
): number | null {
  if (less.length === 0) return null;
  const lines = rows
    .map((cells) => ({ cells, whole: amountIn(cells, named, decisions), off: sumIn(cells, less, decisions) }))
    .filter((l) => l.whole !== null);
  if (!lines.some((l) => l.off !== 0)) return null;
  const taken = new Set(Object.values(mapping));
  const fits = headers
    .map((_, column) => column)
    .filter(
      (column) =>
        !taken.has(column) &&
        lines.every((l) => amountIn(l.cells, column, decisions) === lessBy(l.whole as number, l.off)),
    );
  return fits.find((column) => !inForeignCurrency(headers[column] ?? '')) ?? fits[0] ?? null;
}

/**
 * The column of each line's amount in an itemised file that names a gross and no net (Oracle
 * Receivables' Extended Amount beside its Tax Amount and Total): one that on every line read is
 * the gross less the discounts, where some line has one, is the net (columnLess); else one written
 * on every line with a gross that holds its tax as netHoldsTax asks of a net column, the amount
 * with its tax. Null where no column is either.
 */
function lineAmountBesideGross(
  mapping: Mapping,
  headers: readonly string[],
  rows: Rows,
  decisions: Decisions,
): { column: number; withTax: boolean } | null {
  const gross = mapping.gross_value;
  if (gross === undefined) return null;
  const net = columnLess(mapping, gross, discountColumns(mapping), headers, rows, decisions);
  if (net !== null) return { column: net, withTax: false };
  const taken = new Set(Object.values(mapping));
  const column = headers.findIndex(
    (_, c) =>
      !taken.has(c) &&
      rows.every((cells) => amountIn(cells, gross, decisions) === null || amountIn(cells, c, decisions) !== null) &&
      netHoldsTax(mapping, c, rows, decisions),
  );
  return column < 0 ? null : { column, withTax: true };
}

/**
 * Whether a sales file's net column, `named`, holds each line's amount with its tax where no
 * column holds it without (columnLess found none): on every line read it is the gross less the
 * discount plus the tax, and some line has tax. A register of `Gross`, `Disc`, `GST` and `Net`
 * writes its Net so; taken as the net, it counted the GST as sales.
 */
function netHoldsTax(mapping: Mapping, named: number, rows: Rows, decisions: Decisions): boolean {
  const lines = grossAndNet(mapping, named, rows, decisions);
  return lines.some((l) => l.tax !== 0) && lines.every((l) => l.net === lessBy(l.gross, l.off) + l.tax);
}

/**
 * Each line's net (in `named`), gross, discount and tax, where both amounts are written; none
 * where the file has no gross or no tax to weigh a net against.
 */
function grossAndNet(
  mapping: Mapping,
  named: number,
  rows: Rows,
  decisions: Decisions,
): { net: number; gross: number; off: number; tax: number }[] {
  const gross = mapping.gross_value;
  const tax = taxColumns(mapping);
  if (gross === undefined || tax.length === 0) return [];
  return rows
    .map((cells) => ({
      net: amountIn(cells, named, decisions),
      gross: amountIn(cells, gross, decisions),
      off: sumIn(cells, discountColumns(mapping), decisions),
      tax: sumIn(cells, tax, decisions),
    }))
    .filter((l): l is typeof l & { net: number; gross: number } => l.net !== null && l.gross !== null);
}

/**
 * Why the amount in `column` of an itemised file is each line's own, not its bill's total written
 * on each line: it differs between the lines of a bill, or every bill of the first rows has one
 * line (whose amount is its bill's: `oneLine`, which the import checks again on every bill, see
 * one-line-bills.ts). Null where every bill of several lines writes one amount on each, as a bill's
 * total would be.
 */
function linesOwnAmounts(
  mapping: Mapping,
  column: number,
  rows: Rows,
  decisions: Decisions,
): { why: string; oneLine: boolean } | null {
  const doc = mapping.doc_no;
  if (doc === undefined) return null;
  const bills = new Map<string, number[]>();
  for (const cells of rows) {
    const amount = amountIn(cells, column, decisions);
    const number = cells[doc];
    if (amount === null || number === null || number === undefined) continue;
    const key = String(number).trim();
    bills.set(key, [...(bills.get(key) ?? []), amount]);
  }
  if (bills.size === 0) return null;
  const several = [...bills].filter(([, amounts]) => amounts.length > 1);
  if (several.length === 0)
    return { why: "every bill of the first rows has one line, whose amount is its bill's", oneLine: true };
  const differing = several.find(([, amounts]) => amounts.some((a) => a !== amounts[0]));
  if (!differing) return null;
  const [number, amounts] = differing;
  const shown = amounts.slice(0, 2).map((a) => scaledIntegerToString(a, 2));
  return { why: `the lines of one bill write different amounts (${number}: ${shown.join(' and ')})`, oneLine: false };
}

/**
 * Whether a sales file's net column, `named`, holds each line's amount with its tax where not every
 * discount has a column SchemeDesk knows (a DMS's `DB Disc Amt` beside its `Sch Disc Amt`), so the
 * sum netHoldsTax asks for cannot be made: on some line with tax it is above the gross, which a
 * net without tax never is, and on every line read, less its tax, it is the gross less at least
 * the discounts named. Taken as the net, it counted the GST as sales.
 */
function netAboveGross(mapping: Mapping, named: number, rows: Rows, decisions: Decisions): boolean {
  const lines = grossAndNet(mapping, named, rows, decisions);
  return (
    lines.some((l) => l.tax !== 0 && Math.abs(l.net) > Math.abs(l.gross)) &&
    lines.every((l) => Math.abs(l.net - l.tax) <= Math.abs(l.gross) - Math.abs(l.off))
  );
}

/**
 * Whether a sales file's net column, `named`, holds each line's amount with its tax where no other
 * column shows it (no taxable amount, no gross): on every line read that has tax, the tax is a GST
 * rate of the amount less it (180.00 of 1,180.00 at 18 %) and no GST rate of the amount itself. A
 * bill list's `Amount` beside its `GST Amount` writes it so; as the net it counts GST as sales.
 */
function netCarriesTax(mapping: Mapping, named: number, rows: Rows, decisions: Decisions): boolean {
  const tax = taxColumns(mapping);
  if (tax.length === 0) return false;
  let taxed = false;
  for (const cells of rows) {
    const net = amountIn(cells, named, decisions);
    const t = Math.abs(sumIn(cells, tax, decisions));
    if (net === null || t === 0) continue;
    if (!taxAtSomeRate(t, Math.abs(net) - t) || taxAtSomeRate(t, Math.abs(net))) return false;
    taxed = true;
  }
  return taxed;
}

/** Whether a column holds a GST rate India levies on some line read, and nothing else but blanks. */
const holdsGstRates = (rows: Rows, column: number): boolean =>
  rows.some((cells) => gstRateIn(cells[column]) !== null) &&
  rows.every((cells) => blank(cells[column]) || gstRateIn(cells[column]) !== null);

/** A column of each line's GST rate ("GST%", "Tax %", "GST Rate"): a rate India levies on every line read. */
function gstRateColumn(mapping: Mapping, headers: readonly string[], rows: Rows): number | null {
  const taken = new Set(Object.values(mapping));
  const column = headers.findIndex(
    (header, c) =>
      !taken.has(c) &&
      /\b(gst|igst|tax|vat)\b|^(gst|igst|tax|vat)/i.test(header) &&
      (percentHeader(header) || /\brate\b/i.test(header)) &&
      holdsGstRates(rows, c),
  );
  return column < 0 ? null : column;
}

/**
 * Whether a sales file's net column, `named`, holds each line's amount with its tax where the file
 * writes no tax but each line's GST rate: on every line read, the net less the tax inside it at
 * its rate is, within a paisa, another column's amount less the rate in a column of discount
 * percentages ("Dis%"), if any — a register's `Amount`, `Dis%`, `GST%` and `Net Amt` — or that
 * amount itself, where it is after the discount already (Marg's `Amount` beside its `Disc%`).
 * Answers that other column and the discount's (null when it is after it), or null. Without such
 * a column nothing shows which the net is, and it is left.
 */
function netAtRate(
  mapping: Mapping,
  named: number,
  rateColumn: number,
  headers: readonly string[],
  rows: Rows,
  decisions: Decisions,
): { before: number; percentOff: number | null } | null {
  const taken = new Set([...Object.values(mapping), rateColumn]);
  const percentOff = headers.findIndex((h, c) => !taken.has(c) && percentHeader(h) && /dis/i.test(h));
  // Each line's net less the tax inside it at its rate, and the share its discount takes off.
  const lines: { cells: readonly Cell[]; base: number; keep: Exact }[] = [];
  let taxed = false;
  for (const cells of rows) {
    const net = amountIn(cells, named, decisions);
    const rate = gstRateIn(cells[rateColumn]);
    if (net === null || rate === null) continue;
    let share: Exact;
    try {
      share = percentOff < 0 ? new Exact(0) : discountShare(cells[percentOff], 100, decisions);
    } catch {
      return null;
    }
    taxed ||= !rate.isZero();
    lines.push({ cells, base: net - taxInside(net, rate), keep: new Exact(1).minus(share) });
  }
  if (!taxed) return null;
  // The other column before the discount (Amount, then Dis%), else after it (Marg's Amount is
  // quantity × rate less Disc% already).
  const fitting = (discounted: boolean) =>
    headers
      .map((_, column) => column)
      .find(
        (column) =>
          !taken.has(column) &&
          column !== percentOff &&
          lines.every((l) => {
            const before = amountIn(l.cells, column, decisions);
            const kept = discounted ? new Exact(before ?? 0).times(l.keep) : new Exact(before ?? 0);
            return before !== null && kept.minus(l.base).abs().lessThanOrEqualTo(1);
          }),
      );
  const before = percentOff < 0 ? undefined : fitting(true);
  if (before !== undefined) return { before, percentOff };
  const after = fitting(false);
  return after === undefined ? null : { before: after, percentOff: null };
}

/** A rate column's GST rate on a row, 0 where blank. */
const rateOn = (cells: readonly Cell[], column: number): Exact => gstRateIn(cells[column]) ?? new Exact(0);

/**
 * A column of each line's GST rate beside a net before its tax, shown by a bill's value with its
 * tax written on each of its rows (GSTR-1's `Rate`, `Taxable Value` and `Invoice Value`): every
 * bill of the rows read is, within a rupee of round-off, its lines' net values at their rates plus
 * their cess, and some bill's tax is more than that rupee (the last bill, which the sample may
 * have cut, need only be no less than its lines seen). A bare `Rate` is a unit price elsewhere:
 * the bill's value is what tells them apart. Answers the rate's column and the value's, or null.
 */
function rateOnNet(
  mapping: Mapping,
  headers: readonly string[],
  rows: Rows,
  decisions: Decisions,
  proposed: (field: string) => boolean,
): { rate: number; value: number } | null {
  const net = mapping.net_value;
  if (net === undefined) return null;
  // A column SchemeDesk proposed as a price or a document's total may be either.
  const free = (c: number, field: string) =>
    !Object.entries(mapping).some(([f, column]) => column === c && !(f === field && proposed(f)));
  const rates = headers
    .map((_, c) => c)
    .filter(
      (c) =>
        free(c, 'rate') &&
        (/\brate\b/i.test(headers[c] ?? '') || percentHeader(headers[c] ?? '')) &&
        holdsGstRates(rows, c) &&
        rows.some((cells) => !rateOn(cells, c).isZero()),
    );
  const docNo = mapping.doc_no;
  const bills = docNo === undefined ? rows.map((cells) => [cells]) : billsOf(rows, docNo);
  const cess = taxColumns(mapping);
  for (const rate of rates) {
    const sums = bills.map((lines) =>
      lines.reduce(
        (sum, cells) => {
          const value = amountIn(cells, net, decisions) ?? 0;
          return {
            net: sum.net + value,
            tax: sum.tax + taxAtRate(value, rateOn(cells, rate)) + sumIn(cells, cess, decisions),
          };
        },
        { net: 0, tax: 0 },
      ),
    );
    const cut = (i: number) => docNo !== undefined && i === bills.length - 1;
    const fits = (column: number) =>
      sums.some((s, i) => !cut(i) && Math.abs(s.tax) > 100) &&
      bills.every((lines, i) => {
        const value = billAmount(lines, column, decisions);
        const whole = Math.abs((sums[i]?.net ?? 0) + (sums[i]?.tax ?? 0));
        return value !== null && (cut(i) ? value >= whole - 100 : Math.abs(value - whole) <= 100);
      });
    const value = headers.map((_, c) => c).find((c) => c !== rate && free(c, 'gross_total') && fits(c));
    if (value !== undefined) return { rate, value };
  }
  return null;
}

/**
 * A sales file's amount columns where the rows show one SchemeDesk proposed holds something other
 * than its header says: a bill's amount on each of its lines gives way to each line's own, or
 * refuses the file (bill-net.ts); a net with its tax (a distributor system's Net Amt) gives way to the
 * column without it; a Gross of unit prices (Busy's) is left out; a net before discount (Infor
 * M3's Net Invoice Amount) is read as the gross, the column after discount as the net; a discount
 * on the whole bill finds the bill's subtotal it is spread by (bill-discount.ts); a tax found in
 * totals, or written for the bill on each of its lines, is noted in `decisions`. Changes `mapping`
 * and says why. Only fields `proposedFirst` says the user did not pick are changed. Shared by the
 * dialog's preview and the import, so both show the same mapping.
 */
export function amountsFromRows(
  mapping: Mapping,
  headers: readonly string[],
  rows: Rows,
  decisions: Decisions,
  defaults: Readonly<Record<string, Cell>>,
  proposedFirst: (field: string) => boolean,
): { field: string; decision: string }[] {
  const notes: { field: string; decision: string }[] = [];
  // A bill's amount on each of its lines, proposed as the net value: each line's own amount is
  // read in its place (still as proposed, for the rules below), else the file is refused (bill-net.ts).
  const ofBills = proposedFirst('net_value') ? billNetColumn(mapping, headers, rows, decisions) : null;
  if (ofBills !== null && ofBills.line === null) throw new ImportRefusedError(billNetRefusal(ofBills, headers));
  if (ofBills !== null && ofBills.line !== null) {
    notes.push({ field: 'net_value', decision: billNetDecision(ofBills, headers) });
    mapping.net_value = ofBills.line;
  }
  const proposed = (field: string) =>
    proposedFirst(field) || (field === 'net_value' && ofBills !== null && mapping.net_value === ofBills.line);
  const isAmount = (cells: readonly Cell[], column: number) =>
    blank(cells[column]) || amountIn(cells, column, decisions) !== null;
  keepChargeAmounts(mapping, rows, isAmount, proposed);
  const flagGivenWay = keepTaxInclusive(mapping, headers, rows, proposed);
  if (flagGivenWay !== null) notes.push(flagGivenWay);
  // Whether the rows below showed a column to be each line's amount with its tax (not its header).
  let withTaxFromRows = false;
  // Where a column says row by row whether the amounts include the tax, it decides, not the rows.
  const flag = mapping.tax_inclusive;
  const noTaxFlag = flag === undefined;
  if (flag !== undefined && mapping.net_value !== undefined && rows.some((cells) => includesTax(cells[flag])))
    notes.push({
      field: 'net_value',
      decision: `"${headers[mapping.net_value]}" includes the tax on the rows whose "${headers[flag]}" says so: there the net value is it less the tax, elsewhere it as written`,
    });
  // A bill's amount on each line of an itemised file with no net (a DMS's Bill Amount, Invoice
  // Value) is each line's amount with its tax where the rows show it: beside a gross, on every line
  // read, the gross less the discount plus the tax; else amounts that differ between the lines of
  // one bill, or bills of one line each. A bill's total on each of its lines shows none of these.
  const total = mapping.gross_total;
  if (noTaxFlag && total !== undefined && lineTotalToCheck(mapping) && proposed('gross_total')) {
    const less = discountColumns(mapping).map((column) => ` less "${headers[column]}"`);
    const own = mapping.gross_value === undefined ? linesOwnAmounts(mapping, total, rows, decisions) : null;
    const why =
      mapping.gross_value !== undefined
        ? netHoldsTax(mapping, total, rows, decisions)
          ? `on every line read it is "${headers[mapping.gross_value]}"${less.join(',')} plus the tax`
          : null
        : (own?.why ?? null);
    if (why !== null) {
      if (own?.oneLine) decisions.oneLineBills = total;
      notes.push({
        field: 'net_value',
        decision: `"${headers[total]}" is each line's amount with its tax, not the bill's total: ${why}, so each line's net value is it less its tax`,
      });
      delete mapping.gross_total;
      mapping.with_tax = total;
      withTaxFromRows = true;
    }
  }
  // A line's gross and no net: the column that is it less the discount, or that plus the tax.
  const beside =
    noTaxFlag && netBesideGrossToCheck(mapping) && proposed('gross_value')
      ? lineAmountBesideGross(mapping, headers, rows, decisions)
      : null;
  if (beside !== null) {
    const grossHeader = `"${headers[mapping.gross_value ?? -1]}"`;
    const less = discountColumns(mapping).map((column) => ` less "${headers[column]}"`);
    notes.push({
      field: 'net_value',
      decision: beside.withTax
        ? `"${headers[beside.column]}" is each line's amount with its tax: on every line read it is ${grossHeader}${less.join(',')} plus the tax, so each line's net value is it less its tax`
        : `"${headers[beside.column]}" is the net value: on every line read it is ${grossHeader}${less.join(',')}`,
    });
    if (beside.withTax) {
      mapping.with_tax = beside.column;
      withTaxFromRows = true;
    } else mapping.net_value = beside.column;
  }
  const beforeTax =
    noTaxFlag && mapping.net_value !== undefined && proposed('net_value')
      ? columnLess(mapping, mapping.net_value, taxColumns(mapping), headers, rows, decisions)
      : null;
  if (mapping.net_value !== undefined && beforeTax !== null) {
    notes.push({
      field: 'net_value',
      decision: `"${headers[beforeTax]}" is the net value: on every line read "${headers[mapping.net_value]}" is it plus the tax, so "${headers[mapping.net_value]}" is the bill's amount with its tax, not imported`,
    });
    mapping.net_value = beforeTax;
  } else if (noTaxFlag && mapping.net_value !== undefined && proposed('net_value')) {
    // What shows the net column holds each line's tax too: the gross less the discount plus the
    // tax, or, with neither a taxable nor a gross column, a tax that is a GST rate of it less the tax.
    const named = mapping.net_value;
    const less = discountColumns(mapping).map((column) => `"${headers[column]}"`);
    const tax = taxColumns(mapping).map((column) => `"${headers[column]}"`);
    const grossHeader = `"${headers[mapping.gross_value ?? -1]}"`;
    const shown = netHoldsTax(mapping, named, rows, decisions)
      ? `it is ${grossHeader}${less.length === 0 ? '' : ` less ${less.join(', ')}`} plus the tax`
      : netCarriesTax(mapping, named, rows, decisions)
        ? `${tax.join(' + ')} is a GST rate of it less that tax (180.00 of 1,180.00 at 18 %), never of the whole`
        : netAboveGross(mapping, named, rows, decisions)
          ? `it is, less its tax, ${grossHeader} less at least${less.length === 0 ? ' nothing' : ` ${less.join(', ')}`}, and on some it is above ${grossHeader}, which no amount without its tax is`
          : null;
    if (shown !== null) {
      notes.push({
        field: 'net_value',
        decision: `"${headers[named]}" is each line's amount with its tax: on every line read ${shown}, so each line's net value is it less its tax`,
      });
      delete mapping.net_value;
      mapping.with_tax = named;
    }
  }
  const rateColumn =
    noTaxFlag &&
    mapping.net_value !== undefined &&
    proposed('net_value') &&
    taxColumns(mapping).length === 0 &&
    mapping.gst_type === undefined
      ? gstRateColumn(mapping, headers, rows)
      : null;
  const atRate =
    rateColumn === null || mapping.net_value === undefined
      ? null
      : netAtRate(mapping, mapping.net_value, rateColumn, headers, rows, decisions);
  if (rateColumn !== null && atRate !== null && mapping.net_value !== undefined) {
    const named = mapping.net_value;
    const less = atRate.percentOff === null ? '' : ` less the discount in "${headers[atRate.percentOff]}"`;
    notes.push({
      field: 'net_value',
      decision: `"${headers[named]}" is each line's amount with its tax: on every line read it is "${headers[atRate.before]}"${less} plus the GST at the rate in "${headers[rateColumn]}", so each line's tax is worked out from it at that rate (18/118 of it at 18 %), to the paisa, and its net value is it less that tax`,
    });
    delete mapping.net_value;
    mapping.with_tax = named;
    mapping.gst_type = rateColumn;
  }
  const onNet =
    noTaxFlag && mapping.gst_type === undefined && noTaxButCess(mapping) && proposed('net_value')
      ? rateOnNet(mapping, headers, rows, decisions, proposed)
      : null;
  if (onNet !== null && mapping.net_value !== undefined) {
    const cess = taxColumns(mapping).map((c) => ` plus "${headers[c]}"`);
    notes.push({
      field: 'tax',
      decision: `"${headers[onNet.rate]}" is each line's GST rate and "${headers[mapping.net_value]}" its value before tax: on every bill read "${headers[onNet.value]}" is its lines' values at their rates${cess.join('')}, within a rupee of round-off, so each line's tax is its value at its rate, to the paisa`,
    });
    if (mapping.rate === onNet.rate) delete mapping.rate;
    mapping.gst_type = onNet.rate;
  }
  // A register of one line per bill: its value before the bill's discount, and its ledgers that are
  // neither sales nor tax, found by its Gross Total.
  if (noTaxFlag) notes.push(...otherLedgerColumns(mapping, headers, rows, decisions, defaults, proposed));
  // A line's amount whose header says it holds its tax (proposed so), or that the rows showed to
  // (above), beside no tax but a GST rate: the tax inside it is worked out at that rate.
  const taxInside = mapping.with_tax;
  if (
    taxInside !== undefined &&
    mapping.net_value === undefined &&
    mapping.gst_type === undefined &&
    (proposed('with_tax') || withTaxFromRows) &&
    taxColumns(mapping).length === 0
  ) {
    const rate = gstRateColumn(mapping, headers, rows);
    if (rate !== null) {
      mapping.gst_type = rate;
      notes.push({
        field: 'net_value',
        decision: `"${headers[taxInside]}" is each line's amount with its tax, as ${withTaxFromRows ? 'its rows show' : 'its header says'}: each line's tax is worked out from it at the GST rate in "${headers[rate]}" (18/118 of it at 18 %), to the paisa, and its net value is it less that tax`,
      });
    }
  }
  const { gross_value: gross, net_value: named } = mapping;
  if (
    gross !== undefined &&
    named !== undefined &&
    proposed('gross_value') &&
    grossIsAPrice(mapping, rows, decisions, defaults)
  ) {
    delete mapping.gross_value;
    notes.push({
      field: 'gross_value',
      decision: `"${headers[gross]}" holds unit prices (below each line's net value), not gross values: it is not imported as the gross value`,
    });
  }
  notes.push(...lineDiscountShares(mapping, headers, rows, decisions, proposed));
  const { discount } = mapping;
  const after =
    named !== undefined && discount !== undefined && mapping.gross_value === undefined && proposed('net_value')
      ? columnLess(mapping, named, [discount], headers, rows, decisions)
      : null;
  if (named !== undefined && discount !== undefined && after !== null) {
    mapping.gross_value = named;
    mapping.net_value = after;
    notes.push({
      field: 'net_value',
      decision: `"${headers[after]}" is the net value: on every line read it is "${headers[named]}" less "${headers[discount]}", so "${headers[named]}" is the amount before discount, read as the gross value`,
    });
  }
  notes.push(...billDiscountColumns(mapping, headers, rows, decisions));
  // A bill's total beside its lines tells, bill by bill, whether they hold their tax (bill-totals.ts).
  if (
    noTaxFlag &&
    mapping.bill_total === undefined &&
    mapping.bill_discount === undefined &&
    mapping.with_tax === undefined &&
    proposed('net_value')
  ) {
    const total = billTotalColumn(mapping, headers, rows, decisions);
    if (total !== null) mapping.bill_total = total;
  }
  // A net value beside the taxable value, and no tax: it is each line's amount with its tax (bill-tax.ts).
  const taxable = noTaxFlag ? taxableColumn(mapping, headers, rows, decisions, proposed) : null;
  if (taxable !== null && mapping.net_value !== undefined) {
    // Written the same on each line of every bill of several, it is the bill's (found by billTaxColumn below).
    const named = mapping.net_value;
    const bills = mapping.doc_no === undefined ? [] : billsOf(rows, mapping.doc_no);
    const billsOwn = writtenOncePerBill(bills, named, decisions);
    notes.push({
      field: 'net_value',
      decision: billsOwn
        ? `"${headers[taxable]}" is the net value and "${headers[named]}" each bill's amount with its tax: on the lines read it is "${headers[taxable]}" and at most a GST of 28 % beyond it, and each bill of several lines writes it the same on each`
        : `"${headers[taxable]}" is the net value and "${headers[named]}" each line's amount with its tax: on the lines read it is "${headers[taxable]}" and at most a GST of 28 % beyond it`,
    });
    if (!billsOwn) mapping.with_tax = named;
    mapping.net_value = taxable;
  }
  // A bill's total with its tax beside its lines and no tax: its tax is found bill by bill (bill-tax.ts).
  const billTax = noTaxFlag ? billTaxColumn(mapping, headers, rows, decisions, defaults, proposed) : null;
  if (billTax !== null) decisions.billTax = billTax;
  // Else each line's own amount with its tax beside it: its tax is found line by line (bill-tax.ts).
  const lineTax =
    noTaxFlag && billTax === null ? lineTaxColumn(mapping, headers, rows, decisions, defaults, proposed) : null;
  if (lineTax !== null) decisions.lineTax = lineTax;
  // A bill's tax on each of its lines is kept once a bill (bill-tax-once.ts).
  const taxOfBills = taxOfBillsColumn(mapping, rows, decisions, defaults);
  if (taxOfBills !== null) decisions.taxOfBills = taxOfBills;
  // The net value as named, which the first rows could not tell from each bill's: every bill is watched.
  if (proposedFirst('net_value') && billNetOpen(mapping, rows, decisions)) decisions.billNets = mapping.net_value;
  return notes;
}
