/**
 * The canonical datasets of DESIGN.md: their fields, in the words the CLI and API use, and how
 * each is stored. money = integer minor units; qty = integer thousandths; decimal = exact text.
 */
export type FieldType = 'text' | 'date' | 'money' | 'qty' | 'int' | 'decimal';

export interface FieldDef {
  readonly name: string;
  readonly label: string;
  readonly type: FieldType;
  readonly required?: boolean;
  /**
   * Names a record — a code, a document's number —, as the ERP wrote it: a date cell here is a
   * spreadsheet's reading of it (1/10 made 10 January), never the ERP's, and is refused.
   */
  readonly key?: boolean;
}

export interface DatasetDef {
  readonly kind: DatasetKind;
  readonly label: string;
  readonly fields: readonly FieldDef[];
}

export const datasetKinds = [
  'distributors',
  'outlets',
  'products',
  'sales',
  'receivables',
  'payments',
  'targets',
] as const;
export type DatasetKind = (typeof datasetKinds)[number];

/** The masters: the datasets of the codes other rows name. */
export type Master = 'distributors' | 'outlets' | 'products';
export const isMasterKind = (kind: DatasetKind): kind is Master =>
  kind === 'distributors' || kind === 'outlets' || kind === 'products';

const text = (name: string, label: string, required = false): FieldDef => ({ name, label, type: 'text', required });
const key = (name: string, label: string, required = false): FieldDef => ({
  ...text(name, label, required),
  key: true,
});
const date = (name: string, label: string, required = false): FieldDef => ({ name, label, type: 'date', required });
const money = (name: string, label: string, required = false): FieldDef => ({ name, label, type: 'money', required });

export const datasets: Record<DatasetKind, DatasetDef> = {
  distributors: {
    kind: 'distributors',
    label: 'Distributors',
    fields: [
      key('code', 'Code', true),
      text('name', 'Name', true),
      text('region', 'Region'),
      text('area', 'Area'),
      text('territory', 'Territory'),
      text('channel', 'Channel'),
      text('class', 'Class'),
      text('gstin', 'GSTIN'),
      text('phone', 'Phone'),
      text('address', 'Address'),
      date('onboarded_on', 'Onboarded on'),
      text('status', 'Status'),
      text('ledger_name', 'Ledger name'),
    ],
  },
  outlets: {
    kind: 'outlets',
    label: 'Outlets',
    fields: [
      key('code', 'Code', true),
      text('name', 'Name', true),
      key('distributor_code', 'Distributor', true),
      text('channel', 'Channel'),
      text('class', 'Class'),
      text('town', 'Town'),
      text('address', 'Address'),
      text('phone', 'Phone'),
      text('gstin', 'GSTIN'),
      date('created_on', 'Created on'),
    ],
  },
  products: {
    kind: 'products',
    label: 'Products',
    fields: [
      key('sku', 'SKU', true),
      text('name', 'Name', true),
      text('brand', 'Brand'),
      text('category', 'Category'),
      text('subcategory', 'Subcategory'),
      text('uom', 'UOM'),
      text('pack_size', 'Pack size'),
      { name: 'case_units', label: 'Units per case', type: 'int' },
      money('mrp', 'MRP'),
      money('unit_cost', 'Unit cost'),
      date('launch_date', 'Launch date'),
    ],
  },
  sales: {
    kind: 'sales',
    label: 'Sales',
    fields: [
      text('doc_type', 'Document type', true),
      key('doc_no', 'Document no', true),
      date('doc_date', 'Date', true),
      { name: 'line_no', label: 'Line', type: 'int' },
      key('distributor_code', 'Distributor', true),
      key('outlet_code', 'Outlet'),
      key('sku', 'SKU', true),
      { name: 'qty', label: 'Qty', type: 'qty', required: true },
      money('gross_value', 'Gross value'),
      money('discount', 'Discount'),
      money('net_value', 'Net value', true),
      money('tax', 'Tax'),
      key('against_doc_no', 'Against document'),
      // The document's round-off or adjustment to its total, on its first line only.
      money('round_off', 'Round-off'),
      // The document's freight, packing, insurance or other charges, on its first line only.
      money('charges', 'Other charges'),
    ],
  },
  receivables: {
    kind: 'receivables',
    label: 'Receivables',
    fields: [
      date('as_of', 'As of', true),
      key('distributor_code', 'Distributor', true),
      key('doc_no', 'Document no', true),
      date('doc_date', 'Document date', true),
      date('due_date', 'Due date'),
      money('amount', 'Amount'),
      money('outstanding', 'Outstanding', true),
    ],
  },
  payments: {
    kind: 'payments',
    label: 'Payments',
    fields: [
      key('receipt_no', 'Receipt no', true),
      date('receipt_date', 'Receipt date', true),
      key('distributor_code', 'Distributor', true),
      money('amount', 'Amount', true),
      key('against_doc_no', 'Against document'),
      text('mode', 'Mode'),
    ],
  },
  targets: {
    kind: 'targets',
    label: 'Targets',
    fields: [
      date('period_from', 'From', true),
      date('period_to', 'To', true),
      key('distributor_code', 'Distributor', true),
      text('measure', 'Measure'),
      key('scheme_code', 'Scheme'),
      { name: 'value', label: 'Value', type: 'decimal', required: true },
    ],
  },
};
