import { useEffect, useState } from 'react';
import type { ControlSettings } from '../../../main/controls/settings';
import { formatDateInput } from '../../../main/format/dates';
import { formatDate, formatMoney } from '../../../main/format/numbers';
import { call } from '../api/client';
import { StatusMessage } from '../components/StatusMessage';
import { useWorkspace } from '../workspace-context';

const currencies = ['INR', 'USD', 'EUR', 'GBP', 'AED', 'SAR', 'SGD', 'LKR', 'BDT', 'NPR', 'KES', 'NGN', 'ZAR', 'IDR'];
const locales = ['en-IN', 'hi-IN', 'en-US', 'en-GB', 'en-AE', 'en-SG', 'en-ZA', 'fr-FR', 'de-DE', 'id-ID'];

/** The thresholds a finance team sets, in words, with what each takes. */
const controlFields: { key: keyof ControlSettings; label: string; unit: '%' | '₹' | 'count' | 'days' | '×' }[] = [
  { key: 'discountCeilingPct', label: 'Discount ceiling: all a run pays a distributor, of its net sales', unit: '%' },
  { key: 'marginFloorPct', label: 'Margin floor on a scheme’s products, after its payout (blank: none)', unit: '%' },
  { key: 'budgetWarnPct', label: 'Flag a scheme once it has paid this share of its budget', unit: '%' },
  { key: 'sharedIdOutlets', label: 'Outlets sharing a phone or GSTIN under other names, from', unit: 'count' },
  { key: 'sharedAddressOutlets', label: 'Outlets of a distributor sharing an address, from', unit: 'count' },
  { key: 'lateFirstBillDays', label: 'First bills in the last days of the period', unit: 'days' },
  { key: 'lateFirstBillOutlets', label: '… flagged from this many outlets of a distributor', unit: 'count' },
  { key: 'spikeDays', label: 'Period-end spike: the last days of the period', unit: 'days' },
  { key: 'spikeMinSharePct', label: '… holding at least this share of its billing', unit: '%' },
  { key: 'spikeRatio', label: '… and this many times its own norm', unit: '×' },
  { key: 'spikeReturnsWithinDays', label: '… with returns within these days after the period', unit: 'days' },
  { key: 'spikeMinReturnedPct', label: '… taking back at least this share of the spike', unit: '%' },
  { key: 'slabEdgeBandPct', label: 'Measures just above a slab: within this much of its threshold', unit: '%' },
  { key: 'slabEdgePayees', label: '… for at least this many payees', unit: 'count' },
  { key: 'slabEdgeRatio', label: '… and this many times as many as sit just below', unit: '×' },
  { key: 'tokenBillValue', label: 'Token bills: an outlet billed once for at most', unit: '₹' },
  { key: 'tokenBillOutlets', label: '… flagged from this many outlets of a distributor', unit: 'count' },
];

/** "Grocery: 4; Chemist: 6" ↔ { Grocery: '4', Chemist: '6' }. */
const byName = {
  text: (r: Record<string, string>) =>
    Object.entries(r)
      .map(([k, v]) => `${k}: ${v}`)
      .join('; '),
  parse: (t: string): Record<string, string> =>
    Object.fromEntries(
      t
        .split(';')
        .map((part) => part.split(':').map((s) => s.trim()))
        .filter((kv) => kv.length === 2 && kv[0] !== '')
        .map(([k, v]) => [k as string, v as string]),
    ),
};

/**
 * The workspace's settings, an Admin's to change: the currency and locale every screen, statement
 * and export writes money and dates in, and the thresholds of the controls over runs.
 */
export function SettingsScreen({ onChanged }: { onChanged: () => void }) {
  const info = useWorkspace();
  const [currency, setCurrency] = useState(info.currency);
  const [locale, setLocale] = useState(info.locale);
  const [controls, setControls] = useState<Record<string, string> | null>(null);
  const [ceilings, setCeilings] = useState({ channel: '', class: '' });
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  useEffect(() => {
    void call('controls.settings', {}).then((r) => {
      if (!r.ok) return setMessage({ text: r.error.message, error: true });
      setControls(Object.fromEntries(controlFields.map((f) => [f.key, String(r.value[f.key] ?? '')])));
      setCeilings({
        channel: byName.text(r.value.discountCeilingByChannel),
        class: byName.text(r.value.discountCeilingByClass),
      });
    });
  }, []);

  const saveMoney = async () => {
    const r = await call('settings.save', { currency, locale });
    if (!r.ok) return setMessage({ text: r.error.message, error: true });
    setMessage({
      text: `Money is now written in ${r.value.currency}, dates and numbers as ${r.value.locale}.`,
      error: false,
    });
    onChanged();
  };
  const saveControls = async () => {
    if (!controls) return;
    const settings: Record<string, unknown> = {
      discountCeilingByChannel: byName.parse(ceilings.channel),
      discountCeilingByClass: byName.parse(ceilings.class),
    };
    for (const f of controlFields) {
      const v = (controls[f.key] ?? '').trim();
      settings[f.key] =
        f.key === 'marginFloorPct' && v === '' ? null : f.unit === 'count' || f.unit === 'days' ? Number(v) : v;
    }
    const r = await call('controls.save', { settings });
    setMessage(
      r.ok
        ? { text: 'Control thresholds saved; the next run and every override use them.', error: false }
        : { text: r.error.message, error: true },
    );
  };

  let sample = '';
  try {
    sample = `${formatMoney('1234567.5', currency, locale)} · ${formatDate('2026-10-31', locale)} · typed ${formatDateInput('2026-10-31', locale)}`;
  } catch {
    sample = 'not a currency and locale this machine can write';
  }

  return (
    <section className="settings-screen" data-testid="settings-screen">
      <header className="screen-header">
        <div>
          <h1>Settings</h1>
          <p className="muted">
            How this workspace writes money and dates, and what its controls flag. Every change is audited.
          </p>
        </div>
      </header>
      <StatusMessage message={message} />
      <section className="settings-block">
        <h2>Money and dates</h2>
        <div className="row">
          <label className="field">
            <span>Currency</span>
            <input
              list="currencies"
              value={currency}
              onChange={(e) => setCurrency(e.target.value)}
              aria-label="Currency"
            />
          </label>
          <label className="field">
            <span>Locale (numbers and dates)</span>
            <input list="locales" value={locale} onChange={(e) => setLocale(e.target.value)} aria-label="Locale" />
          </label>
          <button type="button" className="primary" onClick={() => void saveMoney()}>
            Save money and dates
          </button>
        </div>
        <p className="muted" data-testid="settings-sample">
          Written as: {sample}
        </p>
        <datalist id="currencies">
          {currencies.map((c) => (
            <option key={c} value={c} />
          ))}
        </datalist>
        <datalist id="locales">
          {locales.map((l) => (
            <option key={l} value={l} />
          ))}
        </datalist>
      </section>
      <section className="settings-block">
        <h2>Controls over runs</h2>
        {!controls ? (
          <p className="muted">Reading the thresholds…</p>
        ) : (
          <>
            <div className="settings-grid">
              {controlFields.map((f) => (
                <label key={f.key} className="field">
                  <span>
                    {f.label} ({f.unit === '₹' ? info.currency : f.unit})
                  </span>
                  <input
                    value={controls[f.key] ?? ''}
                    inputMode="decimal"
                    aria-label={f.label}
                    onChange={(e) => setControls({ ...controls, [f.key]: e.target.value })}
                  />
                </label>
              ))}
              {(
                [
                  ['channel', 'Discount ceiling by channel', '“Grocery: 4; Chemist: 6”'],
                  ['class', 'Discount ceiling by class', '“A: 6; C: 3”'],
                ] as const
              ).map(([by, label, example]) => (
                <label key={by} className="field">
                  <span>
                    {label} (%), e.g. {example}
                  </span>
                  <input
                    value={ceilings[by]}
                    aria-label={label}
                    onChange={(e) => setCeilings({ ...ceilings, [by]: e.target.value })}
                  />
                </label>
              ))}
            </div>
            <button type="button" className="primary" onClick={() => void saveControls()}>
              Save control thresholds
            </button>
          </>
        )}
      </section>
    </section>
  );
}
