import { posix } from 'node:path';
import { CELL_CHARS } from '../../files/excel-limits';
import { PLAIN, withLook, xlsxColour } from './cell-colours';
import { type DxfLook, fontFlag, readDxfElement } from './conditional-formats';
import { NotWorkbookZipError } from './not-spreadsheets';
import { builtInKind, formatKind, type StyleKind } from './number-formats';
import { BinaryWorkbookError, DamagedFileError } from './types';
import { parseXmlPart, type XmlHandlers } from './xml';
import type { ZipReader } from './zip';

/**
 * The parts of an .xlsx that say how to read its sheets: which sheets there are, in what order and
 * under what names (workbook.xml and its relationships), which cell styles make a number a date
 * (styles.xml), the date system, and the shared strings. Each is read whole before any sheet.
 */
export const PART_LIMITS = {
  /** Excel's own limit on the text of one cell. */
  cellChars: CELL_CHARS,
  /**
   * Shared strings: a million-line register has a few hundred thousand distinct texts, a few
   * million characters. These bounds keep a workbook's strings within the import's memory.
   */
  sharedStrings: 2_000_000,
  sharedChars: 100_000_000,
};

export interface WorkbookSheet {
  name: string;
  /** The sheet's part inside the zip, e.g. xl/worksheets/sheet1.xml. */
  part: string;
  /** Hidden in the workbook (`state` hidden or veryHidden): Excel shows no tab for it. */
  hidden: boolean;
}

export interface Workbook {
  date1904: boolean;
  /** Whether Excel works out every formula again when it opens the file (`calcPr fullCalcOnLoad`). */
  recalculatesOnOpen: boolean;
  /**
   * Whether each formula's saved number is what Excel worked out from its cells (saved-formulas.ts):
   * not where Excel is asked to recalculate on opening, keeps numbers as they are displayed
   * (`fullPrecision="0"`) or calculates in rounds (`iterate="1"`).
   */
  savesFormulasAsCalculated: boolean;
  sheets: WorkbookSheet[];
  /** For each cell style index (`s`), whether its number format shows a date or time, a percentage, or nothing. */
  styleKinds: StyleKind[];
  /** Each cell style's fill colour, against which a conditional format's text colour is seen. */
  styleFills: (string | undefined)[];
  /** Each conditional format's look, by the index a sheet's rules name it by. */
  dxfs: DxfLook[];
  /** Whether each cell style's font is struck through; null where none is. */
  struckStyles: boolean[] | null;
  /** The shared strings whose text is all in runs struck through, by index; null where none is. */
  struckStrings: Set<number> | null;
  /**
   * Whether a style hides a value (`;;;`, text in its fill's colour) or shows it in a currency or
   * in thousands: only then is each cell asked what it shows apart (a percentage or a padded code
   * alone is read, not noted).
   */
  readApart: boolean;
  sharedStrings: string[];
}

/** A workbook's shared strings, and those whose text is all struck through. */
interface SharedStrings {
  strings: string[];
  struck: Set<number>;
}

async function readPart(zip: ZipReader, part: string, handlers: XmlHandlers): Promise<boolean> {
  const entry = zip.entry(part);
  if (!entry) return false;
  for await (const _ of parseXmlPart(part, zip.read(entry), handlers));
  return true;
}

/** The relationships of a part: id → { type, part it points to }. */
async function relationships(zip: ZipReader, part: string) {
  const folder = posix.dirname(part);
  const rels = new Map<string, { type: string; part: string }>();
  await readPart(zip, posix.join(folder, '_rels', `${posix.basename(part)}.rels`), {
    open(name, a) {
      if (name !== 'Relationship' || !a.Id || !a.Target || a.TargetMode === 'External') return;
      const target = a.Target.replace(/\\/g, '/');
      const resolved = target.startsWith('/') ? target.slice(1) : posix.normalize(posix.join(folder, target));
      rels.set(a.Id, { type: a.Type ?? '', part: resolved });
    },
    close() {},
  });
  return rels;
}

const attribute = (a: Record<string, string>, localName: string) => {
  for (const [k, v] of Object.entries(a)) if (k === localName || k.endsWith(`:${localName}`)) return v;
  return undefined;
};

/** What a workbook's styles say of how its cells look, where the import reads them apart. */
interface Styles {
  kinds: StyleKind[];
  /** Each cell style's fill colour (white where none; undefined for a pattern or a tint). */
  fills: (string | undefined)[];
  /** Each conditional format's look (`dxfs`), which a sheet's rules name by index. */
  dxfs: DxfLook[];
  /** Whether each cell style's font is struck through. */
  struck: boolean[];
}

/**
 * Whether all the text of a rich text (a shared string, an inline string) is in runs struck
 * through (`<r><rPr><strike/></rPr><t>…`): text outside a run, or in a run whose font is not
 * struck, is not. Told each element inside the text, and each piece of text read.
 */
export class StruckRuns {
  private run = false;
  private all: boolean | null = null;
  begin() {
    this.run = false;
    this.all = null;
  }
  open(name: string, a: Record<string, string>) {
    if (name === 'r') this.run = false;
    else if (name === 'strike') this.run = fontFlag(a);
  }
  text(t: string) {
    if (/\S/.test(t)) this.all = (this.all ?? true) && this.run;
  }
  get struck() {
    return this.all === true;
  }
}

/**
 * What each cell style shows apart from its value: by its number format (a date, a percentage,
 * nothing, a currency, thousands), or by its colours (text drawn in its fill's); and what each
 * conditional format (`dxf`) does to a cell's look. Fonts and fills are read in their lists.
 */
async function readStyles(zip: ZipReader, part: string | undefined): Promise<Styles> {
  // What each custom format shows, read once however many styles use it.
  const codes = new Map<number, StyleKind>();
  const kinds: StyleKind[] = [];
  const styleFills: (string | undefined)[] = [];
  // Each font's text colour (black where it names none) and each fill's colour (white where none).
  const fonts: (string | undefined)[] = [];
  const fontsStruck: boolean[] = [];
  const struck: boolean[] = [];
  const fills: (string | undefined)[] = [];
  const dxfs: DxfLook[] = [];
  let list: string | null = null;
  let solid = false;
  let inFont = false;
  if (part)
    await readPart(zip, part, {
      open(name, a) {
        const dxf = dxfs[dxfs.length - 1];
        if (name === 'fonts' || name === 'fills' || name === 'cellXfs' || name === 'dxfs') list = name;
        else if (name === 'font') inFont = true;
        if (list === 'dxfs') {
          if (name === 'dxf') dxfs.push({});
          else if (dxf) readDxfElement(dxf, name, a, inFont);
        } else if (name === 'numFmt' && a.numFmtId !== undefined)
          codes.set(Number(a.numFmtId), formatKind(a.formatCode ?? ''));
        else if (list === 'fonts' && name === 'font') {
          fonts.push(PLAIN.text);
          fontsStruck.push(false);
        } else if (list === 'fonts' && name === 'color') fonts[fonts.length - 1] = xlsxColour(a);
        else if (list === 'fonts' && name === 'strike') fontsStruck[fontsStruck.length - 1] = fontFlag(a);
        else if (list === 'fills' && name === 'fill') fills.push(undefined);
        else if (list === 'fills' && name === 'patternFill') {
          // A solid fill is its foreground colour; a pattern mixes two, which is no one colour.
          solid = a.patternType === 'solid';
          fills[fills.length - 1] = !a.patternType || a.patternType === 'none' ? PLAIN.fill : undefined;
        } else if (list === 'fills' && name === 'fgColor' && solid) fills[fills.length - 1] = xlsxColour(a);
        else if (list === 'cellXfs' && name === 'xf') {
          const id = Number(a.numFmtId ?? 0);
          const look = { text: fonts[Number(a.fontId ?? 0)], fill: fills[Number(a.fillId ?? 0)] };
          kinds.push(withLook(codes.get(id) ?? builtInKind(id), look));
          styleFills.push(look.fill);
          struck.push(fontsStruck[Number(a.fontId ?? 0)] ?? false);
        }
      },
      close(name) {
        if (name === list) list = null;
        else if (name === 'font') inFont = false;
      },
    });
  return { kinds, fills: styleFills, dxfs, struck };
}

/** Shared strings in order; rich text keeps every run, phonetic guides (rPh) are left out. */
async function sharedStrings(zip: ZipReader, part: string | undefined): Promise<SharedStrings> {
  const strings: string[] = [];
  const struck = new Set<number>();
  if (!part) return { strings, struck };
  const runs = new StruckRuns();
  let text: string | null = null;
  let inT = false;
  let phonetic = 0;
  let chars = 0;
  await readPart(zip, part, {
    open(name, a) {
      if (name === 'sst' && Number(a.uniqueCount ?? a.count ?? 0) > PART_LIMITS.sharedStrings) tooMany();
      else if (name === 'si') {
        text = '';
        runs.begin();
      } else if (name === 'rPh') phonetic++;
      else if (name === 't' && phonetic === 0) inT = true;
      else runs.open(name, a);
    },
    text(t) {
      if (!inT || text === null) return;
      text += t;
      runs.text(t);
      if (text.length > PART_LIMITS.cellChars)
        throw new DamagedFileError(
          `shared string ${strings.length + 1} is longer than a cell can hold (${PART_LIMITS.cellChars} characters)`,
        );
    },
    close(name) {
      if (name === 't') inT = false;
      else if (name === 'rPh') phonetic--;
      else if (name === 'si' && text !== null) {
        if (runs.struck) struck.add(strings.length);
        strings.push(text);
        chars += text.length;
        if (strings.length > PART_LIMITS.sharedStrings || chars > PART_LIMITS.sharedChars) tooMany();
        text = null;
      }
    },
  });
  return { strings, struck };
}

const tooMany = () => {
  throw new DamagedFileError(
    `it holds more shared text than any real workbook (over ${PART_LIMITS.sharedStrings.toLocaleString('en-IN')} strings or ${PART_LIMITS.sharedChars / 1e6} million characters)`,
  );
};

const OFFICE_DOCUMENT = /\/officeDocument$/;

export async function readWorkbook(zip: ZipReader): Promise<Workbook> {
  const root = await relationships(zip, '');
  const main = [...root.values()].find((r) => OFFICE_DOCUMENT.test(r.type))?.part ?? 'xl/workbook.xml';
  // Said to the user by the opening, which hands the file to LibreOffice.
  if (main.endsWith('.bin')) throw new BinaryWorkbookError();
  // Another Office document names its own main part.
  if (main.startsWith('word/')) throw new NotWorkbookZipError('a Word document');
  if (main.startsWith('ppt/')) throw new NotWorkbookZipError('a PowerPoint presentation');
  const rels = await relationships(zip, main);
  const byType = (suffix: string) => [...rels.values()].find((r) => r.type.endsWith(suffix))?.part;
  let date1904 = false;
  let recalculatesOnOpen = false;
  let savesFormulasAsCalculated = true;
  const sheets: WorkbookSheet[] = [];
  const found = await readPart(zip, main, {
    open(name, a) {
      if (name === 'workbookPr') date1904 = a.date1904 === '1' || a.date1904 === 'true';
      else if (name === 'calcPr') {
        const on = (value: string | undefined) => value === '1' || value === 'true';
        recalculatesOnOpen = on(a.fullCalcOnLoad);
        savesFormulasAsCalculated =
          !recalculatesOnOpen && !on(a.iterate) && a.fullPrecision !== '0' && a.fullPrecision !== 'false';
      } else if (name === 'sheet') {
        const rel = rels.get(attribute(a, 'id') ?? '');
        if (rel?.type.endsWith('/worksheet'))
          sheets.push({
            name: a.name ?? `Sheet${sheets.length + 1}`,
            part: rel.part,
            hidden: a.state === 'hidden' || a.state === 'veryHidden',
          });
      }
    },
    close() {},
  });
  if (!found) {
    // An archive of files has no package at all.
    if (root.size === 0 && !zip.entry('[Content_Types].xml')) throw new NotWorkbookZipError('a zip archive');
    throw new DamagedFileError('it is a zip without a workbook in it (is it really an .xlsx?)');
  }
  const styles = await readStyles(zip, byType('/styles'));
  const shared = await sharedStrings(zip, byType('/sharedStrings'));
  return {
    date1904,
    recalculatesOnOpen,
    savesFormulasAsCalculated,
    sheets,
    styleKinds: styles.kinds,
    styleFills: styles.fills,
    dxfs: styles.dxfs,
    struckStyles: styles.struck.includes(true) ? styles.struck : null,
    readApart: styles.kinds.some(
      (kind) => typeof kind === 'object' && Boolean(kind?.hides || kind?.currency || kind?.power || kind?.unit),
    ),
    sharedStrings: shared.strings,
    struckStrings: shared.struck.size > 0 ? shared.struck : null,
  };
}
