import type { DatasetKind } from '../../../main/datasets/kinds';

/**
 * A first guess at what a file holds, from its name; the user confirms or changes it. Words for
 * transactions come before those for masters: "Sales by Customer Detail" holds sales, "Customer
 * Master" customers.
 */
const hints: [RegExp, DatasetKind][] = [
  [/target/i, 'targets'],
  [/receivable|outstanding|ageing|aging/i, 'receivables'],
  [/payment|receipt|collection/i, 'payments'],
  [/sale|invoice|billing|return|credit|day ?book/i, 'sales'],
  [/outlet|retailer|store|counter/i, 'outlets'],
  [/distributor|customer|dealer|stockist|party|ledger/i, 'distributors'],
  [/product|item|sku|material/i, 'products'],
];

export function guessKind(fileName: string): DatasetKind {
  return hints.find(([pattern]) => pattern.test(fileName))?.[1] ?? 'sales';
}
