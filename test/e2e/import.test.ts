import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Workspace } from '../../main/workspace';
import { e2eSession } from '../support/browser';
import { libreOfficeConvert } from '../support/files';
import { tempDirPerTest } from '../support/temp';
import { signIn } from '../support/web';
import { workspaceIn } from '../support/workspace';

const tempDir = tempDirPerTest();
const session = e2eSession();

/**
 * A demo workspace in the browser, signed in as the preparer, with the import dialog open on a CSV
 * of these lines; `prepare` changes the workspace first, `saved` makes the file picked of the CSV.
 */
async function importDialogFor(
  name: string,
  lines: string[],
  prepare?: (ws: Workspace) => void,
  saved: (csv: string) => string = (csv) => csv,
) {
  const dir = tempDir();
  const ws = await workspaceIn(dir, { demo: true });
  prepare?.(ws);
  ws.db.close();
  const csv = join(dir, name);
  writeFileSync(csv, lines.join('\n'));
  const file = saved(csv);
  const { page, errors } = await session.open(join(dir, 'workspace.sqlite'));
  await signIn(page, 'priya', '1111');
  await page.getByTestId('dataset-sales').waitFor({ timeout: 60_000 });
  await page.getByTestId('import-file').setInputFiles(file);
  const dialog = page.getByTestId('import-dialog');
  await dialog.getByTestId('import-preview').waitFor();
  return { page, errors, dialog };
}

/** Clicks Import and waits for the dialog to say it imported `rows` rows as a batch. */
/** The import dialog over an outlets master file, the demo's O00001 and O00002 held in the master as Pan Plus and Grocery outlets. */
const outletMasterDialog = (name: string, rows: string[]) =>
  importDialogFor(name, ['Outlet Code,Outlet Name,Distributor Code,Channel', ...rows], (ws) => {
    const held = ws.db.prepare('UPDATE outlets SET name = ?, distributor_code = ?, channel = ? WHERE code = ?');
    held.run('Mehta Tea Stall', 'D001', 'Pan Plus', 'O00001');
    held.run('Gupta General Store', 'D002', 'Grocery', 'O00002');
  });

async function importAll(dialog: Locator, rows: number) {
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect
    .poll(() => dialog.getByTestId('import-result').textContent(), { timeout: 30_000 })
    .toMatch(new RegExp(`Imported ${rows} ${rows === 1 ? 'row' : 'rows'} as batch \\d+`));
}

describe('importing through the Data screen', () => {
  it('picks a file, shows the mapping and preview, checks, imports with totals, and rolls the batch back', async () => {
    const { page, errors, dialog } = await importDialogFor('Receipt Register Oct-26.csv', [
      'Acme Consumer Products Pvt. Ltd.',
      'Receipt Register 01-10-2026 to 31-10-2026',
      '',
      'Receipt No,Receipt Date,Party Code,Amount,Mode',
      'RC/E/1,05/10/2026,D001,"1,00,000.50",NEFT',
      'RC/E/2,13/10/2026,D002,250.25,UPI',
      'Grand Total,,,"1,00,250.75",',
    ]);
    expect(await dialog.getByLabel('Dataset').inputValue()).toBe('payments');
    expect(await dialog.getByLabel('Column for Distributor').inputValue()).toBe('Party Code');
    // The chooser offers every kind of file the reader opens: macro-enabled, binary and
    // OpenDocument workbooks, web archives, Tally's XML.
    const offered = (await page.getByTestId('import-file').getAttribute('accept'))?.split(',') ?? [];
    expect(offered).toEqual(expect.arrayContaining(['.xlsx', '.xlsm', '.xlsb', '.ods', '.mhtml', '.mht', '.xml']));
    expect(await dialog.getByTestId('import-preview').locator('tbody tr').count()).toBe(2);
    await expect.poll(() => dialog.textContent()).toContain('header on row 4');
    await page.screenshot({ path: session.screenshot('import-mapping.png') });
    // The fields the file has no column for are folded behind one line; one the user sets stays in view.
    const against = dialog.getByLabel('Column for Against document');
    const more = dialog.getByRole('button', { name: /more fields? this file has no column for|Fewer fields/ });
    expect(await more.textContent()).toBe('▸ 10 more fields this file has no column for');
    expect(await against.count()).toBe(0);
    await more.click();
    await against.selectOption('Mode');
    await more.click();
    expect(await more.textContent()).toBe('▸ 9 more fields this file has no column for');
    await against.selectOption('');
    expect(await against.inputValue()).toBe('');
    expect(await more.textContent()).toBe('▸ 9 more fields this file has no column for');

    await dialog.getByRole('button', { name: 'Check' }).click();
    await expect
      .poll(() => dialog.getByTestId('import-result').textContent())
      .toContain('Ready to import: all 2 rows are valid');

    await importAll(dialog, 2);
    expect(await dialog.getByTestId('total-amount').textContent()).toBe('₹1,00,250.75');
    expect(await dialog.getByTestId('row-counts').textContent()).toBe('2 / 2 / 0');
    await page.screenshot({ path: session.screenshot('import-result.png') });

    await dialog.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('tab', { name: 'Import history' }).click();
    const newest = page.getByTestId('batches').locator('tbody tr').first();
    await expect.poll(() => newest.textContent()).toContain('Receipt Register Oct-26.csv');
    page.once('dialog', (d) => void d.accept());
    await newest.getByRole('button', { name: 'Roll back' }).click();
    await expect.poll(() => page.locator('.notice').textContent()).toMatch(/rolled back: 2 rows removed/);
    await page.screenshot({ path: session.screenshot('import-history.png') });
    expect(errors).toEqual([]);
  }, 240_000);

  it("lists a receipts file's voucher types, and imports QuickBooks' Payments once the user says they are receipts", async () => {
    const { page, errors, dialog } = await importDialogFor('Transaction List by Customer.csv', [
      'Date,Transaction Type,Num,Customer,Amount',
      '10/05/2026,Payment,P-1,D001,"12,000.00"',
      '10/06/2026,Invoice,I-7,D001,"40,000.00"',
      '10/09/2026,Payment,P-2,D002,"3,500.25"',
      '10/10/2026,Refund,RF-1,D002,500.00',
    ]);
    await dialog.getByLabel('Dataset').selectOption('payments');
    const types = dialog.getByTestId('type-map');
    await expect
      .poll(() => types.locator('legend').textContent())
      .toBe('3 voucher types in the file: how each is read');
    // Named as money given back: read against its bill, row by row (this file names no bills).
    expect(await dialog.getByLabel('Voucher type Refund').locator('option:checked').textContent()).toBe(
      'money given back against its bill: a negative receipt (against none: skipped)',
    );
    await types.screenshot({ path: session.screenshot('import-voucher-type-map.png') });
    const payment = dialog.getByLabel('Voucher type Payment');
    expect(await payment.inputValue()).toBe('skip');
    expect(await payment.locator('option').allTextContents()).toEqual([
      'a receipt (money received)',
      'not a receipt (skip)',
    ]);

    await dialog.getByRole('button', { name: 'Check' }).click();
    await expect
      .poll(() => dialog.getByTestId('import-result').textContent())
      .toContain('import them by choosing “a receipt” for them under Voucher types');
    await payment.selectOption('receipt');
    await page.screenshot({ path: session.screenshot('import-voucher-types.png') });
    await importAll(dialog, 2);
    expect(await dialog.getByTestId('total-amount').textContent()).toBe('₹15,500.25');
    expect(errors).toEqual([]);
  }, 240_000);

  it("reads a general ledger's Payment Entries by the party's side, and imports those that credit it as receipts", async () => {
    const { page, errors, dialog } = await importDialogFor('General Ledger.csv', [
      'Posting Date,Account,Debit (INR),Credit (INR),Voucher Type,Voucher No,Party Type,Party,Against Voucher',
      '2026-10-02,Debtors - AG,"1,180.00",0,Sales Invoice,SINV-1,Customer,D001,SINV-1',
      '2026-10-02,Sales - AG,0,"1,180.00",Sales Invoice,SINV-1,,,',
      '2026-10-08,Debtors - AG,0,"1,000.00",Payment Entry,PE-1,Customer,D001,SINV-1',
      '2026-10-08,Bank - AG,"1,000.00",0,Payment Entry,PE-1,,,',
      '2026-10-09,Debtors - AG,200.00,0,Payment Entry,PE-2,Customer,D002,',
      '2026-10-09,Bank - AG,0,200.00,Payment Entry,PE-2,,,',
    ]);
    await dialog.getByLabel('Dataset').selectOption('payments');
    const entry = dialog.getByLabel('Voucher type Payment Entry');
    await expect
      .poll(() => entry.locator('option:checked').textContent())
      .toBe("by the party's side (credited: a receipt; debited against its bill: money given back)");
    expect(await dialog.getByLabel('Column for Account (general ledger)').inputValue()).toBe('Account');
    await page.screenshot({ path: session.screenshot('import-ledger-receipts.png') });
    await importAll(dialog, 1);
    expect(await dialog.getByTestId('total-amount').textContent()).toBe('₹1,000.00');
    await expect
      .poll(() => dialog.getByTestId('import-result').textContent())
      .toContain('1 "Payment Entry" voucher credits its party: money received, imported as receipts');
    expect(errors).toEqual([]);
  }, 240_000);

  it("offers a columnar Sales Register's second CGST and SGST columns as fields of their own, and sums them into the tax", async () => {
    const { errors, dialog } = await importDialogFor('Sales Register.csv', [
      'Date,Particulars,Voucher Type,Voucher No.,Value,Gross Total,Sales GST 18%,Output CGST 9%,Output SGST 9%,Output CGST 2.5%,Output SGST 2.5%,Round Off',
      '5-Oct-2026,D001,Sales,S/1,"1,200.00","1,400.00","1,000.00",90.00,90.00,5.00,5.00,10.00',
    ]);
    await dialog.getByLabel('Dataset').selectOption('sales');
    await expect.poll(() => dialog.getByLabel('Column for CGST (2)').inputValue()).toBe('Output CGST 2.5%');
    expect(await dialog.getByLabel('Column for SGST (2)').inputValue()).toBe('Output SGST 2.5%');
    await importAll(dialog, 1);
    expect(await dialog.getByTestId('total-tax').textContent()).toBe('₹190.00');
    expect(errors).toEqual([]);
  }, 240_000);

  it("offers a register's freight and packing columns as other charges, kept out of the net, and says what it created", async () => {
    const { errors, dialog } = await importDialogFor('Sales Register Oct-26.csv', [
      'Date,Particulars,Voucher Type,Voucher No.,Gross Total,CGST Output,SGST Output,Freight Charges,P&F Charges,Round Off,Freight Terms',
      '1-Oct-2026,Annapurna Distributors,Sales,S-1,"12,290.00",900.00,900.00,400.00,100.00,-10.00,Paid',
      '2-Oct-2026,Shiv Shakti Enterprises,Sales,S-2,"5,900.00",450.00,450.00,,,,To pay',
    ]);
    await dialog.getByLabel('Dataset').selectOption('sales');
    await expect.poll(() => dialog.getByLabel('Column for Other charges, part 1').inputValue()).toBe('Freight Charges');
    expect(await dialog.getByLabel('Column for Other charges, part 2').inputValue()).toBe('P&F Charges');
    await importAll(dialog, 2);
    expect(await dialog.getByTestId('total-net_value').textContent()).toBe('₹15,000.00');
    expect(await dialog.getByTestId('total-charges').textContent()).toBe('₹500.00');
    // The file has no item column: its one product is made, and named so, one.
    expect(await dialog.getByTestId('import-result').textContent()).toContain('Created: 1 product (NOT-ITEMISED)');
    expect(errors).toEqual([]);
  }, 240_000);

  it("offers a register's TCS column, found by its bills beside the sales ledger's, as other charges", async () => {
    const { page, errors, dialog } = await importDialogFor('Sales Register Nov-26.csv', [
      'Date,Particulars,Voucher Type,Voucher No.,Gross Total,Sales @ 18%,Output CGST @ 9%,Output SGST @ 9%,TCS Payable @ 0.1%',
      '1-Oct-2026,Annapurna Distributors,Sales,T-1,"11,811.80","10,000.00",900.00,900.00,11.80',
      '2-Oct-2026,Shiv Shakti Enterprises,Sales,T-2,"5,905.90","5,000.00",450.00,450.00,5.90',
    ]);
    await dialog.getByLabel('Dataset').selectOption('sales');
    await expect
      .poll(() => dialog.getByLabel('Column for Other charges', { exact: true }).inputValue())
      .toBe('TCS Payable @ 0.1%');
    await page.screenshot({ path: session.screenshot('import-register-tcs.png') });
    await importAll(dialog, 2);
    // Before, TCS was counted as sales: 15,017.70.
    expect(await dialog.getByTestId('total-net_value').textContent()).toBe('₹15,000.00');
    expect(await dialog.getByTestId('total-charges').textContent()).toBe('₹17.70');
    expect(errors).toEqual([]);
  }, 240_000);

  it("reads the item of QuickBooks Desktop's Sales by Item Detail from the headings in its Type column", async () => {
    const { page, errors, dialog } = await importDialogFor('sales by item detail.CSV', [
      '"Type","Date","Num","Memo","Name","Qty","Sales Price","Amount","Balance"',
      '"Inventory",,,,,,,,""',
      '"SKU-0003",,,,,,,,""',
      '"Invoice","10/06/2026","INV26-101","Face wash","D001",10,45.00,450.00,450.00',
      '"Credit Memo","10/07/2026","CR26-7","Face wash","D001",-2,45.00,-90.00,360.00',
      '"Total SKU-0003",,,,,8,,360.00,360.00',
      '"SKU-0001",,,,,,,,""',
      '"Invoice","10/08/2026","INV26-102","Coffee","D002",4,25.00,100.00,100.00',
      '"Total SKU-0001",,,,,4,,100.00,100.00',
      '"Total Inventory",,,,,12,,460.00,460.00',
      '"TOTAL",,,,,12,,460.00,460.00',
    ]);
    await dialog.getByLabel('Dataset').selectOption('sales');
    await expect
      .poll(() => dialog.getByLabel('Column for SKU', { exact: true }).inputValue())
      .toBe('(headings above the lines, in the first column)');
    const preview = dialog.getByTestId('import-preview');
    await expect.poll(() => preview.locator('tbody tr').count()).toBe(3);
    // The headings, which the file holds in no column of their own, are shown first.
    expect(await preview.locator('thead th').nth(1).textContent()).toBe(
      '(headings above the lines, in the first column)',
    );
    expect(await preview.locator('tbody tr').first().locator('td').nth(1).textContent()).toBe('SKU-0003');
    await page.screenshot({ path: session.screenshot('import-first-column-headings.png') });
    await importAll(dialog, 3);
    expect(await dialog.getByTestId('total-net_value').textContent()).toBe('₹460.00');
    expect(errors).toEqual([]);
  }, 240_000);

  it("shows Odoo's refunds, numbered RINV/… in a file without its Type, as a series to say what it is, and imports them as credit notes", async () => {
    const { page, errors, dialog } = await importDialogFor('Journal Item (account.move.line).csv', [
      'Number,Invoice Date,Partner,Invoice lines/Product,Invoice lines/Quantity,Invoice lines/Subtotal',
      'INV/2026/00041,2026-10-03,D001,SKU-0001,10,1000.00',
      'RINV/2026/00003,2026-10-06,D002,SKU-0002,1,100.00',
      'RINV/2026/00003,2026-10-06,D002,SKU-0001,1,50.00',
    ]);
    await dialog.getByLabel('Dataset').selectOption('sales');
    const types = dialog.getByTestId('type-map');
    await expect
      .poll(() => types.locator('legend').textContent())
      .toBe('1 document type in the file: how each is read');
    expect(await types.locator('tbody td').first().textContent()).toBe('Documents numbered RINV/* (no type given)');
    const series = dialog.getByLabel('Document type RINV/*');
    expect(await series.locator('option:checked').textContent()).toBe(
      'by its sign, the file giving no type (positive: an invoice)',
    );
    await dialog.getByRole('button', { name: 'Check' }).click();
    await expect
      .poll(() => dialog.getByTestId('import-result').textContent())
      .toContain('say so by choosing “a credit note” for “Documents numbered RINV/*” under Document types');
    await series.selectOption('credit_note');
    await types.screenshot({ path: session.screenshot('import-number-series.png') });
    await importAll(dialog, 3);
    expect(await dialog.getByTestId('total-net_value').textContent()).toBe('₹850.00');
    await expect
      .poll(() => dialog.getByTestId('import-result').textContent())
      .toContain('2 lines of documents numbered RINV/* are read as credit notes');
    await page.screenshot({ path: session.screenshot('import-number-series-result.png') });

    // Saved with the mapping, the choice is shown for next month's file, and the import takes it.
    await dialog.getByLabel('Mapping name').fill('Odoo invoice lines');
    await dialog.getByRole('button', { name: 'Save mapping' }).click();
    await expect.poll(() => dialog.textContent()).toContain('Mapping saved as “Odoo invoice lines”');
    await dialog.getByRole('button', { name: 'Close' }).click();
    const november = join(tempDir(), 'odoo-november.csv');
    writeFileSync(
      november,
      'Number,Invoice Date,Partner,Invoice lines/Product,Invoice lines/Quantity,Invoice lines/Subtotal\n' +
        'INV/2026/00090,2026-11-03,D001,SKU-0001,10,1000.00\nRINV/2026/00009,2026-11-06,D002,SKU-0002,1,100.00\n',
    );
    await page.getByTestId('import-file').setInputFiles(november);
    await dialog.getByTestId('import-preview').waitFor();
    await expect.poll(() => dialog.textContent()).toContain('Using the saved mapping “Odoo invoice lines”');
    await expect.poll(() => dialog.getByLabel('Document type RINV/*').inputValue()).toBe('credit_note');
    // Another kind forgets the types; coming back to sales brings the saved choice again.
    await dialog.getByLabel('Dataset').selectOption('payments');
    await dialog.getByLabel('Dataset').selectOption('sales');
    await expect.poll(() => dialog.getByLabel('Document type RINV/*').inputValue()).toBe('credit_note');
    await importAll(dialog, 2);
    expect(await dialog.getByTestId('total-net_value').textContent()).toBe('₹900.00');
    expect(errors).toEqual([]);
  }, 240_000);

  it("offers a series of credit notes' numbers the preview did not reach once Check warns of it", async () => {
    // The preview reads 100,000 rows for types: the refund lies beyond them.
    const invoices = Array.from({ length: 100_000 }, (_, i) => `INV/2026/${i + 1},2026-10-03,D001,SKU-0001,1,10.00`);
    const { page, errors, dialog } = await importDialogFor('Journal Item (account.move.line).csv', [
      'Number,Invoice Date,Partner,Invoice lines/Product,Invoice lines/Quantity,Invoice lines/Subtotal',
      ...invoices,
      'RINV/2026/00003,2026-10-06,D002,SKU-0002,1,100.00',
    ]);
    await dialog.getByLabel('Dataset').selectOption('sales');
    expect(await dialog.getByTestId('type-map').count()).toBe(0);
    await dialog.getByRole('button', { name: 'Check' }).click();
    const series = dialog.getByLabel('Document type RINV/*');
    await series.waitFor({ timeout: 60_000 });
    expect(await series.locator('option:checked').textContent()).toBe(
      'by its sign, the file giving no type (positive: an invoice)',
    );
    await series.selectOption('credit_note');
    await dialog.getByRole('button', { name: 'Check' }).click();
    await expect
      .poll(() => dialog.getByTestId('import-result').textContent(), { timeout: 60_000 })
      .toContain('1 line of a document numbered RINV/* is read as part of a credit note');
    expect(await dialog.getByTestId('import-result').textContent()).not.toContain('numbered as credit notes');
    await page.screenshot({ path: session.screenshot('import-number-series-unseen.png') });
    expect(errors).toEqual([]);
  }, 240_000);

  it("offers a DMS export's quantity in cases beside its pieces, and imports each line in its product's unit", async () => {
    // SKU-0005 is counted in CASE by the demo's products master, SKU-0001 in PCS.
    const { page, errors, dialog } = await importDialogFor('DMS Secondary Sales.csv', [
      'Invoice No,Invoice Date,Distributor Code,Retailer Code,SKU Code,Qty (Cases),Qty (PCS),Net Amount',
      'DMS/1,05-10-2026,D001,O00001,SKU-0001,1,12,570.00',
      'DMS/2,07-10-2026,D001,O00001,SKU-0005,2,24,"1,200.00"',
    ]);
    await dialog.getByLabel('Dataset').selectOption('sales');
    await expect.poll(() => dialog.getByLabel('Column for Qty', { exact: true }).inputValue()).toBe('Qty (PCS)');
    expect(await dialog.getByLabel('Column for Qty in another unit (1)').inputValue()).toBe('Qty (Cases)');
    await dialog.getByLabel('Column for Qty in another unit (1)').scrollIntoViewIfNeeded();
    await page.screenshot({ path: session.screenshot('import-quantity-units.png') });
    await importAll(dialog, 2);
    // 12 pieces and 2 cases.
    expect(await dialog.getByTestId('total-qty').textContent()).toBe('14');
    expect(errors).toEqual([]);
  }, 240_000);

  it('says before Check that whole cases beside loose pieces are no quantity, and imports once a whole quantity is mapped', async () => {
    const { page, errors, dialog } = await importDialogFor('DMS Cases and Units.csv', [
      'Invoice No,Invoice Date,Distributor Code,Outlet Code,SKU Code,Cases,Units,All Pieces,Net Amount',
      'DMS/1,05-10-2026,D001,O00001,SKU-0001,1,4,28,570.00',
      'DMS/2,06-10-2026,D001,O00001,SKU-0002,2,0,48,300.00',
    ]);
    await dialog.getByLabel('Dataset').selectOption('sales');
    const qty = dialog.getByLabel('Column for Qty', { exact: true });
    await expect.poll(() => qty.inputValue()).toBe('Units');
    await expect
      .poll(() => dialog.locator('.import-layout').textContent())
      .toContain('"Units" is not each line\'s quantity');
    expect(await dialog.getByRole('button', { name: 'Import', exact: true }).isDisabled()).toBe(true);
    await page.screenshot({ path: session.screenshot('import-loose-quantity.png') });
    await qty.selectOption('All Pieces');
    expect(await dialog.locator('.import-layout').textContent()).not.toContain('is not each line');
    await importAll(dialog, 2);
    expect(await dialog.getByTestId('total-qty').textContent()).toBe('76');
    expect(errors).toEqual([]);
  }, 240_000);

  it("adds whole cases to the loose pieces by the products master's units per case, saying so before Check", async () => {
    const { page, errors, dialog } = await importDialogFor(
      'DMS Cases and Units.csv',
      [
        'Invoice No,Invoice Date,Distributor Code,Outlet Code,SKU Code,Cases,Units,Net Amount',
        'DMS/1,05-10-2026,D001,O00001,SKU-0001,1,4,570.00',
        'DMS/2,06-10-2026,D001,O00001,SKU-0002,2,0,300.00',
      ],
      (ws) =>
        ws.db.prepare("UPDATE products SET case_units = 12, uom = 'PCS' WHERE sku IN ('SKU-0001', 'SKU-0002')").run(),
    );
    await dialog.getByLabel('Dataset').selectOption('sales');
    await expect.poll(() => dialog.getByLabel('Column for Qty', { exact: true }).inputValue()).toBe('Units');
    await expect
      .poll(() => dialog.textContent())
      .toContain('Each line\'s quantity is its "Cases" times its product\'s units per case in the products master');
    expect(await dialog.locator('.import-layout').textContent()).not.toContain('nothing says how many');
    await dialog.getByText("times its product's units per case").scrollIntoViewIfNeeded();
    await page.screenshot({ path: session.screenshot('import-case-units.png') });
    await importAll(dialog, 2);
    // 1 case of 12 and 4 pieces; 2 cases of 12.
    expect(await dialog.getByTestId('total-qty').textContent()).toBe('40');
    expect(errors).toEqual([]);
  }, 240_000);

  it('says before Check that date cells a spreadsheet swapped are read swapped back, and imports them so', async () => {
    const { page, errors, dialog } = await importDialogFor(
      'Sales Register.csv',
      [
        'Invoice No,Invoice Date,Distributor Code,Outlet Code,SKU,Qty,Net Value',
        'SR/1,03/10/2026,D001,O00001,SKU-0001,1,100.00',
        'SR/2,05/10/2026,D001,O00001,SKU-0001,1,100.00',
        'SR/3,17/10/2026,D002,O00002,SKU-0002,1,100.00',
      ],
      undefined,
      // Opened in a spreadsheet set to US English and saved as a workbook.
      (csv) => libreOfficeConvert(csv, 'xlsx', dirname(csv), 1033),
    );
    await dialog.getByLabel('Dataset').selectOption('sales');
    const swapped =
      'Date cells in "Invoice Date" are read with their day and month swapped back (10 Mar 2026 as 3 Oct 2026)';
    await expect.poll(() => dialog.textContent()).toContain(swapped);
    await dialog.getByText(swapped).scrollIntoViewIfNeeded();
    await page.screenshot({ path: session.screenshot('import-swapped-dates.png') });
    await importAll(dialog, 3);
    expect(await dialog.getByTestId('import-result').textContent()).toContain('03 Oct 2026 – 17 Oct 2026');
    expect(errors).toEqual([]);
  }, 240_000);

  it("lands a whole outlets master's new codes, passing over those the master holds as written", async () => {
    const { page, errors, dialog } = await outletMasterDialog('Outlet Master Nov-26.csv', [
      'O00001,Mehta Tea Stall,D001,Pan Plus',
      'O00002,Gupta General Store,D002,Grocery',
      'O09999,Naya Kirana,D001,Grocery',
    ]);
    await dialog.getByLabel('Dataset').selectOption('outlets');
    await dialog.getByRole('button', { name: 'Check' }).click();
    await expect
      .poll(() => dialog.getByTestId('import-result').textContent())
      .toContain('Ready to import: 1 valid row of the 3 read; the others are left out (see below)');
    await expect.poll(() => dialog.textContent()).toContain('Left outskipped 2 rows already in the master as written');
    await page.screenshot({ path: session.screenshot('import-master-again.png') });
    await importAll(dialog, 1);
    expect(errors).toEqual([]);
  }, 240_000);

  it('updates a code the master holds when asked, lists the change, and puts it back on roll-back', async () => {
    const { page, errors, dialog } = await outletMasterDialog('Outlet Master Dec-26.csv', [
      'O00001,Mehta Tea Stall,D001,Modern Trade',
      'O00002,Gupta General Store,D002,Grocery',
      'O09997,Sai Provisions,D001,Grocery',
    ]);
    await dialog.getByLabel('Dataset').selectOption('outlets');
    await dialog.getByRole('button', { name: 'Check' }).click();
    await expect
      .poll(() => dialog.getByTestId('import-result').textContent())
      .toContain(
        'Channel "Pan Plus" there, "Modern Trade" here. An import adds codes to the masters and changes what they hold, which runs read, only when “Update codes the master holds as this file writes them” is ticked',
      );
    await dialog.getByLabel('Update codes the master holds as this file writes them').check();
    await dialog.getByRole('button', { name: 'Check' }).click();
    await expect
      .poll(() => dialog.getByTestId('import-result').textContent())
      .toContain(
        'Ready to import: 1 new row and 1 code of the master to update, of the 3 rows read; the other is left out (see below)',
      );
    expect(await dialog.getByTestId('updated-masters').textContent()).toBe(
      'O00001: Channel "Pan Plus" → "Modern Trade"',
    );
    await page.screenshot({ path: session.screenshot('import-master-update.png') });
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await expect
      .poll(() => dialog.getByTestId('import-result').textContent(), { timeout: 30_000 })
      .toMatch(/Imported 1 row and updated 1 code of the master as batch \d+/);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('tab', { name: 'Import history' }).click();
    const newest = page.getByTestId('batches').locator('tbody tr').first();
    await expect.poll(() => newest.textContent()).toContain('Outlet Master Dec-26.csv');
    page.once('dialog', (d) => void d.accept());
    await newest.getByRole('button', { name: 'Roll back' }).click();
    await expect
      .poll(() => page.locator('.notice').textContent())
      .toMatch(/rolled back: 1 row removed, 1 master value put back\./);
    expect(errors).toEqual([]);
  }, 240_000);

  it('imports a target sheet with a column per month, asking of what the targets are', async () => {
    const { page, errors, dialog } = await importDialogFor('Targets by month.csv', [
      'Distributor targets FY 2026-27',
      'Distributor Code,Distributor Name,Oct-26,Nov-26,Dec-26',
      'D001,Annapurna Distributors,500000,550000,600000',
      'D002,Shiv Shakti Enterprises,300000,,350000',
      'Total,,800000,550000,950000',
    ]);
    await dialog.getByLabel('Dataset').selectOption('targets');
    await expect.poll(() => dialog.getByLabel('Column for Targets of month 3').inputValue()).toBe('Dec-26');
    await dialog.getByLabel('Value for Measure').fill('net_value');
    await page.screenshot({ path: session.screenshot('import-targets-by-month.png') });
    await importAll(dialog, 5);
    expect(await dialog.getByTestId('import-result').textContent()).toContain('01 Oct 2026 – 31 Dec 2026');
    expect(errors).toEqual([]);
  }, 240_000);

  it('imports a target sheet with a column per measure as a target of each, asking for no measure', async () => {
    const { page, errors, dialog } = await importDialogFor('Targets Oct-26.csv', [
      'Distributor Code,Month,Target Qty,Target Value',
      'D001,Oct-26,500,125000',
      'D002,Oct-26,,90000',
    ]);
    await dialog.getByLabel('Dataset').selectOption('targets');
    await expect
      .poll(() => dialog.getByLabel('Column for Targets of another measure (1)').inputValue())
      .toBe('Target Qty');
    expect(await dialog.getByLabel('Column for Value').inputValue()).toBe('Target Value');
    await page.screenshot({ path: session.screenshot('import-targets-by-measure.png') });
    await importAll(dialog, 3);
    expect(await dialog.getByTestId('import-result').textContent()).toContain(
      'Each of "Target Qty", "Target Value" is a target of its own measure',
    );
    await page.screenshot({ path: session.screenshot('import-targets-by-measure-result.png') });
    expect(errors).toEqual([]);
  }, 240_000);
});
