import { isAscii, isUtf8 } from 'node:buffer';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { DamagedFileError } from './types';

/**
 * How a text file is encoded: a byte-order mark says so (UTF-8, UTF-16 LE/BE); otherwise
 * text that is valid UTF-8 is UTF-8, and anything else is Windows-1252, what Excel on Windows
 * writes for "CSV" in India, the US and Western Europe.
 */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** How a text file is read: its encoding, and the bytes of its byte-order mark to skip. */
export interface TextReading {
  encoding: TextEncoding;
  bomLength: number;
}

export async function readHead(path: string, bytes = 65_536): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

export function detectEncoding(head: Buffer): TextReading {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  // UTF-16 without a mark: every other byte of ASCII text is zero.
  const sample = head.subarray(0, 512);
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample.length; i++) if (sample[i] === 0) i % 2 === 0 ? evenZeros++ : oddZeros++;
  if (oddZeros > sample.length / 4 && evenZeros === 0) return { encoding: 'utf-16le', bomLength: 0 };
  if (evenZeros > sample.length / 4 && oddZeros === 0) return { encoding: 'utf-16be', bomLength: 0 };
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return { encoding: 'utf-8', bomLength: 0 };
  } catch {
    return { encoding: 'windows-1252', bomLength: 0 };
  }
}

/**
 * The encoding of the whole file. A byte-order mark, or UTF-16's zeros, say so in its head; text
 * the head reads as UTF-8 is checked to its end, as Excel's "CSV" on Windows is Windows-1252 and
 * often plain ASCII for its first thousand rows: one name further on with an é or an en dash,
 * read as UTF-8, landed as U+FFFD. Text that is UTF-8 with accents and then not UTF-8 mixes two
 * encodings, and no reading of it is right: it is refused, naming the line.
 */
export async function fileEncoding(path: string, head: Buffer): Promise<TextReading> {
  const found = detectEncoding(head);
  if (found.encoding !== 'utf-8' || found.bomLength > 0) return found;
  const bad = await firstNonUtf8(path);
  if (bad === null) return found;
  if (!bad.accentsBefore) return { encoding: 'windows-1252', bomLength: 0 };
  throw new DamagedFileError(
    `line ${await lineAt(path, bad.offset)} is not UTF-8, though the text before it is UTF-8 with accented letters: the file mixes two encodings. Open it in Excel and save it again as "CSV UTF-8".`,
  );
}

/** Where the first byte that is not UTF-8 is, and whether any letter outside ASCII comes before it; null for UTF-8 throughout. */
async function firstNonUtf8(path: string): Promise<{ offset: number; accentsBefore: boolean } | null> {
  let carry = Buffer.alloc(0);
  let offset = 0;
  let accents = false;
  const check = (bytes: Buffer) => {
    if (isUtf8(bytes)) {
      accents ||= !isAscii(bytes);
      offset += bytes.length;
      return null;
    }
    // The replacement character marks the first bad byte; the bytes before it are good UTF-8.
    const good = new TextDecoder().decode(bytes).split('\ufffd', 1)[0] ?? '';
    const before = Buffer.byteLength(good);
    return { offset: offset + before, accentsBefore: accents || !isAscii(bytes.subarray(0, before)) };
  };
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    const bytes = carry.length > 0 ? Buffer.concat([carry, chunk as Buffer]) : (chunk as Buffer);
    // A character cut by the chunk's end is checked whole with the next chunk: hold back from
    // the last lead byte (11xxxxxx) among the final four.
    let cut = bytes.length;
    for (let i = bytes.length - 1; i >= Math.max(0, bytes.length - 4); i--) {
      if (((bytes[i] as number) & 0xc0) === 0xc0) {
        cut = i;
        break;
      }
    }
    const bad = check(bytes.subarray(0, cut));
    if (bad) return bad;
    carry = Buffer.from(bytes.subarray(cut));
  }
  return carry.length > 0 ? check(carry) : null;
}

/** The 1-based line a byte offset falls on. */
async function lineAt(path: string, offset: number): Promise<number> {
  let line = 1;
  if (offset === 0) return line;
  for await (const chunk of createReadStream(path, { end: offset - 1, highWaterMark: 1 << 20 })) {
    for (let at = (chunk as Buffer).indexOf(10); at >= 0; at = (chunk as Buffer).indexOf(10, at + 1)) line++;
  }
  return line;
}

/** The file's text, decoded chunk by chunk (never whole in memory), without its byte-order mark. */
export async function* decodedChunks(
  path: string,
  encoding: TextEncoding,
  bomLength: number,
  onBytes?: (bytes: number) => void,
): AsyncIterable<string> {
  // Always as a stream, even a file of one chunk: Node 20.18.3 and later decode windows-1252 in
  // one call as Latin-1, an en dash (0x96) as a control character (nodejs/node#60888).
  const decoder = new TextDecoder(encoding === 'utf-16be' ? 'utf-16be' : encoding);
  let bytes = 0;
  for await (const chunk of createReadStream(path, { start: bomLength, highWaterMark: 1 << 20 })) {
    bytes += (chunk as Buffer).length;
    onBytes?.(bytes + bomLength);
    const text = decoder.decode(chunk as Buffer, { stream: true });
    if (text) yield text;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

export async function decodedText(path: string, encoding: TextEncoding, bomLength: number): Promise<string> {
  let text = '';
  for await (const chunk of decodedChunks(path, encoding, bomLength)) text += chunk;
  return text;
}
