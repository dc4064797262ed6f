import { crc32, createDeflateRaw, deflateRaw, deflateRawSync } from 'node:zlib';
import { Zip, type ZipInputFile } from 'fflate';
import { cutText } from '../format/cell-text';
import { columnName } from '../import/readers/xlsx-cells';
import { CELL_CHARS } from './excel-limits';

/**
 * A fast xlsx writer for what our exports write: sheets of rows of text, numbers and SUM
 * formulas with their results, fonts, number formats, column widths, frozen panes, hidden grid
 * lines and an autofilter. Rows become SpreadsheetML text as they are added (inline strings, so
 * no shared-string table is held), and fflate's Zip lays out the parts node:zlib deflates: the
 * small fixed parts on this thread, once per text (`addText`); a sheet's whole part on libuv's
 * threads (`addSheet`); and a large sheet's part on libuv's threads as it is written, while the
 * rows after it are still being made, never held whole (`streamedPart`).
 * It writes a 100,000-line register about three times as fast as exceljs's streaming writer did
 * (see bench:export), which spent most of its time building a cell model per row.
 *
 * The SpreadsheetML is written by hand, not through an XML library: it is a handful of fixed
 * elements around millions of cells, every text is escaped by `xmlText`, and the differential
 * test reads every workbook back with our reader and with exceljs.
 */

/** A Date is written as Excel's serial day number (1900 system), shown as yyyy-mm-dd unless its column has a format. */
export type CellValue = string | number | boolean | Date | null | undefined | { formula: string; result: number };

const dateFormat = 'yyyy-mm-dd';
/** The style of a row given none. */
const plain: RowStyle = {};

/** Days since Excel's day 0 of the 1900 system, for days from 1 March 1900 on (Excel's fictitious 29 February 1900 lies before). */
const excelSerial = (date: Date) => date.getTime() / 86_400_000 + 25_569;

export interface Font {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  /** ARGB, as Excel writes it: FFC00000 is dark red. */
  color?: string;
}

export interface RowStyle {
  font?: Font;
  /** Number formats by column index (0-based). */
  formats?: Readonly<Record<number, string>>;
}

export interface SheetOptions {
  /** Column widths in characters, from column A. */
  widths?: readonly number[];
  /** Rows and columns frozen at the top left. */
  frozen?: { rows: number; columns: number };
  gridLines?: boolean;
}

const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const pkgRel = 'http://schemas.openxmlformats.org/package/2006/relationships';
const header = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/**
 * What text cannot be as it is in SpreadsheetML: markup characters; characters XML 1.0 cannot
 * hold (written as Excel's _xHHHH_ escapes); text that Excel would read as such an escape (its
 * underscore escaped as _x005F_); and a lone UTF-16 surrogate (written as U+FFFD).
 */
const unsafe =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly the characters XML 1.0 cannot hold
  /[&<>"]|[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|_(?=x[0-9A-Fa-f]{4}_)|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const named: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', _: '_x005F_' };

function escaped(c: string): string {
  const name = named[c];
  if (name) return name;
  const code = c.charCodeAt(0);
  if (code >= 0xd800 && code <= 0xdfff) return '\uFFFD';
  return `_x${code.toString(16).toUpperCase().padStart(4, '0')}_`;
}

/** Text as XML character data and attribute values. */
export function xmlText(text: string): string {
  return text.replace(unsafe, escaped);
}

/**
 * Text as one cell can hold it: a longer text (a rejected row's damaged value, written back for
 * the user to see) is cut to the limit and ends in …, never between the halves of a character.
 */
function withinCell(text: string): string {
  return text.length <= CELL_CHARS ? text : `${cutText(text, CELL_CHARS - 1)}…`;
}

/** Fonts, number formats and their combinations (cellXfs), each given an index once. */
class Styles {
  private readonly fonts = new Map<string, number>([['{}', 0]]);
  private readonly formats = new Map<string, number>();
  private readonly xfs = new Map<string, number>([['0|0', 0]]);

  index(font: Font | undefined, format: string | undefined): number {
    const fontId = font ? this.id(this.fonts, JSON.stringify(font)) : 0;
    const formatId = format === undefined ? 0 : 164 + this.id(this.formats, format);
    return this.id(this.xfs, `${fontId}|${formatId}`);
  }

  private id(map: Map<string, number>, key: string): number {
    let id = map.get(key);
    if (id === undefined) {
      id = map.size;
      map.set(key, id);
    }
    return id;
  }

  xml(): string {
    const formats = [...this.formats.keys()]
      .map((code, i) => `<numFmt numFmtId="${164 + i}" formatCode="${xmlText(code)}"/>`)
      .join('');
    const fonts = [...this.fonts.keys()]
      .map((key) => {
        const f = JSON.parse(key) as Font;
        return `<font>${f.bold ? '<b/>' : ''}${f.italic ? '<i/>' : ''}<sz val="${f.size ?? 11}"/>${
          f.color ? `<color rgb="${xmlText(f.color)}"/>` : '<color theme="1"/>'
        }<name val="Calibri"/><family val="2"/></font>`;
      })
      .join('');
    const xfs = [...this.xfs.keys()]
      .map((key) => {
        const [font, format] = key.split('|');
        return `<xf numFmtId="${format}" fontId="${font}" fillId="0" borderId="0" xfId="0"${
          format !== '0' ? ' applyNumberFormat="1"' : ''
        }${font !== '0' ? ' applyFont="1"' : ''}/>`;
      })
      .join('');
    return `${header}<styleSheet xmlns="${main}">${
      this.formats.size > 0 ? `<numFmts count="${this.formats.size}">${formats}</numFmts>` : ''
    }<fonts count="${this.fonts.size}">${fonts}</fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="${this.xfs.size}">${xfs}</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;
  }
}

/**
 * Past this many bytes a sheet's part goes into the zip as it is written, not when the workbook
 * ends. A statement (a few kilobytes) stays one buffer deflated in one call; the 100,000-line
 * register's 84 MB of detail are deflated while its rows are made: 4.6–4.7 → 4.1–4.3 s and
 * 422–435 → 343–380 MB at peak, where the deflate was waited for at the end, after the part was
 * copied into one buffer.
 */
const STREAM_FROM = 4 << 20;

/** The first buffer of a sheet's text; each next one twice the last, up to CHUNK_MOST. */
const CHUNK_LEAST = 64 << 10;
const CHUNK_MOST = 1 << 20;

/**
 * A sheet's text written as UTF-8 straight into buffers, from 64 KB (a statement's sheet fits
 * one) to a megabyte each, so a sheet of millions of cells is never one huge string; held until
 * the sheet is large, then sent on into the zip through `open`. Each row is written into the
 * buffer as it comes: gathered into a string of a megabyte and then encoded, the text was copied
 * twice over (100,000 rows of 16 cells: 1.10–1.43 s so, 0.35–0.63 s written row by row, 4 December).
 */
class Chunks {
  private held: Buffer[] = [];
  private heldBytes = 0;
  private buffer = Buffer.allocUnsafe(CHUNK_LEAST);
  private used = 0;
  private out: PartOut | null = null;

  constructor(private readonly open: () => PartOut) {}

  add(piece: string): void {
    // A UTF-16 unit is at most 3 bytes of UTF-8 (a pair of them, 4), so the piece always fits.
    if (this.used + piece.length * 3 > this.buffer.length) {
      this.flush();
      this.buffer = Buffer.allocUnsafe(Math.max(Math.min(this.buffer.length * 2, CHUNK_MOST), piece.length * 3));
    }
    this.used += this.buffer.write(piece, this.used);
  }

  /**
   * Ends the text with `tail`: what the sheet holds, or null when it went into the zip as it was
   * written (the last text may start that) and is ended now.
   */
  finish(tail: Buffer): Buffer[] | null {
    this.flush();
    if (!this.out) return [...this.held, tail];
    this.out.end(tail);
    return null;
  }

  /** Sends on or holds the text written so far; the next text goes into a new buffer. */
  private flush(): void {
    if (this.used === 0) return;
    const buffer = this.buffer.subarray(0, this.used);
    this.used = 0;
    if (this.out) {
      this.out.write(buffer);
      return;
    }
    this.held.push(buffer);
    this.heldBytes += buffer.length;
    if (this.heldBytes < STREAM_FROM) return;
    this.out = this.open();
    for (const b of this.held) this.out.write(b);
    this.held = [];
  }
}

export class SheetWriter {
  private readonly data: Chunks;
  private rows = 0;
  private filter: string | null = null;
  /** Per row style, each column's style index (slot 2c, or 2c + 1 for a date). */
  private readonly indexes = new WeakMap<RowStyle, number[]>();
  private readonly columnNames: string[] = [];

  /** `open` puts the sheet's part into the zip as it is written, when the sheet grows large. */
  constructor(
    readonly name: string,
    private readonly styles: Styles,
    private readonly options: SheetOptions,
    open: () => PartOut,
  ) {
    this.data = new Chunks(() => {
      const out = open();
      out.write(Buffer.from(this.head()));
      return out;
    });
  }

  /** Appends a row; returns its 1-based number. Empty cells (null, undefined) are left out. */
  addRow(cells: readonly CellValue[], style: RowStyle = plain): number {
    const r = ++this.rows;
    let xml = `<row r="${r}">`;
    // A register passes one style object for every row: its cells' style indexes are looked up once.
    let known = this.indexes.get(style);
    if (!known) {
      known = [];
      this.indexes.set(style, known);
    }
    for (let c = 0; c < cells.length; c++) {
      const value = cells[c];
      const slot = value instanceof Date ? 2 * c + 1 : 2 * c;
      let s = known[slot];
      if (s === undefined) {
        const format = style.formats?.[c] ?? (value instanceof Date ? dateFormat : undefined);
        s = style.font || format !== undefined ? this.styles.index(style.font, format) : 0;
        known[slot] = s;
      }
      if (value === null || value === undefined) {
        if (s !== 0) xml += `<c r="${this.column(c)}${r}" s="${s}"/>`;
        continue;
      }
      const at = `<c r="${this.column(c)}${r}"${s !== 0 ? ` s="${s}"` : ''}`;
      if (typeof value === 'string') {
        const text = withinCell(value);
        const space = text.trim() === text ? '' : ' xml:space="preserve"';
        xml += `${at} t="inlineStr"><is><t${space}>${xmlText(text)}</t></is></c>`;
      } else if (typeof value === 'number') {
        xml += `${at}><v>${number(value, this.name, r, c)}</v></c>`;
      } else if (typeof value === 'boolean') {
        xml += `${at} t="b"><v>${value ? 1 : 0}</v></c>`;
      } else if (value instanceof Date) {
        xml += `${at}><v>${number(excelSerial(value), this.name, r, c)}</v></c>`;
      } else {
        xml += `${at}><f>${xmlText(value.formula)}</f><v>${number(value.result, this.name, r, c)}</v></c>`;
      }
    }
    this.data.add(`${xml}</row>`);
    return r;
  }

  /** An autofilter on the header row `row`, over its first `columns` columns. */
  autoFilter(row: number, columns: number): void {
    this.filter = `A${row}:${this.column(columns - 1)}${row}`;
  }

  get filterRange(): string | null {
    return this.filter;
  }

  private column(c: number): string {
    let name = this.columnNames[c];
    if (name === undefined) {
      name = columnName(c);
      this.columnNames[c] = name;
    }
    return name;
  }

  /**
   * Ends the sheet: its part, or null when the part went into the zip as it was written (and is
   * ended now).
   */
  end(): Buffer[] | null {
    const part = this.data.finish(
      Buffer.from(`</sheetData>${this.filter ? `<autoFilter ref="${this.filter}"/>` : ''}</worksheet>`),
    );
    return part && [Buffer.from(this.head()), ...part];
  }

  private head(): string {
    const { widths, frozen, gridLines } = this.options;
    const pane =
      frozen && (frozen.rows > 0 || frozen.columns > 0)
        ? `<pane${frozen.columns > 0 ? ` xSplit="${frozen.columns}"` : ''}${
            frozen.rows > 0 ? ` ySplit="${frozen.rows}"` : ''
          } topLeftCell="${columnName(frozen.columns)}${frozen.rows + 1}" activePane="${
            frozen.rows > 0 && frozen.columns > 0 ? 'bottomRight' : frozen.rows > 0 ? 'bottomLeft' : 'topRight'
          }" state="frozen"/>`
        : '';
    const cols = widths?.length
      ? `<cols>${widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>`
      : '';
    return `${header}<worksheet xmlns="${main}" xmlns:r="${rel}"><sheetViews><sheetView workbookViewId="0"${
      gridLines === false ? ' showGridLines="0"' : ''
    }>${pane}</sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>${cols}<sheetData>`;
  }
}

function number(value: number, sheet: string, row: number, column: number): string {
  if (!Number.isFinite(value)) throw new Error(`${sheet}!${columnName(column)}${row} is not a number: ${value}`);
  return String(value);
}

/** The zip path of the sheet at 0-based `index`. */
const sheetPart = (index: number) => `xl/worksheets/sheet${index + 1}.xml`;

/** Where a part's text goes when it is sent on as it is written. */
interface PartOut {
  write(chunk: Buffer): void;
  end(last: Buffer): void;
}

/** Deflate's level in every part: zlib's default. */
const level = 6;

/**
 * A deflated part laid out by fflate's Zip, which numbers its place and writes its headers; the
 * returned `send` takes its deflated bytes (the part's `size` and `crc` must be right when the
 * last are sent).
 */
function zipEntry(zip: Zip, filename: string, mtime: Date, size = 0, crc = 0) {
  const entry: ZipInputFile = { filename, mtime, compression: 8, size, crc };
  zip.add(entry);
  const send = entry.ondata;
  if (!send) throw new Error(`the zip took no data for ${filename}`);
  return { entry, send };
}

/** A zlib failure as fflate's Zip passes it on. */
const flateError = (error: Error) => Object.assign(error, { code: 0 });

/**
 * A small part of fixed text, deflated here and now, and kept by its text: most of a workbook's
 * parts are the same in every statement of a run (content types, relationships, properties,
 * workbook, styles), so they are deflated once, not 2,000 times. node:zlib's one-call deflate on
 * libuv's threads cost more than the deflating itself for such parts (one thread's memory handed
 * to another for every part): 2,000 statements 5.7–5.9 → 5.4–5.5 s with the sheets deflated so
 * (`addSheet`), the two builds in turn on 4 December.
 */
function addText(zip: Zip, filename: string, mtime: Date, text: string): void {
  let part = fixedParts.get(text);
  if (!part) {
    const data = Buffer.from(text);
    part = { data: deflateRawSync(data, { level }), size: data.length, crc: crc32(data) };
    if (fixedParts.size >= 64) fixedParts.clear();
    fixedParts.set(text, part);
  }
  const { send } = zipEntry(zip, filename, mtime, part.size, part.crc);
  send(null, part.data, true);
}
const fixedParts = new Map<string, { data: Buffer<ArrayBuffer>; size: number; crc: number }>();

/** A sheet's whole part, deflated on libuv's threads while the export goes on. */
function addSheet(zip: Zip, filename: string, mtime: Date, chunks: Buffer[]): void {
  const data = Buffer.concat(chunks);
  const { send } = zipEntry(zip, filename, mtime, data.length, crc32(data));
  deflateRaw(data, { level }, (error, deflated) =>
    error ? send(flateError(error), new Uint8Array(0), true) : send(null, deflated, true),
  );
}

/** A part deflated as it is written, on libuv's threads; its size and CRC are counted as it goes. */
function streamedPart(zip: Zip, filename: string, mtime: Date): PartOut {
  const { entry, send } = zipEntry(zip, filename, mtime);
  const deflate = createDeflateRaw({ level });
  deflate.on('data', (chunk: Buffer<ArrayBuffer>) => send(null, chunk, false));
  deflate.on('end', () => send(null, new Uint8Array(0), true));
  deflate.on('error', (error) => send(flateError(error), new Uint8Array(0), true));
  const count = (chunk: Buffer) => {
    entry.crc = crc32(chunk, entry.crc);
    entry.size += chunk.length;
    // A zip without ZIP64 records holds parts under 4 GiB; past that the sizes would wrap.
    if (entry.size > 0xffff_ffff) throw new Error(`${filename} is larger than an xlsx part can be (4 GiB)`);
  };
  return {
    write(chunk) {
      count(chunk);
      deflate.write(chunk);
    },
    end(last) {
      count(last);
      deflate.end(last);
    },
  };
}

/** A workbook of sheets, written as xlsx bytes. */
export class XlsxWriter {
  private readonly styles = new Styles();
  private readonly sheets: SheetWriter[] = [];
  private readonly zip = new Zip();
  /** The zip's bytes, once its last part is laid out. */
  private readonly zipped: Promise<Buffer>;

  /** `stamp` is the time the document properties carry, and each zip entry's (the caller may stamp those again). */
  constructor(private readonly stamp: Date) {
    // The zip is gathered from the start: a large sheet's part goes in while its rows are written.
    const chunks: Uint8Array[] = [];
    this.zipped = new Promise((resolve, reject) => {
      this.zip.ondata = (error, chunk, final) => {
        if (error) reject(error);
        else {
          chunks.push(chunk);
          if (final) resolve(Buffer.concat(chunks));
        }
      };
    });
    // Handled here so a failure before `bytes` is asked for is not reported as unhandled; `bytes` answers it.
    this.zipped.catch(() => {});
  }

  addSheet(name: string, options: SheetOptions = {}): SheetWriter {
    if (!/^[^[\]:*?/\\]{1,31}$/.test(name) || name.startsWith("'"))
      throw new Error(`"${name}" cannot name a sheet in Excel`);
    const part = sheetPart(this.sheets.length);
    const sheet = new SheetWriter(name, this.styles, options, () => streamedPart(this.zip, part, this.stamp));
    this.sheets.push(sheet);
    return sheet;
  }

  /** The xlsx file: every sheet ends here. */
  bytes(): Promise<Buffer> {
    const add = (path: string, text: string) => addText(this.zip, path, this.stamp, text);
    const sheets = this.sheets;
    add(
      '[Content_Types].xml',
      `${header}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheets
        .map(
          (_, i) =>
            `<Override PartName="/${sheetPart(i)}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
        )
        .join(
          '',
        )}<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>`,
    );
    add(
      '_rels/.rels',
      `${header}<Relationships xmlns="${pkgRel}"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="${rel}/extended-properties" Target="docProps/app.xml"/></Relationships>`,
    );
    const when = this.stamp.toISOString().replace(/\.\d{3}Z$/, 'Z');
    add(
      'docProps/core.xml',
      `${header}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>SchemeDesk</dc:creator><cp:lastModifiedBy>SchemeDesk</cp:lastModifiedBy><dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified></cp:coreProperties>`,
    );
    add(
      'docProps/app.xml',
      `${header}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>SchemeDesk</Application></Properties>`,
    );
    const quoted = (name: string) => `'${name.replace(/'/g, "''")}'`;
    const filters = sheets
      .map((s, i) => {
        const range = s.filterRange;
        if (!range) return '';
        const [from, to] = range.split(':').map((ref) => ref.replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2'));
        return `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">${xmlText(quoted(s.name))}!${from}:${to}</definedName>`;
      })
      .join('');
    add(
      'xl/workbook.xml',
      `${header}<workbook xmlns="${main}" xmlns:r="${rel}"><bookViews><workbookView/></bookViews><sheets>${sheets
        .map((s, i) => `<sheet name="${xmlText(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
        .join('')}</sheets>${filters ? `<definedNames>${filters}</definedNames>` : ''}</workbook>`,
    );
    add(
      'xl/_rels/workbook.xml.rels',
      `${header}<Relationships xmlns="${pkgRel}">${sheets
        .map((_, i) => `<Relationship Id="rId${i + 1}" Type="${rel}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
        .join(
          '',
        )}<Relationship Id="rId${sheets.length + 1}" Type="${rel}/styles" Target="styles.xml"/></Relationships>`,
    );
    sheets.forEach((s, i) => {
      const part = s.end();
      if (part) addSheet(this.zip, sheetPart(i), this.stamp, part);
    });
    add('xl/styles.xml', this.styles.xml());
    this.zip.end();
    return this.zipped;
  }
}
