import { paiseToRupees } from '../../../engine/money';
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
  'Computed',
  'Override',
  'Override reason',
  'Overridden by',
  'Final',
  'Trace',
] as const;

/** Where Computed, Override and Final sit in `registerHeader`; Measure, Target and Achievement %. */
export const computedColumn = 11;
export const finalColumn = 15;
export const moneyColumns = [computedColumn, 12, finalColumn] as const;
export const quantityColumns = [6, 8, 9] as const;

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
    amount(line.computed),
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
  const approval = run.approvedBy ? `approved by ${run.approvedBy} on ${run.approvedAt?.slice(0, 10)}` : run.status;
  return `${draft ? `${draftMark} — ` : ''}Run ${run.id}, ${run.from} to ${run.to}, ${approval}${
    run.reversesRun ? `, reversing run ${run.reversesRun}` : ''
  }`;
}
