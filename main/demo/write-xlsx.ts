import { datasets } from '../datasets/kinds';
import { workbookWriter } from '../files/workbook-writer';
import { toUtcDate } from './calendar';
import type { DemoFile } from './generate';

/** The demo manufacturer, on every report and in the demo's export profile. */
export const COMPANY = 'Acme Consumer Products Pvt. Ltd.';

/**
 * Writes one dataset the way an ERP report looks: company and report title above the header,
 * real dates and two-decimal amounts, a Grand Total row at the bottom. Streams, so a file of
 * any size is written in constant memory.
 */
export async function writeErpWorkbook(
  path: string,
  file: DemoFile,
  period: { from: string; to: string },
  onRow?: (written: number) => void,
): Promise<void> {
  const fields = datasets[file.kind].fields;
  const workbook = await workbookWriter({ filename: path });
  const sheet = workbook.addWorksheet(file.title.slice(0, 31));
  sheet.addRow([COMPANY]).commit();
  sheet.addRow([file.title]).commit();
  sheet.addRow([`Period: ${period.from} to ${period.to}`]).commit();
  sheet.addRow([]).commit();
  sheet.addRow(fields.map((f) => f.label)).commit();
  const totals = new Map<string, number>();
  file.rows.forEach((source, index) => {
    const row = sheet.addRow(
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
    );
    fields.forEach((f, i) => {
      const cell = row.getCell(i + 1);
      if (f.type === 'date') cell.numFmt = 'dd-mm-yyyy';
      if (f.type === 'money') cell.numFmt = '#,##0.00';
    });
    row.commit();
    if (index % 5000 === 4999) onRow?.(index + 1);
  });
  if (totals.size > 0) {
    sheet
      .addRow(
        fields.map((f, i) => (i === 0 ? 'Grand Total' : totals.has(f.name) ? (totals.get(f.name) ?? 0) / 100 : null)),
      )
      .commit();
  }
  onRow?.(file.rows.length);
  await workbook.commit();
}
