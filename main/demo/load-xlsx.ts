import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { basename } from 'node:path';
import type Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { cellContent, FieldValueError, toStored } from '../datasets/convert';
import { createBatch, finishBatch, prepareInsert, type StoredValue } from '../datasets/insert';
import { type DatasetKind, datasets } from '../datasets/kinds';
import { DocTypeError, normalizeRow } from '../datasets/normalize';

/** A row the loader cannot take, named the way a finance user finds it in the file. */
export class LoadError extends Error {
  constructor(
    readonly file: string,
    readonly sheet: string,
    readonly row: number,
    readonly column: string,
    readonly value: string,
    message: string,
  ) {
    super(`${file}, sheet "${sheet}", row ${row}, column "${column}": ${message}`);
    this.name = 'LoadError';
  }
}

export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

const normalizeLabel = (text: string) => text.trim().toLowerCase().replace(/\s+/g, ' ');
const isTotalRow = (first: unknown) => /^(grand\s+)?total$/i.test(String(cellContent(first) ?? '').trim());

/**
 * Loads a workbook whose header row uses our canonical labels (the demo's files), wherever the
 * header sits under the report's title rows. The caller owns the transaction: on any error it
 * rolls back, so a failed load leaves nothing behind.
 */
export async function loadErpWorkbook(
  db: Database.Database,
  args: { kind: DatasetKind; path: string; user: string; onRows?: (rows: number) => void },
): Promise<{ batchId: number; rows: number }> {
  const def = datasets[args.kind];
  const fileName = basename(args.path);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(args.path, {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  });
  const insert = prepareInsert(db, args.kind);
  let batchId = 0;
  let rows = 0;
  let rowsRead = 0;
  for await (const worksheet of reader) {
    const sheet = (worksheet as unknown as { name?: string }).name ?? 'Sheet1';
    let columns: Map<string, number> | null = null;
    for await (const row of worksheet) {
      const values = row.values as unknown[];
      if (!columns) {
        const labels = new Map(Array.from(values, (v, i) => [normalizeLabel(String(cellContent(v) ?? '')), i]));
        if (def.fields.filter((f) => f.required).every((f) => labels.has(normalizeLabel(f.label)))) {
          columns = new Map(def.fields.map((f) => [f.name, labels.get(normalizeLabel(f.label)) ?? -1]));
          batchId = createBatch(db, {
            kind: args.kind,
            fileName,
            sha256: await sha256File(args.path),
            sizeBytes: statSync(args.path).size,
            sheet,
            user: args.user,
          });
        }
        continue;
      }
      const first = values.find((v) => cellContent(v) !== null);
      if (first === undefined || isTotalRow(first)) {
        continue;
      }
      rowsRead++;
      const record: Record<string, StoredValue> = {};
      for (const field of def.fields) {
        const index = columns.get(field.name) ?? -1;
        try {
          record[field.name] = toStored(field, index >= 0 ? values[index] : null);
        } catch (error) {
          if (!(error instanceof FieldValueError)) throw error;
          throw new LoadError(fileName, sheet, row.number, field.label, error.value, error.message);
        }
      }
      try {
        insert(normalizeRow(args.kind, record), { batchId, sheet, row: row.number });
      } catch (error) {
        const column = error instanceof DocTypeError ? 'Document type' : '(row)';
        throw new LoadError(fileName, sheet, row.number, column, '', (error as Error).message);
      }
      rows++;
      if (rows % 2000 === 0) args.onRows?.(rows);
    }
    if (!columns) {
      const expected = def.fields.filter((f) => f.required).map((f) => f.label);
      throw new LoadError(fileName, sheet, 0, '(header)', '', `no header row with ${expected.join(', ')}`);
    }
    break;
  }
  finishBatch(db, batchId, rowsRead, rows);
  args.onRows?.(rows);
  return { batchId, rows };
}
