import type Database from 'better-sqlite3';
import type { StoredValue } from '../datasets/insert';
import { countedGrouped } from '../format/numbers';
import { normalizeHeader } from './aliases';
import { billAmount, billsOf, writtenOncePerBill } from './bill-discount';
import { netHeadedColumns } from './bill-net';
import { type BillRun, BillRuns } from './bill-runs';
import { totalHeaders } from './bill-totals';
import { noTaxButCess } from './gst-types';
import type { Mapping } from './mapping';
import type { Cell, SourceRow } from './readers/types';
import { amountIn, blank, convertRow, type Decisions } from './row-values';
import { shareOf } from './voucher-items';

/**
 * A bill's total with its tax beside its lines' net values, and no tax written (a register's
 * `Invoice Value` beside its `Taxable Value`): the bill's tax is its total less its lines, their
 * round-off and other charges. Read as written, each bill's amount for early payment lacked its
 * GST, so a bill paid at its value before tax counted as paid in full.
 */

/**
 * Whether a bill's total holds `rest` (paise) beyond its lines' net values `net` and any cess as a
 * GST would: nothing, or up to 28 % of them (GST's highest rate) and a rupee of round-off. Integers
 * only.
 */
const taxLike = (rest: number, net: number): boolean => rest >= 0 && 100 * rest <= 28 * Math.abs(net) + 100 * 100;

/**
 * A bill's total in `column` (its size): written on its first row, and on each of its others the
 * same or nothing (Odoo writes an invoice's `Total` on its first line only); null where not.
 */
function totalOfBill(lines: readonly (readonly Cell[])[], column: number, d: Decisions): number | null {
  const first = amountIn(lines[0] ?? [], column, d);
  const same = (cells: readonly Cell[]) => blank(cells[column]) || amountIn(cells, column, d) === first;
  return first === null || !lines.every(same) ? null : Math.abs(first);
}

/**
 * The column of each bill's total with its tax (its header names it so, `totalColumns`), where the
 * file writes no tax and the rows show it: on every bill of the first rows (the last, which the
 * sample may have cut, only where it is the only one) the total is written on its first row and
 * the same or nothing on each of its others, on all but a tenth of them it holds beyond its lines
 * what a GST would (the others are warned of as they are stored), and on some it holds more than
 * them. Null where the file writes tax (cess alone is not), a GST rate or a line's amount with its
 * tax, or the user mapped the total themselves.
 */
export function billTaxColumn(
  mapping: Mapping,
  headers: readonly string[],
  rows: readonly (readonly Cell[])[],
  d: Decisions,
  defaults: Readonly<Record<string, Cell>>,
  proposed: (field: string) => boolean,
): number | null {
  const { net_value: net, doc_no: docNo } = mapping;
  if (net === undefined || docNo === undefined) return null;
  if (!taxUnwritten(mapping) || mapping.with_tax !== undefined) return null;
  const bills = billsOf(rows, docNo);
  const whole = bills.length > 1 ? bills.slice(0, -1) : bills;
  const fits = (total: number) => {
    // A total that differs between a bill's rows is no bill's total.
    if (whole.some((lines) => totalOfBill(lines, total, d) === null)) return false;
    const rests = whole.map((lines) => {
      const read = lines.map((cells) => sampleLine(mapping, cells, d, defaults, billLine));
      return read.every((l) => l !== null) ? taxOfBill(totalOfBill(lines, total, d) ?? 0, read as BillLine[]) : null;
    });
    // Its header names it a total with tax; the rows confirm it, a bill in ten of them left to warn of.
    return mostlyTax(rests);
  };
  return totalColumns(mapping, headers, proposed, bills, d).find(fits) ?? null;
}

/** A row of the first rows as a line (as `read` takes its values), or null where it does not read. */
function sampleLine(
  mapping: Mapping,
  cells: readonly Cell[],
  d: Decisions,
  defaults: Readonly<Record<string, Cell>>,
  read: (values: Record<string, StoredValue>) => BillLine | null,
): BillLine | null {
  const { values, problems } = convertRow('sales', mapping, cells, d, defaults);
  return problems.length > 0 ? null : read(values);
}

/** Whether the tax the first rows' bills or lines hold (null: none a GST would be) is one on all but a tenth, and more than nothing on some. */
const mostlyTax = (rests: readonly (number | null)[]): boolean =>
  10 * rests.filter((r) => r === null).length <= rests.length && rests.some((r) => (r ?? 0) !== 0);

/** The columns no field reads whose header, or its path's last part, is one of `names`: Odoo's `Invoice lines/Total` is a `Total`. */
function headedAs(mapping: Mapping, headers: readonly string[], names: ReadonlySet<string>): number[] {
  const taken = new Set(Object.values(mapping));
  const lastPart = (header: string) => normalizeHeader(header.split('/').at(-1) ?? header);
  return headers.flatMap((h, c) => (!taken.has(c) && names.has(lastPart(h)) ? [c] : []));
}

/**
 * Whether the file leaves its tax to be found: it writes none (cess alone is none), nor a GST rate,
 * nor says row by row whether its amounts hold the tax, nor has its bills' totals read (bill-totals.ts).
 */
const taxUnwritten = (mapping: Mapping): boolean =>
  noTaxButCess(mapping) && [mapping.tax_inclusive, mapping.gst_type, mapping.bill_total].every((c) => c === undefined);

/** Headers that name a line's total, with its tax where the rows show it. */
const lineTotalHeaders = new Set([...totalHeaders, 'linetotal', 'itemtotal']);

/**
 * The column of each line's own amount with its tax beside its net value, where the file writes no
 * tax and the rows show it (Odoo's `Invoice lines/Total` beside `Invoice lines/Subtotal`, a
 * register's `Amount Incl. GST` beside its `Taxable Value`, each read as the net value alone until
 * 7 December): a line's amount with its tax as mapped, else the document's total as proposed, else a
 * column no field reads headed (or its path ending) as a total; on all but a tenth of the lines of
 * the first rows it holds beyond the line what a GST would, and on some more than it. A column every
 * bill of several lines writes the same on each is the bill's (billTaxColumn), never a line's.
 */
export function lineTaxColumn(
  mapping: Mapping,
  headers: readonly string[],
  rows: readonly (readonly Cell[])[],
  d: Decisions,
  defaults: Readonly<Record<string, Cell>>,
  proposed: (field: string) => boolean,
): number | null {
  const { net_value: net, doc_no: docNo } = mapping;
  if (net === undefined || !taxUnwritten(mapping)) return null;
  const candidates = [
    mapping.with_tax,
    proposed('gross_total') ? mapping.gross_total : undefined,
    ...headedAs(mapping, headers, lineTotalHeaders),
  ].filter((c): c is number => c !== undefined);
  const lines = rows.map((cells) => sampleLine(mapping, cells, d, defaults, ownLine));
  const bills = docNo === undefined ? [] : billsOf(rows, docNo);
  const fits = (column: number) => {
    if (writtenOncePerBill(bills, column, d)) return false;
    const rests = rows.map((cells, i) => {
      const line = lines[i];
      const total = amountIn(cells, column, d);
      return line == null || total === null ? null : taxOfBill(Math.abs(total), [line]);
    });
    return mostlyTax(rests);
  };
  return candidates.find(fits) ?? null;
}

/** Headers that name a line's value before its tax, as GST names it. */
const taxableHeaders = new Set(['taxablevalue', 'taxableamount', 'taxableamt', 'assessablevalue', 'assessableamount']);

/**
 * The column of each line's taxable value beside a net value that holds its tax too, where the file
 * writes no tax (a DMS's `Net Amount` beside its `Taxable Amount`, read as the net until 7
 * December): a column no field reads headed as the taxable value, on all but a tenth of the lines of
 * the first rows the net value less nothing or up to a GST of 28 % of it, and on some less (a bill
 * of several lines writing one net value on each, the bill's, against its lines' summed). Null
 * where none is, the file writes tax or a rate, or the user mapped the net value themselves.
 */
export function taxableColumn(
  mapping: Mapping,
  headers: readonly string[],
  rows: readonly (readonly Cell[])[],
  d: Decisions,
  proposed: (field: string) => boolean,
): number | null {
  const named = mapping.net_value;
  if (named === undefined || !proposed('net_value') || mapping.with_tax !== undefined) return null;
  if (!taxUnwritten(mapping)) return null;
  const docNo = mapping.doc_no;
  const bills = docNo === undefined ? rows.map((cells) => [cells]) : billsOf(rows, docNo);
  const rest = (whole: number | null, taxable: number | null) => {
    if (whole === null || taxable === null || Math.sign(whole) * Math.sign(taxable) < 0) return null;
    const more = Math.abs(whole) - Math.abs(taxable);
    return taxLike(more, taxable) ? more : null;
  };
  // A bill of several lines writing one amount on each (its own) holds its lines' taxable values
  // summed; the last bill, which the sample may have cut, then says nothing.
  const rests = (column: number) =>
    bills.flatMap((lines, i) => {
      const whole = lines.length > 1 ? billAmount(lines, named, d) : null;
      if (whole === null) return lines.map((cells) => rest(amountIn(cells, named, d), amountIn(cells, column, d)));
      if (i === bills.length - 1 && i > 0) return [];
      const sum = lines.reduce<number | null>((n, cells) => {
        const taxable = amountIn(cells, column, d);
        return n === null || taxable === null ? null : n + taxable;
      }, 0);
      return [rest(Math.sign(amountIn(lines[0] ?? [], named, d) ?? 0) * whole, sum)];
    });
  return headedAs(mapping, headers, taxableHeaders).find((column) => mostlyTax(rests(column))) ?? null;
}

/** A voucher's ledger lines say its tax (row-values.ts): its party's amount is no bill's or line's total to find a tax in. */
export function keepTaxFromTotals(d: Decisions, sample: readonly SourceRow[]): void {
  if (!sample.some((r) => r.ledger !== undefined)) return;
  delete d.billTax;
  delete d.lineTax;
}

/** How a bill's tax is worked out from its total (billTaxColumn), as the import says it. */
const billTaxSentence = (total: string, net: string) =>
  `${total} is each bill's total with its tax, and the file writes no tax: each bill's tax is ${total} less its lines' ${net} (and any round-off and other charges), spread over its lines by their ${net} to the paisa`;

/** How a line's tax is worked out from its amount with tax (lineTaxColumn), as the import says it. */
const lineTaxSentence = (total: string, net: string) =>
  `${total} is each line's amount with its tax, and the file writes no tax: each line's tax is ${total} less its ${net}, to the paisa`;

/** What an import says of a tax worked out from totals: how, and of how many, and a warning of those it could not be. */
export interface TaxSaid {
  decision: { field: string; decision: string } | null;
  warning: string | null;
}

/** The sentence saying how, with how many (null: none, so nothing said), and the warning. */
const taxSaid = (sentence: string, howMany: string | null, warning: string | null): TaxSaid => ({
  decision: howMany === null ? null : { field: 'tax', decision: `${sentence} (${howMany})` },
  warning,
});

/**
 * What the import dialog says, before the import, of a tax the first rows showed is to be worked out
 * from each bill's or line's total (the import says it again with how many); null where none is.
 */
export function taxFromTotalsSaid(headers: readonly string[], mapping: Mapping, d: Decisions): string | null {
  const net = `"${headers[mapping.net_value ?? -1]}"`;
  if (d.billTax !== undefined) return billTaxSentence(`"${headers[d.billTax]}"`, net);
  if (d.lineTax !== undefined) return lineTaxSentence(`"${headers[d.lineTax]}"`, net);
  return null;
}

/**
 * The columns that may hold each bill's total: the document's total as proposed, or where none is,
 * those no field reads headed as a bill's total (Odoo's `Total` beside its lines' `Subtotal`), then
 * as a net value that every bill of several lines in the first rows writes the same on each (a DMS's
 * `Net Amount` of each bill beside its lines' `Taxable Amount`, bill-net.ts; a line's `Amount`
 * before its discount is no bill's).
 */
function totalColumns(
  mapping: Mapping,
  headers: readonly string[],
  proposed: (field: string) => boolean,
  bills: readonly (readonly Cell[])[][],
  d: Decisions,
): number[] {
  if (mapping.gross_total !== undefined) return proposed('gross_total') ? [mapping.gross_total] : [];
  const billsOwn = (column: number) => writtenOncePerBill(bills, column, d);
  return [...headedAs(mapping, headers, totalHeaders), ...netHeadedColumns(mapping, headers).filter(billsOwn)];
}

/** A line of a bill as its row gave it, before its tax is worked out. */
interface BillLine {
  net: number;
  /** Its round-off and other charges. */
  added: number;
  /** The tax a column wrote for it (cess alone, or nothing), kept where the bill's tax cannot be told. */
  written: number | null;
}

/** A row's values as a line whose own amount with its tax is written: its bill's round-off and charges are no part of that. */
function ownLine(values: Record<string, StoredValue>): BillLine | null {
  const line = billLine(values);
  return line === null ? null : { ...line, added: 0 };
}

/** A row's values as a line of its bill, or null where it has no net value. */
function billLine(values: Record<string, StoredValue>): BillLine | null {
  if (typeof values.net_value !== 'number') return null;
  const added = [values.round_off, values.charges].reduce<number>((n, v) => n + (typeof v === 'number' ? v : 0), 0);
  return { net: values.net_value, added, written: typeof values.tax === 'number' ? values.tax : null };
}

/**
 * The tax a bill's `total` (its size) holds beyond its lines, their round-off and charges — its
 * GST and any cess a column wrote — where it is such a tax (taxLike), in the lines' sign; else null.
 */
function taxOfBill(total: number, lines: readonly BillLine[]): number | null {
  const net = lines.reduce((n, l) => n + l.net, 0);
  const rest = total - Math.abs(net + lines.reduce((n, l) => n + l.added, 0));
  const cess = Math.abs(lines.reduce((n, l) => n + (l.written ?? 0), 0));
  return taxLike(rest - cess, net) ? (net < 0 ? -rest : rest) : null;
}

/** A stored line of a bill: as its row gave it, its id, and the tax it was stored with. */
interface StoredLine extends BillLine {
  id: number;
  stored: number | null;
}

/**
 * The bills of an import as their lines are stored (the run's span: the ids of a bill's first and
 * last stored lines), each settled when the next begins (and the last at the end): its tax, its
 * total less its lines' net values, round-off and charges (its cess, where a column writes it,
 * among what that leaves), is spread over its lines by their net values to the paisa (the shares
 * add up to it exactly). Each line is stored with its tax as if its bill were that line alone, as
 * most bills of such a register are (`lineOf`), so only a bill of several lines, or one whose
 * total does not hold its lines and at most a GST beyond them (or differs between its rows, and
 * keeps the tax its columns wrote), has its lines' tax written again, and the second is counted.
 */
export class BillTax {
  private readonly runs: BillRuns<StoredLine[]>;
  private readonly setTax: Database.Statement<[number | null, number]>;
  private bills = 0;
  private unfit = 0;

  constructor(
    db: Database.Database,
    /** The column of the bill's total with its tax. */
    private readonly column: number,
    private readonly d: Decisions,
    /** Told what a bill's lines' tax changed by after they were stored, paise, signed as stored. */
    private readonly mended: (tax: number) => void,
  ) {
    this.setTax = db.prepare('UPDATE sales SET tax = ? WHERE id = ?');
    this.runs = new BillRuns<StoredLine[]>(
      column,
      d,
      () => [],
      (bill) => this.settled(bill),
      true,
    );
  }

  /**
   * A row's line before it is stored: given the tax its bill's total holds as if the bill were that
   * line alone (where it is such a tax). Answers the line, for `add` once stored.
   */
  lineOf(values: Record<string, StoredValue>, cells: readonly Cell[]): BillLine | null {
    const line = billLine(values);
    const total = amountIn(cells, this.column, this.d);
    const tax = line === null || total === null ? null : taxOfBill(Math.abs(total), [line]);
    if (tax !== null) values.tax = tax;
    return line;
  }

  /** A row's line as stored (its `id`, its row's values and cells, and `line` as lineOf gave it). */
  add(values: Record<string, StoredValue>, cells: readonly Cell[], line: BillLine, id: number): void {
    const stored = typeof values.tax === 'number' ? values.tax : null;
    this.runs.add(values, cells, id, id).own.push({ ...line, id, stored });
  }

  /** Settles the bill last added. */
  settle(): void {
    this.runs.end();
  }

  /** A bill ended: its lines' tax is its own, spread, or what its columns wrote; written again where it differs from what was stored. */
  private settled(bill: BillRun<StoredLine[]>): void {
    const lines = bill.own;
    const tax = bill.same && bill.amount !== null ? taxOfBill(Math.abs(bill.amount), lines) : null;
    if (tax === null) this.unfit++;
    else this.bills++;
    const nets = lines.map((l) => l.net);
    lines.forEach((line, index) => {
      const due = tax === null ? line.written : Math.sign(tax) * shareOf(Math.abs(tax), nets, index);
      if (due === line.stored) return;
      this.setTax.run(due, line.id);
      this.mended((due ?? 0) - (line.stored ?? 0));
    });
  }

  /** What the import says of the bills' tax: how it was worked out, and of how many bills it could not be. */
  said(headers: readonly string[], mapping: Mapping): TaxSaid {
    const total = `"${headers[this.column]}"`;
    const net = `"${headers[mapping.net_value ?? -1]}"`;
    return taxSaid(
      billTaxSentence(total, net),
      this.bills === 0 ? null : countedGrouped(this.bills, 'bill', 'bills'),
      this.unfit === 0
        ? null
        : `On ${countedGrouped(this.unfit, 'bill', 'bills')} ${total} is not its lines' ${net} and at most a GST of 28 % beyond them (or differs between its rows): ${this.unfit === 1 ? 'its lines keep' : 'their lines keep'} no tax, and early payment reads ${this.unfit === 1 ? 'that bill' : 'those bills'} at ${net} alone`,
    );
  }
}

/**
 * The lines of an import whose own amount with its tax the file writes beside its net value and no
 * tax (lineTaxColumn): each line's tax is that amount less its net value, where it is such a tax
 * (as taxOfBill reads a bill of that line alone); a line where it is not keeps no tax, and is counted.
 */
export class LineTax {
  private lines = 0;
  private unfit = 0;

  constructor(
    /** The column of each line's amount with its tax. */
    private readonly column: number,
    private readonly d: Decisions,
  ) {}

  /** A row's line before it is stored, given its tax: whether its amount held one (null: no line). */
  read(values: Record<string, StoredValue>, cells: readonly Cell[]): boolean | null {
    const line = ownLine(values);
    if (line === null) return null;
    const total = amountIn(cells, this.column, this.d);
    const tax = total === null ? null : taxOfBill(Math.abs(total), [line]);
    if (tax !== null) values.tax = tax;
    return tax !== null;
  }

  /** Told each line stored, whether its amount held its tax (read). */
  stored(fit: boolean): void {
    if (fit) this.lines++;
    else this.unfit++;
  }

  /** What the import says of the lines' tax: how it was worked out, and of how many lines it could not be. */
  said(headers: readonly string[], mapping: Mapping): TaxSaid {
    const total = `"${headers[this.column]}"`;
    const net = `"${headers[mapping.net_value ?? -1]}"`;
    return taxSaid(
      lineTaxSentence(total, net),
      this.lines === 0 ? null : countedGrouped(this.lines, 'line', 'lines'),
      this.unfit === 0
        ? null
        : `On ${countedGrouped(this.unfit, 'line', 'lines')} ${total} is not ${net} and at most a GST of 28 % beyond it, or is blank: ${this.unfit === 1 ? 'it keeps' : 'they keep'} no tax, and early payment reads ${this.unfit === 1 ? 'its bill' : 'their bills'} without it`,
    );
  }
}
