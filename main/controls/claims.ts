import { basename } from 'node:path';
import type Database from 'better-sqlite3';
import { type Adjustment, slabTableFor } from '../../engine/calculate';
import { scheme as schemeModel } from '../../engine/model';
import { Exact, paiseToRupees, toScaledInteger } from '../../engine/money';
import { reachedSlab } from '../../engine/slabs';
import { appendAudit } from '../audit/log';
import { formatMoney } from '../format/numbers';
import { numberCellToDecimal, parseAmountText } from '../import/amounts';
import { openSource } from '../import/open-source';
import type { Cell } from '../import/readers/types';
import { stepLabels } from '../review/adjustments';
import { RunNotFoundError } from '../review/run-state';
import { moneyAndDates } from '../settings/money-and-dates';

/** A claim file that cannot be read as claims: the message names the file, the row and the field. */
export class ClaimFileError extends Error {}

/** One row of a distributor's claim sheet. Amounts are exact decimal text. */
export interface ClaimRow {
  row: number;
  payee: string;
  scheme: string;
  claimed: string;
  claimedMeasure: string | null;
}

export type ClaimVerdict =
  | 'matches'
  | 'measure differs'
  | 'slab differs'
  | 'adjusted'
  | 'overridden'
  | 'amount differs'
  | 'not eligible'
  | 'no such scheme';

/** A claim beside what the run computed, and why they differ, from the line's trace. */
export interface ClaimLine extends ClaimRow {
  /** What the run pays the payee under the scheme (overrides included), or null when nothing. */
  computed: string | null;
  measure: string | null;
  /** claimed − computed. */
  difference: string;
  verdict: ClaimVerdict;
  explanation: string;
}

export interface ClaimReconciliation {
  run: number;
  file: string | null;
  lines: ClaimLine[];
  claimed: string;
  computed: string;
  difference: string;
}

const headers = {
  payee: [
    'payee',
    'payee code',
    'distributor',
    'distributor code',
    'party code',
    'customer code',
    'dealer code',
    'code',
  ],
  scheme: ['scheme', 'scheme code', 'scheme id', 'programme', 'program', 'scheme name'],
  claimed: ['claimed amount', 'claim amount', 'claimed', 'claim', 'amount claimed', 'amount'],
  claimedMeasure: ['claimed measure', 'claimed sales', 'claimed volume', 'measure', 'achievement', 'sales value'],
} as const;
type Field = keyof typeof headers;
const words = (cell: Cell) =>
  String(cell ?? '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** A money or measure cell as exact decimal text; its row and column named when it is not one. */
function decimal(cell: Cell, where: string): string {
  try {
    if (typeof cell === 'number') return numberCellToDecimal(cell, 3);
    return new Exact(parseAmountText(String(cell ?? '').trim())).toString();
  } catch {
    throw new ClaimFileError(`${where} is not an amount: ${String(cell)}`);
  }
}

/** An amount of money as written: to the paisa at most, never rounded on the quiet. */
function paisa(amount: string, where: string): string {
  if (new Exact(amount).decimalPlaces() > 2) throw new ClaimFileError(`${where} has more than two decimals: ${amount}`);
  return amount;
}

/**
 * The claims of a sheet (xlsx, xls, csv — whatever the importer reads): the first row, of the
 * first 50, that names a payee and an amount column is the header; then a row per claim. Blank
 * rows and total rows are skipped; anything else unreadable is refused with its row.
 */
export async function readClaimFile(path: string): Promise<ClaimRow[]> {
  const file = basename(path);
  const source = await openSource(path);
  try {
    for await (const sheet of source.sheets()) {
      let columns: Partial<Record<Field, number>> | null = null;
      const claims: ClaimRow[] = [];
      for await (const row of sheet.rows()) {
        if (!columns) {
          if (row.number > 50) break;
          const found: Partial<Record<Field, number>> = {};
          for (const field of Object.keys(headers) as Field[]) {
            for (const name of headers[field]) {
              const at = row.cells.findIndex((c, i) => words(c) === name && !Object.values(found).includes(i));
              if (at >= 0) {
                found[field] = at;
                break;
              }
            }
          }
          if (found.payee !== undefined && found.claimed !== undefined) columns = found;
          continue;
        }
        const cell = (field: Field): Cell =>
          columns?.[field] === undefined ? null : (row.cells[columns[field] as number] ?? null);
        const payee = String(cell('payee') ?? '').trim();
        const claimedCell = cell('claimed');
        if (payee === '' && (claimedCell === null || String(claimedCell).trim() === '')) continue;
        if (/^(grand )?total$/i.test(payee)) continue;
        const where = (field: string) => `${file}, row ${row.number}, ${field}`;
        if (payee === '') throw new ClaimFileError(`${where('payee')}: the payee is missing`);
        const scheme = String(cell('scheme') ?? '').trim();
        if (scheme === '') throw new ClaimFileError(`${where('scheme')}: the scheme is missing`);
        const measureCell = cell('claimedMeasure');
        claims.push({
          row: row.number,
          payee,
          scheme,
          claimed: paisa(decimal(claimedCell, where('claimed amount')), where('claimed amount')),
          claimedMeasure:
            measureCell === null || String(measureCell).trim() === ''
              ? null
              : decimal(measureCell, where('claimed measure')),
        });
      }
      if (columns) {
        if (claims.length === 0) throw new ClaimFileError(`${file} names its columns but holds no claim`);
        return claims;
      }
    }
  } finally {
    source.close?.();
  }
  throw new ClaimFileError(
    `${file} has no header naming a payee (distributor, party code…) and a claimed amount in its first 50 rows`,
  );
}

interface LineRow {
  payee: string;
  payee_name: string | null;
  region: string | null;
  channel: string | null;
  class: string | null;
  scheme_code: string;
  measure: string;
  slab: number | null;
  slab_label: string | null;
  computed: number;
  final: number;
  payable: number;
  override: number | null;
  override_reason: string | null;
  adjustments: string;
  definition: string;
}

/** Each claim beside the run's line for its payee and scheme, the difference explained from the trace. */
export function reconcileClaims(
  db: Database.Database,
  run: number,
  claims: readonly ClaimRow[],
  file: string | null = null,
): ClaimReconciliation {
  if (!db.prepare('SELECT 1 FROM runs WHERE id = ?').get(run)) throw new RunNotFoundError(`There is no run ${run}`);
  const schemes = new Set(
    db.prepare('SELECT DISTINCT scheme_code FROM payout_lines WHERE run_id = ?').pluck().all(run) as string[],
  );
  const lineOf = db.prepare(
    `SELECT l.payee, l.payee_name, l.region, l.channel, l.class, l.scheme_code, l.measure, l.slab, l.slab_label, l.computed,
       l.final, l.payable, l.override, l.override_reason, l.adjustments, v.definition
     FROM payable_lines l JOIN scheme_versions v ON v.id = l.scheme_version_id
     WHERE l.run_id = ? AND l.payee = ? AND l.scheme_code = ? AND l.kind = 'payout'`,
  );
  const clawedBack = db
    .prepare(
      "SELECT coalesce(sum(payable), 0) FROM payable_lines WHERE run_id = ? AND payee = ? AND scheme_code = ? AND kind = 'clawback'",
    )
    .pluck();
  const { currency, locale } = moneyAndDates(db);
  const money = (paise: number | bigint) => formatMoney(paiseToRupees(paise), currency, locale);
  let claimedTotal = 0n;
  let computedTotal = 0n;
  const lines = claims.map((claim): ClaimLine => {
    const claimed = BigInt(toScaledInteger(claim.claimed, 2));
    claimedTotal += claimed;
    const line = lineOf.get(run, claim.payee, claim.scheme) as LineRow | undefined;
    const base = { ...claim, claimed: paiseToRupees(claimed) };
    if (!line) {
      const noScheme = !schemes.has(claim.scheme);
      return {
        ...base,
        computed: null,
        measure: null,
        difference: paiseToRupees(claimed),
        verdict: noScheme ? 'no such scheme' : 'not eligible',
        explanation: noScheme
          ? `Run ${run} has no scheme ${claim.scheme}`
          : `Run ${run} pays ${claim.payee} nothing under ${claim.scheme}: not eligible, or nothing measured`,
      };
    }
    const paid = BigInt(line.payable) + BigInt(clawedBack.get(run, claim.payee, claim.scheme) as number);
    computedTotal += paid;
    const difference = claimed - paid;
    const row = {
      ...base,
      computed: paiseToRupees(paid),
      measure: line.measure,
      difference: paiseToRupees(difference),
    };
    if (difference === 0n) return { ...row, verdict: 'matches', explanation: 'The claim is what the run pays' };
    if (claim.claimedMeasure !== null && !new Exact(claim.claimedMeasure).equals(line.measure)) {
      const scheme = schemeModel.parse(JSON.parse(line.definition));
      const theirs =
        scheme.slabs.basis === 'measure'
          ? reachedSlab(slabTableFor(scheme, line), new Exact(claim.claimedMeasure))
          : line.slab;
      const slabName = (i: number | null) => (i === null ? 'no slab' : `slab ${i + 1}`);
      if (theirs !== line.slab)
        return {
          ...row,
          verdict: 'slab differs',
          explanation: `The claimed measure ${claim.claimedMeasure} reaches ${slabName(theirs)}; the run measured ${line.measure}, which reaches ${slabName(line.slab)}${line.slab_label ? ` (${line.slab_label})` : ''}`,
        };
      return {
        ...row,
        verdict: 'measure differs',
        explanation: `The claimed measure is ${claim.claimedMeasure}; the run measured ${line.measure} (the same slab)`,
      };
    }
    if (line.override !== null)
      return {
        ...row,
        verdict: 'overridden',
        explanation: `Calculated ${money(line.final)}, overridden to ${money(line.override)}: ${line.override_reason ?? ''}`,
      };
    const steps = JSON.parse(line.adjustments) as Adjustment[];
    if (steps.length > 0)
      return {
        ...row,
        verdict: 'adjusted',
        explanation: `The slab pays ${money(line.computed)}; ${steps
          .map((s) => `${stepLabels[s.step].toLowerCase()} ${money(s.after - s.before)} (${s.note})`)
          .join('; ')}`,
      };
    return {
      ...row,
      verdict: 'amount differs',
      explanation: `Same measure (${line.measure}) and slab; the run pays ${money(paid)}`,
    };
  });
  return {
    run,
    file,
    lines,
    claimed: paiseToRupees(claimedTotal),
    computed: paiseToRupees(computedTotal),
    difference: paiseToRupees(claimedTotal - computedTotal),
  };
}

/** Keeps a run's claims (in place of any it had; `file` names the sheet) and audits the import. */
export function storeClaims(
  db: Database.Database,
  run: number,
  file: string,
  claims: readonly ClaimRow[],
  user: string,
): ClaimReconciliation {
  const reconciled = reconcileClaims(db, run, claims, file);
  db.transaction(() => {
    db.prepare('DELETE FROM run_claims WHERE run_id = ?').run(run);
    const insert = db.prepare(
      `INSERT INTO run_claims (run_id, file, row, payee, scheme_code, claimed, claimed_measure, imported_by, imported_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const now = new Date().toISOString();
    for (const c of claims) insert.run(run, file, c.row, c.payee, c.scheme, c.claimed, c.claimedMeasure, user, now);
    appendAudit(db, {
      user,
      action: 'claims.import',
      subject: `run ${run}`,
      after: {
        file,
        claims: claims.length,
        claimed: reconciled.claimed,
        difference: reconciled.difference,
      },
    });
  })();
  return reconciled;
}

/** The reconciliation of the claims kept for a run (none yet: an empty one). */
export function runClaims(db: Database.Database, run: number): ClaimReconciliation {
  const rows = db
    .prepare(
      `SELECT file, row, payee, scheme_code AS scheme, claimed, claimed_measure AS claimedMeasure FROM run_claims
       WHERE run_id = ? ORDER BY row`,
    )
    .all(run) as (ClaimRow & { file: string })[];
  return reconcileClaims(
    db,
    run,
    rows.map(({ file: _file, ...c }) => c),
    rows[0]?.file ?? null,
  );
}
