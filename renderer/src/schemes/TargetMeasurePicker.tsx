import { formatCount, formatDate } from '../../../main/format/numbers';
import { measureWords, type TargetMeasure } from '../../../main/schemes/choices';
import { useWorkspace } from '../workspace-context';

/**
 * Which measure of the targets dataset a scheme's targets come from: a list of the measures
 * imported, each in words with the distributors and dates it covers. A measure the scheme names
 * that no imported target carries stays in the list, marked, so opening an old scheme never
 * silently changes it.
 */
export function TargetMeasurePicker({
  value,
  measures,
  onChange,
}: {
  value: string;
  measures: TargetMeasure[] | undefined;
  onChange: (measure: string) => void;
}) {
  const { locale } = useWorkspace();
  const known = measures?.some((m) => m.code === value) ?? false;
  return (
    <label className="field">
      <span>Targets measure</span>
      <select value={value} aria-label="Targets measure" onChange={(e) => onChange(e.target.value)}>
        {value === '' && <option value="">Choose a measure…</option>}
        {value !== '' && !known && (
          <option value={value}>
            {measureWords(value)} — {measures ? 'no targets imported carry it' : '…'}
          </option>
        )}
        {measures?.map((m) => (
          <option key={m.code} value={m.code}>
            {m.name} — {formatCount(m.distributors, locale)} {m.distributors === 1 ? 'distributor' : 'distributors'},{' '}
            {formatDate(m.from, locale)} to {formatDate(m.to, locale)}
          </option>
        ))}
      </select>
      {measures?.length === 0 && (
        <small className="muted">No targets imported yet: import them on the Data screen.</small>
      )}
    </label>
  );
}
