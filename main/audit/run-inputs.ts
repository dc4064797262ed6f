import type Database from 'better-sqlite3';
import { mastersProblems } from './saved-masters';
import { schemeProblems } from './saved-schemes';
import { thresholdProblems } from './saved-settings';

/**
 * What a run reads that people saved, against what they saved: each active scheme's current
 * version, the control thresholds, and the masters since the last import. A run pays by them and
 * is checked against them, never by ones written around the app.
 */
export function runInputProblems(db: Database.Database): string[] {
  return [...schemeProblems(db, 'current'), ...thresholdProblems(db), ...mastersProblems(db, 'current')];
}

export type RunInputCheck = typeof runInputProblems;
