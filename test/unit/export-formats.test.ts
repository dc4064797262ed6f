import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { create } from 'xmlbuilder2';
import { type ExportPlan, previewRows } from '../../main/exports/format';
import { type ExportFormatId, exportFormatIds, exportFormats } from '../../main/exports/formats';
import { ControlTotalError, vouchersFor } from '../../main/exports/postings';
import { exportProfileSchema } from '../../main/exports/profiles';
import { csvFile, draftMark, fillTemplate, formatDay } from '../../main/exports/text';
import { safeCell } from '../../main/format/cell-text';
import { goldenInput, goldenLines, goldenProfile, goldenRun } from '../support/export-input';
import { tempDirPerTest } from '../support/temp';

/**
 * Golden files: each format's output for the hand-written run of support/export-input.ts,
 * compared byte for byte (text formats) or cell for cell (xlsx). Regenerate after a deliberate
 * change with UPDATE_GOLDEN=1 and read the diff before committing it.
 */
const goldenDir = join(import.meta.dirname, '..', 'golden', 'exports');

async function cellsOf(content: Buffer): Promise<Record<string, unknown[][]>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(content as unknown as ArrayBuffer);
  const sheets: Record<string, unknown[][]> = {};
  for (const sheet of workbook.worksheets) {
    const rows: unknown[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row) => {
      rows.push(
        (row.values as unknown[]).slice(1).map((v) => (v && typeof v === 'object' && 'formula' in v ? v : (v ?? null))),
      );
    });
    sheets[sheet.name] = rows;
  }
  return sheets;
}

/** Every file of a plan, built. */
const built = (plan: ExportPlan) =>
  Promise.all(plan.files.map(async (file) => ({ name: file.name, content: await file.build() })));

async function comparable(file: { name: string; content: Buffer }): Promise<string> {
  if (file.name.endsWith('.xlsx')) return `${JSON.stringify(await cellsOf(file.content), null, 1)}\n`;
  return file.content.toString('utf8');
}

function golden(name: string, actual: string) {
  const path = join(goldenDir, name.replace(/\//g, '__') + (name.endsWith('.xlsx') ? '.json' : ''));
  if (process.env.UPDATE_GOLDEN) writeFileSync(path, actual);
  expect(existsSync(path), `golden file ${path} (write it with UPDATE_GOLDEN=1)`).toBe(true);
  expect(actual).toBe(readFileSync(path, 'utf8'));
}

const plan = (id: ExportFormatId, draft = false) => exportFormats[id].plan(goldenInput(id, draft));
/** Zoho refuses the golden run (a payee owes money back): it has a test of its own. */
const balancedFormats = exportFormatIds.filter((id) => id !== 'zoho');

describe('every export format against its golden file', () => {
  for (const id of balancedFormats) {
    it(`${id} writes exactly the golden content, and its control total is the run's`, async () => {
      const planned = plan(id);
      expect(planned.controlTotal).toBe(goldenRun.total);
      for (const file of await built(planned)) golden(file.name, await comparable(file));
      expect(planned.preview.rows.length).toBeGreaterThan(0);
    });
  }

  it('zoho refuses a negative credit note, naming the payee; without it the file matches its golden', async () => {
    expect(() => plan('zoho')).toThrow(/D002 \(-150\.00\)/);
    const lines = goldenLines.filter((l) => l.payee !== 'D002');
    const run = { ...goldenRun, total: 1234567n + 45000n };
    const planned = exportFormats.zoho.plan({
      ...goldenInput('zoho'),
      run,
      lines,
      vouchers: vouchersFor(run, lines, goldenProfile, false),
    });
    expect(planned?.files).toHaveLength(1);
    for (const file of await built(planned as ExportPlan)) golden(file.name, await comparable(file));
  });

  it('writes the same bytes every time (xlsx included), so an export can be checked by its hash', async () => {
    const bytes = () =>
      Promise.all(
        balancedFormats.map(async (id) => (await built(plan(id))).map((file) => file.content.toString('base64'))),
      );
    const first = await bytes();
    await new Promise((r) => setTimeout(r, 2100)); // across a 2-second tick of the zip entries' MS-DOS times
    expect(await bytes()).toEqual(first);
  }, 30_000);

  it('marks every file of a draft as DRAFT — NOT APPROVED, in the file itself', async () => {
    for (const id of balancedFormats) {
      for (const file of await built(plan(id, true))) {
        const text = file.name.endsWith('.xlsx')
          ? JSON.stringify(await cellsOf(file.content))
          : file.content.toString();
        expect(text, `${id} ${file.name}`).toContain(draftMark);
        expect(file.name).toContain('DRAFT');
      }
    }
  });

  it('plans (and previews) without building a file: no workbook is written and no statement printed', () => {
    const printPdf = () => {
      throw new Error('printed while only planning');
    };
    const planned = exportFormats.statements.plan({ ...goldenInput('statements'), printPdf });
    // Three payees: an xlsx and a PDF each, none of them built yet.
    expect(planned?.files.map((f) => f.name)).toEqual(
      ['D001', 'D002', 'D003'].flatMap((p) => [
        `run-7-statements/statement-${p}.xlsx`,
        `run-7-statements/statement-${p}.pdf`,
      ]),
    );
    expect(planned?.preview.rows[0]?.slice(0, 3)).toEqual(['D001', 'Sharma & Sons <Wholesale>', 'VOL-1']);
  });

  it('names each statement file for its payee in a name every file system takes, one file per payee', () => {
    const codes = ['D/001', '../up', 'd001', 'D001', 'X'.repeat(300)];
    const lines = goldenLines.map((l, i) => ({ ...l, payee: codes[i] ?? l.payee }));
    const planned = exportFormats.statements.plan({ ...goldenInput('statements'), lines });
    expect(planned.files.map((f) => f.name)).toEqual([
      'run-7-statements/statement-D_001.xlsx',
      'run-7-statements/statement-.._up.xlsx',
      'run-7-statements/statement-d001.xlsx',
      'run-7-statements/statement-D001-2.xlsx',
      `run-7-statements/statement-${'X'.repeat(100)}.xlsx`,
    ]);
  });

  it('prints each statement with its own lines worded: scheme, slab, payout, the next slab, and the total', async () => {
    const input = { ...goldenInput('statements'), printable: true };
    const planned = exportFormats.statements.plan(input);
    const page = planned.files.find((f) => f.name === 'run-7-statements/statement-D001.html');
    if (!page) throw new Error('no printable statement for D001');
    const html = (await page.build()).toString('utf8');
    const own = input.lines.filter((l) => l.payee === 'D001');
    // One row per line of the payee's, none of another payee's, and the total of its lines.
    expect(html.match(/<tr><td>/g)).toHaveLength(own.length);
    for (const line of own) expect(html).toContain(`<td>${line.scheme}</td>`);
    expect(html).toContain('₹12,345.67');
    expect(html).toContain('which pays ₹30,000.00');
    // The golden D001's two lines: 12,345.67 + 450.00.
    expect(own.map((l) => l.payable)).toEqual([1234567, 45000]);
    expect(html).toContain('<tfoot><tr><td colspan="7">Total</td><td class="n">₹12,795.67</td>');
  });

  it('previews the first rows of the first statements, in order, past as many statements as that takes', () => {
    const input = goldenInput('statements');
    // 30 payees of the golden lines' shape: more statements than the preview has rows.
    const lines = Array.from({ length: 30 }, (_, i) =>
      input.lines.map((l) => ({ ...l, payee: `P${String(i).padStart(2, '0')}`, payeeName: `Payee ${i}` })),
    ).flat();
    const planned = exportFormats.statements.plan({ ...input, lines });
    const perPayee = input.lines.length;
    expect(planned.preview.rows).toHaveLength(previewRows);
    expect(planned.preview.rows.map((r) => r[0])).toEqual(
      Array.from({ length: previewRows }, (_, i) => `P${String(Math.floor(i / perPayee)).padStart(2, '0')}`),
    );
    expect(planned.preview.rows.map((r) => r[2])).toEqual(
      Array.from({ length: previewRows }, (_, i) => input.lines[i % perPayee]?.scheme),
    );
  });
});

describe('Tally XML', () => {
  it('balances every voucher to zero with Tally’s signs: debit ISDEEMEDPOSITIVE Yes and a negative AMOUNT', async () => {
    const [file] = await built(plan('tally-xml'));
    const xml = file?.content.toString() ?? '';
    // Read through xmlbuilder2's DOM, which decodes entity references as a parser does.
    const dom = create(xml).node as unknown as Document;
    const field = (e: Element, tag: string) => e.getElementsByTagName(tag)[0]?.textContent ?? '';
    const vouchers = [...dom.getElementsByTagName('VOUCHER')].map((v) => ({
      type: v.getAttribute('VCHTYPE'),
      party: field(v, 'PARTYLEDGERNAME'),
      entries: [...v.getElementsByTagName('ALLLEDGERENTRIES.LIST')].map((e) => ({
        ledger: field(e, 'LEDGERNAME'),
        deemedPositive: field(e, 'ISDEEMEDPOSITIVE'),
        amount: field(e, 'AMOUNT'),
      })),
    }));
    // D001 (credit note) and D002 (debit note); D003 is paid nothing and gets no voucher.
    expect(vouchers.map((v) => [v.type, v.party])).toEqual([
      ['Credit Note', 'Sharma & Sons <Wholesale>'],
      ['Debit Note', '=HYPERLINK("http://evil.example")'],
    ]);
    for (const v of vouchers) {
      const paise = v.entries.map((e) => Math.round(Number(e.amount) * 100));
      expect(paise.reduce((a, b) => a + b, 0)).toBe(0);
      for (const e of v.entries) expect(e.deemedPositive === 'Yes').toBe(Number(e.amount) < 0);
    }
    // The names with & < > are escaped in the file, not dropped.
    expect(xml).toContain('<PARTYLEDGERNAME>Sharma &amp; Sons &lt;Wholesale&gt;</PARTYLEDGERNAME>');
    // D001: Dr Trade Scheme Discount 12,345.67, Dr Outlet Incentive 450.00, Cr party 12,795.67.
    expect(vouchers[0]?.entries.map((e) => [e.ledger, e.amount])).toEqual([
      ['Trade Scheme Discount', '-12345.67'],
      ['Outlet Incentive', '-450.00'],
      ['Sharma & Sons <Wholesale>', '12795.67'],
    ]);
  });
});

describe('names and a profile typed with line breaks and control characters', () => {
  const tempDir = tempDirPerTest();
  // As an ERP master or a pasted profile may hold them: a name on two lines, a lone CR, a tab, a NUL.
  const names: Record<string, string> = {
    D001: 'Sharma\n& Sons\rWholesale',
    D002: 'Gupta\r\n "Ace" Traders\tand \u2028Co',
    D003: 'Rao\tAgencies',
  };
  const lines = goldenLines.map((l) => ({
    ...l,
    payeeName: names[l.payee] ?? l.payeeName,
    overrideReason: l.overrideReason === null ? null : 'Two dummy outlets\nremoved',
  }));
  const profile = { ...goldenProfile, companyName: 'Acme\u0000 Consumer\u0007 Products' };
  const input = (id: ExportFormatId) => ({
    ...goldenInput(id),
    lines,
    profile,
    vouchers: vouchersFor(goldenRun, lines, profile, false),
  });
  const physicalLines = (content: Buffer) => content.toString('utf8').split(/\r\n|\r|\n/).length;

  it('keeps every row of an accounting import file on one line, and SAP’s columns apart', async () => {
    const flat = balancedFormats.filter((id) =>
      /\.(csv|txt)$/.test(exportFormats[id].plan(input(id)).files[0]?.name ?? ''),
    );
    expect(flat).toEqual(expect.arrayContaining(['sap', 'quickbooks', 'erpnext', 'netsuite', 'business-central']));
    for (const id of flat.filter((f) => f !== 'csv')) {
      const files = await built(exportFormats[id].plan(input(id)));
      const plain = await built(plan(id));
      files.forEach((file, i) => {
        expect(physicalLines(file.content), `${id} ${file.name}`).toBe(
          physicalLines(plain[i]?.content ?? Buffer.alloc(0)),
        );
      });
      // The name is all there, on one line, in every file that names the payee.
      if (plain.some((f) => f.content.includes('Sharma')))
        expect(files.map((f) => f.content.toString('utf8')).join(''), id).toContain('Sharma & Sons');
    }
    // SAP's upload reads a line at a time and splits it at each tab: every row has the header's columns.
    const [sap] = await built(exportFormats.sap.plan(input('sap')));
    const sapRows = (sap?.content.toString('utf8') ?? '').trimEnd().split('\r\n');
    // Nor does it read quotes: a name's own are written as they are, never around or doubled.
    expect(sapRows.join('\n')).toContain('\tVOL-1 Gupta "Ace" Traders and Co');
    expect(sapRows.join('\n')).not.toContain('""');
    for (const row of sapRows) expect(row.split('\t')).toHaveLength(sapRows[0]?.split('\t').length ?? 0);
    // The register, which people open in Excel, keeps the reason's two lines in one quoted cell.
    const [register] = await built(exportFormats.csv.plan(input('csv')));
    const rows = parse(register?.content.toString('utf8') ?? '', { bom: true, relax_column_count: true }) as string[][];
    expect(rows.length).toBe(goldenLines.length + 3);
    expect(rows.flat()).toContain("'Two dummy outlets\nremoved");
  });

  it('writes Tally XML that an XML parser reads, without the control characters', async () => {
    const [file] = await built(exportFormats['tally-xml'].plan(input('tally-xml')));
    const path = join(tempDir(), 'tally.xml');
    writeFileSync(path, file?.content ?? '');
    expect(() => execFileSync('xmllint', ['--noout', path], { stdio: 'pipe' })).not.toThrow();
    expect(file?.content.toString('utf8')).toContain('<SVCURRENTCOMPANY>Acme Consumer Products</SVCURRENTCOMPANY>');
  });
});

describe('fields as long as the importing system defines them', () => {
  const withProfile = (id: ExportFormatId, changes: Record<string, unknown>, run = goldenRun) => {
    const profile = exportProfileSchema.parse({ ...goldenProfile, ...changes });
    return { ...goldenInput(id), run, profile, vouchers: vouchersFor(run, goldenLines, profile, false) };
  };
  const fields = (content: Buffer | undefined) =>
    (content?.toString('utf8') ?? '')
      .trimEnd()
      .split('\r\n')
      .slice(1)
      .map((row) => row.split('\t'));

  it('cuts SAP’s texts after escaping them, never inside a character', async () => {
    // A narration that starts like a formula (its apostrophe makes it one longer) and has an emoji
    // astride the 50th character.
    const narration = `=${'x'.repeat(47)}🎉 after the cut`;
    const [file] = await built(exportFormats.sap.plan(withProfile('sap', { narration })));
    const rows = fields(file?.content);
    const header = (file?.content.toString('utf8') ?? '').split('\r\n')[0]?.split('\t') ?? [];
    const sgtxt = header.indexOf('SGTXT');
    const partyTexts = rows.filter((r) => r[7] === '11' || r[7] === '01').map((r) => r[sgtxt] ?? '');
    expect(partyTexts.length).toBeGreaterThan(0);
    for (const text of partyTexts) {
      expect(text).toBe(`'=${'x'.repeat(47)}`);
      expect(text.length).toBeLessThanOrEqual(50);
    }
    for (const row of rows) for (const field of row) expect(field).not.toMatch(/[\ud800-\udfff]|\ufffd/);
    for (const row of rows) expect(row[header.indexOf('BKTXT')]?.length).toBeLessThanOrEqual(25);
  });

  it('refuses a key that does not fit its field, naming the field, the value and what to change', () => {
    const refused = (id: ExportFormatId, changes: Record<string, unknown>, run = goldenRun) =>
      expect(() => exportFormats[id].plan(withProfile(id, changes, run)));
    // SCHEMEDESK-7-0001 is 17 characters; SAP's reference holds 16 (cut, every document of the
    // run would share SCHEMEDESK-7-000).
    refused('sap', { documentPrefix: 'SCHEMEDESK' }).toThrow(
      /SAP takes at most 16 characters in "XBLNR", and "SCHEMEDESK-7-0001" has 17 \(and 1 more too long\): shorten the document prefix/,
    );
    refused('sap', { companyCode: 'ACME01' }).toThrow(/at most 4 characters in "BUKRS"/);
    // A ledger with no code is posted by its name, which is no SAP account number.
    refused('sap', { schemeAccounts: { 'MBO-1': { name: 'Outlet Incentive' } } }).toThrow(
      /at most 10 characters in "NEWKO", and "Outlet Incentive" has 16/,
    );
    refused('xero', { schemeAccounts: { 'MBO-1': { name: 'Outlet Incentive' } } }).toThrow(
      /Xero takes at most 10 characters in "\*AccountCode", and "Outlet Incentive" has 16/,
    );
    refused('business-central', { journalTemplate: 'GENERAL-LONG' }).toThrow(
      /Business Central takes at most 10 characters in "Journal Template Name"/,
    );
    refused('quickbooks', { documentPrefix: 'SCHEMEDESK' }, { ...goldenRun, id: 12345678 }).toThrow(
      /QuickBooks Online takes at most 21 characters in "Journal No\.", and "SCHEMEDESK-12345678-0001" has 24/,
    );
    // The same profiles with keys that fit are written.
    expect(() => exportFormats.sap.plan(withProfile('sap', { documentPrefix: 'SCHEMEDES' }))).not.toThrow();
    expect(() =>
      exportFormats.quickbooks.plan(withProfile('quickbooks', { documentPrefix: 'SCHEMEDESK' })),
    ).not.toThrow();
  });

  it('cuts Business Central’s description to its 100 characters', async () => {
    const narration = `Scheme payout ${'y'.repeat(150)}`;
    const [file] = await built(exportFormats['business-central'].plan(withProfile('business-central', { narration })));
    const rows = parse(file?.content.toString('utf8') ?? '', { columns: true }) as Record<string, string>[];
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.Description).toBe(narration.slice(0, 100));
  });
});

describe('export text helpers', () => {
  it('escapes cells that start like a formula, and leaves numbers (negative ones too) alone', () => {
    expect(safeCell('=1+2')).toBe("'=1+2");
    expect(safeCell('+91 98450')).toBe("'+91 98450");
    expect(safeCell('-x')).toBe("'-x");
    expect(safeCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(safeCell('\t=1')).toBe("'\t=1");
    // After leading spaces, a formula is still a formula; a line break may start one on its next line.
    expect(safeCell('  =HYPERLINK("x")')).toBe(`'  =HYPERLINK("x")`);
    expect(safeCell(' \r=1')).toBe("' \r=1");
    expect(safeCell('Sharma\n=cmd|calc')).toBe("'Sharma\n=cmd|calc");
    // Control characters never reach a file.
    expect(safeCell('Alpha\u0000 Traders\u001b[2J')).toBe('Alpha Traders[2J');
    expect(safeCell('-150.00')).toBe('-150.00');
    expect(safeCell('Sharma & Sons')).toBe('Sharma & Sons');
  });

  it('writes a CSV a batch of rows at a time that reads back as one file, its mark only at the start', () => {
    // 2,345 rows: two whole batches of a thousand and a part one, each with cells that need quoting.
    const rows = Array.from({ length: 2345 }, (_, i) => [
      `D${i}`,
      i % 7 === 0 ? '=HYPERLINK("x")' : `Sharma, "Sons" ${i}`,
      i % 5 === 0 ? null : `₹${i}.50`,
      i,
      i % 11 === 0 ? 'two\nlines' : '',
    ]);
    const file = csvFile(
      (function* () {
        yield* rows;
      })(),
      { bom: true },
    );
    const text = file.toString('utf8');
    expect(text.startsWith('\ufeffD0,')).toBe(true);
    expect(text.indexOf('\ufeff', 1)).toBe(-1);
    const read = parse(text, { bom: true, relax_column_count: true }) as string[][];
    expect(read).toEqual(rows.map((row) => row.map((cell) => (cell === null ? '' : safeCell(String(cell))))));
    expect(text.endsWith('2344,\r\n')).toBe(true);
    // Nothing in, nothing but the mark out.
    expect(csvFile([], { bom: true }).toString('utf8')).toBe('\ufeff');
    expect(csvFile([['a', 'b']], { delimiter: ';' }).toString('utf8')).toBe('a;b\r\n');
  });

  it('writes dates each way an accounting system asks for', () => {
    expect(formatDay('2026-10-31', 'YYYYMMDD')).toBe('20261031');
    expect(formatDay('2026-10-31', 'DD/MM/YYYY')).toBe('31/10/2026');
    expect(formatDay('2026-10-31', 'MM/DD/YYYY')).toBe('10/31/2026');
    expect(formatDay('2026-10-31', 'DD.MM.YYYY')).toBe('31.10.2026');
    expect(formatDay('2026-10-31', 'YYYY-MM-DD')).toBe('2026-10-31');
  });

  it('fills narration placeholders and leaves an unknown one visible', () => {
    expect(fillTemplate('Run {run} for {payee} {oops}', { run: 7, payee: 'D001' })).toBe('Run 7 for D001 {oops}');
  });

  it('refuses vouchers that do not add up to the run total', () => {
    expect(() => vouchersFor({ ...goldenRun, total: 1n }, goldenLines, goldenProfile, false)).toThrow(
      ControlTotalError,
    );
  });
});
