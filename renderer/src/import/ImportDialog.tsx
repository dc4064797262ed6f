import { useEffect, useRef, useState } from 'react';
import type { ImportSummary } from '../../../main/api/contract';
import type { Progress } from '../../../main/api/progress';
import { type DatasetKind, datasetKinds, isMasterKind } from '../../../main/datasets/kinds';
import { formatCount, formatDate } from '../../../main/format/numbers';
import type { DateOrderName } from '../../../main/import/dates';
import type { TypeClass } from '../../../main/import/doc-types';
import type { ImportPreview } from '../../../main/import/inspect';
import { SECTION_IN_FIRST } from '../../../main/import/section-headers';
import { call, newCallId, stageFile } from '../api/client';
import { Dialog } from '../components/Dialog';
import { InlineError } from '../components/InlineError';
import { ProgressBar } from '../components/ProgressBar';
import { guardedClose, useUnsavedChanges } from '../components/unsaved';
import { useWorkspace } from '../workspace-context';
import { guessKind } from './guessKind';
import { ImportResultView } from './ImportResultView';
import { MappingEditor } from './MappingEditor';
import { inWindowWords } from './window-words';

const kindLabels: Record<DatasetKind, string> = {
  distributors: 'Distributors',
  outlets: 'Outlets',
  products: 'Products',
  sales: 'Sales (invoices and credit notes)',
  receivables: 'Receivables (outstanding)',
  payments: 'Payments (receipts)',
  targets: 'Targets',
};

/** A type read row by row where nobody says otherwise: by the party's side, as money given back, or (a series of numbers) by its sign. */
const rowDecides = (why: string) => why === 'side' || why === 'given back' || why === 'number';

/** A preview cell as the user reads it: a date cell (it arrives as an ISO instant) as a date. */
function previewCell(cell: unknown, locale: string): string {
  const text = String(cell ?? '');
  return /^\d{4}-\d{2}-\d{2}T00:00:00\.000Z$/.test(text) ? formatDate(text, locale) : text;
}

type ImportChoice =
  | 'validOnly'
  | 'createMissing'
  | 'replace'
  | 'round'
  | 'skipExactRepeats'
  | 'fillDown'
  | 'moveOutlets'
  | 'updateMasters'
  | 'anyDates';

/** The choices an import takes besides its columns, in the user's words. */
const importChoices: [ImportChoice, string][] = [
  ['validOnly', 'Import valid rows only (keep the rest in quarantine)'],
  ['createMissing', 'Create missing distributors, outlets and products'],
  ['replace', 'Replace an earlier import of this file'],
  ['round', 'Round amounts with more than two decimals half-up to the paisa'],
  ['skipExactRepeats', 'Leave out rows that repeat another row exactly'],
  ['fillDown', 'Take a blank date, party or outlet from the row above (a report shows it once)'],
  ['moveOutlets', 'Move an outlet to the distributor its sales name'],
  ['updateMasters', 'Update codes the master holds as this file writes them'],
  ['anyDates', 'Take dates before 1990 or more than a year ahead'],
];

/**
 * File → kind → mapping and preview → check or import (with progress and cancel) → control
 * totals and rejects. Nothing is stored until the user presses Import, and then all or nothing.
 */
export function ImportDialog({
  file,
  onClose,
  onImported,
}: {
  file: File;
  onClose: () => void;
  onImported: () => void;
}) {
  const { locale } = useWorkspace();
  const [staged, setStaged] = useState<{ path: string; name: string } | null>(null);
  const [kind, setKind] = useState<DatasetKind>(guessKind(file.name));
  const [sheet, setSheet] = useState<string | undefined>(undefined);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [defaults, setDefaults] = useState<Record<string, string>>({});
  const [options, setOptions] = useState<Record<ImportChoice, boolean>>({
    validOnly: false,
    createMissing: false,
    replace: false,
    round: false,
    skipExactRepeats: false,
    fillDown: false,
    moveOutlets: false,
    updateMasters: false,
    anyDates: false,
  });
  const [dateOrder, setDateOrder] = useState<DateOrderName | undefined>(undefined);
  /** Types the import named beyond the rows the preview read: unknown types, or series of credit notes' numbers. */
  const [unseenTypes, setUnseenTypes] = useState<Map<string, 'unknown' | 'number'>>(new Map());
  const addUnseen = (names: readonly string[], why: 'unknown' | 'number') =>
    setUnseenTypes((seen) => new Map([...seen, ...names.filter((n) => !seen.has(n)).map((n) => [n, why] as const)]));
  const [typeMap, setTypeMap] = useState<Record<string, TypeClass>>({});
  const [profileName, setProfileName] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<ImportSummary | null>(null);
  const callId = useRef('');
  /** The saved mapping whose choices the dialog has taken as its own. */
  const adopted = useRef<string | null>(null);

  useEffect(() => {
    stageFile(file).then(setStaged, (error: Error) => setProblem(error.message));
  }, [file]);

  useEffect(() => {
    if (!staged) return;
    setPreview(null);
    setResult(null);
    void call('import.inspect', { path: staged.path, kind, sheet, fileName: staged.name, dateOrder }).then((r) => {
      if (!r.ok) return setProblem(r.error.message);
      setProblem(null);
      setPreview(r.value);
      setMapping(r.value.mapping);
      setProposed(r.value.mapping);
      // What the file's title gives (an ageing report's as-of date), unless the user typed a value.
      setDefaults((typed) => ({
        ...r.value.defaults,
        ...Object.fromEntries(Object.entries(typed).filter(([, v]) => v)),
      }));
      setProfileName(r.value.profile ?? '');
      // A saved mapping's choices, taken once as the dialog's own: what it shows is what the import takes.
      const { profile, choices } = r.value;
      if (profile && adopted.current !== profile) {
        adopted.current = profile;
        setTypeMap((chosen) => ({ ...choices.typeMap, ...chosen }));
        if (choices.round) setOptions((o) => ({ ...o, round: true }));
        if (choices.dateOrder) setDateOrder((order) => order ?? choices.dateOrder);
      }
    });
  }, [staged, kind, sheet, dateOrder]);

  const start = async (dryRun: boolean) => {
    if (!staged) return;
    callId.current = newCallId();
    setRunning(true);
    setResult(null);
    setProblem(null);
    setProgress(null);
    const defaultsGiven = Object.fromEntries(Object.entries(defaults).filter(([, v]) => v.trim() !== ''));
    const r = await call(
      'import.run',
      {
        path: staged.path,
        fileName: staged.name,
        kind,
        sheet: preview?.sheet ?? sheet,
        mapping,
        defaults: defaultsGiven,
        dateOrder,
        typeMap,
        dryRun,
        ...options,
      },
      { callId: callId.current, onProgress: setProgress },
    );
    setRunning(false);
    if (!r.ok) {
      // Document types the file uses and nobody has said what they are: offered below to decide.
      const unknown = [...r.error.message.matchAll(/"([^"]+)" \(\d+ rows\)/g)].map((m) => m[1] as string);
      if (unknown.length > 0) addUnseen(unknown, 'unknown');
      return setProblem(r.error.message);
    }
    // A series of credit notes' numbers the import warned of beyond the rows the preview read.
    const series = r.value.warnings.flatMap((w) =>
      [...w.matchAll(/--type-map "([^"=]+)=credit_note"/g)].map((m) => m[1] as string),
    );
    if (series.length > 0) addUnseen(series, 'number');
    setResult(r.value);
    if (r.value.batch !== null) onImported();
  };

  const saveProfile = async () => {
    if (!preview || !profileName.trim()) return;
    const r = await call('mappings.save', {
      name: profileName.trim(),
      kind,
      headers: preview.headers,
      mapping,
      choices: { dateOrder, typeMap, round: options.round },
    });
    if (r.ok) setProposed(mapping);
    setNotice(
      r.ok ? `Mapping saved as “${r.value.name}”; it will be proposed for files with these columns.` : r.error.message,
    );
  };

  const labels = Object.fromEntries((preview?.fields ?? []).map((f) => [f.name, f.label]));
  // The types the preview found, and any the import named that lie beyond the rows it read.
  // Those still to be said come first.
  const documentTypes = [
    ...(preview?.documentTypes ?? []),
    ...[...unseenTypes]
      .filter(([name]) => !preview?.documentTypes.some((t) => t.name === name))
      .map(([name, why]) => ({ name, rows: 0, as: null, why })),
  ].sort((a, b) => Number(!!(typeMap[a.name] ?? a.as)) - Number(!!(typeMap[b.name] ?? b.as)) || b.rows - a.rows);
  const undecided = documentTypes.filter((t) => !(typeMap[t.name] ?? t.as) && !rowDecides(t.why)).length;
  const typeWord = kind === 'payments' ? 'voucher type' : 'document type';
  const typeChoices: [TypeClass, string][] =
    kind === 'payments'
      ? [
          ['receipt', 'a receipt (money received)'],
          ['skip', 'not a receipt (skip)'],
        ]
      : [
          ['invoice', 'an invoice'],
          ['credit_note', 'a credit note'],
          ['skip', 'not a sale (skip)'],
        ];
  // Columns are positional (two may share a header text), so their position is their identity.
  const read = (preview?.headers ?? []).map((header, position) => ({ id: `column-${position}`, header, position }));
  // The headings a report writes in its first column come after the file's own columns: shown first,
  // beside the lines they are read into.
  const columns = [
    ...read.filter((c) => c.header === SECTION_IN_FIRST),
    ...read.filter((c) => c.header !== SECTION_IN_FIRST),
  ];
  const qualifying = preview?.sheets.filter((s) => s.qualifies) ?? [];
  // A mapping changed from what was proposed, and neither imported nor saved: closing asks first.
  const [proposed, setProposed] = useState<Record<string, string>>({});
  const remapped = result?.batch == null && JSON.stringify(mapping) !== JSON.stringify(proposed);
  // What the import would refuse with the proposed quantity column: mended by mapping another.
  const refusal = preview?.refusal && mapping.qty === proposed.qty ? preview.refusal : null;
  const blocked = !preview || !!preview.problem || !!refusal;
  useUnsavedChanges(remapped, `The mapping of ${file.name}`);
  return (
    <Dialog
      title={`Import ${file.name}`}
      label="Import a file"
      onClose={guardedClose(remapped, `The mapping of ${file.name}`, onClose)}
      closeDisabled={running}
      testId="import-dialog"
    >
      <div className="dialog-body">
        <div className="import-controls">
          <label>
            This file holds{' '}
            <select
              value={kind}
              onChange={(e) => {
                setKind(e.target.value as DatasetKind);
                // What a sales file's document types are means nothing for a receipts file's voucher types.
                setTypeMap({});
                setUnseenTypes(new Map());
                // A saved mapping of the kind chosen brings its choices again.
                adopted.current = null;
              }}
              disabled={running}
              aria-label="Dataset"
            >
              {datasetKinds.map((k) => (
                <option key={k} value={k}>
                  {kindLabels[k]}
                </option>
              ))}
            </select>
          </label>
          {preview && preview.sheets.length > 1 && (
            <label>
              Sheet{' '}
              <select value={preview.sheet ?? ''} onChange={(e) => setSheet(e.target.value)} disabled={running}>
                {!preview.sheet && <option value="">Choose a sheet…</option>}
                {preview.sheets.map((s) => (
                  <option key={s.name} value={s.name}>
                    {s.name}
                    {s.hidden ? ' (hidden in the workbook)' : ''}
                    {s.qualifies ? '' : ' (no matching header)'}
                  </option>
                ))}
              </select>
            </label>
          )}
          {preview && (
            <span className="muted">
              {preview.format}
              {preview.encoding ? ` · ${preview.encoding}` : ''}
              {preview.delimiter ? ` · delimiter ${preview.delimiter === '\t' ? 'tab' : `“${preview.delimiter}”`}` : ''}
              {preview.headerRow ? ` · header on row ${preview.headerRow}` : ''}
              {qualifying.length > 1 ? ` · ${qualifying.length} sheets qualify` : ''}
            </span>
          )}
        </div>
        <InlineError message={inWindowWords(problem)} />
        {preview?.ambiguousDates && (
          <fieldset className="date-order" data-testid="date-order">
            <legend>How are the dates in “{preview.ambiguousDates.column}” written? Nothing in the file tells.</legend>
            <table className="preview-table">
              <thead>
                <tr>
                  <th>In the file</th>
                  <th>Day first</th>
                  <th>Month first</th>
                </tr>
              </thead>
              <tbody>
                {preview.ambiguousDates.samples.map((s) => (
                  <tr key={s.text}>
                    <td>{s.text}</td>
                    <td>{s.dayFirst}</td>
                    <td>{s.monthFirst}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <button type="button" onClick={() => setDateOrder('dmy')}>
              Day first
            </button>{' '}
            <button type="button" onClick={() => setDateOrder('mdy')}>
              Month first
            </button>
          </fieldset>
        )}
        {documentTypes.length > 0 && (
          <fieldset className="type-map" data-testid="type-map">
            <legend>
              {`${documentTypes.length} ${typeWord}${documentTypes.length === 1 ? '' : 's'} in the file: how each is read`}
              {undecided > 0 ? ` (${undecided} to say)` : ''}
            </legend>
            <div className="type-map-scroll">
              <table className="preview-table">
                <thead>
                  <tr>
                    <th>{kind === 'payments' ? 'Voucher type' : 'Document type'}</th>
                    <th className="number">Rows</th>
                    <th>Read as</th>
                  </tr>
                </thead>
                <tbody>
                  {documentTypes.map(({ name, rows, as, why }) => (
                    <tr key={name}>
                      <td>{why === 'number' ? `Documents numbered ${name} (no type given)` : name}</td>
                      <td className="number">{rows > 0 ? formatCount(rows, locale) : ''}</td>
                      <td>
                        <select
                          value={typeMap[name] ?? (rowDecides(why) ? '' : as) ?? ''}
                          aria-label={`${kind === 'payments' ? 'Voucher' : 'Document'} type ${name}`}
                          onChange={(e) => {
                            const chosen = e.target.value as TypeClass | '';
                            setTypeMap(({ [name]: _, ...others }) =>
                              chosen === '' ? others : { ...others, [name]: chosen },
                            );
                          }}
                        >
                          {why === 'side' && (
                            <option value="">
                              by the party's side (credited: a receipt; debited against its bill: money given back)
                            </option>
                          )}
                          {why === 'given back' && (
                            <option value="">
                              money given back against its bill: a negative receipt (against none: skipped)
                            </option>
                          )}
                          {why === 'number' && (
                            <option value="">by its sign, the file giving no type (positive: an invoice)</option>
                          )}
                          {!(typeMap[name] ?? as) && !rowDecides(why) && <option value="">— say what it is —</option>}
                          {typeChoices.map(([value, label]) => (
                            <option key={value} value={value}>
                              {label}
                            </option>
                          ))}
                        </select>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </fieldset>
        )}
        {!preview && !problem && <p className="muted">Reading {file.name}…</p>}
        <InlineError message={inWindowWords(preview?.problem)} />
        {preview && !preview.problem && (
          <div className="import-layout">
            <section>
              <h3>Columns</h3>
              <InlineError message={inWindowWords(refusal)} />
              <MappingEditor
                preview={preview}
                mapping={mapping}
                defaults={defaults}
                onChange={(field, header) =>
                  setMapping((m) => {
                    const next = { ...m };
                    if (header) next[field] = header;
                    else delete next[field];
                    return next;
                  })
                }
                onDefault={(field, value) => setDefaults((d) => ({ ...d, [field]: value }))}
              />
              <div className="profile-row">
                <input
                  placeholder="Save this mapping as…"
                  value={profileName}
                  onChange={(e) => setProfileName(e.target.value)}
                  aria-label="Mapping name"
                />
                <button type="button" onClick={() => void saveProfile()} disabled={!profileName.trim()}>
                  Save mapping
                </button>
              </div>
              {preview.profile && <p className="muted">Using the saved mapping “{preview.profile}”.</p>}
              {notice && <p className="muted">{notice}</p>}
              <ul className="decisions">
                {preview.decisions.map((d) => (
                  <li key={d}>{inWindowWords(d)}</li>
                ))}
              </ul>
            </section>
            <section className="preview-section">
              <h3>First rows</h3>
              <div className="preview-scroll">
                <table className="preview-table" data-testid="import-preview">
                  <thead>
                    <tr>
                      <th>Row</th>
                      {columns.map((c) => (
                        <th key={c.id} className={Object.values(mapping).includes(c.header) ? 'mapped' : 'unmapped'}>
                          {c.header}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {preview.preview.map((r) => (
                      <tr key={r.row}>
                        <td className="number">{r.row}</td>
                        {columns.map((c) => (
                          <td key={c.id}>{previewCell(r.cells[c.position], locale)}</td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
          </div>
        )}
        {result && <ImportResultView result={result} labels={labels} validOnly={options.validOnly} />}
        {running && (
          <div className="import-progress">
            <ProgressBar progress={progress} />
            <p className="muted" data-testid="import-rate">
              {progress?.rows !== undefined ? `${formatCount(progress.rows, locale)} rows read` : ''}
              {progress?.rowsTotal ? ` of ${formatCount(progress.rowsTotal, locale)}` : ''}
              {progress?.rowsPerSecond ? ` · ${formatCount(progress.rowsPerSecond, locale)} rows/s` : ''}
              {progress?.secondsLeft ? ` · about ${progress.secondsLeft} s left` : ''}
            </p>
          </div>
        )}
      </div>
      <footer className="dialog-footer">
        <div className="options">
          {importChoices
            .filter(([choice]) => choice !== 'updateMasters' || isMasterKind(kind))
            .map(([choice, label]) => (
              <label key={choice}>
                <input
                  type="checkbox"
                  checked={options[choice]}
                  onChange={(e) => setOptions((o) => ({ ...o, [choice]: e.target.checked }))}
                />{' '}
                {label}
              </label>
            ))}
        </div>
        <div className="buttons">
          {running ? (
            <button type="button" onClick={() => void call('calls.cancel', { callId: callId.current })}>
              Cancel
            </button>
          ) : (
            <>
              <button type="button" onClick={() => void start(true)} disabled={blocked}>
                Check
              </button>
              <button
                type="button"
                className="primary"
                onClick={() => void start(false)}
                disabled={blocked || result?.batch != null}
              >
                Import
              </button>
            </>
          )}
        </div>
      </footer>
    </Dialog>
  );
}
