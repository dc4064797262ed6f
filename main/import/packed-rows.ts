import type { StoredValue } from '../datasets/insert';
import type { Cell, SourceRow } from './readers/types';
import type { ConvertedRow } from './row-values';

/**
 * A batch of rows as the reader worker hands it to the import's thread: the rows' cells, and
 * their converted values when the worker converted them, as columns of typed arrays, transferred,
 * not copied, beside their texts joined in one string, which the clone copies whole and the import's
 * thread cuts into cells (a text's slice). Kept as UTF-16 bytes and transferred, each cell's text was
 * decoded on its own: about 1.5 s more of the import's thread for a million sales lines (CSV
 * import 18.3–19.4 s against 17.6–17.7 s, same memory). A structured clone of the rows as objects wrote
 * and read every object and key of every row (about 1 s on the sending thread and 1.4 s on the
 * receiving one for a million sales lines); packing and unpacking take 0.4 s each. And the import's
 * thread makes each row only as it reaches it (`unpackRows`): made a batch at a time, as a clone
 * makes them, the rows it had not reached outlived its collector's next pass and were promoted
 * whenever the import fell behind the reader (1.1 GB in a million-line import, its collector 2 s
 * longer, in one import of three).
 *
 * Only plain rows are packed: a row with anything but its number and cells (a voucher's ledger
 * lines), a cell of a type no reader gives, a converted row with other fields than its batch's,
 * or with problems, a unit or other findings, goes as it is beside the columns (`whole`).
 * Unpacked, every row is the row that was packed: holes in the cells stay holes, -0 and NaN stay
 * themselves, a date its moment, a text its UTF-16 units (lone surrogates too).
 */
export interface PackedRows {
  /** Each row's number (NaN where the row went whole). */
  numbers: Float64Array;
  /** Each row's count of cells (the length of its cells). */
  widths: Uint32Array;
  /** Each cell's kind (CellTag). */
  tags: Uint8Array;
  /** Each cell's number, a date's milliseconds, or a text's length in `texts`. */
  figures: Float64Array;
  /** The converted rows' values in the same way, field by field of `fields`, row after row. */
  values: { fields: string[]; tags: Uint8Array; figures: Float64Array } | null;
  /** Every text of the batch, row by row (a row's cells, then its values), joined. */
  texts: string;
  /** The rows and converted rows that are not plain, as they are, by their place in the batch. */
  whole: { at: number; row?: SourceRow; converted?: ConvertedRow }[];
}

enum CellTag {
  Hole = 0,
  Null = 1,
  Text = 2,
  Number = 3,
  Date = 4,
  True = 5,
  False = 6,
  Undefined = 7,
  /** A value that is the text of one of its row's cells (most are: codes, numbers of documents): the cell's index. */
  CellText = 8,
}

/** A cell's tag, with its figure and text put where they go; null for a value no reader gives. */
function tagCell(cell: unknown, figures: Float64Array, at: number, texts: string[]): CellTag | null {
  if (cell === null) return CellTag.Null;
  if (typeof cell === 'string') {
    figures[at] = cell.length;
    texts.push(cell);
    return CellTag.Text;
  }
  if (typeof cell === 'number') {
    figures[at] = cell;
    return CellTag.Number;
  }
  if (cell instanceof Date) {
    figures[at] = cell.getTime();
    return CellTag.Date;
  }
  if (cell === true) return CellTag.True;
  if (cell === false) return CellTag.False;
  return cell === undefined ? CellTag.Undefined : null;
}

/** Whether a row holds its number and cells and nothing else. */
function plainRow(row: SourceRow): boolean {
  let keys = 0;
  for (const key in row) if (++keys > 2 || (key !== 'number' && key !== 'cells')) return false;
  return keys === 2 && Array.isArray(row.cells) && typeof row.number === 'number';
}

/** Whether a converted row is its values, of `fields` in that order, and no problems or findings. */
function plainConverted(row: ConvertedRow, fields: readonly string[]): boolean {
  let keys = 0;
  for (const key in row) if (++keys > 2 || (key !== 'values' && key !== 'problems')) return false;
  if (keys !== 2 || !Array.isArray(row.problems) || row.problems.length > 0) return false;
  let at = 0;
  for (const field in row.values) if (fields[at++] !== field) return false;
  return at === fields.length;
}

/** The batch packed, row after row: hand `packedBuffers(packed)` to postMessage's transfer list. */
export function packRows(rows: readonly SourceRow[], converted?: readonly ConvertedRow[]): PackedRows {
  let cellCount = 0;
  for (const row of rows) if (Array.isArray(row.cells)) cellCount += row.cells.length;
  const numbers = new Float64Array(rows.length);
  const widths = new Uint32Array(rows.length);
  const tags = new Uint8Array(cellCount);
  const figures = new Float64Array(cellCount);
  const fields = converted ? Object.keys(converted[0]?.values ?? {}) : [];
  const values = converted
    ? {
        fields,
        tags: new Uint8Array(converted.length * fields.length),
        figures: new Float64Array(converted.length * fields.length),
      }
    : null;
  const texts: string[] = [];
  const whole: PackedRows['whole'] = [];
  let cell = 0;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as SourceRow;
    const from = cell;
    const textsFrom = texts.length;
    let plain = plainRow(row);
    if (plain) {
      const cells = row.cells;
      for (let c = 0; c < cells.length && plain; c++, cell++) {
        const tag = c in cells ? tagCell(cells[c], figures, cell, texts) : CellTag.Hole;
        if (tag === null) plain = false;
        else tags[cell] = tag;
      }
    }
    if (plain) {
      numbers[i] = row.number;
      widths[i] = row.cells.length;
    } else {
      cell = from;
      texts.length = textsFrom;
      numbers[i] = Number.NaN;
    }
    const convertedRow = converted?.[i];
    const plainValues =
      values && convertedRow
        ? packValues(convertedRow, Array.isArray(row.cells) ? row.cells : [], i * fields.length, values, texts)
        : true;
    if (!plain || !plainValues)
      whole.push({ at: i, ...(plain ? {} : { row }), ...(plainValues ? {} : { converted: convertedRow }) });
  }
  return {
    numbers,
    widths,
    tags: tags.subarray(0, cell),
    figures: figures.subarray(0, cell),
    values,
    texts: texts.join(''),
    whole,
  };
}

/**
 * Packs one converted row's values from `at`, field by field, unless it is not plain (then
 * nothing is left of it in the columns): whether it was. A text that one of the row's cells holds
 * as it is goes as that cell's index, and is unpacked as the very string of the cell.
 */
function packValues(
  row: ConvertedRow,
  cells: readonly unknown[],
  at: number,
  values: NonNullable<PackedRows['values']>,
  texts: string[],
): boolean {
  const { fields, tags, figures } = values;
  const textsFrom = texts.length;
  let plain = plainConverted(row, fields);
  for (let f = 0; f < fields.length && plain; f++) {
    const value = row.values[fields[f] as string];
    const cell = typeof value === 'string' ? cells.indexOf(value) : -1;
    if (cell >= 0) {
      tags[at + f] = CellTag.CellText;
      figures[at + f] = cell;
      continue;
    }
    const tag = tagCell(value, figures, at + f, texts);
    if (tag === null) plain = false;
    else tags[at + f] = tag;
  }
  if (!plain) {
    texts.length = textsFrom;
    tags.fill(CellTag.Hole, at, at + fields.length);
  }
  return plain;
}

/** The buffers a packed batch transfers (each its own: nothing else shares them). */
export const packedBuffers = (packed: PackedRows): ArrayBuffer[] => {
  const arrays = [packed.numbers, packed.widths, packed.tags, packed.figures];
  if (packed.values) arrays.push(packed.values.tags, packed.values.figures);
  return arrays.map((a) => a.buffer as ArrayBuffer);
};

/**
 * The rows of a packed batch one at a time, each with its converted values when the batch
 * carries them. Each row is made as it is asked for, not the batch's all at once: what the
 * import's thread has not reached yet stays off its heap, where its collector does not copy it.
 */
export function* unpackRows(packed: PackedRows): Generator<{ row: SourceRow; converted: ConvertedRow | undefined }> {
  const { numbers, widths, tags, figures, values, texts } = packed;
  let cell = 0;
  let text = 0;
  /** The cells of the row being unpacked, which its values' CellText name. */
  let rowCells: readonly Cell[] = [];
  const cellOf = (tag: number, figure: number): Cell | undefined => {
    switch (tag) {
      case CellTag.CellText:
        return rowCells[figure];
      case CellTag.Text:
        text += figure;
        return texts.slice(text - figure, text);
      case CellTag.Number:
        return figure;
      case CellTag.Date:
        return new Date(figure);
      case CellTag.True:
        return true;
      case CellTag.False:
        return false;
      case CellTag.Null:
        return null;
      default:
        return undefined;
    }
  };
  let next = 0;
  for (let i = 0; i < numbers.length; i++) {
    const width = widths[i] as number;
    const cells = new Array<Cell>(width);
    for (let c = 0; c < width; c++, cell++) {
      const tag = tags[cell] as number;
      if (tag !== CellTag.Hole) cells[c] = cellOf(tag, figures[cell] as number) as Cell;
    }
    const whole = packed.whole[next]?.at === i ? packed.whole[next++] : undefined;
    rowCells = whole?.row?.cells ?? cells;
    let converted: ConvertedRow | undefined;
    if (values) {
      const row: Record<string, StoredValue> = {};
      for (let f = 0, at = i * values.fields.length; f < values.fields.length; f++, at++)
        row[values.fields[f] as string] = cellOf(
          values.tags[at] as number,
          values.figures[at] as number,
        ) as StoredValue;
      converted = { values: row, problems: [] };
    }
    yield {
      row: whole?.row ?? { number: numbers[i] as number, cells },
      converted: whole?.converted ?? converted,
    };
  }
}
