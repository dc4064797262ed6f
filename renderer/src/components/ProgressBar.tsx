import type { Progress } from '../../../main/api/progress';

export function ProgressBar({ progress }: { progress: Progress | null }) {
  const pct = progress && progress.total > 0 ? Math.min(100, Math.floor((100 * progress.done) / progress.total)) : 0;
  return (
    <div className="progress">
      <div className="progress-label">
        <span>{progress?.phase ?? 'Starting…'}</span>
        <span>{pct}%</span>
      </div>
      <div className="progress-track" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct}>
        <div className="progress-fill" style={{ width: `${pct}%` }} />
      </div>
    </div>
  );
}
