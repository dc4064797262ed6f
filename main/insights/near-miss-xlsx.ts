import { writeFileSync } from 'node:fs';
import { XlsxWriter } from '../files/xlsx-writer';
import type { SchemeInsights } from './scheme';

/** The near-miss list as a workbook for the sales team: who is close to the next slab, and what it would pay. */
export async function writeNearMisses(path: string, insights: SchemeInsights): Promise<void> {
  const workbook = new XlsxWriter(new Date());
  const sheet = workbook.addSheet('Near misses', { widths: [14, 18, 18, 14, 18], frozen: { rows: 2, columns: 1 } });
  sheet.addRow([`${insights.scheme} — ${insights.name}, ${insights.period.from} to ${insights.period.to}`], {
    font: { bold: true },
  });
  sheet.addRow(['Payee', 'Measure', 'Still needed', 'Needed %', 'Would pay'], { font: { bold: true } });
  const formats = { 1: '#,##0.00', 2: '#,##0.00', 3: '0.00', 4: '#,##0.00' };
  for (const m of insights.nearMisses)
    sheet.addRow([m.payee, Number(m.measure), Number(m.needed), Number(m.neededPct), Number(m.wouldPay)], { formats });
  sheet.autoFilter(2, 5);
  writeFileSync(path, await workbook.bytes());
}
