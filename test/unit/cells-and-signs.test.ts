import { describe, expect, it } from 'vitest';
import { canonicalDocType, normalizeRow } from '../../main/datasets/normalize';
import { classifyDocType } from '../../main/import/doc-types';

describe('sales sign convention', () => {
  it('stores credit notes negative whether the source wrote them positive or negative', () => {
    const positive = normalizeRow('sales', { doc_type: 'Credit Note', qty: 2000, net_value: 5000, tax: 900 });
    const negative = normalizeRow('sales', { doc_type: 'credit_note', qty: -2000, net_value: -5000, tax: -900 });
    expect(positive).toEqual({ doc_type: 'credit_note', qty: -2000, net_value: -5000, tax: -900 });
    expect(negative).toEqual(positive);
    expect(normalizeRow('sales', { doc_type: 'Invoice', qty: 1000, net_value: 100 })).toEqual({
      doc_type: 'invoice',
      qty: 1000,
      net_value: 100,
    });
  });

  it('knows the usual names of the two document types and refuses others', () => {
    expect(canonicalDocType('Sales Return')).toBe('credit_note');
    expect(canonicalDocType('Tax Invoice')).toBe('invoice');
    expect(() => canonicalDocType('Debit Note')).toThrow('neither an invoice nor a credit note');
  });

  it('reads the two stored words as themselves, as their words would read them', () => {
    expect(classifyDocType('invoice')?.as).toBe('invoice');
    expect(classifyDocType('credit_note')?.as).toBe('credit_note');
    expect(['invoice', 'credit_note'].map(canonicalDocType)).toEqual(['invoice', 'credit_note']);
  });
});
