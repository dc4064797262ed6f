import { normalizeHeader } from './aliases';
import type { Mapping } from './mapping';
import type { Cell } from './readers/types';

/**
 * The headers of a ledger list's group column: Tally's Under, a Group or Parent Group; and of a
 * contact list's kind of contact (Zoho Books' Contact Type: customer or vendor).
 */
const groupHeaders = new Set([
  'under',
  'group',
  'parentgroup',
  'undergroup',
  'ledgergroup',
  'accountgroup',
  'contacttype',
]);

/**
 * Tally's predefined groups that hold no customer: banks, cash, taxes, sales and purchase
 * accounts, suppliers, capital, loans, expenses and incomes (as normalizeHeader writes them).
 * Sundry Debtors, and any group a company made, are not among them.
 */
const otherGroups = new Set([
  'bankaccounts',
  'bankodac',
  'bankoccac',
  'branchdivisions',
  'capitalaccount',
  'cashinhand',
  'currentassets',
  'currentliabilities',
  'depositsasset',
  'directexpenses',
  'directincomes',
  'dutiestaxes',
  'expensesdirect',
  'expensesindirect',
  'fixedassets',
  'incomedirect',
  'incomeindirect',
  'indirectexpenses',
  'indirectincomes',
  'investments',
  'loansadvancesasset',
  'loansliability',
  'miscexpensesasset',
  'provisions',
  'purchaseaccounts',
  'reservessurplus',
  'retainedearnings',
  'salesaccounts',
  'securedloans',
  'stockinhand',
  'sundrycreditors',
  'suspenseac',
  'unsecuredloans',
  // A contact list's suppliers (Zoho Books' Contact Type "vendor").
  'supplier',
  'suppliers',
  'vendor',
  'vendors',
]);

/** The column a ledger list names each ledger's group in, when no field reads it. */
export function groupColumnOf(headers: readonly string[], mapping: Mapping): number | undefined {
  const taken = new Set(Object.values(mapping));
  const column = headers.findIndex((h, i) => !taken.has(i) && groupHeaders.has(normalizeHeader(h)));
  return column < 0 ? undefined : column;
}

/**
 * The group a ledger sits under, as written, when it is one of Tally's groups that hold no
 * customer: a List of Ledgers holds the bank, the tax ledgers and the suppliers beside the
 * distributors. Null for any other group (Sundry Debtors, a company's own).
 */
export function groupOfNoCustomer(cell: Cell | undefined): string | null {
  if (typeof cell !== 'string') return null;
  return otherGroups.has(normalizeHeader(cell)) ? cell.trim() : null;
}
