import { writeFileSync } from 'node:fs';
import { datasets } from '../datasets/kinds';
import { XlsxWriter } from '../files/xlsx-writer';
import { toUtcDate } from './calendar';
import type { DemoFile } from './generate';

/** The demo manufacturer, on every report and in the demo's export profile. */
export const COMPANY = 'Acme Consumer Products Pvt. Ltd.';

/**
 * Writes one dataset the way an ERP report looks: company and report title above the header,
 * real dates and two-decimal amounts, a Grand Total row at the bottom.
 */
export async function writeErpWorkbook(
  path: string,
  file: DemoFile,
  period: { from: string; to: string },
  onRow?: (written: number) => void,
): Promise<void> {
  const fields = datasets[file.kind].fields;
  const workbook = new XlsxWriter(new Date());
  const sheet = workbook.addSheet(file.title.slice(0, 31));
  sheet.addRow([COMPANY]);
  sheet.addRow([file.title]);
  sheet.addRow([`Period: ${period.from} to ${period.to}`]);
  sheet.addRow([]);
  sheet.addRow(fields.map((f) => f.label));
  const formats: Record<number, string> = {};
  fields.forEach((f, i) => {
    if (f.type === 'date') formats[i] = 'dd-mm-yyyy';
    if (f.type === 'money') formats[i] = '#,##0.00';
  });
  const totals = new Map<string, number>();
  file.rows.forEach((source, index) => {
    sheet.addRow(
      fields.map((f) => {
        const value = source[f.name] ?? null;
        if (value === null) return null;
        if (f.type === 'date') return toUtcDate(String(value));
        if (f.type === 'money') {
          totals.set(f.name, (totals.get(f.name) ?? 0) + Number(value));
          return Number(value) / 100;
        }
        return value;
      }),
      { formats },
    );
    if (index % 5000 === 4999) onRow?.(index + 1);
  });
  if (totals.size > 0) {
    sheet.addRow(
      fields.map((f, i) => (i === 0 ? 'Grand Total' : totals.has(f.name) ? (totals.get(f.name) ?? 0) / 100 : null)),
    );
  }
  onRow?.(file.rows.length);
  writeFileSync(path, await workbook.bytes());
}
