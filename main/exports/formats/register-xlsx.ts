import type ExcelJS from 'exceljs';
import { sumPaise } from '../../../engine/money';
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
const bold = { bold: true };
const red = { bold: true, color: { argb: 'FFC00000' } };

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
  sheet: ExcelJS.Worksheet,
  header: string[],
  rows: (string | number)[][],
  money: number[],
  format: string,
  totals: bigint[],
) {
  const head = sheet.addRow(header);
  head.font = bold;
  head.commit();
  const first = head.number + 1;
  for (const values of rows) {
    const row = sheet.addRow(values);
    for (const c of money) row.getCell(c + 1).numFmt = format;
    row.commit();
  }
  const last = first + rows.length - 1;
  const total = sheet.addRow(
    header.map((_, i) => {
      if (i === 0) return 'Total';
      if (!money.includes(i)) return null;
      const column = String.fromCharCode(65 + i);
      return { formula: `SUM(${column}${first}:${column}${last})`, result: cellAmount(totals[money.indexOf(i)] ?? 0n) };
    }),
  );
  total.font = bold;
  for (const c of money) total.getCell(c + 1).numFmt = format;
  total.commit();
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
        const summary = workbook.addWorksheet('Summary', { views: [{ showGridLines: false }] });
        summary.columns = [{ width: 16 }, { width: 34 }, { width: 16 }, { width: 10 }, { width: 18 }, { width: 18 }];
        const title = summary.addRow([`Payout register — ${runCaption(input)}`]);
        title.font = input.draft ? red : { bold: true, size: 14 };
        title.commit();
        summary.addRow([`Currency ${run.currency}; ${lines.length} lines; prepared by ${run.createdBy}`]).commit();
        const control = summary.addRow(['Control total', null, null, null, null, cellAmount(total)]);
        control.font = bold;
        control.getCell(6).numFmt = format;
        control.commit();
        summary.addRow([]).commit();
        const schemes = groupBy(lines, (l) => [l.scheme, l.schemeName, '']);
        table(
          summary,
          ['Scheme', 'Name', 'Payees', 'Lines', 'Calculated', 'Final'],
          schemes.map((g) => [g.key, g.name, g.payees.size, g.lines, cellAmount(g.calculated), cellAmount(g.payable)]),
          [4, 5],
          format,
          [sumPaise(schemes, (g) => g.calculated), total],
        );
        summary.addRow([]).commit();
        const payees = groupBy(lines, (l) => [l.payee, l.payeeName, l.region]);
        table(
          summary,
          ['Payee code', 'Payee', 'Region', 'Lines', 'Calculated', 'Final'],
          payees.map((g) => [g.key, g.name, g.region, g.lines, cellAmount(g.calculated), cellAmount(g.payable)]),
          [4, 5],
          format,
          [sumPaise(payees, (g) => g.calculated), total],
        );
        summary.commit();

        const detail = workbook.addWorksheet('Detail', { views: [{ state: 'frozen', ySplit: 2, xSplit: 2 }] });
        detail.columns = registerHeader.map((h) => ({
          width: h === 'Trace' ? 80 : h === 'Payee' || h === 'Scheme name' || h === 'Override reason' ? 28 : 14,
        }));
        const caption = detail.addRow([`Payout register — ${runCaption(input)}`]);
        caption.font = input.draft ? red : bold;
        caption.commit();
        const head = detail.addRow([...registerHeader]);
        head.font = bold;
        head.commit();
        detail.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: registerHeader.length } };
        lines.forEach((line, i) => {
          // Measure, target and achievement are exact decimals as text; a sheet sums numbers.
          const row = detail.addRow(registerCells(line, cellAmount, Number));
          for (const c of moneyColumns) row.getCell(c + 1).numFmt = format;
          for (const c of quantityColumns) row.getCell(c + 1).numFmt = '#,##0.00';
          row.commit();
          if (i % 5000 === 4999) input.progress(i + 1, lines.length);
        });
        const first = 3;
        const last = lines.length + 2;
        const totalRow = detail.addRow(
          registerHeader.map((_, i) => {
            if (i === 0) return 'TOTAL';
            if (i !== calculatedColumn && i !== finalColumn) return null;
            const column = String.fromCharCode(65 + i);
            const sum = i === calculatedColumn ? sumPaise(lines, (l) => l.calculated) : total;
            return { formula: `SUM(${column}${first}:${column}${last})`, result: cellAmount(sum) };
          }),
        );
        totalRow.font = bold;
        for (const c of moneyColumns) totalRow.getCell(c + 1).numFmt = format;
        totalRow.commit();
        detail.commit();
      });
    return {
      files: [{ name: `${input.base}.xlsx`, build, rows: lines.length, controlTotal: total }],
      preview: registerPreview(lines),
      controlTotal: total,
    };
  },
};
