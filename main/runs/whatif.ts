import type Database from 'better-sqlite3';
import { calculateRun } from '../../engine/calculate';
import type { Scheme } from '../../engine/model';
import { paiseToRupees, sumPaise } from '../../engine/money';
import { getScheme, validScheme } from '../schemes/store';
import { type LoadFacts, loadFacts, windowFor } from './load-facts';

/** What one variant of a scheme would pay over a past period. Amounts are exact decimal rupees. */
export interface VariantOutcome {
  code: string;
  name: string;
  total: string;
  /** Payees it would pay something to. */
  payees: number;
  lines: { payee: string; measure: string; unit: string; slab: string | null; final: string }[];
}

export interface WhatIf {
  from: string;
  to: string;
  variant: VariantOutcome;
  /** The other variant given, or else the saved scheme of the same code, where there is one. */
  against: (VariantOutcome & { saved: boolean }) | null;
  /** variant − against, in cost and in payees reached. */
  change: { total: string; payees: number } | null;
}

/**
 * A draft scheme, or a saved one with changed slabs, rates or budget, run over a past period
 * without saving anything — no run, no line, no audit entry — against a second variant or the
 * saved scheme it changes. Both read the same facts (kept between jobs in the run worker).
 */
export function whatIf(
  db: Database.Database,
  args: { definition: unknown; vs?: unknown; from: string; to: string; nativeBinding?: string; facts?: LoadFacts },
): WhatIf {
  // Both are measured over the period asked for, not their own.
  const period = { from: args.from, to: args.to };
  const variant = { ...validScheme(db, args.definition), period };
  const chosen = args.vs === undefined ? getScheme(db, variant.code) : validScheme(db, args.vs);
  const other = chosen ? { ...chosen, period } : null;
  const facts = (args.facts ?? loadFacts)(db, windowFor(other ? [variant, other] : [variant], args.from, args.to), {
    nativeBinding: args.nativeBinding,
  });
  const cost = new Map<VariantOutcome, bigint>();
  const outcome = (scheme: Scheme): VariantOutcome => {
    const lines = calculateRun([scheme], facts);
    const total = sumPaise(lines, (l) => l.final);
    const result: VariantOutcome = {
      code: scheme.code,
      name: scheme.name,
      total: paiseToRupees(total),
      payees: new Set(lines.filter((l) => l.final > 0).map((l) => l.payee)).size,
      lines: lines.map((l) => ({
        payee: l.payee,
        measure: l.measure,
        unit: l.unit,
        slab: l.slabLabel,
        final: paiseToRupees(l.final),
      })),
    };
    cost.set(result, total);
    return result;
  };
  const mine = outcome(variant);
  const base = other ? outcome(other) : null;
  const theirs = base ? { ...base, saved: args.vs === undefined } : null;
  return {
    ...period,
    variant: mine,
    against: theirs,
    change: base
      ? { total: paiseToRupees((cost.get(mine) ?? 0n) - (cost.get(base) ?? 0n)), payees: mine.payees - base.payees }
      : null,
  };
}
