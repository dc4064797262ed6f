import { useState } from 'react';
import type { ImportPreview } from '../../../main/import/inspect';

/**
 * One row per field: which column of the file feeds it. Required fields without a column stand
 * out. The fields the file has no column for are folded away behind one line (a sales file has
 * some forty fields the reader knows, most of them in no one file): a field the user chose or
 * cleared a column for stays in view.
 */
export function MappingEditor({
  preview,
  mapping,
  defaults,
  onChange,
  onDefault,
}: {
  preview: ImportPreview;
  mapping: Record<string, string>;
  defaults: Record<string, string>;
  onChange: (field: string, header: string | null) => void;
  onDefault: (field: string, value: string) => void;
}) {
  // A mapping names columns by their header text, so each text is offered once.
  const headerChoices = [...new Set(preview.headers.filter((h) => h !== ''))];
  const [showAll, setShowAll] = useState(false);
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const folded = preview.fields.filter((f) => !f.required && !mapping[f.name] && !touched.has(f.name));
  const shown = showAll ? preview.fields : preview.fields.filter((f) => !folded.includes(f));
  return (
    <table className="mapping-table">
      <thead>
        <tr>
          <th>Field</th>
          <th>Column in the file</th>
        </tr>
      </thead>
      <tbody>
        {shown.map((f) => {
          const missing = f.required && !mapping[f.name];
          return (
            <tr key={f.name} className={missing && !defaults[f.name] ? 'missing' : undefined}>
              <td>
                {f.label}
                {f.required && (
                  <span className="required" title="required">
                    {' '}
                    *
                  </span>
                )}
              </td>
              <td>
                <select
                  aria-label={`Column for ${f.label}`}
                  value={mapping[f.name] ?? ''}
                  onChange={(e) => {
                    setTouched((t) => new Set(t).add(f.name));
                    onChange(f.name, e.target.value || null);
                  }}
                >
                  <option value="">— not in this file —</option>
                  {headerChoices.map((h) => (
                    <option key={h} value={h}>
                      {h}
                    </option>
                  ))}
                </select>
                {missing && (
                  <input
                    className="default-value"
                    aria-label={`Value for ${f.label}`}
                    placeholder={`or one value for every row (${f.type === 'date' ? 'YYYY-MM-DD' : f.label})`}
                    value={defaults[f.name] ?? ''}
                    onChange={(e) => onDefault(f.name, e.target.value)}
                  />
                )}
              </td>
            </tr>
          );
        })}
        {folded.length > 0 && (
          <tr>
            <td colSpan={2}>
              <button type="button" className="link" aria-expanded={showAll} onClick={() => setShowAll(!showAll)}>
                {showAll
                  ? '▾ Fewer fields: only those with a column'
                  : `▸ ${folded.length} more field${folded.length === 1 ? '' : 's'} this file has no column for`}
              </button>
            </td>
          </tr>
        )}
      </tbody>
    </table>
  );
}
