import { statSync } from 'node:fs';
import { basename } from 'node:path';
import type Database from 'better-sqlite3';
import { IntegerSum, scaledIntegerToString } from '../../engine/money';
import type { Progress } from '../api/progress';
import { mastersDigest } from '../audit/saved-masters';
import { createBatch, type StoredValue } from '../datasets/insert';
import { type DatasetKind, datasets, isMasterKind, type Master } from '../datasets/kinds';
import { DocTypeError, normalizeRow } from '../datasets/normalize';
import { sha256File } from '../files/hash';
import { counted } from '../format/numbers';
import { moneyAndDates } from '../settings/money-and-dates';
import { journalsInMemory } from '../store/open';
import { normalizeHeader } from './aliases';
import { ReceiptAllocations } from './allocations';
import { recordImport, rollBackBatchRows } from './batches';
import { BillDiscounts } from './bill-discount';
import { BillGaps } from './bill-gaps';
import { LaterBillNets } from './bill-net';
import { billNotes, partyKey, receiptBills } from './bill-numbers';
import { BillTax, LineTax } from './bill-tax';
import { TaxOfBills } from './bill-tax-once';
import { BillTotals } from './bill-totals';
import { cellIssues } from './cell-issues';
import { chargePartColumns } from './charges';
import { currencyCheck } from './currency-column';
import type { DateOrderName } from './dates';
import { cellsDigest, DigestTable, digestSecret } from './digest-table';
import { cancelledOrVoid, deadStatus, readsPartySide, type TypeMap } from './doc-types';
import { DocumentLines } from './document-lines';
import { DueDates } from './due-dates';
import { claimEarlierBills } from './earlier-bills';
import { FilledCells } from './filled-down';
import { FreeGoods } from './free-goods';
import { readShownUnits, ShownUnits, scaleDecisions } from './header-scale';
import { layoutOf, planImport } from './import-plan';
import { turnSigns } from './journal-signs';
import { kindRules, netFromGrossTotal, netFromPrice } from './kind-rules';
import { dataRows } from './layout';
import { groupColumnOf, groupOfNoCustomer } from './ledger-groups';
import { LineStore } from './line-store';
import { openSheet } from './locate';
import { discountPartColumns, fieldLabel, mappingByHeader, repeatedHeaderWarnings, taxPartKeys } from './mapping';
import { MasterChanges } from './master-changes';
import { MasterReferences } from './master-references';
import { fromAndTo } from './master-rows';
import { NumberSeries } from './number-series';
import { OneLineBills } from './one-line-bills';
import { openSource } from './open-source';
import { describeEncoding } from './readers/delimited';
import type { Cell, Source, SourceRow } from './readers/types';
import { ReceiptSpread, receiptLines } from './receipt-spread';
import { ReceiptVouchers } from './receipt-vouchers';
import { ImportRefusedError } from './refused';
import { deadRemark, remarkColumns, remarkIssues } from './remarks';
import { matchReturnedInvoices, returnedNotes } from './returned-invoices';
import { roundsOffBetweenTotals } from './rounded-totals';
import { rowIssues } from './row-issues';
import {
  addRounded,
  blank,
  convertRow,
  dayOrderDecisions,
  type FieldProblem,
  type RoundingLedger,
  shown,
} from './row-values';
import { SaleLines } from './sale-lines';
import { caseMaster, SaleQuantities } from './sale-quantities';
import { decideFromSample } from './sample-decisions';
import { splitRowIssue } from './split-rows';
import { OneDayOfMonth } from './spreadsheet-dates';
import { statusAnswer } from './status-column';
import { type PreparedRow, READ_IN_THREAD_FROM_BYTES, threadedDataRows } from './threaded-sheet';
import { TypeReadings } from './type-readings';
import { UnseenValues } from './unseen-values';
import { LedgerTally, workedAmountNotes } from './worked-amounts';

export interface ImportRequest {
  path: string;
  kind: DatasetKind;
  sheet?: string;
  /** Field → source header text; fields left out are not imported. Overrides the proposal. */
  mapping?: Record<string, string>;
  /** A saved mapping profile to use. */
  mappingName?: string;
  /** Values for fields the file has no column for, e.g. {as_of: "2026-10-31"}. */
  defaults?: Record<string, string>;
  validOnly?: boolean;
  createMissing?: boolean;
  replace?: boolean;
  /** Check everything, report what would happen, change nothing. */
  dryRun?: boolean;
  user: string;
  locale: string;
  /** The name to record, when `path` is a staged copy of the user's file. */
  fileName?: string;
  /** Field → header, on top of the proposed (or saved) mapping: the CLI's `--map FIELD=HEADER`. */
  map?: Record<string, string>;
  /** How all-digit dates are written, when the file cannot tell: dmy, mdy or ymd. */
  dateOrder?: DateOrderName;
  /** What each document type of the file is: "GST Supply" → invoice; "*" for every unknown type. */
  typeMap?: TypeMap;
  /** Round amounts with more decimals than the field holds, half-up (else they are refused). */
  round?: boolean;
  /** Leave out a row that repeats an earlier row exactly, in every column (else it is imported, with a warning). */
  skipExactRepeats?: boolean;
  /** A blank date, party or outlet takes the value above it, as a report or pivot table shows it once (else it is refused). */
  fillDown?: boolean;
  /** A sale whose outlet belongs to another distributor in the outlets master moves the outlet (else it is an error). */
  moveOutlets?: boolean;
  /** A masters file's row that says otherwise of a code the master holds updates the master (else it is an error). */
  updateMasters?: boolean;
  /** Take dates before 1990 or more than a year ahead (else they are row errors). */
  anyDates?: boolean;
}

export interface ImportIssue {
  row: number;
  column: string;
  value: string;
  message: string;
}

export interface RejectedRow {
  row: number;
  cells: Cell[];
  reasons: string[];
}

export interface ImportResult {
  batch: number | null;
  file: string;
  sheet: string;
  format: string;
  encoding?: string;
  delimiter?: string;
  headerRow: number;
  mapping: Record<string, string>;
  headers: string[];
  decisions: { field: string; decision: string }[];
  rowsRead: number;
  rows: number;
  rejected: number;
  dateRange: [string, string] | null;
  totals: Record<string, string>;
  created: { distributors: string[]; outlets: string[]; products: string[] };
  errors: ImportIssue[];
  /** More errors than `errors` lists (every one is in the rejected-rows workbook). */
  errorCount: number;
  rejectedRows: RejectedRow[];
  /** Rows that are not data to import, by why: non-sales document types, cancelled documents, totals… */
  skipped: Record<string, number>;
  /** The same, as a sentence: "skipped 18,030 non-sales vouchers: Receipt 9,112 …; 20 cancelled". */
  skippedSummary: string | null;
  /** What was imported but deserves a look (rows that repeat another exactly). */
  warnings: string[];
  /** Outlets moved to the distributor of their sales lines (by choice). */
  movedOutlets: { outlet: string; from: string; to: string }[];
  /** Codes the master held that the file's rows updated (by choice), with what changed of each. */
  updatedMasters: { code: string; changes: string[] }[];
  dryRun: boolean;
  seconds: number;
}

const MAX_LISTED_ERRORS = 10_000;
const MAX_LISTED_PER_COLUMN = 100;
const MAX_KEPT_REJECTS = 100_000;
const SAMPLE_ROWS = 500;
/** Whether a sale's round-off or other charges add to its bill: its document's, kept on its first line only. */
const addsToBill = (value: StoredValue | undefined) => typeof value === 'number' && value !== 0;
/**
 * After this many rows, each table the import keeps (a digest a row, a line count a document) is
 * made as large at once as the whole file will make it (DigestTable.reserve), foreseen from what
 * it holds and how far into the file these rows reached. At most for RESERVE_AT_MOST digests, the
 * size a million-line file ends with anyway, since a file's later rows may be shorter than its
 * first: beyond that the tables grow as rows come.
 */
const RESERVE_AT = 65_536;
const RESERVE_AT_MOST = 1_048_576;

/**
 * Imports one file as one batch. By default all or nothing: any error and nothing is stored,
 * and every error is reported. With `validOnly` the valid rows land and the rejected ones go to
 * quarantine. Runs in one transaction, so a crash or cancel part-way changes nothing.
 */
export async function runImport(
  db: Database.Database,
  request: ImportRequest,
  onProgress?: (p: Progress) => void,
): Promise<ImportResult> {
  const started = Date.now();
  const fileName = request.fileName ?? basename(request.path);
  const size = statSync(request.path).size;
  onProgress?.({ phase: `Reading ${fileName}`, done: 0, total: 0 });
  const sha256 = await sha256File(request.path);

  // One opening of the file serves the survey of its sheets and the import itself.
  let bytesRead = 0;
  const source = await openSource(request.path, (b) => {
    bytesRead = b;
  });
  try {
    return await importFrom(
      db,
      request,
      source,
      {
        started,
        fileName,
        size,
        sha256,
        bytes: () => bytesRead,
        readBytes: (b) => {
          bytesRead = b;
        },
      },
      onProgress,
    );
  } finally {
    source.close?.();
  }
}

/** The import proper, once the file is open (runImport closes it, whatever happens). */
async function importFrom(
  db: Database.Database,
  request: ImportRequest,
  source: Source,
  file: {
    started: number;
    fileName: string;
    size: number;
    sha256: string;
    bytes: () => number;
    readBytes: (bytes: number) => void;
  },
  onProgress?: (p: Progress) => void,
): Promise<ImportResult> {
  const { started, fileName, size, sha256 } = file;
  const kind = request.kind;
  const def = datasets[kind];
  const rules = kindRules[kind];
  const plan = await planImport(db, request, source, file);
  const { table, earlier, headers, mapping, defaults, notes } = plan;
  request = plan.request;
  const located = await openSheet(source, table.sheet);
  const secret = digestSecret();
  // A large xlsx or CSV is read and laid out on a thread of its own (and converted there when
  // that thread has time) while this one checks and inserts. Its first rows are still read here,
  // to decide how its values are read.
  const threaded = (source.format === 'xlsx' || source.format === 'csv') && size >= READ_IN_THREAD_FROM_BYTES;
  const skipped: Record<string, number> = {};
  const skip = (why: string) => {
    skipped[why] = (skipped[why] ?? 0) + 1;
  };
  const fillDown = request.fillDown === true;
  const inThread = dataRows(located, table.headerRow, headers, kind, mapping, threaded ? () => {} : skip, fillDown)[
    Symbol.asyncIterator
  ]();
  const buffered: SourceRow[] = [];
  try {
    for (let next = await inThread.next(); !next.done; next = await inThread.next()) {
      buffered.push(next.value);
      if (buffered.length >= SAMPLE_ROWS) break;
    }
  } catch (error) {
    // A layout found only as the rows are read (the header written again otherwise), named with its file.
    throw layoutOf(fileName, error);
  }
  const { currency } = moneyAndDates(db);
  const { decisions, netFromRate, signs } = decideFromSample(plan, buffered, {
    fileName,
    currency,
    date1904: source.date1904,
    cases: kind === 'sales' ? caseMaster(db) : null,
  });

  let sheetRows: { readonly totalRows: number | null; readonly hiddenRows?: readonly number[] } = located;
  let batches: AsyncIterator<Iterable<PreparedRow>> = oneByOne(inThread);
  if (threaded) {
    await inThread.return?.();
    buffered.length = 0;
    const worker = threadedDataRows(
      {
        path: request.path,
        sheet: table.sheet,
        secret,
        tail: await located.tail?.(),
        text: source.text,
        prepare: { kind, headerRow: table.headerRow, headers, mapping, decisions, defaults, fillDown },
      },
      { onBytes: file.readBytes, onSkip: skip },
    );
    sheetRows = worker;
    batches = worker.batches()[Symbol.asyncIterator]();
  }

  const result: ImportResult = {
    batch: null,
    file: fileName,
    sheet: table.sheet,
    format: source.format,
    encoding: source.text && describeEncoding(source.text),
    delimiter: source.delimiter,
    headerRow: table.headerRow,
    mapping: mappingByHeader(headers, mapping),
    headers,
    decisions: [
      ...dayOrderDecisions(decisions),
      { field: '(amounts)', decision: decisions.decimalReason },
      ...scaleDecisions(decisions.scaled, headers, table.titleScale),
      ...(decisions.date1904 ? [{ field: '(dates)', decision: 'The workbook uses the 1904 date system' }] : []),
      ...(decisions.moments
        ? [
            {
              field: '(dates)',
              decision: `Dates are written as moments with their time zone: each is read as the day it falls on in this computer's time zone, ${decisions.timeZone}`,
            },
          ]
        : []),
      ...notes,
    ],
    rowsRead: 0,
    rows: 0,
    rejected: 0,
    dateRange: null,
    totals: {},
    created: { distributors: [], outlets: [], products: [] },
    errors: [],
    errorCount: 0,
    rejectedRows: [],
    skipped,
    skippedSummary: null,
    warnings: repeatedHeaderWarnings(kind, headers, mapping),
    movedOutlets: [],
    updatedMasters: [],
    dryRun: request.dryRun === true,
    seconds: 0,
  };

  const columnName = (problem: FieldProblem) =>
    problem.column === null ? `(${fieldLabel(kind, problem.field)})` : (headers[problem.column] ?? '');
  // The summary lists up to MAX_LISTED_PER_COLUMN problems of each column, so one bad column never
  // hides the others; the rejected-rows workbook keeps every one.
  const listedPerColumn = new Map<string, number>();
  const reject = (row: SourceRow, issues: ImportIssue[]) => {
    result.rejected++;
    result.errorCount += issues.length;
    for (const issue of issues) {
      const listed = listedPerColumn.get(issue.column) ?? 0;
      if (listed >= MAX_LISTED_PER_COLUMN || result.errors.length >= MAX_LISTED_ERRORS) continue;
      listedPerColumn.set(issue.column, listed + 1);
      result.errors.push(issue);
    }
    if (result.rejectedRows.length < MAX_KEPT_REJECTS) {
      result.rejectedRows.push({
        row: row.number,
        cells: row.cells,
        reasons: issues.map((i) => `${i.column}: ${i.message}`),
      });
    }
  };

  // The amounts and quantities the file brings, each with its running total.
  const summed = def.fields
    .filter(
      (f) =>
        (f.type === 'money' || f.type === 'qty') &&
        (mapping[f.name] !== undefined ||
          defaults[f.name] !== undefined ||
          ((f.name === 'net_value' || (kind === 'payments' && f.name === 'amount')) &&
            (mapping.debit_amount !== undefined || mapping.credit_amount !== undefined)) ||
          (f.name === 'net_value' &&
            (netFromGrossTotal(mapping) || netFromPrice(mapping) || mapping.with_tax !== undefined)) ||
          (f.name === 'tax' &&
            (taxPartKeys(mapping).length > 0 ||
              mapping.gst_type !== undefined ||
              decisions.billTax !== undefined ||
              decisions.lineTax !== undefined)) ||
          (f.name === 'discount' && discountPartColumns(mapping).length > 0) ||
          (f.name === 'charges' && chargePartColumns(mapping).length > 0) ||
          (f.name === 'round_off' && (mapping.adjustment !== undefined || roundsOffBetweenTotals(mapping)))),
    )
    .map((field) => ({ field, sum: new IntegerSum() }));
  let minDate: string | null = null;
  let maxDate: string | null = null;
  // A file's dates each on one day of their months: perhaps a spreadsheet's reading of a CSV.
  const dayField = rules.dateFields.length === 1 ? rules.dateFields[0] : undefined;
  const oneDay = dayField === undefined ? null : new OneDayOfMonth();
  // What rounding did to the imported rows' money, field by field (when the user chose to round).
  const rounding: RoundingLedger = new Map();
  // Sales: document types the file uses and how each is read; lines numbered within their document.
  const typeColumn = kind === 'sales' ? mapping.doc_type : undefined;
  const voucherColumn = kind === 'payments' ? mapping.voucher_type : undefined;
  const allocations = kind === 'payments' && mapping.allocated !== undefined ? new ReceiptAllocations() : null;
  // Vouchers whose tax, charges or round-off came from their ledger lines, and those ledgers' names.
  // (On their own lines, and under their items.)
  const ledgersRead = { whole: new LedgerTally(), items: new LedgerTally() };
  const typeReadings = new TypeReadings(request.typeMap);
  const documents = new DocumentLines(secret);
  const billDiscounts = new BillDiscounts();
  const numberLines = kind === 'sales' && mapping.line_no === undefined && defaults.line_no === undefined;
  const exactRows = new DigestTable();
  const unseen = new UnseenValues(sheetRows, table, mapping);
  const cellReading = { kind, mapping, headers, currency, scaled: decisions.scaled };
  const shownUnits = new ShownUnits();
  // A master's status asked as a question (Active: Y/N, Blocked: Y/N), stored in words.
  const statusOf = statusAnswer(kind, headers[mapping.status ?? -1]);
  // A receipts file booked as the customer's ledger: a receipt negative, turned (decideFromSample).
  const receiptsTurned = kind === 'payments' && signs.amounts;
  // Amounts from a Debit / Credit pair say which side the party is on, as the sign of a ledger's does.
  const bySide = readsPartySide(kind, headers, mapping) || receiptsTurned;
  const vouchers = voucherColumn === undefined ? null : new ReceiptVouchers(request.typeMap, bySide, receiptsTurned);
  const saleLines =
    kind === 'sales'
      ? new SaleLines(mapping, defaults, typeReadings, signs, bySide, new NumberSeries(request.typeMap))
      : null;
  // A ledger list's group column: ledgers under groups that hold no customer are no distributors.
  const groupColumn = kind === 'distributors' ? groupColumnOf(headers, mapping) : undefined;
  const quantities = kind === 'sales' ? new SaleQuantities(db, mapping, headers, decisions, defaults) : null;
  const freeGoods = kind === 'sales' ? new FreeGoods(headers, mapping, decisions) : null;
  const masters = new MasterReferences(db, kind, mapping, headers, request, result);
  const bills = kind === 'payments' ? receiptBills(db) : null;
  const partyColumn = mapping.distributor_code;
  const filledCells = new FilledCells(kind, mapping, headers, fillDown);
  // Remarks beside the lines that may say a document was cancelled (remarks.ts).
  const remarks =
    kind === 'sales' || kind === 'payments' || kind === 'receivables' ? remarkColumns(headers, mapping) : [];

  // Inside a caller's transaction (the demo loads several files as one) this is a savepoint.
  const nested = db.inTransaction;
  const journals = journalsInMemory(db);
  db.exec(nested ? 'SAVEPOINT import_file' : 'BEGIN IMMEDIATE');
  const undo = () => db.exec(nested ? 'ROLLBACK TO import_file; RELEASE import_file' : 'ROLLBACK');
  try {
    const mastersBefore = request.dryRun ? '' : mastersDigest(db);
    if (earlier && request.replace) rollBackBatchRows(db, earlier.id, request.user);
    const batchId = createBatch(db, {
      kind,
      fileName,
      sha256,
      sizeBytes: size,
      sheet: table.sheet,
      user: request.user,
    });
    const ref = { batchId, sheet: table.sheet };
    // A masters file's rows update the codes the master holds, when asked.
    const changes = isMasterKind(kind) && request.updateMasters ? new MasterChanges(db, batchId) : null;
    const lines = new LineStore(db, kind, secret, ref, numberLines, mapping.line_no !== undefined, changes !== null);
    // Bills whose total says their lines held their tax lose it from their net values as each ends.
    const netSum = summed.find((s) => s.field.name === 'net_value')?.sum;
    const dueDates = kind === 'receivables' ? new DueDates() : null;
    const billTotals =
      kind === 'sales' && mapping.bill_total !== undefined
        ? new BillTotals(db, mapping.bill_total, decisions, (tax) => netSum?.add(-tax))
        : null;
    // Bills whose total says what tax the file does not write get it on their lines (bill-tax.ts).
    const taxSum = summed.find((s) => s.field.name === 'tax')?.sum;
    const billTax =
      kind === 'sales' && decisions.billTax !== undefined
        ? new BillTax(db, decisions.billTax, decisions, (change) => taxSum?.add(change))
        : null;
    const lineTax =
      kind === 'sales' && decisions.lineTax !== undefined ? new LineTax(decisions.lineTax, decisions) : null;
    // A bill's total read for nothing else: a bill it is off from warned of (bill-gaps.ts).
    const billGaps =
      kind === 'sales' &&
      mapping.gross_total !== undefined &&
      mapping.net_value !== undefined &&
      decisions.billTax === undefined &&
      decisions.lineTax === undefined
        ? new BillGaps(mapping.gross_total, decisions)
        : null;
    const oneLineBills =
      kind === 'sales' && decisions.oneLineBills !== undefined
        ? new OneLineBills(decisions.oneLineBills, decisions)
        : null;
    const taxOfBills =
      kind === 'sales' && decisions.taxOfBills !== undefined ? new TaxOfBills(decisions.taxOfBills) : null;
    const laterBillNets =
      kind === 'sales' && decisions.billNets !== undefined ? new LaterBillNets(decisions.billNets, decisions) : null;
    // Bills a file allocates receipts to row by row are not spread again.
    const spread = bills && !allocations ? new ReceiptSpread(db, batchId) : null;
    const tick = Date.now();
    const report = () => {
      const elapsed = (Date.now() - tick) / 1000;
      const rate = elapsed > 0 ? Math.round(result.rowsRead / elapsed) : 0;
      const total = sheetRows.totalRows ? Math.max(0, sheetRows.totalRows - table.headerRow) : 0;
      const [done, whole] = total > 0 ? [result.rowsRead, total] : [file.bytes(), size];
      const secondsLeft = done > 0 && whole > done ? Math.round(((whole - done) * elapsed) / done) : 0;
      onProgress?.({
        phase: `${request.dryRun ? 'Checking' : 'Importing'} ${fileName}`,
        done,
        total: whole,
        rows: result.rowsRead,
        rowsTotal: total > 0 ? total : undefined,
        rowsPerSecond: rate,
        secondsLeft,
      });
    };

    const docstatus = normalizeHeader(headers[mapping.status ?? -1] ?? '') === 'docstatus';
    /** Why a row's document never happened (cancelled, void, a draft), or null. */
    const deadDocument = (cells: readonly Cell[]): string | null => {
      const status = mapping.status === undefined ? null : cells[mapping.status];
      const dead =
        typeof status === 'string' || typeof status === 'number' ? deadStatus(status, docstatus, kind) : null;
      if (dead) return dead;
      // Tally writes a cancelled voucher's party as "(cancelled)".
      const party = partyColumn === undefined ? null : cells[partyColumn];
      if (typeof party === 'string' && cancelledOrVoid(party) === 'cancelled') return 'cancelled';
      return remarks.length > 0 ? deadRemark(cells, remarks) : null;
    };
    /** Why a row is not a sale to import (a receipt, a cancelled invoice), or null. */
    const notASale = (cells: readonly Cell[]): string | null => {
      const dead = deadDocument(cells);
      if (dead) return dead;
      if (typeColumn === undefined || blank(cells[typeColumn])) return saleLines?.skippedByNumber(cells) ?? null;
      const name = String(cells[typeColumn]).trim();
      const as = typeReadings.read(name);
      if (as === null) return 'unknown';
      return as === 'skip' ? `type:${name}` : null;
    };

    const currencies = currencyCheck(
      kind,
      mapping,
      headers,
      currency,
      buffered.map((r) => r.cells),
    );
    if (currencies?.warning) result.warnings.push(currencies.warning);
    const handle = (row: PreparedRow) => {
      result.rowsRead++;
      filledCells.read(row);
      readShownUnits(row, decisions.scaled);
      shownUnits.add(row);
      if (result.rowsRead === RESERVE_AT) {
        const wholeFile = size / Math.max(file.bytes(), 1);
        for (const table of [exactRows, documents.counts, lines.seen])
          table.reserve(Math.min(Math.ceil(table.size * wholeFile), RESERVE_AT_MOST));
        lines.indexes.foresee(Math.ceil(lines.count * wholeFile));
      }
      const split = source.format === 'csv' ? splitRowIssue(row, headers.length, source.delimiter) : null;
      if (split) return reject(row, [split]);
      const group = groupColumn === undefined ? null : groupOfNoCustomer(row.cells[groupColumn]);
      if (group !== null) {
        skip(`type:${group}`);
        return;
      }
      if (kind === 'sales') {
        const why = notASale(row.cells);
        if (why !== null) {
          if (why !== 'unknown') skip(why);
          return;
        }
      }
      // A draft or cancelled receipt is no money received; an unposted bill is owed by nobody.
      if (kind === 'payments' || kind === 'receivables') {
        const dead = deadDocument(row.cells);
        if (dead !== null) {
          skip(dead);
          return;
        }
      }
      const voucherType = voucherColumn === undefined ? null : row.cells[voucherColumn];
      // The type of a payment voucher kept as money given back, if it is one (see ReceiptVouchers).
      let givenBack: string | null = null;
      if (vouchers && !blank(voucherType)) {
        const name = String(voucherType).trim();
        const read = vouchers.read(name, () => {
          row.converted ??= convertRow(kind, mapping, row.cells, decisions, defaults, row.ledger, row.bill);
          return row.converted.values;
        });
        if (read === 'skip') {
          skip(`type:${name}`);
          return;
        }
        if (read === 'given back') givenBack = name;
      }
      const exact = row.digest ?? cellsDigest(secret, row.cells);
      // The earlier row this one repeats in every column, if any.
      const repeated = exactRows.setIfNew(exact, row.number);
      if (repeated !== undefined && request.skipExactRepeats) {
        skip('exact repeats');
        return;
      }
      const converted =
        row.converted ?? convertRow(kind, mapping, row.cells, decisions, defaults, row.ledger, row.bill);
      const { values: raw, problems } = converted;
      if (converted.cleared) {
        skip('cleared items');
        return;
      }
      if (saleLines) {
        if (saleLines.isTextLine(row.cells, raw, problems)) {
          skip('text lines');
          return;
        }
        saleLines.read(row.cells, raw, problems);
      }
      const issues: ImportIssue[] = problems.map((p) => ({
        row: row.number,
        column: columnName(p),
        value: p.value,
        message: p.message,
      }));
      issues.push(...cellIssues(row, cellReading));
      if (remarks.length > 0) issues.push(...remarkIssues(row.number, row.cells, remarks, headers));
      const foreign = currencies?.foreign(row.cells);
      if (foreign)
        issues.push({
          row: row.number,
          column: headers[mapping.currency ?? -1] ?? 'Currency',
          value: shown(row.cells[mapping.currency ?? -1]),
          message: `the line's amounts are in ${foreign}, not the file's ${currencies?.home ?? currency}: SchemeDesk keeps one currency, so convert the line before importing it, or leave it out`,
        });
      let values = raw;
      try {
        values = normalizeRow(kind, raw);
      } catch (error) {
        if (!(error instanceof DocTypeError)) throw error;
        issues.push({
          row: row.number,
          column: headers[mapping.doc_type ?? -1] ?? 'Document type',
          value: String(raw.doc_type),
          message: error.message,
        });
      }
      if (receiptsTurned) turnSigns(values, signs);
      if (statusOf) values.status = statusOf(values.status ?? null);
      if (numberLines) values.line_no = documents.next(values);
      // A document's round-off and other charges are its first line's alone.
      if (
        kind === 'sales' &&
        (addsToBill(values.round_off) || addsToBill(values.charges)) &&
        !documents.firstAddition(values)
      ) {
        if (addsToBill(values.round_off)) values.round_off = null;
        if (addsToBill(values.charges)) values.charges = null;
      }
      // A bill's tax written on each of its lines is its first line's alone, where the first rows showed it.
      taxOfBills?.keepOnce(values);
      if (converted.billDiscount) billDiscounts.spread(values, converted.billDiscount);
      issues.push(...rowIssues(kind, values, row, mapping, headers));
      for (const field of def.fields) {
        if (
          field.required &&
          (values[field.name] === null || values[field.name] === undefined) &&
          !problems.some((p) => p.field === field.name) &&
          // A net value worked out from a quantity that did not read is that quantity's problem.
          !(field.name === 'net_value' && netFromRate && problems.some((p) => p.field === 'qty')) &&
          // A target's period from a month that did not read is that month's problem.
          !(field.name.startsWith('period_') && problems.some((p) => p.field === 'period'))
        ) {
          issues.push({
            row: row.number,
            column: headers[mapping[field.name] ?? -1] ?? field.label,
            value: '',
            message: `${field.label} is required`,
          });
          filledCells.blankRequired(field.name, row.number);
        }
      }
      masters.resolveNames(values, row.number, issues);
      const ownBill = (party: string, bill: string) =>
        masters.hasDistributor(party) && bills?.knows(party, bill) === true;
      if (givenBack !== null && (issues.length > 0 || !vouchers?.givesBack(values, ownBill))) {
        skip(`type:${givenBack}`);
        return;
      }
      quantities?.check(values, converted, row, issues);
      masters.check(values, row.number, ref, issues);
      // A receipt naming several bills in one cell is a line for each bill it settles.
      const { lines: parts, paid } =
        bills && issues.length === 0 ? receiptLines(values, bills, spread) : { lines: [values], paid: null };
      // A bill's line is stored with the tax its bill's total holds as if it were the bill's only line.
      const billLine = billTax?.lineOf(values, row.cells) ?? null;
      const lineFit = lineTax?.read(values, row.cells) ?? null;
      const sorted = lines.sort(parts, row.number, repeated, issues);
      if (issues.length > 0) return reject(row, issues);
      if (sorted.unchanged) {
        skip('rows already in the master as written');
        return;
      }
      if (sorted.update && changes) {
        const { code, differences } = sorted.update;
        for (const d of differences) changes.change(kind as Master, code, d.field.name, d.was, d.given);
        result.updatedMasters.push({ code, changes: differences.map(fromAndTo) });
        return;
      }
      if (repeated !== undefined && result.warnings.length < MAX_LISTED_ERRORS)
        result.warnings.push(`row ${row.number} repeats row ${repeated} exactly, in every column; both were imported`);
      lines.store(sorted, row.number);
      if (billTotals && lines.firstId !== 0) billTotals.add(values, row.cells, lines.firstId, lines.lastId);
      if (billTax && billLine && lines.firstId !== 0) billTax.add(values, row.cells, billLine, lines.firstId);
      if (lineFit !== null) lineTax?.stored(lineFit);
      oneLineBills?.add(values, row.cells, row.number);
      laterBillNets?.add(values, row.cells, row.number);
      billGaps?.add(values, row.cells, row.number);
      dueDates?.add(values);
      freeGoods?.add(row.cells, converted, values);
      if (paid) spread?.took(paid.party, paid.parts, paid.spreadFrom);
      if (givenBack !== null) vouchers?.gaveBack(givenBack);
      for (const line of parts)
        for (const { field, sum } of summed) {
          const v = line[field.name];
          if (typeof v === 'number') sum.add(v);
        }
      unseen.imported(row);
      if (converted.rounded) addRounded(rounding, converted.rounded);
      if (converted.ledgers)
        (converted.ledgers.underItems ? ledgersRead.items : ledgersRead.whole).add(converted.ledgers.named);
      if (allocations && converted.paid !== undefined)
        allocations.add(
          partyKey(String(values.distributor_code), String(values.receipt_no)),
          String(values.receipt_no),
          row.number,
          converted.paid,
          values.amount as number,
        );
      for (const f of rules.dateFields) {
        const d = values[f];
        if (typeof d !== 'string') continue;
        oneDay?.add(d);
        if (minDate === null || d < minDate) minDate = d;
        if (maxDate === null || d > maxDate) maxDate = d;
      }
    };

    try {
      for (const row of buffered) handle(row);
      for (let next = await batches.next(); !next.done; next = await batches.next())
        for (const row of next.value) {
          handle(row);
          if (result.rowsRead % 2000 === 0) report();
        }
    } finally {
      // Stops the reading (and its worker) when a row could not be stored.
      await batches.return?.();
    }
    report();
    result.rows = lines.count;
    billTotals?.settle();
    const billTotalNote = billTotals?.decision(headers, mapping);
    if (billTotalNote) result.decisions.push(billTotalNote);
    billTax?.settle();
    for (const said of [
      billTax?.said(headers, mapping),
      lineTax?.said(headers, mapping),
      taxOfBills?.said(headers, mapping),
    ]) {
      if (said?.decision) result.decisions.push(said.decision);
      if (said?.warning) result.warnings.push(said.warning);
    }
    const billGap = billGaps?.warning(headers, mapping);
    if (billGap) result.warnings.push(billGap);

    const oneAmountEach = oneLineBills?.refusal(fileName, headers);
    if (oneAmountEach) throw new ImportRefusedError(oneAmountEach);
    const billAmountEach = laterBillNets?.refusal(fileName, headers);
    if (billAmountEach) throw new ImportRefusedError(billAmountEach);
    const unknownTypes = typeReadings.unknownProblem(headers[mapping.doc_type ?? -1]);
    if (unknownTypes) throw new ImportRefusedError(`${fileName}: ${unknownTypes}`);
    result.decisions.push(...typeReadings.decisions());
    const undated = dueDates?.warning();
    if (undated) result.warnings.push(undated);
    const worked = workedAmountNotes(kind, mapping, headers, ledgersRead);
    result.decisions.push(...worked.decisions);
    result.warnings.push(...worked.warnings);
    if (allocations) {
      result.decisions.push({
        field: 'amount',
        decision: allocations.decision(headers[mapping.allocated ?? -1] ?? ''),
      });
      for (const warning of allocations.overAllocated())
        if (result.warnings.length < MAX_LISTED_ERRORS) result.warnings.push(warning);
    }
    // "Payment" is money paid out in Tally and a customer's payment in QuickBooks: say which was taken.
    if (vouchers) result.decisions.push(...vouchers.decisions(skipped));
    for (const [field, entry] of rounding) {
      if (entry.rounded === 0) continue;
      const label = fieldLabel(kind, field);
      result.decisions.push({
        field,
        decision: `${label}: ${entry.rounded} values rounded half-up to the paisa, as chosen; the total as written, ${entry.written.toFixed()}, is imported as ${scaledIntegerToString(entry.imported, 2)}`,
      });
    }
    if (saleLines) result.decisions.push(...saleLines.valueLineDecisions());
    const filledNote = filledCells.decision();
    if (filledNote) result.decisions.push(filledNote);
    const fillDownOffer = filledCells.warning(result.rowsRead);
    if (fillDownOffer) result.warnings.push(fillDownOffer);
    const addedNote = lines.receiptRows?.decision();
    if (addedNote) result.decisions.push({ field: 'amount', decision: addedNote });
    const spreadNote = spread?.decision();
    if (spreadNote) result.decisions.push({ field: 'against_doc_no', decision: spreadNote });
    if (bills) billNotes(bills, result);
    // Codes and names a file wrote otherwise than the masters, each read as a master's code.
    result.decisions.push(...masters.decisions());
    result.decisions.push(...shownUnits.decisions(headers));
    const quantityNote = quantities?.decision();
    if (quantityNote) result.decisions.push(quantityNote);
    if (freeGoods) result.decisions.push(...freeGoods.decisions());
    // What Excel does not show, a reviewer of the file never saw.
    if (located.hidden)
      result.warnings.push(
        `Sheet "${table.sheet}" is hidden in the workbook: Excel shows no tab for it, so whoever checked the file may never have seen these lines${request.sheet === undefined ? ` (it was read as no sheet shown has ${kind} columns)` : ''}`,
      );
    result.warnings.push(...unseen.warnings());
    if (saleLines) {
      const signNotes = saleLines.signNotes();
      result.decisions.push(...signNotes.decisions);
      result.warnings.push(...signNotes.warnings);
    }
    result.skippedSummary = skippedSentence(
      skipped,
      kind === 'payments'
        ? 'non-receipt vouchers'
        : kind === 'distributors'
          ? 'ledgers under groups that hold no customer'
          : 'non-sales documents',
    );

    result.totals = Object.fromEntries(
      summed.map(({ field, sum }) => [field.name, scaledIntegerToString(sum.total, field.type === 'money' ? 2 : 3)]),
    );
    result.dateRange = minDate && maxDate ? [minDate, maxDate] : null;
    const oneDayWarning =
      dayField && minDate && maxDate
        ? oneDay?.warning(headers[mapping[dayField] ?? -1] ?? dayField, minDate, maxDate)
        : null;
    if (oneDayWarning) result.warnings.push(oneDayWarning);
    const returned = kind === 'sales' && result.rows > 0 ? matchReturnedInvoices(db, batchId) : null;
    if (returned) returnedNotes(returned, result);
    if (result.updatedMasters.length > 0)
      result.decisions.push({
        field: '(row)',
        decision: `${counted(result.updatedMasters.length, 'code the master held is', 'codes the master held are')} updated as the file writes ${result.updatedMasters.length === 1 ? 'it' : 'them'} now (listed): runs from now on read the new values; an approved run keeps what it paid, and rolling this import back puts the old values back`,
      });
    const landed =
      (result.rows > 0 || result.updatedMasters.length > 0) && (result.rejected === 0 || request.validOnly === true);
    const keeps = landed && !request.dryRun;
    // The indexes are built by SQLite's sorter, faster with temporary files than in memory.
    journals.restore();
    if (keeps) lines.indexes.rebuild();
    // What this batch's invoices take of earlier lines is asked by number, through the indexes: a
    // Check of a file large enough to have dropped them does not ask.
    const claimed =
      kind === 'sales' && result.rows > 0 && lines.indexes.standing() ? claimEarlierBills(db, batchId) : null;
    if (claimed) result.decisions.push({ field: 'doc_no', decision: claimed });
    if (!keeps) {
      undo();
    } else {
      recordImport(db, batchId, {
        request,
        result,
        sha256,
        replaced: earlier && request.replace ? earlier.id : null,
        earlierLines: claimed,
        mastersBefore,
      });
      db.exec(nested ? 'RELEASE import_file' : 'COMMIT');
      result.batch = batchId;
    }
  } catch (error) {
    if (db.inTransaction) undo();
    throw layoutOf(fileName, error);
  } finally {
    journals.restore();
  }
  if (result.rowsRead === 0)
    throw new ImportRefusedError(
      `${fileName}: sheet "${table.sheet}" has its header in row ${table.headerRow} and no lines under it; nothing was imported`,
    );
  result.seconds = (Date.now() - started) / 1000;
  return result;
}

/** Rows read on the import's own thread, as batches of one: as a reading thread hands its rows on. */
async function* oneByOne(rows: AsyncIterator<SourceRow>): AsyncGenerator<SourceRow[]> {
  try {
    for (let next = await rows.next(); !next.done; next = await rows.next()) yield [next.value];
  } finally {
    await rows.return?.();
  }
}

/** "skipped 18,030 non-sales vouchers: Receipt 9,112, Payment 6,004 …; 20 cancelled; 1 total row". */
function skippedSentence(skipped: Record<string, number>, others: string): string | null {
  // "1 total row", "1 non-sales document": the phrase's noun in the singular where there is one.
  const count = (n: number, phrase?: string) => {
    const shown = n.toLocaleString('en-IN');
    if (phrase === undefined) return shown;
    return `${shown} ${n === 1 ? phrase.replace(/\b(rows|lines|repeats|documents|vouchers|ledgers|items|notes)\b/, (w) => w.slice(0, -1)) : phrase}`;
  };
  const types = Object.entries(skipped)
    .filter(([why]) => why.startsWith('type:'))
    .sort((a, b) => b[1] - a[1]);
  const parts: string[] = [];
  if (types.length > 0) {
    const total = types.reduce((n, [, k]) => n + k, 0);
    parts.push(`${count(total, others)}: ${types.map(([why, n]) => `${why.slice(5)} ${count(n)}`).join(', ')}`);
  }
  for (const [why, n] of Object.entries(skipped)) if (!why.startsWith('type:')) parts.push(count(n, why));
  return parts.length > 0 ? `skipped ${parts.join('; ')}` : null;
}
