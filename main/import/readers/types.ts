import type { ConditionalRule } from './conditional-formats';
import type { TextReading } from './text';
/** A file whose structure is broken or hostile (a cell spanning a million rows): refused as damaged. */
export class DamagedFileError extends Error {}
/** An Excel binary workbook (.xlsb): a zip like an .xlsx, its parts binary records, not XML. */
export class BinaryWorkbookError extends Error {}
/** A whole file that holds nothing SchemeDesk reads (empty, another kind of XML): refused by what it is. */
export class UnreadableFileError extends Error {}

/** What a formula cell with no saved result reads as; the importer refuses it, naming the cell. */
export const formulaWithoutValue = '#NO-SAVED-VALUE';
/**
 * What a formula cell reads as in a workbook that asks to be worked out again when opened
 * (`fullCalcOnLoad`): its saved result is not what Excel shows (XlsxWriter saves 0 for every
 * formula), so the importer refuses it, naming the cell.
 */
export const formulaToRecalculate = '#RECALCULATED-ON-OPEN';

/** What every file reader gives the importer: sheets of rows of plain cell values. */
export type Cell = string | number | Date | boolean | null;

/** A voucher's item rows (Tally Prime's voucher layout), of which a row is the `index`-th. */
export interface VoucherItems {
  items: Cell[][];
  index: number;
}

export interface SourceRow {
  /** The row number the user sees in the file (1-based; for text files, the line). */
  number: number;
  /** 0-based cells; a merged range arrives already filled with its value. */
  cells: Cell[];
  /** The cells of a voucher's ledger lines written under it (Tally's detailed Day Book): see ledger-lines.ts. */
  ledger?: Cell[][];
  /** Where `ledger` is under a voucher with items, that voucher's item rows, this row among them. */
  bill?: VoucherItems;
  /**
   * The columns whose value a merged range begun on a row above gave this row: Excel shows it once,
   * on the range's first row, so an amount there is no amount of this row's own.
   */
  mergedDown?: number[];
  /**
   * The columns of a range merged from this row over rows under it that have cells of their own
   * (mergedRows): Excel shows its value once, for all those rows, so an amount there is not this
   * row's alone.
   */
  mergedOver?: number[];
  /**
   * The cells whose number format shows none of their value's digits: nothing (`;;;`), or a text
   * in its place (`"Nil";;` for a positive number); or whose text is drawn in their background's
   * colour (white on white). Whoever checked the file never saw the value read.
   */
  unshown?: Unshown[];
  /** Number cells whose format shows them otherwise than the number: with a currency beside them (`$#,##0.00`), in thousands (`#,##0,`). */
  formatted?: ShownFormat[];
  /** The columns whose blank cell took the value above it, as the import was asked (filled-down.ts). */
  filled?: number[];
  /**
   * The cells holding a value Excel draws struck through (a style's font, an HTML `<s>` or
   * `text-decoration: line-through`): the mark of a line cancelled by hand.
   */
  struck?: number[];
  /**
   * The cells a conditional format's rule draws struck through (listed in `struck` too), or may
   * (`may`: a formula Excel alone works out decides), with the rule as a message names it.
   */
  conditionallyStruck?: ConditionalStrike[];
  /**
   * The formula cells whose saved value is not what their formula gives from the row's cells
   * (saved-formulas.ts): Excel, working it out again, shows another amount than the one read.
   */
  formulaGives?: FormulaGives[];
}

/** A formula cell's saved value that its formula (as written, `=E2*F2`) does not give: it gives `gives`. */
export interface FormulaGives {
  column: number;
  formula: string;
  gives: number | string;
  /** What Excel shows for it where that is not the number: a date cell's day. */
  shows?: string;
}

/** A cell a conditional format draws struck through, or may: the rule that does. */
export interface ConditionalStrike {
  column: number;
  rule: string;
  may?: true;
}

/**
 * A cell Excel shows without its value: `shows` is the text its format shows in its place, empty
 * for nothing; `colour`, where its text is drawn in its background's colour, names that colour.
 */
export interface Unshown {
  column: number;
  shows: string;
  colour?: string;
  /** Shown so by a conditional format's rule, as a message names it (`the cell is greater than 1000`). */
  rule?: string;
  /** Where a formula of other cells decides whether the rule holds: shown so, or not. */
  may?: boolean;
}

/**
 * What a number cell's format shows beside or instead of its number: the currency it writes, and
 * the power of ten it divides it by (`#,##0,` shows 1234567 as 1,235: power 3).
 */
export interface ShownFormat {
  column: number;
  currency?: string;
  power?: number;
  /** The power the cell was read as shown by, once (readShownUnits), in place of `power`. */
  readShown?: number;
  /** The unit the format writes after the number (`0" Nos"`): a quantity's, read as one written "12 Nos". */
  unit?: string;
}

export interface SourceSheet {
  name: string;
  /** Hidden in the workbook: Excel shows no tab for it (lookups, old data). */
  hidden?: boolean;
  /** Rows in the sheet when known in advance (for progress), else null. */
  totalRows: number | null;
  rows(): AsyncIterable<SourceRow>;
  /**
   * The rows hidden in the workbook (filtered out, or hidden by hand: Excel does not show them),
   * in the order read, as far as the rows have been read; none for a file that cannot hide rows.
   */
  readonly hiddenRows?: readonly number[];
  /**
   * The columns hidden in the workbook (hidden by hand, or zero wide: Excel does not show them),
   * by index, known once the first row is read; none for a file that cannot hide columns.
   */
  readonly hiddenColumns?: readonly number[];
  /**
   * What the sheet says after its rows — its merged ranges, its conditional formats' rules —
   * where finding them costs a pass of their own (xlsx): a second reading of the file is handed
   * them instead of looking again.
   */
  tail?(): Promise<SheetTail>;
}

/** What an xlsx sheet says after its rows: its merged ranges, and the rules of its conditional formats that can hide a value. */
export interface SheetTail {
  merges: Merge[];
  rules: ConditionalRule[];
}

export type SourceFormat =
  | 'xlsx'
  | 'xls (converted by LibreOffice)'
  | 'ods (converted by LibreOffice)'
  | 'xlsb (converted by LibreOffice)'
  | 'csv'
  | 'html'
  | 'excel-2003-xml'
  | 'tally-xml'
  | 'web archive (MHTML)';

export interface Source {
  format: SourceFormat;
  /** Excel's 1904 date system (old Mac workbooks): serial day numbers count from 1904. */
  date1904: boolean;
  /** How a text file was decoded (describeEncoding says it to the user). */
  text?: TextReading;
  delimiter?: string;
  sheets(): AsyncIterable<SourceSheet>;
  /** Removes what opening the file left behind (LibreOffice's converted copy); safe to call twice. */
  close?(): void;
}

/** A rectangle of merged cells, 0-based rows relative to the sheet's row numbers (1-based). */
export interface Merge {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Fills every cell of a merged range with the value of its top-left cell, as rows stream by. */
export function mergeFiller(merges: readonly Merge[]) {
  const byRow = new Map<number, Merge[]>();
  for (const m of merges) {
    for (let r = m.top; r <= m.bottom; r++) byRow.set(r, [...(byRow.get(r) ?? []), m]);
  }
  const anchors = new Map<Merge, Cell>();
  return (row: SourceRow): SourceRow => {
    const covering = byRow.get(row.number);
    if (!covering) return row;
    const cells = [...row.cells];
    const mergedDown: number[] = [];
    for (const m of covering) {
      if (row.number === m.top) anchors.set(m, cells[m.left] ?? null);
      const value = anchors.get(m) ?? null;
      for (let c = m.left; c <= m.right; c++) {
        cells[c] = value;
        if (row.number > m.top && value !== null) mergedDown.push(c);
      }
    }
    // What else the reader said of the row (cells its formats show apart) goes with it.
    return { ...row, cells, ...(mergedDown.length > 0 ? { mergedDown } : {}) };
  };
}

/**
 * An ISO date written in a cell (Excel 2003 XML's DateTime, an xlsx `t="d"` cell) as its UTC day;
 * a day that does not exist (2026-02-30) is passed on as its text, so the importer reports it as
 * a row error instead of rolling it over to 2 March.
 */
export function isoDateCell(text: string): Cell {
  const day = new Date(`${text.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== text.slice(0, 10) ? text : day;
}

/** A number as XML Schema writes one (12, -0.5, 1.5E3), never INF or NaN. */
const xmlDecimal = /^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$/;

/**
 * A cell a workbook says holds a number (an xlsx cell of no type, Excel 2003's `Number`), as that
 * number where its text is one, else as its text, for the importer to refuse with the row and
 * column. JavaScript's Number() would read `0x10` as 16, `0b11` as 3, a space as 0 and `Infinity`
 * as a number.
 */
export const numberCell = (text: string): Cell => {
  const n = xmlDecimal.test(text) ? Number(text) : Number.NaN;
  return Number.isFinite(n) ? n : text;
};

/**
 * The columns a sheet hides, given as spans (an xlsx `<col min max>`, an Excel 2003 Column's
 * Index and Span), by index from 0. The spans are kept as given and joined only when asked: a
 * hostile sheet of a million spans of the whole grid costs a million pairs, never a million times
 * its 16,384 columns.
 */
export class ColumnSpans {
  private readonly spans: [number, number][] = [];

  add(from: number, to: number): void {
    if (from <= to) this.spans.push([from, to]);
  }

  /** Every column of the spans, in order, once. */
  indexes(): number[] {
    const out: number[] = [];
    let next = 0;
    for (const [from, to] of [...this.spans].sort((a, b) => a[0] - b[0]))
      for (let c = Math.max(from, next); c <= to; c++) {
        out.push(c);
        next = c + 1;
      }
    return out;
  }
}
