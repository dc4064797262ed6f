import { workbookWriter } from '../files/workbook-writer';
import type { RejectedRow } from './importer';

/**
 * The rejected rows as a workbook the user can fix and import again: the file's own header,
 * each rejected row as it was, and two more columns saying where it was and why it was refused.
 */
export async function writeRejectsWorkbook(
  path: string,
  args: { file: string; sheet: string; headers: readonly string[]; rows: readonly RejectedRow[] },
): Promise<void> {
  const workbook = await workbookWriter({ filename: path });
  const sheet = workbook.addWorksheet('Rejected rows', { views: [{ state: 'frozen', ySplit: 1 }] });
  const header = sheet.addRow([...args.headers, 'Source row', 'Reason']);
  header.font = { bold: true };
  header.commit();
  for (const r of args.rows) {
    const cells = args.headers.map((_, i) => r.cells[i] ?? null);
    sheet.addRow([...cells, `${args.file} / ${args.sheet} / row ${r.row}`, r.reasons.join('; ')]).commit();
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: args.headers.length + 2 } };
  await workbook.commit();
}
