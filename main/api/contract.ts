import { z } from 'zod';
import { filterModelSchema, sortModelSchema } from '../datasets/grid-query';
import { type DatasetKind, datasetKinds, type FieldDef } from '../datasets/kinds';
import type { DatasetRow } from '../datasets/read';
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
}

const maxBlock = 5000;

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
  'calls.cancel': method(z.object({ callId: z.string().min(1).max(100) })).returns<{ cancelled: boolean }>(),
} satisfies Record<MethodName, { args: z.ZodType; result: unknown }>;

export type Contract = typeof contract;
export type { MethodName };
export type Args<M extends MethodName> = z.input<Contract[M]['args']>;
export type ParsedArgs<M extends MethodName> = z.output<Contract[M]['args']>;
export type Result<M extends MethodName> = Contract[M]['result'];

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(contract, name);
}
