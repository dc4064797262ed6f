import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Workspace } from '../../main/workspace';
import {
  delimited,
  type FixtureCell,
  hasLibreOffice,
  libreOfficeConvert,
  writeText,
  writeXlsx,
} from '../support/files';
import { importFile, storedRows } from '../support/import';
import { demoWorkspacePerTest } from '../support/workspace';

/**
 * A CSV opened in a spreadsheet that reads dates the other way round and saved as a workbook: the
 * dates it could read became date cells with their day and month swapped, the rest stayed text.
 */
const workspaces = demoWorkspacePerTest();
let ws: Workspace;
let dir: string;
beforeEach(() => {
  ({ ws, dir } = workspaces.current());
});

const header = ['Invoice No', 'Invoice Date', 'Distributor Code', 'Outlet Code', 'SKU', 'Qty', 'Net Value'];
const line = (n: number, date: FixtureCell): FixtureCell[] => [
  `SI/S/${n}`,
  date,
  'D001',
  'O00001',
  'SKU-0001',
  1,
  '100.00',
];
const storedDates = (batch: number | null | undefined) =>
  storedRows(ws, 'sales', batch ?? 0).map((r) => [r.doc_no, r.doc_date]);
const decisionsOf = (r: { decisions: { decision: string }[] }) => r.decisions.map((d) => d.decision);

describe.runIf(hasLibreOffice() || process.env.CI)(
  'a CSV saved again by a spreadsheet reading dates the other way',
  () => {
    it('reads the date cells a month-first spreadsheet made of day-first dates with day and month swapped back', async () => {
      const dates = ['03/10/2026', '05/10/2026', '17/10/2026', '11/10/2026', '28/10/2026'];
      const csv = writeText(join(dir, 'register.csv'), delimited([header, ...dates.map((d, i) => line(i + 1, d))]));
      const xlsx = libreOfficeConvert(csv, 'xlsx', dir, 1033);
      const r = await importFile(ws, xlsx, { kind: 'sales' });
      expect(r).toMatchObject({ format: 'xlsx', rows: 5, rejected: 0 });
      expect(storedDates(r.batch)).toEqual([
        ['SI/S/1', '2026-10-03'],
        ['SI/S/2', '2026-10-05'],
        ['SI/S/3', '2026-10-17'],
        ['SI/S/4', '2026-10-11'],
        ['SI/S/5', '2026-10-28'],
      ]);
      expect(decisionsOf(r)).toContain(
        'Date cells in "Invoice Date" are read with their day and month swapped back (10 Mar 2026 as 3 Oct 2026): the file was saved by a spreadsheet that read its dates the other way round, making dates only of those it could ("17/10/2026" stayed text)',
      );
    });

    it('reads those a day-first spreadsheet made of month-first dates so too', async () => {
      const dates = ['10/03/2026', '10/17/2026', '10/05/2026', '10/28/2026'];
      const csv = writeText(join(dir, 'us.csv'), delimited([header, ...dates.map((d, i) => line(i + 1, d))]));
      const xlsx = libreOfficeConvert(csv, 'xlsx', dir, 2057);
      const r = await importFile(ws, xlsx, { kind: 'sales' });
      expect(storedDates(r.batch).map(([, day]) => day)).toEqual([
        '2026-10-03',
        '2026-10-17',
        '2026-10-05',
        '2026-10-28',
      ]);
      expect(decisionsOf(r)).toContain('Dates are read month first, as "10/17/2026" shows');
      expect(r.warnings.join(' ')).not.toMatch(/falls on the/);
    });

    it('warns where every date became a cell on one day of its month, a few days of November read month first', async () => {
      const dates = ['11/01/2026', '11/02/2026', '11/02/2026', '11/03/2026', '11/04/2026'];
      const csv = writeText(join(dir, 'week.csv'), delimited([header, ...dates.map((d, i) => line(i + 1, d))]));
      const xlsx = libreOfficeConvert(csv, 'xlsx', dir, 2057);
      const r = await importFile(ws, xlsx, { kind: 'sales', dryRun: true });
      expect(r).toMatchObject({ rows: 5, dateRange: ['2026-01-11', '2026-04-11'] });
      expect(r.warnings).toContain(
        'Every date in "Invoice Date" falls on the 11th of its month, over 4 months (2026-01-11 to 2026-04-11). A CSV of a few days opened in a spreadsheet that reads dates the other way round comes out so: if this file was, its dates are 2026-11-01 to 2026-11-04, and it should be imported as the system exported it',
      );
      // The CSV itself, read as its dates show (the first number constant: the month), warns of nothing.
      const fromCsv = await importFile(ws, csv, { kind: 'sales', dryRun: true });
      expect(fromCsv).toMatchObject({ dateRange: ['2026-11-01', '2026-11-04'], warnings: [] });
    });

    it('refuses the invoice numbers a spreadsheet made dates of, naming each row, where the CSV itself keeps them', async () => {
      const numbers = ['1/10', '2/10', 'SI/S/3'];
      const rows = numbers.map((n, i) => {
        const l = line(i + 1, '2026-10-05');
        l[0] = n;
        return l;
      });
      const csv = writeText(join(dir, 'numbers.csv'), delimited([header, ...rows]));
      const xlsx = libreOfficeConvert(csv, 'xlsx', dir, 1033);
      const r = await importFile(ws, xlsx, { kind: 'sales', dryRun: true });
      expect(r).toMatchObject({ rows: 1, rejected: 2 });
      expect(r.errors.map((e) => [e.row, e.column])).toEqual([
        [2, 'Invoice No'],
        [3, 'Invoice No'],
      ]);
      expect(r.errors[0]?.message).toMatch(
        /^a date cell \(10 Jan \d{4}\) where a code or number belongs: a spreadsheet makes a date of a number such as 1\/10/,
      );
      const fromCsv = await importFile(ws, csv, { kind: 'sales' });
      expect(storedDates(fromCsv.batch).map(([doc]) => doc)).toEqual(numbers);
    });
  },
);

describe('date cells beside text dates', () => {
  it('leaves date cells as they are where some fall after the 12th: a column mixed by hand, not by a spreadsheet', async () => {
    const rows = [
      header,
      line(1, new Date(Date.UTC(2026, 9, 3))),
      line(2, new Date(Date.UTC(2026, 9, 15))),
      line(3, '20/10/2026'),
    ];
    const r = await importFile(ws, await writeXlsx(join(dir, 'mixed.xlsx'), [{ name: 'Sales', rows }]), {
      kind: 'sales',
    });
    expect(storedDates(r.batch).map(([, day]) => day)).toEqual(['2026-10-03', '2026-10-15', '2026-10-20']);
    expect(decisionsOf(r).join(' ')).not.toMatch(/swapped/);
  });

  it('refuses a text date after rows of date cells each up to the 12th, beyond the rows the import decides from', async () => {
    const early = Array.from({ length: 510 }, (_, i) => line(i + 1, new Date(Date.UTC(2026, i % 12, 10))));
    const rows = [header, ...early, line(511, '13/10/2026')];
    const r = await importFile(ws, await writeXlsx(join(dir, 'late-text.xlsx'), [{ name: 'Sales', rows }]), {
      kind: 'sales',
      dryRun: true,
    });
    expect(r.rejected).toBe(1);
    expect(r.errors[0]).toMatchObject({ row: 512, column: 'Invoice Date', value: '13/10/2026' });
    expect(r.errors[0]?.message).toMatch(
      /^a date written as text where the first rows hold dates as date cells.*swapped/,
    );
  });

  it('refuses a date cell up to the 12th after rows of text dates that read one way only', async () => {
    const early = Array.from({ length: 510 }, (_, i) => line(i + 1, `${13 + (i % 15)}/10/2026`));
    const rows = [header, ...early, line(511, new Date(Date.UTC(2026, 2, 10)))];
    const r = await importFile(ws, await writeXlsx(join(dir, 'late-cell.xlsx'), [{ name: 'Sales', rows }]), {
      kind: 'sales',
      dryRun: true,
    });
    expect(r.rejected).toBe(1);
    expect(r.errors[0]).toMatchObject({ row: 512, column: 'Invoice Date' });
    expect(r.errors[0]?.message).toMatch(/^a date cell \(2026-03-10\) where the first rows write their dates as text/);
  });

  it('refuses a date cell after the 12th among date cells read swapped back', async () => {
    const swapped = Array.from({ length: 4 }, (_, i) => line(i + 1, new Date(Date.UTC(2026, 2 + i, 10))));
    const rows = [
      header,
      ...swapped,
      line(5, '13/10/2026'),
      ...Array.from({ length: 500 }, (_, i) => line(6 + i, '14/10/2026')),
    ];
    rows.push(line(600, new Date(Date.UTC(2026, 9, 20))));
    const r = await importFile(ws, await writeXlsx(join(dir, 'late-day.xlsx'), [{ name: 'Sales', rows }]), {
      kind: 'sales',
      dryRun: true,
    });
    expect(r.rejected).toBe(1);
    expect(r.errors[0]).toMatchObject({ row: rows.length, column: 'Invoice Date' });
    expect(r.errors[0]?.message).toMatch(
      /^a date cell \(2026-10-20\) among dates a spreadsheet made with their day and month swapped/,
    );
  });
});

describe('a date cell where a code belongs', () => {
  it('refuses a receipt naming its bill by a date cell, and an outlet coded by one, but keeps a date cell in a name', async () => {
    const receipts = [
      ['Receipt No', 'Receipt Date', 'Distributor Code', 'Amount', 'Against Invoice'],
      ['RCT-1', '2026-10-20', 'D001', '500.00', new Date(Date.UTC(2026, 0, 10))],
      ['RCT-2', '2026-10-21', 'D001', '300.00', 'SI/S/2'],
    ];
    const paid = await importFile(
      ws,
      await writeXlsx(join(dir, 'receipts.xlsx'), [{ name: 'Receipts', rows: receipts }]),
      {
        kind: 'payments',
        dryRun: true,
      },
    );
    expect(paid).toMatchObject({ rows: 1, rejected: 1 });
    expect(paid.errors[0]).toMatchObject({ row: 2, column: 'Against Invoice' });
    expect(paid.errors[0]?.message).toMatch(/^a date cell \(10 Jan 2026\) where a code or number belongs/);

    const outlets = [
      ['Outlet Code', 'Outlet Name', 'Distributor Code'],
      [new Date(Date.UTC(2026, 10, 1)), 'Corner Store', 'D001'],
      ['O09002', new Date(Date.UTC(2026, 10, 2)), 'D001'],
    ];
    const coded = await importFile(
      ws,
      await writeXlsx(join(dir, 'outlets.xlsx'), [{ name: 'Outlets', rows: outlets }]),
      {
        kind: 'outlets',
        dryRun: true,
      },
    );
    expect(coded).toMatchObject({ rows: 1, rejected: 1 });
    expect(coded.errors[0]).toMatchObject({ row: 2, column: 'Outlet Code' });

    // Half a unit, 1/2, made 2 January: a quantity, said so rather than as no quantity at all.
    const half = line(1, '2026-10-05');
    half[5] = new Date(Date.UTC(2026, 0, 2));
    const halves = await importFile(
      ws,
      await writeXlsx(join(dir, 'half.xlsx'), [{ name: 'Sales', rows: [header, half] }]),
      {
        kind: 'sales',
        dryRun: true,
      },
    );
    expect(halves.errors[0]).toMatchObject({ row: 2, column: 'Qty' });
    expect(halves.errors[0]?.message).toMatch(/^a date cell \(2 Jan 2026\) where a code or number belongs/);
  });
});
