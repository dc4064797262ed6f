import type { StoredValue } from './insert';
import type { DatasetKind } from './kinds';

const signedSalesFields = ['qty', 'gross_value', 'discount', 'net_value', 'tax'] as const;

export class DocTypeError extends Error {}

/** "Invoice", "Sales Invoice", "Credit Note", "Return"… to the two document types we store. */
export function canonicalDocType(text: string): 'invoice' | 'credit_note' {
  const t = text
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ');
  // SAP billing types: F1/F2/F5/F8 invoices; G2 credit memo, RE/RO returns.
  if (/^(credit( note| memo)?|cn|return|sales return|cr note|g2|re|ro)$/.test(t)) return 'credit_note';
  if (/^((sales |tax |retail )?invoice|inv|bill|sales|f1|f2|f5|f8)$/.test(t)) return 'invoice';
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
  return out;
}
