import { useEffect, useRef, useState } from 'react';
import { Exact } from '../../../engine/money';
import { formatCount, formatMoney, formatQuantity, formatSlab, slabUnitOf } from '../../../main/format/numbers';
import type { VariantOutcome, WhatIf } from '../../../main/runs/whatif';
import { call } from '../api/client';
import { InlineError } from '../components/InlineError';
import { useWorkspace } from '../workspace-context';
import type { Draft } from './draft';

type Against = 'saved' | 'variant';

/**
 * What-if before launch: the scheme as it stands in the form, run over a past period without
 * saving anything, against the saved scheme it changes or against a variant kept a moment ago —
 * cost, payees reached and the change, and every payee side by side.
 */
export function WhatIfCompare({
  draft,
  period,
  disabled,
}: {
  draft: Draft;
  period: { from: string; to: string };
  disabled: boolean;
}) {
  const { currency, locale } = useWorkspace();
  const money = (amount: string) => formatMoney(amount, currency, locale);
  const [kept, setKept] = useState<Draft | null>(null);
  const [answer, setAnswer] = useState<(WhatIf & { vs: Against; for: Draft }) | null>(null);
  // An answer stands only for the draft it was asked for: any edit in the form retires it.
  const result = answer?.for === draft ? answer : null;
  const shown = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (answer) shown.current?.scrollIntoView({ block: 'nearest' });
  }, [answer]);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const compare = async (vs: Against) => {
    setBusy(true);
    setProblem(null);
    const r = await call('schemes.whatif', {
      definition: draft,
      ...(vs === 'variant' && kept ? { vs: kept } : {}),
      from: period.from,
      to: period.to,
    });
    setBusy(false);
    if (r.ok) setAnswer({ ...r.value, vs, for: draft });
    else setProblem(r.error.message);
  };
  const names = result?.vs === 'variant' ? ['Variant A', 'This draft (B)'] : ['Saved scheme', 'This draft'];
  const measured = (l: VariantOutcome['lines'][number] | undefined) =>
    l ? (l.unit === 'money' ? money(l.measure) : formatQuantity(l.measure, locale)) : '—';
  const slab = (l: VariantOutcome['lines'][number] | undefined) =>
    l?.slab ? formatSlab(l.slab, slabUnitOf(draft.slabs.basis, l.unit), currency, locale) : '—';
  const outcome = (o: VariantOutcome) =>
    `${money(o.total)} to ${formatCount(o.payees, locale)} payee${o.payees === 1 ? '' : 's'}`;
  // Each payee once, its first line's measure and slab, and all its lines paid (a clawback is a line of its own).
  const byPayee = (lines: VariantOutcome['lines'] = []) => {
    const map = new Map<string, { line: VariantOutcome['lines'][number]; final: string }>();
    for (const l of lines) {
      const known = map.get(l.payee);
      map.set(l.payee, { line: known?.line ?? l, final: new Exact(known?.final ?? '0').plus(l.final).toFixed(2) });
    }
    return map;
  };
  const theirs = byPayee(result?.against?.lines);
  const mine = byPayee(result?.variant.lines);
  const payees = [...new Set([...theirs.keys(), ...mine.keys()])].sort();

  return (
    <div className="whatif" data-testid="whatif">
      <div className="row">
        <button type="button" disabled={disabled || busy} onClick={() => void compare('saved')}>
          Compare with the saved scheme
        </button>
        <button
          type="button"
          disabled={disabled}
          onClick={() => {
            setKept(structuredClone(draft));
            setAnswer(null);
          }}
        >
          Keep as variant A
        </button>
        <button type="button" disabled={disabled || busy || !kept} onClick={() => void compare('variant')}>
          Compare with variant A
        </button>
        {kept && <span className="muted">Variant A kept: edit the form, then compare.</span>}
      </div>
      <InlineError message={problem} />
      {result && (
        <>
          <p data-testid="whatif-summary">
            {result.against
              ? `${names[0]}: ${outcome(result.against)}. `
              : `There is no saved scheme ${result.variant.code} to compare with. `}
            {names[1]}: {outcome(result.variant)}
            {result.change
              ? `. Change: ${result.change.total.startsWith('-') ? '' : '+'}${money(result.change.total)}, ${
                  result.change.payees >= 0 ? '+' : ''
                }${formatCount(result.change.payees, locale)} payees reached.`
              : '.'}{' '}
            Nothing was saved.
          </p>
          <div className="errors-scroll" ref={shown}>
            <table className="errors-table" data-testid="whatif-table">
              <thead>
                <tr>
                  <th>Payee</th>
                  {result.against && (
                    <>
                      <th className="number">{names[0]}: measure</th>
                      <th>Slab</th>
                      <th className="number">Payout</th>
                    </>
                  )}
                  <th className="number">{names[1]}: measure</th>
                  <th>Slab</th>
                  <th className="number">Payout</th>
                  {result.against && <th className="number">Change</th>}
                </tr>
              </thead>
              <tbody>
                {payees.map((payee) => {
                  const a = theirs.get(payee);
                  const b = mine.get(payee);
                  const change = new Exact(b?.final ?? '0').minus(a?.final ?? '0').toFixed(2);
                  return (
                    <tr key={payee}>
                      <td>{payee}</td>
                      {result.against && (
                        <>
                          <td className="number">{measured(a?.line)}</td>
                          <td>{slab(a?.line)}</td>
                          <td className="number">{a ? money(a.final) : '—'}</td>
                        </>
                      )}
                      <td className="number">{measured(b?.line)}</td>
                      <td>{slab(b?.line)}</td>
                      <td className="number">{b ? money(b.final) : '—'}</td>
                      {result.against && <td className="number">{money(change)}</td>}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
}
