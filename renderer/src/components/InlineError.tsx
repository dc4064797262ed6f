/** A problem shown where it happened, read out by screen readers; nothing when there is none. */
export function InlineError({ message }: { message: string | null | undefined }) {
  if (!message) return null;
  return (
    <div className="inline-error" role="alert">
      {message}
    </div>
  );
}
