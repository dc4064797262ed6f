import { z } from 'zod';
import type { PayoutLine } from '../../engine/calculate';
import type { Scheme, SchemeInput } from '../../engine/model';
import type { SchemeProblem } from '../../engine/validate';
import { filterModelSchema, sortModelSchema } from '../datasets/grid-query';
import { type DatasetKind, datasetKinds, type FieldDef } from '../datasets/kinds';
import type { DatasetRow } from '../datasets/read';
import type { BatchSummary } from '../import/batches';
import type { ImportResult } from '../import/importer';
import type { ImportPreview } from '../import/inspect';
import type { MappingProfile } from '../import/profiles';
import type { PreviewLine, RunSummary } from '../runs/execute';
import type { SchemeSummary } from '../schemes/store';
import type { MethodName } from './methods';

/**
 * The one list of API methods: name → argument schema → result type. The Electron preload,
 * the loopback HTTP server and the renderer's client are all derived from this object.
 */
const method = <A extends z.ZodType>(args: A) => ({
  returns: <R>() => ({ args, result: undefined as unknown as R }),
});

export interface WorkspaceInfo {
  dbPath: string;
  dataFolder: string;
  currency: string;
  locale: string;
  user: string;
  schemaVersion: number;
  appVersion: string;
  empty: boolean;
  demoMonth: string | null;
}

export interface DatasetSummary {
  kind: DatasetKind;
  label: string;
  rows: number;
  fields: readonly FieldDef[];
}

export interface DemoResult {
  folder: string;
  month: string;
  tables: Record<DatasetKind, number>;
  /** The demo month's first run. */
  run: number;
}

/** An import's outcome as the UI and CLI see it; the rejected rows themselves are in `rejectsFile`. */
export type ImportSummary = Omit<ImportResult, 'rejectedRows'> & { rejectsFile: string | null };

export interface QuarantinedRow {
  id: number;
  batch: number;
  sheet: string | null;
  row: number;
  cells: unknown[];
  reasons: string[];
}

export interface RunListItem {
  id: number;
  from: string;
  to: string;
  status: string;
  lines: number;
  total: string;
  createdBy: string;
  createdAt: string;
  engineVersion: string;
  schemes: { code: string; version: number }[];
}

export type StoredPayoutLine = Omit<PayoutLine, 'sources' | 'effectiveRate'> & {
  id: number;
  schemeVersion: number;
  sourceTable: string;
  sourceCount: number;
};

const maxBlock = 5000;
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date written YYYY-MM-DD');
const fieldMap = z.record(z.string(), z.string());
const fileArgs = {
  path: z.string().min(1),
  kind: z.enum(datasetKinds),
  sheet: z.string().min(1).optional(),
  mapping: fieldMap.optional(),
  fileName: z.string().min(1).optional(),
};

export const contract = {
  'workspace.info': method(z.object({})).returns<WorkspaceInfo>(),
  'data.datasets': method(z.object({})).returns<DatasetSummary[]>(),
  'data.rows': method(
    z
      .object({
        kind: z.enum(datasetKinds),
        startRow: z.number().int().min(0),
        endRow: z.number().int().min(0),
        sortModel: sortModelSchema.default([]),
        filterModel: filterModelSchema.default({}),
      })
      .refine((q) => q.endRow >= q.startRow && q.endRow - q.startRow <= maxBlock, {
        message: `endRow must be at least startRow and at most ${maxBlock} rows after it`,
        path: ['endRow'],
      }),
  ).returns<{ rows: DatasetRow[]; total: number }>(),
  'demo.create': method(z.object({})).returns<DemoResult>(),
  'import.inspect': method(z.object(fileArgs)).returns<ImportPreview>(),
  'import.run': method(
    z.object({
      ...fileArgs,
      mappingName: z.string().min(1).optional(),
      defaults: fieldMap.optional(),
      validOnly: z.boolean().default(false),
      createMissing: z.boolean().default(false),
      replace: z.boolean().default(false),
      dryRun: z.boolean().default(false),
    }),
  ).returns<ImportSummary>(),
  'import.batches': method(z.object({})).returns<BatchSummary[]>(),
  'import.rollback': method(z.object({ batch: z.number().int().positive() })).returns<{
    batch: number;
    rowsRemoved: number;
  }>(),
  'import.quarantine': method(z.object({ batch: z.number().int().positive() })).returns<QuarantinedRow[]>(),
  'mappings.list': method(z.object({})).returns<MappingProfile[]>(),
  'mappings.save': method(
    z.object({
      name: z.string().trim().min(1).max(100),
      kind: z.enum(datasetKinds),
      headers: z.array(z.string()),
      mapping: fieldMap,
    }),
  ).returns<MappingProfile>(),
  'schemes.list': method(z.object({})).returns<SchemeSummary[]>(),
  'schemes.get': method(
    z.object({ code: z.string().min(1), version: z.number().int().positive().optional() }),
  ).returns<Scheme>(),
  'schemes.validate': method(z.object({ definition: z.unknown() })).returns<{ problems: SchemeProblem[] }>(),
  'schemes.save': method(z.object({ definition: z.unknown() })).returns<SchemeSummary>(),
  'schemes.retire': method(z.object({ code: z.string().min(1) })).returns<{ code: string }>(),
  'schemes.preview': method(z.object({ definition: z.unknown(), from: isoDay, to: isoDay })).returns<{
    lines: PreviewLine[];
    total: string;
  }>(),
  'runs.create': method(
    z.object({ from: isoDay, to: isoDay, schemes: z.array(z.string().min(1)).default([]) }),
  ).returns<RunSummary>(),
  'runs.list': method(z.object({})).returns<RunListItem[]>(),
  'runs.lines': method(
    z.object({
      run: z.number().int().positive(),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(maxBlock).default(500),
    }),
  ).returns<{ lines: StoredPayoutLine[]; total: number }>(),
  'calls.cancel': method(z.object({ callId: z.string().min(1).max(100) })).returns<{ cancelled: boolean }>(),
} satisfies Record<MethodName, { args: z.ZodType; result: unknown }>;

export type Contract = typeof contract;
export type { MethodName, SchemeInput };
export type Args<M extends MethodName> = z.input<Contract[M]['args']>;
export type ParsedArgs<M extends MethodName> = z.output<Contract[M]['args']>;
export type Result<M extends MethodName> = Contract[M]['result'];

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(contract, name);
}
