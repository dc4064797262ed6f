import { XlsxWriter } from '../files/xlsx-writer';
import { currencyFormat } from '../format/numbers';

/**
 * An xlsx file as bytes that depend only on its content: the document properties carry `stamp`
 * (the run's approval), and so does every zip entry, in UTC, so the same run hashes the same
 * on every export and on every machine.
 */
export async function xlsxBytes(stamp: Date, build: (workbook: XlsxWriter) => void): Promise<Buffer> {
  const workbook = new XlsxWriter(stamp);
  build(workbook);
  return stampZipEntries(await workbook.bytes(), stamp);
}

/**
 * Sets the modification time of every entry of a zip file, in its local header and in the
 * central directory (PKWARE APPNOTE 4.3.7 and 4.3.12: MS-DOS time at offsets 10 and 12 of a
 * local header, 12 and 14 of a central directory header). Nothing is decompressed or moved, so
 * the CRCs and sizes stay valid; re-zipping (JSZip) did the same job in 5 ms per small workbook
 * and 1.6 s for a 100,000-line register, this takes well under a millisecond.
 */
export function stampZipEntries(zip: Buffer, stamp: Date): Buffer {
  const time = (stamp.getUTCHours() << 11) | (stamp.getUTCMinutes() << 5) | (stamp.getUTCSeconds() >> 1);
  const date = ((stamp.getUTCFullYear() - 1980) << 9) | ((stamp.getUTCMonth() + 1) << 5) | stamp.getUTCDate();
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error('not a zip file: no end of central directory');
  const entries = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  for (let i = 0; i < entries; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`not a zip file: entry ${i} of the central directory`);
    zip.writeUInt16LE(time, at + 12);
    zip.writeUInt16LE(date, at + 14);
    const local = zip.readUInt32LE(at + 42);
    if (zip.readUInt32LE(local) !== 0x04034b50) throw new Error(`not a zip file: local header of entry ${i}`);
    zip.writeUInt16LE(time, local + 10);
    zip.writeUInt16LE(date, local + 12);
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return zip;
}

/** The symbol of a currency as the workspace locale writes it: ₹ for INR in en-IN. */
function currencySymbol(currency: string, locale: string): string {
  const part = currencyFormat(currency, locale)
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

/**
 * An amount as a spreadsheet cell: rupees as a number. A cell is a double, exact to the paisa up
 * to about ₹90 trillion; the control totals we check are exact bigints whatever the size.
 */
export const cellAmount = (paise: number | bigint) => Number(paise) / 100;
