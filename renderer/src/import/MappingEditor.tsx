import type { ImportPreview } from '../../../main/import/inspect';

/** One row per field: which column of the file feeds it. Required fields without a column stand out. */
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
  return (
    <table className="mapping-table">
      <thead>
        <tr>
          <th>Field</th>
          <th>Column in the file</th>
        </tr>
      </thead>
      <tbody>
        {preview.fields.map((f) => {
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
                  onChange={(e) => onChange(f.name, e.target.value || null)}
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
      </tbody>
    </table>
  );
}
