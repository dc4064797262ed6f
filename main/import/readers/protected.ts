import { closeSync, openSync, readSync } from 'node:fs';

/**
 * Workbooks that open only with a password. Excel writes an .xlsx it encrypts ("Encrypt with
 * Password") as a compound file holding an `EncryptedPackage` stream, and an Excel 97–2003
 * workbook so protected with a FILEPASS record right after its first BOF. Sent to LibreOffice,
 * either came back as "no workbook came out", seconds later, saying nothing of the password.
 */
const encryptedPackage = Buffer.from('EncryptedPackage', 'utf16le');
/** A BIFF8 workbook globals' BOF record (0x0809, 16 bytes, version 0x0600, type 0x0005). */
const globalsBof = Buffer.from([0x09, 0x08, 0x10, 0x00, 0x00, 0x06, 0x05, 0x00]);
const BOF_LENGTH = 4 + 16;
const FILEPASS = 0x002f;
/** Streams start on a sector (512 or 4,096 bytes) or, under 4,096 bytes, on a mini sector of 64. */
const STREAM_ALIGNMENT = 64;

const CHUNK = 4 * 1024 * 1024;
const OVERLAP = Math.max(encryptedPackage.length, BOF_LENGTH + 2);

/**
 * Whether the compound file at `path` is a workbook encrypted with a password to open it. Read
 * until the workbook's first BOF, which an Excel 97–2003 workbook has near its start (it is then
 * encrypted only if FILEPASS follows), or to the end: an encrypted .xlsx has none, and names its
 * EncryptedPackage in a directory that may lie anywhere.
 */
export function openedByPassword(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(CHUNK + OVERLAP);
    let kept = 0;
    let offset = 0;
    for (;;) {
      const read = readSync(fd, buffer, kept, CHUNK, offset);
      const view = buffer.subarray(0, kept + read);
      if (view.includes(encryptedPackage)) return true;
      const bof = globalsBofIn(view, offset - kept);
      if (bof !== null) return view.readUInt16LE(bof + BOF_LENGTH) === FILEPASS;
      if (read === 0) return false;
      offset += read;
      kept = Math.min(OVERLAP, view.length);
      view.copyWithin(0, view.length - kept);
    }
  } finally {
    closeSync(fd);
  }
}

/** Where in `view` (at `start` of the file) a globals BOF begins a stream, with the record after it in view; null where none. */
function globalsBofIn(view: Buffer, start: number): number | null {
  for (let i = view.indexOf(globalsBof); i >= 0; i = view.indexOf(globalsBof, i + 1))
    if ((start + i) % STREAM_ALIGNMENT === 0 && i + BOF_LENGTH + 2 <= view.length) return i;
  return null;
}

/** What the user is told of such a workbook. */
export const passwordRefusal = (file: string) =>
  `${file} opens only with a password, so SchemeDesk cannot read it. Open it in Excel with its password, take the password off (File → Info → Protect Workbook → Encrypt with Password, left empty), save it, and import that file. Nothing was imported.`;
