import ExcelJS from 'exceljs';
import unzipper from 'unzipper';
import { cellContent } from './cell';
import { type Merge, mergeFiller, type Source, type SourceSheet } from './types';

/**
 * .xlsx through exceljs's streaming reader, so a million-row workbook is never held in memory.
 * The streaming reader ignores merged cells and the 1904 date system, so a first, light pass
 * over the zip reads those (and each sheet's row count, for progress) without parsing cells.
 */
interface SheetFacts {
  name: string;
  rows: number;
  merges: Merge[];
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

function parseRef(ref: string): { row: number; col: number } {
  const m = ref.match(/^([A-Z]+)(\d+)$/);
  return { row: Number(m?.[2] ?? 0), col: columnNumber(m?.[1] ?? 'A') };
}

async function scanSheet(entry: unzipper.File): Promise<{ rows: number; merges: Merge[] }> {
  let rows = 0;
  const merges: Merge[] = [];
  let tail = '';
  for await (const chunk of entry.stream()) {
    const text = tail + (chunk as Buffer).toString('utf8');
    const cut = text.lastIndexOf('<');
    const complete = cut > 0 ? text.slice(0, cut) : text;
    tail = cut > 0 ? text.slice(cut) : '';
    rows += complete.match(/<row[\s>]/g)?.length ?? 0;
    for (const m of complete.matchAll(/<mergeCell ref="([A-Z]+\d+):([A-Z]+\d+)"/g)) {
      const a = parseRef(m[1] ?? 'A1');
      const b = parseRef(m[2] ?? 'A1');
      merges.push({ top: a.row, left: a.col, bottom: b.row, right: b.col });
    }
  }
  return { rows, merges };
}

async function workbookFacts(path: string): Promise<{ date1904: boolean; sheets: SheetFacts[] }> {
  const zip = await unzipper.Open.file(path);
  const read = async (name: string) => (await zip.files.find((f) => f.path === name)?.buffer())?.toString('utf8') ?? '';
  const workbook = await read('xl/workbook.xml');
  const rels = await read('xl/_rels/workbook.xml.rels');
  const targets = new Map(
    [...rels.matchAll(/<Relationship [^>]*Id="([^"]+)"[^>]*Target="([^"]+)"/g)].map((m) => [m[1], m[2]]),
  );
  const nameOfFile = new Map<string, string>();
  for (const m of workbook.matchAll(/<sheet [^>]*name="([^"]*)"[^>]*r:id="([^"]+)"/g)) {
    const target = (targets.get(m[2]) ?? '').replace(/^\/?(xl\/)?/, '');
    nameOfFile.set(`xl/${target}`, decodeXml(m[1] ?? ''));
  }
  // In the order of the zip's entries: the order exceljs's streaming reader emits worksheets in,
  // which is how each emitted worksheet gets its name (the reader itself may not know it yet
  // when workbook.xml comes after the sheets in the file).
  const sheets: SheetFacts[] = [];
  // A sheet is named as the workbook names it, never by its path inside the zip.
  for (const entry of zip.files.filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f.path))) {
    sheets.push({ name: nameOfFile.get(entry.path) ?? `Sheet${sheets.length + 1}`, ...(await scanSheet(entry)) });
  }
  return { date1904: /<workbookPr[^>]*date1904="(1|true)"/.test(workbook), sheets };
}

const decodeXml = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

export async function openXlsx(path: string): Promise<Source> {
  const facts = await workbookFacts(path);
  return {
    format: 'xlsx',
    date1904: facts.date1904,
    async *sheets() {
      const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
        sharedStrings: 'cache',
        styles: 'cache',
        hyperlinks: 'ignore',
        worksheets: 'emit',
        entries: 'emit',
      });
      let index = 0;
      for await (const worksheet of reader) {
        const info = facts.sheets[index++];
        const fill = mergeFiller(info?.merges ?? []);
        const sheet: SourceSheet = {
          name: info?.name ?? (worksheet as unknown as { name?: string }).name ?? `Sheet${index}`,
          totalRows: info?.rows ?? null,
          async *rows() {
            for await (const row of worksheet) {
              const values = row.values as unknown[];
              const cells = Array.from({ length: Math.max(0, values.length - 1) }, (_, i) => {
                const v = cellContent(values[i + 1]);
                return typeof v === 'object' && v !== null && !(v instanceof Date) ? null : v;
              });
              yield fill({ number: row.number, cells });
            }
          },
        };
        yield sheet;
      }
    },
  };
}
