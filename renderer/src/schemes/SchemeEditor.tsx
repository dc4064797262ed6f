import { useEffect, useMemo, useRef, useState } from 'react';
import { readsProducts } from '../../../engine/products';
import type { SchemeProblem } from '../../../engine/validate';
import { formatMoney, formatQuantity, formatSlab, readableNumbers, slabUnitOf } from '../../../main/format/numbers';
import type { PreviewLine } from '../../../main/runs/execute';
import type { Choice, SchemeChoices } from '../../../main/schemes/choices';
import { call } from '../api/client';
import { DateInput } from '../components/DateInput';
import { Dialog } from '../components/Dialog';
import { InlineError } from '../components/InlineError';
import { guardedClose, useUnsavedChanges } from '../components/unsaved';
import { useWorkspace } from '../workspace-context';
import { CodePicker } from './CodePicker';
import { type Draft, listText, measureKinds, measureOfKind, type SlabRow, setIn, textList } from './draft';
import { SlabGrid } from './SlabGrid';
import { TargetMeasurePicker } from './TargetMeasurePicker';
import { WhatIfCompare } from './WhatIfCompare';

const rateLabels: Record<string, string> = {
  percent_of_value: 'Rate (% of value)',
  percent_of_invoice: 'Rate (% of each invoice)',
  per_unit: 'Rate (₹ per unit)',
  per_count: 'Rate (₹ per outlet / item)',
  flat: 'Amount (₹ flat)',
};

/** `Key=value` entries of a list field as an object, each value read by `value`. */
function pairs<T>(list: string[], value: (text: string) => T): Record<string, T> {
  return Object.fromEntries(
    list.map((pair) => {
      const [key = '', text = ''] = pair.split('=').map((x) => x.trim());
      return [key, value(text)];
    }),
  );
}

/** A comma-separated list, committed when the field loses focus so commas can be typed. */
function ListField({
  label,
  list,
  onCommit,
}: {
  label: string;
  list: readonly string[] | undefined;
  onCommit: (list: string[]) => void;
}) {
  const [text, setText] = useState(listText(list));
  return (
    <label className="field">
      <span>{label}</span>
      <input
        value={text}
        aria-label={label}
        placeholder="any"
        onChange={(e) => setText(e.target.value)}
        onBlur={() => onCommit(textList(text))}
      />
    </label>
  );
}

/** Further measures by name (for gates and custom formulas), and the gates on them. */
function NamedMeasures({ draft, set }: { draft: Draft; set: (path: (string | number)[], value: unknown) => void }) {
  const measures = Object.entries(draft.measures ?? {});
  const gates = draft.gates ?? [];
  // Gates are positional: a gate's number is its identity.
  const gateRows = gates.map((gate, position) => ({ gate, position, id: `gate-${position + 1}` }));
  const [name, setName] = useState('');
  return (
    <div className="named-measures">
      <h4>Named measures and gates</h4>
      {measures.map(([key, spec]) => (
        <div className="row" key={key}>
          <span className="measure-name">{key}</span>
          <select
            value={spec.kind}
            aria-label={`Kind of ${key}`}
            onChange={(e) => set(['measures', key], measureOfKind(e.target.value))}
          >
            {measureKinds.map(([k, label]) => (
              <option key={k} value={k}>
                {label}
              </option>
            ))}
          </select>
          {spec.kind === 'billed_outlets' && (
            <input
              value={spec.minBillValue ?? ''}
              aria-label={`Minimum bill of ${key}`}
              onChange={(e) => set(['measures', key, 'minBillValue'], e.target.value)}
            />
          )}
          <button
            type="button"
            onClick={() => set(['measures'], Object.fromEntries(measures.filter(([k]) => k !== key)))}
          >
            Remove
          </button>
        </div>
      ))}
      <div className="row">
        <input
          placeholder="new measure name, e.g. outlets"
          value={name}
          aria-label="New measure name"
          onChange={(e) => setName(e.target.value.toLowerCase())}
        />
        <button
          type="button"
          disabled={!/^[a-z][a-z0-9_]*$/.test(name)}
          onClick={() => {
            set(['measures', name], measureOfKind('billed_outlets'));
            setName('');
          }}
        >
          Add measure
        </button>
      </div>
      {gateRows.map(({ gate, position: i, id }) => (
        <div className="row" key={id}>
          <span>Pay only when</span>
          <select
            value={gate.measure}
            aria-label={`Gate ${i + 1} measure`}
            onChange={(e) => set(['gates', i, 'measure'], e.target.value)}
          >
            {[gate.measure, ...measures.map(([k]) => k).filter((k) => k !== gate.measure)].map((k) => (
              <option key={k}>{k}</option>
            ))}
          </select>
          <span>is at least</span>
          <input
            value={gate.min}
            aria-label={`Gate ${i + 1} minimum`}
            onChange={(e) => set(['gates', i, 'min'], e.target.value)}
          />
          <button
            type="button"
            onClick={() =>
              set(
                ['gates'],
                gates.filter((_, j) => j !== i),
              )
            }
          >
            Remove
          </button>
        </div>
      ))}
      <button
        type="button"
        disabled={measures.length === 0}
        onClick={() => set(['gates'], [...gates, { measure: measures[0]?.[0] ?? '', min: '1' }])}
      >
        Add gate
      </button>
    </div>
  );
}

function Problems({ problems, prefix }: { problems: readonly SchemeProblem[]; prefix: string }) {
  const { locale } = useWorkspace();
  const mine = problems.filter((p) => p.path === prefix || p.path.startsWith(`${prefix}.`));
  if (mine.length === 0) return null;
  return (
    <ul className="field-problems" data-testid={`problems-${prefix}`}>
      {mine.map((p) => (
        <li key={`${p.path}|${p.message}`}>{readableNumbers(p.message, locale)}</li>
      ))}
    </ul>
  );
}

/**
 * The whole scheme as a form: identity and period, what is measured (and for whom, on which
 * products), the target, the slab table in a grid, the reward, caps, budget and stacking.
 * Checked as you type; previewed payee by payee over a past period before it is saved.
 */
export function SchemeEditor({
  initial,
  onClose,
  onSaved,
}: {
  initial: Draft;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { currency, locale } = useWorkspace();
  const [draft, setDraft] = useState<Draft>(initial);
  const [problems, setProblems] = useState<SchemeProblem[]>([]);
  const [preview, setPreview] = useState<{ lines: PreviewLine[]; total: string } | null>(null);
  // The preview runs over the scheme's own period until the user picks another.
  const [previewChosen, setPreviewPeriod] = useState<{ from: string; to: string } | null>(null);
  const previewPeriod = previewChosen ?? draft.period;
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const latest = useRef(0);
  // The workspace's own products, places and distributors, for the pickers.
  const [choices, setChoices] = useState<SchemeChoices | null>(null);
  useEffect(() => {
    void call('schemes.choices', {}).then((r) => r.ok && setChoices(r.value));
  }, []);

  // A field's problems show once it has been touched (or Save or Preview was tried), beside it.
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [tried, setTried] = useState(false);
  const set = (path: (string | number)[], value: unknown) => {
    setDraft((d) => setIn(d, path, value));
    setPreview(null);
    const key = path.join('.');
    setTouched((t) => (t.has(key) ? t : new Set([...t, key])));
  };

  useEffect(() => {
    const ticket = ++latest.current;
    const timer = setTimeout(() => {
      void call('schemes.validate', { definition: draft }).then((r) => {
        if (ticket === latest.current)
          setProblems(r.ok ? r.value.problems : [{ path: '(scheme)', message: r.error.message }]);
      });
    }, 250);
    return () => clearTimeout(timer);
  }, [draft]);

  const shown = tried
    ? problems
    : problems.filter((p) =>
        [...touched].some((t) => p.path === t || p.path.startsWith(`${t}.`) || t.startsWith(`${p.path}.`)),
      );
  const slabs = draft.slabs.table as SlabRow[];
  const badRows = useMemo(() => {
    const bad = new Set<number>();
    for (const p of shown) {
      const m = p.path.match(/^slabs\.table\.(\d+)(\.from)?/);
      if (!m) continue;
      bad.add(Number(m[1]));
      if (m[2] && /gap|overlap/.test(p.message)) bad.add(Number(m[1]) - 1);
    }
    return bad;
  }, [shown]);

  const runPreview = async () => {
    setTried(true);
    if (problems.length > 0) return;
    setBusy(true);
    const r = await call('schemes.preview', { definition: draft, from: previewPeriod.from, to: previewPeriod.to });
    setBusy(false);
    if (r.ok) setPreview(r.value);
    else setMessage(r.error.message);
  };
  const save = async () => {
    setTried(true);
    if (problems.length > 0) return;
    setBusy(true);
    const r = await call('schemes.save', { definition: draft });
    setBusy(false);
    if (!r.ok) return setMessage(r.error.message);
    onSaved();
  };

  // Edited and not saved: closing the form, another screen or Back asks first.
  const dirty = JSON.stringify(draft) !== JSON.stringify(initial);
  const what = `The scheme ${draft.code || 'being written'}`;
  useUnsavedChanges(dirty, what);
  const m = draft.measure;
  const text = (
    path: (string | number)[],
    value: string | undefined,
    label: string,
    props: Record<string, unknown> = {},
  ) => (
    <label className="field">
      <span>{label}</span>
      <input value={value ?? ''} onChange={(e) => set(path, e.target.value)} aria-label={label} {...props} />
    </label>
  );
  const date = (path: (string | number)[], value: string | undefined, label: string) => (
    <div className="field">
      <span>{label}</span>
      <DateInput label={label} value={value ?? ''} onChange={(iso) => set(path, iso)} />
    </div>
  );
  /**
   * A choice of `options` ([value, words]) for `path`; `name` is its accessible name where the
   * label says more; `toValue` what a choice puts at `path` (the whole measure of a kind).
   */
  const choice = (
    path: (string | number)[],
    value: string,
    label: string,
    options: readonly (readonly [string, string])[],
    name = label,
    toValue: (chosen: string) => unknown = (chosen) => chosen,
  ) => (
    <label className="field">
      <span>{label}</span>
      <select value={value} aria-label={name} onChange={(e) => set(path, toValue(e.target.value))}>
        {options.map(([v, words]) => (
          <option key={v} value={v}>
            {words}
          </option>
        ))}
      </select>
    </label>
  );
  /** A picker of codes for each [key, label, options] of a list in `group` (the products, who is eligible). */
  const pickers = (
    group: 'products' | 'eligibility',
    lists: readonly (readonly [string, string, readonly Choice[] | undefined])[],
  ) =>
    lists.map(([k, label, options]) => (
      <CodePicker
        key={k}
        label={label}
        values={(draft[group] as Record<string, string[] | undefined> | undefined)?.[k] ?? []}
        options={options ?? []}
        onChange={(l) => set([group, k], l)}
      />
    ));
  const optional = (path: (string | number)[], value: string | undefined, label: string) => (
    <label className="field">
      <span>{label}</span>
      <input
        value={value ?? ''}
        aria-label={label}
        onChange={(e) => set(path, e.target.value.trim() === '' ? undefined : e.target.value.trim())}
      />
    </label>
  );

  return (
    <Dialog
      title={initial.code ? `Scheme ${initial.code}` : 'New scheme'}
      label="Scheme"
      onClose={guardedClose(dirty, what, onClose)}
      className="scheme-editor"
      testId="scheme-editor"
    >
      <div className="dialog-body scheme-form">
        <section>
          <h3>Scheme</h3>
          <div className="row">
            {text(['code'], draft.code, 'Code')}
            {text(['name'], draft.name, 'Name')}
            {choice(['objective'], draft.objective, 'Objective', [
              ['volume', 'Volume'],
              ['penetration', 'Penetration (outlets)'],
              ['collections', 'Collections'],
              ['launch', 'Launch'],
              ['inventory', 'Inventory'],
            ])}
            {date(['period', 'from'], draft.period.from, 'From')}
            {date(['period', 'to'], draft.period.to, 'To')}
          </div>
          <Problems problems={shown} prefix="code" />
          <Problems problems={shown} prefix="name" />
          <Problems problems={shown} prefix="period" />
        </section>
        <section>
          <h3>What is measured</h3>
          <div className="row">
            {choice(['measure'], m.kind, 'Program kind', measureKinds, 'Program kind', measureOfKind)}
            {m.kind === 'product_volume' &&
              choice(['measure', 'basis'], m.basis ?? 'value', 'Basis', [
                ['value', 'value'],
                ['qty', 'quantity'],
              ])}
            {m.kind === 'outstanding_reduction' &&
              choice(['measure', 'basis'], m.basis ?? 'amount', 'Measured in', [
                ['amount', 'rupees of overdue collected'],
                ['days', 'days the overdue came down'],
              ])}
            {m.kind === 'billed_outlets' && text(['measure', 'minBillValue'], m.minBillValue, 'Minimum bill (₹)')}
            {m.kind === 'early_payment' && (
              <label className="field">
                <span>Paid within (days)</span>
                <input
                  type="number"
                  value={m.withinDays}
                  aria-label="Paid within (days)"
                  onChange={(e) => set(['measure', 'withinDays'], Number(e.target.value))}
                />
              </label>
            )}
            {m.kind === 'early_payment' &&
              choice(['measure', 'partPayments'], m.partPayments ?? 'full_only', 'Part payments', [
                ['full_only', 'only invoices settled in full in time'],
                ['pro_rata', 'pro rata on the part received in time'],
              ])}
            {m.kind === 'reactivation' && (
              <label className="field">
                <span>Dormant for (days)</span>
                <input
                  type="number"
                  value={m.dormantDays ?? 90}
                  aria-label="Dormant for (days)"
                  onChange={(e) => set(['measure', 'dormantDays'], Number(e.target.value))}
                />
              </label>
            )}
            {m.kind === 'custom' && text(['measure', 'formula'], m.formula, 'Formula')}
            {m.kind === 'upsell' &&
              choice(
                ['measure', 'mode'],
                m.mode ?? 'any',
                'Outlet qualifies when it buys',
                [
                  ['any', 'any of the SKUs'],
                  ['all', 'the whole bundle'],
                  ['lines', 'at least N of them'],
                ],
                'Upsell rule',
              )}
            {m.kind === 'upsell' && m.mode === 'lines' && (
              <label className="field">
                <span>N</span>
                <input
                  type="number"
                  value={m.minLines ?? 2}
                  aria-label="Minimum lines"
                  onChange={(e) => set(['measure', 'minLines'], Number(e.target.value))}
                />
              </label>
            )}
            {m.kind === 'billed_channels' && (
              <ListField
                label="Channel minimums (Channel=₹, …)"
                list={Object.entries(m.minimums ?? {}).map(([c, v]) => `${c}=${v}`)}
                onCommit={(l) => set(['measure', 'minimums'], pairs(l, String))}
              />
            )}
            {m.kind === 'billed_channels' && (
              <ListField
                label="Minimum billed outlets (Channel=count, …)"
                list={Object.entries(m.minOutlets ?? {}).map(([c, v]) => `${c}=${v}`)}
                onCommit={(l) => set(['measure', 'minOutlets'], pairs(l, Number))}
              />
            )}
            {m.kind === 'billed_channels' &&
              choice(
                ['measure', 'require'],
                m.require ?? 'either',
                'A channel counts when it reaches',
                [
                  ['either', 'either minimum'],
                  ['both', 'both minimums'],
                ],
                'Channel counts when',
              )}
            {choice(['salesSource'], draft.salesSource ?? 'secondary', 'Sales', [
              ['secondary', 'Secondary (to outlets)'],
              ['primary', 'Primary (to distributors)'],
            ])}
          </div>
          {/* A filter the measure cannot apply is shown only while one is set, to be taken off. */}
          {readsProducts(draft) || Object.values(draft.products ?? {}).some((l) => l.length > 0) ? (
            <div className="row">
              {pickers('products', [
                ['skus', 'SKUs', choices?.skus],
                ['brands', 'Brands', choices?.brands],
                ['categories', 'Categories', choices?.categories],
              ])}
            </div>
          ) : (
            <p className="muted">
              Every product: overdue and early payment are measured on whole invoices, not by product.
            </p>
          )}
          <Problems problems={shown} prefix="measure" />
          <Problems problems={shown} prefix="products" />
        </section>
        <section>
          <h3>Who is eligible</h3>
          <div className="row">
            {pickers('eligibility', [
              ['regions', 'Regions', choices?.regions],
              ['channels', 'Channels', choices?.channels],
              ['classes', 'Classes', choices?.classes],
              ['include', 'Include', choices?.distributors],
              ['exclude', 'Exclude', choices?.distributors],
            ])}
          </div>
          <Problems problems={shown} prefix="eligibility" />
        </section>
        <section>
          <h3>Target and slabs</h3>
          <div className="row">
            <label className="field">
              <span>Target</span>
              <select
                value={draft.target?.type ?? 'none'}
                aria-label="Target"
                onChange={(e) =>
                  set(
                    ['target'],
                    e.target.value === 'fixed'
                      ? { type: 'fixed', value: '0' }
                      : e.target.value === 'dataset'
                        ? { type: 'dataset', measure: choices?.targetMeasures[0]?.code ?? '' }
                        : e.target.value === 'growth'
                          ? { type: 'growth', pct: '10', baseline: { from: draft.period.from, to: draft.period.to } }
                          : { type: 'none' },
                  )
                }
              >
                <option value="none">None</option>
                <option value="fixed">Fixed, the same for all</option>
                <option value="dataset">Per distributor (targets)</option>
                <option value="growth">Growth over a baseline</option>
              </select>
            </label>
            {draft.target?.type === 'fixed' && text(['target', 'value'], draft.target.value, 'Target value')}
            {draft.target?.type === 'dataset' && (
              <TargetMeasurePicker
                value={draft.target.measure}
                measures={choices?.targetMeasures}
                onChange={(measure) => set(['target', 'measure'], measure)}
              />
            )}
            {draft.target?.type === 'dataset' && (
              <label className="field checkbox">
                <input
                  type="checkbox"
                  checked={draft.target.prorate ?? false}
                  aria-label="Prorate longer target periods"
                  onChange={(e) => set(['target', 'prorate'], e.target.checked)}
                />
                <span>Take a longer period's target by its share of days</span>
              </label>
            )}
            {draft.target?.type === 'growth' && text(['target', 'pct'], draft.target.pct, 'Growth %')}
            {draft.target?.type === 'growth' &&
              date(['target', 'baseline', 'from'], draft.target.baseline.from, 'Baseline from')}
            {draft.target?.type === 'growth' &&
              date(['target', 'baseline', 'to'], draft.target.baseline.to, 'Baseline to')}
            {choice(['slabs', 'basis'], draft.slabs.basis, 'Slabs on', [
              ['measure', 'The measure'],
              ['achievement', 'Achievement %'],
            ])}
            {choice(['slabs', 'mode'], draft.slabs.mode, 'Mode', [
              ['retro', 'Retro: the slab reached, on all of it'],
              ['marginal', 'Marginal: each slab on its part'],
              ['interpolated', 'Interpolated between slabs'],
            ])}
            {choice(['reward', 'type'], draft.reward.type, 'Reward', [
              ['percent_of_value', '% of value'],
              ['percent_of_invoice', '% of each invoice'],
              ['per_unit', '₹ per unit'],
              ['per_count', '₹ per outlet / item'],
              ['flat', 'flat ₹'],
            ])}
          </div>
          <SlabGrid
            rows={slabs}
            badRows={badRows}
            rateLabel={rateLabels[draft.reward.type] ?? 'Rate'}
            onChange={(rows) => set(['slabs', 'table'], rows)}
          />
          <Problems problems={shown} prefix="slabs" />
          <Problems problems={shown} prefix="target" />
          <Problems problems={shown} prefix="reward" />
        </section>
        <section>
          <h3>Limits</h3>
          <div className="row">
            {optional(['caps', 'perPayee'], draft.caps?.perPayee, 'Cap per distributor (₹)')}
            {optional(['caps', 'pctOfNetSales'], draft.caps?.pctOfNetSales, 'Cap (% of net sales)')}
            <label className="field">
              <span>Budget (₹)</span>
              <input
                value={draft.budget?.amount ?? ''}
                aria-label="Budget"
                onChange={(e) =>
                  set(
                    ['budget'],
                    e.target.value.trim() === ''
                      ? undefined
                      : { amount: e.target.value.trim(), onOverrun: draft.budget?.onOverrun ?? 'pro_rata' },
                  )
                }
              />
            </label>
            {draft.budget &&
              choice(['budget', 'onOverrun'], draft.budget.onOverrun, 'On overrun', [
                ['pro_rata', 'scale all pro rata'],
                ['rank_order', 'pay in rank order'],
              ])}
          </div>
          <div className="row">
            <label className="field">
              <span>Stacking group</span>
              <input
                value={draft.stacking?.group ?? ''}
                aria-label="Stacking group"
                onChange={(e) =>
                  set(
                    ['stacking'],
                    e.target.value.trim() === ''
                      ? undefined
                      : { group: e.target.value, maxPct: draft.stacking?.maxPct ?? '3' },
                  )
                }
              />
            </label>
            {draft.stacking && text(['stacking', 'maxPct'], draft.stacking.maxPct, 'Group ceiling (% of net sales)')}
            <div className="field">
              <span>Catch-up since</span>
              <DateInput
                label="Catch-up since"
                value={draft.catchUp?.since ?? ''}
                onChange={(since) => set(['catchUp'], since ? { since } : undefined)}
              />
            </div>
            <label className="field checkbox">
              <span>Claw back later returns</span>
              <input
                type="checkbox"
                checked={draft.clawback !== false}
                aria-label="Claw back later returns"
                onChange={(e) => set(['clawback'], e.target.checked)}
              />
            </label>
          </div>
          <NamedMeasures draft={draft} set={set} />
          <Problems problems={shown} prefix="caps" />
          <Problems problems={shown} prefix="budget" />
          <Problems problems={shown} prefix="stacking" />
          <Problems problems={shown} prefix="catchUp" />
          <Problems problems={shown} prefix="gates" />
        </section>
        <section className="preview-block">
          <h3>What it would pay</h3>
          <div className="row">
            <div className="field">
              <span>Over</span>
              <DateInput
                label="Preview from"
                value={previewPeriod.from}
                onChange={(from) => setPreviewPeriod({ ...previewPeriod, from })}
              />
            </div>
            <div className="field">
              <span>to</span>
              <DateInput
                label="Preview to"
                value={previewPeriod.to}
                onChange={(to) => setPreviewPeriod({ ...previewPeriod, to })}
              />
            </div>
            <button type="button" onClick={() => void runPreview()} disabled={busy}>
              Preview
            </button>
            {preview && (
              <strong data-testid="preview-total">
                {preview.lines.length} distributors, {formatMoney(preview.total, currency, locale)} in all
              </strong>
            )}
          </div>
          {preview && (
            <div className="errors-scroll">
              <table className="errors-table" data-testid="scheme-preview">
                <thead>
                  <tr>
                    <th>Distributor</th>
                    <th>Measure</th>
                    <th>Slab</th>
                    <th className="number">Payout</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.lines.map((l) => (
                    <tr key={l.payee} title={l.explanation}>
                      <td>{l.payee}</td>
                      <td className="number">
                        {l.unit === 'money'
                          ? formatMoney(l.measure, currency, locale)
                          : formatQuantity(l.measure, locale)}
                      </td>
                      <td>
                        {l.slabLabel
                          ? formatSlab(l.slabLabel, slabUnitOf(draft.slabs.basis, l.unit), currency, locale)
                          : '—'}
                      </td>
                      <td className="number">{formatMoney(l.final, currency, locale)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <h3>What if</h3>
          <WhatIfCompare draft={draft} period={previewPeriod} disabled={problems.length > 0} />
        </section>
        <InlineError message={message} />
      </div>
      <footer className="dialog-footer">
        <span className={problems.length > 0 ? 'bad' : 'good'} data-testid="scheme-status">
          {problems.length > 0
            ? `${problems.length} problem${problems.length === 1 ? '' : 's'} to fix`
            : 'Ready to save'}
        </span>
        <div className="buttons">
          <button type="button" className="primary" onClick={() => void save()} disabled={busy}>
            Save as new version
          </button>
        </div>
      </footer>
    </Dialog>
  );
}
