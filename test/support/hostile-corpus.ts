import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ArchivePage, delimited, webArchive } from './files';
import { sheetXml, workbookParts, writeZip, type ZipPart, zipBytes } from './zip-writer';

/**
 * A corpus of malformed and hostile files, written fresh by every run: broken and lying zips,
 * bombs, cut-short XML, DTDs, cells outside the grid, error and formula cells, impossible dates,
 * foreign currencies, groupings of no system, negative invoices, control characters, mixed line
 * endings, scripts in HTML and spans that never end. Each says what the importer must do with it:
 * refuse it (as damaged, or with a row error naming the row and column), or store exactly the
 * lines it holds.
 */
export type Expectation =
  | { refused: true }
  | { rowError: { row: number; column: string } }
  | { stored: [string, string, number][] };

export interface HostileCase {
  file: string;
  write(path: string): void;
  expect: Expectation;
  /** A broken byte may land where it changes nothing: then the lines must come in exactly right. */
  orStored?: boolean;
  /** Needs the import worker's memory limit to be safe: run through the API. */
  inWorker?: boolean;
}

type Value = string | number | { xml: string } | null;
const HEADER = ['Invoice No', 'Invoice Date', 'Document Type', 'Distributor Code', 'SKU', 'Qty', 'Net Value'];
const COLUMN = Object.fromEntries(HEADER.map((h, i) => [h, i])) as Record<string, number>;

/** Three good lines; case n's invoice numbers are its own, so no two cases collide. */
function lines(n: number): Value[][] {
  return [
    HEADER,
    [`H${n}-1`, '15-10-2026', 'Invoice', 'D001', 'SKU-0001', 2, '100.50'],
    [`H${n}-2`, '16-10-2026', 'Invoice', 'D002', 'SKU-0002', 1, '200.00'],
    [`H${n}-3`, '17-10-2026', 'Credit Note', 'D001', 'SKU-0001', 1, '50.25'],
  ];
}
const good = (n: number): [string, string, number][] => [
  [`H${n}-1`, '2026-10-15', 10050],
  [`H${n}-2`, '2026-10-16', 20000],
  [`H${n}-3`, '2026-10-17', -5025],
];

const xmlText = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const colName = (c: number) => String.fromCharCode(65 + c);

function xlsxCell(v: Value, ref: string): string {
  if (v === null) return '';
  if (typeof v === 'object') return v.xml.replace('$REF', ref);
  if (typeof v === 'number') return `<c r="${ref}"><v>${v}</v></c>`;
  return `<c r="${ref}" t="inlineStr"><is><t>${xmlText(v)}</t></is></c>`;
}
const xlsxRows = (rows: Value[][]) =>
  rows
    .map((row, r) => `<row r="${r + 1}">${row.map((v, c) => xlsxCell(v, `${colName(c)}${r + 1}`)).join('')}</row>`)
    .join('');
const DATE_STYLES =
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>';
const xlsxParts = (rows: Value[][], after = '') =>
  workbookParts(sheetXml(xlsxRows(rows), after), { styles: DATE_STYLES });

const plain = (v: Value) => (v === null ? null : typeof v === 'object' ? null : v);
const html = (rows: Value[][], extra = '') =>
  `<html><head><title>Sales</title></head><body>${extra}<table>${rows
    .map((r) => `<tr>${r.map((v) => `<td>${xmlText(String(plain(v) ?? ''))}</td>`).join('')}</tr>`)
    .join('')}</table></body></html>`;
const excel2003 = (rows: Value[][]) =>
  `<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="Sales"><Table>${rows
    .map(
      (r) =>
        `<Row>${r
          .map((v) => {
            const p = plain(v);
            return p === null
              ? '<Cell/>'
              : `<Cell><Data ss:Type="${typeof p === 'number' ? 'Number' : 'String'}">${xmlText(String(p))}</Data></Cell>`;
          })
          .join('')}</Row>`,
    )
    .join('')}</Table></Worksheet></Workbook>`;

type Format = 'csv' | 'xlsx' | 'html' | 'xml';
function writeTable(path: string, format: Format, rows: Value[][]) {
  if (format === 'xlsx') writeZip(path, xlsxParts(rows));
  else if (format === 'csv') writeFileSync(path, delimited(rows.map((r) => r.map(plain))));
  else writeFileSync(path, format === 'html' ? html(rows) : excel2003(rows));
}
const extension = { csv: 'csv', xlsx: 'xlsx', html: 'xls', xml: 'xls' } as const;

/** One value of line 1 (row 2) replaced; what the importer must make of it in every format. */
interface ValueCase {
  what: string;
  column: string;
  value: (n: number) => Value;
  /** Undefined: a row error at row 2 in that column. */
  stored?: (n: number) => [string, string, number][];
  formats?: Format[];
}

const rowError = (column: string): Expectation => ({ rowError: { row: 2, column } });
const VALUE_CASES: ValueCase[] = [
  ...['$100.50', '€100.50', 'USD 100.50', '£ 100.50', 'US$100.50'].map((v) => ({
    what: `currency ${v}`,
    column: 'Net Value',
    value: () => v,
  })),
  ...['1,234,56', '12,34,5', '100,50', '1.234,50'].map((v) => ({
    what: `grouping ${v}`,
    column: 'Net Value',
    value: () => v,
  })),
  { what: 'negative invoice amount', column: 'Net Value', value: () => '-100.50' },
  { what: 'negative invoice quantity', column: 'Qty', value: () => -2 },
  ...['#N/A', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#NULL!'].map((v) => ({
    what: `error text ${v}`,
    column: 'Net Value',
    value: () => v,
  })),
  { what: 'words for an amount', column: 'Net Value', value: () => 'one hundred' },
  ...['30-02-2026', '31-04-2026', '15-13-2026', '00-10-2026', '15-10-1985', '15-10-2099'].map((v) => ({
    what: `date ${v}`,
    column: 'Invoice Date',
    value: () => v,
  })),
  ...['\u0000', '\u0007', '\u001b', '\u000b'].map((ch) => ({
    what: `control character U+${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
    column: 'Invoice No',
    value: (n: number) => `H${n}-${ch}1`,
    stored: good,
    formats: ['csv', 'xlsx'] as Format[],
  })),
  // Half a million spaces inside a value (and the header search reads every row's cells as a
  // header first): the patterns that read headers, amounts, quantities and dates backtracked over
  // them for minutes, so a run of this case that hangs is what fails. An xlsx cell holds at most
  // 32,767 characters (a longer one is refused as damage): there, the most it may.
  ...['Net Value', 'Qty', 'Invoice Date'].flatMap((column) => [
    {
      what: `half a million spaces in ${column}`,
      column,
      value: () => `1${' '.repeat(500_000)}0`,
      formats: ['csv', 'html', 'xml'] as Format[],
    },
    {
      what: `a cell of spaces in ${column}`,
      column,
      value: () => `1${' '.repeat(32_765)}0`,
      formats: ['xlsx'] as Format[],
    },
  ]),
  // Longer than a spreadsheet cell holds: no register or statement could carry it to Excel. (An
  // xlsx with such a cell is refused whole, as damage: see 'a cell of 40,000 characters'.)
  {
    what: 'a document number of 100,000 characters',
    column: 'Invoice No',
    value: (n: number) => `H${n}-${'x'.repeat(100_000)}`,
    formats: ['csv', 'html', 'xml'] as Format[],
  },
  {
    what: 'formula-looking text',
    column: 'Invoice No',
    value: (n) => `=H${n}-1`,
    stored: (n) => [[`=H${n}-1`, '2026-10-15', 10050], ...good(n).slice(1)],
  },
];

/** Cells only an xlsx can hold, in row 2. */
const XLSX_CELLS: ValueCase[] = [
  ...['#N/A', '#DIV/0!', '#VALUE!', '#REF!'].map((e) => ({
    what: `error cell ${e}`,
    column: 'Net Value',
    value: () => ({ xml: `<c r="$REF" t="e"><v>${e}</v></c>` }),
  })),
  // A number cell whose text no schema calls a number: JavaScript's Number() reads 0x10 as 16,
  // 0b11 as 3 and a space as 0.
  ...['0x10', '0b11', '0o7', 'Infinity', ' '].map((v) => ({
    what: `number cell written ${v.trim() || 'as a space'}`,
    column: 'Net Value',
    value: () => ({ xml: `<c r="$REF"><v>${v}</v></c>` }),
  })),
  { what: 'formula without saved value', column: 'Net Value', value: () => ({ xml: '<c r="$REF"><f>F2*50</f></c>' }) },
  {
    what: 'formula whose value is an error',
    column: 'Net Value',
    value: () => ({ xml: '<c r="$REF" t="e"><f>1/0</f><v>#DIV/0!</v></c>' }),
  },
  {
    what: 'formula with its saved value',
    column: 'Net Value',
    value: () => ({ xml: '<c r="$REF"><f>F2*50.25</f><v>100.5</v></c>' }),
    stored: good,
  },
  {
    what: 'rich text in runs',
    column: 'Distributor Code',
    value: () => ({ xml: '<c r="$REF" t="inlineStr"><is><r><t>D0</t></r><r><t>01</t></r></is></c>' }),
    stored: good,
  },
  // A line struck out in its rich text's every run is refused; a run struck in part is no line struck.
  {
    what: 'rich text struck through',
    column: 'Invoice No',
    value: (n) => ({
      xml: `<c r="$REF" t="inlineStr"><is><r><rPr><strike/><sz val="11"/></rPr><t>H${n}</t></r><r><rPr><strike val="1"/></rPr><t>-1</t></r></is></c>`,
    }),
  },
  {
    what: 'rich text struck in part',
    column: 'Distributor Code',
    value: () => ({
      xml: '<c r="$REF" t="inlineStr"><is><r><rPr><strike/></rPr><t>D0</t></r><r><rPr><strike val="0"/></rPr><t>01</t></r></is></c>',
    }),
    stored: good,
  },
  {
    what: 'date serial',
    column: 'Invoice Date',
    value: () => ({ xml: '<c r="$REF" s="1"><v>46310</v></c>' }),
    stored: good,
  },
  ...['-1', '0', '3000000', '1e308'].map((v) => ({
    what: `date serial ${v}`,
    column: 'Invoice Date',
    value: () => ({ xml: `<c r="$REF" s="1"><v>${v}</v></c>` }),
  })),
  {
    what: 'ISO date cell 30 February',
    column: 'Invoice Date',
    value: () => ({ xml: '<c r="$REF" t="d"><v>2026-02-30</v></c>' }),
  },
  {
    what: 'escaped escape character',
    column: 'Invoice No',
    value: (n) => ({ xml: `<c r="$REF" t="inlineStr"><is><t>H${n}-_x001B_1</t></is></c>` }),
    stored: good,
  },
];

function valueCases(first: number): HostileCase[] {
  const out: HostileCase[] = [];
  let n = first;
  const add = (vc: ValueCase, format: Format) => {
    const id = n++;
    const rows = lines(id);
    (rows[1] as Value[])[COLUMN[vc.column] ?? 0] = vc.value(id);
    out.push({
      file: `${id} ${format} ${vc.what.replace(/[^\w#$€£ -]/g, '_')}.${extension[format]}`,
      write: (path) => writeTable(path, format, rows),
      expect: vc.stored ? { stored: vc.stored(id) } : rowError(vc.column),
    });
  };
  for (const format of ['csv', 'xlsx', 'html', 'xml'] as const)
    for (const vc of VALUE_CASES) if (!vc.formats || vc.formats.includes(format)) add(vc, format);
  for (const vc of XLSX_CELLS) add(vc, 'xlsx');
  return out;
}

/** Damage to the zip itself, and parts that lie or explode. */
function zipCases(first: number): HostileCase[] {
  const out: HostileCase[] = [];
  let n = first;
  const refused = (what: string, parts: (id: number) => ZipPart[], extra: Partial<HostileCase> = {}) => {
    const id = n++;
    out.push({
      file: `${id} zip ${what}.xlsx`,
      write: (p) => writeZip(p, parts(id)),
      expect: { refused: true },
      ...extra,
    });
  };
  const withSheet = (id: number, change: (part: ZipPart) => ZipPart) =>
    xlsxParts(lines(id)).map((p) => (p.name.includes('worksheets') ? change(p) : p));
  for (const cut of [0.05, 0.2, 0.35, 0.5, 0.65, 0.8, 0.9, 0.97, 0.995]) {
    const id = n++;
    out.push({
      file: `${id} zip cut at ${Math.round(cut * 1000) / 10}%.xlsx`,
      write: (p) => {
        const whole = zipBytes(xlsxParts(lines(id)));
        writeFileSync(p, whole.subarray(0, Math.floor(whole.length * cut)));
      },
      expect: { refused: true },
    });
  }
  for (let k = 0; k < 12; k++) {
    const id = n++;
    out.push({
      file: `${id} zip byte ${k} flipped.xlsx`,
      write: (p) => {
        const whole = zipBytes(xlsxParts(lines(id)));
        const at = Math.floor(((k + 0.5) / 12) * whole.length);
        whole[at] = (whole[at] ?? 0) ^ 0x5a;
        writeFileSync(p, whole);
      },
      expect: { stored: good(id) },
      orStored: true,
    });
  }
  refused('sheet with a wrong CRC', (id) => withSheet(id, (p) => ({ ...p, crc: 0x12345678 })));
  refused('sheet declaring fewer bytes', (id) => withSheet(id, (p) => ({ ...p, declaredSize: 100 })));
  refused('sheet declaring more bytes', (id) => withSheet(id, (p) => ({ ...p, declaredSize: 10_000_000 })));
  refused('encrypted sheet', (id) => withSheet(id, (p) => ({ ...p, encrypted: true })));
  refused('stored sheet cut short', (id) =>
    withSheet(id, (p) => ({ ...p, data: String(p.data).slice(0, 300), stored: true })),
  );
  refused('deflated sheet cut short', (id) =>
    withSheet(id, (p) => ({ ...p, data: String(p.data).slice(0, String(p.data).length - 40) })),
  );
  refused('no workbook part', (id) => xlsxParts(lines(id)).filter((p) => p.name !== 'xl/workbook.xml'));
  refused('sheet part missing', (id) => xlsxParts(lines(id)).filter((p) => !p.name.includes('worksheets')));
  // A part given twice: a reader keeping the first and one keeping the last land different
  // values (the copy's quantities are ten times the first's), and no spreadsheet writes such a zip.
  // Part names are compared without case, as the package format says.
  for (const name of ['xl/worksheets/sheet1.xml', 'xl/worksheets/Sheet1.xml'])
    refused(`the sheet part twice${name.includes('S') ? ', in other capitals' : ''}`, (id) => {
      const parts = xlsxParts(lines(id));
      const sheet = parts.find((p) => p.name.includes('worksheets'));
      return sheet ? [...parts, { name, data: String(sheet.data).replace(/<v>(\d+)/g, '<v>$10') }] : parts;
    });
  // Two hundred thousand spans of the whole grid, hidden: kept as spans, read in a moment and
  // landed (warned of); written out column by column they were 3 billion.
  {
    const id = n++;
    const cols = `<cols>${'<col min="1" max="16384" hidden="1"/>'.repeat(200_000)}</cols>`;
    out.push({
      file: `${id} zip two hundred thousand hidden spans of the grid.xlsx`,
      write: (p) =>
        writeZip(
          p,
          withSheet(id, (part) => ({ ...part, data: String(part.data).replace('<sheetData>', `${cols}<sheetData>`) })),
        ),
      expect: { stored: good(id) },
    });
  }
  refused('not a workbook at all', () => [{ name: 'readme.txt', data: 'hello' }]);
  refused('shared string out of range', (id) =>
    withSheet(id, () => ({
      name: 'xl/worksheets/sheet1.xml',
      data: sheetXml(
        xlsxRows(lines(id)).replace('<c r="A2" t="inlineStr"><is><t>', '<c r="A2" t="s"><v>99</v><is><t>'),
      ),
    })),
  );
  refused(
    'more shared strings than the limit, under the bomb ratio',
    (id) => [
      ...workbookParts(sheetXml(xlsxRows(lines(id))), {
        sharedStrings: `<sst xmlns="x">${'<si><t>a</t></si>'.repeat(2_100_000)}</sst>`,
      }),
    ],
    { inWorker: true },
  );
  refused('twenty thousand parts', (id) => [
    ...xlsxParts(lines(id)),
    ...Array.from({ length: 20_000 }, (_, i) => ({ name: `xl/media/image${i}.png`, data: '', stored: true })),
  ]);
  refused('ten million shared strings declared', (id) => [
    ...workbookParts(sheetXml(xlsxRows(lines(id))), {
      sharedStrings: '<sst xmlns="x" uniqueCount="10000000"><si><t>a</t></si></sst>',
    }),
  ]);
  refused('cell beyond column XFD', (id) =>
    withSheet(id, () => ({
      name: 'xl/worksheets/sheet1.xml',
      data: sheetXml(`${xlsxRows(lines(id))}<row r="9"><c r="ZZZZ9"><v>1</v></c></row>`),
    })),
  );
  refused('row beyond a million', (id) =>
    withSheet(id, () => ({
      name: 'xl/worksheets/sheet1.xml',
      data: sheetXml(`${xlsxRows(lines(id))}<row r="2000000"><c r="A2000000"><v>1</v></c></row>`),
    })),
  );
  refused('rows out of order', (id) =>
    withSheet(id, () => ({
      name: 'xl/worksheets/sheet1.xml',
      data: sheetXml(`${xlsxRows(lines(id))}<row r="3"><c r="A3"><v>1</v></c></row>`),
    })),
  );
  // Excel refuses a sheet that gives one cell twice; read, the second value would silently win.
  refused('a cell written twice', (id) =>
    withSheet(id, () => ({
      name: 'xl/worksheets/sheet1.xml',
      data: sheetXml(xlsxRows(lines(id)).replace(/(<c r="G2".*?<\/c>)/, '$1<c r="G2"><v>999</v></c>')),
    })),
  );
  {
    // Cells out of order but each given once: every value has its place, and is read there.
    const id = n++;
    out.push({
      file: `${id} zip cells out of order in a row.xlsx`,
      write: (p) =>
        writeZip(
          p,
          withSheet(id, () => ({
            name: 'xl/worksheets/sheet1.xml',
            data: sheetXml(
              xlsxRows(lines(id)).replace(
                /<row r="2">(.*?)<\/row>/,
                (_, cells: string) => `<row r="2">${(cells.match(/<c .*?<\/c>/g) ?? []).reverse().join('')}</row>`,
              ),
            ),
          })),
        ),
      expect: { stored: good(id) },
    });
  }
  refused('dimension beyond the grid', (id) =>
    withSheet(id, () => ({
      name: 'xl/worksheets/sheet1.xml',
      data: sheetXml(xlsxRows(lines(id))).replace('<sheetData>', '<dimension ref="A1:XFD99999999"/><sheetData>'),
    })),
  );
  refused('a cell of 40,000 characters', (id) =>
    withSheet(id, () => ({
      name: 'xl/worksheets/sheet1.xml',
      data: sheetXml(
        `${xlsxRows(lines(id))}<row r="9"><c r="A9" t="inlineStr"><is><t>${'x'.repeat(40_000)}</t></is></c></row>`,
      ),
    })),
  );
  refused('a DTD with entities (billion laughs)', (id) =>
    withSheet(id, (p) => ({
      ...p,
      data: String(p.data)
        .replace(
          '<worksheet',
          '<!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><worksheet',
        )
        .replace('>H', '>&c;H'),
    })),
  );
  refused('two hundred thousand merged ranges', (id) =>
    withSheet(id, () => ({
      name: 'xl/worksheets/sheet1.xml',
      data: sheetXml(
        xlsxRows(lines(id)),
        `<mergeCells>${Array.from({ length: 200_000 }, (_, i) => `<mergeCell ref="H${i + 1}:I${i + 1}"/>`).join('')}</mergeCells>`,
      ),
    })),
  );
  refused('merged columns a million rows deep', (id) =>
    withSheet(id, () => ({
      name: 'xl/worksheets/sheet1.xml',
      data: sheetXml(
        xlsxRows(lines(id)),
        '<mergeCells><mergeCell ref="H1:H1048576"/><mergeCell ref="I1:I1048576"/><mergeCell ref="J1:J1048576"/></mergeCells>',
      ),
    })),
  );
  // Conditional formats: a white font over a thousand ranges is refused (each cell would be asked
  // of each); a red one over a million ranges, which hides nothing, is never read range by range.
  const dxfs = (parts: ZipPart[], font: string) =>
    parts.map((p) =>
      p.name === 'xl/styles.xml'
        ? {
            ...p,
            data: String(p.data).replace(
              '</styleSheet>',
              `<dxfs count="1"><dxf><font><color rgb="${font}"/></font></dxf></dxfs></styleSheet>`,
            ),
          }
        : p,
    );
  const conditional = (ranges: number) =>
    `<conditionalFormatting sqref="${Array.from({ length: ranges }, (_, i) => `G${i + 1}`).join(' ')}"><cfRule type="expression" dxfId="0" priority="1"><formula>TRUE</formula></cfRule></conditionalFormatting>`;
  refused('white conditional formats over a thousand ranges', (id) =>
    dxfs(xlsxParts(lines(id), conditional(1_000)), 'FFFFFFFF'),
  );
  {
    const id = n++;
    out.push({
      file: `${id} zip red conditional formats over a million ranges.xlsx`,
      write: (p) => writeZip(p, dxfs(xlsxParts(lines(id), conditional(1_000_000)), 'FFFF0000')),
      expect: { stored: good(id) },
    });
  }
  refused('merged range from row 0', (id) =>
    withSheet(id, () => ({
      name: 'xl/worksheets/sheet1.xml',
      data: sheetXml(xlsxRows(lines(id)), '<mergeCells><mergeCell ref="A0:B2"/></mergeCells>'),
    })),
  );
  // Bombs: what would unpack to gigabytes is refused from the zip directory, before inflating.
  refused(
    'bomb of blank rows',
    (id) => {
      const blank = Buffer.alloc(120_000_000, '<row/>');
      return withSheet(id, (p) => ({
        ...p,
        data: Buffer.concat([
          Buffer.from(String(p.data).replace('</sheetData></worksheet>', '')),
          blank,
          Buffer.from('</sheetData></worksheet>'),
        ]),
      }));
    },
    { inWorker: true },
  );
  refused(
    'bomb of shared strings',
    (id) => [
      ...workbookParts(sheetXml(xlsxRows(lines(id))), {
        sharedStrings: Buffer.concat([
          Buffer.from('<sst xmlns="x">'),
          Buffer.alloc(100_000_000, '<si><t>a</t></si>'),
          Buffer.from('</sst>'),
        ]).toString('latin1'),
      }),
    ],
    { inWorker: true },
  );
  // Many small rows of blank cells under every limit: read in bounded time, nothing to import.
  refused(
    'all-blank sheet of a million rows',
    () => [...workbookParts(sheetXml(Array.from({ length: 1_048_576 }, (_, i) => `<row r="${i + 1}"/>`).join('')))],
    { inWorker: true },
  );
  return out;
}

/** Text files whose shape, not their values, is the trouble. */
function textCases(first: number): HostileCase[] {
  const out: HostileCase[] = [];
  let n = first;
  const add = (
    what: string,
    ext: string,
    content: (id: number) => string | Buffer,
    expect: (id: number) => Expectation,
  ) => {
    const id = n++;
    out.push({ file: `${id} ${what}.${ext}`, write: (p) => writeFileSync(p, content(id)), expect: expect(id) });
  };
  const csv = (id: number) => delimited(lines(id).map((r) => r.map(plain)));
  const stored = (id: number): Expectation => ({ stored: good(id) });
  const refused = (): Expectation => ({ refused: true });
  for (const [what, join] of [
    ['LF endings', (ls: string[]) => ls.join('\n')],
    ['CR endings', (ls: string[]) => ls.join('\r')],
    ['mixed CRLF, LF and CR', (ls: string[]) => `${ls[0]}\r\n${ls[1]}\n${ls[2]}\r${ls[3]}`],
    ['mixed LF and CRLF', (ls: string[]) => `${ls[0]}\n${ls[1]}\r\n${ls[2]}\n${ls[3]}\r\n`],
  ] as const)
    add(`csv ${what}`, 'csv', (id) => join(csv(id).trimEnd().split('\r\n')), stored);
  add('csv blank lines between', 'csv', (id) => csv(id).replace(/\r\n/g, '\r\n\r\n\r\n'), stored);
  add('csv two hundred thousand blank lines', 'csv', (id) => `${csv(id)}${'\r\n'.repeat(200_000)}`, stored);
  add('csv utf-8 bom', 'csv', (id) => `\ufeff${csv(id)}`, stored);
  add(
    'csv a title of half a million spaces',
    'csv',
    (id) => `"Sales${' '.repeat(500_000)}Register"\r\n${csv(id)}`,
    stored,
  );
  add('csv with a sep line', 'csv', (id) => `sep=;\r\n${csv(id).replace(/,/g, ';')}`, stored);
  add('empty file', 'csv', () => '', refused);
  add('only a header', 'csv', () => `${HEADER.join(',')}\r\n`, refused);
  add('binary noise', 'csv', () => Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)), refused);
  add('csv a line of twenty thousand cells', 'csv', (id) => `${csv(id)}${'x,'.repeat(20_000)}\r\n`, refused);
  add(
    'csv more blank lines than a sheet has rows',
    'csv',
    (id) => `${csv(id)}${',,,\r\n'.repeat(1_100_000)}H-X\r\n`,
    refused,
  );
  add('csv a line of two megabytes', 'csv', (id) => `${csv(id)}H-X,"${'x'.repeat(2_000_000)}"\r\n`, refused);
  add(
    'a field of ten megabytes',
    'csv',
    (id) => `${csv(id)}H-X,15-10-2026,Invoice,D001,SKU-0001,1,${'9'.repeat(10_000_000)}\r\n`,
    refused,
  );
  // A quote opened in a cell and closed lines later, mid-cell: the lines between were one cell.
  add(
    'csv a quote closed lines later',
    'csv',
    (id) => csv(id).replace(`H${id}-2`, `"H${id}-2`).replace(`H${id}-3`, `H${id}-3" x`),
    refused,
  );
  add(
    'csv a quote closed lines later before a comma',
    'csv',
    (id) => csv(id).replace(`H${id}-2`, `"H${id}-2`).replace(`H${id}-3`, `H${id}-3"`),
    refused,
  );
  add('an unclosed quote', 'csv', (id) => `${csv(id)}"H-X,15-10-2026,Invoice,D001,SKU-0001,1,10\r\n`, refused);
  add(
    'html with script and style',
    'xls',
    (id) =>
      html(lines(id), '<script>document.write("<table><tr><td>evil</td></tr></table>")</script><style>td{}</style>'),
    stored,
  );
  add('html colspan of a million', 'xls', (id) => html(lines(id)).replace('<td>', '<td colspan="1000000">'), refused);
  add('html rowspan of a million', 'xls', (id) => html(lines(id)).replace('<td>', '<td rowspan="1000000">'), refused);
  add(
    'html col span of a million',
    'xls',
    (id) => html(lines(id)).replace('<table>', '<table><col span="1000000">'),
    refused,
  );
  // Style rules never closed, and a class name of a million letters: a page's colours are read
  // from its first megabyte of style text, and the page lands as any other.
  add(
    'html a style of half a million unclosed rules',
    'xls',
    (id) =>
      html(lines(id), `<style>${'.a{color:white;'.repeat(500_000)}.${'b'.repeat(1_000_000)}{color:white}</style>`),
    stored,
  );
  // A megabyte of class rules, then fifty thousand style elements: each element's rules are read
  // once (read again at every element's end, the page took minutes).
  add(
    'html fifty thousand style elements after a megabyte of rules',
    'xls',
    (id) =>
      html(
        lines(id),
        `<style>${Array.from({ length: 60_000 }, (_, i) => `.c${i}{color:red}`).join('')}</style>${'<style></style>'.repeat(50_000)}`,
      ),
    stored,
  );
  // A million hidden <col>s of a thousand columns each: past the widest grid Excel opens, none counts.
  add(
    'html a million hidden cols',
    'xls',
    (id) => html(lines(id)).replace('<table>', `<table>${'<col span=1000 style="display:none">'.repeat(1_000_000)}`),
    stored,
  );
  add(
    'html tables nested a thousand deep',
    'xls',
    (id) => html(lines(id)).replace('<td>', `<td>${'<table><tr><td>'.repeat(1000)}`),
    refused,
  );
  // A hundred thousand <font>s nested in a cell: their colours read to 512 deep, each not again.
  add(
    'html a cell of a hundred thousand nested fonts',
    'xls',
    (id) => html(lines(id)).replace(/<td>([^<]*)<\/td>/, `<td>${'<font color=red>'.repeat(100_000)}$1</td>`),
    stored,
  );
  add('html never closed', 'xls', (id) => html(lines(id)).replace(/<\/(td|tr|table|body|html)>/g, ''), stored);
  // Excel 2003 XML's conditional formats alike: white over a thousand ranges refused, red over a
  // hundred thousand (one Range of them) never read range by range.
  const rules2003 = (ranges: number, colour: string) =>
    `</Table><ConditionalFormatting xmlns="urn:schemas-microsoft-com:office:excel"><Range>${Array.from({ length: ranges }, (_, i) => `R${i + 1}C7`).join(',')}</Range><Condition><Value1>TRUE</Value1><Format Style='color:${colour}'/></Condition></ConditionalFormatting>`;
  add(
    'excel 2003 white conditional formats over a thousand ranges',
    'xls',
    (id) => excel2003(lines(id)).replace('</Table>', rules2003(1000, 'white')),
    refused,
  );
  add(
    'excel 2003 red conditional formats over a hundred thousand ranges',
    'xls',
    (id) => excel2003(lines(id)).replace('</Table>', rules2003(100_000, 'red')),
    stored,
  );
  add(
    'excel 2003 MergeAcross of a million',
    'xls',
    (id) => excel2003(lines(id)).replace('<Cell>', '<Cell ss:MergeAcross="1000000">'),
    refused,
  );
  add(
    'excel 2003 MergeDown of a million',
    'xls',
    (id) => excel2003(lines(id)).replace('<Cell>', '<Cell ss:MergeDown="1000000">'),
    refused,
  );
  add(
    'excel 2003 cell index of a billion',
    'xls',
    (id) => excel2003(lines(id)).replace('<Cell>', '<Cell ss:Index="1000000000">'),
    refused,
  );
  add(
    'excel 2003 DateTime of 30 February',
    'xls',
    (id) =>
      excel2003(lines(id)).replace(
        '<Data ss:Type="String">15-10-2026</Data>',
        '<Data ss:Type="DateTime">2026-02-30T00:00:00.000</Data>',
      ),
    () => rowError('Invoice Date'),
  );
  for (const v of ['0x10', 'Infinity', ' '])
    add(
      `excel 2003 Number written ${v.trim() || 'as a space'}`,
      'xls',
      (id) =>
        excel2003(lines(id)).replace('<Data ss:Type="String">100.50</Data>', `<Data ss:Type="Number">${v}</Data>`),
      () => rowError('Net Value'),
    );
  add('excel 2003 cut short', 'xls', (id) => excel2003(lines(id)).slice(0, 900), refused);
  // Web archives (MHTML), as SAP GUI saves a list for Excel.
  const page = (text: string): ArchivePage => ({ text, transfer: 'quoted-printable', charset: 'utf-8' });
  add('web archive', 'xls', (id) => webArchive([page(html(lines(id)))]), stored);
  add(
    'web archive a million spaces long',
    'xls',
    (id) =>
      webArchive([page(html(lines(id)))])
        .toString('latin1')
        .replace('<table>', `<table>${' '.repeat(1_000_000)}`),
    stored,
  );
  add('web archive cut short', 'xls', (id) => webArchive([page(html(lines(id)))], false), refused);
  add(
    'web archive in a character set nobody knows',
    'xls',
    (id) =>
      webArchive([page(html(lines(id)))])
        .toString('latin1')
        .replace('charset="utf-8"', 'charset="x-unknown"'),
    refused,
  );
  add(
    'web archive of ten thousand parts',
    'xls',
    () => webArchive(Array.from({ length: 10_000 }, () => page('<p>'))),
    refused,
  );
  add(
    'web archive naming a sheet it holds no page for',
    'xls',
    (id) =>
      webArchive([
        page(
          '<html><head><!--[if gte mso 9]><xml><x:ExcelWorksheets><x:ExcelWorksheet><x:Name>Sales</x:Name><x:WorksheetSource HRef="b_files/sheet001.htm"/></x:ExcelWorksheet></x:ExcelWorksheets></xml><![endif]--></head></html>',
        ),
        { ...page(html(lines(id))), location: 'file:///C:/b_files/sheet009.htm' },
      ]),
    refused,
  );
  // Indexes that go back give a cell or a row twice; the cell's value was moved to the next free
  // column, under another heading.
  const secondRow = (xml: string, change: (row: string) => string) => {
    const at = xml.indexOf('<Row>', xml.indexOf('<Row>') + 1);
    const end = xml.indexOf('</Row>', at);
    return xml.slice(0, at) + change(xml.slice(at, end)) + xml.slice(end);
  };
  add(
    'excel 2003 a cell index going back',
    'xls',
    (id) => secondRow(excel2003(lines(id)), (row) => row.replace(/(<Cell>.*?<\/Cell>)<Cell>/, '$1<Cell ss:Index="1">')),
    refused,
  );
  add(
    'excel 2003 a row index going back',
    'xls',
    (id) => excel2003(lines(id)).replace(/<Row>(?!.*<Row>)/, '<Row ss:Index="2">'),
    refused,
  );
  return out;
}

/** Every case, numbered from 1. */
export function hostileCorpus(): HostileCase[] {
  const values = valueCases(1);
  const zips = zipCases(values.length + 1);
  return [...values, ...zips, ...textCases(values.length + zips.length + 1)];
}

export const caseFile = (dir: string, c: HostileCase) => join(dir, c.file);
