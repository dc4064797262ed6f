import { classifyDocType } from '../import/doc-types';
import type { StoredValue } from './insert';
import type { DatasetKind } from './kinds';

const signedSalesFields = ['qty', 'gross_value', 'discount', 'net_value', 'tax', 'charges'] as const;

export class DocTypeError extends Error {}

/** "Invoice", "Sales Invoice", "Credit Note", "Return"… to the two document types we store, as the importer reads them. */
export function canonicalDocType(text: string): 'invoice' | 'credit_note' {
  // What the importer stores, and so almost every row: read as itself without reading its words.
  if (text === 'invoice' || text === 'credit_note') return text;
  const reading = classifyDocType(text)?.as;
  if (reading === 'invoice' || reading === 'credit_note') return reading;
  throw new DocTypeError(`"${text}" is neither an invoice nor a credit note`);
}

/**
 * One sign convention for sales: invoices positive, credit notes negative, whether the source
 * wrote a credit note with positive amounts and a document type, or with negative amounts.
 */
export function normalizeRow(kind: DatasetKind, row: Record<string, StoredValue>): Record<string, StoredValue> {
  if (kind !== 'sales') return row;
  const docType = canonicalDocType(String(row.doc_type ?? ''));
  const out: Record<string, StoredValue> = { ...row, doc_type: docType };
  for (const field of signedSalesFields) {
    const v = out[field];
    if (typeof v === 'number') out[field] = docType === 'credit_note' ? -Math.abs(v) : Math.abs(v);
  }
  // A round-off may take from a total or add to it: it turns with the net value, where that turned.
  const { net_value: before, round_off: roundOff } = row;
  if (typeof roundOff === 'number' && typeof before === 'number')
    out.round_off = before !== 0 && Math.sign(before) !== Math.sign(out.net_value as number) ? -roundOff : roundOff;
  return out;
}
