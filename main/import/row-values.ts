import { Exact, toScaledInteger } from '../../engine/money';
import type { StoredValue } from '../datasets/insert';
import { type DatasetKind, datasets, type FieldDef } from '../datasets/kinds';
import { CELL_CHARS } from '../files/excel-limits';
import { withoutControls } from '../format/cell-text';
import { aliases, normalizeHeader } from './aliases';
import {
  AmountError,
  type DecimalMark,
  detectDecimalMark,
  drCrWritten,
  excelNumberText,
  numberCellToDecimal,
  parseAmountText,
} from './amounts';
import type { BillDiscount } from './bill-discount';
import type { TaxShown } from './bill-tax-once';
import { chargePartColumns, namesCharge } from './charges';
import { clearedByAsOf } from './cleared-items';
import {
  AmbiguousDatesError,
  type DateOrderName,
  type DayOrderDecision,
  decideDayOrder,
  excelSerialToIso,
  isMoment,
  isoDay,
  isPlausibleSerial,
  longDay,
  parseDateText,
  type TitlePeriod,
  yearlessDay,
} from './dates';
import { readsPartySide } from './doc-types';
import { dueFromDays } from './due-dates';
import { gstRateIn, gstRateOf, noTaxButCess, taxAtRate, taxInside, taxOnNet } from './gst-types';
import { headerScale, numberWithUnit, scaled } from './header-scale';
import { netFromGrossTotal } from './kind-rules';
import {
  discountPartColumns,
  fieldLabel,
  gstPartNamed,
  type Mapping,
  namesTaxInOne,
  taxColumns,
  taxPartKeys,
} from './mapping';
import { monthOfHeader } from './month-columns';
import { CHARGE_PART, DISCOUNT_PART, MEASURE_COLUMN, MONTH_COLUMN, numbered, QTY_IN_UNIT } from './numbered-keys';
import { columnUnit, headerUnit, splitQuantity } from './quantity-units';
import type { Cell, VoucherItems } from './readers/types';
import { formulaToRecalculate, formulaWithoutValue } from './readers/types';
import { roundOffBetweenTotals } from './rounded-totals';
import { namesSalesLedger } from './sales-ledger';
import {
  cellDay,
  type DateCellsReading,
  dateCellsReading,
  swappedBack,
  swappedDecision,
  unseenSwap,
} from './spreadsheet-dates';
import { includesTax } from './tax-inclusive';
import { applyBillLedger, type BillLedgerLine, type BillLedgers } from './voucher-items';

/** A column of discount rates: fractions (per 1) or percentages (per 100). */
export interface DiscountRate {
  column: number;
  per: 1 | 100;
}

/** Choices made once per file from the evidence in its columns (or by the user), shown to the user. */
export interface Decisions {
  dayOrder: Record<string, DayOrderDecision>;
  /** Date columns mixing date cells and text dates as a spreadsheet reading the other way leaves them (spreadsheet-dates.ts). */
  dateCells?: Record<string, DateCellsReading>;
  decimalMark: DecimalMark;
  decimalReason: string;
  date1904: boolean;
  /** Amounts with more decimals than the field holds are rounded half-up (the user's choice), not refused. */
  round: boolean;
  /** The net value is quantity × price: the file's only amount column is a document's total. */
  netFromRate: boolean;
  /** Debit and Credit amounts of a revenue account's ledger: a sale is a credit (revenue-side.ts). */
  revenueSide?: boolean;
  /**
   * A receipts file's amount is its Credit column, beside a Debit column: a row's debit is taken
   * off it (a receipt reversed, money given back to the customer), as a ledger reads the pair.
   */
  amountLessDebit?: boolean;
  /**
   * Where the net value is quantity × price, the column of discount rates it is less: each a
   * fraction (0.15) or, where `per` is 100, a percentage (15).
   */
  discountRate?: DiscountRate;
  /** The workspace's currency: an amount marked with another is refused. */
  currency?: string;
  /** Dates before 1990 or more than a year ahead are taken (the user allowed it for this import). */
  anyDates: boolean;
  /** The plausible dates, as of the day the decisions were made. */
  plausible: { from: string; to: string };
  /** This computer's time zone: the day a moment written with its own zone (…T18:30:00Z) falls on here. */
  timeZone?: string;
  /** The period the report's title gives: the year of a date written without one (5-Oct). */
  titlePeriod?: TitlePeriod;
  /** The first rows write dates as moments with their time zone. */
  moments?: boolean;
  /** The unit the quantity column's header names ("Qty (PCS)"): each line's, where it writes none. */
  qtyUnit?: string;
  /** Quantity columns in further units ("Qty (Cases)"), for lines of products counted in one of those. */
  qtyInUnits?: { column: number; unit: string }[];
  /** Columns whose header writes their numbers in lakhs, thousands, … ("Target (₹ in Lakhs)"): column → power of ten. */
  scaled?: Record<number, number>;
  /** The column of whole cases beside the quantity's loose pieces (loose-quantity.ts). */
  casesColumn?: number;
  /**
   * A column of cases beside the quantity's where the first rows wrote every line whole in both
   * units: a later line of cases beside fewer pieces is refused (SaleQuantities).
   */
  casesBeside?: number;
  /**
   * The column read as each line's amount with its tax because every bill of the first rows had one
   * line: a later bill of several lines writing one amount on each refuses the file (one-line-bills.ts).
   */
  oneLineBills?: number;
  /**
   * The net value's column, where the first rows could not tell it from each bill's amount: most
   * later bills of lines of other quantities writing one amount on each refuse the file (bill-net.ts).
   */
  billNets?: number;
  /** What showed the tax written to be each bill's, on each of its lines: kept on its first line only (bill-tax-once.ts). */
  taxOfBills?: TaxShown;
  /** The column of each bill's total with its tax, where the file writes no tax: its lines' tax is found bill by bill (bill-tax.ts). */
  billTax?: number;
  /** The column of each line's own amount with its tax beside its net value, where the file writes no tax (bill-tax.ts). */
  lineTax?: number;
}

/** The dates a business file plausibly holds, unless the user allows others for an import. */
export function plausibleDates(today = new Date()): { from: string; to: string } {
  const ahead = new Date(today);
  ahead.setUTCFullYear(ahead.getUTCFullYear() + 1);
  return { from: '1990-01-01', to: ahead.toISOString().slice(0, 10) };
}

/**
 * What rounding changed, per money field, when the user chose to round: the exact sum as written,
 * the sum imported, and how many values were rounded.
 */
export type RoundingLedger = Map<string, { written: Exact; imported: bigint; rounded: number }>;

/** What rounding did to one value of a row: the amount as written (exact, as text) and as imported. */
export interface Rounded {
  field: string;
  written: string;
  imported: number;
}

/** Adds a row's rounded values to the import's ledger: once the row is imported, wherever it was converted. */
export function addRounded(ledger: RoundingLedger, rounded: readonly Rounded[]): void {
  for (const r of rounded) {
    const entry = ledger.get(r.field) ?? { written: new Exact(0), imported: 0n, rounded: 0 };
    const written = new Exact(r.written);
    entry.written = entry.written.plus(written);
    entry.imported += BigInt(r.imported);
    if (written.decimalPlaces() > 2) entry.rounded++;
    ledger.set(r.field, entry);
  }
}

export interface FieldProblem {
  field: string;
  column: number | null;
  value: string;
  message: string;
}

const scales: Partial<Record<FieldDef['type'], number>> = { money: 2, qty: 3, int: 0 };
/** A cell as a message shows it: never control characters or more than 100 characters of what the file holds. */
export const shown = (cell: Cell | undefined) => {
  const text =
    cell instanceof Date
      ? cell.toISOString().slice(0, 10)
      : typeof cell === 'number' && Number.isFinite(cell)
        ? excelNumberText(cell)
        : withoutControls(String(cell ?? ''));
  return text.length > 100 ? `${text.slice(0, 99)}…` : text;
};

export function decide(
  kind: DatasetKind,
  mapping: Mapping,
  samples: readonly (readonly Cell[])[],
  options: {
    date1904: boolean;
    headers: readonly string[];
    dateOrder?: DateOrderName;
    round?: boolean;
    netFromRate?: boolean;
    revenueSide?: boolean;
    discountRate?: DiscountRate;
    /** Values the user gave for fields the file has no column for. */
    defaults?: Readonly<Record<string, Cell>>;
    currency?: string;
    anyDates?: boolean;
    /** The power of ten the report's title writes its amounts in ("(₹ in Lakhs)": 5). */
    titlePower?: number;
    /** The period the report's title gives ("1-Oct-2026 to 31-Oct-2026"). */
    titlePeriod?: TitlePeriod;
  },
): Decisions {
  const fields = datasets[kind].fields;
  const texts = (field: string) =>
    samples.map((row) => row[mapping[field] ?? -1]).filter((c): c is string => typeof c === 'string');
  const dayOrder: Record<string, DayOrderDecision> = {};
  const docColumn = mapping.doc_no ?? mapping.receipt_no;
  const dateFields = [...fields, ...(kind === 'receivables' ? [{ name: 'cleared_on', type: 'date' }] : [])].filter(
    (f) => f.type === 'date' && mapping[f.name] !== undefined,
  );
  const ask = (field: string, sibling?: DayOrderDecision) => {
    const column = mapping[field] ?? -1;
    const rows = samples.filter((row) => typeof row[column] === 'string');
    return decideDayOrder(
      rows.map((row) => String(row[column])),
      {
        column: options.headers[column] ?? field,
        chosen: options.dateOrder,
        docs: rows.map((row) => (docColumn === undefined || row[docColumn] == null ? null : String(row[docColumn]))),
        sibling,
      },
    );
  };
  // Columns the evidence decides first; a column that cannot tell follows one that could.
  const undecided: string[] = [];
  for (const f of dateFields) {
    try {
      dayOrder[f.name] = ask(f.name);
    } catch (error) {
      if (!(error instanceof AmbiguousDatesError)) throw error;
      undecided.push(f.name);
    }
  }
  // A date the user gave for a field the file lacks (an as-of date) is evidence too.
  const given = Object.entries(options.defaults ?? {})
    .filter(([field, value]) => mapping[field] === undefined && typeof value === 'string' && dateFields.length > 0)
    .map(([, value]) => String(value));
  let fromGiven: DayOrderDecision | undefined;
  try {
    fromGiven = given.length > 0 ? decideDayOrder(given) : undefined;
  } catch {
    fromGiven = undefined;
  }
  const proven =
    Object.values(dayOrder).find((d) => !d.reason.startsWith('as written')) ??
    (fromGiven && !fromGiven.reason.startsWith('as written') ? fromGiven : undefined);
  for (const field of undecided) dayOrder[field] = ask(field, proven);
  // A date given for a field the file lacks (an as-of date, typed or read from the title) is read
  // the one way it reads (31/10/2026), else as the file's own dates are (06/11/2026).
  for (const f of fields) {
    const value = options.defaults?.[f.name];
    if (f.type === 'date' && mapping[f.name] === undefined && typeof value === 'string')
      dayOrder[f.name] = decideDayOrder([value], {
        column: fieldLabel(kind, f.name),
        chosen: options.dateOrder,
        sibling: proven,
      });
  }
  const dateCells: Record<string, DateCellsReading> = {};
  for (const f of dateFields) {
    const column = mapping[f.name] ?? -1;
    const reading = dateCellsReading(
      options.headers[column] ?? f.name,
      samples.map((row) => row[column] ?? null),
      dayOrder[f.name]?.order ?? 'day-first',
      options.date1904,
    );
    if (reading) dateCells[f.name] = reading;
  }
  // The amounts a file spreads over columns of its own: a Day Book's Debit / Credit pair, a
  // document's total and adjustment, a receipt's allocation and TDS, GST parts; and a target
  // sheet's month and measure columns as the dialog proposes them (the import reads them as one value).
  const ownAmounts = [
    ...['debit_amount', 'credit_amount', 'gross_total', 'adjustment', 'allocated', 'withheld', 'with_tax'],
    ...['bill_discount', 'bill_subtotal', 'bill_total'],
    'returned_value',
    ...taxPartKeys(mapping),
    ...numbered(mapping, MONTH_COLUMN).map(({ key }) => key),
    ...numbered(mapping, MEASURE_COLUMN).map(({ key }) => key),
    ...numbered(mapping, DISCOUNT_PART).map(({ key }) => key),
    ...numbered(mapping, CHARGE_PART).map(({ key }) => key),
  ];
  const amounts = [
    ...fields.filter((f) => scales[f.type] !== undefined || f.type === 'decimal').map((f) => f.name),
    ...ownAmounts,
    // A price is written as the amounts are.
    'rate',
  ].flatMap(texts);
  const decimalMark = detectDecimalMark(amounts);
  const decimalReason =
    amounts.length === 0
      ? 'Amounts are numbers in the sheet'
      : decimalMark === ','
        ? 'Amounts are written with a decimal comma (1.234,56)'
        : 'Amounts are written with a decimal point (1,234.56)';
  const qtyUnit = mapping.qty === undefined ? null : headerUnitOf(kind, options.headers[mapping.qty] ?? '');
  const qtyInUnits = numbered(mapping, QTY_IN_UNIT).map(({ column }) => ({
    column,
    unit: headerUnitOf(kind, options.headers[column] ?? '') ?? '',
  }));
  // A title's scale ("(₹ in Lakhs)") is every amount's, where a header states none of its own.
  const amountColumns = new Set(
    [...fields.filter((f) => f.type === 'money' || f.type === 'decimal').map((f) => f.name), ...ownAmounts].map(
      (name) => mapping[name],
    ),
  );
  const scaledColumns = Object.values(mapping).flatMap((column) => {
    const power =
      headerScale(options.headers[column] ?? '')?.power ?? (amountColumns.has(column) ? options.titlePower : undefined);
    return power ? [[column, power] as const] : [];
  });
  return {
    ...(scaledColumns.length > 0 ? { scaled: Object.fromEntries(scaledColumns) } : {}),
    ...(qtyUnit ? { qtyUnit } : {}),
    ...(qtyUnit && qtyInUnits.length > 0 ? { qtyInUnits } : {}),
    dayOrder,
    ...(Object.keys(dateCells).length > 0 ? { dateCells } : {}),
    decimalMark,
    decimalReason,
    date1904: options.date1904,
    round: options.round === true,
    netFromRate: options.netFromRate === true,
    ...(options.revenueSide ? { revenueSide: true } : {}),
    ...(kind === 'payments' && mapping.amount !== undefined && readsPartySide(kind, options.headers, mapping)
      ? { amountLessDebit: true }
      : {}),
    ...(options.netFromRate && options.discountRate ? { discountRate: options.discountRate } : {}),
    currency: options.currency,
    anyDates: options.anyDates === true,
    plausible: plausibleDates(),
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    ...(options.titlePeriod ? { titlePeriod: options.titlePeriod } : {}),
    ...(dateFields.some((f) => texts(f.name).some(isMoment)) ? { moments: true } : {}),
  };
}

/** The unit a quantity column's header names, as the header writes it ("PCS" of "Qty (PCS)"), for messages. */
function headerUnitOf(kind: DatasetKind, header: string): string | null {
  const unit = headerUnit(normalizeHeader(header), aliases[kind].qty ?? []);
  return unit ? (header.match(/([a-z]+)[^a-z]*$/i)?.[1] ?? unit.unit) : null;
}

function toDate(field: FieldDef, cell: Exclude<Cell, null>, d: Decisions): string {
  const day = readDate(field, cell, d);
  const range = d.plausible;
  if (!d.anyDates && (day < range.from || day > range.to))
    throw new Error(`${day} is before 1990 or more than a year ahead (allow such dates for this import: --any-dates)`);
  return day;
}

function readDate(field: FieldDef, cell: Exclude<Cell, null>, d: Decisions): string {
  const order = d.dayOrder[field.name]?.order ?? 'day-first';
  const seen = d.dateCells?.[field.name];
  if (seen) {
    const refusal = unseenSwap(seen, cell, order, d.date1904);
    if (refusal) throw new Error(refusal);
    const day = seen.kind === 'swapped' ? cellDay(cell, d.date1904) : null;
    if (day !== null) return swappedBack(day);
  }
  if (cell instanceof Date) return isoDay(cell);
  if (typeof cell === 'number') {
    // SAP's 20261031, stored as a number: far above any Excel serial of a date.
    if (Number.isInteger(cell) && cell >= 19_000_101 && cell <= 20_991_231)
      return parseDateText(String(cell), 'year-first');
    if (!isPlausibleSerial(cell)) throw new Error('expected a date, or an Excel date serial between 1950 and 2100');
    return excelSerialToIso(cell, d.date1904);
  }
  // A register writes the same few dozen dates a million times: each text is parsed once.
  let days = dayTexts.get(d);
  if (!days) {
    days = new Map<string, string>();
    dayTexts.set(d, days);
  }
  const key = `${order}|${cell}`;
  const known = days.get(key);
  if (known !== undefined) return known;
  const day = yearlessDay(String(cell), d.titlePeriod) ?? parseDateText(String(cell), order, d.timeZone);
  if (days.size < 100_000) days.set(key, day);
  return day;
}

/** The dates already read from text, per import (its decisions). */
const dayTexts = new WeakMap<Decisions, Map<string, string>>();

/** A number as written: the cell's own decimals for a spreadsheet number, the text's for text. */
const writtenDecimal = (cell: Exclude<Cell, null>, d: Decisions) =>
  typeof cell === 'number' ? numberCellToDecimal(cell, 10) : parseAmountText(String(cell), d.decimalMark, d.currency);

/**
 * A number its header writes in a larger unit ("Target (₹ in Lakhs)": power 5), as the same amount
 * in units, written as the file writes numbers.
 */
function inUnits(cell: Exclude<Cell, null>, d: Decisions, power: number): string {
  const text = scaled(writtenDecimal(cell, d), power);
  return d.decimalMark === ',' ? text.replace('.', ',') : text;
}

function toNumber(field: FieldDef, cell: Exclude<Cell, null>, d: Decisions, rounded?: Rounded[]): number {
  const scale = scales[field.type] ?? 0;
  if (d.round && field.type === 'money') return roundedMoney(field, cell, d, rounded);
  const text =
    typeof cell === 'number'
      ? numberCellToDecimal(cell, scale)
      : field.type === 'qty'
        ? quantityText(String(cell), d)
        : parseAmountText(String(cell), d.decimalMark, field.type === 'money' ? d.currency : undefined);
  try {
    return toScaledInteger(text, scale);
  } catch (error) {
    // An amount beyond what is stored exactly (a number in crores, say) is said as such.
    if (error instanceof RangeError) throw error;
    throw new Error(
      scale === 0
        ? 'expected a whole number'
        : `expected at most ${scale} decimals${field.type === 'money' ? ' (or choose to round half-up to the paisa: --round)' : ''}`,
    );
  }
}

/** A quantity's text as exact decimal text, its unit of measure (if written) aside. */
function quantityText(text: string, d: Decisions): string {
  const { number } = splitQuantity(text);
  try {
    return parseAmountText(number, d.decimalMark);
  } catch (error) {
    if (!(error instanceof AmountError)) throw error;
    throw new Error(`expected a quantity such as 12, ${d.decimalMark === ',' ? '2,5' : '2.5'} or 12 Nos`);
  }
}

/** The user chose to round: half-up to the paisa, once; the totals as written and as imported are kept. */
function roundedMoney(field: FieldDef, cell: Exclude<Cell, null>, d: Decisions, rounded?: Rounded[]): number {
  const written = new Exact(writtenDecimal(cell, d));
  const paise = toScaledInteger(written.toDecimalPlaces(2, Exact.ROUND_HALF_UP), 2);
  rounded?.push({ field: field.name, written: written.toString(), imported: paise });
  return paise;
}

/**
 * A long number Excel shortened when it saved a CSV: 900001234567 written as "9.00001E+11". Its
 * digits are gone, and every number alike comes out the same: two invoices would share one number,
 * two outlets one phone. A text with its own letters ("2E+10 Pack") is not one.
 */
const shortenedNumber = /^[-+]?\d(\.\d+)?E\+\d{1,3}$/i;

/**
 * Whether a number cell read as text (a document number, a code, a phone) may have lost digits:
 * Excel keeps 15 significant digits and writes zeros after them (1234567890123456 typed in is
 * kept as 1234567890123450), and past 2^53 no number is read exactly. Two bills typed with
 * different last digits would become one.
 */
function cutByExcel(cell: number): boolean {
  const digits = String(Math.abs(cell));
  if (!/^\d{16,}$/.test(digits)) return false;
  return !Number.isSafeInteger(cell) || /^0+$/.test(digits.slice(15));
}

/** Excel's error values, as a cell or an export writes them. */
const errorValue = /^#(N\/A|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA)$/i;

/**
 * Characters that show as nothing: a zero-width space, a word joiner, a BOM, a soft hyphen, the
 * left-to-right and right-to-left marks (Windows writes one before a date or a number it copies
 * from a right-to-left sheet). Pasted from web pages and chats into a register, they make `D001`
 * another code than the one Excel shows. The joiners (ZWJ, ZWNJ) stay: Indic names need them.
 */
const invisible = /[\u00ad\u200b\u200e\u200f\u2060\ufeff]/g;

/**
 * The embeddings, overrides and isolates that turn the order text shows in: `D0`, a right-to-left
 * override and `10` show as D001. Dropped, the code would be D010, another distributor's, so a code
 * or a document's number holding one is refused.
 */
const directionTurn = /[\u202a-\u202e\u2066-\u2069]/;
/** A character beyond ASCII: a code without one, as almost every ERP writes codes, has nothing to turn or fold (asked first, of every row's codes). */
const beyondAscii = /[\u0080-\uffff]/;

/**
 * A code or a document's number beyond ASCII: refused where it holds a mark turning its order;
 * in full-width letters (Ｄ００１) or another compatibility form, the same code in its plain
 * letters (Unicode's NFKC), as a user reading the file takes it.
 */
function plainCode(written: string): string {
  if (directionTurn.test(written))
    throw new Error(
      'the text holds a mark that turns the order its characters show in (a right-to-left override or embedding): what Excel shows is not what the cell holds. Type the code again in the source file',
    );
  return written.normalize('NFKC');
}

function convert(field: FieldDef, written: Exclude<Cell, null>, d: Decisions, rounded?: Rounded[]): StoredValue {
  const cell = typeof written === 'string' ? written.replace(invisible, '') : written;
  if (typeof cell === 'string') {
    const t = cell.trim();
    if (t === formulaWithoutValue)
      throw new Error(
        'a formula with no saved value: open the file in Excel, let it calculate, save it and import again',
      );
    if (t === formulaToRecalculate)
      throw new Error(
        'a formula in a workbook saved without working out its formulas (it asks Excel to calculate them all again when opened, as files written by XlsxWriter do, saving 0 for each): what Excel shows is not the value saved. Open the file in Excel, save it and import again',
      );
    if (errorValue.test(t)) throw new Error(`the cell holds the error ${t} (a formula that failed in the source file)`);
  }
  // A date cell is a date, or a text such as a name; never a code or a document's number, nor an amount or quantity.
  if (cell instanceof Date && field.type !== 'date' && (field.type !== 'text' || field.key))
    throw new Error(spreadsheetsDate(isoDay(cell)));
  switch (field.type) {
    case 'text': {
      if (cell instanceof Date) return isoDay(cell);
      if (typeof cell === 'number' && cutByExcel(cell))
        throw new Error(
          `a number of ${String(Math.abs(cell)).length} digits, which Excel keeps only to 15: its last digits may be lost. Format the column as Text in Excel, type the numbers again, and import it again`,
        );
      const written = withoutControls(String(cell)).trim();
      const text = field.key && beyondAscii.test(written) ? plainCode(written) : written;
      // A CSV or HTML file can hold any length; every file SchemeDesk writes the text into (a
      // register, a statement) is a workbook, which Excel will not open with a longer cell.
      if (text.length > CELL_CHARS)
        throw new Error(
          `a text of ${text.length} characters, more than a spreadsheet cell holds (${CELL_CHARS}): a damaged file, or a column that is not this field`,
        );
      if (shortenedNumber.test(text))
        throw new Error(
          'a long number Excel shortened when it saved the file: its digits are lost. Format the column as Text in Excel, or export the file again, and import it again',
        );
      return text;
    }
    case 'date':
      return toDate(field, cell, d);
    case 'decimal': {
      if (typeof cell === 'number') return numberCellToDecimal(cell, 10);
      const withUnit = numberWithUnit(String(cell));
      return withUnit
        ? scaled(parseAmountText(withUnit.number, d.decimalMark), withUnit.power)
        : parseAmountText(String(cell), d.decimalMark);
    }
    default:
      return toNumber(field, cell, d, rounded);
  }
}

/**
 * Why a date cell cannot be a code, a document's number or a quantity: no ERP writes one there, but
 * a spreadsheet opening a CSV reads 1/10, 1-10 or half a unit's 1/2 as a day and month, and what
 * was written is lost.
 */
const spreadsheetsDate = (day: string) =>
  `a date cell (${longDay(day)}) where a code or number belongs: a spreadsheet makes a date of a number such as 1/10 or 1-10 when it opens a file, and the number is lost. Import the file as its system exported it, or format the column as Text in the spreadsheet and type the numbers again`;

/** What reports write for "nothing": an empty cell, null, NULL, a dash. */
const blankText = /^(|null|nil|n\/a|-+|—|–)$/i;
/** A first character no blank text starts with, even before trimming: a digit, or a letter but n. */
const plainStart = (code: number) => {
  const lower = code | 32;
  return (code >= 48 && code <= 57) || (lower >= 97 && lower <= 122 && lower !== 110);
};
/** An empty cell, or one that says it is (null, n/a, dashes): asked of every cell more than once a row. */
export const blank = (cell: Cell | undefined) =>
  cell === null ||
  cell === undefined ||
  (typeof cell === 'string' && !plainStart(cell.charCodeAt(0)) && blankText.test(cell.trim()));

/** One source row to stored values; every field that does not convert is reported, not just the first. */
/** A row's values as stored, and what was wrong with its cells. */
export interface ConvertedRow {
  values: Record<string, StoredValue>;
  problems: FieldProblem[];
  /** When the user chose to round: each money value as written and as imported, for the ledger. */
  rounded?: Rounded[];
  /** The unit of measure written after the quantity ("Nos" of "12 Nos"). */
  qtyUnit?: string;
  /** The part given free of a quantity written as billed + free ("2" of "10+2"), as written. */
  freeQty?: string;
  /** The same quantity in another unit ("120 Nos" of "10 Box = 120 Nos"), in thousandths. */
  qtyAlternate?: { qty: number; unit: string };
  /**
   * Present when a receipt's row takes its amount from what it allocates to its bill: the amount
   * the file gives the whole receipt on this row (null when only the receipt's first row gives it).
   */
  paid?: number | null;
  /** A sales line with a quantity and neither price nor amount, read as billed at nothing (goods given free). */
  unpriced?: true;
  /**
   * The ledgers of a voucher written with its ledger lines (Tally's detailed Day Book), by what
   * they were read as: on the voucher's own line, or under one with items (`underItems`) on its
   * first item row.
   */
  ledgers?: { underItems: boolean; named: BillLedgers };
  /** A receivable cleared on or before its as-of date (cleared-items.ts): no part of the snapshot. */
  cleared?: boolean;
  /** A discount on the whole bill, written on this line's row, to spread over the bill's lines (bill-discount.ts). */
  billDiscount?: BillDiscount;
  /** The whole cases beside the line's loose pieces, in thousandths, for its product's units per case to add in. */
  cases?: number;
}

export function convertRow(
  kind: DatasetKind,
  mapping: Mapping,
  cells: readonly Cell[],
  d: Decisions,
  defaults: Readonly<Record<string, Cell>>,
  ledger?: readonly (readonly Cell[])[],
  bill?: VoucherItems,
): ConvertedRow {
  const values: Record<string, StoredValue> = {};
  const problems: FieldProblem[] = [];
  const rounded: Rounded[] | undefined = d.round ? [] : undefined;
  const read = (field: FieldDef, column: number | undefined, cell: Cell | undefined) => {
    if (blank(cell)) return null;
    try {
      return cellValue(field, column, cell as Exclude<Cell, null>, d, rounded);
    } catch (error) {
      problems.push({
        field: field.name,
        column: column ?? null,
        value: shown(cell ?? null),
        message: (error as Error).message,
      });
      return null;
    }
  };
  for (const field of datasets[kind].fields) {
    const column = mapping[field.name];
    values[field.name] = read(field, column, column === undefined ? (defaults[field.name] ?? null) : cells[column]);
  }
  const unpriced = kind === 'sales' && salesAmounts(mapping, cells, values, d, read, problems);
  if (kind === 'targets' && mapping.period !== undefined && values.period_from === null && values.period_to === null)
    targetPeriod(cells, mapping.period, values, problems);
  // A voucher's own line holds its whole bill; under one with items, each item row its share.
  const whole = kind === 'sales' && ledger && !bill ? ledger : null;
  const underItems =
    kind === 'sales' && ledger && bill ? itemVoucherLedger(mapping, cells, ledger, bill, values, read, d) : null;
  const named: BillLedgers | null =
    underItems ??
    (whole && {
      tax: partFromLedger('tax', isTaxLedger, mapping, whole, values, read),
      charges: partFromLedger('charges', namesCharge, mapping, whole, values, read),
      roundOff: roundOffFromLedger(mapping, cells, whole, values, read),
      discount: [],
    });
  if (whole && named) named.charges.push(...unnamedCharges(mapping, whole, values, read));
  // A receipt credits the party with what it paid: a Debit / Credit pair's credit less its debit
  // (a receipt reversed), the credit in a column of its own or in the amount's (amountLessDebit).
  if (
    kind === 'payments' &&
    (mapping.amount === undefined || d.amountLessDebit) &&
    !problems.some((p) => p.field === 'amount')
  ) {
    const credit = mapping.amount === undefined ? pseudoAmount(mapping, cells, read, 'credit_amount') : values.amount;
    const debit = pseudoAmount(mapping, cells, read, 'debit_amount');
    if (typeof credit === 'number' || typeof debit === 'number')
      values.amount = (typeof credit === 'number' ? credit : 0) - (typeof debit === 'number' ? debit : 0) || 0;
  }
  // Tax the customer withheld (TDS) settles its bill as the money does: the bill is paid in full
  // when money and tax withheld together are its amount.
  const withheld = kind === 'payments' ? pseudoAmount(mapping, cells, read, 'withheld') : null;
  const tds = typeof withheld === 'number' ? withheld : 0;
  // A receipt spread over the bills it settles: each row's amount is what it allocates to its bill.
  const allocated = kind === 'payments' ? pseudoAmount(mapping, cells, read, 'allocated') : null;
  const paid = allocated === null ? undefined : typeof values.amount === 'number' ? values.amount + tds : null;
  if (allocated !== null) values.amount = allocated;
  if (tds !== 0 && typeof values.amount === 'number') values.amount += tds;
  applySignColumns(kind, mapping, cells, values);
  const converted: ConvertedRow = rounded ? { values, problems, rounded } : { values, problems };
  if (paid !== undefined) converted.paid = paid;
  if (named && Object.values(named).some((names) => names.length > 0))
    converted.ledgers = { underItems: underItems !== null, named };
  if (unpriced) converted.unpriced = true;
  const billDiscount = kind === 'sales' ? billDiscountOf(mapping, cells, read, problems) : null;
  if (billDiscount) converted.billDiscount = billDiscount;
  if (kind === 'receivables' && clearedByAsOf(mapping, cells, values, read, problems)) converted.cleared = true;
  if (kind === 'receivables') dueFromDays(mapping, cells, values, read, problems);
  const quantity = mapping.qty === undefined ? undefined : cells[mapping.qty];
  if (typeof quantity === 'string' && typeof values.qty === 'number') {
    const { unit, free, alternate } = splitQuantity(quantity);
    if (unit !== null) converted.qtyUnit = unit;
    if (free !== undefined) converted.freeQty = free;
    const other = alternate ? quantityOf(alternate.number, d) : null;
    if (alternate && other !== null) converted.qtyAlternate = { qty: other, unit: alternate.unit };
  }
  // The unit a column of its own gives the line (Unit: Box), where its quantity writes none.
  const unit = columnUnit(mapping, cells);
  if (converted.qtyUnit === undefined && typeof values.qty === 'number' && unit !== null) converted.qtyUnit = unit;
  if (d.qtyUnit && converted.qtyUnit === undefined && typeof values.qty === 'number') converted.qtyUnit = d.qtyUnit;
  // Whole cases beside the loose pieces (none where blank): SaleQuantities adds them in.
  const cases = d.casesColumn === undefined ? null : quantityOf(cells[d.casesColumn], d);
  if (cases !== null && cases !== 0) {
    converted.cases = cases;
    values.qty ??= 0;
  }
  beyondExact(kind, mapping, cells, values, problems);
  return converted;
}

/**
 * Amounts and quantities worked out from several cells (the tax as the sum of its parts, a net as
 * an amount less its tax) that come to more than a number holds exactly: each is a problem of its
 * field, never stored rounded (the sum of two taxes of 5 × 10¹³ rupees had stopped the import).
 */
function beyondExact(
  kind: DatasetKind,
  mapping: Mapping,
  cells: readonly Cell[],
  values: Record<string, StoredValue>,
  problems: FieldProblem[],
): void {
  for (const field of datasets[kind].fields) {
    const value = values[field.name];
    if (typeof value !== 'number' || Number.isSafeInteger(value) || !['money', 'qty', 'int'].includes(field.type))
      continue;
    const column = mapping[field.name];
    problems.push({
      field: field.name,
      column: column ?? null,
      value: column === undefined ? '' : shown(cells[column] ?? null),
      message: `${field.label} works out to more than can be stored exactly: correct the amounts it is made of`,
    });
    values[field.name] = null;
  }
}

/**
 * How the dates are read, said once for the date columns read in one order (a Date and a Due on
 * both day first), with the evidence of one of them: a column that showed it rather than one
 * read as written.
 */
export function dayOrderDecisions(d: Pick<Decisions, 'dayOrder' | 'dateCells'>): { field: string; decision: string }[] {
  const byOrder = new Map<string, { field: string; reason: string }>();
  for (const [field, o] of Object.entries(d.dayOrder)) {
    const known = byOrder.get(o.order);
    if (!known || (known.reason.startsWith('as written') && !o.reason.startsWith('as written')))
      byOrder.set(o.order, { field, reason: o.reason });
  }
  const swapped = Object.entries(d.dateCells ?? {}).flatMap(([field, reading]) =>
    reading.kind === 'swapped' ? [{ field, decision: swappedDecision(reading) }] : [],
  );
  return [
    ...[...byOrder.values()].map(({ field, reason }) => ({ field, decision: `Dates are read ${reason}` })),
    ...swapped,
  ];
}

const moneyField = (name: string): FieldDef => ({ name, label: name, type: 'money' });

/** A cell of `column` as its field stores it; a number its header (or the title) writes in lakhs is read in units. */
function cellValue(
  field: FieldDef,
  column: number | undefined,
  cell: Exclude<Cell, null>,
  d: Decisions,
  rounded?: Rounded[],
): StoredValue {
  // A target written with its own unit ("2.5 Cr") is in that unit, whatever its header says: read
  // through the header's lakhs, its Cr had been a credit.
  const ownUnit = field.type === 'decimal' && typeof cell === 'string' && numberWithUnit(cell) !== null;
  const power =
    column === undefined || field.type === 'text' || field.type === 'date' || ownUnit ? 0 : (d.scaled?.[column] ?? 0);
  return convert(field, power === 0 ? cell : inUnits(cell, d, power), d, rounded);
}

/** A row's cell in `column` read as an amount in paise, as the import reads one; null where blank or not an amount. */
export function amountIn(cells: readonly Cell[], column: number, d: Decisions): number | null {
  const cell = cells[column];
  if (blank(cell)) return null;
  try {
    const value = cellValue(moneyField('amount'), column, cell as Exclude<Cell, null>, d);
    return typeof value === 'number' ? value : null;
  } catch {
    return null;
  }
}

/** The sum, in paise, of a row's amounts in `columns` (a blank one is zero). */
export const sumIn = (cells: readonly Cell[], columns: readonly number[], d: Decisions): number =>
  columns.reduce((sum, column) => sum + (amountIn(cells, column, d) ?? 0), 0);

/** A cell read as a sales line's quantity is, in thousandths; null where blank or no quantity. */
export function quantityOf(cell: Cell | undefined, d: Decisions): number | null {
  if (blank(cell)) return null;
  try {
    const value = cellValue(qtyField, undefined, cell as Exclude<Cell, null>, d);
    return typeof value === 'number' ? value : null;
  } catch {
    return null;
  }
}

export type ReadCell = (field: FieldDef, column: number | undefined, cell: Cell | undefined) => StoredValue;

/** An amount a file spreads over a column of its own (a Tally Debit Amount, a GST part), read as money. */
export const pseudoAmount = (mapping: Mapping, cells: readonly Cell[], read: ReadCell, name: string) => {
  const column = mapping[name];
  return column === undefined ? null : read(moneyField(name), column, cells[column]);
};

/** The sum of a row's amounts in `columns`, read as the field `name`; null where every one is blank. */
function sumOfParts(read: ReadCell, name: string, cells: readonly Cell[], columns: readonly number[]): number | null {
  const parts = columns.map((column) => read(moneyField(name), column, cells[column]));
  return parts.some((p) => typeof p === 'number') ? parts.reduce<number>((n, p) => n + ((p as number) ?? 0), 0) : null;
}

/** Tally's Debit Amount / Credit Amount pair as one signed amount (paise), or null when the row has neither. */
function debitLessCredit(mapping: Mapping, cells: readonly Cell[], read: ReadCell): number | null {
  const debit = pseudoAmount(mapping, cells, read, 'debit_amount');
  const credit = pseudoAmount(mapping, cells, read, 'credit_amount');
  if (typeof debit !== 'number' && typeof credit !== 'number') return null;
  return ((debit as number | null) ?? 0) - ((credit as number | null) ?? 0);
}

/** A row's discount on the whole bill and the bill's subtotal, where it has one; a problem where it cannot be spread. */
function billDiscountOf(
  mapping: Mapping,
  cells: readonly Cell[],
  read: ReadCell,
  problems: FieldProblem[],
): BillDiscount | null {
  const amount = pseudoAmount(mapping, cells, read, 'bill_discount');
  if (typeof amount !== 'number' || amount === 0) return null;
  const subtotal = pseudoAmount(mapping, cells, read, 'bill_subtotal');
  if (typeof subtotal === 'number' && subtotal !== 0) return { amount: Math.abs(amount), subtotal: Math.abs(subtotal) };
  const column = mapping.bill_discount ?? null;
  problems.push({
    field: 'bill_discount',
    column,
    value: shown(column === null ? null : cells[column]),
    message:
      "a discount on the whole bill, which cannot be spread over its lines: the file writes no subtotal of the bill's lines beside it (map it: --map bill_subtotal=HEADER)",
  });
  return null;
}

/**
 * A row whose column says its amounts include the tax (tax-inclusive.ts): its net value is the
 * amount less its tax, whichever sign the file gives either.
 */
function takeTaxOut(
  mapping: Mapping,
  column: number,
  cells: readonly Cell[],
  values: Record<string, StoredValue>,
  problems: FieldProblem[],
): void {
  const says = includesTax(cells[column]);
  const problem = (message: string) =>
    problems.push({ field: 'tax_inclusive', column, value: shown(cells[column] ?? null), message });
  if (says === undefined) problem("expected yes or no: whether the row's amounts include its tax");
  if (says !== true || typeof values.net_value !== 'number') return;
  if (typeof values.tax === 'number')
    values.net_value = Math.sign(values.net_value) * (Math.abs(values.net_value) - Math.abs(values.tax));
  else if (taxColumns(mapping).length === 0)
    problem('the amounts include the tax, but the file writes no tax to take off: map its tax column');
}

/**
 * A sale's amounts where the file spreads them: one signed net value from Tally's Debit Amount /
 * Credit Amount pair; the tax as the sum of its CGST, SGST, UTGST, IGST and cess columns; the net
 * value as a document's total less its tax; the net value as quantity × price when the file's
 * only amount is a document's total. Answers whether the line is goods given free written with no
 * amount (givenFree), whose net value is then 0.
 */
function salesAmounts(
  mapping: Mapping,
  cells: readonly Cell[],
  values: Record<string, StoredValue>,
  d: Decisions,
  read: ReadCell,
  problems: FieldProblem[],
): boolean {
  if (mapping.net_value === undefined) {
    const net = debitLessCredit(mapping, cells, read);
    if (net !== null) values.net_value = d.revenueSide && net !== 0 ? -net : net;
  }
  // The GST and the discounts a file spreads over columns of its own: each is their sum.
  if (mapping.tax === undefined) {
    const tax = sumOfParts(read, 'tax', cells, taxColumns(mapping));
    if (tax !== null) values.tax = tax;
  }
  // A net before its tax beside a GST rate and no tax written but cess (GSTR-1's `Rate` beside its
  // `Taxable Value`): the tax is the net at that rate, plus the cess.
  if (taxOnNet(mapping) && typeof values.net_value === 'number' && !blank(cells[mapping.gst_type as number])) {
    const net = values.net_value;
    const tax = taxOfGstType(cells, mapping.gst_type as number, problems, (rate) => taxAtRate(net, rate));
    if (tax !== null) values.tax = tax + (typeof values.tax === 'number' ? values.tax : 0);
  }
  const discount = sumOfParts(read, 'discount', cells, discountPartColumns(mapping));
  if (discount !== null) values.discount = discount;
  const charges = sumOfParts(read, 'charges', cells, chargePartColumns(mapping));
  if (charges !== null) values.charges = charges;
  if (mapping.tax_inclusive !== undefined && mapping.net_value !== undefined)
    takeTaxOut(mapping, mapping.tax_inclusive, cells, values, problems);
  // A line's amount with its tax: the net value is it less the tax.
  const withTax = mapping.net_value === undefined ? pseudoAmount(mapping, cells, read, 'with_tax') : null;
  // An amount with its tax, where the file writes no tax but a GST type or rate ("L/GST-18%",
  // "GST%"): the tax inside it is worked out at that rate, on what it holds beside its cess, where
  // a column writes that (the cess is tax too).
  const taxInsideOf = (total: StoredValue) => {
    if (typeof total !== 'number' || mapping.gst_type === undefined || !noTaxButCess(mapping)) return;
    const cess = typeof values.tax === 'number' ? values.tax : 0;
    const gst = taxOfGstType(cells, mapping.gst_type, problems, (rate) => taxInside(total - cess, rate));
    values.tax = gst === null ? null : gst + cess;
  };
  taxInsideOf(withTax);
  if (typeof withTax === 'number') values.net_value = withTax - (typeof values.tax === 'number' ? values.tax : 0);
  // A total before and after rounding and no round-off (ERPNext): the round-off is between them.
  roundOffBetweenTotals(mapping, cells, values, read);
  // Tally's Sales Register without items writes no value: the Gross Total less the tax is it.
  // An adjustment beside the round-off is part of it: both are what the total adds to the lines.
  const adjustment = pseudoAmount(mapping, cells, read, 'adjustment');
  if (typeof adjustment === 'number')
    values.round_off = adjustment + (typeof values.round_off === 'number' ? values.round_off : 0);
  if (netFromGrossTotal(mapping)) {
    const gross = pseudoAmount(mapping, cells, read, 'gross_total');
    taxInsideOf(gross);
    const less = [values.tax, values.round_off, values.charges].reduce<number>(
      (n, v) => n + (typeof v === 'number' ? v : 0),
      0,
    );
    if (typeof gross === 'number') values.net_value = gross - less;
  }
  if (d.netFromRate && mapping.rate !== undefined) {
    // A document's total is no line's amount: a line without a price has none from it.
    if (blank(cells[mapping.rate])) values.net_value = null;
    else if (typeof values.qty === 'number') {
      const net = priceTimesQuantity(cells, mapping.rate, values.qty, d, read, problems);
      // A discount of rupees comes off the price as a rate does (a rate's column is no discount).
      const off = d.discountRate === undefined && typeof values.discount === 'number' ? Math.abs(values.discount) : 0;
      values.net_value = typeof net === 'number' ? net - Math.sign(net) * off : net;
    }
  }
  // Returns written beside the sales come off them, whichever sign the file gives them.
  const returnedValue = pseudoAmount(mapping, cells, read, 'returned_value');
  if (typeof returnedValue === 'number' && typeof values.net_value === 'number')
    values.net_value -= Math.abs(returnedValue);
  const returnedQty =
    mapping.returned_qty === undefined
      ? null
      : read(returnedQtyField, mapping.returned_qty, cells[mapping.returned_qty]);
  if (typeof returnedQty === 'number' && typeof values.qty === 'number') values.qty -= Math.abs(returnedQty);
  return givenFree(mapping, cells, values, d, problems);
}

/**
 * Whether a sales line is goods given free written with no amount at all (Tally leaves a free
 * item's rate and value blank), and so billed at nothing: it has a quantity, the file a price
 * column, and the line no price but a blank or a zero, no amount and no tax in any column. Then
 * its net value is 0. Without a price column a blank amount says nothing (a layout may write the
 * amounts once per document), and a line with a price has an amount to find: both stay refused.
 */
function givenFree(
  mapping: Mapping,
  cells: readonly Cell[],
  values: Record<string, StoredValue>,
  d: Decisions,
  problems: readonly FieldProblem[],
): boolean {
  if (mapping.rate === undefined || values.net_value !== null || typeof values.qty !== 'number' || values.qty === 0)
    return false;
  if (problems.length > 0 || (values.tax !== null && values.tax !== 0)) return false;
  const price = cells[mapping.rate];
  if (!blank(price) && amountIn(cells, mapping.rate, d) !== 0) return false;
  values.net_value = 0;
  return true;
}

/**
 * A target's period from a column that names the month or quarter of each row ("Oct-26",
 * "October 2026", "2026-10", "10/2026", "Q3 FY26-27", a date within the month): its first and
 * last day. A cell that names none is the row's problem (field `period`, which the check of the
 * required From and To leaves to it).
 */
function targetPeriod(
  cells: readonly Cell[],
  column: number,
  values: Record<string, StoredValue>,
  problems: FieldProblem[],
): void {
  const cell = cells[column];
  const text = cell instanceof Date ? isoDay(cell).slice(0, 7) : typeof cell === 'string' ? cell : '';
  const period = monthOfHeader(text);
  if (period) {
    values.period_from = period.from;
    values.period_to = period.to;
    return;
  }
  problems.push({
    field: 'period',
    column,
    value: shown(cell ?? null),
    message: blank(cell)
      ? 'no month: each target needs the month or quarter it is for'
      : 'expected a month such as Oct-26, October 2026 or 2026-10, or a quarter such as Q3 FY26-27',
  });
}

/** A column of quantities returned, read as the sales' quantities are. */
const qtyField = datasets.sales.fields.find((f) => f.name === 'qty') as FieldDef;
const returnedQtyField: FieldDef = { ...qtyField, name: 'returned_qty' };

/** A ledger that holds a sale's tax: a GST part, VAT, TCS ("Output CGST 9%"), or GST in one ("Output GST"; not "Sales GST 18%"). */
const isTaxLedger = (name: string) =>
  gstPartNamed(name) !== null || /\b(vat|tcs|output tax)\b/i.test(name) || namesTaxInOne(name);

/**
 * A voucher written with its ledger lines (ledger-lines.ts): the party's line is the document's
 * amount, tax and charges included; the lines of its ledgers `named` (in its amount column, its
 * Debit / Credit pair, or Tally Prime's Ledger Amount) are its `field` — its tax ledgers' its tax,
 * its freight or packing ledgers' its other charges — taken off the net value. The sales ledger
 * and the round-off are part of the party's amount already. A file with a column of that field of
 * its own keeps it. Answers the ledgers read.
 */
function partFromLedger(
  field: 'tax' | 'charges',
  named: (ledger: string) => boolean,
  mapping: Mapping,
  ledger: readonly (readonly Cell[])[],
  values: Record<string, StoredValue>,
  read: ReadCell,
): string[] {
  if (typeof values.net_value !== 'number' || values[field] != null) return [];
  let part = 0;
  const names: string[] = [];
  for (const line of ledger) {
    const name = ledgerName(mapping, line);
    if (!named(name)) continue;
    const amount = ledgerLineAmount(mapping, line, read);
    if (amount === null) continue;
    // Such a ledger sits on the other side of the party's (a sale's CGST, its freight, is
    // credited), written signed or not: its size, with the sign of the document.
    part += Math.abs(amount);
    names.push(name);
  }
  if (names.length === 0) return [];
  const signed = values.net_value < 0 ? -part : part;
  values[field] = signed;
  values.net_value -= signed;
  return names;
}

/** A ledger that holds a voucher's sale, or takes it back: "Sales GST 18%", "Local Sales", "Sales Returns". */
const isSaleLedger = (name: string) => namesSalesLedger(name) || /\bsales?\s+returns?\b/i.test(name);

/** A voucher's ledger line of a kind no rule names: not its sale, tax, charges, discount or round-off. */
const unnamedLedger = (name: string) =>
  !isSaleLedger(name) && !isTaxLedger(name) && !namesCharge(name) && !isDiscountLedger(name) && !isRoundOffLedger(name);

/**
 * A voucher's ledger lines that no rule names (`lines`: "Hamali Charges", "Labour Charges
 * Recovered", each with its amount's size), where together they are exactly what its bill holds
 * `beyond` what the rules read (its sale less discount, its tax, charges and round-off): they are
 * more of what the bill asks, its other charges, in the document's `sign`, as a register's ledger
 * columns that no rule names are (other-ledgers.ts). Lines that add nothing beyond (a sales
 * ledger's cost centres, "Branch Pune" and "Branch Nashik", its amount again) are left alone.
 * Answers the ledgers read as charges.
 */
function unnamedAsCharges(
  lines: readonly { name: string; amount: number }[],
  beyond: number,
  sign: number,
  values: Record<string, StoredValue>,
): string[] {
  if (lines.length === 0 || beyond <= 0 || lines.reduce((sum, u) => sum + u.amount, 0) !== beyond) return [];
  values.charges = (typeof values.charges === 'number' ? values.charges : 0) + sign * beyond;
  return lines.map((u) => u.name);
}

/**
 * A whole voucher's ledger lines that no rule names, beside a ledger that names its sale ("Sales
 * GST 18%"): its other charges where they make up what its net value holds beyond its sales
 * ledgers' amount less its discount ledgers' (unnamedAsCharges), taken off the net value. Where no
 * ledger names the sale, as Tally lets a company name its sales ledgers anything ("Domestic
 * Supplies 18%"), the rest is the sale, as before.
 */
function unnamedCharges(
  mapping: Mapping,
  whole: readonly (readonly Cell[])[],
  values: Record<string, StoredValue>,
  read: ReadCell,
): string[] {
  const net = values.net_value;
  if (typeof net !== 'number' || net === 0) return [];
  const lines = whole.flatMap((line) => {
    const amount = ledgerLineAmount(mapping, line, read);
    return amount === null ? [] : [{ name: ledgerName(mapping, line), amount: Math.abs(amount) }];
  });
  const sum = (named: (name: string) => boolean) =>
    lines.filter((l) => named(l.name)).reduce((n, l) => n + l.amount, 0);
  const sold = sum((name) => isSaleLedger(name) && !isDiscountLedger(name));
  if (sold === 0) return [];
  const sign = net < 0 ? -1 : 1;
  const beyond = Math.abs(net) - (sold - sum(isDiscountLedger));
  const taken = unnamedAsCharges(
    lines.filter((l) => unnamedLedger(l.name)),
    beyond,
    sign,
    values,
  );
  if (taken.length > 0) values.net_value = net - sign * beyond;
  return taken;
}

/** A ledger of a discount a sale allows: "Trade Discount", "Cash Discount", "Discount Allowed", "Rebate". */
const isDiscountLedger = (name: string) => /\b(disc(ount)?s?|rebates?)\b/i.test(name);

/**
 * The ledger lines under a voucher with items (voucher-items.ts), each read as its tax, discount
 * or other charges by its ledger's name, applied to one item row (`cells`) by its share, and on
 * the first, the party's, its round-off. A ledger line's amount is in its Debit / Credit pair or
 * the voucher's total's column (Tally Prime's Ledger Amount), as a whole voucher's are; the items'
 * amounts are their net values as written (each item row reports its own).
 */
function itemVoucherLedger(
  mapping: Mapping,
  cells: readonly Cell[],
  ledger: readonly (readonly Cell[])[],
  bill: VoucherItems,
  values: Record<string, StoredValue>,
  read: ReadCell,
  d: Decisions,
): BillLedgers | null {
  const net = mapping.net_value;
  if (net === undefined) return null;
  const lines: BillLedgerLine[] = [];
  for (const line of ledger) {
    const name = ledgerName(mapping, line);
    const part = isTaxLedger(name) ? 'tax' : namesCharge(name) ? 'charges' : isDiscountLedger(name) ? 'discount' : null;
    const amount = part === null ? null : itemLedgerAmount(mapping, line, read);
    if (part !== null && amount !== null) lines.push({ part, name, amount });
  }
  const nets = bill.items.map((item) => amountIn(item, net, d) ?? 0);
  const named = applyBillLedger(lines, nets, bill.index, values);
  if (named) {
    named.roundOff = roundOffFromLedger(mapping, cells, ledger, values, read, true);
    named.charges.push(...unnamedItemCharges(mapping, cells, ledger, lines, nets, values, read));
  }
  return named;
}

/**
 * The ledger lines under a voucher's items that no rule names ("Hamali Charges"), read on its first
 * item row, the party's: its other charges, on that item, where they make up what the party's
 * amount holds beyond its items' amounts less the discount ledgers', the tax, the charges and the
 * round-off (unnamedAsCharges). They had been left out, and the bill for early payment lacked them.
 */
function unnamedItemCharges(
  mapping: Mapping,
  cells: readonly Cell[],
  ledger: readonly (readonly Cell[])[],
  lines: readonly BillLedgerLine[],
  nets: readonly number[],
  values: Record<string, StoredValue>,
  read: ReadCell,
): string[] {
  const party = ledgerAmount(mapping, cells, read, true);
  if (party === null || typeof values.net_value !== 'number') return [];
  const sign = values.net_value < 0 ? -1 : 1;
  const of = (part: BillLedgerLine['part']) =>
    lines.filter((l) => l.part === part).reduce((n, l) => n + Math.abs(l.amount), 0);
  const rounded = typeof values.round_off === 'number' ? sign * values.round_off : 0;
  const billed = nets.reduce((n, a) => n + Math.abs(a), 0) - of('discount') + of('tax') + of('charges') + rounded;
  const unnamed = ledger.flatMap((line) => {
    const name = ledgerName(mapping, line);
    const amount = unnamedLedger(name) ? itemLedgerAmount(mapping, line, read) : null;
    return amount === null ? [] : [{ name, amount: Math.abs(amount) }];
  });
  return unnamedAsCharges(unnamed, Math.abs(party) - billed, sign, values);
}

/** A ledger that rounds a bill: "Round Off", "Rounding Off", ERPNext's "Round Off - AG", "Rounding Adjustment". */
const isRoundOffLedger = (name: string) => /\bround(ed|ing)?\s*(off|adjustment)?\b|\broundoff\b/i.test(name);

/**
 * A voucher's round-off ledger lines (ledger-lines.ts), where the file writes no round-off of its
 * own: the party's amount is the bill rounded, so what they add to it (a credit beside a debited
 * party, or a debit beside a credited one) is the bill's round-off, taken off its net value as a
 * round-off column's is; the sales ledger's amount is then the net. Only where each line's side
 * can be told: a Debit / Credit pair, a Dr/Cr column or one written with the amount, or amounts
 * the voucher signs (a line below nothing); an unsigned amount may be either side, and leaves the
 * round-off in the net, as before. Under a voucher with items (`inItems`, read on its first item
 * row, the party's), the amounts are in the voucher's total's column and the items' net values
 * are their own: the round-off is only kept. Answers the round-off ledgers read.
 */
function roundOffFromLedger(
  mapping: Mapping,
  cells: readonly Cell[],
  ledger: readonly (readonly Cell[])[],
  values: Record<string, StoredValue>,
  read: ReadCell,
  inItems = false,
): string[] {
  if (typeof values.net_value !== 'number' || values.net_value === 0 || values.round_off != null) return [];
  const rounding = ledger.filter((line) => isRoundOffLedger(ledgerName(mapping, line)));
  if (rounding.length === 0) return [];
  const amountOf = (line: readonly Cell[]) => ledgerAmount(mapping, line, read, inItems);
  const signs = [cells, ...ledger].some((line) => (amountOf(line) ?? 0) < 0);
  // Each line's amount as a debit (above nothing) or a credit (below), or null where its side is not told.
  const sided = (line: readonly Cell[]): number | null => {
    const pair = debitLessCredit(mapping, line, read);
    if (pair !== null) return pair;
    const amount = amountOf(line);
    if (amount === null) return null;
    const side = mapping.dr_cr === undefined ? null : sideNamed(String(line[mapping.dr_cr] ?? '').trim());
    if (side !== null) return side === 'debit' ? Math.abs(amount) : -Math.abs(amount);
    const cell = line[(inItems ? undefined : mapping.net_value) ?? mapping.gross_total ?? -1];
    return signs || (typeof cell === 'string' && drCrWritten(cell) !== null) ? amount : null;
  };
  const partySide = sided(cells);
  const lines = rounding.map(sided);
  if (partySide === null || partySide === 0 || lines.some((v) => v === null)) return [];
  // What the round-off adds to the bill: the side opposite the party's.
  const added = -(lines as number[]).reduce((sum, v) => sum + v, 0) * Math.sign(partySide);
  const roundOff = values.net_value < 0 ? -added : added;
  values.round_off = roundOff;
  if (!inItems) values.net_value -= roundOff;
  return rounding.map((line) => ledgerName(mapping, line));
}

/** A ledger line's account: a general ledger names it in a column of its own, a Day Book where the party goes. */
function ledgerName(mapping: Mapping, line: readonly Cell[]): string {
  const own = mapping.ledger === undefined ? null : line[mapping.ledger];
  return String((blank(own) ? line[mapping.distributor_code ?? -1] : own) ?? '').trim();
}

/** A whole voucher's ledger line's amount: its Debit / Credit pair's where the file has no net value column, else where the voucher's goes. */
const ledgerLineAmount = (mapping: Mapping, line: readonly Cell[], read: ReadCell): number | null =>
  (mapping.net_value === undefined ? debitLessCredit(mapping, line, read) : null) ?? ledgerAmount(mapping, line, read);

/** A ledger line's amount under a voucher with items: its Debit / Credit pair's, else the voucher's total's column's. */
const itemLedgerAmount = (mapping: Mapping, line: readonly Cell[], read: ReadCell): number | null =>
  debitLessCredit(mapping, line, read) ?? ledgerAmount(mapping, line, read, true);

/**
 * A ledger line's amount where its voucher's goes: the net value's column, else the document's
 * total; under a voucher with items (`inItems`), whose net values are the items', the total's.
 */
function ledgerAmount(mapping: Mapping, line: readonly Cell[], read: ReadCell, inItems = false): number | null {
  const net = inItems ? undefined : mapping.net_value;
  const amount =
    net === undefined
      ? pseudoAmount(mapping, line, read, 'gross_total')
      : read(moneyField('net_value'), net, line[net]);
  return typeof amount === 'number' ? amount : null;
}

/**
 * A row's tax (paise) `at` the rate its GST type names (Busy's "L/GST-18%") or its rate column
 * gives: inside a bill's total, or on a net before it; null where the type names no one rate
 * ("L/GST-MultiRate"), which is the row's problem: its net value cannot be told.
 */
function taxOfGstType(
  cells: readonly Cell[],
  column: number,
  problems: FieldProblem[],
  at: (rate: Exact) => number,
): number | null {
  const type = cells[column];
  const rate = (typeof type === 'string' ? gstRateOf(type) : null) ?? gstRateIn(type);
  if (rate !== null) return at(rate);
  problems.push({
    field: 'net_value',
    column,
    value: shown(type ?? null),
    message:
      'names no one GST rate, so the tax inside the total cannot be told: export the register with its tax columns',
  });
  return null;
}

/**
 * A line's net value as its quantity (in thousandths) × its price, less its discount rate where
 * the file gives one; null where a cell does not read or the product has too many decimals, which
 * is the row's one problem with its net value, said of the cell the row writes.
 */
function priceTimesQuantity(
  cells: readonly Cell[],
  column: number,
  qty: number,
  d: Decisions,
  read: ReadCell,
  problems: FieldProblem[],
): StoredValue {
  const price = cells[column] as Exclude<Cell, null>;
  const quantity = new Exact(qty).dividedBy(1000);
  const rate = d.discountRate;
  let amount: Exact;
  let share: Exact | null;
  try {
    share = rate ? discountShare(cells[rate.column], rate.per, d) : null;
  } catch (error) {
    if (!(error instanceof AmountError) || !rate) throw error;
    problems.push({
      field: 'net_value',
      column: rate.column,
      value: shown(cells[rate.column] ?? null),
      message: error.message,
    });
    return null;
  }
  try {
    amount = new Exact(priceText(price, d)).times(quantity).times(share === null ? 1 : new Exact(1).minus(share));
  } catch (error) {
    if (!(error instanceof AmountError)) throw error;
    problems.push({ field: 'net_value', column, value: shown(price), message: error.message });
    return null;
  }
  const before = problems.length;
  const net = read(moneyField('net_value'), column, amount.toFixed());
  const problem = problems[before];
  if (problem) {
    const less = share === null || share.isZero() ? '' : ` less ${share.times(100)} %`;
    problem.value = shown(price);
    problem.message = `quantity ${quantity} × ${shown(price)}${less} is ${amount.toFixed()}: ${problem.message}`;
  }
  return net;
}

/**
 * A line's discount rate as the share of its price it takes off (0.15), zero where blank. A rate
 * that does not read, or takes off less than nothing or more than the whole, is an error of the row.
 */
export function discountShare(cell: Cell | undefined, per: 1 | 100, d: Decisions): Exact {
  if (blank(cell)) return new Exact(0);
  const trimmed = typeof cell === 'string' ? cell.trim() : null;
  const text =
    trimmed === null ? (cell as Exclude<Cell, null>) : trimmed.endsWith('%') ? trimmed.slice(0, -1).trimEnd() : trimmed;
  const share = new Exact(writtenDecimal(text, d)).dividedBy(per);
  if (share.isNegative() || share.greaterThan(1))
    throw new AmountError(`a discount rate of ${shown(cell ?? null)} takes off ${share.times(100)} % of the price`);
  return share;
}

/** A price at the end of a unit's name, as Tally writes a rate: "50.00/Nos". */
const perUnit = /^(.*\d)\s*\/\s*[a-z][a-z.]{0,11}$/i;

/** A unit price as exact decimal text, its unit aside. */
function priceText(cell: Exclude<Cell, null>, d: Decisions): string {
  const unit = typeof cell === 'string' ? cell.trim().match(perUnit) : null;
  return writtenDecimal(unit ? (unit[1] ?? '') : cell, d);
}

const truthy = (cell: Cell | undefined) =>
  cell === true || cell === 1 || (typeof cell === 'string' && /^(y|yes|true|1|return|returned|r)$/i.test(cell.trim()));

/** The side of the party's account a Dr/Cr column's cell names, or null. */
function sideNamed(text: string): 'debit' | 'credit' | null {
  if (/^(cr|c|h|credit)$/i.test(text)) return 'credit';
  return /^(dr|d|s|debit)$/i.test(text) ? 'debit' : null;
}

/**
 * A Dr/Cr column signs the row's amounts by the side of the party's account it names: a sale and
 * a bill owed debit it, a receipt credits it. The column gives the side, so an amount the file
 * signs too (SAP's line items write a credit as -50.00 beside H) is read by its size. A receipt's
 * amount written "100.00 Cr" is money received as well (the amount's reading takes Cr as minus,
 * as a bill owed reads it). A return flag (or a negative value) makes a sale a credit note.
 */
function applySignColumns(
  kind: DatasetKind,
  mapping: Mapping,
  cells: readonly Cell[],
  values: Record<string, StoredValue>,
) {
  const column = mapping.dr_cr === undefined ? null : sideNamed(String(cells[mapping.dr_cr] ?? '').trim());
  // Elsewhere an amount's own Dr / Cr has signed it already, as a sale and a bill owed read it.
  if (column !== null || kind === 'payments')
    for (const f of datasets[kind].fields) {
      const v = values[f.name];
      if (f.type !== 'money' || typeof v !== 'number') continue;
      const cell = cells[mapping[f.name] ?? -1];
      const side = column ?? (typeof cell === 'string' ? drCrWritten(cell) : null);
      if (side === null) continue;
      const negative = kind === 'payments' ? side === 'debit' : side === 'credit';
      // A round-off may take from the total or add to it: it turns with the side, never loses its sign.
      if (f.name === 'round_off') values[f.name] = negative ? -v || 0 : v;
      else values[f.name] = negative ? -Math.abs(v) || 0 : Math.abs(v);
    }
  if (kind === 'sales' && blank(values.doc_type as Cell)) {
    const returned = mapping.return_flag !== undefined && truthy(cells[mapping.return_flag]);
    const negative = typeof values.net_value === 'number' && values.net_value < 0;
    values.doc_type = returned || negative ? 'credit_note' : 'invoice';
  } else if (kind === 'sales' && mapping.return_flag !== undefined && truthy(cells[mapping.return_flag])) {
    values.doc_type = 'credit_note';
  }
}
