import { describe, expect, it } from 'vitest';
import { FieldValueError, toStored } from '../../main/datasets/convert';
import { datasets } from '../../main/datasets/kinds';
import { canonicalDocType, normalizeRow } from '../../main/datasets/normalize';

const field = (kind: keyof typeof datasets, name: string) => {
  const f = datasets[kind].fields.find((x) => x.name === name);
  if (!f) throw new Error(name);
  return f;
};

describe('cell values to stored values', () => {
  it('stores money in paise, quantities in thousandths, dates as ISO days', () => {
    expect(toStored(field('sales', 'net_value'), 1234.56)).toBe(123456);
    expect(toStored(field('sales', 'qty'), 2.5)).toBe(2500);
    expect(toStored(field('sales', 'doc_date'), new Date(Date.UTC(2026, 9, 5)))).toBe('2026-10-05');
    expect(toStored(field('targets', 'value'), 1250000)).toBe('1250000');
    expect(toStored(field('sales', 'doc_no'), { richText: [{ text: 'SI/' }, { text: '001' }] })).toBe('SI/001');
    expect(toStored(field('sales', 'net_value'), { formula: 'B2*C2', result: 99.5 })).toBe(9950);
  });

  it('names the field, the value and what was expected', () => {
    expect(() => toStored(field('sales', 'net_value'), 'twelve')).toThrow(
      'Net value: "twelve" is not a number with at most 2 decimals',
    );
    expect(() => toStored(field('sales', 'doc_no'), '  ')).toThrow(FieldValueError);
    expect(() => toStored(field('sales', 'doc_date'), '31/13/2026')).toThrow('Date: "31/13/2026" is not a date');
  });
});

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
});
