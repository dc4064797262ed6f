import { Exact, paiseToRupees } from '../../engine/money';
import type { ClaimLine } from '../controls/claims';
import {
  type Decimal,
  formatAchievement,
  formatMoney,
  formatSlab,
  numberFormat,
  type SlabUnit,
} from '../format/numbers';
import { nearMissText } from './near-miss';
import type { ExportLine, RunForExport } from './payouts';

/** One distributor's statement: each scheme's measure, target, achievement, slab, payout and near-miss. */
export interface Statement {
  payee: string;
  payeeName: string;
  region: string;
  /** The payee's lines in the run's order; `statementRows` words them as the statement shows them. */
  lines: ExportLine[];
  /** Paise. */
  total: number;
  /** The payee's own claims against the run, each beside what it is paid and why they differ. */
  claims: ClaimLine[];
}

export interface StatementRow {
  scheme: string;
  schemeName: string;
  line: 'Payout' | 'Clawback';
  measure: string;
  target: string;
  achievement: string;
  slab: string;
  /** Paise, as paid (overrides included). */
  payout: number;
  nextSlab: string;
  note: string;
}

function quantityText(value: string | null, unit: string, run: RunForExport): string {
  if (value === null || value === '') return '';
  if (unit === 'money') return formatMoney(new Exact(value).toDecimalPlaces(2).toFixed(2), run.currency, run.locale);
  return numberFormat(run.locale, { maximumFractionDigits: 2 }).format(value as Decimal);
}

/**
 * The run's statements, one per payee, holding their lines as they are: each is worded
 * (`statementRows`) only when its file is built, so the words of 2,000 statements are not all
 * held at once while the files are written.
 */
export function statementsFor(lines: readonly ExportLine[], claims: readonly ClaimLine[] = []): Statement[] {
  const byPayee = new Map<string, Statement>();
  for (const line of lines) {
    let s = byPayee.get(line.payee);
    if (!s) {
      s = {
        payee: line.payee,
        payeeName: line.payeeName,
        region: line.region,
        lines: [],
        total: 0,
        claims: claims.filter((c) => c.payee === line.payee),
      };
      byPayee.set(line.payee, s);
    }
    s.lines.push(line);
    s.total += line.payable;
  }
  return [...byPayee.values()];
}

/** A statement's lines as it shows them: amounts, slabs and the near-miss in the run's currency and locale. */
export function statementRows(statement: Statement, run: RunForExport): StatementRow[] {
  return statement.lines.map((line) => ({
    scheme: line.scheme,
    schemeName: line.schemeName,
    line: line.kind === 'clawback' ? 'Clawback' : 'Payout',
    measure: quantityText(line.measure, line.unit, run),
    target: quantityText(line.target, line.unit, run),
    achievement: formatAchievement(line.achievement, run.locale),
    slab: formatSlab(line.slab, line.slabUnit ?? (line.unit as SlabUnit), run.currency, run.locale),
    payout: line.payable,
    nextSlab: line.nearMiss ? nearMissText(line.nearMiss, line.unit, run.currency, run.locale) : '',
    note:
      line.override === null
        ? ''
        : `Adjusted from ${formatMoney(paiseToRupees(line.calculated), run.currency, run.locale)}: ${line.overrideReason ?? ''}`,
  }));
}

export const statementHeader = [
  'Scheme',
  'Scheme name',
  'Line',
  'Measure',
  'Target',
  'Achievement',
  'Slab',
  'Payout',
  'To the next slab',
  'Note',
] as const;
/** Where Payout sits in `statementHeader`. */
export const payoutColumn = statementHeader.indexOf('Payout');

/** A statement row's cells in `statementHeader` order; the writer says how the payout (paise) is written. */
export function statementCells<M>(r: StatementRow, money: (paise: number) => M): (string | M)[] {
  return [
    r.scheme,
    r.schemeName,
    r.line,
    r.measure,
    r.target,
    r.achievement,
    r.slab,
    money(r.payout),
    r.nextSlab,
    r.note,
  ];
}

/** The reconciliation of a payee's claims, as its statement shows it. */
export const claimHeader = ['Scheme', 'Claimed', 'Paid', 'Difference', 'Why'] as const;
export function claimCells<M>(c: ClaimLine, money: (rupees: string) => M): (string | M)[] {
  return [
    c.scheme,
    money(c.claimed),
    money(c.computed ?? '0.00'),
    money(c.difference),
    `${c.verdict}: ${c.explanation}`,
  ];
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/**
 * The statement as a self-contained, printable HTML page (no scripts, no external resources):
 * what the desktop app prints to PDF, and what a browser prints from the Exports screen.
 */
export function statementHtml(statement: Statement, run: RunForExport, caption: string, company: string): string {
  const money = (paise: number) => escapeHtml(formatMoney(paiseToRupees(paise), run.currency, run.locale));
  const rows = statementRows(statement, run)
    .map(
      (r) =>
        `<tr><td>${escapeHtml(r.scheme)}</td><td>${escapeHtml(r.schemeName)}</td><td>${r.line}</td>` +
        `<td class="n">${escapeHtml(r.measure)}</td><td class="n">${escapeHtml(r.target)}</td>` +
        `<td class="n">${escapeHtml(r.achievement)}</td><td>${escapeHtml(r.slab)}</td>` +
        `<td class="n">${money(r.payout)}</td><td>${escapeHtml(r.nextSlab)}</td><td>${escapeHtml(r.note)}</td></tr>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="${escapeHtml(run.locale)}"><head><meta charset="utf-8">
<title>Statement ${escapeHtml(statement.payee)} — run ${run.id}</title>
<style>
  @page { size: A4 landscape; margin: 14mm; }
  body { font: 10pt system-ui, sans-serif; color: #1d2733; }
  h1 { font-size: 16pt; margin: 0 0 2mm; }
  .caption { color: ${caption.startsWith('DRAFT') ? '#b00020; font-weight: 700' : '#536170'}; margin-bottom: 5mm; }
  table { border-collapse: collapse; width: 100%; }
  th, td { border-bottom: 1px solid #d5dbe1; padding: 1.6mm 2mm; text-align: left; vertical-align: top; }
  th { background: #eef2f5; }
  td.n, th.n { text-align: right; white-space: nowrap; }
  tfoot td { font-weight: 700; border-top: 2px solid #1d2733; }
</style></head>
<body>
<h1>Scheme payout statement</h1>
<div>${escapeHtml(company)}</div>
<p><strong>${escapeHtml(statement.payeeName)}</strong> (${escapeHtml(statement.payee)})${statement.region ? `, ${escapeHtml(statement.region)}` : ''}</p>
<p class="caption">${escapeHtml(caption)}</p>
<table>
<thead><tr>${statementHeader.map((h) => `<th${['Measure', 'Target', 'Achievement', 'Payout'].includes(h) ? ' class="n"' : ''}>${h}</th>`).join('')}</tr></thead>
<tbody>
${rows}
</tbody>
<tfoot><tr><td colspan="7">Total</td><td class="n">${money(statement.total)}</td><td colspan="2"></td></tr></tfoot>
</table>
${
  statement.claims.length === 0
    ? ''
    : `<h2>Your claims</h2>
<table>
<thead><tr>${claimHeader.map((h) => `<th${h === 'Scheme' || h === 'Why' ? '' : ' class="n"'}>${h}</th>`).join('')}</tr></thead>
<tbody>
${statement.claims
  .map((c) => {
    const [scheme, ...rest] = claimCells(c, (rupees) => escapeHtml(formatMoney(rupees, run.currency, run.locale)));
    const why = rest.pop();
    return `<tr><td>${escapeHtml(String(scheme))}</td>${rest.map((m) => `<td class="n">${m}</td>`).join('')}<td>${escapeHtml(String(why))}</td></tr>`;
  })
  .join('\n')}
</tbody>
</table>`
}
</body></html>
`;
}
