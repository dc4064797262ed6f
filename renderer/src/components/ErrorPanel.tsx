import type { ApiError } from '../../../main/api/result';

/** A failure the user can act on: what happened, the details to copy for support, a retry. */
export function ErrorPanel({ title, error, onRetry }: { title: string; error: ApiError; onRetry?: () => void }) {
  const details = `${error.code}: ${error.message}`;
  return (
    <div className="error-panel" role="alert">
      <h2>{title}</h2>
      <p>{error.message}</p>
      <div className="actions">
        <button type="button" onClick={() => void navigator.clipboard?.writeText(details)}>
          Copy details
        </button>
        {onRetry && (
          <button type="button" className="primary" onClick={onRetry}>
            Try again
          </button>
        )}
      </div>
    </div>
  );
}
