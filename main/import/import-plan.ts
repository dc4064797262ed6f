import type Database from 'better-sqlite3';
import { datasets } from '../datasets/kinds';
import type { BatchSummary } from './batches';
import { importedBatchWithHash } from './batches';
import { typeMapProblem } from './doc-types';
import { dueDateNote } from './due-dates';
import { headerScale } from './header-scale';
import type { ImportRequest } from './importer';
import { lineTotalToCheck, neededFields, netBesideGrossToCheck, notItemised } from './kind-rules';
import { LayoutError, surveySheets } from './layout';
import { linesAboveProblem } from './lines-above';
import { type LocatedTable, locateTable } from './locate';
import { ageingColumns, mappingFromHeaders, namedFieldsProblem } from './mapping';
import { measureNotes, withMeasureRows } from './measure-columns';
import { missingFieldHint } from './missing-field-hint';
import { withMonthRows } from './month-columns';
import { numberPatternsProblem } from './number-series';
import { savedChoices, underSaved } from './profiles';
import type { Cell, Source } from './readers/types';
import { ImportRefusedError, noColumnRefusal } from './refused';
import { roundingNote } from './rounded-totals';
import { isSectionHeader } from './section-headers';
import { monthSummaryProblem, totalsSummaryProblem } from './summaries';
import { titleDecision } from './title-dates';

/** A refusal of the file's layout with the file named, as every refusal of a file is; any other error as it is. */
export const layoutOf = (fileName: string, error: unknown) =>
  error instanceof LayoutError ? new LayoutError(`${fileName}: ${error.message}`) : error;

/** What finding the table says, with the file named. */
function named<T>(fileName: string, find: () => T): T {
  try {
    return find();
  } catch (error) {
    throw layoutOf(fileName, error);
  }
}

/** How an import reads its file, settled before any line is read. */
export interface ImportPlan {
  table: LocatedTable;
  /** The standing batch of this sheet of this file, which the import replaces (refused unless asked to). */
  earlier: BatchSummary | null;
  /** The request, with the choices of the saved mapping the file matched where it made none. */
  request: ImportRequest;
  /** The header, with the columns a target sheet's months add. */
  headers: string[];
  /** Each field's column. */
  mapping: Record<string, number>;
  /** Values given for fields no column holds: by the request, the title, or for a file with no item column. */
  defaults: Record<string, Cell>;
  /** Each decision made so far, in words, for the result. */
  notes: { field: string; decision: string }[];
}

/**
 * Finds the table in the file and settles what each column holds: the saved mapping, the
 * request's own mapping and values, the title's, and a target sheet's month columns. Refused,
 * naming the file, when it was imported already, when the request maps a column the header does
 * not have, or when a field every line needs has no column and no value.
 */
export async function planImport(
  db: Database.Database,
  asked: ImportRequest,
  source: Source,
  file: { fileName: string; sha256: string },
): Promise<ImportPlan> {
  const { fileName, sha256 } = file;
  let request = asked;
  const kind = request.kind;
  const def = datasets[kind];
  const sheets = await surveySheets(source, kind);
  const table = named(fileName, () => locateTable(db, sheets, kind, request));
  const earlier = importedBatchWithHash(db, sha256, { kind, sheet: table.sheet });
  if (earlier && !request.replace) {
    const which = sheets.length > 1 ? ` (sheet "${table.sheet}")` : '';
    throw new ImportRefusedError(
      `${fileName}${which} was already imported as batch ${earlier.id} (${earlier.fileName}, ${earlier.importedAt.slice(0, 10)} by ${earlier.importedBy}). Choose Replace (--replace) to replace that batch.`,
      'conflict',
    );
  }
  // A saved mapping brings the choices made for its files; what this import says comes first.
  request = underSaved(savedChoices(db, table.profile), request);
  const typeMapWrong =
    typeMapProblem(kind, request.typeMap ?? {}) ?? numberPatternsProblem(kind, request.typeMap ?? {});
  if (typeMapWrong) throw new ImportRefusedError(`${fileName}: ${typeMapWrong}`);
  const fieldsWrong = namedFieldsProblem(kind, request.map ?? {}, request.defaults ?? {});
  if (fieldsWrong) throw new ImportRefusedError(`${fileName}: ${fieldsWrong}`);
  const given = { ...table.mapping, ...mappingFromHeaders(table.headers, request.map ?? {}) };
  // A field mapped to no header (--map line_no=) is left out.
  const leftOut = Object.keys(request.map ?? {}).filter((field) => request.map?.[field]?.trim() === '');
  for (const field of leftOut) delete given[field];
  // A target sheet's month columns are read as one target per month: three columns are added for
  // it; its columns of a target per measure as one target per measure: two columns.
  const monthly = withMonthRows(table.headers, given);
  const chosen = (field: string) =>
    request.map?.[field] !== undefined ||
    request.defaults?.[field] !== undefined ||
    (field !== 'value' && given[field] !== undefined);
  const perMeasure = withMeasureRows(monthly.headers, monthly.mapping, {
    given: chosen,
    scaled: (column) => table.titleScale !== null || headerScale(monthly.headers[column] ?? '') !== null,
    proposed: table.mapping.value,
  });
  const { headers, mapping } = perMeasure;
  const { months } = monthly;
  const above = linesAboveProblem(kind, mapping, table);
  if (above) throw new ImportRefusedError(`${fileName}: ${above}`);
  const unknownHeaders = Object.entries(request.map ?? {}).filter(
    ([field]) => mapping[field] === undefined && !leftOut.includes(field),
  );
  if (unknownHeaders.length > 0) {
    throw new ImportRefusedError(
      `${fileName}: no column ${unknownHeaders.map(([, header]) => `"${header}"`).join(', ')} in header row ${table.headerRow}`,
    );
  }
  const defaults: Record<string, Cell> = { ...request.defaults };
  const notes: { field: string; decision: string }[] = table.notes.filter((n) => request.map?.[n.field] === undefined);
  for (const found of table.fromTitle) {
    if (mapping[found.field] !== undefined || defaults[found.field] !== undefined) continue;
    defaults[found.field] = found.value;
    notes.push({ field: found.field, decision: titleDecision(kind, found) });
  }
  if (months.length > 0)
    notes.push({
      field: 'value',
      decision:
        months.length === 1
          ? `"${headers[months[0] as number]}" is a target for the months its header names: a row that fills it gives its distributor that target, from the first day of those months to the last`
          : `Each month column is a target of its own (${months.length} columns, "${headers[months[0] as number]}" to "${headers[months[months.length - 1] as number]}"): a row gives its distributor a target for each column it fills, from the first day to the last of the month (or the months) its header names`,
    });
  notes.push(...measureNotes(headers, perMeasure, chosen));
  const sectionField = def.fields.find((f) => isSectionHeader(headers[mapping[f.name] ?? -1]));
  if (sectionField)
    notes.push({
      field: sectionField.name,
      decision: `${sectionField.label} is read from the heading row above each group of lines: the lines leave it out`,
    });
  const dueDate = kind === 'receivables' ? dueDateNote(headers, mapping, defaults) : null;
  if (dueDate) notes.push(dueDate);
  const rounding = kind === 'sales' ? roundingNote(headers, mapping) : null;
  if (rounding) notes.push(rounding);
  if (kind === 'sales') {
    if (mapping.sku === undefined && defaults.sku === undefined) {
      defaults.sku = notItemised.sku;
      defaults.qty ??= '0';
      notes.push({
        field: 'sku',
        decision: `The file has no item column: each document is one line of the product ${notItemised.sku}, quantity 0 (schemes on all products count it; schemes on named products cannot)`,
      });
    }
  }
  const unmapped = neededFields(kind, mapping, defaults).filter(
    (f) =>
      mapping[f.name] === undefined &&
      defaults[f.name] === undefined &&
      // Decided by the first rows: whether a bill's amount on each line is that line's with its
      // tax, or which column beside a gross is the line's amount.
      !(f.name === 'net_value' && (lineTotalToCheck(mapping) || netBesideGrossToCheck(mapping))),
  );
  const ageing = kind === 'receivables' ? ageingColumns(headers) : [];
  if (unmapped.some((f) => f.name === 'doc_no') && ageing.length >= 2)
    throw new ImportRefusedError(
      `${fileName}, sheet "${table.sheet}": this is an ageing summary, a row per party with its amounts by age ("${headers[ageing[0] ?? 0]}" …) and no bills, and what a collection scheme pays on is overdue bill by bill, by each bill's date and due date. Export the report bill-wise and import that: Tally's Bills Receivable, ERPNext's Accounts Receivable (not its Summary), SAP's customer line items (FBL5N), Zoho Books' AR Aging Details, QuickBooks' A/R Aging Detail.`,
    );
  const summary = monthSummaryProblem(
    fileName,
    table.sheet,
    kind,
    table.monthRows,
    unmapped.map((f) => f.name),
  );
  if (summary) throw new ImportRefusedError(summary);
  const below = (sheets.find((s) => s.name === table.sheet)?.head ?? [])
    .filter((row) => row.number > table.headerRow)
    .map((row) => row.cells);
  const totals = totalsSummaryProblem(
    fileName,
    table.sheet,
    kind,
    unmapped.map((f) => f.name),
    { mapping, headers, below },
  );
  if (totals) throw new ImportRefusedError(totals);
  if (unmapped.length > 0) {
    const read = new Set(Object.values(mapping));
    const candidates = unmapped.map((f) => `${f.label}${missingFieldHint(kind, f.name, headers, read, below)}`);
    throw noColumnRefusal(fileName, table, candidates);
  }
  return { table, earlier, request, headers, mapping, defaults, notes };
}
