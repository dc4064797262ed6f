import type { StoredValue } from '../../main/datasets/insert';

/** The columns of bench:import's sales register. */
export const benchHeader = [
  'Invoice No',
  'Invoice Date',
  'Distributor Code',
  'Outlet Code',
  'SKU',
  'Qty',
  'Gross Value',
  'Discount',
  'Net Value',
  'Tax',
];

/**
 * Line i of the register, in whole paise: 50 distributors, 5,000 outlets, 200 SKUs. Four lines
 * share a number, but each on its own day and distributor, so each is a document of its own.
 */
function parts(i: number) {
  const qty = 1 + (i % 24);
  const price = 1000 + ((i * 7919) % 90000);
  const gross = qty * price;
  const discount = Math.floor(gross / 50);
  const net = gross - discount;
  return {
    docNo: `BENCH/${Math.floor(i / 4)}`,
    date: new Date(Date.UTC(2026, 9, 1 + (i % 31))),
    distributor: `D${String(1 + (i % 50)).padStart(3, '0')}`,
    outlet: `O${String(1 + (i % 5000)).padStart(5, '0')}`,
    sku: `SKU-${String(1 + (i % 200)).padStart(4, '0')}`,
    qty,
    gross,
    discount,
    net,
    tax: Math.floor((net * 18) / 100),
  };
}

/** Line i as the file writes it: a date cell, amounts in rupees. */
export function benchLine(i: number): (string | number | Date)[] {
  const p = parts(i);
  return [
    p.docNo,
    p.date,
    p.distributor,
    p.outlet,
    p.sku,
    p.qty,
    p.gross / 100,
    p.discount / 100,
    p.net / 100,
    p.tax / 100,
  ];
}

/**
 * Line i as the import stores it: an ISO day, quantities in thousandths, amounts in paise, and
 * line 1 of its document (the import numbers lines within their document).
 */
export function storedBenchLine(i: number): Record<string, StoredValue> {
  const p = parts(i);
  return {
    doc_type: 'invoice',
    doc_no: p.docNo,
    doc_date: p.date.toISOString().slice(0, 10),
    line_no: 1,
    distributor_code: p.distributor,
    outlet_code: p.outlet,
    sku: p.sku,
    qty: p.qty * 1000,
    gross_value: p.gross,
    discount: p.discount,
    net_value: p.net,
    tax: p.tax,
  };
}
