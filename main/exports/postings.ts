import { paiseToRupees, sumPaise } from '../../engine/money';
import { formatMoney } from '../format/numbers';
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

/** Payees that would be posted to one party ledger: money would land on the wrong distributor. */
export class PartyClashError extends Error {
  constructor(readonly clashes: readonly string[]) {
    super(
      `${clashes.join('; ')}. Their money would land on one ledger: name parties by code in the export profile, or give each distributor its ledger_name in the distributors master. Nothing was written.`,
    );
    this.name = 'PartyClashError';
  }
}

/** The payee as the accounting system knows it, by the profile's choice. */
function partyOf(line: ExportLine, profile: ExportProfile): { party: string; chosen: boolean } {
  if (profile.partyBy === 'code') return { party: line.payee, chosen: true };
  if (profile.partyBy === 'ledger_name' && line.ledgerName) return { party: line.ledgerName, chosen: true };
  return { party: line.payeeName, chosen: false };
}

/**
 * Parties shared by two or more payees ("D017 and D042 would both post to ledger 'Sharma
 * Traders'"). Codes are unique, and ledger names given in the master are the user's own choice;
 * a party that falls back to the payee's name must belong to that payee alone.
 */
export function partyClashes(lines: readonly ExportLine[], profile: ExportProfile): string[] {
  const payeesOf = new Map<string, { party: string; chosen: boolean; payees: Set<string> }>();
  for (const line of lines) {
    const { party, chosen } = partyOf(line, profile);
    const key = party.trim().toLowerCase();
    const known = payeesOf.get(key) ?? { party, chosen: true, payees: new Set<string>() };
    known.payees.add(line.payee);
    known.chosen &&= chosen;
    payeesOf.set(key, known);
  }
  return [...payeesOf.values()]
    .filter((p) => p.payees.size > 1 && !p.chosen)
    .map((p) => `${[...p.payees].sort().join(' and ')} would all post to the party ledger "${p.party}"`);
}

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
    const first = own[0] as ExportLine;
    const payeeName = first.payeeName;
    const { party } = partyOf(first, profile);
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
  const posted = sumPaise(vouchers, (v) => v.net);
  const money = (paise: bigint) => formatMoney(paiseToRupees(paise), run.currency, run.locale);
  if (posted !== run.total) {
    throw new ControlTotalError(
      `The vouchers of run ${run.id} add up to ${money(posted)} but the run pays ${money(run.total)}; nothing was written`,
    );
  }
  return vouchers;
}
