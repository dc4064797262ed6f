import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Result, RunListItem } from '../../../main/api/contract';
import type { Progress } from '../../../main/api/progress';
import type { ExportResult } from '../../../main/exports/export';
import type { ExportFormatId } from '../../../main/exports/formats';
import type { SavedProfile } from '../../../main/exports/profiles';
import { formatDate, formatMoney } from '../../../main/format/numbers';
import { call, downloadUrl, newCallId } from '../api/client';
import { InlineError } from '../components/InlineError';
import { ProgressBar } from '../components/ProgressBar';
import { StatusBadge } from '../runs/StatusBadge';
import { useWorkspace } from '../workspace-context';
import { ExportHistory } from './ExportHistory';
import { ExportPreview, type PreviewResult } from './ExportPreview';
import { ProfileDialog } from './ProfileDialog';
import './exports.css';

type FormatInfo = Result<'exports.formats'>[number];
interface Outcome {
  preview?: PreviewResult;
  result?: ExportResult;
  problem?: string;
}

/** The workflow, as the API reports it for the run, lets it be exported (not merely drafted). */
const exportable = (run: RunListItem | undefined) => run?.actions.includes('export') ?? false;

/**
 * Pick a run, a format and a profile; preview the first rows; write the files. Only approved
 * runs are exported; any other run can be written as a draft preview, marked in the file itself.
 */
export function ExportsScreen() {
  const inBrowser = downloadUrl('') !== null;
  const { currency, locale, dataFolder } = useWorkspace();
  const [runs, setRuns] = useState<RunListItem[] | null>(null);
  const [formats, setFormats] = useState<FormatInfo[]>([]);
  const [profiles, setProfiles] = useState<SavedProfile[]>([]);
  const [runId, setRunId] = useState<number | null>(null);
  const [format, setFormat] = useState<ExportFormatId>('xlsx');
  const [profile, setProfile] = useState('Default');
  const [out, setOut] = useState('');
  const [draft, setDraft] = useState(false);
  const [outcome, setOutcome] = useState<Outcome & { choice: string }>({ choice: '' });
  const [busy, setBusy] = useState<'preview' | 'export' | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [loadProblem, setLoadProblem] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const [historyVersion, setHistoryVersion] = useState(0);
  const callId = useRef('');

  const loadProfiles = useCallback(
    () => call('exports.profiles', {}).then((r) => (r.ok ? setProfiles(r.value) : setLoadProblem(r.error.message))),
    [],
  );
  useEffect(() => {
    void call('runs.list', {}).then((r) => {
      if (!r.ok) return setLoadProblem(r.error.message);
      setRuns(r.value);
      const first = r.value.find(exportable) ?? r.value[0];
      setRunId((current) => current ?? first?.id ?? null);
    });
    void call('exports.formats', {}).then((r) => (r.ok ? setFormats(r.value) : setLoadProblem(r.error.message)));
    void loadProfiles();
  }, [loadProfiles]);

  const run = useMemo(() => runs?.find((r) => r.id === runId), [runs, runId]);
  const approved = exportable(run);
  const asDraft = draft || !approved;
  const chosenFormat = formats.find((f) => f.id === format);
  const chosenProfile = profiles.find((p) => p.profile.name === profile)?.profile;

  // A preview, a result or a refusal belongs to the choice it was made for, and shows only while
  // that is still the choice on screen.
  const choice = JSON.stringify([runId, format, profile, asDraft]);
  const shown: Outcome = outcome.choice === choice ? outcome : {};

  const start = async <T,>(kind: 'preview' | 'export', work: (id: string) => Promise<T>) => {
    setBusy(kind);
    setOutcome({ choice });
    setProgress(null);
    callId.current = newCallId();
    try {
      return await work(callId.current);
    } finally {
      setBusy(null);
    }
  };

  const showPreview = () =>
    void start('preview', async (id) => {
      if (runId === null) return;
      const r = await call(
        'exports.preview',
        { run: runId, format, profile, draft: asDraft },
        { callId: id, onProgress: setProgress },
      );
      setOutcome(r.ok ? { choice, preview: r.value } : { choice, problem: r.error.message });
    });

  const write = () =>
    void start('export', async (id) => {
      if (runId === null) return;
      const r = await call(
        'exports.run',
        // In a browser, statements come also as pages its print view saves as PDF.
        { run: runId, format, profile, draft: asDraft, out: out.trim() || undefined, printable: inBrowser },
        { callId: id, onProgress: setProgress },
      );
      if (!r.ok) return setOutcome({ choice, problem: r.error.message });
      setOutcome({ choice, result: r.value });
      setHistoryVersion((v) => v + 1);
      const refreshed = await call('runs.list', {});
      if (refreshed.ok) setRuns(refreshed.value);
    });

  if (runs !== null && runs.length === 0) {
    return (
      <section className="exports-screen">
        <header className="screen-header">
          <div>
            <h1>Exports</h1>
            <p className="muted">Payout files for your accounting system, and a statement for every distributor.</p>
          </div>
        </header>
        <div className="empty-state">
          <h2>Nothing to export yet</h2>
          <p className="muted">
            Calculate a run on the Runs screen and have it approved; its payout files are written here.
          </p>
        </div>
      </section>
    );
  }

  return (
    <section className="exports-screen">
      <header className="screen-header">
        <div>
          <h1>Exports</h1>
          <p className="muted">
            Payout files for your accounting system, and a statement for every distributor. Only approved runs are
            exported.
          </p>
        </div>
      </header>
      <div className="export-form">
        <label className="field">
          <span>Run</span>
          <select value={runId ?? ''} onChange={(e) => setRunId(Number(e.target.value))} aria-label="Run">
            {(runs ?? []).map((r) => (
              <option key={r.id} value={r.id}>
                Run {r.id}: {formatDate(r.from, locale)} – {formatDate(r.to, locale)},{' '}
                {formatMoney(r.total, currency, locale)} ({r.status})
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Format</span>
          <select value={format} onChange={(e) => setFormat(e.target.value as ExportFormatId)} aria-label="Format">
            {formats.map((f) => (
              <option key={f.id} value={f.id}>
                {f.label}
              </option>
            ))}
          </select>
        </label>
        <div className="field">
          <span>Profile</span>
          <div className="inline-controls">
            <select value={profile} onChange={(e) => setProfile(e.target.value)} aria-label="Profile">
              {profiles.map((p) => (
                <option key={p.profile.name} value={p.profile.name}>
                  {p.profile.name}
                </option>
              ))}
            </select>
            <button type="button" onClick={() => setEditing(true)} disabled={!chosenProfile}>
              Edit profile…
            </button>
          </div>
        </div>
        <label className="field">
          <span>Folder</span>
          <input
            value={out}
            onChange={(e) => setOut(e.target.value)}
            placeholder={`${dataFolder}/exports`}
            aria-label="Folder"
          />
        </label>
      </div>
      {chosenFormat && <p className="muted format-description">{chosenFormat.description}</p>}
      {run && (
        <div className={approved ? 'export-status' : 'export-status draft'}>
          <StatusBadge status={run.status} />
          {approved ? (
            <span>
              Approved by {run.approvedBy} on {formatDate(run.approvedAt, locale)}.{' '}
              {run.status === 'approved'
                ? 'Exporting moves it to Exported.'
                : 'Exporting again writes the same content.'}
            </span>
          ) : (
            <span>
              Run {run.id} is not approved: it can only be written as a draft preview, marked “DRAFT — NOT APPROVED” in
              the file.
            </span>
          )}
          {approved && (
            <label className="checkbox">
              <input type="checkbox" checked={draft} onChange={(e) => setDraft(e.target.checked)} /> Draft preview only
            </label>
          )}
        </div>
      )}
      <div className="actions">
        <button type="button" onClick={showPreview} disabled={busy !== null || runId === null}>
          Preview
        </button>
        <button type="button" className="primary" onClick={write} disabled={busy !== null || runId === null}>
          {asDraft ? 'Write draft preview' : 'Export'}
        </button>
        {busy && (
          <button type="button" onClick={() => void call('calls.cancel', { callId: callId.current })}>
            Cancel
          </button>
        )}
      </div>
      {busy && <ProgressBar progress={progress} />}
      <InlineError message={shown.problem ?? loadProblem} />
      {shown.result && <ExportDone result={shown.result} />}
      {shown.preview?.warnings.map((warning) => (
        <div key={warning} className="notice warn" role="alert" data-testid="export-warning">
          {warning}. Exporting is refused until each payee has its own party ledger: name parties by code, or by the
          ledger name of the distributors master.
        </div>
      ))}
      {shown.preview && <ExportPreview preview={shown.preview} />}
      <ExportHistory run={runId} version={historyVersion} />
      {editing && chosenProfile && (
        <ProfileDialog
          profile={chosenProfile}
          onClose={() => setEditing(false)}
          onSaved={(saved) => {
            setEditing(false);
            void loadProfiles().then(() => setProfile(saved.name));
          }}
        />
      )}
    </section>
  );
}

function ExportDone({ result }: { result: ExportResult }) {
  const { currency, locale } = useWorkspace();
  return (
    <div className="notice export-done" role="status">
      <strong>
        {result.draft ? 'Draft preview written' : `Exported; run ${result.run} is ${result.status}`}:{' '}
        {result.files.length === 1 ? '1 file' : `${result.files.length} files`} in {result.folder}
      </strong>
      <div>
        Control total {formatMoney(result.controlTotal, currency, locale)} = run total{' '}
        {formatMoney(result.runTotal, currency, locale)}
      </div>
      <ul className="file-list">
        {result.files.slice(0, 8).map((f) => {
          const link = downloadUrl(f.path);
          const page = f.name.endsWith('.html');
          return (
            <li key={f.name}>
              {link ? (
                <a href={link} {...(page ? { target: '_blank', rel: 'noopener' } : { download: '' })}>
                  {page ? `${f.name} (print or save as PDF)` : f.name}
                </a>
              ) : (
                f.name
              )}{' '}
              · {f.rows} rows · <span className="mono">SHA-256 {f.sha256}</span>
            </li>
          );
        })}
        {result.files.length > 8 && <li>… and {result.files.length - 8} more (all hashes are in the history below)</li>}
      </ul>
    </div>
  );
}
