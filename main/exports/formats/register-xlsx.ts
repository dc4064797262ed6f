import { sumPaise } from '../../../engine/money';
import type { Font, SheetWriter } from '../../files/xlsx-writer';
import type { ExportFormat } from '../format';
import type { ExportLine } from '../payouts';
import { cellAmount, moneyFormat, xlsxBytes } from '../xlsx-file';
import {
  calculatedColumn,
  finalColumn,
  moneyColumns,
  quantityColumns,
  registerCells,
  registerHeader,
  registerPreview,
  runCaption,
} from './register';

/**
 * The payout register as Excel: a Summary sheet (control total, then totals by scheme and by
 * payee) and a Detail sheet with one row per payout line — frozen header, autofilter, money in
 * the workspace currency, a total row. Totals are written as SUM formulas with their exact
 * result cached, so the file reads right before and after Excel recalculates it.
 */
const bold: Font = { bold: true };
const red: Font = { bold: true, color: 'FFC00000' };

/** The same format on each of `columns`. */
const formatsOn = (columns: readonly number[], format: string) =>
  Object.fromEntries(columns.map((c) => [c, format])) as Record<number, string>;

interface Group {
  key: string;
  name: string;
  region: string;
  payees: Set<string>;
  lines: number;
  calculated: bigint;
  payable: bigint;
}

function groupBy(lines: readonly ExportLine[], keyOf: (l: ExportLine) => [string, string, string]): Group[] {
  const groups = new Map<string, Group>();
  for (const line of lines) {
    const [key, name, region] = keyOf(line);
    const g = groups.get(key) ?? { key, name, region, payees: new Set(), lines: 0, calculated: 0n, payable: 0n };
    g.payees.add(line.payee);
    g.lines += 1;
    g.calculated += BigInt(line.calculated);
    g.payable += BigInt(line.payable);
    groups.set(key, g);
  }
  return [...groups.values()].sort((a, b) => a.key.localeCompare(b.key));
}

/** A small table with a header, money columns formatted, and a SUM total row. */
function table(
  sheet: SheetWriter,
  header: string[],
  rows: (string | number)[][],
  money: number[],
  format: string,
  totals: bigint[],
) {
  const first = sheet.addRow(header, { font: bold }) + 1;
  const formats = formatsOn(money, format);
  for (const values of rows) sheet.addRow(values, { formats });
  const last = first + rows.length - 1;
  sheet.addRow(
    header.map((_, i) => {
      if (i === 0) return 'Total';
      if (!money.includes(i)) return null;
      const column = String.fromCharCode(65 + i);
      return { formula: `SUM(${column}${first}:${column}${last})`, result: cellAmount(totals[money.indexOf(i)] ?? 0n) };
    }),
    { font: bold, formats },
  );
}

export const registerXlsx: ExportFormat = {
  label: 'Payout register (Excel)',
  postsToParties: false,
  description: 'Summary by scheme and by payee, and every payout line with its trace; totals reconcile to the run.',
  plan(input) {
    const { run, lines } = input;
    const format = moneyFormat(run.currency, run.locale);
    const total = sumPaise(lines, (l) => l.payable);
    const stamp = new Date(run.approvedAt ?? `${run.to}T00:00:00Z`);
    const build = () =>
      xlsxBytes(stamp, (workbook) => {
        const summary = workbook.addSheet('Summary', { gridLines: false, widths: [16, 34, 16, 10, 18, 18] });
        summary.addRow([`Payout register — ${runCaption(input)}`], {
          font: input.draft ? red : { bold: true, size: 14 },
        });
        summary.addRow([`Currency ${run.currency}; ${lines.length} lines; prepared by ${run.createdBy}`]);
        summary.addRow(['Control total', null, null, null, null, cellAmount(total)], {
          font: bold,
          formats: { 5: format },
        });
        summary.addRow([]);
        const schemes = groupBy(lines, (l) => [l.scheme, l.schemeName, '']);
        table(
          summary,
          ['Scheme', 'Name', 'Payees', 'Lines', 'Calculated', 'Final'],
          schemes.map((g) => [g.key, g.name, g.payees.size, g.lines, cellAmount(g.calculated), cellAmount(g.payable)]),
          [4, 5],
          format,
          [sumPaise(schemes, (g) => g.calculated), total],
        );
        summary.addRow([]);
        const payees = groupBy(lines, (l) => [l.payee, l.payeeName, l.region]);
        table(
          summary,
          ['Payee code', 'Payee', 'Region', 'Lines', 'Calculated', 'Final'],
          payees.map((g) => [g.key, g.name, g.region, g.lines, cellAmount(g.calculated), cellAmount(g.payable)]),
          [4, 5],
          format,
          [sumPaise(payees, (g) => g.calculated), total],
        );

        const detail = workbook.addSheet('Detail', {
          frozen: { rows: 2, columns: 2 },
          widths: registerHeader.map((h) =>
            h === 'Trace' ? 80 : h === 'Payee' || h === 'Scheme name' || h === 'Override reason' ? 28 : 14,
          ),
        });
        detail.addRow([`Payout register — ${runCaption(input)}`], { font: input.draft ? red : bold });
        detail.addRow([...registerHeader], { font: bold });
        detail.autoFilter(2, registerHeader.length);
        const formats = { ...formatsOn(moneyColumns, format), ...formatsOn(quantityColumns, '#,##0.00') };
        lines.forEach((line, i) => {
          // Measure, target and achievement are exact decimals as text; a sheet sums numbers.
          detail.addRow(registerCells(line, cellAmount, Number), { formats });
          if (i % 5000 === 4999) input.progress(i + 1, lines.length);
        });
        const first = 3;
        const last = lines.length + 2;
        detail.addRow(
          registerHeader.map((_, i) => {
            if (i === 0) return 'TOTAL';
            if (i !== calculatedColumn && i !== finalColumn) return null;
            const column = String.fromCharCode(65 + i);
            const sum = i === calculatedColumn ? sumPaise(lines, (l) => l.calculated) : total;
            return { formula: `SUM(${column}${first}:${column}${last})`, result: cellAmount(sum) };
          }),
          { font: bold, formats: formatsOn(moneyColumns, format) },
        );
      });
    return {
      files: [{ name: `${input.base}.xlsx`, build, rows: lines.length, controlTotal: total }],
      preview: registerPreview(lines),
      controlTotal: total,
    };
  },
};
