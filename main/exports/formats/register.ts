import { paiseToRupees } from '../../../engine/money';
import type { ExportInput } from '../format';
import type { ExportLine } from '../payouts';
import { draftMark } from '../text';

/** The register's detail columns, shared by the xlsx and the CSV register. */
export const registerHeader = [
  'Payee code',
  'Payee',
  'Region',
  'Scheme',
  'Scheme name',
  'Line',
  'Measure',
  'Unit',
  'Target',
  'Achievement %',
  'Slab',
  'Computed',
  'Override',
  'Override reason',
  'Overridden by',
  'Final',
  'Trace',
] as const;

/** Index of the money columns (Computed, Override, Final) in `registerHeader`. */
export const moneyColumns = [11, 12, 15] as const;

const traceLength = 300;

/** A line's register cells: text and exact decimal strings; money in paise for the writer to place. */
export function registerCells(line: ExportLine): (string | number | null)[] {
  return [
    line.payee,
    line.payeeName,
    line.region,
    line.scheme,
    line.schemeName,
    line.kind === 'clawback' ? 'Clawback' : 'Payout',
    line.measure,
    line.unit,
    line.target,
    line.achievement,
    line.slab,
    line.computed,
    line.override,
    line.overrideReason,
    line.overrideBy,
    line.payable,
    line.explanation.length > traceLength ? `${line.explanation.slice(0, traceLength - 1)}…` : line.explanation,
  ];
}

/** The sentence at the top of every register and statement: which run, which period, whose approval. */
export function runCaption({ run, draft }: Pick<ExportInput, 'run' | 'draft'>): string {
  const approval = run.approvedBy ? `approved by ${run.approvedBy} on ${run.approvedAt?.slice(0, 10)}` : run.status;
  return `${draft ? `${draftMark} — ` : ''}Run ${run.id}, ${run.from} to ${run.to}, ${approval}${
    run.reversesRun ? `, reversing run ${run.reversesRun}` : ''
  }`;
}

export const rupeesOrBlank = (paise: number | null) => (paise === null ? null : paiseToRupees(paise));
