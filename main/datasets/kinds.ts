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

const text = (name: string, label: string, required = false): FieldDef => ({ name, label, type: 'text', required });
const date = (name: string, label: string, required = false): FieldDef => ({ name, label, type: 'date', required });
const money = (name: string, label: string, required = false): FieldDef => ({ name, label, type: 'money', required });

export const datasets: Record<DatasetKind, DatasetDef> = {
  distributors: {
    kind: 'distributors',
    label: 'Distributors',
    fields: [
      text('code', 'Code', true),
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
      text('code', 'Code', true),
      text('name', 'Name', true),
      text('distributor_code', 'Distributor', true),
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
      text('sku', 'SKU', true),
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
      text('doc_no', 'Document no', true),
      date('doc_date', 'Date', true),
      { name: 'line_no', label: 'Line', type: 'int' },
      text('distributor_code', 'Distributor', true),
      text('outlet_code', 'Outlet'),
      text('sku', 'SKU', true),
      { name: 'qty', label: 'Qty', type: 'qty', required: true },
      money('gross_value', 'Gross value'),
      money('discount', 'Discount'),
      money('net_value', 'Net value', true),
      money('tax', 'Tax'),
      text('against_doc_no', 'Against document'),
      // The document's round-off or adjustment to its total, on its first line only.
      money('round_off', 'Round-off'),
    ],
  },
  receivables: {
    kind: 'receivables',
    label: 'Receivables',
    fields: [
      date('as_of', 'As of', true),
      text('distributor_code', 'Distributor', true),
      text('doc_no', 'Document no', true),
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
      text('receipt_no', 'Receipt no', true),
      date('receipt_date', 'Receipt date', true),
      text('distributor_code', 'Distributor', true),
      money('amount', 'Amount', true),
      text('against_doc_no', 'Against document'),
      text('mode', 'Mode'),
    ],
  },
  targets: {
    kind: 'targets',
    label: 'Targets',
    fields: [
      date('period_from', 'From', true),
      date('period_to', 'To', true),
      text('distributor_code', 'Distributor', true),
      text('measure', 'Measure'),
      text('scheme_code', 'Scheme'),
      { name: 'value', label: 'Value', type: 'decimal', required: true },
    ],
  },
};
