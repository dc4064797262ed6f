import { createHash } from 'node:crypto';
import { type DatasetKind, datasets } from '../datasets/kinds';
import {
  aliases,
  documentAliases,
  inForeignCurrency,
  normalizeHeader,
  orderedQuantityHeaders,
  type PseudoField,
  pseudoAliases,
  pseudoFieldDefs,
  pseudoFields,
  pseudoFieldsOf,
} from './aliases';
import { addChargeParts } from './charges';
import { addMeasureColumns } from './measure-columns';
import { addMonthColumns } from './month-columns';
import {
  addNumbered,
  CHARGE_PART,
  DISCOUNT_PART,
  MEASURE_COLUMN,
  MONTH_COLUMN,
  partColumns,
  QTY_IN_UNIT,
} from './numbered-keys';
import { headerUnit, keepUnitOfTheQuantity } from './quantity-units';
import type { Cell } from './readers/types';
import { keepReturnsBesideSales } from './returns-beside';
import { keepRoundingPair } from './rounded-totals';

/** Source column → canonical field (or a pseudo field such as a Dr/Cr column). */
export type Mapping = Record<string, number>;

export interface HeaderCandidate {
  /** 0-based index into the rows looked at. */
  index: number;
  headers: string[];
  mapping: Mapping;
  score: number;
  /** False when no row named our fields and the first row of text stands in, for the user to map by hand. */
  recognised: boolean;
  /** Why a field is read from a column other than the one its header names best (preferFilledColumns). */
  notes?: { field: string; decision: string }[];
}

/** A header cell's text; a date (a target sheet's month, typed as 1-Oct-2026 and shown Oct-26) as its ISO day. */
export const headerText = (cell: Cell) =>
  cell === null || cell === undefined
    ? ''
    : cell instanceof Date
      ? cell.toISOString().slice(0, 10)
      : String(cell).trim();

/** A field a header may name, and how well: 0 for the field's own name or label, else its alias's place in the list. */
interface Candidate {
  field: string;
  rank: number;
}

/** Each kind's header names, made once: the map is only read. */
const namesOfKinds = new Map<DatasetKind, Map<string, Candidate[]>>();

function namesFor(kind: DatasetKind): Map<string, Candidate[]> {
  let names = namesOfKinds.get(kind);
  if (names === undefined) {
    names = headerNames(kind);
    namesOfKinds.set(kind, names);
  }
  return names;
}

/** Whether a header's text names a field of `kind` ("Quantity", "Voucher No."). */
export const namesAField = (kind: DatasetKind, header: string): boolean =>
  headerCandidates(namesFor(kind), header) !== undefined;

function headerNames(kind: DatasetKind): Map<string, Candidate[]> {
  // For each normalized header text, the fields it may name, in the dataset's field order.
  const names = new Map<string, Candidate[]>();
  const add = (text: string, field: string, rank: number) => {
    const key = normalizeHeader(text);
    if (!key) return;
    const list = names.get(key) ?? [];
    const known = list.find((c) => c.field === field);
    if (known) known.rank = Math.min(known.rank, rank);
    else list.push({ field, rank });
    names.set(key, list);
  };
  for (const field of datasets[kind].fields) {
    const list = aliases[kind][field.name] ?? [];
    // The field's own name ranks where its aliases put it ("Discount" after "Discount Amount").
    const own = (text: string) => {
      const at = list.indexOf(normalizeHeader(text));
      return at < 0 ? 0 : at + 1;
    };
    add(field.name, field.name, own(field.name));
    add(field.label, field.name, own(field.label));
    const documents = documentAliases[field.name];
    list.forEach((alias, i) => {
      const rank = documents?.has(alias)
        ? DOCUMENT_RANK + i
        : field.name === 'qty' && orderedQuantityHeaders.has(alias)
          ? ORDERED_QUANTITY_RANK + i
          : i + 1;
      add(alias, field.name, rank);
    });
  }
  // A master's own name before a field's ("Retailer Class", "Item Brand"), and a code or id named
  // as the ERP's ("Outlet ERP Id", "SKU ERP Code", as a DMS names the codes it takes from the
  // ERP): where that names nothing else.
  const later = (candidates: Candidate[]) => candidates.map((c) => ({ field: c.field, rank: c.rank + OWN_NAME_RANK }));
  for (const [key, candidates] of [...names]) {
    for (const own of ownNames[kind] ?? []) if (!names.has(own + key)) names.set(own + key, later(candidates));
    const stem = key.match(/^(.+?)(code|id)$/)?.[1];
    if (stem)
      for (const erp of [`${stem}erpcode`, `${stem}erpid`]) if (!names.has(erp)) names.set(erp, later(candidates));
  }
  for (const pseudo of pseudoFieldsOf(kind))
    pseudoAliases[pseudo].forEach((alias, i) => {
      add(alias, pseudo, i + 1);
    });
  return names;
}

/**
 * The words a master's export puts before its own fields: an outlets file's "Retailer Class",
 * "Outlet Town"; a products file's "Item Brand". Never another master's ("Distributor Name" in an
 * outlets file is the distributor's).
 */
const ownNames: Partial<Record<DatasetKind, readonly string[]>> = {
  distributors: ['distributor', 'dealer', 'stockist', 'customer', 'party'],
  outlets: ['retailer', 'outlet', 'store', 'shop', 'customer', 'counter'],
  products: ['product', 'item', 'sku', 'material', 'article'],
};
/** Where a header named by a master's own name and a field's, or as the ERP's code, ranks: after the field's own names. */
const OWN_NAME_RANK = 100;

/** Where a quantity column named by its unit ranks: after every alias of a plain quantity. */
const UNIT_QUANTITY_RANK = 1000;
/** Where a quantity ordered ranks: after one billed in a unit (Order Qty beside Invoice Qty (PCS)). */
const ORDERED_QUANTITY_RANK = 1500;
/** Where a header named by a part of its path ranks: after any header a name knows whole. */
const PATH_RANK = 500;
/** Where a document's amount ranks: after any column that names a line's, by its path too. */
const DOCUMENT_RANK = 2000;
/** Where a column of a discount's rates ranks: after any column of amounts that names it. */
const PERCENT_RANK = 3000;

/**
 * The last part of a path that names its record rather than a field of it: Odoo's
 * "Partner/Reference", "Invoice lines/Product/Display Name", "Partner/ID".
 */
const recordKeys = new Set([
  'id',
  'externalid',
  'databaseid',
  'reference',
  'internalreference',
  'ref',
  'code',
  'number',
  'name',
  'displayname',
  'barcode',
]);

/** The one field a text names, if it names one only. */
function oneField(names: Map<string, Candidate[]>, text: string): Candidate | undefined {
  const known = names.get(normalizeHeader(text));
  return known?.length === 1 ? known[0] : undefined;
}

/**
 * The field a header's path names, when no name knows it whole. Odoo writes a related record's
 * field as its path ("Invoice lines/Quantity", "Partner/Reference", "Invoice lines/Product/
 * Product Category"), and some of its labels hold a slash themselves ("Invoice/Bill Date"). Its
 * last two parts may name a field together ("Product/Internal Reference"); else a last part that
 * is a record's key names what the record does ("Partner/Reference" is the partner); else the
 * last part names a field of the row only where the path before it names no field, being the row
 * itself ("Invoice lines"): the product's category or the partner's reference is none of the
 * row's fields.
 */
function pathField(names: Map<string, Candidate[]>, parts: readonly string[]): Candidate | undefined {
  const last = parts.at(-1) ?? '';
  if (parts.length < 2) return oneField(names, last);
  const together = oneField(names, parts.slice(-2).join(' '));
  if (together) return together;
  const record = pathField(names, parts.slice(0, -1));
  if (recordKeys.has(normalizeHeader(last))) return record;
  if (!record) return oneField(names, last);
  // The row's own document ("Invoice/Invoice Date", "Invoice/Partner" on Odoo's journal items):
  // what it says of itself is the row's, save its amounts, which are the whole document's.
  const own = documentRecords.has(record.field) ? oneField(names, last) : undefined;
  return own && documentFacts.has(own.field) ? own : undefined;
}

/** The fields that name the document a row is a line of: its number. */
const documentRecords = new Set(['doc_no', 'receipt_no']);
/** What a line's document says of it by its path: when, to whom, of what kind, in what state, against what. */
const documentFacts = new Set([
  'doc_date',
  'receipt_date',
  'due_date',
  'distributor_code',
  'outlet_code',
  'doc_type',
  'status',
  'against_doc_no',
]);

/**
 * A header of percentages ("GST%", "Tax %", "% Disc", "Margin Percent"): its column holds rates.
 * A % after a number names a ledger at that rate ("Output CGST 9%"), whose column holds amounts.
 */
export const percentHeader = (header: string) =>
  /^[^0-9]*%[^0-9]*$/.test(header) || /\b(percent|percentage|pct)\b/i.test(header);

/**
 * Whether a column of percentages may hold the field: never an amount of money ("GST%" is no
 * tax, though it normalises as "GST"), save the discount, whose rates come off the line
 * (priced-net.ts); nor a target, which is of a measure in rupees, units or outlets ("Target %"
 * beside "Tgt Amt" is a growth or an achievement, though it normalises as "Target").
 */
function holdsPercentages(kind: DatasetKind, field: string): boolean {
  if (kind === 'targets' && field === 'value') return false;
  return field === 'discount' || fieldType(kind, field) !== 'money';
}

/** A field's type, or a pseudo field's (money, or a flag). */
export const fieldType = (kind: DatasetKind, field: string) =>
  datasets[kind].fields.find((f) => f.name === field)?.type ?? pseudoFieldDefs[field as PseudoField]?.type;

/** A field's name as the dialog shows it, or a pseudo field's; a numbered part's key as it is. */
export const fieldLabel = (kind: DatasetKind, field: string): string =>
  datasets[kind].fields.find((f) => f.name === field)?.label ?? pseudoFieldDefs[field as PseudoField]?.label ?? field;

/**
 * The fields a header may name: by its whole text, or else by its path (pathField), ranked after
 * any header a name knows whole.
 */
function headerCandidates(names: Map<string, Candidate[]>, header: string): Candidate[] | undefined {
  const whole = names.get(normalizeHeader(header));
  if (whole) return whole;
  const parts = header
    .split('/')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  const named = parts.length > 1 ? pathField(names, parts) : undefined;
  return named && [{ field: named.field, rank: PATH_RANK + named.rank }];
}

/**
 * Proposes a mapping for one row of headers. A header that can name only one field takes it;
 * when several such headers fit one field, the best fit wins (the field's own name, then its
 * aliases in their order: a line's amount before a document's), whatever the column order —
 * but a required field's column that `empty` says holds nothing gives way to one that holds
 * something (Busy's blank "Dealer Code" to the party names of its "Particulars"). Then each ambiguous header ("Item": a
 * line number in SAP, a product in Tally) takes the first free field it can name, a required
 * one before an optional one.
 */
export function proposeMapping(
  kind: DatasetKind,
  headers: readonly string[],
  empty: (column: number) => boolean = () => false,
): Mapping {
  const names = namesFor(kind);
  const required = new Set(datasets[kind].fields.filter((f) => f.required).map((f) => f.name));
  const mapping: Mapping = {};
  const quantityWords = aliases[kind].qty ?? [];
  const candidates = headers.map((header) => {
    const found = headerCandidates(names, header);
    // A discount's rates ("Discount %") rank after any column of its amounts ("Discount") beside them.
    const known =
      found && percentHeader(header)
        ? found
            .filter((c) => holdsPercentages(kind, c.field))
            .map((c) => (fieldType(kind, c.field) === 'money' ? { ...c, rank: c.rank + PERCENT_RANK } : c))
        : found;
    if (known) return known;
    const key = normalizeHeader(header);
    // A quantity in a unit the header names: after every plain quantity, pieces before cases.
    const unit = quantityWords.length > 0 ? headerUnit(key, quantityWords) : null;
    return unit ? [{ field: 'qty', rank: unit.piece ? UNIT_QUANTITY_RANK : UNIT_QUANTITY_RANK + 1 }] : [];
  });
  const best = new Map<string, { index: number; rank: number; empty: boolean }>();
  candidates.forEach((fields, index) => {
    const only = fields[0];
    if (fields.length !== 1 || !only) return;
    const known = best.get(only.field);
    // Only a required field's column: a blank discount or tax is a zero, not a missing column.
    const isEmpty = required.has(only.field) && empty(index);
    if (!known || (known.empty && !isEmpty) || (known.empty === isEmpty && only.rank < known.rank))
      best.set(only.field, { index, rank: only.rank, empty: isEmpty });
  });
  for (const [field, { index }] of best) mapping[field] = index;
  candidates.forEach((fields, index) => {
    if (fields.length < 2 || Object.values(mapping).includes(index)) return;
    const free = fields.filter((f) => mapping[f.field] === undefined).map((f) => f.field);
    const choice = free.find((f) => required.has(f)) ?? free[0];
    if (choice) mapping[choice] = index;
  });
  if (kind === 'sales') addGstLedgerColumns(headers, mapping);
  if (kind === 'sales') addDiscountParts(headers, mapping);
  if (kind === 'sales') addChargeParts(headers, mapping);
  if (kind === 'sales') keepReturnsBesideSales(headers, mapping);
  if (kind === 'sales') keepRoundingPair(mapping);
  if (kind === 'sales') keepUnitOfTheQuantity((column) => normalizeHeader(headers[column] ?? ''), mapping);
  if (kind === 'targets') addMonthColumns(headers, mapping);
  if (kind === 'targets')
    addMeasureColumns(headers, mapping, (column) => candidates[column]?.some((c) => c.field === 'value') ?? false);
  if (kind === 'receivables') totalOfAgeing(headers, mapping);
  // The quantity in other units (a DMS's Qty (Cases) beside its Qty (PCS)): for the lines of
  // products the products master counts in one of those.
  candidates.forEach((fields, index) => {
    if (
      fields[0]?.field === 'qty' &&
      fields[0].rank >= UNIT_QUANTITY_RANK &&
      fields[0].rank < ORDERED_QUANTITY_RANK &&
      index !== mapping.qty &&
      mapping.qty !== undefined
    )
      addNumbered(mapping, QTY_IN_UNIT, index);
  });
  return mapping;
}

/** GST's parts by their short names, and by the names the GST returns give them. */
const gstParts: [RegExp, string][] = [
  [/\bcgst\b|\bcentral tax\b/, 'cgst'],
  [/\bsgst\b|\bstate tax\b/, 'sgst'],
  [/\butgst\b|\b(ut|union territory) tax\b/, 'utgst'],
  [/\bigst\b|\bintegrated tax\b/, 'igst'],
  [/\bcess\b/, 'cess'],
];

/** The GST part a header or a ledger names (CGST of "Output CGST 9%" or "Central Tax"), or null. */
export function gstPartNamed(name: string): string | null {
  const text = name.toLowerCase().replace(/\s+/g, ' ');
  return gstParts.find(([pattern]) => pattern.test(text))?.[1] ?? null;
}

/**
 * GST or a sales tax named as one amount and nothing else ("Output GST", "GST @ 18%", "GST Payable
 * A/c", QuickBooks' "Sales Tax Payable"): not a sales account that names it ("Sales GST 18%", "GST
 * Sales @ 5%": Tally's columnar register writes the sale at each rate so), nor anything else about
 * GST ("GST Treatment", "GST Rate").
 */
export function namesTaxInOne(name: string): boolean {
  const text = name.toLowerCase().replace(/\b(sales tax|tax)\b/g, ' gst ');
  if (!/\bgst\b/.test(text)) return false;
  // A line's own tax named as an amount (Zoho Books' "Item Tax Amount", "Line GST Amt"); Zoho's
  // "Item Tax" alone names the tax ("GST18").
  const own = /\b(amount|amt|value)\b/.test(text) ? text.replace(/^\s*(item|line)\b/, '') : text;
  const rest = own.replace(/\b(gst|output|payable|amount|amt|value|total|collected|charged|on|a\/c|ac|rs|inr)\b/g, '');
  return /^[\s\d@%().:/₹-]*$/.test(rest);
}

/**
 * A header of something other than amounts: rates ("CGST Rate", "CGST %", "IGST (%)", "Cess
 * Percentage"), or a GST part's ledger, account, code, number or whether it applies.
 */
const notAnAmountHeader = (text: string) =>
  /\b(rate|ledger|account|code|no|number|type|applicable|gstin)\b/.test(text) || percentHeader(text);

/** A GST part a header names as an amount: "Output CGST 9%", "IGST @ 18%", "Cess"; not "CGST Rate", "CGST %" or "IGST Ledger". */
function gstPartOf(header: string): string | null {
  const part = gstPartNamed(header);
  return part && !notAnAmountHeader(header.toLowerCase()) ? part : null;
}

/**
 * Tally's columnar Sales Register writes a column per tax ledger (Output CGST 9%, Output CGST
 * 2.5%, …): each column no field took that names a GST part is one more part of the tax
 * (tax_cgst, tax_cgst_2, …), all of them summed, unless the file has a tax column of its own.
 * A part in a foreign currency (Zoho Books' CGST(FCY) beside its CGST) is the same tax again.
 */
function addGstLedgerColumns(headers: readonly string[], mapping: Mapping): void {
  // A column of rates (or ledgers, codes) is never an amount, whatever its name matched.
  // (The mapping is still being made here: its tax parts are not asked of taxPartKeys, which keeps them.)
  for (const key of Object.keys(mapping).filter(isTaxPartKey))
    if (notAnAmountHeader((headers[mapping[key] ?? -1] ?? '').toLowerCase())) delete mapping[key];
  if (mapping.tax !== undefined) return;
  const taken = new Set(Object.values(mapping));
  const add = (part: string, index: number) => {
    let key = `tax_${part}`;
    for (let n = 2; mapping[key] !== undefined; n++) key = `tax_${part}_${n}`;
    mapping[key] = index;
  };
  headers.forEach((header, index) => {
    const part = taken.has(index) || inForeignCurrency(header) ? null : gstPartOf(header);
    if (part) add(part, index);
  });
  // GST in one column a rate ("Output GST 18%", "GST @ 5%"), where the file splits it into no
  // parts (beside CGST and SGST, such a column would be their sum again).
  if (Object.keys(mapping).some((k) => /^tax_(cgst|sgst|utgst|igst)/.test(k))) return;
  headers.forEach((header, index) => {
    if (
      !taken.has(index) &&
      !inForeignCurrency(header) &&
      namesTaxInOne(header) &&
      !notAnAmountHeader(header.toLowerCase())
    )
      add('gst', index);
  });
}

/**
 * A discount a header names as an amount: "Sch Disc", "Trade Disc", "CD Amt", "Cash Discount", a
 * DMS's "Scheme Amount" (what the line's schemes took off), "DB Disc Amt" (the distributor's own);
 * not "Disc %".
 */
const discountPart =
  /^(sch|scheme|trade|td|cd|cash|spl|special|addl|additional|display|qps|bill|item|other|extra|volume|db|dist|distributor|promo|promotional|qty|quantity|loyalty|festive|festival|seasonal|prompt)?(disc|discount)(amt|amount|value)?$|^(cd|td|sch|scheme)(amt|amount|value)$/;

/** A header naming one kind of discount ("Scheme Discount", "CD Amt"), not the discount itself ("Discount", "Disc Amt"). */
const oneKindOfDiscount = (header: string): boolean => {
  const found = discountPart.exec(normalizeHeader(header));
  return found !== null && (found[1] !== undefined || found[4] !== undefined);
};

/**
 * A distributor system writes a line's discounts in a column each (Sch Disc, Trade Disc, CD Amt):
 * where no column is the discount, the one such column is, and several are its parts, summed.
 * A column proposed as the discount because its name is one (Trade Discount) is one of them where
 * another kind stands beside it (Scheme Discount): the discount is their sum, not the first.
 */
function addDiscountParts(headers: readonly string[], mapping: Mapping): void {
  const proposed = mapping.discount;
  if (proposed !== undefined && !oneKindOfDiscount(headers[proposed] ?? '')) return;
  const taken = new Set(Object.values(mapping));
  const parts = headers
    .map((header, column) => ({ header, column }))
    .filter(
      ({ header, column }) =>
        (column === proposed || !taken.has(column)) &&
        discountPart.test(normalizeHeader(header)) &&
        !notAnAmountHeader(header.toLowerCase()),
    );
  if (parts.length < 2) {
    if (parts.length === 1) mapping.discount = parts[0]?.column as number;
    return;
  }
  delete mapping.discount;
  for (const { column } of parts) addNumbered(mapping, DISCOUNT_PART, column);
}

/**
 * The name of a bucket of age, heading an ageing column or a group of bills: "Current", "Not Due",
 * "< 1 Month", "2 Months", "Older", "1 - 30", "31-60 Days", "> 90", "90+", "Over 90 days",
 * "61 - 90 days past due".
 */
const ageingLabel =
  /^(current|not\s*due|future|older|<\s*1\s*months?|\d+\s*months?|\d+\s*(-|to)\s*\d+(\s*days)?|(>|over|above)\s*\d+(\s*days)?|\d+\s*(\+|and\s+(over|above))(\s*days)?)(\s+(past\s*due|overdue))?$/i;
export const isAgeingLabel = (text: string): boolean => ageingLabel.test(text.trim());
/** The columns headed as an ageing report heads its buckets of age. */
export const ageingColumns = (headers: readonly string[]): number[] =>
  headers.flatMap((h, column) => (isAgeingLabel(h) ? [column] : []));
const totalColumn = /^total(\s+(due|outstanding|balance))?$/i;

/**
 * A detailed ageing report writes what each bill still owes in the ageing column it has reached,
 * and their sum in a Total after them (Xero's Aged Receivables Detail: Current, < 1 Month,
 * 1 Month … Older, Total): with no column named for what is outstanding, that Total is, not the
 * bill's amount, as a Total is elsewhere.
 */
function totalOfAgeing(headers: readonly string[], mapping: Mapping): void {
  if (mapping.outstanding !== undefined) return;
  const ageing = ageingColumns(headers);
  const total = headers.findIndex((h, column) => totalColumn.test(h.trim()) && column > (ageing[1] ?? headers.length));
  if (ageing.length < 2 || total < 0) return;
  if (mapping.amount === total) delete mapping.amount;
  if (!Object.values(mapping).includes(total)) mapping.outstanding = total;
}

/** The columns of a sale's discount parts, summed when the file has no discount column. */
export const discountPartColumns = partColumns('discount', DISCOUNT_PART);

const isTaxPartKey = (key: string) => /^tax_(cgst|sgst|utgst|igst|cess|gst)(_\d+)?$/.test(key);
const taxPartsOf = new WeakMap<Mapping, string[]>();

/**
 * The columns of a mapping that are parts of the tax, summed when the file has no tax column.
 * Asked for every row of an import: worked out once per mapping, which must not change after.
 */
export function taxPartKeys(mapping: Mapping): string[] {
  let keys = taxPartsOf.get(mapping);
  if (!keys) {
    keys = Object.keys(mapping).filter(isTaxPartKey);
    taxPartsOf.set(mapping, keys);
  }
  return keys;
}

/** The columns of a sale's tax: its tax column, or its GST parts. */
export const taxColumns = (mapping: Mapping): number[] =>
  mapping.tax !== undefined ? [mapping.tax] : taxPartKeys(mapping).map((k) => mapping[k] as number);

/** The columns of a sale's discount: its discount column, or its parts. */
export const discountColumns = (mapping: Mapping): number[] =>
  mapping.discount !== undefined ? [mapping.discount] : discountPartColumns(mapping);

/** Every column whose header can name `field`, the best-named first (as proposeMapping ranks them). */
export function columnsNaming(kind: DatasetKind, field: string, headers: readonly string[]): number[] {
  const names = namesFor(kind);
  return headers
    .map((header, index) => ({ index, rank: headerCandidates(names, header)?.find((c) => c.field === field)?.rank }))
    .filter((c): c is { index: number; rank: number } => c.rank !== undefined)
    .sort((a, b) => a.rank - b.rank)
    .map((c) => c.index);
}

/**
 * The columns most likely to hold a field the proposal could not place, best first: headers
 * that share the most of a known name of the field ("Net Amt (INR)" for net value). For a
 * message that names three candidates instead of every header of the file.
 */
export function likelyColumns(kind: DatasetKind, field: string, headers: readonly string[], count = 3): string[] {
  const def = datasets[kind].fields.find((f) => f.name === field);
  const known = [field, def?.label ?? '', ...(aliases[kind][field] ?? [])].map(normalizeHeader).filter(Boolean);
  const score = (header: string) => {
    const h = normalizeHeader(header);
    if (!h) return 0;
    return Math.max(
      ...known.map((k) => {
        if (h === k) return 1;
        if (h.includes(k) || k.includes(h)) return Math.min(h.length, k.length) / Math.max(h.length, k.length);
        // Shared letter pairs, for spellings no alias has.
        const pairs = (t: string) => new Set(Array.from({ length: t.length - 1 }, (_, i) => t.slice(i, i + 2)));
        const a = pairs(h);
        const b = pairs(k);
        const shared = [...a].filter((p) => b.has(p)).length;
        return a.size + b.size === 0 ? 0 : (0.8 * (2 * shared)) / (a.size + b.size);
      }),
    );
  };
  return headers
    .map((header) => ({ header, score: score(header) }))
    .filter((h) => h.header.trim() !== '' && h.score > 0.3)
    .sort((a, b) => b.score - a.score)
    .slice(0, count)
    .map((h) => h.header);
}

/**
 * The header row among the first rows of a sheet: the one whose cells name the most fields.
 * When none names enough, the first row with two or more cells of text stands in (unrecognised),
 * so a user can still map an unusual layout by hand — and a saved mapping can recognise it.
 */
/** How many fields of their own (pseudo fields aside) a header row's columns name. */
export const headerScore = (mapping: Mapping): number =>
  Object.keys(mapping).filter((f) => !(pseudoFields as readonly string[]).includes(f)).length;

export function findHeaderRow(kind: DatasetKind, rows: readonly (readonly Cell[])[]): HeaderCandidate | null {
  const required = datasets[kind].fields.filter((f) => f.required).length;
  let best: HeaderCandidate | null = null;
  let fallback: HeaderCandidate | null = null;
  rows.forEach((cells, index) => {
    const headers = cells.map(headerText);
    const texts = cells.filter((c) => typeof c === 'string' && c.trim() !== '').length;
    if (texts < 2) return;
    const mapping = proposeMapping(kind, headers);
    const score = headerScore(mapping);
    if (score >= Math.min(2, required) && (!best || score > best.score)) {
      best = { index, headers, mapping, score, recognised: true };
    }
    fallback ??= { index, headers, mapping, score, recognised: false };
  });
  return best ?? fallback;
}

/**
 * Why fields a user named do not fit a kind of file, or null: a column mapped to a field the kind
 * does not have (a typo, another kind's field), or one value given for what is no field of its
 * own (a pseudo field is read from a column, never given). Either was passed over without a word.
 */
export function namedFieldsProblem(
  kind: DatasetKind,
  map: Readonly<Record<string, string>>,
  defaults: Readonly<Record<string, unknown>>,
): string | null {
  const fields = datasets[kind].fields.map((f) => f.name);
  const pseudo: readonly string[] = pseudoFieldsOf(kind);
  const numberedKey = (key: string) =>
    [QTY_IN_UNIT, MONTH_COLUMN, MEASURE_COLUMN, DISCOUNT_PART, CHARGE_PART].some((prefix) =>
      new RegExp(`^${prefix}\\d+$`).test(key),
    );
  const unmappable = Object.keys(map).filter((f) => !fields.includes(f) && !pseudo.includes(f) && !numberedKey(f));
  const ungivable = Object.keys(defaults).filter((f) => !fields.includes(f));
  if (unmappable.length === 0 && ungivable.length === 0) return null;
  const quoted = (names: string[]) => names.map((n) => `"${n}"`).join(', ');
  return [
    ...(unmappable.length > 0 ? [`no column can be mapped to ${quoted(unmappable)}`] : []),
    ...(ungivable.length > 0 ? [`no value can be given for ${quoted(ungivable)}`] : []),
  ]
    .join('; ')
    .concat(`: a ${kind} file's fields are ${fields.join(', ')}`);
}

/**
 * A warning for each mapped column whose header another column repeats ("Net Value" twice): the
 * file does not say which is meant, and the one mapped is read, so the user is told which.
 */
export function repeatedHeaderWarnings(kind: DatasetKind, headers: readonly string[], mapping: Mapping): string[] {
  return Object.entries(mapping).flatMap(([field, column]) => {
    const key = normalizeHeader(headers[column] ?? '');
    if (key === '') return [];
    const same = headers.flatMap((h, c) => (sameHeader(h, headers[column] ?? '') ? [c + 1] : []));
    if (same.length < 2) return [];
    return [
      `"${headers[column]}" heads ${same.length} columns (columns ${same.join(', ')}): column ${column + 1} is read as ${fieldLabel(kind, field)}; if another is meant, rename the columns in the file and import it again`,
    ];
  });
}

/** A fingerprint of a header row, so a saved mapping is proposed again for the same layout. */
export function headerSignature(headers: readonly string[]): string {
  const normalized = headers.map(normalizeHeader).filter((h) => h !== '');
  return createHash('sha256').update(normalized.join('|')).digest('hex');
}

/**
 * Whether two headers name one column as far as a mapping by header text can tell: the same name,
 * both of rates or both not ("Tax %" beside "Tax" is another column, though both normalise as "Tax").
 */
const sameHeader = (a: string, b: string) =>
  normalizeHeader(a) === normalizeHeader(b) && percentHeader(a) === percentHeader(b);

/**
 * A mapping saved by header text, applied to this file's header row: each field to the column of
 * that very text, else of the same name (sameHeader). A header that heads several columns names
 * the first, as the proposal reads it.
 */
export function mappingFromHeaders(headers: readonly string[], byHeader: Record<string, string>): Mapping {
  const mapping: Mapping = {};
  for (const [field, header] of Object.entries(byHeader)) {
    const exact = headers.findIndex((h) => h.trim() === header.trim());
    const index = exact >= 0 ? exact : headers.findIndex((h) => sameHeader(h, header));
    if (index >= 0) mapping[field] = index;
  }
  return mapping;
}

export function mappingByHeader(headers: readonly string[], mapping: Mapping): Record<string, string> {
  return Object.fromEntries(Object.entries(mapping).map(([field, index]) => [field, headers[index] ?? '']));
}
