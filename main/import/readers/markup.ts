import { Parser } from 'htmlparser2';
import { CELL_CHARS, SHEET_COLUMNS, SHEET_ROWS } from '../../files/excel-limits';
import {
  classLooks,
  colourName,
  elementLook,
  hashColour,
  inFillColour,
  type Look,
  MAX_CSS,
  PLAIN,
  withLook,
} from './cell-colours';
import { Excel2003Conditions, type HeldCell, noteConditionallyMarked } from './excel-2003-conditions';
import {
  formatKind,
  noteShownApart,
  noteStruck,
  noteUnshown,
  type ShownApart,
  type StyleKind,
  shownNumber,
} from './number-formats';
import { RowFormulas } from './saved-formulas';
import {
  type Cell,
  ColumnSpans,
  DamagedFileError,
  isoDateCell,
  numberCell,
  type Source,
  type SourceRow,
  type SourceSheet,
} from './types';

/** The most a cell may span: a report's merged heading spans a few dozen; more is a hostile file. */
const MAX_SPAN = 1000;
const span = (text: string | undefined, what: string): number => {
  const n = Math.max(1, Math.floor(Number(text)) || 1) - 1;
  if (n >= MAX_SPAN) throw new DamagedFileError(`a cell spans ${n + 1} ${what}, more than any report has`);
  return n;
};

/**
 * The two kinds of "xls" file that are really markup: an HTML page of tables (what many ERPs
 * and DMSs export as "Excel") and Excel 2003 XML Spreadsheet. Both are parsed by htmlparser2;
 * spanned / merged cells (colspan, rowspan, ss:MergeAcross, ss:MergeDown) are filled with their
 * value. Such files are report-sized, so the rows are collected in memory.
 */
interface Building {
  name: string;
  rows: SourceRow[];
  /** Cells still to fill on later rows from a rowspan / MergeDown: [row, col] → value. */
  pending: Map<string, Cell>;
  /** Rows the file hides (`display:none`, ss:Hidden): a filter's, or hidden by hand. */
  hidden: number[];
  /** Columns it hides, by index from 0 (a web page's `<col style='display:none'>`, an Excel 2003 XML Column's ss:Hidden, or either zero wide). */
  hiddenColumns?: ColumnSpans;
  /** A worksheet Excel shows no tab for (its options' Visible: SheetHidden). */
  hiddenSheet?: boolean;
}

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

function sheet(b: Building): SourceSheet {
  return {
    name: b.name,
    totalRows: b.rows.length,
    hiddenRows: b.hidden,
    hiddenColumns: b.hiddenColumns?.indexes() ?? [],
    ...(b.hiddenSheet ? { hidden: true } : {}),
    async *rows() {
      yield* b.rows;
    },
  };
}

function place(
  b: Building,
  row: Cell[],
  rowNumber: number,
  startCol: number,
  value: Cell,
  across: number,
  down: number,
) {
  let col = startCol;
  while (b.pending.has(`${rowNumber}:${col}`) || row[col] !== undefined) col++;
  for (let c = col; c <= col + across; c++) {
    row[c] = value;
    for (let r = 1; r <= down; r++) b.pending.set(`${rowNumber + r}:${c}`, value);
  }
  return col + across + 1;
}

function finishRow(b: Building, row: Cell[], rowNumber: number, apart: ShownApart = {}) {
  // The cells a rowspan or MergeDown begun above fills: Excel shows their value once, above.
  const mergedDown: number[] = [];
  for (const [key, value] of b.pending) {
    const [r, c] = key.split(':').map(Number) as [number, number];
    if (r === rowNumber) {
      row[c] = value;
      b.pending.delete(key);
      if (value !== null && value !== '') mergedDown.push(c);
    }
  }
  const cells = Array.from(row, (v) => (v === undefined || v === '' ? null : v));
  b.rows.push({
    number: rowNumber,
    cells,
    ...(mergedDown.length > 0 ? { mergedDown } : {}),
    ...apart,
  });
}

export function parseHtmlTables(html: string): Source {
  const tables = htmlTables(html);
  return {
    format: 'html',
    date1904: false,
    async *sheets() {
      yield* tables;
    },
  };
}

/** Elements that start a line of their own in a cell: their text is a word apart from what came before. */
const BREAKS = new Set(['br', 'div', 'p', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr']);

/** The deepest tables nest in a real page: a report's layout puts a table in a cell or two. */
const MAX_NESTING = 32;

/**
 * A cell being read: its text, and the part of it Excel shows — text drawn in its background's
 * colour (the cell's, or a `<font color>` or `<span>` inside it) is not.
 */
interface OpenCell {
  text: string;
  shown: string;
  /** The look of the cell and of each element open inside it, each with those around it, to MAX_LOOKS deep. */
  looks: Look[];
  /** How many elements are open inside it. */
  depth: number;
  across: number;
  down: number;
  num?: string;
  overflow?: boolean;
  /** The background colour some of its text is drawn in, where some is. */
  colour?: string;
  /** Whether all its text is struck through (`<s>`, `text-decoration: line-through`); unset before any. */
  struck?: boolean;
}

/**
 * The deepest elements inside a cell whose colours are read (Chromium's parser nests no deeper
 * than 512): a hostile cell of a hundred thousand nested `<font>`s is read in the colours of its
 * first 512, each not allocated again.
 */
const MAX_LOOKS = 512;

/** A table being read: its rows so far, and where in them the page is. */
interface OpenTable {
  table: Building;
  row: Cell[] | null;
  cell: OpenCell | null;
  /** The row's own colours, which its cells take where their classes and styles give none. */
  rowLook: Partial<Look>;
  col: number;
  /** The column the next `<col>` describes. */
  nextColumn: number;
  /** What the row's cells show apart from their values (in thousands). */
  apart: ShownApart;
}

/**
 * A `<col>` Excel's web page writes for a hidden column: `display:none` (its documented way), or
 * drawn zero wide. Columns past the widest sheet Excel opens are none it could show or hide.
 */
function readCol(table: OpenTable, attrs: Record<string, string>) {
  const from = table.nextColumn;
  table.nextColumn = Math.min(from + span(attrs.span, 'columns') + 1, SHEET_COLUMNS);
  if (/display\s*:\s*none/i.test(attrs.style ?? '') || zeroSize(attrs, 'width'))
    table.table.hiddenColumns?.add(from, table.nextColumn - 1);
}

/** A style that draws an element zero wide or high (`width:0pt`, `height:0`). */
const ZERO_IN_STYLE = {
  width: /(^|;)\s*width\s*:\s*0(\.0*)?(pt|px|in|cm)?\s*(;|$)/i,
  height: /(^|;)\s*height\s*:\s*0(\.0*)?(pt|px|in|cm)?\s*(;|$)/i,
};

/** An element drawn zero wide or high, by its attribute (`width=0`) or its style. */
const zeroSize = (attrs: Record<string, string>, size: 'width' | 'height') =>
  attrs[size]?.trim() === '0' || ZERO_IN_STYLE[size].test(attrs.style ?? '');

/**
 * A cell of Excel's web page as its value, where its format shows it rounded: Excel writes the
 * number in `x:num` beside the text its format shows, so `1,235` for 1234.57 (a format without
 * paise) was read as 1,235.00, and `1,234.57` for 1234.567 passed for exact. A format that shows
 * the number in thousands or millions (`1.23` for 1234.5, `#,##0.00,`) gives the number and the
 * power it divides by, as a workbook's does (readShownUnits). Where the text is the number itself
 * (codes with their leading zeros, dates, anything in words) it stays.
 */
function valueBehind(text: string | null, num: string | undefined): { value: Cell; power?: number } {
  const value = num === undefined || text === null ? null : numberCell(num);
  if (typeof value !== 'number') return { value: text };
  const shown = Number((text as string).replace(/[₹$€£,\s]/g, '').replace(/^\((.*)\)$/, '-$1'));
  if (!Number.isFinite(shown) || shown === value) return { value: text };
  if (Math.abs(shown - value) < 1) return { value };
  const power = [3, 6].find((p) => Math.abs(shown - value / 10 ** p) < 1);
  return power === undefined ? { value: text } : { value, power };
}

/**
 * Each table of an HTML page as a sheet, named `Table N` by its place in the page. A table in a
 * cell is a sheet of its own too, and its text is also the text of the cell that holds it, as
 * the cell shows it: the rows after it are the outer table's still (they had been dropped, the
 * inner table's end taken for the outer's).
 */
export function htmlTables(html: string): SourceSheet[] {
  const tables: Building[] = [];
  const open: OpenTable[] = [];
  // Script and style elements are code, not cells: their text is never read as a cell's. A style
  // element's rules give the classes' colours.
  let code = 0;
  // The text of the style element being read (null outside one), and how much style text was read.
  let css: string | null = null;
  let cssRead = 0;
  const classes = new Map<string, Partial<Look>>();
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        const top = open.at(-1);
        if (name === 'script' || name === 'style') {
          code++;
          if (name === 'style') css = '';
        } else if (name === 'table') {
          if (open.length >= MAX_NESTING)
            throw new DamagedFileError(`its tables are nested more than ${MAX_NESTING} deep, more than any report has`);
          const table = {
            name: `Table ${tables.length + 1}`,
            rows: [],
            pending: new Map(),
            hidden: [],
            hiddenColumns: new ColumnSpans(),
          };
          tables.push(table);
          open.push({ table, row: null, cell: null, col: 0, nextColumn: 0, apart: {}, rowLook: {} });
        } else if (name === 'col' && top && !top.row) {
          readCol(top, attrs);
        } else if (name === 'tr' && top) {
          top.row = [];
          top.col = 0;
          top.rowLook = elementLook(classes, name, attrs);
          // Excel's web page of a filtered sheet writes the rows it hides with display:none; a
          // row drawn zero high is hidden too.
          if ('hidden' in attrs || /display\s*:\s*none/i.test(attrs.style ?? '') || zeroSize(attrs, 'height'))
            top.table.hidden.push(top.table.rows.length + 1);
        } else if ((name === 'td' || name === 'th') && top?.row) {
          // Text in its background's colour (a class's `color:white`, as Excel's web page writes it): shown blank.
          top.cell = {
            text: '',
            shown: '',
            looks: [{ ...PLAIN, ...top.rowLook, ...elementLook(classes, name, attrs) }],
            depth: 0,
            across: span(attrs.colspan, 'columns'),
            down: span(attrs.rowspan, 'rows'),
            num: attrs['x:num'] || undefined,
          };
          return;
        } else if (BREAKS.has(name)) {
          // A line break, or a block of its own (`<div>Sharma</div><div>&amp; Sons</div>`): words apart.
          for (const t of open)
            if (t.cell) {
              t.cell.text += ' ';
              t.cell.shown += ' ';
            }
        }
        // An element inside a cell colours the text in it (`<font color=white>`, `<span style>`), or strikes it (`<s>`).
        const cell = top?.cell;
        if (cell && name !== 'table' && ++cell.depth < MAX_LOOKS)
          cell.looks.push({ ...(cell.looks.at(-1) as Look), ...elementLook(classes, name, attrs) });
      },
      ontext(text) {
        if (css !== null && cssRead < MAX_CSS) {
          css += text;
          cssRead += text.length;
        }
        if (code !== 0) return;
        const top = open.at(-1);
        // A cell around a nested table takes its text up to what a cell holds: a hostile page of
        // tables nested 31 deep around 50 MB of text held it 31 times over.
        for (const t of open) {
          if (!t.cell) continue;
          const room = t === top ? text.length : CELL_CHARS + 1 - t.cell.text.length;
          const taken = room >= text.length ? text : text.slice(0, Math.max(0, room));
          t.cell.text += taken;
          const look = t.cell.looks.at(-1) as Look;
          if (t === top && inFillColour(look)) t.cell.colour = colourName(look.text as string);
          else t.cell.shown += taken;
          if (t === top && /\S/.test(taken)) t.cell.struck = (t.cell.struck ?? true) && look.struck === true;
          if (room < text.length) t.cell.overflow = true;
        }
      },
      onclosetag(name) {
        const top = open.at(-1);
        const cell = top?.cell;
        if (cell && cell.depth > 0 && name !== 'td' && name !== 'th' && name !== 'table') {
          if (cell.depth < MAX_LOOKS) cell.looks.pop();
          cell.depth--;
        }
        if (name === 'script' || name === 'style') {
          code = Math.max(0, code - 1);
          // Each element's rules once, added to those before: a page of many style elements is read once over.
          if (css !== null)
            for (const [name, look] of classLooks(css)) classes.set(name, { ...classes.get(name), ...look });
          css = null;
        } else if ((name === 'td' || name === 'th') && top?.row && top.cell) {
          const { table, row, cell } = top;
          // Longer than a cell holds, so refused wherever a field reads it, never cut to fit.
          const read = cell.overflow
            ? { value: cell.text.slice(0, CELL_CHARS + 1) }
            : valueBehind(collapse(cell.text) || null, cell.num);
          top.col = place(table, row, table.rows.length + 1, top.col, read.value, cell.across, cell.down);
          if (read.power) {
            top.apart.formatted ??= [];
            top.apart.formatted.push({ column: top.col - cell.across - 1, power: read.power });
          }
          const shows = collapse(cell.shown);
          if (cell.colour && read.value !== null && shows !== collapse(cell.text))
            noteUnshown(top.apart, { column: top.col - cell.across - 1, shows, colour: cell.colour });
          if (cell.struck && read.value !== null)
            for (let c = top.col - cell.across - 1; c < top.col; c++) noteStruck(top.apart, c);
          top.cell = null;
        } else if (name === 'tr' && top?.row) {
          finishRow(top.table, top.row, top.table.rows.length + 1, top.apart);
          top.row = null;
          top.apart = {};
        } else if (name === 'table') {
          open.pop();
          // The cell around it reads on: a space keeps its text apart from what follows.
          const around = open.at(-1)?.cell;
          if (around) around.text += ' ';
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.end(html);
  return tables.map(sheet);
}

export function parseExcel2003Xml(xml: string): Source {
  const sheets: Building[] = [];
  let current: Building | null = null;
  let row: Cell[] | null = null;
  let rowNumber = 0;
  let col = 0;
  // The column the next Column element describes, when it gives no ss:Index.
  let nextColumn = 0;
  let cell: {
    across: number;
    down: number;
    type: string;
    text: string;
    index: number;
    style: string;
    /** How many rich text `<S>` elements (struck through) are open in its Data, and whether all its text was in one. */
    striking: number;
    struck?: boolean;
    /** Its formula, as Excel 2003 XML writes it (`=RC[-2]*RC[-1]`). */
    formula?: string;
  } | null = null;
  // The row's formulas with a saved number, asked once the row is read whether they give it (saved-formulas.ts).
  const formulas = new RowFormulas();
  // Whether the workbook saves each formula's number as worked out from its cells (saved-formulas.ts).
  let asCalculated = true;
  // What each style that needs reading apart shows (`Percent`, `0.0%`, `00000`, `;;;`, white
  // text on white), and the style being read: its number format's reading and its colours.
  const styleKinds = new Map<string, StyleKind>();
  let style: { id: string; kind: StyleKind; look: Look } | null = null;
  let inData = false;
  // What the row's cells' formats show apart from their values.
  let apart: ShownApart = {};
  // A cell's comment writes its text in a Data of its own: the note of the cell, never its value.
  let inComment = false;
  // The sheet's conditional formats, after its table, and what they ask of a cell ("row:col")
  // that its row does not say: the number it holds where it was read otherwise ("18%"), its fill
  // where it is not the sheet's white.
  let conditions = new Excel2003Conditions();
  const styleFills = new Map<string, string | undefined>();
  // The styles whose font is struck through.
  const struckStyles = new Set<string>();
  let apartCells = new Map<string, HeldCell>();
  const cellAt = (r: number, c: number, value: Cell): HeldCell =>
    apartCells.get(`${r}:${c}`) ?? { held: value, fill: PLAIN.fill };
  // The text of a worksheet's options' Visible, while it is read.
  let visible: string | null = null;
  const attr = (attrs: Record<string, string>, name: string) => attrs[`ss:${name}`] ?? attrs[name];
  /** A row's or cell's ss:Index, within the grid Excel has. */
  const indexAttr = (attrs: Record<string, string>, of: 'row' | 'column') => {
    const index = Number(attr(attrs, 'Index'));
    if (!(index > 0)) return null;
    if (index > (of === 'row' ? SHEET_ROWS : SHEET_COLUMNS))
      throw new DamagedFileError(`a ${of} is numbered ${index}, beyond any sheet Excel can hold`);
    return index;
  };
  let ending = false;
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        const local = name.replace(/^ss:/i, '').toLowerCase();
        // Excel keeps numbers as displayed, or calculates in rounds: a formula's saved number is not what it gives.
        if (/^(x:)?(precisionasdisplayed|iteration)$/.test(local)) asCalculated = false;
        if (local === 'worksheet') {
          current = {
            name: attr(attrs, 'Name') ?? `Sheet${sheets.length + 1}`,
            rows: [],
            pending: new Map(),
            hidden: [],
            hiddenColumns: new ColumnSpans(),
          };
          sheets.push(current);
          rowNumber = 0;
          nextColumn = 0;
          conditions = new Excel2003Conditions();
          apartCells = new Map();
        } else if (local === 'row' && current) {
          const index = indexAttr(attrs, 'row');
          // An index that goes back gives a row, or a cell, twice: which value is right cannot
          // be told (Excel refuses such a file), where the place a value moved to was taken for it.
          if (index !== null && index <= rowNumber)
            throw new DamagedFileError(`sheet ${current.name} numbers a row ${index} after row ${rowNumber}`);
          rowNumber = index ?? rowNumber + 1;
          row = [];
          col = 0;
          if (attr(attrs, 'Hidden') === '1' || Number(attr(attrs, 'Height') ?? 1) === 0) current.hidden.push(rowNumber);
        } else if (local === 'column' && current) {
          // A Column describes ss:Span more columns after it, up to the grid's last.
          const from = (indexAttr(attrs, 'column') ?? nextColumn + 1) - 1;
          const to = Math.min(from + Math.max(0, Number(attr(attrs, 'Span')) || 0), SHEET_COLUMNS - 1);
          if (attr(attrs, 'Hidden') === '1' || Number(attr(attrs, 'Width')) === 0) current.hiddenColumns?.add(from, to);
          nextColumn = to + 1;
        } else if (local === 'cell' && row) {
          const index = indexAttr(attrs, 'column');
          if (index !== null && index - 1 < col)
            throw new DamagedFileError(
              `row ${rowNumber} puts a cell in column ${index}, though columns up to ${col} are filled already (cells out of order, or one given twice)`,
            );
          cell = {
            across: span(String((Number(attr(attrs, 'MergeAcross')) || 0) + 1), 'columns'),
            down: span(String((Number(attr(attrs, 'MergeDown')) || 0) + 1), 'rows'),
            type: '',
            text: '',
            index: index !== null ? index - 1 : col,
            style: attr(attrs, 'StyleID') ?? '',
            striking: 0,
            formula: attr(attrs, 'Formula'),
          };
        } else if (local === 'style') {
          const id = attr(attrs, 'ID');
          style = id === undefined ? null : { id, kind: null, look: { ...PLAIN } };
        } else if (local === 'font' && style !== null) {
          style.look.text = hashColour(attr(attrs, 'Color') ?? 'Automatic');
          if (attr(attrs, 'StrikeThrough') === '1') struckStyles.add(style.id);
        } else if (local === 'interior' && style !== null) {
          // A solid fill is its colour; a pattern mixes two, which is no one colour.
          const pattern = attr(attrs, 'Pattern') ?? 'None';
          style.look.fill = /^none$/i.test(pattern)
            ? PLAIN.fill
            : /^solid$/i.test(pattern)
              ? hashColour(attr(attrs, 'Color'))
              : undefined;
        } else if (local === 'numberformat' && style !== null) {
          const format = attr(attrs, 'Format') ?? '';
          // Excel 2003's named formats: Percent, and Euro Currency (its plain Currency is the
          // machine's own, which the file does not say).
          style.kind = /^percent$/i.test(format)
            ? { percent: true }
            : /^euro currency$/i.test(format)
              ? { currency: 'EUR' }
              : formatKind(format);
        } else if (local === 'comment') inComment = true;
        // Rich text in a Data is HTML's: `<S>` strikes its text through.
        else if (inData && cell && /^(html:)?s$/.test(local)) cell.striking++;
        else if (local.replace(/^x:/, '') === 'visible') visible = '';
        else if (local === 'data' && cell && !inComment) {
          cell.type = attr(attrs, 'Type') ?? 'String';
          inData = true;
        } else conditions.open(local, attrs);
      },
      ontext(text) {
        if (cell && inData) {
          cell.text += text;
          if (/\S/.test(text)) cell.struck = (cell.struck ?? true) && cell.striking > 0;
        } else if (visible !== null) visible += text;
        else conditions.onText(text);
      },
      onclosetag(name, implied) {
        const local = name.replace(/^ss:/i, '').toLowerCase();
        // Elements still open when the text ends: the file was cut short.
        if (ending && implied) throw new DamagedFileError('it ends part-way through (it was cut short)');
        if (local === 'data') inData = false;
        else if (inData && cell && /^(html:)?s$/.test(local)) cell.striking--;
        else if (local === 'style' && style !== null) {
          const kind = withLook(style.kind, style.look);
          if (kind !== null && kind !== 'date') styleKinds.set(style.id, kind);
          if (style.look.fill !== PLAIN.fill) styleFills.set(style.id, style.look.fill);
          style = null;
        } else if (local === 'comment') inComment = false;
        else if (local.replace(/^x:/, '') === 'visible' && visible !== null) {
          if (current && /^sheet(very)?hidden$/i.test(visible.trim())) current.hiddenSheet = true;
          visible = null;
        } else if (local === 'cell' && row && cell && current) {
          const kind = styleKinds.get(cell.style) ?? null;
          const held = heldValue(cell.type, cell.text);
          const value = typeof held === 'number' ? shownNumber(held, kind) : held;
          col = place(current, row, rowNumber, cell.index, value, cell.across, cell.down);
          if (typeof held === 'number' && value !== held) formulas.noteHeld(col - cell.across - 1, held);
          // A formula's saved number, or its text; not an error's (`#N/A`), refused as one.
          if (cell.formula !== undefined && asCalculated && (typeof held === 'number' || cell.type === 'String'))
            formulas.add(col - cell.across - 1, rowNumber, cell.formula, undefined, held, true);
          // A value its format shows apart (`;;;`, a currency, thousands), in each column its cell
          // spans, asked of the number it holds; what a conditional format is asked, once read.
          for (let c = col - cell.across - 1; c < col; c++) {
            // A merged range's value is its first cell's: to a formula, the others are blank, as in Excel.
            if (c > col - cell.across - 1) formulas.noteHeld(c, null);
            noteShownApart(apart, c, kind, held);
            if (held !== null && (struckStyles.has(cell.style) || cell.struck)) noteStruck(apart, c);
            const fill = styleFills.has(cell.style) ? styleFills.get(cell.style) : PLAIN.fill;
            if (value !== held || fill !== PLAIN.fill) apartCells.set(`${rowNumber}:${c}`, { held, fill });
          }
          cell = null;
        } else if (local === 'row' && row && current) {
          finishRow(current, row, rowNumber, apart);
          const finished = current.rows.at(-1);
          for (const c of finished?.mergedDown ?? []) formulas.noteHeld(c, null);
          if (finished) formulas.check(finished.cells, finished);
          row = null;
          apart = {};
        } else if (local === 'worksheet' && current) {
          noteConditionallyMarked(conditions.rules, current.rows, cellAt);
          current = null;
        } else conditions.close(local);
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.write(xml);
  ending = true;
  parser.end();
  return {
    format: 'excel-2003-xml',
    date1904: false,
    async *sheets() {
      for (const s of sheets) yield sheet(s);
    },
  };
}

/** What a cell holds by its type: a number before its style's reading ("18%", "00123": shownNumber). */
function heldValue(type: string, text: string): Cell {
  if (text === '') return null;
  if (type === 'Number') return numberCell(text);
  if (type === 'Boolean') return text === '1';
  if (type === 'DateTime') return isoDateCell(text);
  return text;
}
