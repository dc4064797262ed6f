import { type DatasetKind, datasets, type FieldDef } from '../datasets/kinds';
import { measureColumns } from './measure-columns';
import { monthColumns } from './month-columns';

/**
 * How each dataset's rows hang together in a report-style export:
 * - `groupKey`: when this cell is blank, the row continues the one above (item rows under a
 *   voucher row), and the `inherited` fields are filled down from it;
 * - `lineFields`: a row with none of these is a group heading (a voucher or party row) whose
 *   values the rows under it inherit, not data of its own;
 * - `identity`: the fields that make a row unique, for duplicate checks;
 * - `documentIdentity`: those of the row's document, where lines are numbered by the import: a
 *   line's number then follows the file's order, which another export of the same documents
 *   need not keep, so a document another import stored is found by these alone;
 * - `lookup`: the identity fields an index of the table leads with: the duplicate check searches
 *   by these and only compares the rest, so SQLite never picks a wider, less selective index
 *   (a million-line import otherwise scans a day's lines for every line it checks);
 * - `dateFields`: what the control totals' date range spans;
 * - `repeated`: the fields a report or a pivot table shows once for the rows under it that share
 *   them (a date, a party over their documents), a blank cell meaning "as above": filled down
 *   where the import is asked to (`fillDown`; filled-down.ts).
 */
export interface KindRules {
  groupKey: string | null;
  inherited: readonly string[];
  lineFields: readonly string[];
  identity: readonly string[];
  documentIdentity?: readonly string[];
  lookup: readonly string[];
  dateFields: readonly string[];
  repeated: readonly string[];
  references: readonly { field: string; master: 'distributors' | 'outlets' | 'products' }[];
}

export const kindRules: Record<DatasetKind, KindRules> = {
  distributors: {
    groupKey: null,
    inherited: [],
    lineFields: ['code'],
    identity: ['code'],
    lookup: ['code'],
    dateFields: [],
    repeated: ['region', 'area', 'territory', 'channel', 'class'],
    references: [],
  },
  outlets: {
    groupKey: 'distributor_code',
    inherited: ['distributor_code'],
    lineFields: ['code'],
    identity: ['code'],
    lookup: ['code'],
    dateFields: [],
    repeated: ['distributor_code', 'channel', 'class', 'town'],
    references: [{ field: 'distributor_code', master: 'distributors' }],
  },
  products: {
    groupKey: null,
    inherited: [],
    lineFields: ['sku'],
    identity: ['sku'],
    lookup: ['sku'],
    dateFields: [],
    repeated: ['brand', 'category', 'subcategory'],
    references: [],
  },
  sales: {
    groupKey: 'doc_no',
    inherited: ['doc_type', 'doc_no', 'doc_date', 'distributor_code', 'outlet_code', 'against_doc_no'],
    lineFields: ['sku', 'qty'],
    identity: ['doc_type', 'distributor_code', 'doc_no', 'doc_date', 'line_no', 'sku'],
    documentIdentity: ['doc_type', 'distributor_code', 'doc_no', 'doc_date'],
    lookup: ['doc_no', 'line_no'],
    dateFields: ['doc_date'],
    repeated: ['doc_type', 'doc_date', 'distributor_code', 'outlet_code'],
    references: [
      { field: 'distributor_code', master: 'distributors' },
      { field: 'outlet_code', master: 'outlets' },
      { field: 'sku', master: 'products' },
    ],
  },
  receivables: {
    groupKey: 'distributor_code',
    inherited: ['distributor_code', 'as_of'],
    lineFields: ['doc_no', 'outstanding'],
    // A bill of last year still owed beside this year's of the same number (series restart): two bills.
    identity: ['as_of', 'distributor_code', 'doc_no', 'doc_date'],
    lookup: ['doc_no'],
    dateFields: ['doc_date'],
    repeated: ['as_of', 'distributor_code', 'doc_date'],
    references: [{ field: 'distributor_code', master: 'distributors' }],
  },
  payments: {
    groupKey: 'distributor_code',
    // A bill's row under its receipt (ERPNext's Payment References) is the same receipt.
    inherited: ['distributor_code', 'receipt_no', 'receipt_date', 'mode'],
    lineFields: ['receipt_no', 'amount', 'allocated'],
    // Receipt numbers restart every financial year, as invoice numbers do: the date is part of one.
    identity: ['receipt_no', 'distributor_code', 'receipt_date', 'against_doc_no'],
    lookup: ['receipt_no'],
    dateFields: ['receipt_date'],
    repeated: ['receipt_date', 'distributor_code', 'mode'],
    references: [{ field: 'distributor_code', master: 'distributors' }],
  },
  targets: {
    groupKey: 'distributor_code',
    inherited: ['distributor_code', 'period_from', 'period_to'],
    lineFields: ['value'],
    identity: ['period_from', 'period_to', 'distributor_code', 'measure', 'scheme_code'],
    lookup: ['distributor_code'],
    dateFields: ['period_from', 'period_to'],
    repeated: ['period_from', 'period_to', 'distributor_code'],
    references: [{ field: 'distributor_code', master: 'distributors' }],
  },
};

/** The column that numbers a row's document (an invoice, a receipt, a bill) under `mapping`. */
export const documentColumnOf = (kind: DatasetKind, mapping: Readonly<Record<string, number>>): number | undefined =>
  mapping[kindRules[kind].lookup[0] ?? ''];

/**
 * The fields a file must supply (as a column or a value for every row). A sale's document type
 * is not among them (without it a line is an invoice, or a credit note by its return flag or
 * sign), nor its SKU and quantity (a file without items — a Day Book — is one line per document
 * of the product NOT-ITEMISED), nor its net value where a Debit / Credit Amount pair gives it;
 * nor a receipt's amount where that pair does; nor a sale's net value where a document total
 * (Tally's Gross Total) gives it, less the tax, or where each line's quantity and unit price do.
 */
export function neededFields(
  kind: DatasetKind,
  mapped: Readonly<Record<string, number>> = {},
  given: Readonly<Record<string, unknown>> = {},
): FieldDef[] {
  const supplied = (field: string) => mapped[field] !== undefined || given[field] !== undefined;
  return datasets[kind].fields.filter((f) => {
    // A target is of a measure or of a scheme: given neither, the measure is asked for.
    // A sheet with a target column per measure names each target's measure by its column's header.
    if (kind === 'targets' && f.name === 'measure')
      return !supplied('measure') && !supplied('scheme_code') && measureColumns(mapped).length === 0;
    if (!f.required) return false;
    const debitOrCredit = mapped.debit_amount !== undefined || mapped.credit_amount !== undefined;
    if (kind === 'payments') return f.name !== 'amount' || !debitOrCredit;
    // A target sheet's month columns give each target's period and value; its column of months the period.
    if (kind === 'targets' && mapped.period !== undefined && ['period_from', 'period_to'].includes(f.name))
      return false;
    if (kind === 'targets')
      return !['period_from', 'period_to', 'value'].includes(f.name) || monthColumns(mapped).length === 0;
    if (kind !== 'sales') return true;
    if (f.name === 'doc_type') return false;
    if ((f.name === 'sku' || f.name === 'qty') && mapped.sku === undefined) return false;
    if (f.name === 'net_value' && (debitOrCredit || netFromGrossTotal(mapped) || netFromPrice(mapped))) return false;
    if (f.name === 'net_value' && mapped.with_tax !== undefined) return false;
    return true;
  });
}

/** The product a line of a file without items is booked to. */
export const notItemised = { sku: 'NOT-ITEMISED', name: 'Not itemised (documents imported without item lines)' };

type Mapped = Readonly<Record<string, number>>;

/** Whether a sales file maps none of the columns that give a line's amount itself: a net, an amount with tax, a Debit / Credit pair. */
const noLineAmount = (mapped: Mapped): boolean =>
  mapped.net_value === undefined &&
  mapped.with_tax === undefined &&
  mapped.debit_amount === undefined &&
  mapped.credit_amount === undefined;

/**
 * Whether a sale's net value is its document's total less its tax (Tally's Sales Register without
 * items): the file writes no net value and no Debit / Credit pair, and one line per document (a
 * document's total on each of several item lines would count it several times).
 */
export const netFromGrossTotal = (mapped: Mapped): boolean =>
  mapped.gross_total !== undefined &&
  mapped.net_value === undefined &&
  mapped.debit_amount === undefined &&
  mapped.credit_amount === undefined &&
  mapped.sku === undefined;

/**
 * Whether an itemised sales file with no net value writes a bill's amount on each line (a DMS's
 * `Bill Amount`, `Invoice Value`): the rows decide (amountsFromRows) whether it is each line's
 * amount with its tax, and the file is refused where it is not.
 */
export const lineTotalToCheck = (mapped: Mapped): boolean =>
  mapped.gross_total !== undefined && mapped.sku !== undefined && noLineAmount(mapped);

/**
 * Whether an itemised sales file writes each line's gross and no net, price or total of any kind
 * (Oracle Receivables' lines: Extended Amount, Tax Amount, Total): the rows decide
 * (amountsFromRows) which other column is the line's amount, less the discount or with its tax
 * too, and the file is refused where none is.
 */
export const netBesideGrossToCheck = (mapped: Mapped): boolean =>
  mapped.gross_value !== undefined &&
  mapped.sku !== undefined &&
  mapped.gross_total === undefined &&
  mapped.rate === undefined &&
  noLineAmount(mapped);

/**
 * Whether a sale's net value is its quantity × its unit price: the file writes a price and no
 * amount of any kind (UCI's Online Retail: Quantity, UnitPrice), so the line's value is theirs.
 */
export const netFromPrice = (mapped: Mapped): boolean =>
  mapped.rate !== undefined && mapped.qty !== undefined && mapped.gross_total === undefined && noLineAmount(mapped);
