import { useEffect, useState } from 'react';
import type { FilterModel } from '../../../main/datasets/grid-query';
import { formatCount, formatMoney } from '../../../main/format/numbers';
import type { Grouping } from '../../../main/review/groupings';
import type { ReviewGroup } from '../../../main/review/lines';
import { call } from '../api/client';
import { InlineError } from '../components/InlineError';
import { useWorkspace } from '../workspace-context';

/**
 * Subtotals per scheme, region or distributor over the lines the grid's filters let through.
 * (ag-grid's row grouping is an Enterprise feature; these come from SQL GROUP BY instead.)
 * Clicking a group filters the grid to it.
 */
export function GroupSummary({
  run,
  by,
  filterModel,
  quickFilter,
  onPick,
}: {
  run: number;
  by: Grouping;
  filterModel: FilterModel;
  quickFilter: string;
  onPick: (key: string | null) => void;
}) {
  const { currency, locale } = useWorkspace();
  const [groups, setGroups] = useState<ReviewGroup[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    void call('review.groups', { run, by, filterModel, quickFilter }).then((r) =>
      r.ok ? setGroups(r.value) : setProblem(r.error.message),
    );
  }, [run, by, filterModel, quickFilter]);

  if (problem) return <InlineError message={problem} />;
  if (!groups) return <div className="group-summary muted">Adding up…</div>;
  const label = { scheme: 'Scheme', region: 'Region', distributor: 'Distributor' }[by];
  return (
    <div className="group-summary" data-testid="group-summary">
      <table>
        <thead>
          <tr>
            <th>{label}</th>
            <th className="number">Lines</th>
            <th className="number">Overridden</th>
            <th className="number">Calculated</th>
            <th className="number">Final</th>
          </tr>
        </thead>
        <tbody>
          {groups.map((g) => (
            <tr
              key={g.key ?? '(none)'}
              onClick={() => onPick(g.key)}
              title={`Show only ${g.key ?? 'lines without one'}`}
            >
              <td>{g.key ?? '(none)'}</td>
              <td className="number">{formatCount(g.lines, locale)}</td>
              <td className="number">{formatCount(g.overridden, locale)}</td>
              <td className="number">{formatMoney(g.calculated, currency, locale)}</td>
              <td className="number">{formatMoney(g.final, currency, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
