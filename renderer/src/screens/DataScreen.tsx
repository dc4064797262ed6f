import { useEffect, useState } from 'react';
import type { DatasetSummary } from '../../../main/api/contract';
import type { ApiError } from '../../../main/api/result';
import type { DatasetKind } from '../../../main/datasets/kinds';
import { call } from '../api/client';
import { ErrorPanel } from '../components/ErrorPanel';
import { formatCount } from '../format/numbers';
import { DatasetGrid } from '../grid/DatasetGrid';
import { useWorkspace } from '../workspace-context';

/** Every dataset of the workspace with its row count; the chosen one opens in the grid. */
export function DataScreen() {
  const { locale } = useWorkspace();
  const [datasets, setDatasets] = useState<DatasetSummary[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [selected, setSelected] = useState<DatasetKind>('sales');

  useEffect(() => {
    void call('data.datasets', {}).then((result) => {
      if (result.ok) setDatasets(result.value);
      else setError(result.error);
    });
  }, []);

  if (error) return <ErrorPanel title="The datasets could not be read" error={error} />;
  if (!datasets) return <div className="muted">Reading the workspace…</div>;
  const current = datasets.find((d) => d.kind === selected) ?? datasets[0];
  return (
    <section className="data-screen">
      <header className="screen-header">
        <h1>Data</h1>
        <p className="muted">
          Everything imported into this workspace. Choose a dataset to browse, sort and filter it.
        </p>
      </header>
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
      {current && current.rows === 0 ? (
        <div className="empty-state">
          <h2>No {current.label.toLowerCase()} yet</h2>
          <p className="muted">Import your ERP's {current.label.toLowerCase()} export to see it here.</p>
        </div>
      ) : (
        current && <DatasetGrid key={current.kind} dataset={current} />
      )}
    </section>
  );
}
