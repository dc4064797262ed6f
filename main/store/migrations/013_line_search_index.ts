import type { Migration } from '../migration';

/**
 * The text the review grid's quick filter searches in a payout line. The index below holds it
 * beside the run, so a search reads one narrow index instead of every wide line of the run; the
 * grid's query must spell the expression exactly so for SQLite to use it.
 */
export const lineSearchText =
  "(payee || ' ' || coalesce(payee_name, '') || ' ' || coalesce(region, '') || ' ' || coalesce(channel, '') || ' ' || coalesce(class, '') || ' ' || scheme_code)";

export const lineSearchIndex: Migration = {
  version: 13,
  name: 'payout line search index',
  up(db) {
    db.exec(`CREATE INDEX payout_lines_search ON payout_lines (run_id, ${lineSearchText});`);
  },
};
