import { useEffect, useState } from 'react';
import type { ClaimReconciliation } from '../../../main/controls/claims';
import { formatMoney } from '../../../main/format/numbers';
import { call, stageFile } from '../api/client';
import { Dialog } from '../components/Dialog';
import { InlineError } from '../components/InlineError';
import { importableFiles } from '../import/file-types';
import { useWorkspace } from '../workspace-context';

/**
 * A distributor's claims against the run: pick the claim sheet, and read each claim beside what
 * the run pays, with the difference explained. The last sheet imported is kept with the run.
 */
export function ClaimsDialog({ run, onClose }: { run: number; onClose: () => void }) {
  const { currency, locale } = useWorkspace();
  const money = (amount: string | null) => (amount === null ? '—' : formatMoney(amount, currency, locale));
  const [claims, setClaims] = useState<ClaimReconciliation | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    void call('review.claims', { run }).then((r) => (r.ok ? setClaims(r.value) : setProblem(r.error.message)));
  }, [run]);
  const importFile = async (file: File) => {
    setBusy(true);
    setProblem(null);
    try {
      const staged = await stageFile(file);
      const r = await call('review.importClaims', { run, path: staged.path, name: staged.name });
      if (r.ok) setClaims(r.value);
      else setProblem(r.error.message);
    } catch (error) {
      setProblem((error as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title={`Claims against run ${run}`} label="Claims" onClose={onClose} testId="claims-dialog">
      <div className="dialog-body summary">
        <label className="field">
          <span>A claim sheet (payee, scheme, claimed amount, and optionally the claimed measure)</span>
          <input
            type="file"
            accept={importableFiles}
            aria-label="Claim file"
            disabled={busy}
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void importFile(file);
            }}
          />
        </label>
        <InlineError message={problem} />
        {busy && <p className="muted">Reading the claims…</p>}
        {claims && claims.lines.length === 0 && !busy && <p className="muted">No claims imported for this run yet.</p>}
        {claims && claims.lines.length > 0 && (
          <table data-testid="claims-table">
            <thead>
              <tr>
                <th>Row</th>
                <th>Payee</th>
                <th>Scheme</th>
                <th className="number">Claimed</th>
                <th className="number">Computed</th>
                <th className="number">Difference</th>
                <th>Why</th>
              </tr>
            </thead>
            <tbody>
              {claims.lines.map((l) => (
                <tr key={l.row}>
                  <td>{l.row}</td>
                  <td>{l.payee}</td>
                  <td>{l.scheme}</td>
                  <td className="number">{money(l.claimed)}</td>
                  <td className="number">{money(l.computed)}</td>
                  <td className="number">{money(l.difference)}</td>
                  <td>
                    <strong>{l.verdict}</strong>: {l.explanation}
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <td colSpan={3}>{claims.file ?? ''}</td>
                <td className="number">{money(claims.claimed)}</td>
                <td className="number">{money(claims.computed)}</td>
                <td className="number">{money(claims.difference)}</td>
                <td />
              </tr>
            </tfoot>
          </table>
        )}
      </div>
    </Dialog>
  );
}
