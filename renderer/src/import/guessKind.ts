import type { DatasetKind } from '../../../main/datasets/kinds';

/** A first guess at what a file holds, from its name; the user confirms or changes it. */
const hints: [RegExp, DatasetKind][] = [
  [/outlet|retailer|store|counter/i, 'outlets'],
  [/distributor|customer|dealer|stockist|party|ledger/i, 'distributors'],
  [/product|item|sku|material/i, 'products'],
  [/receivable|outstanding|ageing|aging/i, 'receivables'],
  [/payment|receipt|collection/i, 'payments'],
  [/target/i, 'targets'],
  [/sale|invoice|billing|register|return|credit/i, 'sales'],
];

export function guessKind(fileName: string): DatasetKind {
  return hints.find(([pattern]) => pattern.test(fileName))?.[1] ?? 'sales';
}
