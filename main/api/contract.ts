import { z } from 'zod';
import type { Scheme, SchemeInput } from '../../engine/model';
import type { SchemeProblem } from '../../engine/validate';
import type { AuditEntry } from '../audit/log';
import type { WorkspaceVerdict } from '../audit/verify';
import type { ClaimReconciliation } from '../controls/claims';
import type { RunFlag } from '../controls/flags';
import type { ControlSettings } from '../controls/settings';
import { filterModelSchema, sortModelSchema } from '../datasets/grid-query';
import { type DatasetKind, datasetKinds, type FieldDef } from '../datasets/kinds';
import type { DatasetRow } from '../datasets/read';
import type { ExportResult } from '../exports/export';
import type { Preview } from '../exports/format';
import { type ExportFormatId, exportFormatIds } from '../exports/formats';
import type { ExportRecord } from '../exports/history';
import { type ExportProfile, exportProfileSchema, type SavedProfile } from '../exports/profiles';
import type { BatchSummary } from '../import/batches';
import { typeClasses } from '../import/doc-types';
import type { ImportResult } from '../import/importer';
import type { ImportPreview } from '../import/inspect';
import type { MappingProfile } from '../import/profiles';
import type { SchemeInsights } from '../insights/scheme';
import type { WorkflowOutcome } from '../review/actions';
import { groupingNames } from '../review/groupings';
import type { ReviewGroup, ReviewLine, ReviewTotals } from '../review/lines';
import type { OverrideOutcome } from '../review/overrides';
import type { ApprovalSummary } from '../review/summary';
import type { LineTrace, SourceRow } from '../review/trace';
import { type RunAction, type RunStatus, roles } from '../review/workflow';
import type { PreviewLine, RunSummary } from '../runs/execute';
import type { WhatIf } from '../runs/whatif';
import type { SchemeChoices } from '../schemes/choices';
import type { SchemeSummary } from '../schemes/store';
import type { MoneyAndDates } from '../settings/money-and-dates';
import type { UserProfile } from '../users/profiles';
import type { MethodName } from './methods';

/**
 * The one list of API methods: name → argument schema → result type. The Electron preload,
 * the loopback HTTP server and the renderer's client are all derived from this object.
 */
/** A scheme, and how close to its next slab counts as a near miss (%, default 10). */
const insightsArgs = z.object({
  code: z.string().min(1),
  nearMissPct: z
    .string()
    .regex(/^\d+(\.\d+)?$/)
    .optional(),
});

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
  status: RunStatus;
  lines: number;
  payees: number;
  total: string;
  createdBy: string;
  createdAt: string;
  submittedBy: string | null;
  submittedAt: string | null;
  approvedBy: string | null;
  approvedAt: string | null;
  /** Why an approver rejected it, while it is rejected. */
  comment: string | null;
  reversesRun: number | null;
  reversedByRun: number | null;
  /** The workflow steps the run's status allows, and those the signed-in user may take now. */
  actions: RunAction[];
  permitted: RunAction[];
  engineVersion: string;
  /** Each scheme's version, and what its slabs are on: the measure, or achievement against target (%). */
  schemes: { code: string; version: number; slabBasis: 'measure' | 'achievement' }[];
  /** What the reviewer must know about a scheme as a whole, from the calculation. */
  notices: string[];
}

/** Who is signed in, and who could sign in (for the sign-in screen). */
export interface SessionInfo {
  user: UserProfile | null;
  users: UserProfile[];
}

const maxBlock = 5000;
/** 4 to 8 digits, or a passphrase of up to 128 characters (users/profiles.ts says the same). */
const pinSchema = z.string().min(4, 'at least 4 characters').max(128, 'at most 128 characters');
const runId = z.number().int().positive();
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date written YYYY-MM-DD');
const fieldMap = z.record(z.string(), z.string());
const fileArgs = {
  path: z.string().min(1),
  kind: z.enum(datasetKinds),
  sheet: z.string().min(1).optional(),
  mapping: fieldMap.optional(),
  fileName: z.string().min(1).optional(),
  dateOrder: z.enum(['dmy', 'mdy', 'ymd']).optional(),
  typeMap: z.record(z.string(), z.enum(typeClasses)).optional(),
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
      map: fieldMap.optional(),
      defaults: fieldMap.optional(),
      round: z.boolean().default(false),
      skipExactRepeats: z.boolean().default(false),
      fillDown: z.boolean().default(false),
      moveOutlets: z.boolean().default(false),
      updateMasters: z.boolean().default(false),
      anyDates: z.boolean().default(false),
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
    /** Master values the batch had changed (outlets moved, codes updated), put back. */
    mastersRestored: number;
  }>(),
  'import.quarantine': method(z.object({ batch: z.number().int().positive() })).returns<QuarantinedRow[]>(),
  'import.quarantineWorkbook': method(z.object({ batch: z.number().int().positive() })).returns<{ path: string }>(),
  'mappings.list': method(z.object({})).returns<MappingProfile[]>(),
  'mappings.save': method(
    z.object({
      name: z.string().trim().min(1).max(100),
      kind: z.enum(datasetKinds),
      headers: z.array(z.string()),
      mapping: fieldMap,
      choices: z
        .object({
          dateOrder: z.enum(['dmy', 'mdy', 'ymd']).optional(),
          typeMap: z.record(z.string(), z.enum(typeClasses)).optional(),
          round: z.boolean().optional(),
        })
        .optional(),
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
  'schemes.choices': method(z.object({})).returns<SchemeChoices>(),
  'schemes.insights': method(insightsArgs).returns<SchemeInsights>(),
  'schemes.nearMissWorkbook': method(insightsArgs).returns<{ path: string }>(),
  'schemes.whatif': method(
    z.object({ definition: z.unknown(), vs: z.unknown().optional(), from: isoDay, to: isoDay }),
  ).returns<WhatIf>(),
  'runs.create': method(
    z.object({ from: isoDay, to: isoDay, schemes: z.array(z.string().min(1)).default([]) }),
  ).returns<RunSummary>(),
  'runs.list': method(z.object({})).returns<RunListItem[]>(),
  'runs.get': method(z.object({ run: runId })).returns<RunListItem>(),
  'runs.recalculate': method(z.object({ run: runId })).returns<RunSummary & { staleOverrides: number }>(),
  'runs.submit': method(z.object({ run: runId })).returns<WorkflowOutcome>(),
  'runs.approve': method(z.object({ run: runId, comment: z.string().max(1000).optional() })).returns<WorkflowOutcome>(),
  'runs.summary': method(z.object({ run: runId })).returns<ApprovalSummary>(),
  'runs.reject': method(
    z.object({ run: runId, comment: z.string().trim().min(1, 'say what the preparer should fix') }),
  ).returns<WorkflowOutcome>(),
  'runs.reverse': method(z.object({ run: runId })).returns<WorkflowOutcome>(),
  'runs.withdraw': method(
    z.object({ run: runId, reason: z.string().trim().min(1, 'say why the run is taken back') }),
  ).returns<WorkflowOutcome>(),
  'review.lines': method(
    z
      .object({
        run: runId,
        startRow: z.number().int().min(0),
        endRow: z.number().int().min(0),
        sortModel: sortModelSchema.default([]),
        filterModel: filterModelSchema.default({}),
        quickFilter: z.string().max(200).optional(),
        withTotals: z.boolean().default(true),
      })
      .refine((q) => q.endRow >= q.startRow && q.endRow - q.startRow <= maxBlock, {
        message: `endRow must be at least startRow and at most ${maxBlock} rows after it`,
        path: ['endRow'],
      }),
  ).returns<{ rows: ReviewLine[]; totals: ReviewTotals | null }>(),
  'review.groups': method(
    z.object({
      run: runId,
      by: z.enum(groupingNames),
      filterModel: filterModelSchema.default({}),
      quickFilter: z.string().max(200).optional(),
    }),
  ).returns<ReviewGroup[]>(),
  'review.trace': method(z.object({ line: z.number().int().positive() })).returns<LineTrace>(),
  'review.sources': method(
    z.object({
      line: z.number().int().positive(),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(maxBlock).default(500),
    }),
  ).returns<{ rows: SourceRow[]; total: number }>(),
  'review.override': method(
    z.object({
      run: runId,
      lines: z.array(z.number().int().positive()).min(1, 'choose at least one line').max(200_000),
      change: z.discriminatedUnion('mode', [
        z.object({ mode: z.literal('set'), amount: z.string().trim().min(1, 'an amount') }),
        z.object({ mode: z.literal('zero') }),
        z.object({ mode: z.literal('scale'), percent: z.string().trim().min(1, 'a percentage') }),
        z.object({ mode: z.literal('clear') }),
      ]),
      reason: z.string().trim().min(1, 'an override needs a reason').max(500),
    }),
  ).returns<OverrideOutcome>(),
  'review.overrideEach': method(
    z.object({
      run: runId,
      items: z
        .array(
          z.object({
            line: z.number().int().positive(),
            amount: z.string().trim().min(1, 'an amount'),
            reason: z.string().trim().min(1, 'an override needs a reason').max(500),
          }),
        )
        .min(1, 'paste at least one amount')
        .max(200_000),
    }),
  ).returns<OverrideOutcome>(),
  'review.flags': method(z.object({ run: runId })).returns<RunFlag[]>(),
  'review.acknowledge': method(
    z.object({
      run: runId,
      flags: z.array(z.number().int().positive()).min(1, 'choose at least one breach'),
      reason: z.string().trim().min(1, 'an acknowledgement needs a reason').max(500),
    }),
  ).returns<RunFlag[]>(),
  'review.claims': method(z.object({ run: runId })).returns<ClaimReconciliation>(),
  'review.importClaims': method(
    z.object({ run: runId, path: z.string().min(1), name: z.string().min(1).max(255).optional() }),
  ).returns<ClaimReconciliation>(),
  'controls.settings': method(z.object({})).returns<ControlSettings>(),
  'settings.save': method(
    z.object({ currency: z.string().min(1).max(10).optional(), locale: z.string().min(1).max(40).optional() }),
  ).returns<MoneyAndDates>(),
  'controls.save': method(z.object({ settings: z.record(z.string(), z.unknown()) })).returns<ControlSettings>(),
  'layouts.list': method(z.object({ grid: z.string().min(1).max(50) })).returns<{ name: string; state: unknown }[]>(),
  'layouts.save': method(
    z.object({ grid: z.string().min(1).max(50), name: z.string().trim().min(1).max(60), state: z.unknown() }),
  ).returns<{ name: string }>(),
  'session.current': method(z.object({})).returns<SessionInfo>(),
  'session.signIn': method(
    z.object({ name: z.string().trim().min(1).max(64), pin: z.string().min(1).max(128) }),
  ).returns<UserProfile>(),
  'session.signOut': method(z.object({})).returns<{ signedOut: boolean }>(),
  'users.list': method(z.object({})).returns<UserProfile[]>(),
  'users.create': method(
    z.object({
      name: z.string().trim().min(1),
      fullName: z.string().trim().max(100).default(''),
      role: z.enum(roles),
      pin: pinSchema,
    }),
  ).returns<UserProfile>(),
  'users.update': method(
    z.object({
      name: z.string().trim().min(1),
      role: z.enum(roles).optional(),
      active: z.boolean().optional(),
      pin: pinSchema.optional(),
    }),
  ).returns<UserProfile>(),
  'audit.list': method(
    z.object({
      action: z.string().max(50).optional(),
      user: z.string().max(50).optional(),
      text: z.string().max(200).optional(),
      /** The first instant listed, UTC ISO; the caller turns its user's days into instants (format/days). */
      from: z.string().datetime().optional(),
      /** The first instant not listed. */
      to: z.string().datetime().optional(),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(maxBlock).default(200),
    }),
  ).returns<{ entries: AuditEntry[]; total: number }>(),
  'audit.verify': method(z.object({})).returns<WorkspaceVerdict>(),
  'exports.formats': method(z.object({})).returns<{ id: ExportFormatId; label: string; description: string }[]>(),
  'exports.profiles': method(z.object({})).returns<SavedProfile[]>(),
  'exports.saveProfile': method(z.object({ profile: exportProfileSchema })).returns<ExportProfile>(),
  'exports.preview': method(
    z.object({
      run: runId,
      format: z.enum(exportFormatIds),
      profile: z.string().trim().min(1),
      draft: z.boolean().default(false),
    }),
  ).returns<{ preview: Preview; files: { name: string; rows: number }[]; controlTotal: string; warnings: string[] }>(),
  'exports.run': method(
    z.object({
      run: runId,
      format: z.enum(exportFormatIds),
      profile: z.string().trim().min(1),
      out: z.string().min(1).optional(),
      draft: z.boolean().default(false),
      /** Statements also as pages to print from a browser (its print view saves them as PDF). */
      printable: z.boolean().default(false),
    }),
  ).returns<ExportResult>(),
  'exports.history': method(z.object({ run: runId.optional() })).returns<ExportRecord[]>(),
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
