import { useCallback, useEffect, useRef, useState } from 'react';
import type { Progress } from '../../../main/api/progress';
import type { ApiError } from '../../../main/api/result';
import { call, newCallId } from '../api/client';
import { ErrorPanel } from '../components/ErrorPanel';
import { ProgressBar } from '../components/ProgressBar';

/**
 * First launch: an empty workspace gets the demo month, so the grid is full before the user
 * has imported anything. Creation runs in a worker; cancelling leaves the workspace empty.
 */
export function DemoSetup({ onDone }: { onDone: () => void }) {
  const [progress, setProgress] = useState<Progress | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const callId = useRef('');
  const mounted = useRef(true);

  const create = useCallback(async () => {
    callId.current = newCallId();
    setError(null);
    setProgress(null);
    const result = await call('demo.create', {}, { callId: callId.current, onProgress: setProgress });
    if (!mounted.current) return;
    if (result.ok) onDone();
    else setError(result.error);
  }, [onDone]);

  useEffect(() => {
    mounted.current = true;
    void create();
    return () => {
      mounted.current = false;
    };
  }, [create]);

  if (error) {
    const title = error.code === 'cancelled' ? 'Demo workspace not created' : 'The demo workspace could not be created';
    return <ErrorPanel title={title} error={error} onRetry={() => void create()} />;
  }
  return (
    <div className="setup" data-testid="demo-setup">
      <h1>Setting up your demo workspace</h1>
      <p>
        A month of distribution data — 50 distributors, 5,000 outlets, 200 products and 100,000 invoice lines — is
        written as ERP-style Excel files and imported, so you can explore SchemeDesk before loading your own.
      </p>
      <ProgressBar progress={progress} />
      <button type="button" onClick={() => void call('calls.cancel', { callId: callId.current })}>
        Cancel
      </button>
    </div>
  );
}
