import { useId, useState } from 'react';
import type { Choice } from '../../../main/schemes/choices';

const MAX_SHOWN = 8;

/**
 * Several codes picked from the workspace's own values: type to search codes and names, arrow
 * keys and Enter to add, × or Backspace to remove. A code the workspace does not hold yet (a
 * product to come) can still be typed and added with Enter. Empty means "any".
 */
export function CodePicker({
  label,
  values,
  options,
  onChange,
}: {
  label: string;
  values: readonly string[];
  options: readonly Choice[];
  onChange: (values: string[]) => void;
}) {
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  const list = useId();
  const nameOf = (code: string) => options.find((o) => o.code === code)?.name ?? '';
  const wanted = text.trim().toLowerCase();
  const matches = options
    .filter((o) => !values.includes(o.code))
    .filter((o) => wanted === '' || o.code.toLowerCase().includes(wanted) || o.name.toLowerCase().includes(wanted))
    .slice(0, MAX_SHOWN);
  const add = (code: string) => {
    const clean = code.trim();
    if (clean === '' || values.includes(clean)) return;
    onChange([...values, clean]);
    setText('');
    setActive(0);
  };

  return (
    <div className="field code-picker">
      <span>{label}</span>
      <div className="code-picker-box">
        {values.map((v) => (
          <span key={v} className="chip" title={nameOf(v) || undefined}>
            {v}
            {nameOf(v) ? <span className="muted"> {nameOf(v)}</span> : null}
            <button
              type="button"
              aria-label={`Remove ${v} from ${label}`}
              onClick={() => onChange(values.filter((x) => x !== v))}
            >
              ×
            </button>
          </span>
        ))}
        <input
          value={text}
          aria-label={label}
          role="combobox"
          aria-expanded={open && matches.length > 0}
          aria-controls={list}
          aria-autocomplete="list"
          placeholder={values.length === 0 ? 'any — type to pick' : ''}
          onChange={(e) => {
            setText(e.target.value);
            setActive(0);
            setOpen(true);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => setTimeout(() => setOpen(false), 150)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') {
              e.preventDefault();
              setOpen(true);
              setActive((a) => Math.min(a + 1, matches.length - 1));
            } else if (e.key === 'ArrowUp') {
              e.preventDefault();
              setActive((a) => Math.max(a - 1, 0));
            } else if (e.key === 'Enter') {
              e.preventDefault();
              add(open && matches[active] ? (matches[active] as Choice).code : text);
            } else if (e.key === 'Backspace' && text === '' && values.length > 0) {
              onChange(values.slice(0, -1));
            } else if (e.key === 'Escape' && open) {
              // The list closes; the dialog around it stays.
              e.preventDefault();
              e.stopPropagation();
              setOpen(false);
            }
          }}
        />
      </div>
      {open && matches.length > 0 && (
        <div className="code-picker-list" role="listbox" id={list} aria-label={`${label} to pick from`}>
          {matches.map((o, i) => (
            <div
              key={o.code}
              role="option"
              tabIndex={-1}
              aria-selected={i === active}
              className={i === active ? 'active' : undefined}
              onMouseDown={(e) => {
                e.preventDefault();
                add(o.code);
              }}
            >
              <strong>{o.code}</strong>
              {o.name ? <span className="muted"> — {o.name}</span> : null}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
