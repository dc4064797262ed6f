import { datasetKinds, datasets } from '../../datasets/kinds';
import { countRows, readRows } from '../../datasets/read';
import type { Workspace } from '../../workspace';
import type { Handlers } from '../dispatch';

export function dataHandlers(ws: Workspace): Pick<Handlers, 'data.datasets' | 'data.rows'> {
  return {
    'data.datasets': () => {
      const counts = countRows(ws.db);
      return datasetKinds.map((kind) => ({
        kind,
        label: datasets[kind].label,
        rows: counts[kind],
        fields: datasets[kind].fields,
      }));
    },
    'data.rows': (query) => readRows(ws.db, query),
  };
}
