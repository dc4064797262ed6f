import { crc32, createInflateRaw, type ZlibOptions } from 'node:zlib';
import yauzl from 'yauzl';
import { DamagedFileError } from './types';

/**
 * The entries of a zip (an .xlsx) by name, read through yauzl from the central directory, so a
 * part is found wherever it sits in the file. Each entry is inflated as a stream and checked on
 * the way: its CRC, its size against what the directory declares, and limits that keep a
 * zip bomb from costing more than a real workbook could.
 */
export const ZIP_LIMITS = {
  /** No real part unpacks to more: a 1,048,576-row sheet of ten columns is about 450 MB. */
  entryBytes: 1_500_000_000,
  /** Over this size a part may not unpack to more than `ratio` times its packed size. */
  ratioFrom: 50_000_000,
  /** Real sheets pack 5–20 to 1; deflate's most is about 1,000 to 1. */
  ratio: 200,
  /** A workbook has a few dozen parts, and one per sheet. */
  entries: 10_000,
};

export interface ZipReader {
  /** The entry of that name (case-insensitive, either slash), or undefined. */
  entry(name: string): yauzl.Entry | undefined;
  /** The entry's bytes, inflated, in chunks; throws DamagedFileError at the first sign of damage. */
  read(entry: yauzl.Entry, onPacked?: (bytes: number) => void): AsyncIterable<Buffer>;
  close(): void;
}

const key = (name: string) => name.replace(/\\/g, '/').replace(/^\//, '').toLowerCase();

export async function openZip(path: string): Promise<ZipReader> {
  // The parts are inflated here, not by yauzl, so their sizes are checked in `inflated`.
  const zip = await yauzl.openPromise(path, { lazyEntries: true, autoClose: false });
  const entries = new Map<string, yauzl.Entry>();
  for await (const entry of zip.eachEntry()) {
    // Two parts of one name (part names ignore case): readers that keep the first and those that
    // keep the last read different workbooks from one file, so which one it holds is not known.
    if (entries.has(key(entry.fileName)) && !entry.fileName.endsWith('/')) {
      zip.close();
      throw new DamagedFileError(
        `it holds two parts named ${entry.fileName}, which no spreadsheet writes: which of them is the workbook cannot be told`,
      );
    }
    entries.set(key(entry.fileName), entry);
    if (entries.size > ZIP_LIMITS.entries) {
      zip.close();
      throw new DamagedFileError(
        `it holds more than ${ZIP_LIMITS.entries.toLocaleString('en-IN')} parts, far more than a workbook has`,
      );
    }
  }
  return {
    entry: (name) => entries.get(key(name)),
    read: (entry, onPacked) => inflated(zip, entry, onPacked),
    close: () => zip.close(),
  };
}

function checkSize(entry: yauzl.Entry) {
  const { fileName, uncompressedSize: size, compressedSize: packed } = entry;
  if (size > ZIP_LIMITS.entryBytes)
    throw new DamagedFileError(
      `its part ${fileName} unpacks to ${(size / 1e9).toFixed(1)} GB, more than any real workbook holds`,
    );
  if (size > ZIP_LIMITS.ratioFrom && size > packed * ZIP_LIMITS.ratio)
    throw new DamagedFileError(
      `its part ${fileName} unpacks to ${Math.round(size / Math.max(1, packed))} times its packed size (a zip bomb)`,
    );
}

/** Inflated in large chunks: a sheet of hundreds of megabytes is a few thousand hand-overs, not tens of thousands. */
const CHUNK = 256 * 1024;
/** zlib hands its options to its stream, so inflate may run 2 MB ahead of the tokenizer. */
const INFLATE: ZlibOptions & { highWaterMark: number } = { chunkSize: CHUNK, highWaterMark: 8 * CHUNK };

async function* inflated(zip: yauzl.ZipFile, entry: yauzl.Entry, onPacked?: (bytes: number) => void) {
  checkSize(entry);
  if (entry.isEncrypted()) throw new DamagedFileError(`its part ${entry.fileName} is encrypted`);
  if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8)
    throw new DamagedFileError(`its part ${entry.fileName} is packed in a way no spreadsheet writes`);
  const raw = await zip.openReadStreamPromise(entry, { decodeFileData: false });
  const stream = entry.compressionMethod === 8 ? raw.pipe(createInflateRaw(INFLATE)) : raw;
  raw.on('error', (error) => stream.destroy(error));
  let crc = 0;
  let bytes = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      crc = crc32(chunk, crc);
      bytes += chunk.length;
      // The directory's size is what the limits were checked against: a part may not outgrow it.
      if (bytes > entry.uncompressedSize)
        throw new DamagedFileError(`its part ${entry.fileName} is larger than the zip says`);
      if (onPacked && entry.uncompressedSize > 0)
        onPacked(Math.round((bytes / entry.uncompressedSize) * entry.compressedSize));
      yield chunk;
    }
  } catch (error) {
    if (error instanceof DamagedFileError) throw error;
    throw new DamagedFileError(`its part ${entry.fileName} cannot be unpacked (${zipReason(error)})`, {
      cause: error,
    });
  } finally {
    raw.destroy();
    stream.destroy();
  }
  if (bytes !== entry.uncompressedSize)
    throw new DamagedFileError(`its part ${entry.fileName} is smaller than the zip says (it was cut short)`);
  if (crc >>> 0 !== entry.crc32 >>> 0)
    throw new DamagedFileError(`its part ${entry.fileName} fails its checksum (the file was changed or cut short)`);
}

/** yauzl's and zlib's messages, reduced to words a user can act on. */
function zipReason(error: unknown): string {
  const message = error instanceof Error ? error.message : '';
  if (/unexpected end|truncated/i.test(message)) return 'it was cut short';
  return 'the packed data is broken';
}
