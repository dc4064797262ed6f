import { join } from 'node:path';
import { stampedPath } from '../../files/names';
import { writeNearMisses } from '../../insights/near-miss-xlsx';
import { schemeInsights } from '../../insights/scheme';
import { runCalculator, runJob } from '../../runs/calculator';
import type { RunWorkerInput } from '../../runs/worker';
import { schemeChoices } from '../../schemes/choices';
import { checkScheme, getScheme, listSchemes, retireScheme, saveScheme } from '../../schemes/store';
import type { Workspace } from '../../workspace';
import type { Handlers } from '../dispatch';
import { ApiFailure } from '../result';

type SchemeHandlers = Pick<
  Handlers,
  | 'schemes.list'
  | 'schemes.get'
  | 'schemes.validate'
  | 'schemes.save'
  | 'schemes.retire'
  | 'schemes.preview'
  | 'schemes.whatif'
  | 'schemes.choices'
  | 'schemes.insights'
  | 'schemes.nearMissWorkbook'
>;

export function schemeHandlers(ws: Workspace): SchemeHandlers {
  // Previews and what-ifs go to the workspace's kept run worker, which stores nothing for them.
  const job = (fields: Pick<RunWorkerInput, 'from' | 'to' | 'preview' | 'whatif'>) => runJob(ws, fields);
  return {
    'schemes.list': () => listSchemes(ws.db),
    'schemes.get': ({ code, version }) => {
      const scheme = getScheme(ws.db, code, version);
      if (!scheme)
        throw new ApiFailure('not_found', `There is no scheme ${code}${version ? ` version ${version}` : ''}`);
      return scheme;
    },
    'schemes.validate': ({ definition }) => ({ problems: checkScheme(ws.db, definition).problems }),
    'schemes.save': ({ definition }) => saveScheme(ws.db, definition, ws.user),
    'schemes.retire': ({ code }) => {
      retireScheme(ws.db, code, ws.user);
      return { code };
    },
    'schemes.preview': ({ definition, from, to }, ctx) =>
      runCalculator(ws.dbPath).run(job({ from, to, preview: definition }), {
        onProgress: ctx.progress,
        signal: ctx.signal,
      }),
    'schemes.choices': () => schemeChoices(ws.db),
    'schemes.insights': ({ code, nearMissPct }) => schemeInsights(ws.db, code, { nearMissPct }),
    // Into the workspace's files folder, where the browser UI may download it from.
    'schemes.nearMissWorkbook': async ({ code, nearMissPct }) => {
      const insights = schemeInsights(ws.db, code, { nearMissPct });
      const path = stampedPath(join(ws.dataFolder, 'insights'), `${code} near misses.xlsx`);
      await writeNearMisses(path, insights);
      return { path };
    },
    'schemes.whatif': ({ definition, vs, from, to }, ctx) =>
      runCalculator(ws.dbPath).run(job({ from, to, whatif: { definition, vs } }), {
        onProgress: ctx.progress,
        signal: ctx.signal,
      }),
  };
}
