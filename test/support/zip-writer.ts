import { writeFileSync } from 'node:fs';
import { crc32, deflateRawSync } from 'node:zlib';

/**
 * A zip written byte by byte, so tests can build the workbooks no library would write: a wrong
 * CRC, a size the directory lies about, an encrypted flag, a bomb. Every field not overridden is
 * what a correct writer puts there.
 */
export interface ZipPart {
  name: string;
  data: string | Buffer;
  /** Store the bytes as they are instead of deflating them. */
  stored?: boolean;
  /** Put this CRC in the headers instead of the true one. */
  crc?: number;
  /** Declare this unpacked size instead of the true one. */
  declaredSize?: number;
  /** Set the "encrypted" flag. */
  encrypted?: boolean;
}

/**
 * The fields a local header and its directory entry share, in the same order: version needed,
 * flags, method, time, date, CRC, packed size, size and name length, from `at` on.
 */
function shared(
  header: Buffer,
  at: number,
  f: { flags: number; method: number; crc: number; packed: number; size: number; name: number },
) {
  header.writeUInt16LE(20, at);
  header.writeUInt16LE(f.flags, at + 2);
  header.writeUInt16LE(f.method, at + 4);
  header.writeUInt32LE(f.crc >>> 0, at + 10);
  header.writeUInt32LE(f.packed, at + 14);
  header.writeUInt32LE(f.size, at + 18);
  header.writeUInt16LE(f.name, at + 22);
}

export function zipBytes(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const data = typeof part.data === 'string' ? Buffer.from(part.data, 'utf8') : part.data;
    const packed = part.stored ? data : deflateRawSync(data);
    const name = Buffer.from(part.name, 'utf8');
    const fields = {
      flags: 0x0800 | (part.encrypted ? 1 : 0),
      method: part.stored ? 0 : 8,
      crc: part.crc ?? crc32(data),
      packed: packed.length,
      size: part.declaredSize ?? data.length,
      name: name.length,
    };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    shared(local, 4, fields);
    locals.push(local, name, packed);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4); // version made by
    shared(entry, 6, fields);
    entry.writeUInt32LE(offset, 42);
    central.push(entry, name);
    offset += 30 + name.length + packed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

export function writeZip(path: string, parts: ZipPart[]): string {
  writeFileSync(path, zipBytes(parts));
  return path;
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** The parts of a one-sheet workbook around the given sheet XML (and shared strings, styles). */
export function workbookParts(
  sheetXml: string,
  options: { sharedStrings?: string; styles?: string; workbookPr?: string; sheetName?: string } = {},
): ZipPart[] {
  const rels = [
    `<Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>`,
    options.sharedStrings ? `<Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` : '',
    options.styles ? `<Relationship Id="rId3" Type="${REL}/styles" Target="styles.xml"/>` : '',
  ].join('');
  return [
    {
      name: '_rels/.rels',
      data: `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: 'xl/workbook.xml',
      data: `<?xml version="1.0"?><workbook xmlns="${NS}" xmlns:r="${REL}">${options.workbookPr ?? ''}<sheets><sheet name="${options.sheetName ?? 'Sales'}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>`,
    },
    { name: 'xl/worksheets/sheet1.xml', data: sheetXml },
    ...(options.sharedStrings ? [{ name: 'xl/sharedStrings.xml', data: options.sharedStrings }] : []),
    ...(options.styles ? [{ name: 'xl/styles.xml', data: options.styles }] : []),
  ];
}

/** A worksheet part around the given sheetData rows (and what follows them, e.g. mergeCells). */
export const sheetXml = (rows: string, after = '') =>
  `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${NS}"><sheetData>${rows}</sheetData>${after}</worksheet>`;
