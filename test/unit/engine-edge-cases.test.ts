import { describe, expect, it } from 'vitest';
import { calculateRun } from '../../engine/calculate';
import type { OutletFact, PaidFact, ReceivableFact, SaleFact } from '../../engine/facts';
import type { SchemeInput } from '../../engine/model';
import { firstDayRead, productsKey } from '../../engine/reach';
import { TargetRowsError } from '../../engine/targets';
import { facts, payee, plainProducts, sale, schemeOf } from '../support/facts';

/**
 * Golden tests for the edge cases of docs/schemes.md ("Edge cases"): each expected amount is
 * worked out by hand in the comment beside it.
 */
type Lines = ReturnType<typeof calculateRun>;
const line = (lines: Lines, payeeCode = 'D1', kind: 'payout' | 'clawback' = 'payout') => {
  const found = lines.find((l) => l.payee === payeeCode && l.kind === kind);
  if (!found) throw new Error(`no ${kind} line for ${payeeCode}`);
  return found;
};
const perCount = (rate: string, from = '0') => ({
  reward: { type: 'per_count' as const },
  slabs: { basis: 'measure' as const, mode: 'retro' as const, table: [{ from, to: null, rate }] },
});
const outlet = (code: string, extra: Partial<OutletFact> = {}): OutletFact => ({
  code,
  distributor: 'D1',
  channel: null,
  createdOn: '2024-01-01',
  ...extra,
});

describe('returns count against every counting measure', () => {
  it('an outlet that returned part of the bundle no longer has it', () => {
    // O1 bought P1 ₹100 and P2 ₹100, then returned the P2 (−₹100): P2 nets to 0, no bundle.
    // O2 bought both and kept them: 1 outlet × ₹250 = 250.00 (counting lines, O1 would make it 500.00).
    const f = facts({
      products: plainProducts('P1', 'P2'),
      sales: [
        sale('D1', '2026-10-02', 100, { outlet: 'O1', sku: 'P1' }),
        sale('D1', '2026-10-02', 100, { outlet: 'O1', sku: 'P2', docNo: 'INV-O1' }),
        sale('D1', '2026-10-09', -100, { outlet: 'O1', sku: 'P2', against: 'INV-O1' }),
        sale('D1', '2026-10-02', 100, { outlet: 'O2', sku: 'P1' }),
        sale('D1', '2026-10-02', 100, { outlet: 'O2', sku: 'P2' }),
      ],
    });
    const s = schemeOf({
      measure: { kind: 'upsell', mode: 'all' },
      products: { skus: ['P1', 'P2'], brands: [], categories: [] },
      ...perCount('250', '1'),
    });
    expect(line(calculateRun([s], f)).measure).toBe('1');
    expect(line(calculateRun([s], f)).final).toBe(25000);
  });

  it('a dormant outlet whose only line in the period is a return is not reactivated; one whose only line in the dormancy window is a return was dormant', () => {
    // 90 days dormancy before 1 Oct: 3 Jul – 30 Sep.
    // R1, R4: billed 15 Jun; in October only a return (−₹40) → net −40, not billed now → not reactivated.
    // R2: billed 15 Jun; in the dormancy window only a return (−₹50, 15 Aug) → net −50 there, so it was dormant;
    //     billed ₹100 in October → reactivated.
    // R3: billed 15 Jun and 10 Oct → reactivated.
    // 2 outlets × ₹300 = 600.00 (counting lines: R1 and R4 would count and R2 would not: 900.00).
    const f = facts({
      sales: [
        sale('D1', '2026-06-15', 100, { outlet: 'R1', docNo: 'R1-JUN' }),
        sale('D1', '2026-10-05', -40, { outlet: 'R1', against: 'R1-JUN' }),
        sale('D1', '2026-06-15', 100, { outlet: 'R4', docNo: 'R4-JUN' }),
        sale('D1', '2026-10-05', -40, { outlet: 'R4', against: 'R4-JUN' }),
        sale('D1', '2026-06-15', 100, { outlet: 'R2', docNo: 'R2-JUN' }),
        sale('D1', '2026-08-15', -50, { outlet: 'R2', against: 'R2-JUN' }),
        sale('D1', '2026-10-05', 100, { outlet: 'R2' }),
        sale('D1', '2026-06-15', 100, { outlet: 'R3' }),
        sale('D1', '2026-10-10', 100, { outlet: 'R3' }),
      ],
    });
    const s = schemeOf({ measure: { kind: 'reactivation', dormantDays: 90 }, ...perCount('300', '1') });
    const l = line(calculateRun([s], f));
    expect(l.measure).toBe('2');
    expect(l.final).toBe(60000);
  });

  it('counts billing before the lines a run reads, net of a return among them, as billing before the dormancy', () => {
    // The store's sums before the lines: R5 ₹500, R6 ₹300, R7 ₹200 of another distributor. R6's
    // ₹300 came back in June (a return among the lines): net nothing, never billed. All three buy
    // in October: R5 is reactivated (₹300), R6 and R7 are not (R7 was D2's).
    const all = productsKey(schemeOf({}));
    const f = facts({
      sales: [
        sale('D1', '2026-06-20', -300, { outlet: 'R6', against: 'OLD-R6' }),
        ...['R5', 'R6', 'R7'].map((outlet) => sale('D1', '2026-10-05', 100, { outlet })),
      ],
      billedBefore: [
        { products: all, distributor: 'D1', outlet: 'R5', net: 50000 },
        { products: all, distributor: 'D1', outlet: 'R6', net: 30000 },
        { products: all, distributor: 'D2', outlet: 'R7', net: 20000 },
      ],
    });
    const s = schemeOf({ measure: { kind: 'reactivation', dormantDays: 90 }, ...perCount('300', '1') });
    const l = line(calculateRun([s], f));
    expect([l.measure, l.final]).toEqual(['1', 30000]);
  });

  it('an outlet billed last month whose only line this month is a return is lost; the previous period of a calendar month is the previous calendar month', () => {
    // October (a calendar month): previous period 1–30 September.
    // N1, N2 created and billed in October: +2.
    // L1 billed in September; in October only a return → lost: −1.
    // A1 billed on 31 August only: outside September, so not lost (the previous 31 days, 31 Aug – 30 Sep, would count it).
    // K1 billed in both months: neither.
    // Net 2 − 1 = 1 × ₹500 = 500.00.
    const f = facts({
      outlets: [
        outlet('N1', { createdOn: '2026-10-03' }),
        outlet('N2', { createdOn: '2026-10-10' }),
        outlet('L1'),
        outlet('A1'),
        outlet('K1'),
      ],
      sales: [
        sale('D1', '2026-10-05', 100, { outlet: 'N1' }),
        sale('D1', '2026-10-12', 100, { outlet: 'N2' }),
        sale('D1', '2026-09-12', 100, { outlet: 'L1', docNo: 'L1-SEP' }),
        sale('D1', '2026-10-04', -100, { outlet: 'L1', against: 'L1-SEP' }),
        sale('D1', '2026-08-31', 100, { outlet: 'A1' }),
        sale('D1', '2026-09-12', 100, { outlet: 'K1' }),
        sale('D1', '2026-10-12', 100, { outlet: 'K1' }),
      ],
    });
    const s = schemeOf({ measure: { kind: 'net_channel_addition' }, ...perCount('500', '1') });
    const l = line(calculateRun([s], f));
    expect(l.measure).toBe('1');
    expect(l.final).toBe(50000);
    expect(l.explanation).toContain('from 2026-09-01 to 2026-09-30');
  });

  it('a new outlet is one billed for the first time, whatever day the master says it was opened, unless before the bills the workspace holds', () => {
    // October; the workspace's bills to outlets begin on 1 June. F1 opened on 15 July and never
    // billed until now: new. F2 with no opening day in the master, first billed now: new. F3 opened
    // on 2 October by the master, but billed ₹400 by D1 before the lines a run reads (the store's
    // sum): not new. F4 billed in June, returned in full in July (net nothing): never billed, new
    // now. F5 opened in 2024, before the bills the workspace holds: its earlier bills are unknown,
    // not new. 3 new, none lost: 3 × ₹500 = 1,500.00.
    const all = productsKey(schemeOf({}));
    const f = facts({
      outlets: [
        outlet('F1', { createdOn: '2026-07-15' }),
        outlet('F2', { createdOn: null }),
        outlet('F3', { createdOn: '2026-10-02' }),
        outlet('F4', { createdOn: '2026-06-01' }),
        outlet('F5'),
      ],
      sales: [
        sale('D1', '2026-06-10', 100, { outlet: 'F4', docNo: 'F4-JUN' }),
        sale('D1', '2026-07-10', -100, { outlet: 'F4', against: 'F4-JUN' }),
        ...['F1', 'F2', 'F3', 'F4', 'F5'].map((o) => sale('D1', '2026-10-08', 100, { outlet: o })),
      ],
      billedBefore: [{ products: all, distributor: 'D1', outlet: 'F3', net: 40000 }],
      outletBillsSince: '2026-06-01',
    });
    const s = schemeOf({ measure: { kind: 'net_channel_addition' }, ...perCount('500', '1') });
    const l = line(calculateRun([s], f));
    expect([l.measure, l.final]).toEqual(['3', 150000]);
  });

  it('the previous period of any other span is the span of equal length before it', () => {
    // 5–19 October (15 days): previous period 20 September – 4 October. L1 billed 20 Sep, nothing now → lost;
    // L2 billed 19 Sep (outside) → not lost. N1 new and billed: +1. Net 1 − 1 = 0 → slab from 0 pays ₹500 × 0 = 0.00,
    // and the measure says 0.
    const f = facts({
      outlets: [outlet('N1', { createdOn: '2026-10-06' }), outlet('L1'), outlet('L2')],
      sales: [
        sale('D1', '2026-10-06', 100, { outlet: 'N1' }),
        sale('D1', '2026-09-20', 100, { outlet: 'L1' }),
        sale('D1', '2026-09-19', 100, { outlet: 'L2' }),
      ],
    });
    const s = schemeOf({
      period: { from: '2026-10-05', to: '2026-10-19' },
      measure: { kind: 'net_channel_addition' },
      ...perCount('500'),
    });
    const l = line(calculateRun([s], f));
    expect(l.measure).toBe('0');
    expect(l.explanation).toContain('from 2026-09-20 to 2026-10-04');
  });

  it('an outlet whose invoice was fully returned is not billed, even with no minimum', () => {
    // O1: ₹100 invoiced and ₹100 returned → net 0, not billed. O2 ₹50 → billed. 1 outlet × ₹100 = 100.00.
    const f = facts({
      sales: [
        sale('D1', '2026-10-02', 100, { outlet: 'O1', docNo: 'INV-O1' }),
        sale('D1', '2026-10-03', -100, { outlet: 'O1', against: 'INV-O1' }),
        sale('D1', '2026-10-02', 50, { outlet: 'O2' }),
      ],
    });
    const s = schemeOf({ measure: { kind: 'billed_outlets', minBillValue: '0' }, ...perCount('100') });
    expect(line(calculateRun([s], f)).final).toBe(10000);
  });
});

describe('goods given free are no sale', () => {
  it('a quantity measure counts no units of a line billed at nothing, nor of its return', () => {
    // 10 billed for ₹100 and 2 given free on a line of ₹0; 5 billed for ₹50; 1 of the free goods
    // returned on a credit note of ₹0. Units sold: 10 + 5 = 15 × ₹4 = 60.00 (counting every line,
    // 10 + 2 + 5 − 1 = 16 would pay 64.00); the trace says 1 unit on 2 lines was left out.
    const f = facts({
      sales: [
        sale('D1', '2026-10-02', 100, { qty: 10 }),
        sale('D1', '2026-10-02', 0, { qty: 2 }),
        sale('D1', '2026-10-03', 50, { qty: 5 }),
        sale('D1', '2026-10-09', 0, { qty: -1 }),
      ],
    });
    const s = schemeOf({
      measure: { kind: 'product_volume', basis: 'qty' },
      reward: { type: 'per_unit' },
      slabs: { basis: 'measure', mode: 'retro', table: [{ from: '0', to: null, rate: '4' }] },
    });
    const paid = line(calculateRun([s], f));
    expect(paid.measure).toBe('15');
    expect(paid.computed).toBe(6000);
    expect(paid.explanation).toContain(
      '15 units net of returns; 1 unit on 2 lines billed at nothing (given free) not counted',
    );
    expect(paid.sources.ids).toHaveLength(2);
  });
});

describe('billed channels: a minimum value, a minimum number of billed outlets, or both', () => {
  const channelFacts = facts({
    outlets: [
      outlet('G1', { channel: 'Grocery' }),
      outlet('G2', { channel: 'Grocery' }),
      outlet('C1', { channel: 'Chemist' }),
      outlet('C2', { channel: 'Chemist' }),
    ],
    sales: [
      sale('D1', '2026-10-02', 300, { outlet: 'G1' }),
      sale('D1', '2026-10-02', 400, { outlet: 'G2' }),
      sale('D1', '2026-10-02', 500, { outlet: 'C1' }),
      sale('D1', '2026-10-02', 200, { outlet: 'C2', docNo: 'INV-C2' }),
      sale('D1', '2026-10-09', -200, { outlet: 'C2', against: 'INV-C2' }),
    ],
  });
  const channels = (measure: Extract<SchemeInput['measure'], { kind: 'billed_channels' }>) =>
    schemeOf({
      measure,
      reward: { type: 'flat' },
      slabs: {
        basis: 'measure',
        mode: 'retro',
        table: [
          { from: '1', to: '2', rate: '1000' },
          { from: '2', to: null, rate: '2500' },
        ],
      },
    });

  it('counts a channel that reaches either of its minimums', () => {
    // Grocery: ₹700 < ₹1,000, but 2 billed outlets ≥ 2 ✓. Chemist: C2 returned everything, so 1 billed outlet < 2 ✗.
    // 1 channel → slab 1–2 pays flat ₹1,000.00.
    const s = channels({
      kind: 'billed_channels',
      minimums: { Grocery: '1000' },
      minOutlets: { Grocery: 2, Chemist: 2 },
    });
    expect(line(calculateRun([s], channelFacts)).final).toBe(100000);
  });

  it('or only when it reaches both, when the scheme says so', () => {
    // Grocery reaches 2 outlets but not ₹1,000 → ✗; Chemist 1 outlet ✗ → 0 channels → below the first slab → 0.00.
    const s = channels({
      kind: 'billed_channels',
      minimums: { Grocery: '1000' },
      minOutlets: { Grocery: 2, Chemist: 2 },
      require: 'both',
    });
    expect(line(calculateRun([s], channelFacts)).final).toBe(0);
  });
});

describe('early payment pays on the invoice, never on more', () => {
  // Primary invoices of D1 (1% of the invoice, N = 10 days):
  //   INV-A ₹10,000 on 1 Oct, one receipt of ₹12,000 on 5 Oct (over-payment)           → base ₹10,000
  //   INV-B ₹10,000 on 2 Oct, ₹6,000 on 5 Oct and ₹4,000 on 20 Oct (after 12 Oct)         → full_only 0; pro_rata ₹6,000
  //   INV-C ₹5,000 on 3 Oct, paid in advance on 30 Sep (before the invoice: on time)      → ₹5,000
  //   INV-D ₹8,000 on 28 Sep (last period's invoice), paid 2 Oct                          → not this period's: 0
  //   INV-E ₹4,000 on 30 Oct, paid 5 Nov (6 days; the receipt falls after the period)     → ₹4,000
  //   INV-F ₹3,000 and INV-G ₹2,000 on 6 Oct, one receipt of ₹5,000 against INV-F on 7 Oct → INV-F ₹3,000; INV-G 0
  // full_only: 10,000 + 5,000 + 4,000 + 3,000 = 22,000 × 1% = 220.00
  // pro_rata:  22,000 + 6,000 = 28,000 × 1% = 280.00
  const primary = (date: string, rupees: number, docNo: string) => sale('D1', date, rupees, { docNo, outlet: null });
  const receipt = (id: number, date: string, rupees: number, against: string) => ({
    id,
    date,
    distributor: 'D1',
    amount: rupees * 100,
    against,
  });
  const f = facts({
    sales: [
      primary('2026-10-01', 10000, 'INV-A'),
      primary('2026-10-02', 10000, 'INV-B'),
      primary('2026-10-03', 5000, 'INV-C'),
      primary('2026-09-28', 8000, 'INV-D'),
      primary('2026-10-30', 4000, 'INV-E'),
      primary('2026-10-06', 3000, 'INV-F'),
      primary('2026-10-06', 2000, 'INV-G'),
    ],
    payments: [
      receipt(1, '2026-10-05', 12000, 'INV-A'),
      receipt(2, '2026-10-05', 6000, 'INV-B'),
      receipt(3, '2026-10-20', 4000, 'INV-B'),
      receipt(4, '2026-09-30', 5000, 'INV-C'),
      receipt(5, '2026-10-02', 8000, 'INV-D'),
      receipt(6, '2026-11-05', 4000, 'INV-E'),
      receipt(7, '2026-10-07', 5000, 'INV-F'),
    ],
  });
  const early = (partPayments: 'full_only' | 'pro_rata') =>
    schemeOf({
      measure: { kind: 'early_payment', withinDays: 10, partPayments },
      salesSource: 'primary',
      reward: { type: 'percent_of_invoice' },
    });

  it('by default pays only invoices settled in full within N days', () => {
    const l = line(calculateRun([early('full_only')], f));
    expect(l.measure).toBe('22000');
    expect(l.final).toBe(22000);
    expect(l.sources).toEqual({ table: 'payments', ids: Float64Array.from([1, 4, 6, 7]) });
  });

  it('pro rata pays on the part received within N days', () => {
    const l = line(calculateRun([early('pro_rata')], f));
    expect(l.measure).toBe('28000');
    expect(l.final).toBe(28000);
  });

  it('an invoice partly returned is settled in full by what is left to pay', () => {
    // INV-H ₹10,000 on 1 Oct, ₹2,000 returned against it on 4 Oct: ₹8,000 due; ₹8,000 paid on 9 Oct → 1% × 8,000 = 80.00
    const g = facts({
      sales: [
        primary('2026-10-01', 10000, 'INV-H'),
        sale('D1', '2026-10-04', -2000, { outlet: null, against: 'INV-H' }),
      ],
      payments: [receipt(1, '2026-10-09', 8000, 'INV-H')],
    });
    expect(line(calculateRun([early('full_only')], g)).final).toBe(8000);
  });

  it('a receipt dated before an invoice paid an earlier invoice of its number, not this one in advance', () => {
    // INV-1 ₹10,000 on 5 Oct 2026; a receipt of ₹10,000 against INV-1 on 20 Oct 2025. Without an
    // earlier INV-1 it was paid in advance (1% = 100.00); beside last year's INV-1 (numbers
    // restart every financial year) it paid that one, and this one is unpaid.
    const withPrevious = (previous: string | null) =>
      facts({
        sales: [primary('2026-10-05', 10000, 'INV-1')],
        invoices: [{ distributor: 'D1', docNo: 'INV-1', date: '2026-10-05', amount: 1_000_000, returned: 0, previous }],
        payments: [receipt(1, '2025-10-20', 10000, 'INV-1')],
      });
    expect(line(calculateRun([early('full_only')], withPrevious(null))).final).toBe(10000);
    expect(line(calculateRun([early('full_only')], withPrevious('2025-10-05'))).final).toBe(0);
  });

  it('a cheque returned unpaid paid nothing, though it is reversed after the N days', () => {
    // INV-J ₹10,000 on 1 Oct, a cheque of ₹10,000 on 5 Oct, returned unpaid and reversed (−₹10,000)
    //   on 20 Oct, paid again on 25 Oct: not settled within 10 days → 0.
    // INV-K ₹5,000 on 1 Oct, paid ₹6,000 on 5 Oct, ₹1,000 refunded on 30 Oct: ₹5,000 on time → 50.00.
    // Counting only the receipts dated within the 10 days, INV-J was settled in full: 150.00.
    const g = facts({
      sales: [primary('2026-10-01', 10000, 'INV-J'), primary('2026-10-01', 5000, 'INV-K')],
      payments: [
        receipt(1, '2026-10-05', 10000, 'INV-J'),
        receipt(2, '2026-10-20', -10000, 'INV-J'),
        receipt(3, '2026-10-25', 10000, 'INV-J'),
        receipt(4, '2026-10-05', 6000, 'INV-K'),
        receipt(5, '2026-10-30', -1000, 'INV-K'),
      ],
    });
    const l = line(calculateRun([early('full_only')], g));
    expect(l.final).toBe(5000);
    expect(l.sources).toEqual({ table: 'payments', ids: Float64Array.from([4, 5]) });
    // Pro rata: INV-J received 10,000 − 10,000 = 0 within its days; INV-K 5,000 → 50.00.
    expect(line(calculateRun([early('pro_rata')], g)).final).toBe(5000);
  });
});

describe('ageing snapshots are the workspace’s reports, not each distributor’s', () => {
  let nextId = 1;
  const overdue = (asOf: string, distributor: string, rupees: number): ReceivableFact => ({
    id: nextId++,
    asOf,
    distributor,
    docNo: `B-${nextId}`,
    docDate: '2026-07-01',
    dueDate: '2026-08-01',
    outstanding: rupees * 100,
  });
  const rod = schemeOf({
    measure: { kind: 'outstanding_reduction' },
    slabs: { basis: 'measure', mode: 'retro', table: [{ from: '0', to: null, rate: '2' }] },
  });
  const three = [payee('D1'), payee('D2'), payee('D3')];

  it('reads the reports dated at the period’s edges; a distributor absent from one owed nothing that day', () => {
    // Reports on 30 Sep (latest on or before 1 Oct) and 31 Oct.
    // D1: ₹50,000 overdue → ₹20,000: reduced by 30,000 × 2% = 600.00
    // D2: ₹40,000 overdue on 30 Sep, absent on 31 Oct (collected everything): reduced by 40,000 × 2% = 800.00
    // D3: absent on 30 Sep, ₹10,000 overdue on 31 Oct: an increase, pays 0.00
    const f = facts({
      payees: three,
      receivables: [
        overdue('2026-09-30', 'D1', 50000),
        overdue('2026-09-30', 'D2', 40000),
        overdue('2026-10-31', 'D1', 20000),
        overdue('2026-10-31', 'D3', 10000),
      ],
    });
    const lines = calculateRun([rod], f);
    expect([line(lines, 'D1').final, line(lines, 'D2').final, line(lines, 'D3').final]).toEqual([60000, 80000, 0]);
    expect(line(lines, 'D3').measure).toBe('-10000');
  });

  it('counts a day whose credits exceed its overdue bills as nothing overdue, never below nothing', () => {
    // D1: ₹50,000 overdue on 30 Sep; on 31 Oct its bill still owes ₹10,000 beside an advance of
    // ₹30,000 (a credit with a due date past): −20,000 is nothing overdue, so 50,000 came down,
    // × 2% = 1,000.00 (counted below zero it came down by 70,000 and paid 1,400.00).
    // D2: credits only on 30 Sep (−₹5,000), ₹8,000 overdue on 31 Oct: up by 8,000, not 13,000.
    const f = facts({
      payees: [payee('D1'), payee('D2')],
      receivables: [
        overdue('2026-09-30', 'D1', 50000),
        overdue('2026-10-31', 'D1', 10000),
        overdue('2026-10-31', 'D1', -30000),
        overdue('2026-09-30', 'D2', -5000),
        overdue('2026-10-31', 'D2', 8000),
      ],
    });
    const lines = calculateRun([rod], f);
    expect([line(lines, 'D1').measure, line(lines, 'D1').final]).toEqual(['50000', 100000]);
    expect(line(lines, 'D1').explanation).toContain(
      'overdue ₹50000.00 on 2026-09-30, ₹0.00 on 2026-10-31 (its credits exceed its overdue bills by ₹20000.00: nothing overdue)',
    );
    expect([line(lines, 'D2').measure, line(lines, 'D2').final]).toEqual(['-8000', 0]);
  });

  it('pays nothing and says so when no report was imported near an edge of the period', () => {
    // Reports on 31 Aug and 31 Oct only: 31 Aug is a month before 1 Oct, so October has no opening report.
    // D1 would have reduced 50,000 → 20,000, but nothing is paid, and the run is told why.
    const f = facts({
      receivables: [overdue('2026-08-31', 'D1', 50000), overdue('2026-10-31', 'D1', 20000)],
    });
    const notices: string[] = [];
    const lines = calculateRun([rod], f, { onNotice: (_scheme, message) => notices.push(message) });
    expect(line(lines).final).toBe(0);
    expect(line(lines).explanation).toContain('no ageing report');
    expect(notices).toEqual([expect.stringContaining("near the period's start (2026-10-01)")]);
  });
});

describe('overdue reduction measured in days', () => {
  let nextId = 1000;
  const bill = (asOf: string, dueDate: string, rupees: number, distributor = 'D1'): ReceivableFact => ({
    id: nextId++,
    asOf,
    distributor,
    docNo: `B-${nextId}`,
    docDate: '2026-06-01',
    dueDate,
    outstanding: rupees * 100,
  });
  const days = (reward: 'per_unit' | 'percent_of_value', rate: string) =>
    schemeOf({
      measure: { kind: 'outstanding_reduction', basis: 'days' },
      reward: { type: reward },
      slabs: { basis: 'measure', mode: 'retro', table: [{ from: '0', to: null, rate }] },
    });

  it('pays on the days the average age past due came down, each report weighted by what its bills owe', () => {
    // 30 Sep: ₹50,000 60 days past due (due 1 Aug), ₹30,000 20 days (due 10 Sep), a ₹20,000 bill
    // not yet due (no weight: not overdue) and a ₹5,000 credit (owes nothing):
    //   (50,000 × 60 + 30,000 × 20) / 80,000 = 45 days.
    // 31 Oct: ₹30,000 due 1 Oct, 30 days → 30 days. 45 − 30 = 15 days fewer.
    // ₹100 a day → 1,500.00; 2% of value is of the rupees, the credit netted as the amount basis
    // nets it: (80,000 − 5,000 − 30,000) × 2% = 900.00.
    const f = facts({
      receivables: [
        bill('2026-09-30', '2026-08-01', 50000),
        bill('2026-09-30', '2026-09-10', 30000),
        bill('2026-09-30', '2026-10-15', 20000),
        bill('2026-09-30', '2026-08-01', -5000),
        bill('2026-10-31', '2026-10-01', 30000),
      ],
    });
    const perDay = line(calculateRun([days('per_unit', '100')], f));
    expect([perDay.measure, perDay.final]).toEqual(['15', 150000]);
    expect(perDay.explanation).toContain('on average 45 and 30 days past due');
    expect(line(calculateRun([days('percent_of_value', '2')], f)).final).toBe(90000);
  });

  it('rounds each average half-up to whole days, and pays nothing where the days went up', () => {
    // 30 Sep: ₹100 10 days and ₹100 11 days past due → 10.5 → 11 days; 31 Oct: ₹100 40 days → 40.
    // 11 − 40 = −29: 29 days more, below the slab from 0 → 0.00.
    const f = facts({
      receivables: [
        bill('2026-09-30', '2026-09-20', 100),
        bill('2026-09-30', '2026-09-19', 100),
        bill('2026-10-31', '2026-09-21', 100),
      ],
    });
    const l = line(calculateRun([days('per_unit', '100')], f));
    expect([l.measure, l.final]).toEqual(['-29', 0]);
    expect(l.explanation).toContain('on average 11 and 40 days past due');
  });
});

describe('catch-up pays the difference, once', () => {
  // Target ₹1,000 a month; 5% of value at 100–120% of target, 6% from 120%; catch-up since 1 Sep.
  const slabs = {
    basis: 'achievement' as const,
    mode: 'retro' as const,
    table: [
      { from: '100', to: '120', rate: '5' },
      { from: '120', to: null, rate: '6' },
    ],
  };
  const month = (from: string, to: string) => ({
    from,
    to,
    distributor: 'D1',
    measure: 'v',
    schemeCode: null,
    value: '1000',
  });
  const september = sale('D1', '2026-09-10', 1300);
  const paid = (amount: number): PaidFact => ({
    scheme: 'S',
    payee: 'D1',
    kind: 'payout',
    periodTo: '2026-09-30',
    amount,
    effectiveRate: '0.06',
    saleIds: [september.id],
  });
  const run = (october: number, paidFacts: PaidFact[]) =>
    line(
      calculateRun(
        [schemeOf({ target: { type: 'dataset', measure: 'v' }, slabs, catchUp: { since: '2026-09-01' } })],
        facts({
          sales: [september, sale('D1', '2026-10-10', october)],
          targets: [month('2026-09-01', '2026-09-30'), month('2026-10-01', '2026-10-31')],
          paid: paidFacts,
        }),
      ),
    );

  it('is f(cumulative) less what approved runs paid, even when the month alone would pay more', () => {
    // September: ₹1,300 of ₹1,000 = 130% → 6% × 1,300 = ₹78.00, paid by an approved run.
    // October alone: ₹1,000 = 100% → 5% × 1,000 = ₹50.00 (the slab amount).
    // Cumulative: ₹2,300 of ₹2,000 = 115% → 5% × 2,300 = ₹115.00, less ₹78.00 paid = ₹37.00 — not the greater ₹50.00.
    const l = run(1000, [paid(7800)]);
    expect([l.computed, l.final]).toEqual([5000, 3700]);
    expect(l.adjustments.map((a) => a.step)).toEqual(['catch_up']);
  });

  it('is floored at zero', () => {
    // October ₹600: cumulative ₹1,900 of ₹2,000 = 95% → 0.00, less ₹78.00 paid → max(0, −78.00) = 0.00
    expect(run(600, [paid(7800)]).final).toBe(0);
  });

  const catchUpOn = (
    target: SchemeInput['target'],
    sales: SaleFact[],
    period = { from: '2026-10-01', to: '2026-10-31' },
  ) => line(calculateRun([schemeOf({ period, target, slabs, catchUp: { since: '2026-09-01' } })], facts({ sales })));

  it('measures the span against a fixed target once for each month it holds', () => {
    // Fixed ₹1,000 for October; September ₹600 (nothing paid), October ₹1,500. The two months
    // against ₹2,000: ₹2,100 = 105% → 5% × 2,100 = ₹105.00 (against ₹1,000 alone it read 210% → 6% = ₹126.00).
    const l = catchUpOn({ type: 'fixed', value: '1000' }, [
      sale('D1', '2026-09-10', 600),
      sale('D1', '2026-10-10', 1500),
    ]);
    expect(l.final).toBe(10500);
    expect(l.adjustments[0]?.note).toContain('target 2000 → achievement 105.00%');
  });

  it('measures a span of days against a fixed target by its days', () => {
    // A week's scheme (5–11 Oct), catch-up since 1 Sep: 41 days against 7, the target ₹1,000 × 41/7.
    // ₹6,000 over the span of ₹5,857.14… = 102.43% → 5% × 6,000 = ₹300.00.
    const l = catchUpOn(
      { type: 'fixed', value: '1000' },
      [sale('D1', '2026-09-10', 4000), sale('D1', '2026-10-06', 2000)],
      { from: '2026-10-05', to: '2026-10-11' },
    );
    expect(l.final).toBe(30000);
    expect(l.adjustments[0]?.note).toContain('achievement 102.43%');
  });

  it('pays on the rows of its span, at the rate of all the span was paid, and a later return is clawed back at it', () => {
    // September ₹600 (nothing paid), October ₹1,500: ₹2,100 of ₹2,000 → 5% × 2,100 = ₹105.00, paid on
    // both months' rows: 5% of their ₹2,100 (over October's ₹1,500 alone it read 7%). In November ₹100
    // of October's INV-10 and ₹200 of September's INV-9 come back: −5% × 300 = −15.00 (at 7%, −21.00).
    const [sept, oct] = [
      sale('D1', '2026-09-10', 600, { docNo: 'INV-9' }),
      sale('D1', '2026-10-10', 1500, { docNo: 'INV-10' }),
    ];
    const s = schemeOf({ target: { type: 'fixed', value: '1000' }, slabs, catchUp: { since: '2026-09-01' } });
    const october = line(calculateRun([s], facts({ sales: [sept, oct] })));
    expect([october.final, october.effectiveRate]).toEqual([10500, '0.05']);
    expect(october.sources.ids).toEqual(Float64Array.from([sept.id, oct.id]));
    const paid: PaidFact = {
      scheme: 'S',
      payee: 'D1',
      kind: 'payout',
      periodTo: '2026-10-31',
      amount: october.final,
      effectiveRate: october.effectiveRate,
      saleIds: [...october.sources.ids],
    };
    const returns = [
      sale('D1', '2026-11-03', -100, { against: 'INV-10' }),
      sale('D1', '2026-11-04', -200, { against: 'INV-9' }),
    ];
    const november = { ...s, period: { from: '2026-11-01', to: '2026-11-30' } };
    const lines = calculateRun([november], facts({ sales: [sept, oct, ...returns], paid: [paid] }));
    expect(line(lines, 'D1', 'clawback').final).toBe(-1500);
  });

  it('counts what was paid before on its span in the rate it pays', () => {
    // September ₹1,300 paid ₹78.00; October ₹1,000: the span pays ₹115.00 in all, ₹37.00 of it now,
    // on ₹2,300 of sales: 5%, where ₹37.00 over October's ₹1,000 read 3.7% and over the span 1.6%.
    const l = run(1000, [paid(7800)]);
    expect([l.final, l.effectiveRate]).toEqual([3700, '0.05']);
  });

  it('reaches back, for its facts, to the period before the baseline of its span', () => {
    // October 2026, catch-up since July, 10% over October 2025: the baseline of the four months is
    // July–October 2025, and the 123 days before it (net channel addition's comparison) begin on
    // 28 February 2025. Without catch-up or growth, the month before the period.
    const growth = { type: 'growth' as const, pct: '10', baseline: { from: '2025-10-01', to: '2025-10-31' } };
    expect(firstDayRead(schemeOf({ target: growth, catchUp: { since: '2026-07-01' } }))).toBe('2025-02-28');
    expect(firstDayRead(schemeOf({ target: growth }))).toBe('2025-09-01');
    expect(firstDayRead(schemeOf({}))).toBe('2026-09-01');
  });

  it('compares the span with as many baseline months under a growth target', () => {
    // 10% over October 2025; catch-up since September: September–October 2026 against
    // September–October 2025 (₹1,000 each) + 10% = ₹2,200. ₹2,300 = 104.54% → 5% × 2,300 = ₹115.00
    // (against October 2025 alone, ₹1,100, it read 209% → 6% = ₹138.00).
    const l = catchUpOn({ type: 'growth', pct: '10', baseline: { from: '2025-10-01', to: '2025-10-31' } }, [
      sale('D1', '2025-09-10', 1000),
      sale('D1', '2025-10-10', 1000),
      sale('D1', '2026-09-10', 600),
      sale('D1', '2026-10-10', 1700),
    ]);
    expect(l.final).toBe(11500);
    expect(l.adjustments[0]?.note).toContain('target 2200 → achievement 104.54%');
  });
});

describe('a return is taken off once', () => {
  const rate2 = schemeOf({ slabs: { basis: 'measure', mode: 'retro', table: [{ from: '0', to: null, rate: '2' }] } });
  const septInvoice = sale('D1', '2026-09-10', 10000, { docNo: 'INV-9' });
  const septPaid: PaidFact = {
    scheme: 'S',
    payee: 'D1',
    kind: 'payout',
    periodTo: '2026-09-30',
    amount: 20000,
    effectiveRate: '0.02',
    saleIds: [septInvoice.id],
  };

  it('a return of a current-period invoice only lowers the current measure', () => {
    // October: INV-10 ₹5,000, ₹1,000 of it returned in October → measure 4,000 × 2% = 80.00, and no clawback line.
    const f = facts({
      sales: [
        septInvoice,
        sale('D1', '2026-10-02', 5000, { docNo: 'INV-10' }),
        sale('D1', '2026-10-20', -1000, { against: 'INV-10' }),
      ],
      paid: [septPaid],
    });
    const lines = calculateRun([rate2], f);
    expect(line(lines).measure).toBe('4000');
    expect(line(lines).final).toBe(8000);
    expect(lines.filter((l) => l.kind === 'clawback')).toEqual([]);
  });

  it('a line a budget cut pays its sales at the rate it was cut to, and a later return is clawed back at that rate', () => {
    // September: D1 ₹10,000 and D2 ₹30,000 at 2% → 200.00 + 600.00, over a pro-rata budget of ₹400: each halved,
    // 100.00 and 300.00, so each paid 1% of its sales. October: ₹1,500 of INV-9 returned → −1% × 1,500 = −15.00
    // (at the 2% earned before the cut it clawed back −30.00: half as much again as the line ever paid on those sales).
    const september = { ...rate2, period: { from: '2026-09-01', to: '2026-09-30' } };
    const budgeted = { ...september, budget: { amount: '400', onOverrun: 'pro_rata' as const } };
    const sales = [septInvoice, sale('D2', '2026-09-12', 30000, { docNo: 'INV-D2' })];
    const paidLines = calculateRun([budgeted], facts({ payees: [payee('D1'), payee('D2')], sales }));
    expect(paidLines.map((l) => [l.payee, l.final, l.effectiveRate])).toEqual([
      ['D1', 10000, '0.01'],
      ['D2', 30000, '0.01'],
    ]);
    const paid = paidLines.map((l) => ({
      scheme: 'S',
      payee: l.payee,
      kind: l.kind,
      periodTo: '2026-09-30',
      amount: l.final,
      effectiveRate: l.effectiveRate,
      saleIds: [...l.sources.ids],
    }));
    const late = sale('D1', '2026-10-03', -1500, { against: 'INV-9' });
    const october = calculateRun([rate2], facts({ payees: [payee('D1'), payee('D2')], sales: [...sales, late], paid }));
    expect(line(october, 'D1', 'clawback').final).toBe(-1500);
  });

  it('a return dated in the paid period but imported after its approval is clawed back in the next run', () => {
    // INV-9 paid at 2% in September; a return of ₹1,500 dated 28 Sep was not among the paid line's rows.
    // October claws back −2% × 1,500 = −30.00; October's own ₹2,000 pays 2% = 40.00.
    const late = sale('D1', '2026-09-28', -1500, { against: 'INV-9' });
    const f = facts({ sales: [septInvoice, late, sale('D1', '2026-10-05', 2000)], paid: [septPaid] });
    const lines = calculateRun([rate2], f);
    expect(line(lines, 'D1', 'clawback').final).toBe(-3000);
    expect(line(lines, 'D1', 'clawback').sources.ids).toEqual(Float64Array.from([late.id]));
    expect(line(lines).final).toBe(4000);
  });

  it('a return already clawed back by an approved run is neither clawed back again nor taken off a later measure', () => {
    // The ₹2,500 return of INV-9 (7 Oct) was clawed back by the approved October run. November: ₹3,000 sold → 2% = 60.00,
    // nothing clawed back again (before, every run after October took it back once more).
    const ret = sale('D1', '2026-10-07', -2500, { against: 'INV-9' });
    const f = facts({
      sales: [septInvoice, ret, sale('D1', '2026-11-05', 3000)],
      paid: [septPaid, { ...septPaid, kind: 'clawback', periodTo: '2026-10-31', amount: -5000, saleIds: [ret.id] }],
    });
    const november = schemeOf({
      period: { from: '2026-11-01', to: '2026-11-30' },
      slabs: { basis: 'measure', mode: 'retro', table: [{ from: '0', to: null, rate: '2' }] },
    });
    const lines = calculateRun([november], f);
    expect(lines.filter((l) => l.kind === 'clawback')).toEqual([]);
    expect(line(lines).final).toBe(6000);
  });

  it("a return of this period's invoice is not clawed back as one of last year's paid invoice of the same number", () => {
    // Last year's INV-9 (10 Sep 2025) was paid at 2%; this year's INV-9 ₹5,000 (2 Oct 2026) has ₹1,000
    // returned on 20 Oct: numbers restart every year, so the return lowers October's measure
    // (4,000 × 2% = 80.00) and claws nothing back. Read by number alone, −20.00 was clawed back
    // and October paid 100.00.
    const lastYear = sale('D1', '2025-09-10', 10000, { docNo: 'INV-9' });
    const f = facts({
      sales: [
        lastYear,
        sale('D1', '2026-10-02', 5000, { docNo: 'INV-9' }),
        sale('D1', '2026-10-20', -1000, { against: 'INV-9' }),
      ],
      paid: [{ ...septPaid, periodTo: '2025-09-30', saleIds: [lastYear.id] }],
    });
    const lines = calculateRun([rate2], f);
    expect(lines.filter((l) => l.kind === 'clawback')).toEqual([]);
    expect(line(lines).final).toBe(8000);
  });

  it('with clawback off, the return lowers the measure of its own period instead', () => {
    // October ₹1,000 sold, ₹2,500 of September's INV-9 returned: measure −1,500 → nothing (never negative), no clawback.
    const f = facts({
      sales: [septInvoice, sale('D1', '2026-10-07', -2500, { against: 'INV-9' }), sale('D1', '2026-10-08', 1000)],
      paid: [septPaid],
    });
    const lines = calculateRun([{ ...rate2, clawback: false }], f);
    expect(line(lines).measure).toBe('-1500');
    expect(line(lines).final).toBe(0);
    expect(lines.filter((l) => l.kind === 'clawback')).toEqual([]);
  });
});

describe('targets from the dataset are matched to the period', () => {
  const target = (from: string, to: string, value: string) => ({
    from,
    to,
    distributor: 'D1',
    measure: 'v',
    schemeCode: null,
    value,
  });
  const onTarget = (prorate = false) =>
    schemeOf({
      target: { type: 'dataset', measure: 'v', prorate },
      slabs: { basis: 'achievement', mode: 'retro', table: [{ from: '100', to: null, rate: '2' }] },
    });
  const october = sale('D1', '2026-10-05', 3100);

  it('a row for the scheme’s own period counts in full', () => {
    // ₹3,100 of ₹3,100 = 100% → 2% × 3,100 = 62.00
    const f = facts({ sales: [october], targets: [target('2026-10-01', '2026-10-31', '3100')] });
    const l = line(calculateRun([onTarget()], f));
    expect(l.target).toBe('3100');
    expect(l.final).toBe(6200);
  });

  it('a quarter’s row in a monthly scheme is refused, unless prorate takes its share of days', () => {
    // Q3 (Oct–Dec) is 92 days; October is 31: 9,200 × 31 / 92 = 3,100 → ₹3,100 is 100% → 62.00
    const f = facts({ sales: [october], targets: [target('2026-10-01', '2026-12-31', '9200')] });
    expect(() => calculateRun([onTarget()], f)).toThrow(TargetRowsError);
    expect(() => calculateRun([onTarget()], f)).toThrow(/covers a longer period.*prorate/);
    const l = line(calculateRun([onTarget(true)], f));
    expect(l.target).toBe('3100');
    expect(l.final).toBe(6200);
  });

  it('a row that overlaps the period only in part is refused', () => {
    const f = facts({ sales: [october], targets: [target('2026-09-15', '2026-10-14', '3100')] });
    expect(() => calculateRun([onTarget(true)], f)).toThrow(/overlaps 2026-10-01 to 2026-10-31 only in part/);
  });

  it('two rows for the same days are never added up', () => {
    // Before, 3,100 + 3,100 = 6,200 made the payee 50% of target and paid nothing, silently.
    const f = facts({
      sales: [october],
      targets: [target('2026-10-01', '2026-10-31', '3100'), target('2026-10-01', '2026-10-31', '3100')],
    });
    expect(() => calculateRun([onTarget()], f)).toThrow(/overlap; keep one/);
  });
});

describe('a cap as a share of net sales', () => {
  it('caps at nothing, never below, where returns outweigh the sales', () => {
    // One outlet billed ₹1,000 (₹300 an outlet), another returning ₹20,000: net sales −₹19,000,
    // 5% of which is −₹950. The line pays nothing; it had paid −₹950, a payout below nothing.
    const s = schemeOf({
      measure: { kind: 'billed_outlets', minBillValue: '0' },
      reward: { type: 'per_count' },
      slabs: { basis: 'measure', mode: 'retro', table: [{ from: '1', to: null, rate: '300' }] },
      caps: { pctOfNetSales: '5' },
    });
    const sales = [
      sale('D1', '2026-10-05', 1000, { outlet: 'O1' }),
      sale('D1', '2026-10-06', -20000, { outlet: 'O2' }),
    ];
    const l = line(calculateRun([s], facts({ sales })));
    expect([l.computed, l.final]).toEqual([30000, 0]);
    expect(l.adjustments.map((a) => a.note)).toEqual(['capped at 5% of net sales (₹0.00)']);
  });

  it('caps a catch-up line by the sales of its span, less what was paid on them before', () => {
    // 5% of value from ₹1,000 of sales a month (the span's ₹2,000), capped at 4% of net sales;
    // catch-up since 1 Sep. September ₹600, nothing paid; October ₹1,500: the span's ₹2,100 pays
    // 5% = ₹105.00, capped at 4% of the span's ₹2,100 = ₹84.00 (of October's ₹1,500 it read ₹60.00).
    // With ₹20.00 paid on September before: ₹84.00 less ₹20.00 = ₹64.00.
    const s = schemeOf({
      target: { type: 'fixed', value: '1000' },
      slabs: { basis: 'achievement', mode: 'retro', table: [{ from: '100', to: null, rate: '5' }] },
      catchUp: { since: '2026-09-01' },
      caps: { pctOfNetSales: '4' },
    });
    const sales = [sale('D1', '2026-09-10', 600), sale('D1', '2026-10-10', 1500)];
    expect(line(calculateRun([s], facts({ sales }))).final).toBe(8400);
    const paid: PaidFact = {
      scheme: 'S',
      payee: 'D1',
      kind: 'payout',
      periodTo: '2026-09-30',
      amount: 2000,
      effectiveRate: '0.0333',
      saleIds: [sales[0]?.id ?? 0],
    };
    const l = line(calculateRun([s], facts({ sales, paid: [paid] })));
    expect(l.final).toBe(6400);
    expect(l.adjustments.at(-1)?.note).toBe(
      'capped at 4% of net sales since 2026-09-01 (₹84.00 less ₹20.00 already paid = ₹64.00)',
    );
  });
});

describe('rank-order budgets: ties share their slot', () => {
  it('payees whose measures tie share what is left equally, by largest remainder', () => {
    // 1% of value: D1 ₹30,000 → 300.00; D2 and D3 ₹20,000 each → 200.00 each; budget 500.01.
    // D1 first, in full (300.00); 200.01 left for the tie: 100.01 to D2 (the earlier, by largest remainder), 100.00 to D3.
    const f = facts({
      payees: [payee('D1'), payee('D2'), payee('D3')],
      sales: [sale('D1', '2026-10-05', 30000), sale('D2', '2026-10-05', 20000), sale('D3', '2026-10-05', 20000)],
    });
    const lines = calculateRun([schemeOf({ budget: { amount: '500.01', onOverrun: 'rank_order' } })], f);
    expect(lines.map((l) => [l.payee, l.final])).toEqual([
      ['D1', 30000],
      ['D2', 10001],
      ['D3', 10000],
    ]);
  });

  it('a tied payee owed less than an equal share is paid in full and the rest shared', () => {
    // Per-payee caps make tied payees owe different amounts: D1 cap ₹50 (owes 50.00), D2 owes 200.00 (₹20,000 at 1%);
    // both measure ₹20,000. Budget 150.00: equal share 75.00 ≥ 50.00, so D1 gets 50.00 and D2 the other 100.00.
    const f = facts({
      payees: [payee('D1', { class: 'S' }), payee('D2')],
      sales: [sale('D1', '2026-10-05', 20000), sale('D2', '2026-10-05', 20000)],
    });
    const s = schemeOf({
      budget: { amount: '150', onOverrun: 'rank_order' },
      slabs: {
        basis: 'measure',
        mode: 'retro',
        table: [{ from: '0', to: null, rate: '1' }],
        segments: { by: 'class', tables: { S: [{ from: '0', to: null, rate: '0.25' }] } },
      },
    });
    expect(calculateRun([s], f).map((l) => [l.payee, l.final])).toEqual([
      ['D1', 5000],
      ['D2', 10000],
    ]);
  });
});

describe('what a reviewer sees is what was decided', () => {
  it('shows achievement as compared, cut and never rounded up to the slab’s edge, and the near miss to the paisa', () => {
    // ₹99,999.96 of ₹1,00,000 = 99.99996%: below the 100% slab, so nothing is paid.
    // Shown as 99.99% (rounding would say 100% beside a slab of 100% that was not reached); stored as 99.9999.
    // Near miss: ₹0.04 more reaches the 100% slab, which would pay 2% × 1,00,000 = 2,000.00.
    const f = facts({
      sales: [sale('D1', '2026-10-05', '99999.96')],
      targets: [
        { from: '2026-10-01', to: '2026-10-31', distributor: 'D1', measure: 'v', schemeCode: null, value: '100000' },
      ],
    });
    const s = schemeOf({
      target: { type: 'dataset', measure: 'v' },
      slabs: {
        basis: 'achievement',
        mode: 'retro',
        table: [
          { from: '0', to: '100', rate: '0' },
          { from: '100', to: null, rate: '2' },
        ],
      },
    });
    const l = line(calculateRun([s], f));
    expect(l.final).toBe(0);
    expect(l.achievementPct).toBe('99.9999');
    expect(l.explanation).toContain('achievement 99.99%');
    expect(l.nearMiss).toMatchObject({ neededMeasure: '0.04', wouldPay: '2000.00', nextSlab: 1 });
  });
});
