import type { SchemeInsights } from '../../../main/insights/scheme';

/** What the sales after the scheme say against those before it, in words. */
export function dipNote(
  dip: SchemeInsights['dip'],
  money: (amount: string) => string,
  pct: (p: string) => string,
): string {
  if (!dip.after.data) return 'No sales after the scheme yet: the dip is measured once they are imported.';
  // Net of returns: a fall of more than the whole of what was sold before is returns outweighing sales.
  if (dip.after.sales.startsWith('-'))
    return `After the scheme returns of its products outweighed their sales: ${money(dip.after.sales)} net, against ${money(dip.before.sales)} before it.`;
  if (dip.changePct === null) return 'Nothing was sold before the scheme, net of returns, to compare with.';
  const fell = dip.changePct.startsWith('-');
  return `After the scheme its products sold ${pct(dip.changePct.replace('-', ''))} ${fell ? 'less' : 'more'} than before it.`;
}
