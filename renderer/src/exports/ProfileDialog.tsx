import { useState } from 'react';
import { dateFormats } from '../../../main/exports/date-formats';
import type { Account, ExportProfile } from '../../../main/exports/profiles';
import { call } from '../api/client';
import { Dialog } from '../components/Dialog';
import { InlineError } from '../components/InlineError';

type Draft = Omit<ExportProfile, 'schemeAccounts'> & {
  schemeAccounts: { key: string; scheme: string; name: string; code: string }[];
};

const toDraft = (p: ExportProfile): Draft => ({
  ...p,
  schemeAccounts: Object.entries(p.schemeAccounts).map(([scheme, a]) => ({ key: crypto.randomUUID(), scheme, ...a })),
});

function Text({
  label,
  value,
  onChange,
  hint,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  hint?: string;
}) {
  return (
    <label className="field">
      <span>{label}</span>
      <input value={value} onChange={(e) => onChange(e.target.value)} aria-label={label} />
      {hint && <small className="muted">{hint}</small>}
    </label>
  );
}

/** A ledger or account: its name and its code, side by side. */
function AccountFields({
  label,
  hint,
  account,
  onChange,
}: {
  label: string;
  hint: string;
  account: Account;
  onChange: (a: Account) => void;
}) {
  return (
    <>
      <Text label={label} value={account.name} onChange={(name) => onChange({ ...account, name })} hint={hint} />
      <Text label={`${label} code`} value={account.code} onChange={(code) => onChange({ ...account, code })} />
    </>
  );
}

/** Edit (or create) an export profile: the ledgers, accounts, codes, narration and date format of the files. */
export function ProfileDialog({
  profile,
  onClose,
  onSaved,
}: {
  /** The profile to start from; saved under another name, it becomes a new profile. */
  profile: ExportProfile;
  onClose: () => void;
  onSaved: (p: ExportProfile) => void;
}) {
  const [draft, setDraft] = useState<Draft>(() => toDraft(profile));
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft({ ...draft, [key]: value });

  const save = async () => {
    setSaving(true);
    const { schemeAccounts, ...rest } = draft;
    const result = await call('exports.saveProfile', {
      profile: {
        ...rest,
        schemeAccounts: Object.fromEntries(
          schemeAccounts.filter((a) => a.scheme.trim()).map((a) => [a.scheme.trim(), { name: a.name, code: a.code }]),
        ),
      },
    });
    setSaving(false);
    if (result.ok) onSaved(result.value);
    else setProblem(result.error.message);
  };

  return (
    <Dialog title="Export profile" label="Export profile" onClose={onClose}>
      <div className="dialog-body profile-form">
        <div className="field-row">
          <Text
            label="Profile name"
            value={draft.name}
            onChange={(v) => set('name', v)}
            hint="Saving under a new name makes a new profile."
          />
          <Text
            label="Company name"
            value={draft.companyName}
            onChange={(v) => set('companyName', v)}
            hint="Tally company, ERPNext company, NetSuite subsidiary"
          />
          <Text
            label="Company code"
            value={draft.companyCode}
            onChange={(v) => set('companyCode', v)}
            hint="SAP company code (BUKRS)"
          />
        </div>
        <div className="field-row">
          <AccountFields
            label="Discount ledger"
            hint="Debited with every payout"
            account={draft.discountAccount}
            onChange={(a) => set('discountAccount', a)}
          />
          <AccountFields
            label="Receivable account"
            hint="Credited with the party named"
            account={draft.receivableAccount}
            onChange={(a) => set('receivableAccount', a)}
          />
        </div>
        <div className="field-row">
          <label className="field">
            <span>Party is the distributor's</span>
            <select
              value={draft.partyBy}
              onChange={(e) => set('partyBy', e.target.value as Draft['partyBy'])}
              aria-label="Party is the distributor's"
            >
              <option value="name">name (Tally, QuickBooks, Zoho)</option>
              <option value="code">code (SAP, ERPNext, NetSuite)</option>
              <option value="ledger_name">ledger name from the distributors master</option>
            </select>
          </label>
          <Text
            label="Voucher type"
            value={draft.voucherType}
            onChange={(v) => set('voucherType', v)}
            hint="Tally / ERPNext, payee owed money"
          />
          <Text
            label="Debit voucher type"
            value={draft.debitVoucherType}
            onChange={(v) => set('debitVoucherType', v)}
            hint="When clawbacks exceed payouts"
          />
          <Text label="SAP document type" value={draft.documentType} onChange={(v) => set('documentType', v)} />
        </div>
        <div className="field-row">
          <Text label="Xero tax rate" value={draft.taxRate} onChange={(v) => set('taxRate', v)} />
          <Text label="BC journal template" value={draft.journalTemplate} onChange={(v) => set('journalTemplate', v)} />
          <Text label="BC journal batch" value={draft.journalBatch} onChange={(v) => set('journalBatch', v)} />
          <Text
            label="Document prefix"
            value={draft.documentPrefix}
            onChange={(v) => set('documentPrefix', v)}
            hint="Numbers are PREFIX-run-0001"
          />
          <label className="field">
            <span>Date format</span>
            <select
              value={draft.dateFormat}
              onChange={(e) => set('dateFormat', e.target.value as Draft['dateFormat'])}
              aria-label="Date format"
            >
              {dateFormats.map((f) => (
                <option key={f} value={f}>
                  {f === 'auto' ? "each system's own" : f}
                </option>
              ))}
            </select>
          </label>
        </div>
        <Text
          label="Narration"
          value={draft.narration}
          onChange={(v) => set('narration', v)}
          hint="Placeholders: {run} {from} {to} {payee} {payeeName} {schemes} {document}"
        />
        <fieldset className="scheme-accounts">
          <legend>Ledgers of their own, by scheme code</legend>
          {draft.schemeAccounts.length === 0 && <p className="muted">Every scheme posts to the discount ledger.</p>}
          {draft.schemeAccounts.map((a, i) => (
            <div className="field-row" key={a.key}>
              {(['scheme', 'name', 'code'] as const).map((k) => (
                <input
                  key={k}
                  value={a[k]}
                  placeholder={k === 'scheme' ? 'Scheme code' : k === 'name' ? 'Ledger name' : 'Account code'}
                  aria-label={`${k} ${i + 1}`}
                  onChange={(e) =>
                    set(
                      'schemeAccounts',
                      draft.schemeAccounts.map((x, j) => (j === i ? { ...x, [k]: e.target.value } : x)),
                    )
                  }
                />
              ))}
              <button
                type="button"
                onClick={() =>
                  set(
                    'schemeAccounts',
                    draft.schemeAccounts.filter((_, j) => j !== i),
                  )
                }
              >
                Remove
              </button>
            </div>
          ))}
          <button
            type="button"
            onClick={() =>
              set('schemeAccounts', [
                ...draft.schemeAccounts,
                { key: crypto.randomUUID(), scheme: '', name: '', code: '' },
              ])
            }
          >
            Add a scheme ledger
          </button>
        </fieldset>
        <InlineError message={problem} />
      </div>
      <div className="dialog-footer">
        <span className="spacer" />
        <button type="button" className="primary" onClick={() => void save()} disabled={saving}>
          Save profile
        </button>
      </div>
    </Dialog>
  );
}
