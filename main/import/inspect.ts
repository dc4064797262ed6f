import { basename } from 'node:path';
import type Database from 'better-sqlite3';
import { type DatasetKind, datasets, type FieldType } from '../datasets/kinds';
import { neededFields } from './kind-rules';
import { dataRows, LayoutError, surveySheets } from './layout';
import { type LocatedTable, locateTable, openSheet } from './locate';
import { mappingByHeader } from './mapping';
import { openSource } from './open-source';
import type { Cell, SourceRow } from './readers/types';
import { decide } from './row-values';

/** What the user checks before importing: the sheet, the header found, the proposed mapping and a preview. */
export interface ImportPreview {
  file: string;
  format: string;
  encoding?: string;
  delimiter?: string;
  sheets: { name: string; qualifies: boolean }[];
  sheet: string | null;
  problem: string | null;
  headerRow: number | null;
  headers: string[];
  mapping: Record<string, string>;
  profile: string | null;
  fields: { name: string; label: string; required: boolean; type: FieldType | 'flag' }[];
  unmappedRequired: string[];
  preview: { row: number; cells: Cell[] }[];
  decisions: string[];
}

const PREVIEW_ROWS = 20;

export async function inspectFile(
  db: Database.Database,
  args: {
    path: string;
    kind: DatasetKind;
    sheet?: string;
    mapping?: Record<string, string>;
    locale: string;
    fileName?: string;
  },
): Promise<ImportPreview> {
  const source = await openSource(args.path);
  const survey = await surveySheets(source, args.kind);
  const needed = new Set(neededFields(args.kind).map((f) => f.name));
  const fields = [
    ...datasets[args.kind].fields.map((f) => ({
      name: f.name,
      label: f.label,
      required: needed.has(f.name),
      type: f.type,
    })),
    { name: 'dr_cr', label: 'Dr/Cr indicator', required: false, type: 'flag' as const },
    ...(args.kind === 'sales'
      ? [{ name: 'return_flag', label: 'Return flag', required: false, type: 'flag' as const }]
      : []),
  ];
  const base: ImportPreview = {
    file: args.fileName ?? basename(args.path),
    format: source.format,
    encoding: source.encoding,
    delimiter: source.delimiter,
    sheets: survey.map((s) => ({ name: s.name, qualifies: s.header?.recognised === true })),
    sheet: null,
    problem: null,
    headerRow: null,
    headers: [],
    mapping: {},
    profile: null,
    fields,
    unmappedRequired: [],
    preview: [],
    decisions: [],
  };
  let table: LocatedTable;
  try {
    table = locateTable(db, survey, args.kind, args);
  } catch (error) {
    if (error instanceof LayoutError) return { ...base, problem: error.message };
    throw error;
  }
  const preview: SourceRow[] = [];
  const sheet = await openSheet(source, table.sheet);
  for await (const row of dataRows(sheet, table.headerRow, table.headers, args.kind, table.mapping)) {
    preview.push(row);
    if (preview.length >= 200) break;
  }
  let decisions: string[];
  try {
    const d = decide(
      args.kind,
      table.mapping,
      preview.map((r) => r.cells),
      args.locale,
      source.date1904,
    );
    decisions = [...Object.values(d.dayOrder).map((o) => `Dates are read ${o.reason}`), d.decimalReason];
  } catch (error) {
    decisions = [(error as Error).message];
  }
  return {
    ...base,
    sheet: table.sheet,
    headerRow: table.headerRow,
    headers: table.headers,
    mapping: mappingByHeader(table.headers, table.mapping),
    profile: table.profile,
    unmappedRequired: neededFields(args.kind)
      .filter((f) => table.mapping[f.name] === undefined)
      .map((f) => f.name),
    preview: preview.slice(0, PREVIEW_ROWS).map((r) => ({ row: r.number, cells: r.cells })),
    decisions,
  };
}
