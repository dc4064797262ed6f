/** What an action just did, or why it was refused: a notice, or an alert for a refusal. */
export function StatusMessage({
  message,
  testId,
  onDismiss,
}: {
  message: { text: string; error: boolean } | null;
  testId?: string;
  onDismiss?: () => void;
}) {
  if (!message) return null;
  return (
    <div
      className={message.error ? 'inline-error' : 'notice ok'}
      role={message.error ? 'alert' : 'status'}
      data-testid={testId}
    >
      {message.text}
      {onDismiss && (
        <button type="button" className="link" onClick={onDismiss}>
          Dismiss
        </button>
      )}
    </div>
  );
}
