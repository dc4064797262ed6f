import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createWorkspaceApi } from '../../main/api/handlers';
import { cellsDigest, DIGEST_BYTES, digestSecret } from '../../main/import/digest-table';
import { convertRow, decide } from '../../main/import/row-values';
import { READ_IN_THREAD_FROM_BYTES, threadedDataRows } from '../../main/import/threaded-sheet';
import { delimited } from '../support/files';
import { importFile, storedRows } from '../support/import';
import { demoWorkspacePerTest } from '../support/workspace';
import { sheetXml, workbookParts, writeZip } from '../support/zip-writer';

/**
 * Files large enough to be read on a thread of their own (READ_IN_THREAD_FROM_BYTES) while the
 * import validates and inserts: the same lines land as from a small file, progress still counts
 * rows, and a damaged file is refused in the same words across the thread.
 */
const workspaces = demoWorkspacePerTest();
const LINES = 90_000;

const line = (i: number) => [
  `T/${i}`,
  '15-10-2026',
  'Invoice',
  'D001',
  'SKU-0001',
  1 + (i % 5),
  `${(i % 997) + 0.25}`,
  `Delivered against order ${i} by road; remarks as the ERP writes them`,
];
const header = [
  'Invoice No',
  'Invoice Date',
  'Document Type',
  'Distributor Code',
  'SKU',
  'Qty',
  'Net Value',
  'Remarks',
];
/** The indexes of the lines (0-based) that `keep` says. */
const linesWhere = (keep: (i: number) => boolean) => Array.from({ length: LINES }, (_, i) => i).filter(keep);
const expectedNet = Array.from({ length: LINES }, (_, i) => (i % 997) * 100 + 25).reduce((a, b) => a + b, 0);

/**
 * The lines as an xlsx whose sheet is stored, not deflated, so a few MB of XML make a large file,
 * with a merged range after the rows and two rows hidden; `broken` ends it with a row out of
 * order, which only the reading of the rows finds; `thousands` heads the net value "Net Value
 * ('000)" and keeps each as its rupees formatted to show thousands (`#,##0.00,`).
 */
function storedXlsx(
  path: string,
  { broken = false, thousands = false, struckWhere = '', boxesEvery = 0, staleEvery = 0 } = {},
) {
  // `boxesEvery`: each quantity formatted with its unit as Tally writes it, `""0" Nos"`, and every so many `""0" Box"`.
  const style = (ref: string) =>
    thousands && ref.startsWith('G')
      ? ' s="1"'
      : boxesEvery && ref.startsWith('F')
        ? ` s="${(Number(ref.slice(1)) - 2) % boxesEvery === 0 ? 3 : 2}"`
        : '';
  // `staleEvery`: each net value a formula of its row (`F2*0+100.25`), every so many saved one rupee more than it gives.
  const formula = (v: string, ref: string) => {
    const row = Number(ref.slice(1));
    return `<c r="${ref}"><f>F${row}*0+${v}</f><v>${(row - 2) % staleEvery === 0 ? Number(v) + 1 : v}</v></c>`;
  };
  const cell = (v: string | number, ref: string) =>
    typeof v === 'number'
      ? `<c r="${ref}"${style(ref)}><v>${v}</v></c>`
      : staleEvery && ref.startsWith('G') && ref !== 'G1'
        ? formula(v, ref)
        : `<c r="${ref}" t="inlineStr"><is><t>${v}</t></is></c>`;
  const lines = Array.from({ length: LINES }, (_, i) => (thousands ? line(i).with(6, Number(line(i)[6])) : line(i)));
  const rows = [thousands ? header.with(6, "Net Value ('000)") : header, ...lines]
    .map(
      (r, n) =>
        `<row r="${n + 1}"${n === 2 || n === LINES - 5 ? ' hidden="1"' : ''}>${r.map((v, c) => cell(v, `${String.fromCharCode(65 + c)}${n + 1}`)).join('')}</row>`,
    )
    .join('');
  const tail = broken ? '<row r="7"><c r="A7"><v>1</v></c></row>' : '';
  // The last two lines share one merged Invoice No cell: the last line is a second line of the one before's invoice.
  const merged = `<mergeCells count="1"><mergeCell ref="A${LINES}:A${LINES + 1}"/></mergeCells>`;
  // `struckWhere`: a conditional format striking every line where its formula holds.
  const rule = struckWhere
    ? `<conditionalFormatting sqref="A2:H${LINES + 1}"><cfRule type="expression" dxfId="0" priority="1"><formula>${struckWhere}</formula></cfRule></conditionalFormatting>`
    : '';
  const dxfs = struckWhere ? '<dxfs count="1"><dxf><font><strike/></font></dxf></dxfs>' : '';
  const styles = `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts><numFmt numFmtId="164" formatCode="#,##0.00,"/><numFmt numFmtId="165" formatCode="&quot;&quot;0&quot; Nos&quot;"/><numFmt numFmtId="166" formatCode="&quot;&quot;0&quot; Box&quot;"/></numFmts><cellXfs><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="166"/></cellXfs>${dxfs}</styleSheet>`;
  const styled = thousands || struckWhere || boxesEvery;
  const parts = workbookParts(sheetXml(rows + tail, merged + rule), styled ? { styles } : {}).map((p) =>
    p.name.includes('worksheets') ? { ...p, stored: true } : p,
  );
  return writeZip(path, parts);
}

/** A workbook of `storedXlsx`'s lines in the test's workspace, large enough to be read on its own thread. */
function largeXlsx(name: string, shape: Parameters<typeof storedXlsx>[1]) {
  const { ws, dir } = workspaces.current();
  const path = storedXlsx(join(dir, name), shape);
  expect(statSync(path).size).toBeGreaterThanOrEqual(READ_IN_THREAD_FROM_BYTES);
  return { ws, path };
}

describe('a large file read on its own thread', () => {
  it.each(['csv', 'xlsx'] as const)('%s: lands every line exactly, with progress by rows', async (format) => {
    const { ws, dir } = workspaces.current();
    const path = join(dir, `large.${format}`);
    if (format === 'csv') writeFileSync(path, delimited([header, ...Array.from({ length: LINES }, (_, i) => line(i))]));
    else storedXlsx(path);
    expect(statSync(path).size).toBeGreaterThanOrEqual(READ_IN_THREAD_FROM_BYTES);
    let lastRows = 0;
    const result = await importFile(ws, path, { kind: 'sales' });
    expect(result).toMatchObject({ rows: LINES, rejected: 0, errors: [] });
    expect(result.totals.net_value).toBe((expectedNet / 100).toFixed(2));
    const stored = storedRows(ws, 'sales', result.batch ?? 0);
    expect(stored).toHaveLength(LINES);
    expect([stored[0]?.doc_no, stored.at(-1)?.doc_no, stored.at(-1)?.net_value]).toEqual([
      'T/0',
      format === 'xlsx' ? `T/${LINES - 2}` : `T/${LINES - 1}`,
      ((LINES - 1) % 997) * 100 + 25,
    ]);
    // The reading thread tells which rows the workbook hides, however far apart.
    expect(result.warnings).toEqual(
      format === 'xlsx'
        ? [
            `2 rows hidden in the workbook were imported with the others (rows 3, ${LINES - 4}): Excel does not show them (filtered out, or hidden by hand), so whoever checked the file did not see them`,
          ]
        : [],
    );
    // Through the API (the import worker, which starts the reader worker): progress counts rows.
    const api = createWorkspaceApi(ws);
    const checked = await api.call(
      'import.run',
      { path, kind: 'sales', dryRun: true, replace: true },
      {
        onProgress: (p) => {
          lastRows = Math.max(lastRows, p.rows ?? 0);
        },
      },
    );
    expect(checked).toMatchObject({ ok: true, value: { rows: LINES } });
    expect(lastRows).toBeGreaterThan(0);
  });

  it("hands a voucher's ledger lines across the thread with it: its tax comes off its net value", async () => {
    const { ws, dir } = workspaces.current();
    const path = join(dir, 'Day Book detailed.csv');
    const vouchers = 25_000;
    const narration = 'Being goods sold as per the delivery challan of the day, by road';
    const rows: (string | null)[][] = [['Date', 'Particulars', 'Vch Type', 'Vch No.', 'Debit', 'Credit', 'Narration']];
    for (let i = 0; i < vouchers; i++) {
      const base = 100 * (10 + (i % 50));
      const gst = (base * 9) / 100;
      rows.push(['15-Oct-26', 'D001', 'Sales', `S/${i}`, (base + 2 * gst).toFixed(2), null, narration]);
      rows.push([null, 'Sales GST 18%', null, null, null, base.toFixed(2), narration]);
      rows.push([null, 'Output CGST 9%', null, null, null, gst.toFixed(2), narration]);
      rows.push([null, 'Output SGST 9%', null, null, null, gst.toFixed(2), narration]);
    }
    writeFileSync(path, delimited(rows));
    expect(statSync(path).size).toBeGreaterThanOrEqual(READ_IN_THREAD_FROM_BYTES);
    const result = await importFile(ws, path, { kind: 'sales' });
    expect(result).toMatchObject({ rows: vouchers, rejected: 0, skipped: { 'ledger lines': 3 * vouchers } });
    const sums = ws.db
      .prepare('SELECT sum(net_value) AS net, sum(tax) AS tax, count(tax) AS taxed FROM sales WHERE batch_id = ?')
      .get(result.batch) as { net: number; tax: number; taxed: number };
    const bases = Array.from({ length: vouchers }, (_, i) => 100 * (10 + (i % 50)) * 100);
    const net = bases.reduce((a, b) => a + b, 0);
    expect(sums).toEqual({ net, tax: (net * 18) / 100, taxed: vouchers });
  });

  it('finds rows repeated exactly across the thread, and not rows alike only before they are filled down', async () => {
    const { ws, dir } = workspaces.current();
    const path = join(dir, 'repeats.csv');
    // Two vouchers whose item rows read alike until each takes its voucher's number and date.
    const voucher = (no: string) => [no, '16-10-2026', 'Invoice', 'D001', '', '', '', 'voucher'];
    const item = ['', '', '', '', 'SKU-0002', 2, '10.00', 'item'];
    const rows = [header, ...Array.from({ length: LINES }, (_, i) => line(i)), line(5)];
    rows.push(voucher('V/1'), item, voucher('V/2'), item);
    // A row as the last one reads once filled down.
    rows.push(['V/2', '16-10-2026', 'Invoice', 'D001', 'SKU-0002', 2, '10.00', 'item']);
    writeFileSync(path, delimited(rows));
    expect(statSync(path).size).toBeGreaterThanOrEqual(READ_IN_THREAD_FROM_BYTES);
    const result = await importFile(ws, path, { kind: 'sales' });
    expect(result).toMatchObject({ rows: LINES + 4, rejected: 0 });
    expect(result.warnings).toEqual([
      `row ${LINES + 2} repeats row 7 exactly, in every column; both were imported`,
      `row ${LINES + 7} repeats row ${LINES + 6} exactly, in every column; both were imported`,
    ]);
  });

  it('lays out every row on the reading thread, and converts each as the import decided from the first rows', async () => {
    const { ws, dir } = workspaces.current();
    const path = join(dir, 'laid-out.csv');
    // Every thousandth net value has a third decimal, rounded as the user chose; one date is no day.
    const netOf = (i: number) => (i % 1000 === 0 ? `${i % 997}.125` : `${(i % 997) + 0.25}`);
    const lines = Array.from({ length: LINES }, (_, i) => {
      const cells = line(i);
      cells[6] = netOf(i);
      if (i === 70_000) cells[1] = '31-13-2026';
      return cells;
    });
    // A receipt (left out here) and a total row (left out on the reading thread) in one batch, in
    // that order; a heading row further on.
    const receipt = ['R/1', '15-10-2026', 'Receipt', 'D001', 'SKU-0001', 1, '500.00', ''];
    const total = ['Total', '', '', '', '', 5, '123.00', ''];
    const heading = ['', '', '', '', '', '', '', 'Party: Sharma Traders'];
    lines.splice(60_000, 0, heading);
    lines.splice(40_000, 0, receipt, total);
    const rows = [['Sales Register'], ['01-Oct-2026 to 31-Oct-2026'], header, ...lines, total];
    writeFileSync(path, delimited(rows));
    expect(statSync(path).size).toBeGreaterThanOrEqual(READ_IN_THREAD_FROM_BYTES);

    const result = await importFile(ws, path, { kind: 'sales', round: true, validOnly: true });

    const badRow = rows.findIndex((r) => r[1] === '31-13-2026') + 1;
    expect(result).toMatchObject({ headerRow: 3, rows: LINES - 1, rejected: 1 });
    expect(result.errors).toEqual([
      expect.objectContaining({ row: badRow, column: 'Invoice Date', value: '31-13-2026' }),
    ]);
    // (A voucher's rows wait for the ledger lines that may follow them: the reasons come in any order.)
    expect(result.skipped).toEqual({ 'type:Receipt': 1, 'total rows': 2, 'heading rows': 1 });
    // The imported lines' net values in thousandths, as written and as imported (half-up to the paisa):
    // neither the receipt nor the refused line counts.
    const written = lines
      .filter((r) => r[1] !== '31-13-2026' && typeof r[0] === 'string' && r[0].startsWith('T/'))
      .map((r) => Math.round(Number(r[6]) * 1000));
    const imported = written.map((v) => Math.round(v / 10) * 10);
    const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
    expect(result.totals.net_value).toBe((sum(imported) / 1000).toFixed(2));
    const rounding = result.decisions.find((d) => d.field === 'net_value')?.decision;
    expect(rounding).toBe(
      `Net value: ${written.filter((v) => v % 10 !== 0).length} values rounded half-up to the paisa, as chosen; the total as written, ${sum(written) / 1000}, is imported as ${(sum(imported) / 1000).toFixed(2)}`,
    );
  });

  it('converts and digests rows on the reading thread while this one is behind, as this one would', async () => {
    const { dir } = workspaces.current();
    const path = join(dir, 'shared.csv');
    const lines = Array.from({ length: LINES }, (_, i) => line(i));
    writeFileSync(path, delimited([header, ...lines]));
    const mapping = { doc_no: 0, doc_date: 1, doc_type: 2, distributor_code: 3, sku: 4, qty: 5, net_value: 6 };
    const decisions = decide('sales', mapping, lines.slice(0, 500), { date1904: false, headers: header, round: true });
    const secret = digestSecret();
    /** Reads the file across the thread: how many rows came converted. */
    const convertedWhen = async (behind: boolean) => {
      const reading = threadedDataRows(
        {
          path,
          sheet: 'Sheet1',
          secret,
          prepare: { kind: 'sales', headerRow: 1, headers: header, mapping, decisions, defaults: {}, fillDown: false },
        },
        { onBytes: () => {}, onSkip: () => {} },
      );
      let rows = 0;
      let converted = 0;
      let halfDone = 0;
      for await (const batch of reading.batches())
        for (const row of batch) {
          // This thread is slow: batches wait for it, and the reading thread takes on the work.
          // (At 40 ms a pause the reading thread of a loaded machine kept only 39,000 of 45,000.)
          if (behind && rows % 2_000 === 0) await new Promise((resolve) => setTimeout(resolve, 100));
          rows++;
          if ((row.digest === undefined) !== (row.converted === undefined)) halfDone++;
          if (!row.converted) continue;
          converted++;
          if (rows % 97 !== 0) continue;
          expect(row.converted).toEqual(convertRow('sales', mapping, row.cells, decisions, {}));
          expect(row.digest?.equals(cellsDigest(secret, row.cells).subarray(0, DIGEST_BYTES))).toBe(true);
        }
      expect({ rows, halfDone }).toEqual({ rows: LINES, halfDone: 0 });
      return converted;
    };
    // How many depends on the machine; that the reading thread took some, and got them right,
    // does not; nor that it leaves most to this thread when this one keeps up (it only reads).
    expect(await convertedWhen(true)).toBeGreaterThan(LINES / 2);
    expect(await convertedWhen(false)).toBeLessThan(LINES / 2);
  });

  it('reads the rupees a format shows in thousands under a header in thousands, on the reading thread as on this one', async () => {
    const { ws, path } = largeXlsx('thousands.xlsx', { thousands: true });
    const result = await importFile(ws, path, { kind: 'sales', dryRun: true });
    expect(result).toMatchObject({ rows: LINES, rejected: 0, errors: [] });
    expect(result.totals.net_value).toBe((expectedNet / 100).toFixed(2));
    // Counted wherever each was read: on the reading thread or on this one.
    expect(result.decisions.map((d) => d.decision)).toContain(
      `${LINES} numbers of "Net Value ('000)" hold the amount itself, formatted to show it in thousands (Excel shows 1,234,567 as 1,235): read as Excel shows them, then in the unit the column is in`,
    );
  });

  it('takes a blank date and party from the row above on the reading thread, where asked', async () => {
    const { ws, dir } = workspaces.current();
    const path = join(dir, 'shown once.csv');
    // A report that writes the date and the party once for the lines under them that share them.
    const lines = Array.from({ length: LINES }, (_, i) =>
      line(i)
        .with(1, i % 2 ? '' : '15-10-2026')
        .with(3, i % 2 ? '' : 'D001'),
    );
    writeFileSync(path, delimited([header, ...lines]));
    expect(statSync(path).size).toBeGreaterThanOrEqual(READ_IN_THREAD_FROM_BYTES);
    const result = await importFile(ws, path, { kind: 'sales', fillDown: true });
    expect(result).toMatchObject({ rows: LINES, rejected: 0 });
    expect(result.decisions.map((d) => d.decision)).toContain(
      'Blank cells took the value written above them, as chosen for this import (a report or pivot table shows a value once for the rows that share it): Invoice Date 45,000, Distributor Code 45,000',
    );
    expect(
      ws.db
        .prepare(
          "SELECT count(*) AS n FROM sales WHERE batch_id = ? AND doc_date = '2026-10-15' AND distributor_code = 'D001'",
        )
        .get(result.batch),
    ).toEqual({ n: LINES });
  });

  it('reads the lines under the header written again in another order by it, on the reading thread', async () => {
    const { ws, dir } = workspaces.current();
    const path = join(dir, 'two halves.csv');
    // The second half pasted under its own header, Qty and Net Value swapped, Remarks first.
    const order = [7, 0, 1, 2, 3, 4, 6, 5];
    const half = LINES / 2;
    const rows = [
      header,
      ...Array.from({ length: half }, (_, i) => line(i)),
      order.map((c) => header[c] as string),
      ...Array.from({ length: half }, (_, i) => order.map((c) => line(half + i)[c] as string | number)),
    ];
    writeFileSync(path, delimited(rows));
    expect(statSync(path).size).toBeGreaterThanOrEqual(READ_IN_THREAD_FROM_BYTES);
    const result = await importFile(ws, path, { kind: 'sales' });
    expect(result).toMatchObject({ rows: LINES, rejected: 0, skipped: { 'header lines': 1 } });
    expect(
      ws.db.prepare('SELECT sum(net_value) AS net, sum(qty) AS qty FROM sales WHERE batch_id = ?').get(result.batch),
    ).toEqual({
      net: expectedNet,
      qty: Array.from({ length: LINES }, (_, i) => 1000 * (1 + (i % 5))).reduce((a, b) => a + b, 0),
    });
  });

  it('refuses the lines a conditional format strikes through, its rule worked out on the reading thread', async () => {
    // The rule is asked of the first rows on this thread too, before the rest go to the reading one.
    const { ws, path } = largeXlsx('struck by a rule.xlsx', { struckWhere: '$F2=5' });
    const result = await importFile(ws, path, { kind: 'sales', validOnly: true });
    // Every fifth line has a quantity of 5 (1 + i % 5); the last two share a merged invoice number.
    const struck = linesWhere((i) => i % 5 === 4);
    expect(result.rejected).toBe(struck.length);
    expect(result.errors[0]).toEqual({
      row: 6,
      column: 'Invoice No',
      value: 'T/4',
      message:
        'the row is struck through: a conditional format crosses out its Invoice No T/4 where =$F2=5, as a cancelled line is marked. Delete the row if it is cancelled; if it counts, change what the rule looks at, or the rule, and import again',
    });
    expect(
      ws.db.prepare('SELECT count(*) AS n, max(qty) AS most FROM sales WHERE batch_id = ?').get(result.batch),
    ).toEqual({ n: LINES - struck.length, most: 4000 });
  });

  it("reads each quantity's unit from its number format, on the reading thread as on this one", async () => {
    const { ws, path } = largeXlsx('units.xlsx', { boxesEvery: 10_000 });
    const result = await importFile(ws, path, { kind: 'sales', dryRun: true, validOnly: true });
    // SKU-0001 is counted in PCS by the products master: its lines in boxes are refused, wherever read.
    const boxes = linesWhere((i) => i % 10_000 === 0);
    expect(result.errors.map((e) => [e.row, e.value, e.message])).toEqual(
      boxes.map((i) => [i + 2, `${1 + (i % 5)} Box`, 'the products master counts SKU-0001 in PCS, this line in Box']),
    );
    expect(result.rows).toBe(LINES - boxes.length);
  });

  it('refuses the net values whose formula gives another amount than the one saved, worked out on the reading thread', async () => {
    const { ws, path } = largeXlsx('stale.xlsx', { staleEvery: 20_000 });
    const result = await importFile(ws, path, { kind: 'sales', dryRun: true, validOnly: true });
    const stale = linesWhere((i) => i % 20_000 === 0);
    expect(result.errors.map((e) => [e.row, e.column, e.value])).toEqual(
      stale.map((i) => [i + 2, 'Net Value', String((i % 997) + 1.25)]),
    );
    expect(result.errors[1]?.message).toMatch(
      /^the cell's formula =F20002\*0\+60\.25 gives 60\.25 from the row's cells/,
    );
    expect(result.rows).toBe(LINES - stale.length);
  });

  it('refuses a damaged large file by name, from across the thread', async () => {
    const { ws, dir } = workspaces.current();
    const path = storedXlsx(join(dir, 'damaged.xlsx'), { broken: true });
    const error = await importFile(ws, path, { kind: 'sales' }).catch((e: Error) => e);
    expect((error as Error).message).toBe(
      `damaged.xlsx is damaged: sheet Sales has a row numbered 7 after row ${LINES + 1}: rows out of order, or beyond the 10,48,576 a sheet has. Nothing was imported.`,
    );
    expect(ws.db.prepare('SELECT count(*) AS n FROM sales WHERE doc_no LIKE ?').get('T/%')).toEqual({ n: 0 });
  });
});
