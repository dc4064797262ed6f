import { isUtf8 } from 'node:buffer';
import { readFile } from 'node:fs/promises';
import { Parser } from 'htmlparser2';
import { htmlTables } from './markup';
import { DamagedFileError, type Source, type SourceSheet } from './types';

/**
 * A web archive (MHTML, RFC 2557): what SAP GUI saves as "Excel (in MHTML Format)" under an .xls
 * or .mhtml name, and Excel as a "Single File Web Page". One MIME message whose parts are HTML
 * pages, each in quoted-printable, base64 or plain 8-bit text in its own charset; a workbook of
 * several sheets is a frameset page naming each sheet and the part that holds it. Read as text,
 * it was a header row of MIME headers and `=3D` in every cell.
 *
 * Split here rather than by a mail parser: postal-mime, the well-kept one, joins every HTML part
 * of a message into one string, and which sheet a table came from is lost.
 */

/** Whether a file's head (lower case, leading space gone) is a MIME message of related parts. */
export const isWebArchive = (start: string): boolean => {
  const headers = start.split(/\r?\n\r?\n/, 1)[0] ?? '';
  return /^[a-z-]+:/.test(headers) && /(^|\n)content-type:\s*multipart\/related/.test(headers);
};

/** The most parts a web archive of a workbook has: a page, a tab strip, a style sheet and its sheets. */
const MAX_PARTS = 2000;

/** A part of the message: its headers, and its bytes as Latin-1 text (one character a byte). */
interface Part {
  headers: Map<string, string>;
  body: string;
}

/** A block of MIME headers, folded lines unfolded, by lower-case name. */
function headersOf(block: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of block.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const at = line.indexOf(':');
    if (at > 0) headers.set(line.slice(0, at).trim().toLowerCase(), line.slice(at + 1).trim());
  }
  return headers;
}

/** A header's parameter: `boundary` of `multipart/related; boundary="----=_NextPart_01"`. */
function parameter(header: string | undefined, name: string): string | null {
  const found = new RegExp(`;\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]*))`, 'i').exec(header ?? '');
  return found ? (found[1] ?? found[2] ?? null) : null;
}

/** The headers before the first blank line, and the body after it. */
function split(text: string): Part {
  const end = /\r?\n\r?\n/.exec(text);
  if (!end) return { headers: headersOf(text), body: '' };
  return { headers: headersOf(text.slice(0, end.index)), body: text.slice(end.index + end[0].length) };
}

/**
 * Quoted-printable (RFC 2045): `=3D` is a byte, `=` at a line's end a soft break. Spaces a
 * mail relay left at a line's end are kept: a page's markup takes them for the spaces they are,
 * and a pattern looking ahead past every run of spaces would take minutes over a hostile one.
 */
function quotedPrintable(body: string): Buffer {
  const text = body.replace(/=\r?\n/g, '');
  const out = Buffer.alloc(text.length);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const hex = text[i] === '=' ? text.slice(i + 1, i + 3) : '';
    if (/^[0-9a-f]{2}$/i.test(hex)) {
      out[n++] = Number.parseInt(hex, 16);
      i += 2;
    } else out[n++] = text.charCodeAt(i);
  }
  return out.subarray(0, n);
}

/** A part's text: its bytes decoded by its transfer encoding, then by its charset. */
function textOf(part: Part): string {
  const transfer = (part.headers.get('content-transfer-encoding') ?? '').toLowerCase();
  const bytes =
    transfer === 'quoted-printable'
      ? quotedPrintable(part.body)
      : transfer === 'base64'
        ? Buffer.from(part.body, 'base64')
        : Buffer.from(part.body, 'latin1');
  const declared = parameter(part.headers.get('content-type'), 'charset');
  const charset = declared ?? (isUtf8(bytes) ? 'utf-8' : 'windows-1252');
  try {
    // Decoded as a stream: Node 20.18.3 and later decode windows-1252 in one call as Latin-1,
    // an en dash (0x96) as a control character (nodejs/node#60888); the streaming path is right.
    const decoder = new TextDecoder(charset);
    return decoder.decode(bytes, { stream: true }) + decoder.decode();
  } catch {
    throw new DamagedFileError(`a part of the web archive is in a character set no reader knows ("${charset}")`);
  }
}

/** The parts of a multipart message, by its boundary; the message itself where it has none. */
function partsOf(text: string): Part[] {
  const top = split(text);
  const boundary = parameter(top.headers.get('content-type'), 'boundary');
  if (!boundary) return [top];
  const marker = `--${boundary}`;
  const parts: Part[] = [];
  let at = text.indexOf(marker);
  while (at >= 0 && !text.startsWith(`${marker}--`, at)) {
    const start = text.indexOf('\n', at) + 1;
    const next = start === 0 ? -1 : text.indexOf(`\n${marker}`, start);
    // The archive closes with its boundary and two dashes: a file without them was cut short,
    // and its last sheet's rows with it.
    if (next < 0) throw new DamagedFileError('the web archive ends before its last part does: it was cut short');
    parts.push(split(text.slice(start, text[next - 1] === '\r' ? next - 1 : next)));
    if (parts.length > MAX_PARTS) throw new DamagedFileError(`it is a web archive of more than ${MAX_PARTS} parts`);
    at = next + 1;
  }
  if (at < 0) throw new DamagedFileError('it is a web archive without its parts (no boundary line)');
  return parts;
}

/**
 * The sheets a workbook's page names, each with the address of the part holding it where the
 * page is a frameset of several (a sheet of its own page holds its table itself).
 */
function worksheetsOf(html: string): { name: string; href: string | null }[] {
  const sheets: { name: string; href: string | null }[] = [];
  // Excel writes the list inside a conditional comment: `<!--[if gte mso 9]><xml>…</xml><![endif]-->`.
  const comments: string[] = [];
  new Parser({ oncomment: (data) => void comments.push(data) }).end(html);
  let name: string | null = null;
  let text = '';
  const inner = new Parser(
    {
      onopentag(tag, attrs) {
        if (tag === 'x:name') text = '';
        const sheet = sheets.at(-1);
        if (tag === 'x:worksheetsource' && sheet && attrs.href) sheet.href = attrs.href;
      },
      ontext(data) {
        text += data;
      },
      onclosetag(tag) {
        if (tag === 'x:name' && name === null) {
          name = text.trim();
          sheets.push({ name, href: null });
        }
        if (tag === 'x:excelworksheet') name = null;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  for (const comment of comments) if (/<x:excelworksheets/i.test(comment)) inner.write(comment);
  inner.end();
  return sheets;
}

/** Whether a part's Content-Location is the page a frameset names by `href`, relative to its own. */
function located(location: string | undefined, href: string, base: string | undefined): boolean {
  if (!location) return false;
  try {
    return new URL(href, base).href === new URL(location, base).href;
  } catch {
    return location.replace(/\\/g, '/').endsWith(`/${href.replace(/^(\.\.?\/)+/, '')}`);
  }
}

export async function parseWebArchive(path: string): Promise<Source> {
  // Read once as Latin-1, one character a byte: the MIME structure is ASCII, and each part's
  // bytes are decoded by its own charset when its text is wanted.
  const pages = partsOf(await readFile(path, 'latin1')).filter((p) =>
    /^text\/html\b/i.test(p.headers.get('content-type') ?? 'text/html'),
  );
  const main = pages[0];
  if (!main) throw new DamagedFileError('it is a web archive without a page in it');
  const mainHtml = textOf(main);
  const worksheets = worksheetsOf(mainHtml);
  let sheets: SourceSheet[];
  if (!worksheets.some((w) => w.href !== null)) {
    // One sheet, its table on the page itself (SAP's list): named as the page names it.
    sheets = htmlTables(mainHtml);
    const only = worksheets.length === 1 && sheets.length === 1 ? worksheets[0]?.name : undefined;
    if (only) sheets = sheets.map((t) => ({ ...t, name: only }));
  } else {
    const base = main.headers.get('content-location');
    sheets = worksheets.flatMap(({ name, href }) => {
      if (href === null) return [];
      const page = pages.find((p) => located(p.headers.get('content-location'), href, base));
      if (!page) throw new DamagedFileError(`its sheet "${name}" is named, but the archive holds no page for it`);
      const tables = htmlTables(textOf(page));
      return tables.map((t, i) => ({ ...t, name: tables.length === 1 ? name : `${name} (table ${i + 1})` }));
    });
  }
  return {
    format: 'web archive (MHTML)',
    date1904: false,
    async *sheets() {
      yield* sheets;
    },
  };
}
