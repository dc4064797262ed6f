import { useCallback, useEffect, useState } from 'react';
import { formatCount, formatDate } from '../../../main/format/numbers';
import type { BatchSummary } from '../../../main/import/batches';
import { call, downloadUrl } from '../api/client';
import { useWorkspace } from '../workspace-context';
import { rowsWord } from './headline';

/** Every import batch, with what it brought and a roll-back for the ones still in the workspace. */
export function BatchHistory({ onChanged }: { onChanged: () => void }) {
  const { locale } = useWorkspace();
  const [batches, setBatches] = useState<BatchSummary[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const load = useCallback(() => {
    void call('import.batches', {}).then((r) => (r.ok ? setBatches(r.value) : setMessage(r.error.message)));
  }, []);
  useEffect(() => {
    load();
  }, [load]);

  const rollBack = async (batch: BatchSummary) => {
    if (
      !window.confirm(
        `Roll back batch ${batch.id} (${batch.fileName})? Its ${formatCount(batch.rowsImported, locale)} ${rowsWord(batch.rowsImported)} leave the workspace.`,
      )
    ) {
      return;
    }
    const r = await call('import.rollback', { batch: batch.id });
    setMessage(
      r.ok
        ? `Batch ${batch.id} rolled back: ${formatCount(r.value.rowsRemoved, locale)} ${rowsWord(r.value.rowsRemoved)} removed${r.value.mastersRestored > 0 ? `, ${formatCount(r.value.mastersRestored, locale)} master ${r.value.mastersRestored === 1 ? 'value' : 'values'} put back` : ''}.`
        : r.error.message,
    );
    load();
    if (r.ok) onChanged();
  };

  // The quarantine of any batch, as a workbook to correct and import again.
  const downloadRejected = async (batch: BatchSummary) => {
    const r = await call('import.quarantineWorkbook', { batch: batch.id });
    if (!r.ok) return setMessage(r.error.message);
    const link = downloadUrl(r.value.path);
    if (!link) return setMessage(`The rejected rows of batch ${batch.id} are saved to ${r.value.path}`);
    Object.assign(document.createElement('a'), { href: link, download: '' }).click();
  };

  if (!batches) return <p className="muted">Reading the import history…</p>;
  return (
    <div className="batch-history">
      {message && <p className="notice">{message}</p>}
      {batches.length === 0 ? (
        <p className="muted">Nothing has been imported yet.</p>
      ) : (
        <table className="batches-table" data-testid="batches">
          <thead>
            <tr>
              <th>Batch</th>
              <th>File</th>
              <th>Dataset</th>
              <th>Rows</th>
              <th>Rejected</th>
              <th>Dates</th>
              <th>Imported</th>
              <th>SHA-256</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {batches.map((b) => (
              <tr key={b.id} className={b.status === 'rolled_back' ? 'rolled-back' : undefined}>
                <td className="number">{b.id}</td>
                <td title={b.sheet ? `sheet ${b.sheet}` : undefined}>{b.fileName}</td>
                <td>{b.kind}</td>
                <td className="number">{formatCount(b.rowsImported, locale)}</td>
                <td className="number">
                  {b.rowsRejected > 0 ? (
                    <button
                      type="button"
                      className="link"
                      title="Download the rejected rows, with why each was refused"
                      onClick={() => void downloadRejected(b)}
                    >
                      {formatCount(b.rowsRejected, locale)} (.xlsx)
                    </button>
                  ) : (
                    formatCount(b.rowsRejected, locale)
                  )}
                </td>
                <td>{b.dateFrom ? `${formatDate(b.dateFrom, locale)} – ${formatDate(b.dateTo, locale)}` : ''}</td>
                <td>
                  {formatDate(b.importedAt.slice(0, 10), locale)} by {b.importedBy}
                </td>
                <td className="mono" title={b.sha256}>
                  {b.sha256.slice(0, 12)}…
                </td>
                <td>
                  {b.status === 'rolled_back' ? (
                    <span className="muted">rolled back by {b.rolledBackBy}</span>
                  ) : (
                    <button type="button" onClick={() => void rollBack(b)}>
                      Roll back
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
