import { writeFileSync } from 'node:fs';
import { XlsxWriter } from '../files/xlsx-writer';
import type { RejectedRow } from './importer';

/**
 * The rejected rows as a workbook the user can fix and import again: the file's own header,
 * each rejected row as it was, and two more columns saying where it was and why it was refused.
 */
export async function writeRejectsWorkbook(
  path: string,
  args: { file: string; sheet: string; headers: readonly string[]; rows: readonly RejectedRow[] },
): Promise<void> {
  const workbook = new XlsxWriter(new Date());
  const sheet = workbook.addSheet('Rejected rows', { frozen: { rows: 1, columns: 0 } });
  sheet.addRow([...args.headers, 'Source row', 'Reason'], { font: { bold: true } });
  for (const r of args.rows) {
    const cells = args.headers.map((_, i) => r.cells[i] ?? null);
    sheet.addRow([...cells, `${args.file} / ${args.sheet} / row ${r.row}`, r.reasons.join('; ')]);
  }
  sheet.autoFilter(1, args.headers.length + 2);
  writeFileSync(path, await workbook.bytes());
}
