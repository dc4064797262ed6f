import { useEffect, useRef, useState } from 'react';
import { datePattern, formatDateInput, parseDateInput } from '../../../main/format/dates';
import { useWorkspace } from '../workspace-context';

/**
 * A date field that reads and writes the workspace's way (31/10/2026 under en-IN), never the
 * browser's mm/dd/yyyy; ISO dates typed are taken too. The value is an ISO day; a calendar
 * button opens the browser's picker for those who prefer one.
 */
export function DateInput({
  value,
  onChange,
  label,
  id,
}: {
  value: string;
  onChange: (iso: string) => void;
  label: string;
  id?: string;
}) {
  const { locale } = useWorkspace();
  const [text, setText] = useState(() => formatDateInput(value, locale));
  const picker = useRef<HTMLInputElement>(null);
  // A value set from outside (a default, another field) shows as written here.
  useEffect(() => {
    setText((shown) => (parseDateInput(shown, locale) === value ? shown : formatDateInput(value, locale)));
  }, [value, locale]);
  const parsed = text.trim() === '' ? '' : parseDateInput(text, locale);
  const invalid = parsed === null;

  return (
    <span className="date-input">
      <input
        id={id}
        value={text}
        aria-label={label}
        aria-invalid={invalid}
        placeholder={datePattern(locale)}
        title={invalid ? `Write the date as ${datePattern(locale)}` : undefined}
        inputMode="numeric"
        onChange={(e) => {
          setText(e.target.value);
          const iso = e.target.value.trim() === '' ? '' : parseDateInput(e.target.value, locale);
          if (iso !== null && iso !== value) onChange(iso);
        }}
        onBlur={() => {
          if (parsed) setText(formatDateInput(parsed, locale));
        }}
      />
      <button
        type="button"
        className="date-picker-button"
        tabIndex={-1}
        aria-label="Open the calendar"
        title="Open the calendar"
        onClick={() => picker.current?.showPicker?.()}
      >
        <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true">
          <rect x="1.5" y="3" width="13" height="11.5" rx="1.5" fill="none" stroke="currentColor" />
          <path d="M1.5 6.5h13M5 1.5v3M11 1.5v3" stroke="currentColor" />
        </svg>
      </button>
      <input
        ref={picker}
        type="date"
        className="date-picker-native"
        tabIndex={-1}
        aria-hidden="true"
        value={parsed || ''}
        onChange={(e) => {
          setText(formatDateInput(e.target.value, locale));
          onChange(e.target.value);
        }}
      />
    </span>
  );
}
