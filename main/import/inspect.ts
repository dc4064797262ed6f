import { basename } from 'node:path';
import type Database from 'better-sqlite3';
import { type DatasetKind, datasets, type FieldType } from '../datasets/kinds';
import { moneyAndDates } from '../settings/money-and-dates';
import { pseudoFieldDefs, pseudoFieldsOf } from './aliases';
import { amountsFromRows } from './amounts-from-rows';
import { keepTaxFromTotals, taxFromTotalsSaid } from './bill-tax';
import { taxOfBillsSentence } from './bill-tax-once';
import { currencyCheck } from './currency-column';
import { AmbiguousDatesError, type DateOrderName } from './dates';
import { classifyDocType, classifyVoucher, readsPartySide, type TypeClass, type TypeMap } from './doc-types';
import { firstRowRules } from './first-rows';
import { scaleDecisions } from './header-scale';
import { mostlyNegative } from './journal-signs';
import { neededFields } from './kind-rules';
import { dataRows, LayoutError, surveySheets } from './layout';
import { linesAboveProblem } from './lines-above';
import { type LocatedTable, leftAsProposed, locateTable, openSheet } from './locate';
import { looseQuantity } from './loose-quantity';
import { mappingByHeader, taxPartKeys } from './mapping';
import { numberedTypes } from './number-series';
import { CHARGE_PART, DISCOUNT_PART, MEASURE_COLUMN, MONTH_COLUMN, numbered, QTY_IN_UNIT } from './numbered-keys';
import { openSource } from './open-source';
import { type MappingChoices, savedChoices, underSaved } from './profiles';
import { describeEncoding } from './readers/delimited';
import type { Cell, Source, SourceRow } from './readers/types';
import { readByRow } from './receipt-vouchers';
import { convertRow, dayOrderDecisions, decide } from './row-values';
import { caseMaster } from './sale-quantities';
import { titleDecision, yearlessNote } from './title-dates';

/** How many rows of a file the dialog reads for its document types. */
const TYPE_SCAN_ROWS = 100_000;

/** What the user checks before importing: the sheet, the header found, the proposed mapping and a preview. */
export interface ImportPreview {
  file: string;
  format: string;
  encoding?: string;
  delimiter?: string;
  /** Every sheet, whether it has the kind's columns, and whether the workbook hides it. */
  sheets: { name: string; qualifies: boolean; hidden: boolean }[];
  sheet: string | null;
  problem: string | null;
  /**
   * Why the import would be refused with the mapping as it stands, where a column mapped
   * otherwise mends it (whole cases beside the pieces beyond them): the dialog says so before
   * Check, and keeps the mapping open.
   */
  refusal: string | null;
  headerRow: number | null;
  headers: string[];
  mapping: Record<string, string>;
  profile: string | null;
  fields: { name: string; label: string; required: boolean; type: FieldType | 'flag' }[];
  unmappedRequired: string[];
  /** Values for fields the file has no column for, as its title gives them (an ageing report's "As on 31-Oct-2026"). */
  defaults: Record<string, string>;
  preview: { row: number; cells: Cell[] }[];
  decisions: string[];
  /** The choices the saved mapping the file matched remembers (none: {}), for the dialog to take. */
  choices: MappingChoices;
  /** The document types in the file, how each would be read (null: not known, to be said), and how many rows have it. */
  documentTypes: { name: string; rows: number; as: TypeClass | null; why: string }[];
  /** A date column the file cannot tell the order of: the dialog asks, showing these rows both ways. */
  ambiguousDates: { column: string; samples: { text: string; dayFirst: string; monthFirst: string }[] } | null;
}

const PREVIEW_ROWS = 20;

export async function inspectFile(
  db: Database.Database,
  args: {
    path: string;
    kind: DatasetKind;
    sheet?: string;
    mapping?: Record<string, string>;
    locale: string;
    fileName?: string;
    dateOrder?: DateOrderName;
    typeMap?: TypeMap;
  },
): Promise<ImportPreview> {
  const source = await openSource(args.path);
  try {
    return await inspectSource(db, source, args);
  } finally {
    source.close?.();
  }
}

async function inspectSource(
  db: Database.Database,
  source: Source,
  args: Parameters<typeof inspectFile>[1],
): Promise<ImportPreview> {
  const survey = await surveySheets(source, args.kind);
  const needed = new Set(neededFields(args.kind).map((f) => f.name));
  const fields = [
    ...datasets[args.kind].fields.map((f) => ({
      name: f.name,
      label: f.label,
      required: needed.has(f.name),
      type: f.type,
    })),
    ...pseudoFieldsOf(args.kind).map((name) => ({ name, ...pseudoFieldDefs[name], required: false })),
  ];
  const base: ImportPreview = {
    file: args.fileName ?? basename(args.path),
    format: source.format,
    encoding: source.text && describeEncoding(source.text),
    delimiter: source.delimiter,
    sheets: survey.map((s) => ({ name: s.name, qualifies: s.header?.recognised === true, hidden: s.hidden === true })),
    sheet: null,
    problem: null,
    refusal: null,
    headerRow: null,
    headers: [],
    mapping: {},
    profile: null,
    fields,
    unmappedRequired: [],
    defaults: {},
    preview: [],
    decisions: [],
    ambiguousDates: null,
    documentTypes: [],
    choices: {},
  };
  let table: LocatedTable;
  try {
    table = locateTable(db, survey, args.kind, args);
  } catch (error) {
    if (error instanceof LayoutError) return { ...base, problem: error.message };
    throw error;
  }
  // Lines above the header: the file must be put right first, whatever the mapping.
  const above = linesAboveProblem(args.kind, table.mapping, table);
  if (above) return { ...base, sheet: table.sheet, headerRow: table.headerRow, problem: above };
  // The choices of the saved mapping the file matched, under those asked: shown as the import will take them.
  const choices = savedChoices(db, table.profile);
  const { typeMap, dateOrder } = underSaved(choices, { typeMap: args.typeMap, dateOrder: args.dateOrder });
  const preview: SourceRow[] = [];
  const sheet = await openSheet(source, table.sheet);
  // The document types of a sales file, or the voucher types of a receipts file (a Day Book mixes
  // dozens), read from up to TYPE_SCAN_ROWS rows, each with how it would be read, for the dialog
  // to show and change.
  const typeColumn =
    args.kind === 'sales' ? table.mapping.doc_type : args.kind === 'payments' ? table.mapping.voucher_type : undefined;
  const types = new Map<string, number>();
  // Where a sales file gives no type, the documents numbered as credit notes (RINV/…), and those
  // the type map names by their numbers: shown as the series of their numbers, to say what they are.
  const numbers = numberedTypes(args.kind, table.mapping, typeMap);
  let scanned = 0;
  for await (const row of dataRows(sheet, table.headerRow, table.headers, args.kind, table.mapping)) {
    if (preview.length < 200) preview.push(row);
    const type = typeColumn === undefined ? null : row.cells[typeColumn];
    if (typeof type === 'string' && type.trim() !== '') types.set(type.trim(), (types.get(type.trim()) ?? 0) + 1);
    else numbers?.count(row.cells);
    if (++scanned >= (typeColumn === undefined && !numbers ? 200 : TYPE_SCAN_ROWS)) break;
  }
  const rows = preview.map((r) => r.cells);
  // GST types, net values from prices, a discount column of rates, a register of credit notes, as
  // the import will read them. GST types leave no document types to ask; a discount column of
  // rates is shown mapped where its rates come off the prices (the import reads them from it).
  const firstRows = firstRowRules(args.kind, table.mapping, table.headers, rows, {
    returnsNamedBy: table.returnsNamedBy,
    given: false,
    typeMap,
  });
  if (firstRows.gstTypes) types.clear();
  if (firstRows.ratesIn !== undefined && !firstRows.netFromRate) delete table.mapping.discount;
  const bySide = args.kind === 'payments' && readsPartySide(args.kind, table.headers, table.mapping);
  const documentTypes = [...types]
    .sort((a, b) => b[1] - a[1])
    .map(([name, count]) => {
      const reading = args.kind === 'payments' ? classifyVoucher(name, typeMap) : classifyDocType(name, typeMap);
      // A voucher named as a payment or as money given back is read row by row (ReceiptVouchers).
      const why = (args.kind === 'payments' && reading && readByRow(name, reading.why, bySide)) || reading?.why;
      return { name, rows: count, as: reading?.as ?? null, why: why ?? 'unknown' };
    })
    .concat(numbers?.series() ?? []);
  let decisions: string[];
  let refusal: string | null = null;
  let ambiguousDates: ImportPreview['ambiguousDates'] = null;
  try {
    const d = decide(args.kind, table.mapping, rows, {
      date1904: source.date1904,
      headers: table.headers,
      dateOrder,
      titlePower: table.titleScale?.power,
      titlePeriod: table.titlePeriod,
    });
    // The amount columns as the rows show them, as the import will read them (a Gross of prices
    // left out, the net after discount): the dialog's mapping is the import's.
    const fromRows =
      args.kind === 'sales'
        ? amountsFromRows(table.mapping, table.headers, rows, d, {}, leftAsProposed(table, table.mapping))
        : [];
    keepTaxFromTotals(d, preview);
    const fromTotals = args.kind === 'sales' ? taxFromTotalsSaid(table.headers, table.mapping, d) : null;
    // What the import refuses, or warns of, before reading a line: as it will with this mapping.
    const loose =
      args.kind === 'sales' && leftAsProposed(table, table.mapping)('qty')
        ? looseQuantity(table.mapping, table.headers, rows, d, caseMaster(db))
        : null;
    refusal = loose?.refusal ?? null;
    const currency = currencyCheck(args.kind, table.mapping, table.headers, moneyAndDates(db).currency, rows);
    const untyped =
      args.kind === 'sales' && table.mapping.doc_type === undefined && table.mapping.return_flag === undefined;
    const nets = untyped
      ? preview
          .map((r) => convertRow(args.kind, table.mapping, r.cells, d, {}, r.ledger, r.bill).values.net_value)
          .filter((v): v is number => typeof v === 'number' && v !== 0)
      : [];
    const mostly = mostlyNegative(nets.filter((v) => v < 0).length, nets.length, true);
    decisions = [
      ...dayOrderDecisions(d).map((o) => o.decision),
      d.decimalReason,
      ...scaleDecisions(d.scaled, table.headers, table.titleScale).map((o) => o.decision),
      ...fromRows.map((o) => o.decision),
      ...(fromTotals ? [fromTotals] : []),
      ...(d.taxOfBills ? [taxOfBillsSentence(table.headers, table.mapping, d.taxOfBills)] : []),
      ...[yearlessNote(args.kind, table.mapping, rows, table.titlePeriod)].flatMap((o) => (o ? [o.decision] : [])),
      ...firstRows.notes.map((o) => o.decision),
      ...(loose && !loose.refusal ? [loose.decision] : []),
      ...(currency?.warning ? [currency.warning] : []),
      ...(mostly ? [mostly] : []),
    ];
  } catch (error) {
    if (error instanceof AmbiguousDatesError) ambiguousDates = { column: error.column, samples: error.samples };
    decisions = [(error as Error).message];
  }
  for (const d of table.fromTitle) decisions.push(titleDecision(args.kind, d));
  for (const n of table.notes) decisions.push(n.decision);
  // What this file must supply depends on its columns: a Day Book's Debit/Credit pair is its net value.
  const neededHere = new Set(neededFields(args.kind, table.mapping).map((f) => f.name));
  // A columnar register's further GST columns (tax_cgst_2, …), each a field of its own here.
  const moreTaxParts = taxPartKeys(table.mapping)
    .filter((key) => !base.fields.some((f) => f.name === key))
    .map((key) => {
      const [, part, n] = key.split('_');
      const label = base.fields.find((f) => f.name === `tax_${part}`)?.label ?? key;
      return { name: key, label: `${label} (${n})`, required: false, type: 'money' as const };
    });
  // Columns the proposal numbers (qty_in_unit_1, month_1, …), each a field of its own here.
  const numberedFields = (prefix: string, label: (n: string) => string, type: 'qty' | 'decimal' | 'money') =>
    numbered(table.mapping, prefix).map(({ key, n }) => ({ name: key, label: label(n), required: false, type }));
  return {
    ...base,
    fields: [
      ...base.fields.map((f) => ({ ...f, required: neededHere.has(f.name) })),
      ...moreTaxParts,
      // Quantity columns in further units, for products counted in those.
      ...numberedFields(QTY_IN_UNIT, (n) => `Qty in another unit (${n})`, 'qty'),
      // A target sheet's month columns, each a month's targets.
      ...numberedFields(MONTH_COLUMN, (n) => `Targets of month ${n}`, 'decimal'),
      // A target sheet's further target columns, each of the measure its header names.
      ...numberedFields(MEASURE_COLUMN, (n) => `Targets of another measure (${n})`, 'decimal'),
      // A sale's discounts in a column each, summed.
      ...numberedFields(DISCOUNT_PART, (n) => `Discount, part ${n}`, 'money'),
      // A bill's other charges in a column each, summed.
      ...numberedFields(CHARGE_PART, (n) => `Other charges, part ${n}`, 'money'),
    ],
    sheet: table.sheet,
    headerRow: table.headerRow,
    headers: table.headers,
    mapping: mappingByHeader(table.headers, table.mapping),
    profile: table.profile,
    choices,
    unmappedRequired: neededFields(args.kind, table.mapping)
      .filter((f) => table.mapping[f.name] === undefined)
      .map((f) => f.name),
    defaults: Object.fromEntries(table.fromTitle.map((d) => [d.field, d.value])),
    preview: preview.slice(0, PREVIEW_ROWS).map((r) => ({ row: r.number, cells: r.cells })),
    decisions,
    refusal,
    ambiguousDates,
    documentTypes,
  };
}
