/**
 * A compound file (OLE2, version 3: 512-byte sectors) holding the given streams at its root, as
 * Excel writes an .xlsx it encrypts with a password (EncryptionInfo, EncryptedPackage). Each
 * stream is padded to 4,096 bytes, so all lie in regular sectors and no mini stream is needed.
 * Nothing here makes such files: LibreOffice 7.4 cannot encrypt an .xlsx.
 */
const SECTOR = 512;
const FREE = 0xffffffff;
const END_OF_CHAIN = 0xfffffffe;
const FAT_SECTOR = 0xfffffffd;
const NO_ENTRY = 0xffffffff;
const STREAM_SIZE = 4096;

export function compoundFile(streams: readonly { name: string; data: Buffer }[]): Buffer {
  const perStream = STREAM_SIZE / SECTOR;
  // Sector 0 the FAT, sector 1 the directory, then each stream's sectors in turn.
  const sectors = 2 + streams.length * perStream;
  const header = Buffer.alloc(SECTOR);
  Buffer.from('d0cf11e0a1b11ae1', 'hex').copy(header, 0);
  header.writeUInt16LE(0x003e, 24);
  header.writeUInt16LE(0x0003, 26);
  header.writeUInt16LE(0xfffe, 28);
  header.writeUInt16LE(9, 30);
  header.writeUInt16LE(6, 32);
  header.writeUInt32LE(1, 44); // FAT sectors
  header.writeUInt32LE(1, 48); // first directory sector
  header.writeUInt32LE(STREAM_SIZE, 56); // mini stream cutoff
  header.writeUInt32LE(END_OF_CHAIN, 60);
  header.writeUInt32LE(END_OF_CHAIN, 68);
  header.writeUInt32LE(0, 76); // DIFAT[0]: the FAT is sector 0
  for (let i = 1; i < 109; i++) header.writeUInt32LE(FREE, 76 + i * 4);

  const fat = Buffer.alloc(SECTOR, 0xff);
  fat.writeUInt32LE(FAT_SECTOR, 0);
  fat.writeUInt32LE(END_OF_CHAIN, 4);
  for (let s = 2; s < sectors; s++)
    fat.writeUInt32LE((s - 2) % perStream === perStream - 1 ? END_OF_CHAIN : s + 1, s * 4);

  const directory = Buffer.alloc(SECTOR);
  const entry = (id: number, name: string, type: number, child: number, right: number, start: number, size: number) => {
    const at = id * 128;
    directory.write(name, at, 'utf16le');
    directory.writeUInt16LE((name.length + 1) * 2, at + 64);
    directory.writeUInt8(type, at + 66);
    directory.writeUInt8(1, at + 67); // black
    directory.writeUInt32LE(NO_ENTRY, at + 68);
    directory.writeUInt32LE(right, at + 72);
    directory.writeUInt32LE(child, at + 76);
    directory.writeUInt32LE(start, at + 116);
    directory.writeUInt32LE(size, at + 120);
  };
  // Siblings ordered as the format orders names: shorter first, each the next one's left.
  const order = streams
    .map((_, i) => i)
    .sort((a, b) => (streams[a]?.name.length ?? 0) - (streams[b]?.name.length ?? 0));
  entry(0, 'Root Entry', 5, streams.length > 0 ? (order[0] ?? 0) + 1 : NO_ENTRY, NO_ENTRY, END_OF_CHAIN, 0);
  order.forEach((i, k) => {
    const next = order[k + 1];
    const stream = streams[i] as { name: string; data: Buffer };
    entry(i + 1, stream.name, 2, NO_ENTRY, next === undefined ? NO_ENTRY : next + 1, 2 + i * perStream, STREAM_SIZE);
  });
  for (let i = streams.length + 1; i < 4; i++) {
    directory.writeUInt32LE(NO_ENTRY, i * 128 + 68);
    directory.writeUInt32LE(NO_ENTRY, i * 128 + 72);
    directory.writeUInt32LE(NO_ENTRY, i * 128 + 76);
  }
  const data = streams.map((s) => {
    const padded = Buffer.alloc(STREAM_SIZE);
    s.data.copy(padded, 0, 0, STREAM_SIZE);
    return padded;
  });
  return Buffer.concat([header, fat, directory, ...data]);
}
