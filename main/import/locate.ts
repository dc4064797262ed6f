import type Database from 'better-sqlite3';
import type { DatasetKind } from '../datasets/kinds';
import { arrearsAsOf } from './arrears-as-of';
import type { TitlePeriod } from './dates';
import { titleScale } from './header-scale';
import { preferKnownColumns } from './known-columns';
import { chooseSheet, LayoutError, type SheetChoice } from './layout';
import { type Mapping, mappingFromHeaders } from './mapping';
import { MasterNames } from './master-names';
import { outletsParty } from './outlets-party';
import { matchingProfileName, savedMappingFor } from './profiles';
import type { Source, SourceRow, SourceSheet } from './readers/types';
import { monthRowsOf } from './summaries';
import { type TitleDate, titleDates, titlePeriod, titleTexts } from './title-dates';
import { sheetParty, titleParty } from './title-party';
import { mayBeLine } from './total-rows';

/** Where a dataset sits in a file: its sheet, header row and the columns mapped to fields. */
export interface LocatedTable {
  sheet: string;
  headerRow: number;
  headers: string[];
  mapping: Mapping;
  /** The saved mapping in use, when one is. */
  profile: string | null;
  /** Values the rows above the header give for fields no column holds (an ageing report's as-of date). */
  fromTitle: TitleDate[];
  /** The unit the title writes every amount in ("(₹ in Lakhs)"), where it states one. */
  titleScale: ReturnType<typeof titleScale>;
  /** The period the title gives, which a date written without its year (5-Oct) is in. */
  titlePeriod?: TitlePeriod;
  /**
   * What names the file a register of returns, or null: its title ("Sales Return Register",
   * "Credit Note Register") or its sheet's name (a workbook's "Sales Return" beside its "Sales").
   */
  returnsNamedBy: string | null;
  /** The months its first rows begin with, where the file totals its period month by month (summaries.ts). */
  monthRows: string[];
  /** Why the proposed mapping reads a field from the column it does, where that needs saying. */
  notes: { field: string; decision: string }[];
  /** The columns the workbook hides (Excel does not show them), by index. */
  hiddenColumns: readonly number[];
  /** The rows above the header (a title, its period; or lines the header was moved below: lines-above.ts). */
  rowsAbove: readonly SourceRow[];
  /**
   * The mapping SchemeDesk would use unasked (the saved one for this header row, else the one
   * proposed from aliases): a field read from its column here was not chosen by hand, so what the
   * rows show may still change it (a gross column of unit prices, a net before discount).
   */
  proposed: Mapping;
}

/**
 * A title naming a register of returns, as its whole text (a period after it aside): Tally's
 * "Credit Note Register", Busy's "Sales Return Register (1-10-2026 to 31-10-2026)"; not "Sales
 * Register (net of sales returns)".
 */
const returnsTitle =
  /^\s*(sales?[\s-]*returns?|credit[\s-]*notes?|credit[\s-]*memos?)(\s+(register|book|report|summary|list|details?))?(\s*[(:,–-].*|\s+(from|for)\b.*)?$/i;

/**
 * Picks the sheet, its header row and the mapping: the one given by header text, else a named
 * saved profile, else the saved profile for this header row, else the one proposed from aliases.
 * Shared by the import dialog's preview and the import itself, so both see the same table.
 */
export function locateTable(
  db: Database.Database,
  survey: readonly SheetChoice[],
  kind: DatasetKind,
  wanted: { sheet?: string; mapping?: Record<string, string>; mappingName?: string },
): LocatedTable {
  const choice = chooseSheet(survey, wanted.sheet, kind);
  const headerRow = choice.header ? choice.head[choice.header.index] : undefined;
  if (!choice.header || !headerRow)
    throw new LayoutError(`Sheet "${choice.name}" has no header row with ${kind} columns`);
  const headers = choice.header.headers;
  const titleRows = choice.head.filter((r) => r.number < headerRow.number);
  const firstRows = choice.head.filter((r) => r.number > headerRow.number);
  // What a column holds is told by the rows that may be lines: not its totals, headings or footer.
  const firstLines = firstRows.filter((r) => mayBeLine(r.cells));
  const title = titleTexts(titleRows);
  // One reading of the masters for all: the party a title names, the owner of the outlets, and
  // the columns whose values they know.
  const names = new MasterNames(db);
  const located = (
    mapping: Mapping,
    profile: string | null,
    notes: LocatedTable['notes'],
    proposed: Mapping,
  ): LocatedTable => {
    // A report of one party names it in its title (Tally's ledger or outstanding of one party).
    const party = wanted.mapping ? null : titleParty(names, kind, mapping, titleRows, firstLines);
    const other = mapping.distributor_code;
    if (party?.column === 'ledger' && other !== undefined) {
      notes.push({
        field: 'distributor_code',
        decision: `"${headers[other]}" is not the party: the title calls the file one party's ledger, whose "${headers[other]}" names the other account of each voucher`,
      });
      delete mapping.distributor_code;
      // Read as the ledger account instead: its Opening and Closing Balance rows are no receipts or sales.
      if (mapping.ledger === undefined) mapping.ledger = other;
    }
    if (party?.column === 'outlets' && other !== undefined) {
      notes.push({
        field: 'outlet_code',
        decision: `"${headers[other]}" names outlets of the outlets master, not distributors, and the title names the distributor ("${party.found.title}", ${party.found.value}): the file is its sales to its outlets, so "${headers[other]}" is read as the outlet and every line as ${party.found.value}'s`,
      });
      delete mapping.distributor_code;
      mapping.outlet_code = other;
    }
    const dated = titleDates(kind, mapping, titleRows);
    const asOf = dated.some((d) => d.field === 'as_of') ? null : arrearsAsOf(kind, headers, mapping, firstLines);
    return {
      sheet: choice.name,
      headerRow: headerRow.number,
      headers,
      mapping,
      profile,
      fromTitle: [
        ...dated,
        ...(asOf ? [asOf] : []),
        ...(party ? [party.found] : []),
        // One distributor's own export, named by no title: its outlets' owner, else the one its sheet is named for.
        ...(party || wanted.mapping
          ? []
          : [outletsParty(names, kind, mapping, firstLines) ?? sheetParty(names, kind, mapping, choice.name)].filter(
              (p) => p !== null,
            )),
      ],
      titleScale: titleScale(title),
      titlePeriod: titlePeriod(titleRows),
      returnsNamedBy: title.some((t) => returnsTitle.test(t))
        ? 'the title'
        : returnsTitle.test(choice.name)
          ? `the sheet's name ("${choice.name}")`
          : null,
      monthRows: monthRowsOf(firstRows),
      notes,
      hiddenColumns: choice.hiddenColumns,
      rowsAbove: titleRows,
      proposed,
    };
  };
  // What SchemeDesk proposes unasked: the header's mapping, a party or product read from the
  // column the masters know (known-columns.ts), and the notes that say why.
  const { mapping: fromHeaders, notes: headerNotes = [] } = choice.header;
  const propose = () => {
    const mapping = { ...fromHeaders };
    const known = preferKnownColumns(names, kind, headers, mapping, firstLines);
    return { mapping, notes: [...headerNotes, ...known] };
  };
  if (wanted.mapping) {
    // The dialog sends back the whole mapping: what the proposal said of a field still holds
    // where the field is read from the column proposed. A header the proposal read from another
    // of the columns it heads (the one with values, beside a blank one) is that column still.
    const proposal = propose();
    const given = mappingFromHeaders(headers, wanted.mapping);
    for (const [field, column] of Object.entries(proposal.mapping))
      if (given[field] !== undefined && headers[column] === wanted.mapping[field]) given[field] = column;
    return located(
      given,
      null,
      proposal.notes.filter((n) => given[n.field] === proposal.mapping[n.field]),
      savedMappingFor(db, kind, headers) ?? proposal.mapping,
    );
  }
  const profile = wanted.mappingName ?? matchingProfileName(db, kind, headers);
  const saved = profile ? savedMappingFor(db, kind, headers, profile) : null;
  if (saved) return located(saved, profile, [], saved);
  const proposal = propose();
  return located(proposal.mapping, profile, proposal.notes, proposal.mapping);
}

/**
 * Whether a field is read from the column SchemeDesk chose unasked, not one the user picked (in
 * the dialog, or by `map`, the CLI's --map): what the rows show may then still change it.
 */
export const leftAsProposed =
  (table: LocatedTable, mapping: Mapping, map: Readonly<Record<string, string>> = {}) =>
  (field: string): boolean =>
    map[field] === undefined && mapping[field] !== undefined && mapping[field] === table.proposed[field];

/** The named sheet of a source, read again from its first row. */
export async function openSheet(source: Source, name: string): Promise<SourceSheet> {
  for await (const sheet of source.sheets()) if (sheet.name === name) return sheet;
  throw new LayoutError(`Sheet "${name}" disappeared while reading the file`);
}
