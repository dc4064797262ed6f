import type { ExportLine, RunForExport } from './payouts';
import type { Account, ExportProfile } from './profiles';
import { draftMark, fillTemplate } from './text';

/** One side of a voucher. `amount` is in paise: positive is a debit, negative a credit. */
export interface Entry {
  account: Account;
  /** Set on the party's own entry: the payee as the accounting system knows it. */
  party: string | null;
  amount: number;
  schemes: string[];
}

/**
 * One payee's document: the scheme discount ledgers debited, the party credited with what
 * the run pays it (a credit note). A payee whose clawbacks exceed its payouts gets the
 * mirror image (a debit note). The entries always add up to zero.
 */
export interface Voucher {
  number: string;
  date: string;
  payee: string;
  payeeName: string;
  party: string;
  /** Paise the run pays this payee (negative when it owes money back). */
  net: number;
  narration: string;
  entries: Entry[];
}

export class ControlTotalError extends Error {}

/** The vouchers of a run, one per payee with anything to post, numbered in payee order. */
export function vouchersFor(
  run: RunForExport,
  lines: readonly ExportLine[],
  profile: ExportProfile,
  draft: boolean,
): Voucher[] {
  const byPayee = new Map<string, ExportLine[]>();
  for (const line of lines) {
    const list = byPayee.get(line.payee);
    if (list) list.push(line);
    else byPayee.set(line.payee, [line]);
  }
  const vouchers: Voucher[] = [];
  for (const [payee, own] of byPayee) {
    const byAccount = new Map<string, Entry>();
    for (const line of own) {
      if (line.payable === 0) continue;
      const account = profile.schemeAccounts[line.scheme] ?? profile.discountAccount;
      const key = `${account.code}\u0000${account.name}`;
      const entry = byAccount.get(key) ?? { account, party: null, amount: 0, schemes: [] };
      entry.amount += line.payable;
      if (!entry.schemes.includes(line.scheme)) entry.schemes.push(line.scheme);
      byAccount.set(key, entry);
    }
    const ledgers = [...byAccount.values()].filter((e) => e.amount !== 0);
    if (ledgers.length === 0) continue;
    const net = ledgers.reduce((sum, e) => sum + e.amount, 0);
    const payeeName = own[0]?.payeeName ?? payee;
    const party = profile.partyBy === 'code' ? payee : payeeName;
    const schemes = [...new Set(own.filter((l) => l.payable !== 0).map((l) => l.scheme))];
    const number = `${profile.documentPrefix}-${run.id}-${String(vouchers.length + 1).padStart(4, '0')}`;
    const narration = fillTemplate(profile.narration, {
      run: run.id,
      from: run.from,
      to: run.to,
      payee,
      payeeName,
      schemes: schemes.join(', '),
      document: number,
    });
    const entries: Entry[] = [...ledgers];
    if (net !== 0) entries.push({ account: profile.receivableAccount, party, amount: -net, schemes });
    vouchers.push({
      number,
      date: run.to,
      payee,
      payeeName,
      party,
      net,
      narration: draft ? `${draftMark}: ${narration}` : narration,
      entries,
    });
  }
  const posted = vouchers.reduce((sum, v) => sum + v.net, 0);
  if (posted !== run.total) {
    throw new ControlTotalError(
      `The vouchers of run ${run.id} add up to ${posted} paise but the run pays ${run.total}; nothing was written`,
    );
  }
  return vouchers;
}
