import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSource } from '../../main/import/open-source';
import { fileEncoding, readHead, type TextReading } from '../../main/import/readers/text';
import { tempDirPerTest } from '../support/temp';

/** The whole file's encoding, read a megabyte at a time: characters cut by a chunk's end, and the last bytes. */
describe('the encoding of a whole text file', () => {
  const tempDir = tempDirPerTest();
  const encodingOf = async (bytes: Buffer) => {
    const path = join(tempDir(), 'file.csv');
    writeFileSync(path, bytes);
    return (await fileEncoding(path, await readHead(path))).encoding;
  };

  it('keeps UTF-8 whose two-, three- and four-byte characters fall across every chunk boundary', async () => {
    // 1 MiB chunks; each filler length puts a different byte of ₹ (3 bytes), é (2) or 𝄞 (4) last.
    for (const [filler, char] of [
      [1, '₹'],
      [2, '₹'],
      [1, 'é'],
      [1, '𝄞'],
      [2, '𝄞'],
      [3, '𝄞'],
    ] as const) {
      const ascii = 'a'.repeat((1 << 20) - filler);
      expect(await encodingOf(Buffer.from(`${ascii}${char} after`, 'utf8')), `${filler} ${char}`).toBe('utf-8');
    }
  });

  it('is judged once: the reading thread, handed the import’s judgement, reads by it', async () => {
    const path = join(tempDir(), 'late accent.csv');
    writeFileSync(
      path,
      Buffer.concat([
        Buffer.from('Code,Name\r\n'.concat('O1,plain\r\n'.repeat(20_000))),
        Buffer.from('O2,Caf\xe9\r\n', 'latin1'),
      ]),
    );
    const lastName = async (text?: TextReading) => {
      const source = await openSource(path, undefined, { text });
      let last: unknown;
      for await (const sheet of source.sheets()) for await (const row of sheet.rows()) last = row.cells[1];
      return { last, text: source.text };
    };
    expect(await lastName()).toEqual({ last: 'Café', text: { encoding: 'windows-1252', bomLength: 0 } });
    // Handed a reading, the file is not judged again: told UTF-8, it reads as UTF-8.
    expect((await lastName({ encoding: 'utf-8', bomLength: 0 })).last).toBe('Caf\ufffd');
  });

  it('finds Windows-1252 in the last bytes, and in a later chunk', async () => {
    expect(
      await encodingOf(Buffer.concat([Buffer.from('a'.repeat(200_000)), Buffer.from([0x43, 0x61, 0x66, 0xe9])])),
    ).toBe('windows-1252');
    expect(
      await encodingOf(Buffer.concat([Buffer.from('a,b\r\n'.repeat(600_000)), Buffer.from([0x96, 0x0d, 0x0a])])),
    ).toBe('windows-1252');
  });
});
