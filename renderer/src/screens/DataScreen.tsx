import { type DragEvent, useCallback, useEffect, useRef, useState } from 'react';
import type { DatasetSummary } from '../../../main/api/contract';
import type { ApiError } from '../../../main/api/result';
import type { DatasetKind } from '../../../main/datasets/kinds';
import { formatCount } from '../../../main/format/numbers';
import { call } from '../api/client';
import { ErrorPanel } from '../components/ErrorPanel';
import { DatasetGrid } from '../grid/DatasetGrid';
import { BatchHistory } from '../import/BatchHistory';
import { importableFiles } from '../import/file-types';
import { ImportDialog } from '../import/ImportDialog';
import { useWorkspace } from '../workspace-context';

/**
 * Every dataset of the workspace with its row count; the chosen one opens in the grid. Files
 * dropped anywhere on the screen (or picked with Import…) open the import dialog.
 */
export function DataScreen({ importRequests = 0 }: { importRequests?: number }) {
  const { locale } = useWorkspace();
  const [datasets, setDatasets] = useState<DatasetSummary[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [selected, setSelected] = useState<DatasetKind>('sales');
  const [view, setView] = useState<'data' | 'history'>('data');
  const [file, setFile] = useState<File | null>(null);
  const [dragging, setDragging] = useState(false);
  const [version, setVersion] = useState(0);
  const [imports, setImports] = useState(0);
  const picker = useRef<HTMLInputElement>(null);

  const reload = useCallback(() => {
    void call('data.datasets', {}).then((result) => {
      if (result.ok) setDatasets(result.value);
      else setError(result.error);
    });
    setVersion((v) => v + 1);
  }, []);
  useEffect(() => {
    reload();
  }, [reload]);
  useEffect(() => {
    if (importRequests > 0) picker.current?.click();
  }, [importRequests]);

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const dropped = event.dataTransfer.files[0];
    if (dropped) setFile(dropped);
  };

  if (error) return <ErrorPanel title="The datasets could not be read" error={error} />;
  if (!datasets) return <div className="muted">Reading the workspace…</div>;
  const current = datasets.find((d) => d.kind === selected) ?? datasets[0];
  return (
    <section
      aria-label="Data"
      className={dragging ? 'data-screen dragging' : 'data-screen'}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <header className="screen-header with-actions">
        <div>
          <h1>Data</h1>
          <p className="muted">
            Everything imported into this workspace. Choose a dataset to browse it, or drop an ERP export here to import
            it.
          </p>
        </div>
        <div className="actions">
          <div className="segmented" role="tablist">
            <button type="button" role="tab" aria-selected={view === 'data'} onClick={() => setView('data')}>
              Datasets
            </button>
            <button type="button" role="tab" aria-selected={view === 'history'} onClick={() => setView('history')}>
              Import history
            </button>
          </div>
          <button type="button" className="primary" onClick={() => picker.current?.click()}>
            Import…
          </button>
          <input
            ref={picker}
            type="file"
            hidden
            accept={importableFiles}
            data-testid="import-file"
            onChange={(e) => {
              const chosen = e.target.files?.[0];
              if (chosen) setFile(chosen);
              e.target.value = '';
            }}
          />
        </div>
      </header>
      {file && (
        <ImportDialog
          file={file}
          onClose={() => setFile(null)}
          onImported={() => {
            reload();
            setImports((n) => n + 1);
          }}
        />
      )}
      {view === 'history' && <BatchHistory key={imports} onChanged={reload} />}
      {view === 'data' && (
        <ul className="dataset-list" aria-label="Datasets">
          {datasets.map((d) => (
            <li key={d.kind}>
              <button
                type="button"
                className={d.kind === current?.kind ? 'dataset-card active' : 'dataset-card'}
                onClick={() => setSelected(d.kind)}
                data-testid={`dataset-${d.kind}`}
              >
                <span className="dataset-label">{d.label}</span>
                <span className="dataset-rows">{formatCount(d.rows, locale)}</span>
                <span className="muted">{d.rows === 1 ? 'row' : 'rows'}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {view === 'history' ? null : current && current.rows === 0 ? (
        <div className="empty-state">
          <h2>No {current.label.toLowerCase()} yet</h2>
          <p className="muted">
            Drop your ERP's {current.label.toLowerCase()} export here, or use Import…, to see it here.
          </p>
        </div>
      ) : (
        current && <DatasetGrid key={`${current.kind}-${version}`} dataset={current} />
      )}
    </section>
  );
}
