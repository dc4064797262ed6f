import type { DatasetKind } from '../datasets/kinds';
import { kindRules } from './kind-rules';
import { findHeaderRow, type HeaderCandidate, type Mapping } from './mapping';
import type { Cell, Source, SourceRow, SourceSheet } from './readers/types';

/** How many rows of a sheet are searched for its header row (title, company and period rows sit above it). */
export const HEADER_SEARCH_ROWS = 50;

export class LayoutError extends Error {}

export interface SheetChoice {
  name: string;
  header: HeaderCandidate | null;
  /** The first rows of the sheet as read, for the preview. */
  head: SourceRow[];
}

/** Reads the first rows of every sheet and finds each one's header row for `kind`. */
export async function surveySheets(source: Source, kind: DatasetKind): Promise<SheetChoice[]> {
  const choices: SheetChoice[] = [];
  for await (const sheet of source.sheets()) {
    const head: SourceRow[] = [];
    for await (const row of sheet.rows()) {
      head.push(row);
      if (head.length >= HEADER_SEARCH_ROWS) break;
    }
    choices.push({
      name: sheet.name,
      header: findHeaderRow(
        kind,
        head.map((r) => r.cells),
      ),
      head,
    });
  }
  return choices;
}

/** The sheet to import: the one named, or the only one with a header for this kind. */
export function chooseSheet(
  choices: readonly SheetChoice[],
  wanted: string | undefined,
  kind: DatasetKind,
): SheetChoice {
  if (wanted !== undefined) {
    const named = choices.find((c) => c.name === wanted);
    if (!named)
      throw new LayoutError(
        `There is no sheet "${wanted}"; the sheets are ${choices.map((c) => `"${c.name}"`).join(', ')}`,
      );
    return named;
  }
  const qualifying = choices.filter((c) => c.header?.recognised);
  if (qualifying.length === 1 && qualifying[0]) return qualifying[0];
  const withText = choices.filter((c) => c.header !== null);
  // One sheet of unrecognised columns: offered as it is, for the user to map by hand.
  if (qualifying.length === 0 && withText.length === 1 && withText[0]) return withText[0];
  if (qualifying.length === 0) {
    throw new LayoutError(
      `No sheet has a header row with the columns of ${kind} (looked at the first ${HEADER_SEARCH_ROWS} rows of each)`,
    );
  }
  throw new LayoutError(
    `Several sheets have ${kind} columns: ${qualifying.map((c) => `"${c.name}"`).join(', ')}. Choose one (--sheet NAME).`,
  );
}

const totalPattern = /^(grand\s+|sub\s*-?\s*)?total(\s+(for|of)\b.*)?\s*:?$/i;

/** A subtotal or total line: its first filled cell says Total (but "Total Solutions Pvt Ltd" is a party). */
export function isTotalRow(cells: readonly Cell[]): boolean {
  const first = cells.find((c) => c !== null && c !== undefined && String(c).trim() !== '');
  return typeof first === 'string' && totalPattern.test(first.trim());
}

const isBlank = (c: Cell | undefined) => c === null || c === undefined || (typeof c === 'string' && c.trim() === '');

/**
 * The data rows under the header: blank, total and repeated header rows dropped; group
 * heading rows (a voucher or party row) remembered, and their values filled down into the
 * item rows below them, which leave those cells blank.
 */
export async function* dataRows(
  sheet: SourceSheet,
  headerRowNumber: number,
  headers: readonly string[],
  kind: DatasetKind,
  mapping: Mapping,
): AsyncIterable<SourceRow> {
  const rules = kindRules[kind];
  const at = (field: string) => mapping[field];
  const lineColumns = rules.lineFields.map(at).filter((c): c is number => c !== undefined);
  const inheritedColumns = rules.inherited.map(at).filter((c): c is number => c !== undefined);
  const groupColumn = rules.groupKey ? at(rules.groupKey) : undefined;
  const headerKey = headers.join('\u0001');
  let parent: Cell[] | null = null;
  // A heading row that no item row followed is not a heading but a row missing its line
  // fields: it is passed on, so validation reports it instead of it vanishing.
  let unusedHeading: SourceRow | null = null;
  for await (const row of sheet.rows()) {
    if (row.number <= headerRowNumber) continue;
    const cells = row.cells;
    if (cells.every(isBlank) || isTotalRow(cells)) continue;
    if (
      cells[0] === headers[0] &&
      cells.map((c) => (c === null ? '' : String(c).trim())).join('\u0001') === headerKey
    ) {
      continue;
    }
    const continues = groupColumn !== undefined && parent !== null && isBlank(cells[groupColumn]);
    if (!continues && unusedHeading) {
      yield unusedHeading;
      unusedHeading = null;
    }
    if (
      groupColumn !== undefined &&
      lineColumns.length > 0 &&
      !isBlank(cells[groupColumn]) &&
      lineColumns.every((c) => isBlank(cells[c]))
    ) {
      parent = [...cells];
      unusedHeading = row;
      continue;
    }
    if (continues && parent) {
      unusedHeading = null;
      const filled = [...cells];
      for (const c of inheritedColumns) if (isBlank(filled[c])) filled[c] = parent[c] ?? null;
      yield { number: row.number, cells: filled };
      continue;
    }
    if (groupColumn !== undefined) parent = [...cells];
    yield row;
  }
  if (unusedHeading) yield unusedHeading;
}
