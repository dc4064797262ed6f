import { useEffect, useRef } from 'react';
import type { ImportSummary } from '../../../main/api/contract';
import { formatCount, formatDate, formatMoney, formatQuantity } from '../../../main/format/numbers';
import { downloadUrl } from '../api/client';
import { useWorkspace } from '../workspace-context';
import { readyHeadline, rowsWord } from './headline';
import { inWindowWords } from './window-words';

const qtyFields = new Set(['qty']);
const MAX_SHOWN_ERRORS = 200;
/** How many warnings, codes updated or outlets moved the result lists before saying how many more. */
const LISTED = 20;

/** Control totals to reconcile with the ERP's report, the decisions taken, and every rejected row. */
export function ImportResultView({
  result,
  labels,
  validOnly,
}: {
  result: ImportSummary;
  labels: Record<string, string>;
  /** Whether valid rows land while others are rejected (else one rejected row stops the import). */
  validOnly: boolean;
}) {
  const { currency, locale } = useWorkspace();
  const top = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // A block body: Chromium's scrollIntoView may return a promise, which is no effect cleanup.
    void top.current?.scrollIntoView({ block: 'start', behavior: 'smooth' });
  }, []);
  const landed = result.batch !== null;
  /** The first LISTED of a list, and how many more. */
  const listed = (items: readonly string[]) =>
    `${items.slice(0, LISTED).join('; ')}${items.length > LISTED ? ` … and ${formatCount(items.length - LISTED, locale)} more` : ''}`;
  const link = result.rejectsFile ? downloadUrl(result.rejectsFile) : null;
  const updated = result.updatedMasters.length;
  const headline = result.dryRun
    ? result.rejected === 0
      ? readyHeadline(result.rows, result.rowsRead, (n) => formatCount(n, locale), updated)
      : validOnly
        ? `${formatCount(result.rows, locale)} of ${formatCount(result.rowsRead, locale)} rows would be imported; ${formatCount(result.rejected, locale)} would be rejected and kept in quarantine`
        : `${formatCount(result.rejected, locale)} of ${formatCount(result.rowsRead, locale)} rows would be rejected, so nothing would be imported: correct them, or tick “Import valid rows only”`
    : landed
      ? `Imported ${formatCount(result.rows, locale)} ${rowsWord(result.rows)}${updated > 0 ? ` and updated ${formatCount(updated, locale)} ${updated === 1 ? 'code' : 'codes'} of the master` : ''} as batch ${result.batch}`
      : 'Nothing was imported';
  // What the counts say agrees with the headline: a check counts what would be imported; an
  // import that did not land imported nothing, whatever it read.
  const wouldLand = (result.rows > 0 || updated > 0) && (result.rejected === 0 || validOnly);
  const imported = landed || (result.dryRun && wouldLand) ? result.rows : 0;
  return (
    <div className="import-result" data-testid="import-result" ref={top}>
      <h3 className={landed || (result.dryRun && result.rejected === 0) ? 'good' : 'bad'}>{headline}</h3>
      <table className="totals-table">
        <tbody>
          <tr>
            <th>File</th>
            <td>
              {result.file} · sheet “{result.sheet}” · header on row {result.headerRow} · {result.format}
              {result.encoding ? ` · ${result.encoding}` : ''}
            </td>
          </tr>
          <tr>
            <th>{result.dryRun ? 'Rows read / would import / would reject' : 'Rows read / imported / rejected'}</th>
            <td data-testid="row-counts">
              {formatCount(result.rowsRead, locale)} / {formatCount(imported, locale)} /{' '}
              {formatCount(result.rejected, locale)}
            </td>
          </tr>
          {result.skippedSummary && (
            <tr>
              <th>Left out</th>
              <td data-testid="skipped">{result.skippedSummary}</td>
            </tr>
          )}
          {updated > 0 && (
            <tr>
              <th>{result.dryRun ? 'Would update in the master' : 'Updated in the master'}</th>
              <td data-testid="updated-masters">
                {listed(result.updatedMasters.map((u) => `${u.code}: ${u.changes.join(', ')}`))}
              </td>
            </tr>
          )}
          {result.movedOutlets.length > 0 && (
            <tr>
              <th>{result.dryRun ? 'Would move outlets' : 'Outlets moved'}</th>
              <td data-testid="moved-outlets">
                {listed(result.movedOutlets.map((m) => `${m.outlet} from ${m.from} to ${m.to}`))}
              </td>
            </tr>
          )}
          {result.warnings.length > 0 && (
            <tr>
              <th>Warnings</th>
              <td data-testid="import-warnings">{listed(result.warnings.map((w) => inWindowWords(w)))}</td>
            </tr>
          )}
          <tr>
            <th>Dates</th>
            <td>
              {result.dateRange
                ? `${formatDate(result.dateRange[0], locale)} – ${formatDate(result.dateRange[1], locale)}`
                : '—'}
            </td>
          </tr>
          {Object.entries(result.totals).map(([field, total]) => (
            <tr key={field}>
              <th>Total {labels[field] ?? field}</th>
              <td className="number" data-testid={`total-${field}`}>
                {qtyFields.has(field) ? formatQuantity(total, locale) : formatMoney(total, currency, locale)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ul className="decisions">
        {result.decisions.map((d) => (
          <li key={d.decision}>{inWindowWords(d.decision)}</li>
        ))}
      </ul>
      {Object.entries(result.created).some(([, list]) => list.length > 0) && (
        <p>
          {result.dryRun ? 'Will create' : 'Created'}:{' '}
          {Object.entries(result.created)
            .filter(([, list]) => list.length > 0)
            .map(
              ([kind, list]) =>
                `${formatCount(list.length, locale)} ${list.length === 1 ? kind.slice(0, -1) : kind} (${list.slice(0, 8).join(', ')}${list.length > 8 ? '…' : ''})`,
            )
            .join('; ')}
        </p>
      )}
      {result.errors.length > 0 && (
        <>
          <div className="errors-header">
            <strong>
              {formatCount(result.errorCount, locale)} problem{result.errorCount === 1 ? '' : 's'} in{' '}
              {formatCount(result.rejected, locale)} row{result.rejected === 1 ? '' : 's'}
            </strong>
            {result.rejectsFile &&
              (link ? (
                <a href={link} download>
                  Download the rejected rows (.xlsx)
                </a>
              ) : (
                <span className="muted">Rejected rows saved to {result.rejectsFile}</span>
              ))}
          </div>
          <div className="errors-scroll">
            <table className="errors-table" data-testid="import-errors">
              <thead>
                <tr>
                  <th>Row</th>
                  <th>Column</th>
                  <th>Value</th>
                  <th>Problem</th>
                </tr>
              </thead>
              <tbody>
                {result.errors.slice(0, MAX_SHOWN_ERRORS).map((e) => (
                  <tr key={`${e.row}|${e.column}|${e.message}`}>
                    <td className="number">{e.row}</td>
                    <td>{e.column}</td>
                    <td>{e.value}</td>
                    <td>{inWindowWords(e.message)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {result.errors.length > MAX_SHOWN_ERRORS && (
            <p className="muted">The first {MAX_SHOWN_ERRORS} are shown; the workbook has them all.</p>
          )}
        </>
      )}
    </div>
  );
}
