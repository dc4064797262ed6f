import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';

export type WorkbookWriter = ExcelJS.stream.xlsx.WorkbookWriter;

/**
 * An xlsx file as bytes that depend only on its content. exceljs stamps the document
 * properties and every zip entry with the time of writing, so the same run would hash
 * differently on every export; here the properties carry `stamp` (the run's approval) and the
 * zip entries are stamped again with it through JSZip. The sheets are streamed, so a large
 * register is never held as exceljs's cell model.
 */
export async function xlsxBytes(
  stamp: Date,
  build: (workbook: WorkbookWriter) => Promise<void> | void,
): Promise<Buffer> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  workbook.creator = 'SchemeDesk';
  workbook.lastModifiedBy = 'SchemeDesk';
  workbook.created = stamp;
  workbook.modified = stamp;
  await build(workbook);
  await workbook.commit();
  const zip = await JSZip.loadAsync(Buffer.concat(chunks));
  const restamped = new JSZip();
  for (const entry of Object.values(zip.files)) {
    if (entry.dir) continue;
    restamped.file(entry.name, await entry.async('uint8array'), { date: stamp, createFolders: false });
  }
  return restamped.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}

/** The symbol of a currency as the workspace locale writes it: ₹ for INR in en-IN. */
function currencySymbol(currency: string, locale: string): string {
  const part = new Intl.NumberFormat(locale, { style: 'currency', currency })
    .formatToParts(0)
    .find((p) => p.type === 'currency');
  return (part?.value ?? currency).replace(/"/g, '');
}

/**
 * An Excel number format for money in the workspace's currency and grouping. Excel has no
 * lakh grouping of its own; the conditional sections give ₹1,23,45,678.90 for Indian locales.
 */
export function moneyFormat(currency: string, locale: string): string {
  const s = `"${currencySymbol(currency, locale)}"`;
  if (locale.endsWith('-IN')) {
    return `[>=10000000]${s}##\\,##\\,##\\,##0.00;[>=100000]${s}##\\,##\\,##0.00;${s}#,##0.00`;
  }
  return `${s}#,##0.00;-${s}#,##0.00`;
}

/** Paise as the number a spreadsheet cell holds (two decimals, exact in print). */
export const cellAmount = (paise: number) => paise / 100;
