import type { Migration } from '../migration';
import { workspace } from './001_workspace';
import { masters } from './002_masters';
import { transactions } from './003_transactions';
import { imports } from './004_imports';
import { schemes } from './005_schemes';
import { review } from './006_review';
import { exportsMigration } from './007_exports';
import { payoutRules } from './008_payout_rules';
import { sealedRuns } from './009_sealed_runs';
import { exportJobs } from './010_export_jobs';
import { mappingChoices } from './011_mapping_choices';
import { primarySalesIndex } from './012_primary_sales_index';
import { lineSearchIndex } from './013_line_search_index';
import { runFlags } from './014_run_flags';
import { approvalComment } from './015_approval_comment';
import { runClaims } from './016_run_claims';
import { withdrawSubmission } from './017_withdraw_submission';
import { batchHeaders } from './018_batch_headers';
import { lineSearchAmounts } from './019_line_search_amounts';
import { lineRangeIndex } from './020_line_range_index';
import { salesRoundOff } from './021_sales_round_off';
import { salesStore } from './022_sales_store';
import { caseUnits } from './023_case_units';
import { masterChanges } from './024_master_changes';
import { salesCharges } from './025_sales_charges';
import { schemeVersionsOnce } from './026_scheme_versions_once';
import { runLedgers } from './027_run_ledgers';

/** Every schema step in order. Append only: never edit or renumber a step that has shipped. */
export const migrations: readonly Migration[] = [
  workspace,
  masters,
  transactions,
  imports,
  schemes,
  review,
  exportsMigration,
  payoutRules,
  sealedRuns,
  exportJobs,
  mappingChoices,
  primarySalesIndex,
  lineSearchIndex,
  runFlags,
  approvalComment,
  runClaims,
  withdrawSubmission,
  batchHeaders,
  lineSearchAmounts,
  lineRangeIndex,
  salesRoundOff,
  salesStore,
  caseUnits,
  masterChanges,
  salesCharges,
  schemeVersionsOnce,
  runLedgers,
];
