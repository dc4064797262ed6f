import { paiseToRupees, sumPaise } from '../../../engine/money';
import { type ExportFormat, firstRows, type OutFile } from '../format';
import {
  claimCells,
  claimHeader,
  payoutColumn,
  type Statement,
  statementCells,
  statementHeader,
  statementHtml,
  statementRows,
  statementsFor,
} from '../statement';
import { cellAmount, moneyFormat, xlsxBytes } from '../xlsx-file';
import { runCaption } from './register';

/**
 * A payee code as a file name on every system: anything but letters, digits, dot, dash and
 * underscore becomes _, and no more than 100 characters of it (a file system takes 255 bytes of
 * a name); names that would be the same, whatever their case, are numbered.
 */
function fileNames(codes: readonly string[]): string[] {
  const used = new Set<string>();
  return codes.map((code) => {
    const base = code.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 100) || 'payee';
    let name = base;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base}-${n}`;
    used.add(name.toLowerCase());
    return name;
  });
}

/** A statement page with a line, hidden in print, that says how to make its PDF. */
const printableHtml = (html: string) =>
  html
    .replace('</style>', '  @media print { .how-to-print { display: none; } }\n</style>')
    .replace(
      /<body([^>]*)>/,
      '<body$1>\n<p class="how-to-print">Press Ctrl+P (⌘P on a Mac) and choose “Save as PDF” to keep this statement as a PDF.</p>',
    );

/**
 * One statement per payee, in a folder of their own: an xlsx everywhere, and a PDF where a
 * printer is at hand (the desktop app prints the statement's HTML with Chromium's print-to-PDF).
 */
export const statements: ExportFormat = {
  label: 'Distributor statements (Excel, PDF in the desktop app)',
  postsToParties: false,
  description:
    'One statement per payee: each scheme’s measure, target, achievement, slab, payout and the near-miss to the next slab.',
  plan(input) {
    const { run } = input;
    const all = statementsFor(input.lines, input.claims);
    const names = fileNames(all.map((s) => s.payee));
    const format = moneyFormat(run.currency, run.locale);
    const caption = runCaption(input);
    const company = input.profile.companyName;
    const stamp = new Date(run.approvedAt ?? `${run.to}T00:00:00Z`);
    const workbook = (statement: Statement) => () =>
      xlsxBytes(stamp, (book) => {
        const sheet = book.addSheet('Statement', {
          gridLines: false,
          widths: [14, 30, 10, 18, 18, 12, 12, 18, 52, 40],
        });
        sheet.addRow(['Scheme payout statement'], { font: { bold: true, size: 14 } });
        if (company) sheet.addRow([company]);
        sheet.addRow(
          [`${statement.payeeName} (${statement.payee})${statement.region ? `, ${statement.region}` : ''}`],
          {
            font: { bold: true },
          },
        );
        sheet.addRow([caption], { font: input.draft ? { bold: true, color: 'FFC00000' } : { italic: true } });
        sheet.addRow([]);
        sheet.addRow([...statementHeader], { font: { bold: true } });
        const formats = { [payoutColumn]: format };
        for (const r of statementRows(statement, run)) sheet.addRow(statementCells(r, cellAmount), { formats });
        sheet.addRow(
          statementHeader.map((_, i) => (i === 0 ? 'Total' : i === payoutColumn ? cellAmount(statement.total) : null)),
          { font: { bold: true }, formats },
        );
        if (statement.claims.length > 0) {
          sheet.addRow([]);
          sheet.addRow(['Your claims'], { font: { bold: true } });
          sheet.addRow([...claimHeader], { font: { bold: true } });
          const claimFormats = { 1: format, 2: format, 3: format };
          for (const c of statement.claims)
            sheet.addRow(
              claimCells(c, (rupees) => Number(rupees)),
              { formats: claimFormats },
            );
        }
      });
    const { printPdf } = input;
    const files: OutFile[] = all.flatMap((statement, i) => {
      const name = `${input.base}/statement-${names[i]}`;
      const file = { rows: statement.lines.length, controlTotal: BigInt(statement.total) };
      const xlsx: OutFile = { name: `${name}.xlsx`, build: workbook(statement), ...file };
      if (!printPdf) {
        if (!input.printable) return [xlsx];
        const page = () => Promise.resolve(Buffer.from(printableHtml(statementHtml(statement, run, caption, company))));
        return [xlsx, { name: `${name}.html`, build: page, ...file }];
      }
      return [
        xlsx,
        { name: `${name}.pdf`, build: () => printPdf(statementHtml(statement, run, caption, company)), ...file },
      ];
    });
    return {
      files,
      preview: {
        columns: ['Payee code', 'Payee', ...statementHeader],
        rows: firstRows(all, (s) =>
          statementRows(s, run).map((r) => [s.payee, s.payeeName, ...statementCells(r, paiseToRupees)]),
        ),
      },
      controlTotal: sumPaise(all, (s) => s.total),
    };
  },
};
