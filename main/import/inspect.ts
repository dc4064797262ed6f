import { basename } from 'node:path';
import type Database from 'better-sqlite3';
import { type DatasetKind, datasets, type FieldType } from '../datasets/kinds';
import { chooseSheet, dataRows, LayoutError, surveySheets } from './layout';
import { mappingByHeader, mappingFromHeaders } from './mapping';
import { openSource } from './open-source';
import { matchingProfileName, savedMappingFor } from './profiles';
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
  const fields = [
    ...datasets[args.kind].fields.map((f) => ({
      name: f.name,
      label: f.label,
      // A sale without a document type is an invoice, or a credit note by its return flag or sign.
      required: f.required === true && !(args.kind === 'sales' && f.name === 'doc_type'),
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
  let choice: ReturnType<typeof chooseSheet>;
  try {
    choice = chooseSheet(survey, args.sheet, args.kind);
  } catch (error) {
    if (error instanceof LayoutError) return { ...base, problem: error.message };
    throw error;
  }
  const header = choice.header;
  const headerRow = header ? choice.head[header.index] : undefined;
  if (!header || !headerRow) {
    return {
      ...base,
      sheet: choice.name,
      problem: `Sheet "${choice.name}" has no header row with ${args.kind} columns`,
    };
  }
  const profile = matchingProfileName(db, args.kind, header.headers);
  const mapping = args.mapping
    ? mappingFromHeaders(header.headers, args.mapping)
    : (savedMappingFor(db, args.kind, header.headers) ?? header.mapping);
  const preview: SourceRow[] = [];
  for await (const sheet of (await openSource(args.path)).sheets()) {
    if (sheet.name !== choice.name) continue;
    for await (const row of dataRows(sheet, headerRow.number, header.headers, args.kind, mapping)) {
      preview.push(row);
      if (preview.length >= 200) break;
    }
    break;
  }
  let decisions: string[];
  try {
    const d = decide(
      args.kind,
      mapping,
      preview.map((r) => r.cells),
      args.locale,
      source.date1904,
    );
    decisions = [...Object.values(d.dayOrder).map((o) => `Dates are read ${o.reason}`), d.decimalReason];
  } catch (error) {
    decisions = [(error as Error).message];
  }
  const unmappedRequired = datasets[args.kind].fields
    .filter((f) => f.required && mapping[f.name] === undefined && !(args.kind === 'sales' && f.name === 'doc_type'))
    .map((f) => f.name);
  return {
    ...base,
    sheet: choice.name,
    headerRow: headerRow.number,
    headers: header.headers,
    mapping: mappingByHeader(header.headers, mapping),
    profile: args.mapping ? null : profile,
    unmappedRequired,
    preview: preview.slice(0, PREVIEW_ROWS).map((r) => ({ row: r.number, cells: r.cells })),
    decisions,
  };
}
