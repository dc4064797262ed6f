import type { DatasetKind } from '../datasets/kinds';
import { filledDown, repeatedColumns } from './filled-down';
import { headerAgainTest } from './header-again';
import { documentColumnOf, kindRules } from './kind-rules';
import {
  emptyLedgerLineTest,
  journalLineTest,
  ledgerLineTest,
  receiptEntryTest,
  subAmountLineTest,
  voucherColumns,
} from './ledger-lines';
import {
  fieldLabel,
  fieldType,
  findHeaderRow,
  type HeaderCandidate,
  headerText,
  isAgeingLabel,
  type Mapping,
  proposeMapping,
} from './mapping';
import { MEASURE_ROW_HEADERS, measureColumns } from './measure-columns';
import { mergedRows } from './merged-rows';
import { MONTH_ROW_HEADERS, monthColumns, monthOfHeader } from './month-columns';
import { type Cell, DamagedFileError, type Source, type SourceRow, type SourceSheet } from './readers/types';
import { blank } from './row-values';
import { isSectionHeader, SECTION_HEADER, SECTION_IN_FIRST } from './section-headers';
import { sectionFiller, withSections } from './sections';
import { withSubHeaders } from './sub-headers';
import { isBalanceLabel, isOnAccountLabel, isTotalRow } from './total-rows';

/** How many rows of a sheet are searched for its header row (title, company and period rows sit above it). */
export const HEADER_SEARCH_ROWS = 50;

export class LayoutError extends Error {}

/** The ledger lines a voucher of a detailed Day Book may have under it: real ones have a handful. */
export const MAX_LEDGER_LINES = 1000;

export interface SheetChoice {
  name: string;
  hidden?: boolean;
  header: HeaderCandidate | null;
  /** The first rows of the sheet as read, for the preview. */
  head: SourceRow[];
  /** The columns the workbook hides (Excel does not show them). */
  hiddenColumns: readonly number[];
}

/** Reads the first rows of every sheet and finds each one's header row for `kind`. */
export async function surveySheets(source: Source, kind: DatasetKind): Promise<SheetChoice[]> {
  const choices: SheetChoice[] = [];
  for await (const sheet of source.sheets()) {
    const head: SourceRow[] = [];
    for await (const row of sheet.rows()) {
      head.push(row);
      if (head.length >= HEADER_SEARCH_ROWS) break;
    }
    choices.push({
      name: sheet.name,
      hidden: sheet.hidden,
      header: withSections(
        kind,
        namesAsCodes(
          kind,
          preferFilledColumns(
            kind,
            withSubHeaders(
              kind,
              findHeaderRow(
                kind,
                head.map((r) => r.cells),
              ),
              head,
            ),
            head,
          ),
        ),
        head,
      ),
      head,
      hiddenColumns: sheet.hiddenColumns ?? [],
    });
  }
  return choices;
}

/** The field that holds each master's code. */
const codeFields: Partial<Record<DatasetKind, string>> = { distributors: 'code', outlets: 'code', products: 'sku' };

/**
 * A master with a name column and no code column (Tally's List of Ledgers or of Stock Items,
 * which know a ledger or an item by its name) reads each row's name as its code too, and says so:
 * Tally's registers name the party and the item, so the names are what its sales refer to.
 */
function namesAsCodes(kind: DatasetKind, header: HeaderCandidate | null): HeaderCandidate | null {
  const code = codeFields[kind];
  const name = header?.mapping.name;
  if (!header?.recognised || code === undefined || name === undefined || header.mapping[code] !== undefined)
    return header;
  const label = fieldLabel(kind, code);
  return {
    ...header,
    mapping: { ...header.mapping, [code]: name },
    notes: [
      ...(header.notes ?? []),
      {
        field: code,
        decision: `The file has no column for ${label}: each row's "${header.headers[name]}" is its ${label.toLowerCase()} as well as its name`,
      },
    ],
  };
}

/**
 * The header's mapping proposed again with the rows read under it: a required field whose
 * best-named column is blank in every one of them is read from another column that names it and holds
 * something, said in the header's notes. Busy's Sales Register has a "Dealer Code" column, mostly
 * left blank, beside the party in "Particulars": every line was refused for want of a distributor.
 */
function preferFilledColumns(
  kind: DatasetKind,
  header: HeaderCandidate | null,
  rows: readonly SourceRow[],
): HeaderCandidate | null {
  const below = rows.slice((header?.index ?? 0) + 1).map((r) => r.cells);
  if (!header?.recognised || below.length === 0) return header;
  const empty = (column: number) => below.every((cells) => blank(cells[column]));
  const mapping = proposeMapping(kind, header.headers, empty);
  const notes = Object.entries(mapping)
    .filter(([field, column]) => header.mapping[field] !== undefined && header.mapping[field] !== column)
    .map(([field, column]) => ({
      field,
      decision: `${fieldLabel(kind, field)} is read from "${header.headers[column]}": "${header.headers[header.mapping[field] as number]}" is empty in the ${below.length} rows under the header`,
    }));
  return notes.length === 0 ? header : { ...header, mapping, notes };
}

/** The sheet to import: the one named, or the only one with a header for this kind. */
export function chooseSheet(
  choices: readonly SheetChoice[],
  wanted: string | undefined,
  kind: DatasetKind,
): SheetChoice {
  if (wanted !== undefined) {
    const named = choices.find((c) => c.name === wanted);
    if (!named)
      throw new LayoutError(
        `There is no sheet "${wanted}"; the sheets are ${choices.map((c) => `"${c.name}"`).join(', ')}`,
      );
    return named;
  }
  // A sheet the workbook hides (lookups, last month's data) is chosen only when no sheet shown is.
  const recognised = choices.filter((c) => c.header?.recognised);
  const shown = recognised.filter((c) => !c.hidden);
  const qualifying = shown.length > 0 ? shown : recognised;
  if (qualifying.length === 1 && qualifying[0]) return qualifying[0];
  // One sheet naming at least twice as many fields as any other is the one (Orders beside Returns).
  const ranked = [...qualifying].sort((a, b) => (b.header?.score ?? 0) - (a.header?.score ?? 0));
  if (ranked[0] && ranked[1] && (ranked[0].header?.score ?? 0) >= 2 * (ranked[1].header?.score ?? 0)) return ranked[0];
  const withText = choices.filter((c) => c.header !== null);
  // One sheet of unrecognised columns: offered as it is, for the user to map by hand.
  if (qualifying.length === 0 && withText.length === 1 && withText[0]) return withText[0];
  if (qualifying.length === 0) {
    throw new LayoutError(
      `No sheet has a header row with the columns of ${kind} (looked at the first ${HEADER_SEARCH_ROWS} rows of each)`,
    );
  }
  throw new LayoutError(
    `Several sheets have ${kind} columns: ${qualifying.map((c) => `"${c.name}"`).join(', ')}. Choose one (--sheet NAME).`,
  );
}

/**
 * Excel's Subtotal command labels each group's line "<group> Total" (Count, Average… for the
 * other functions) in the column it grouped by.
 */
const subtotalLabel = /^\S.*\s(total|count|average)$/i;
const isSubtotalLabel = (c: Cell | undefined) => typeof c === 'string' && subtotalLabel.test(c.trim());

/** A number, as a cell or as text: "1,180.00", "(50.00)", and Tally's "1,180.00 Dr". */
export const isNumber = (c: Cell | undefined) =>
  typeof c === 'number' || (typeof c === 'string' && /^[-(]?[\d,.]+\)?(\s*(dr|cr)\.?)?$/i.test(c.trim()));

/** Why a row under the header is not data: a total, a heading, a second header line. */
export type SkippedLayoutRow =
  | 'total rows'
  | 'balance rows'
  | 'heading rows'
  | 'rows on account'
  | 'header lines'
  | 'page lines'
  | 'ledger lines'
  | 'rows merged into the one above'
  | 'lines not billed'
  | 'notes under the table';

/** A cell holding nothing but a zero (0, "0.00"). */
const isZero = (cell: Cell | undefined): boolean =>
  cell === 0 || (typeof cell === 'string' && /^\s*[-+]?(0+(\.0*)?|\.0+)\s*$/.test(cell));

/**
 * A report's page furniture, written alone on a row of its own where a register printed to a
 * sheet breaks its pages: "Page 1 of 2", "Page No. 3", "Continued…", "Contd.", "Printed on …".
 */
const pageLine =
  /^(page\s*(no\.?)?\s*:?\s*\d+(\s*(of|\/)\s*\d+)?|\(?(continued|contd\.?)\b.*|printed\s+(on|by|at)\b.*)$/i;

/** The one text a row holds, where it holds nothing else; looked at on every row, so no array is made. */
function soleText(cells: readonly Cell[]): string | null {
  let only: Cell | undefined;
  for (const c of cells) {
    if (blank(c)) continue;
    if (only !== undefined) return null;
    only = c;
  }
  return typeof only === 'string' ? only : null;
}

/** A text of two words or more, not a number: a sentence a report writes, never a code. */
const isWords = (text: string): boolean =>
  !isNumber(text) &&
  text
    .trim()
    .split(/\s+/)
    .filter((word) => /\p{L}/u.test(word)).length >= 2;

/**
 * A row of a report's footer: one text of words alone in the sheet's first column ("Accrual basis
 * Monday, 7 December 2026"), or texts of words alone, one of them in a column of numbers or dates,
 * which no line writes words in (a signature's "Authorised Signatory" under the amounts; "Prepared
 * by", "Checked by" and "Approved by" across the sheet: a master's last row of a name and a group
 * is all words too, in columns of words); or a label in the first column ("Generated By:") and one
 * value after it.
 */
function footerLine(cells: readonly Cell[], numeric: ReadonlySet<number>): boolean {
  // Where its cells are, first: nearly every row is a line, which a cell of words settles at once.
  let first = -1;
  let filled = 0;
  let placed = false;
  for (let c = 0; c < cells.length; c++) {
    if (blank(cells[c])) continue;
    if (first < 0) first = c;
    filled++;
    if (numeric.has(c)) placed = true;
  }
  const text = cells[first];
  if (typeof text !== 'string') return false;
  if (first === 0 && filled === 2 && /\p{L}.*:$/u.test(text.trim())) return true;
  if (!placed && !(filled === 1 && first === 0)) return false;
  if (filled === 1 && pageLine.test(text.trim())) return false;
  for (let c = first; c < cells.length; c++) {
    const cell = cells[c];
    if (!blank(cell) && (typeof cell !== 'string' || !isWords(cell))) return false;
  }
  return true;
}

/**
 * Rows under the table that each hold a report's footer line (footerLine), the last of the sheet:
 * QuickBooks' "Accrual basis Monday, 7 December 2026 02:33 PM", Salesforce's "Confidential
 * Information - Do Not Distribute", a DMS's "Generated By:" and its user, a printed register's
 * "For Annapurna Distributors" and "Authorised Signatory" under its amounts, which read as lines
 * were refused for their type, their missing fields or their amounts, or made the file's. Held
 * back, with the blank rows and lone texts among them, until a row of the table follows them (then
 * handed on as before), and left out, counted, where none does. Only once a row of several cells
 * has come: in a file of one column every row holds one text. `numeric`: the columns read as
 * anything but text — numbers, dates, and flags, whose Yes or No is no sentence.
 */
async function* footerLeftOut(
  rows: AsyncIterable<SourceRow>,
  headerRowNumber: number,
  numeric: ReadonlySet<number>,
  skipped: (why: SkippedLayoutRow) => void,
): AsyncIterable<SourceRow> {
  let table = false;
  // The rows since the table's last, and whether each is a footer's (else blank, or one text alone:
  // a page line, or what the rows after the table make of it, judged as any row once handed on).
  let held: { row: SourceRow; note: boolean }[] = [];
  for await (const row of rows) {
    if (table && row.number > headerRowNumber) {
      const note = footerLine(row.cells, numeric);
      if (note || row.cells.every(blank) || soleText(row.cells) !== null) {
        held.push({ row, note });
        continue;
      }
    }
    for (const h of held) yield h.row;
    held = [];
    if (!table && row.number > headerRowNumber) table = row.cells.filter((c) => !blank(c)).length > 1;
    yield row;
  }
  for (const h of held) {
    if (h.note) skipped('notes under the table');
    else yield h.row;
  }
}

/**
 * The data rows under the header: blank, total and repeated header rows dropped; group
 * heading rows (a voucher or party row) remembered, and their values filled down into the
 * item rows below them, which leave those cells blank. What is dropped is told to `skipped`:
 * - a row drawn as part of the one above, every cell of it merged down (mergedRows);
 * - a second header line right under the header (Tally's "Inwards Qty / Outwards Qty", or what
 *   the columns of a group hold, see withSubHeaders): text only, nothing in the columns that
 *   identify a row but their headers again (cells merged down both header rows);
 * - a total: its first cell says Total, or "Total <party>" with no document of its own
 *   (QuickBooks), or numbers with nothing to say what they belong to (SAP's unlabelled last line),
 *   or Excel's subtotal: "<group> Total" where a document, date or party goes and nothing else
 *   there (a product named "Colgate Total" sits in a line's own column and stays a line);
 * - a ledger report's running balance: "Opening Balance", "Closing Balance", "Current Total",
 *   "Balance b/d" where a party or document goes, and no document number of its own;
 * - in an ageing report, money on account ("On Account" where the bill or its date goes) with no
 *   date of its own: paid against no bill, it is no bill and never overdue (one with its date is
 *   kept, a credit with no due date, so the report's total is the system's);
 * - a heading: text in columns no field reads, nothing in those that do (a party's name above its lines);
 * - a voucher's ledger line (Tally's detailed Day Book): a sale's is handed on with its voucher
 *   (`ledger`), which is held back until the next row shows its ledger lines have ended;
 * - a report's footer under the table: its lines, the sheet's last (footerLeftOut).
 * Where asked (`fillDown`), a blank cell of a field a report shows once for the rows that share it
 * then takes the value above it (filled-down.ts).
 */
export function dataRows(
  sheet: SourceSheet,
  headerRowNumber: number,
  headers: readonly string[],
  kind: DatasetKind,
  mapping: Mapping,
  skipped: (why: SkippedLayoutRow) => void = () => {},
  fillDown = false,
): AsyncIterable<SourceRow> {
  const rows = laidOutRows(sheet, headerRowNumber, headers, kind, mapping, skipped);
  return fillDown ? filledDown(rows, repeatedColumns(kind, mapping)) : rows;
}

/** The data rows as the sheet lays them out (dataRows), before any blank cell is filled down. */
async function* laidOutRows(
  sheet: SourceSheet,
  headerRowNumber: number,
  headers: readonly string[],
  kind: DatasetKind,
  mapping: Mapping,
  skipped: (why: SkippedLayoutRow) => void,
): AsyncIterable<SourceRow> {
  const rules = kindRules[kind];
  const at = (field: string) => mapping[field];
  const lineColumns = rules.lineFields.map(at).filter((c): c is number => c !== undefined);
  const inheritedColumns = rules.inherited.map(at).filter((c): c is number => c !== undefined);
  const groupColumn = rules.groupKey ? at(rules.groupKey) : undefined;
  const mappedColumns = new Set(Object.values(mapping));
  // The columns that say what a row is: its document, date and party.
  const keyColumns = [...new Set([...rules.identity, ...rules.dateFields, ...rules.inherited])]
    .map(at)
    .filter((c): c is number => c !== undefined);
  const labelColumns = keyColumns.filter((c) => !lineColumns.includes(c));
  // Where a balance row's label goes: a label column, or a general ledger's account ('Opening').
  const balanceColumns = mapping.ledger === undefined ? labelColumns : [...labelColumns, mapping.ledger];
  // The column that numbers a row's document (an invoice, a receipt, a bill).
  const documentColumn = documentColumnOf(kind, mapping);
  // Money on account with no date of its own: no bill, and no row the store can keep.
  const onAccountUndated = (cells: readonly Cell[]) =>
    keyColumns.some((c) => isOnAccountLabel(cells[c])) &&
    (mapping.doc_date === undefined || blank(cells[mapping.doc_date]) || isOnAccountLabel(cells[mapping.doc_date]));
  const isSubtotal = (cells: readonly Cell[]) =>
    labelColumns.some((c) => isSubtotalLabel(cells[c])) &&
    keyColumns.every((c) => blank(cells[c]) || (labelColumns.includes(c) && isSubtotalLabel(cells[c])));
  // A page header repeated down the sheet, as the file writes it (a section column has no header,
  // or is not in the file).
  const headerCells = headers.filter((h) => h !== SECTION_IN_FIRST).map((h) => (h === SECTION_HEADER ? '' : h));
  const headerKey = headerCells.join('\u0001');
  const firstHeader = headerCells[0] ?? '';
  const section = sectionFiller(headers, mapping, kind, skipped);
  let parent: Cell[] | null = null;
  let first = true;
  // A heading row that no item row followed is not a heading but a row missing its line
  // fields: it is passed on, so validation reports it instead of it vanishing.
  let unusedHeading: SourceRow | null = null;
  const isLedgerLine = ledgerLineTest(kind, mapping);
  const isEmptyLedgerLine = isLedgerLine === null ? null : emptyLedgerLineTest(kind, mapping);
  const subAmountLine = subAmountLineTest(kind, mapping, headers, isNumber);
  // The ledger lines of a sale without items hold its tax: the voucher waits for them.
  const fold = isLedgerLine !== null && kind === 'sales' && mapping.sku === undefined;
  // A general ledger's entries of a sale, waiting for its party's; of a receipt, where the party is
  // written on each entry, its entries on other accounts beside the party's own (the bank, the TDS).
  const isJournalLine = fold ? journalLineTest(kind, mapping) : kind === 'payments' ? receiptEntryTest(mapping) : null;
  // A receipt's ledger lines with no party (its bank's) hold nothing of it: they are only left out.
  const isReceiptJournalLine = kind === 'payments' ? journalLineTest(kind, mapping) : null;
  // The row last handed on: a receipt's entries after its party's own are of its voucher.
  let handed: SourceRow | null = null;
  const { voucher: voucherNo, date: voucherDate } = voucherColumns(kind, mapping);
  // (Asked of every row of an itemised sale: a date is keyed by its moment, not its slow text.)
  const keyPart = (c: number | undefined, cells: readonly Cell[]) => {
    const cell = c === undefined ? null : cells[c];
    return cell instanceof Date ? String(cell.getTime()) : String(cell ?? '').trim();
  };
  const voucherKey = (cells: readonly Cell[]) => `${keyPart(voucherNo, cells)}\u0001${keyPart(voucherDate, cells)}`;
  // A DMS's order line not billed: an item, no document's number or date, and a zero for each
  // quantity and amount it writes. It holds nothing, and read under the bill above it, it was a
  // line of that bill.
  const billedColumns = ['qty', 'net_value', 'gross_value', 'with_tax', 'gross_total']
    .map(at)
    .filter((c): c is number => c !== undefined);
  const notBilled = (cells: readonly Cell[]): boolean =>
    kind === 'sales' &&
    mapping.sku !== undefined &&
    !blank(cells[mapping.sku]) &&
    (documentColumn === undefined || blank(cells[documentColumn])) &&
    (mapping.doc_date === undefined || blank(cells[mapping.doc_date])) &&
    billedColumns.some((c) => isZero(cells[c])) &&
    billedColumns.every((c) => blank(cells[c]) || isZero(cells[c]));
  // A general ledger's lines written before their voucher's party line, waiting for it.
  let early: SourceRow[] = [];
  /** The waiting ledger lines, when this row is of another voucher: no party line came for them. */
  const takeEarly = (cells: readonly Cell[]): SourceRow[] => {
    if (early.length === 0 || voucherKey(early[0]?.cells ?? []) === voucherKey(cells)) return [];
    const orphans = early;
    early = [];
    return orphans;
  };
  // The row last left out as a ledger line: when the next row continues a party (its party cell
  // blank), it was that party's heading after all, with an amount (its total) beside it.
  let ledgerLineBefore: Cell[] | null = null;
  const groupedByParty = rules.groupKey === 'distributor_code';
  // The ledger lines of a sale with items (Tally Prime's voucher layout) bill the voucher as a
  // whole: its item rows wait for them, each then handed on with them and its siblings.
  const itemBills = isLedgerLine !== null && kind === 'sales' && mapping.sku !== undefined && groupColumn !== undefined;
  // The rows of the voucher that waits for its ledger lines (fold: its one line; itemBills: its
  // item rows, of one key), the first holding them.
  let bill: SourceRow[] = [];
  let billKey = '';
  /** The rows of the voucher that ended, each item row given its voucher's ledger lines (where it has any) and its siblings. */
  const closeBill = (): SourceRow[] => {
    const rows = bill;
    bill = [];
    const ledger = rows[0]?.ledger;
    if (ledger && itemBills) {
      const items = rows.map((r) => r.cells);
      rows.forEach((r, index) => {
        r.ledger = ledger;
        r.bill = { items, index };
      });
    }
    return rows;
  };
  /** The rows to hand on now: this one, or, while a voucher waits for its ledger lines, those held. */
  const pass = (next: SourceRow): SourceRow[] => {
    if (!fold && !itemBills) return [next];
    const key = itemBills ? voucherKey(next.cells) : '';
    if (itemBills && bill.length > 0 && bill.length < MAX_LEDGER_LINES && key === billKey) {
      bill.push(next);
      return [];
    }
    const out = closeBill();
    bill = [next];
    billKey = key;
    return out;
  };
  const sheetRows = mergedRows(sheet.rows(), (row) => {
    if (row.number > headerRowNumber) skipped('rows merged into the one above');
  });
  const spread = spreadRows(sheetRows, headers, mapping);
  // The header written again in another arrangement, and where it writes each column of this one.
  const headerAgain = spread || headers.some(isSectionHeader) ? null : headerAgainTest(kind, headers, mapping);
  let rearranged: number[] | null = null;
  const numeric = new Set(
    Object.entries(mapping)
      .filter(([field]) => {
        const type = fieldType(kind, field);
        return type !== undefined && type !== 'text';
      })
      .map(([, column]) => column),
  );
  for await (const written of footerLeftOut(spread ?? sheetRows, headerRowNumber, numeric, skipped)) {
    if (written.number <= headerRowNumber) continue;
    if (written.cells.every(blank)) continue;
    const wasFirst = first;
    first = false;
    if (
      (firstHeader === '' ? blank(written.cells[0]) : written.cells[0] === firstHeader) &&
      written.cells.map(headerText).join('\u0001') === headerKey
    ) {
      rearranged = null;
      skipped('header lines');
      continue;
    }
    const again = wasFirst ? null : headerAgain?.(written.cells);
    if (again) {
      if ('missing' in again)
        throw new LayoutError(
          `row ${written.number} writes the header again without ${again.missing.map((h) => `"${h}"`).join(', ')}: the rows under it are laid out otherwise than those under the header on row ${headerRowNumber}, and cannot be read by it. Import each part as a file of its own`,
        );
      rearranged = again.columns.every((at, c) => at === c || headers[c] === '') ? null : again.columns;
      skipped('header lines');
      continue;
    }
    const row = rearranged ? rearrangedRow(written, rearranged) : written;
    const alone = soleText(row.cells);
    if (alone !== null && pageLine.test(alone.trim())) {
      skipped('page lines');
      continue;
    }
    const cells = section(row.cells);
    if (cells === null) continue;
    const keysBlank = keyColumns.every((c) => blank(cells[c]));
    const filled = cells.filter((c) => !blank(c));
    const onlyUnmapped = cells.every((c, i) => blank(c) || !mappedColumns.has(i));
    // A second header line: blank where a row is named, its header again (merged down both rows),
    // or what a column of a group holds, which names it with the group's ("No" of "Invoice No").
    const keysHeaded = () =>
      keysBlank ||
      keyColumns.every((c) => {
        const text = headerText(cells[c] ?? null);
        const header = headers[c] ?? '';
        return blank(cells[c]) || text === header || header.startsWith(`${text} `) || header.endsWith(` ${text}`);
      });
    if (wasFirst && !onlyUnmapped && filled.every((c) => typeof c === 'string' && !isNumber(c)) && keysHeaded()) {
      skipped('header lines');
      continue;
    }
    const firstText = filled[0];
    if (
      isTotalRow(cells) ||
      isSubtotal(cells) ||
      (keysBlank && typeof firstText === 'string' && /^total\b/i.test(firstText.trim())) ||
      (keysBlank && filled.length > 0 && filled.every(isNumber) && (groupColumn === undefined || parent !== null))
    ) {
      skipped('total rows');
      continue;
    }
    if (
      balanceColumns.some((c) => isBalanceLabel(cells[c])) &&
      (documentColumn === undefined || blank(cells[documentColumn]))
    ) {
      skipped('balance rows');
      continue;
    }
    if (kind === 'receivables' && onAccountUndated(cells)) {
      skipped('rows on account');
      continue;
    }
    if (keysBlank && filled.length > 0 && onlyUnmapped) {
      skipped('heading rows');
      continue;
    }
    // An ageing report's bills grouped under their bucket of age, its name alone on a row and
    // wherever it falls (Zoho's "Current" and "1-15 Days" where a bill's date goes).
    if (kind === 'receivables' && filled.length === 1 && typeof firstText === 'string' && isAgeingLabel(firstText)) {
      skipped('heading rows');
      continue;
    }
    const voucher = bill[0] ?? null;
    if (isReceiptJournalLine?.(cells)) {
      skipped('ledger lines');
      continue;
    }
    if (isJournalLine?.(cells)) {
      // The voucher it may be an entry of: a sale held for its ledger lines, a receipt handed on.
      const owner = fold ? voucher : handed;
      if (owner && voucherKey(owner.cells) === voucherKey(cells)) {
        skipped('ledger lines');
        if (fold) addLedgerLine(owner, cells);
      } else {
        for (const orphan of takeEarly(cells)) {
          for (const out of pass(orphan)) yield out;
        }
        if (early.length >= MAX_LEDGER_LINES)
          throw new DamagedFileError(
            `the rows up to row ${row.number} are over ${MAX_LEDGER_LINES.toLocaleString('en-IN')} ledger lines of one voucher with no party line, which no voucher has`,
          );
        early.push({ number: row.number, cells: [...cells] });
      }
      continue;
    }
    // Only a general ledger's rows ever wait: other files pass here without a call.
    if (early.length > 0)
      for (const orphan of takeEarly(cells)) {
        for (const out of pass(orphan)) yield out;
      }
    const subLine = parent === null ? null : (subAmountLine?.(cells) ?? null);
    if (subLine) {
      skipped('ledger lines');
      // A sale's tax ledgers may write their amounts so: its voucher reads them (partFromLedger).
      if (voucher) addLedgerLine(voucher, subLine);
      continue;
    }
    if (parent !== null && isEmptyLedgerLine?.(cells)) {
      skipped('ledger lines');
      continue;
    }
    if (isLedgerLine?.(cells) && parent !== null && (!fold || voucher !== null)) {
      skipped('ledger lines');
      if (voucher) addLedgerLine(voucher, cells);
      ledgerLineBefore = [...cells];
      continue;
    }
    if (ledgerLineBefore && groupedByParty && groupColumn !== undefined && blank(cells[groupColumn]))
      parent = ledgerLineBefore;
    ledgerLineBefore = null;
    if (notBilled(cells)) {
      skipped('lines not billed');
      continue;
    }
    const continues =
      groupColumn !== undefined &&
      parent !== null &&
      blank(cells[groupColumn]) &&
      (lineColumns.length === 0 || lineColumns.some((c) => !blank(cells[c])));
    if (!continues && unusedHeading) {
      for (const out of pass(unusedHeading)) yield out;
      unusedHeading = null;
    }
    if (
      groupColumn !== undefined &&
      lineColumns.length > 0 &&
      !blank(cells[groupColumn]) &&
      lineColumns.every((c) => blank(cells[c]))
    ) {
      parent = [...cells];
      unusedHeading = { number: row.number, cells };
      continue;
    }
    if (continues && parent) {
      unusedHeading = null;
      const inherited = [...cells];
      for (const c of inheritedColumns) if (blank(inherited[c])) inherited[c] = parent[c] ?? null;
      for (const out of pass({ ...row, cells: inherited })) yield out;
      continue;
    }
    if (groupColumn !== undefined) parent = [...cells];
    const next = cells === row.cells ? row : { ...row, cells };
    // The ledger lines written before it, of its own voucher.
    if (early.length > 0) {
      for (const line of early) {
        skipped('ledger lines');
        addLedgerLine(next, line.cells);
      }
      early = [];
    }
    handed = next;
    for (const out of pass(next)) yield out;
  }
  if (unusedHeading) for (const out of pass(unusedHeading)) yield out;
  for (const out of closeBill()) yield out;
  // Ledger lines no party line came for: handed on, for validation to name (a voucher without its party).
  for (const orphan of early) yield orphan;
}

/** A voucher's ledger line, kept with it (a real voucher has a handful). */
function addLedgerLine(voucher: SourceRow, cells: readonly Cell[]): void {
  voucher.ledger ??= [];
  if (voucher.ledger.length >= MAX_LEDGER_LINES)
    throw new DamagedFileError(
      `the voucher on row ${voucher.number} has over ${MAX_LEDGER_LINES.toLocaleString('en-IN')} ledger lines under it, which no voucher has`,
    );
  voucher.ledger.push([...cells]);
}

/**
 * A row under the header written again in another arrangement, its cells where the first header
 * has their columns (`columns[c]`: where the row holds column c, -1 where nowhere), and what the
 * reader said of them with them.
 */
function rearrangedRow(row: SourceRow, columns: readonly number[]): SourceRow {
  const cells = columns.map((at) => (at < 0 ? null : (row.cells[at] ?? null)));
  const places = (at: number) => columns.flatMap((from, c) => (from === at ? [c] : []));
  return { ...row, cells, ...saidOfCells(row, places) };
}

/**
 * What the reader said of a row's cells (merged from above, shown without their value, in thousands or a
 * currency, struck through), for a row whose cells moved: each column at the `places` it went to.
 */
function saidOfCells(row: SourceRow, places: (column: number) => number[]): Partial<SourceRow> {
  const said: Partial<SourceRow> = {};
  for (const key of COLUMNS_SAID) {
    const columns = row[key]?.flatMap(places) ?? [];
    if (columns.length > 0) said[key] = columns;
  }
  const moved = <T extends { column: number }>(list: T[] | undefined) =>
    (list ?? []).flatMap((cell) => places(cell.column).map((column) => ({ ...cell, column })));
  const unshown = moved(row.unshown);
  const formatted = moved(row.formatted);
  const conditionallyStruck = moved(row.conditionallyStruck);
  const formulaGives = moved(row.formulaGives);
  if (formulaGives.length > 0) said.formulaGives = formulaGives;
  if (unshown.length > 0) said.unshown = unshown;
  if (formatted.length > 0) said.formatted = formatted;
  if (conditionallyStruck.length > 0) said.conditionallyStruck = conditionallyStruck;
  return said;
}

/** What a reader says of a row as a list of the columns it names (a merge's, a strike's). */
const COLUMNS_SAID = ['mergedDown', 'mergedOver', 'struck'] as const;

/**
 * The rows of a month-column sheet, or of a sheet with a target column per measure, as the import
 * reads them: a row with targets becomes one row per such column it fills (its own cells, then
 * what the column's header says — the month's days, or the measure's name — and the target),
 * under its own row number; any other row (a title, a heading, a blank, a total) stays as it is.
 * Null when the mapping has no such columns added (withMonthRows, withMeasureRows).
 */
function spreadRows(
  rows: AsyncIterable<SourceRow>,
  headers: readonly string[],
  mapping: Mapping,
): AsyncIterable<SourceRow> | null {
  const monthly = mapping.period_from !== undefined && headers[mapping.period_from] === MONTH_ROW_HEADERS[0];
  const perMeasure = mapping.measure !== undefined && headers[mapping.measure] === MEASURE_ROW_HEADERS[0];
  const width = monthly ? mapping.period_from : perMeasure ? mapping.measure : undefined;
  const added = monthly ? MONTH_ROW_HEADERS : MEASURE_ROW_HEADERS;
  const spread = monthly
    ? monthColumns(mapping).map((column) => {
        const month = monthOfHeader(headers[column] ?? '');
        return { column, said: [month?.from ?? '', month?.to ?? ''] };
      })
    : measureColumns(mapping).map((column) => ({ column, said: [headers[column] ?? ''] }));
  if (width === undefined || spread.length === 0) return null;
  return (async function* () {
    for await (const row of rows) {
      const own = row.cells.slice(0, width);
      const padded = [...own, ...Array(width - own.length).fill(null)];
      // The header printed again down the sheet: as the header reads, columns added, to be left out.
      if (spread.every((m) => headerText(row.cells[m.column] ?? null) === headers[m.column])) {
        yield { number: row.number, cells: [...padded, ...added] };
        continue;
      }
      const filled = spread.filter((m) => !blank(row.cells[m.column]));
      if (filled.length === 0 || isTotalRow(row.cells)) {
        yield row;
        continue;
      }
      for (const m of filled)
        yield {
          number: row.number,
          cells: [...padded, ...m.said, row.cells[m.column] ?? null],
          // The cells before the width where they were, and the one spread again where the row holds it.
          ...saidOfCells(row, (c) => [...(c < width ? [c] : []), ...(c === m.column ? [width + m.said.length] : [])]),
        };
    }
  })();
}
