import { statSync } from 'node:fs';
import { basename } from 'node:path';
import type Database from 'better-sqlite3';
import { scaledIntegerToString } from '../../engine/money';
import type { Progress } from '../api/progress';
import { appendAudit } from '../audit/log';
import { createBatch, prepareInsert, type StoredValue } from '../datasets/insert';
import { type DatasetKind, datasets } from '../datasets/kinds';
import { DocTypeError, normalizeRow } from '../datasets/normalize';
import { sha256File } from '../files/hash';
import { importedBatchWithHash, rollBackBatchRows } from './batches';
import { kindRules, neededFields } from './kind-rules';
import { dataRows, surveySheets } from './layout';
import { locateTable, openSheet } from './locate';
import { mappingByHeader } from './mapping';
import { openSource } from './open-source';
import type { Cell, SourceRow } from './readers/types';
import { convertRow, type Decisions, decide, type FieldProblem } from './row-values';

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
  dryRun: boolean;
  seconds: number;
}

export class ImportRefusedError extends Error {
  constructor(
    message: string,
    readonly code: 'validation' | 'conflict' = 'validation',
  ) {
    super(message);
    this.name = 'ImportRefusedError';
  }
}

const MAX_LISTED_ERRORS = 10_000;
const MAX_KEPT_REJECTS = 100_000;
const SAMPLE_ROWS = 500;

function masterCodes(db: Database.Database, table: 'distributors' | 'outlets' | 'products'): Set<string> {
  const column = table === 'products' ? 'sku' : 'code';
  return new Set((db.prepare(`SELECT ${column} AS c FROM ${table}`).all() as { c: string }[]).map((r) => r.c));
}

/** Whether a row with this identity is already stored by another import. */
function existingRowCheck(db: Database.Database, kind: DatasetKind) {
  const identity = kindRules[kind].identity;
  const where = identity.map((f) => `"${f}" IS ?`).join(' AND ');
  const statement = db.prepare(`SELECT batch_id AS batch FROM ${kind} WHERE ${where} LIMIT 1`);
  return (values: Record<string, StoredValue>) =>
    statement.get(...identity.map((f) => values[f] ?? null)) as { batch: number } | undefined;
}

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
  const kind = request.kind;
  const def = datasets[kind];
  const rules = kindRules[kind];
  const fileName = request.fileName ?? basename(request.path);
  const size = statSync(request.path).size;
  onProgress?.({ phase: `Reading ${fileName}`, done: 0, total: 0 });
  const sha256 = await sha256File(request.path);

  const earlier = importedBatchWithHash(db, sha256);
  if (earlier && !request.replace) {
    throw new ImportRefusedError(
      `${fileName} was already imported as batch ${earlier.id} (${earlier.fileName}, ${earlier.importedAt.slice(0, 10)} by ${earlier.importedBy}). Choose Replace (--replace) to replace that batch.`,
      'conflict',
    );
  }

  // One opening of the file serves the survey of its sheets and the import itself.
  let bytesRead = 0;
  const source = await openSource(request.path, (b) => {
    bytesRead = b;
  });
  const table = locateTable(db, await surveySheets(source, kind), kind, request);
  const { headers, mapping } = table;
  const defaults: Record<string, Cell> = { ...request.defaults };
  const unmapped = neededFields(kind).filter((f) => mapping[f.name] === undefined && defaults[f.name] === undefined);
  if (unmapped.length > 0) {
    throw new ImportRefusedError(
      `${fileName}, sheet "${table.sheet}": no column for ${unmapped.map((f) => f.label).join(', ')} (header row ${table.headerRow} has ${headers.filter(Boolean).join(', ')}). Map a column or give a value.`,
    );
  }
  const sheet = await openSheet(source, table.sheet);

  const rows = dataRows(sheet, table.headerRow, headers, kind, mapping)[Symbol.asyncIterator]();
  const buffered: SourceRow[] = [];
  for (let next = await rows.next(); !next.done; next = await rows.next()) {
    buffered.push(next.value);
    if (buffered.length >= SAMPLE_ROWS) break;
  }
  let decisions: Decisions;
  try {
    decisions = decide(
      kind,
      mapping,
      buffered.map((r) => r.cells),
      request.locale,
      source.date1904,
    );
  } catch (error) {
    throw new ImportRefusedError(`${fileName}: ${(error as Error).message}`);
  }

  const result: ImportResult = {
    batch: null,
    file: fileName,
    sheet: table.sheet,
    format: source.format,
    encoding: source.encoding,
    delimiter: source.delimiter,
    headerRow: table.headerRow,
    mapping: mappingByHeader(headers, mapping),
    headers,
    decisions: [
      ...Object.entries(decisions.dayOrder).map(([field, d]) => ({ field, decision: `Dates are read ${d.reason}` })),
      { field: '(amounts)', decision: decisions.decimalReason },
      ...(decisions.date1904 ? [{ field: '(dates)', decision: 'The workbook uses the 1904 date system' }] : []),
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
    dryRun: request.dryRun === true,
    seconds: 0,
  };

  const columnName = (problem: FieldProblem) =>
    problem.column === null
      ? `(${def.fields.find((f) => f.name === problem.field)?.label ?? problem.field})`
      : (headers[problem.column] ?? '');
  const reject = (row: SourceRow, issues: ImportIssue[]) => {
    result.rejected++;
    result.errorCount += issues.length;
    for (const issue of issues) if (result.errors.length < MAX_LISTED_ERRORS) result.errors.push(issue);
    if (result.rejectedRows.length < MAX_KEPT_REJECTS) {
      result.rejectedRows.push({
        row: row.number,
        cells: row.cells,
        reasons: issues.map((i) => `${i.column}: ${i.message}`),
      });
    }
  };

  const codes = {
    distributors: masterCodes(db, 'distributors'),
    outlets: masterCodes(db, 'outlets'),
    products: masterCodes(db, 'products'),
  };
  const sums = new Map<string, bigint>();
  const summed = def.fields.filter(
    (f) =>
      (f.type === 'money' || f.type === 'qty') && (mapping[f.name] !== undefined || defaults[f.name] !== undefined),
  );
  let minDate: string | null = null;
  let maxDate: string | null = null;
  const seen = new Map<string, number>();

  // Inside a caller's transaction (the demo loads several files as one) this is a savepoint.
  const nested = db.inTransaction;
  db.exec(nested ? 'SAVEPOINT import_file' : 'BEGIN IMMEDIATE');
  const undo = () => db.exec(nested ? 'ROLLBACK TO import_file; RELEASE import_file' : 'ROLLBACK');
  try {
    if (earlier && request.replace) rollBackBatchRows(db, earlier.id, request.user);
    const batchId = createBatch(db, {
      kind,
      fileName,
      sha256,
      sizeBytes: size,
      sheet: table.sheet,
      user: request.user,
    });
    const insert = prepareInsert(db, kind);
    const insertMaster = {
      distributors: prepareInsert(db, 'distributors'),
      outlets: prepareInsert(db, 'outlets'),
      products: prepareInsert(db, 'products'),
    };
    const stored = existingRowCheck(db, kind);
    const ref = { batchId, sheet: table.sheet, row: 0 };
    const tick = Date.now();
    const report = () => {
      const elapsed = (Date.now() - tick) / 1000;
      const rate = elapsed > 0 ? Math.round(result.rowsRead / elapsed) : 0;
      const total = sheet.totalRows ? Math.max(0, sheet.totalRows - table.headerRow) : 0;
      const [done, whole] = total > 0 ? [result.rowsRead, total] : [bytesRead, size];
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

    const handle = (row: SourceRow) => {
      result.rowsRead++;
      const { values: raw, problems } = convertRow(kind, mapping, row.cells, decisions, defaults);
      const issues: ImportIssue[] = problems.map((p) => ({
        row: row.number,
        column: columnName(p),
        value: p.value,
        message: p.message,
      }));
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
      for (const field of def.fields) {
        if (
          field.required &&
          (values[field.name] === null || values[field.name] === undefined) &&
          !problems.some((p) => p.field === field.name)
        ) {
          issues.push({
            row: row.number,
            column: headers[mapping[field.name] ?? -1] ?? field.label,
            value: '',
            message: `${field.label} is required`,
          });
        }
      }
      for (const reference of rules.references) {
        const code = values[reference.field];
        if (typeof code !== 'string' || codes[reference.master].has(code)) continue;
        if (!request.createMissing || issues.length > 0) {
          issues.push({
            row: row.number,
            column: headers[mapping[reference.field] ?? -1] ?? reference.field,
            value: code,
            message: `unknown ${reference.master.slice(0, -1)} "${code}"`,
          });
          continue;
        }
        const master: Record<string, StoredValue> =
          reference.master === 'products'
            ? { sku: code, name: code }
            : { code, name: code, distributor_code: values.distributor_code ?? null };
        insertMaster[reference.master](master, { ...ref, row: row.number });
        codes[reference.master].add(code);
        result.created[reference.master].push(code);
      }
      if (issues.length === 0) {
        const key = rules.identity.map((f) => String(values[f] ?? '')).join('\u0001');
        const first = seen.get(key);
        const earlierRow = first === undefined ? stored(values) : undefined;
        if (first !== undefined || earlierRow) {
          const what = rules.identity
            .map((f) => values[f])
            .filter((v) => v !== null && v !== undefined)
            .join(' / ');
          issues.push({
            row: row.number,
            column: '(row)',
            value: what,
            message:
              first !== undefined
                ? `duplicate of row ${first} of this file`
                : `already imported in batch ${earlierRow?.batch}`,
          });
        } else {
          seen.set(key, row.number);
        }
      }
      if (issues.length > 0) return reject(row, issues);
      insert(values, { ...ref, row: row.number });
      result.rows++;
      for (const f of summed) {
        const v = values[f.name];
        if (typeof v === 'number') sums.set(f.name, (sums.get(f.name) ?? 0n) + BigInt(v));
      }
      for (const f of rules.dateFields) {
        const d = values[f];
        if (typeof d !== 'string') continue;
        if (minDate === null || d < minDate) minDate = d;
        if (maxDate === null || d > maxDate) maxDate = d;
      }
    };

    for (const row of buffered) handle(row);
    for (let next = await rows.next(); !next.done; next = await rows.next()) {
      handle(next.value);
      if (result.rowsRead % 2000 === 0) report();
    }
    report();

    result.totals = Object.fromEntries(
      summed.map((f) => [f.name, scaledIntegerToString(sums.get(f.name) ?? 0n, f.type === 'money' ? 2 : 3)]),
    );
    result.dateRange = minDate && maxDate ? [minDate, maxDate] : null;
    const landed = result.rows > 0 && (result.rejected === 0 || request.validOnly === true);
    if (request.dryRun || !landed) {
      undo();
    } else {
      db.prepare(
        `UPDATE import_batches SET rows_read = ?, rows_imported = ?, rows_rejected = ?, format = ?, mapping = ?, options = ?,
           totals = ?, date_from = ?, date_to = ?, decisions = ? WHERE id = ?`,
      ).run(
        result.rowsRead,
        result.rows,
        result.rejected,
        result.format,
        JSON.stringify(result.mapping),
        JSON.stringify({
          validOnly: !!request.validOnly,
          createMissing: !!request.createMissing,
          replace: !!request.replace,
          defaults: request.defaults ?? {},
        }),
        JSON.stringify(result.totals),
        result.dateRange?.[0] ?? null,
        result.dateRange?.[1] ?? null,
        JSON.stringify(result.decisions),
        batchId,
      );
      const quarantine = db.prepare(
        'INSERT INTO quarantine (batch_id, kind, source_sheet, source_row, cells, reasons) VALUES (?, ?, ?, ?, ?, ?)',
      );
      for (const r of result.rejectedRows) {
        quarantine.run(batchId, kind, table.sheet, r.row, JSON.stringify(r.cells), JSON.stringify(r.reasons));
      }
      appendAudit(db, {
        user: request.user,
        action: 'import.run',
        subject: `batch ${batchId}: ${kind} from ${fileName}`,
        after: {
          file: fileName,
          sha256,
          sheet: table.sheet,
          rows: result.rows,
          rejected: result.rejected,
          totals: result.totals,
          replaced: earlier && request.replace ? earlier.id : null,
        },
      });
      db.exec(nested ? 'RELEASE import_file' : 'COMMIT');
      result.batch = batchId;
    }
  } catch (error) {
    if (db.inTransaction) undo();
    throw error;
  }
  result.seconds = (Date.now() - started) / 1000;
  return result;
}
