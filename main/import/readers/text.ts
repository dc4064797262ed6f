import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';

/**
 * How a text file is encoded: a byte-order mark says so (UTF-8, UTF-16 LE/BE); otherwise
 * text that is valid UTF-8 is UTF-8, and anything else is Windows-1252, what Excel on Windows
 * writes for "CSV" in India, the US and Western Europe.
 */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

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

export function detectEncoding(head: Buffer): { encoding: TextEncoding; bomLength: number } {
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

/** The file's text, decoded chunk by chunk (never whole in memory), without its byte-order mark. */
export async function* decodedChunks(
  path: string,
  encoding: TextEncoding,
  bomLength: number,
  onBytes?: (bytes: number) => void,
): AsyncIterable<string> {
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
