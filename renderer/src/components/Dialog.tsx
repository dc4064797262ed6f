import { type ReactNode, useLayoutEffect, useRef } from 'react';

/** Open dialogs, innermost last: only it answers Escape and holds Tab. */
const open: HTMLElement[] = [];

const focusable =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** Escape closes (unless a grid editor or menu inside takes it); Tab cycles within the dialog. */
function answerKey(event: KeyboardEvent, dialog: HTMLElement, close: { onClose: () => void; closeDisabled: boolean }) {
  if (event.key === 'Escape' && !close.closeDisabled) {
    // An open grid editor, filter or menu inside takes its own Escape first.
    const target = event.target as HTMLElement;
    // (A target no longer in the page was an editor that Escape just closed.)
    if (
      event.defaultPrevented ||
      !target.isConnected ||
      target.closest?.('.ag-cell-inline-editing, .ag-popup, .ag-filter')
    )
      return;
    event.preventDefault();
    close.onClose();
    return;
  }
  if (event.key !== 'Tab') return;
  const fields = [...dialog.querySelectorAll<HTMLElement>(focusable)].filter((f) => f.offsetParent !== null);
  const first = fields[0];
  const last = fields[fields.length - 1];
  if (!first || !last) return;
  const inside = dialog.contains(document.activeElement);
  if (!inside || (event.shiftKey && document.activeElement === first)) {
    event.preventDefault();
    (event.shiftKey ? last : first).focus();
  } else if (!event.shiftKey && document.activeElement === last) {
    event.preventDefault();
    first.focus();
  }
}

/**
 * A modal dialog: the backdrop, the titled header with its close button, then the body and
 * footer the caller gives. `label` names it for screen readers; `closeText` is "Cancel" where
 * closing abandons a change. Like a desktop dialog it takes the focus when it opens (the field
 * marked `data-autofocus`, else the first field or button of its body), keeps Tab and the focus
 * inside itself, closes on Escape, and gives the focus back to where it was.
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

  // As the dialog is put in the page, not after: until then a key or the grid's own focus
  // (an edit that opened the dialog, given its cell back) lands behind it — CI's keyboard test
  // saw the focus still on the grid cell once the dialog showed, on a loaded machine.
  useLayoutEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const dialog = box.current;
    if (dialog) open.push(dialog);
    // On the document, so a key pressed while the focus sits nowhere (a button that disabled
    // itself when clicked) still reaches the dialog.
    const onKey = (event: KeyboardEvent) => {
      if (dialog && open[open.length - 1] === dialog) answerKey(event, dialog, close.current);
    };
    document.addEventListener('keydown', onKey);
    const fields = dialog ? [...dialog.querySelectorAll<HTMLElement>(focusable)] : [];
    const first =
      dialog?.querySelector<HTMLElement>('[data-autofocus]') ??
      fields.find((f) => !f.closest('.dialog-header')) ??
      fields[0] ??
      dialog;
    first?.focus();
    // Focus taken behind the open dialog — a grid giving its cell the focus back once the edit
    // that opened the dialog has finished — comes back to it, so typing never lands behind it.
    const onFocusIn = (event: FocusEvent) => {
      if (dialog && open[open.length - 1] === dialog && !dialog.contains(event.target as Node)) first?.focus();
    };
    document.addEventListener('focusin', onFocusIn);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('focusin', onFocusIn);
      open.splice(open.indexOf(dialog as HTMLElement), 1);
      if (opener?.isConnected) opener.focus();
    };
  }, []);

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
