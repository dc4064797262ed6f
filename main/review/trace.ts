import type Database from 'better-sqlite3';
import type { Adjustment } from '../../engine/calculate';
import { paiseToRupees, scaledIntegerToString } from '../../engine/money';
import type { NearMiss } from '../../engine/slabs';
import { nearMissText } from '../exports/near-miss';
import {
  formatAchievement,
  formatMoney,
  formatQuantity,
  formatSlab,
  readableNumbers,
  slabUnitOf,
} from '../format/numbers';
import { unpackIds } from '../runs/source-ids';
import { moneyAndDates } from '../settings/money-and-dates';
import { stepLabels } from './adjustments';

/**
 * "Why this number": a payout line's trace as steps a reviewer reads top to bottom
 * (measure → slab → rate → caps and cuts → override → final), and the source rows behind
 * its measure with the file, sheet and row each was imported from.
 */
export interface TraceStep {
  step: string;
  detail: string;
  amount: string | null;
}

export interface OverrideHistoryItem {
  amount: string | null;
  calculated: string;
  reason: string;
  by: string;
  at: string;
}

export interface LineTrace {
  id: number;
  run: number;
  scheme: string;
  schemeName: string;
  schemeVersion: number;
  payee: string;
  payeeName: string | null;
  explanation: string;
  steps: TraceStep[];
  overrides: OverrideHistoryItem[];
  sourceTable: string;
  sourceCount: number;
}

export class LineNotFoundError extends Error {}

interface LineRow {
  id: number;
  run_id: number;
  scheme_code: string;
  definition: string;
  version: number;
  payee: string;
  payee_name: string | null;
  kind: string;
  measure: string;
  unit: string;
  target: string | null;
  achievement: string | null;
  slab_label: string | null;
  effective_rate: string;
  computed: number;
  final: number;
  adjustments: string;
  near_miss: string | null;
  explanation: string;
  source_table: string;
  source_ids: Buffer;
  /** The current override, as payable_lines defines it. */
  override: number | null;
  override_calculated: number | null;
  override_reason: string | null;
  override_by: string | null;
  payable: number;
}

/** A measure as a reader says it: "₹12,500.00 of sales", "140 units", "38 counted". */
function inUnit(value: string, unit: string, currency: string, locale: string): string {
  if (unit === 'money') return `${formatMoney(value, currency, locale)} of sales`;
  return `${formatQuantity(value, locale)} ${unit === 'qty' ? 'units' : 'counted'}`;
}

function readLine(db: Database.Database, id: number): LineRow {
  const row = db
    .prepare(
      `SELECT l.*, v.definition, v.version FROM payable_lines l JOIN scheme_versions v ON v.id = l.scheme_version_id
       WHERE l.id = ?`,
    )
    .get(id) as LineRow | undefined;
  if (!row) throw new LineNotFoundError(`There is no payout line ${id}`);
  return row;
}

export function lineTrace(db: Database.Database, id: number): LineTrace {
  const l = readLine(db, id);
  const { currency, locale } = moneyAndDates(db);
  // What the line's slab bounds count (% of target when its scheme's slabs are on achievement),
  // worked out once for the slab step and every slab the explanation names.
  const slabUnit = slabUnitOf((JSON.parse(l.definition) as { slabs: { basis: string } }).slabs.basis, l.unit);
  const achieved = l.achievement === null ? '—' : formatAchievement(l.achievement, locale);
  const steps: TraceStep[] = [
    { step: 'Measure', detail: inUnit(l.measure, l.unit, currency, locale), amount: null },
    ...(l.target !== null
      ? [
          {
            step: 'Target',
            detail: `${inUnit(l.target, l.unit, currency, locale)}, achieved ${achieved}`,
            amount: null,
          },
        ]
      : []),
    {
      step: 'Slab',
      detail: l.slab_label === null ? 'no slab reached' : formatSlab(l.slab_label, slabUnit, currency, locale),
      amount: null,
    },
    {
      step: l.kind === 'clawback' ? 'Clawback' : 'Slab amount',
      detail: l.kind === 'clawback' ? 'clawed back at the rate paid' : 'by the slab reached',
      amount: paiseToRupees(l.computed),
    },
    ...(JSON.parse(l.adjustments) as Adjustment[]).map((a) => ({
      step: stepLabels[a.step],
      detail: readableNumbers(a.note, locale),
      amount: paiseToRupees(a.after),
    })),
  ];
  const overrides = (
    db
      .prepare(
        `SELECT amount, calculated, reason, made_by, made_at FROM overrides
         WHERE run_id = ? AND scheme_code = ? AND payee = ? AND kind = ? ORDER BY id`,
      )
      .all(l.run_id, l.scheme_code, l.payee, l.kind) as {
      amount: number | null;
      calculated: number;
      reason: string;
      made_by: string;
      made_at: string;
    }[]
  ).map((o) => ({
    amount: o.amount === null ? null : paiseToRupees(o.amount),
    calculated: paiseToRupees(o.calculated),
    reason: o.reason,
    by: o.made_by,
    at: o.made_at,
  }));
  if (l.override !== null) {
    const stale =
      l.override_calculated !== l.final ? ` (made when it computed ${paiseToRupees(l.override_calculated ?? 0)})` : '';
    steps.push({
      step: 'Override',
      detail: `${l.override_by}: ${l.override_reason}${stale}`,
      amount: paiseToRupees(l.override),
    });
  }
  steps.push({ step: 'Final', detail: 'to be paid', amount: paiseToRupees(l.payable) });
  if (l.near_miss) {
    const miss = JSON.parse(l.near_miss) as NearMiss;
    steps.push({ step: 'Near miss', detail: nearMissText(miss, l.unit, currency, locale), amount: miss.wouldPay });
  }
  return {
    id: l.id,
    run: l.run_id,
    scheme: l.scheme_code,
    schemeName: (JSON.parse(l.definition) as { name: string }).name,
    schemeVersion: l.version,
    payee: l.payee,
    payeeName: l.payee_name,
    // The engine's words, with its slabs as ranges in their unit and long numbers grouped.
    explanation: readableNumbers(
      l.explanation.replace(/-?\d+(?:\.\d+)?–(?:-?\d+(?:\.\d+)?|…)/g, (slab) =>
        formatSlab(slab, slabUnit, currency, locale),
      ),
      locale,
    ),
    steps,
    overrides,
    sourceTable: l.source_table,
    sourceCount: unpackIds(l.source_ids).length,
  };
}

export interface SourceRow {
  id: number;
  document: string;
  date: string;
  outlet: string | null;
  sku: string | null;
  qty: string | null;
  value: string;
  file: string;
  sheet: string | null;
  row: number | null;
}

/** Each source table's columns in the one shape the trace grid shows. */
const sourceSql: Record<string, string> = {
  sales: `SELECT s.id, s.doc_no AS document, s.doc_date AS date, s.outlet_code AS outlet, s.sku, s.qty, s.net_value AS value,
    b.file_name AS file, s.source_sheet AS sheet, s.source_row AS row FROM sales s JOIN import_batches b ON b.id = s.batch_id`,
  receivables: `SELECT s.id, s.doc_no AS document, s.doc_date AS date, NULL AS outlet, NULL AS sku, NULL AS qty, s.outstanding AS value,
    b.file_name AS file, s.source_sheet AS sheet, s.source_row AS row FROM receivables s JOIN import_batches b ON b.id = s.batch_id`,
  payments: `SELECT s.id, s.receipt_no AS document, s.receipt_date AS date, NULL AS outlet, NULL AS sku, NULL AS qty, s.amount AS value,
    b.file_name AS file, s.source_sheet AS sheet, s.source_row AS row FROM payments s JOIN import_batches b ON b.id = s.batch_id`,
};

export function sourceRows(
  db: Database.Database,
  lineId: number,
  offset: number,
  limit: number,
): { rows: SourceRow[]; total: number } {
  const l = readLine(db, lineId);
  const ids = unpackIds(l.source_ids);
  const sql = sourceSql[l.source_table];
  if (!sql) throw new LineNotFoundError(`Line ${lineId} reads an unknown table ${l.source_table}`);
  const page = ids.slice(offset, offset + limit);
  const read = db.prepare(`${sql} WHERE s.id = ?`);
  const rows = page.flatMap((id) => {
    const r = read.get(id) as (Omit<SourceRow, 'qty' | 'value'> & { qty: number | null; value: number }) | undefined;
    // A source row removed by a roll-back after the run is shown as missing, not skipped.
    if (!r)
      return [
        {
          id,
          document: '(rolled back)',
          date: '',
          outlet: null,
          sku: null,
          qty: null,
          value: '0.00',
          file: '',
          sheet: null,
          row: null,
        },
      ];
    return [{ ...r, qty: r.qty === null ? null : scaledIntegerToString(r.qty, 3), value: paiseToRupees(r.value) }];
  });
  return { rows, total: ids.length };
}
