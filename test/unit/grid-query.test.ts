import { describe, expect, it } from 'vitest';
import { GridQueryError, orderClause, whereClause } from '../../main/datasets/grid-query';
import { datasets } from '../../main/datasets/kinds';

const sales = datasets.sales;

describe('grid filter model → SQL', () => {
  it('binds text filters as parameters and escapes LIKE wildcards', () => {
    const where = whereClause(sales, { doc_no: { filterType: 'text', type: 'contains', filter: '50%_off' } });
    expect(where.sql).toBe(`WHERE "doc_no" LIKE ? ESCAPE '\\'`);
    expect(where.params).toEqual(['%50\\%\\_off%']);
  });

  it('compares money in the stored minor units', () => {
    const where = whereClause(sales, { net_value: { filterType: 'number', type: 'greaterThan', filter: 1500.5 } });
    expect(where.sql).toBe('WHERE "net_value" > ?');
    expect(where.params).toEqual([150050]);
  });

  it('handles ranges, dates and combined conditions', () => {
    const where = whereClause(sales, {
      qty: { filterType: 'number', type: 'inRange', filter: 2, filterTo: 5 },
      doc_date: {
        filterType: 'date',
        operator: 'OR',
        conditions: [
          { filterType: 'date', type: 'lessThan', dateFrom: '2026-10-03 00:00:00' },
          { filterType: 'date', type: 'equals', dateFrom: '2026-10-31 00:00:00' },
        ],
      },
    });
    expect(where.sql).toBe('WHERE "qty" BETWEEN ? AND ? AND ("doc_date" < ? OR "doc_date" = ?)');
    expect(where.params).toEqual([2000, 5000, '2026-10-03', '2026-10-31']);
  });

  it('refuses a column that is not in the dataset, whatever its text', () => {
    expect(() =>
      whereClause(sales, { 'id; DROP TABLE sales': { filterType: 'text', type: 'equals', filter: 'x' } }),
    ).toThrow(GridQueryError);
    expect(() => orderClause(sales, [{ colId: 'secret', sort: 'asc' }])).toThrow('Sales has no column "secret"');
  });

  it('refuses a money filter with fractions of a paisa', () => {
    expect(() => whereClause(sales, { net_value: { filterType: 'number', type: 'equals', filter: 1.001 } })).toThrow(
      'at most 2 decimals',
    );
  });

  it('orders by the chosen columns and then by id, so paging is stable', () => {
    expect(orderClause(sales, [{ colId: 'net_value', sort: 'desc' }])).toBe('ORDER BY "net_value" DESC, id');
    expect(orderClause(sales, [])).toBe('ORDER BY id');
  });
});
