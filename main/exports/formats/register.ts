import { adjustmentSteps } from '../../../engine/calculate';
import { paiseToRupees } from '../../../engine/money';
import { formatDate } from '../../format/numbers';
import { stepLabels } from '../../review/adjustments';
import { type ExportInput, type Preview, previewRows } from '../format';
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
  'Slab amount',
  ...adjustmentSteps.map((s) => stepLabels[s]),
  'Calculated',
  'Override',
  'Override reason',
  'Overridden by',
  'Final',
  'Trace',
];

/**
 * The amount columns: the slab amount, each adjustment's change, the calculated amount (after
 * adjustments), the override and the final amount; and the exact decimals (measure, target,
 * achievement %).
 */
const column = (name: string) => registerHeader.indexOf(name);
export const calculatedColumn = column('Calculated');
export const finalColumn = column('Final');
export const moneyColumns = [
  column('Slab amount'),
  ...adjustmentSteps.map((s) => column(stepLabels[s])),
  calculatedColumn,
  column('Override'),
  finalColumn,
];
export const quantityColumns = [column('Measure'), column('Target'), column('Achievement %')];

const traceLength = 300;

type Cell = string | number | null;

/**
 * A line's register cells. Each writer says how money (paise) and the exact decimal quantities
 * are to be written: decimal text in CSV, numbers in a workbook.
 */
export function registerCells(
  line: ExportLine,
  money: (paise: number) => Cell,
  quantity: (decimal: string) => Cell = (decimal) => decimal,
): Cell[] {
  const amount = (paise: number | null) => (paise === null ? null : money(paise));
  const exact = (decimal: string | null) => (decimal === null ? null : quantity(decimal));
  return [
    line.payee,
    line.payeeName,
    line.region,
    line.scheme,
    line.schemeName,
    line.kind === 'clawback' ? 'Clawback' : 'Payout',
    exact(line.measure),
    line.unit,
    exact(line.target),
    exact(line.achievement),
    line.slab,
    amount(line.slabAmount),
    ...adjustmentSteps.map((s) => amount(line.changes[s])),
    amount(line.calculated),
    amount(line.override),
    line.overrideReason,
    line.overrideBy,
    amount(line.payable),
    line.explanation.length > traceLength ? `${line.explanation.slice(0, traceLength - 1)}…` : line.explanation,
  ];
}

/** The first rows of the register as the preview shows them, amounts as exact decimal text. */
export function registerPreview(lines: readonly ExportLine[]): Preview {
  return {
    columns: [...registerHeader],
    rows: lines
      .slice(0, previewRows)
      .map((l) => registerCells(l, paiseToRupees).map((c) => (c === null ? '' : String(c)))),
  };
}

/** The sentence at the top of every register and statement: which run, which period, whose approval. */
export function runCaption({ run, draft }: Pick<ExportInput, 'run' | 'draft'>): string {
  const day = (iso: string | null | undefined) => formatDate(iso, run.locale);
  const approval = run.approvedBy ? `approved by ${run.approvedBy} on ${day(run.approvedAt)}` : run.status;
  return `${draft ? `${draftMark} — ` : ''}Run ${run.id}, ${day(run.from)} to ${day(run.to)}, ${approval}${
    run.reversesRun ? `, reversing run ${run.reversesRun}` : ''
  }`;
}
