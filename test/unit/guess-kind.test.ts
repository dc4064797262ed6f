import { describe, expect, it } from 'vitest';
import { guessKind } from '../../renderer/src/import/guessKind';

describe("the import dialog's first guess from a file's name", () => {
  it('reads transactions by party or item as transactions, and masters as masters', () => {
    const guesses = Object.fromEntries(
      [
        'Sales by Customer Detail.csv',
        'Sales by Product-Service Detail.csv',
        'Item wise sales Oct-26.xlsx',
        'Customer Master.xlsx',
        'Outlet list.xlsx',
        'Item master.xlsx',
        'Receipt Register Oct-26.csv',
        'Customer ageing 31-10-2026.xlsx',
        'Sales targets Q3.xlsx',
        'DayBook.xlsx',
        'export.xlsx',
      ].map((name) => [name, guessKind(name)]),
    );
    expect(guesses).toEqual({
      'Sales by Customer Detail.csv': 'sales',
      'Sales by Product-Service Detail.csv': 'sales',
      'Item wise sales Oct-26.xlsx': 'sales',
      'Customer Master.xlsx': 'distributors',
      'Outlet list.xlsx': 'outlets',
      'Item master.xlsx': 'products',
      'Receipt Register Oct-26.csv': 'payments',
      'Customer ageing 31-10-2026.xlsx': 'receivables',
      'Sales targets Q3.xlsx': 'targets',
      'DayBook.xlsx': 'sales',
      'export.xlsx': 'sales',
    });
  });
});
