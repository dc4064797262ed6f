import type { ReactNode } from 'react';

/**
 * A modal dialog: the backdrop, the titled header with its close button, then the body and
 * footer the caller gives. `label` names it for screen readers; `closeText` is "Cancel" where
 * closing abandons a change.
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
  return (
    <div className="dialog-backdrop" role="presentation">
      <div
        className={className ? `dialog ${className}` : 'dialog'}
        role="dialog"
        aria-modal="true"
        aria-label={label}
        data-testid={testId}
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
