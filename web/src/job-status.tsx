import type { JobHandle } from './use-job.js';

/** A job's progress bar and outcome, announced to screen readers as it changes. */
export function JobStatus({
  handle,
  label,
  doneText,
}: {
  handle: JobHandle;
  label: string;
  doneText: string;
}) {
  const { job, error, busy } = handle;
  const p = job?.progress;
  return (
    <>
      {busy && p && <progress max={p.total} value={p.done} aria-label={label} />}
      <span aria-live="polite" className="job-status">
        {job?.state === 'done' ? doneText : busy && p ? `${p.done} of ${p.total}` : ''}
      </span>
      {error !== null && (
        <span role="alert" className="error">
          {error}
        </span>
      )}
    </>
  );
}
