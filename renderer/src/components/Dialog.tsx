import { type ReactNode, useEffect, useRef } from 'react';

const focusable =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * A modal dialog: the backdrop, the titled header with its close button, then the body and
 * footer the caller gives. `label` names it for screen readers; `closeText` is "Cancel" where
 * closing abandons a change. Like a desktop dialog it takes the focus when it opens (the field
 * marked `data-autofocus`, else the first field or button of its body), keeps Tab inside
 * itself, closes on Escape, and gives the focus back to where it was.
 */
export function Dialog({
  title,
  label,
  onClose,
  closeText = 'Close',
  closeDisabled = false,
  className,
  testId,
  children,
}: {
  title: ReactNode;
  label: string;
  onClose: () => void;
  closeText?: string;
  closeDisabled?: boolean;
  className?: string;
  testId?: string;
  children: ReactNode;
}) {
  const box = useRef<HTMLDivElement>(null);
  const close = useRef({ onClose, closeDisabled });
  close.current = { onClose, closeDisabled };

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const dialog = box.current;
    if (dialog) {
      const fields = [...dialog.querySelectorAll<HTMLElement>(focusable)];
      const first =
        dialog.querySelector<HTMLElement>('[data-autofocus]') ??
        fields.find((f) => !f.closest('.dialog-header')) ??
        fields[0] ??
        dialog;
      first.focus();
    }
    return () => {
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key === 'Escape' && !close.current.closeDisabled) {
      // An open grid editor, filter or menu inside takes its own Escape first.
      const target = event.target as HTMLElement;
      if (event.defaultPrevented || target.closest('.ag-cell-inline-editing, .ag-popup, .ag-filter')) return;
      event.stopPropagation();
      close.current.onClose();
      return;
    }
    if (event.key !== 'Tab' || !box.current) return;
    const fields = [...box.current.querySelectorAll<HTMLElement>(focusable)].filter((f) => f.offsetParent !== null);
    const first = fields[0];
    const last = fields[fields.length - 1];
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  return (
    <div className="dialog-backdrop" role="presentation">
      <div
        ref={box}
        className={className ? `dialog ${className}` : 'dialog'}
        role="dialog"
        aria-modal="true"
        aria-label={label}
        data-testid={testId}
        tabIndex={-1}
        onKeyDown={onKeyDown}
      >
        <header className="dialog-header">
          <h2>{title}</h2>
          <button type="button" onClick={onClose} disabled={closeDisabled}>
            {closeText}
          </button>
        </header>
        {children}
      </div>
    </div>
  );
}
