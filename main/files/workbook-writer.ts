import type { Writable } from 'node:stream';
import type ExcelJS from 'exceljs';

export type WorkbookWriter = ExcelJS.stream.xlsx.WorkbookWriter;

/**
 * A streaming xlsx writer (exceljs), to a file or a stream. exceljs is loaded on first use, so
 * the CLI and the window start without it (it is a fifth of a second of every start).
 */
export async function workbookWriter(target: { filename: string } | { stream: Writable }): Promise<WorkbookWriter> {
  const { default: ExcelJS } = await import('exceljs');
  return new ExcelJS.stream.xlsx.WorkbookWriter({ ...target, useStyles: true, useSharedStrings: false });
}
