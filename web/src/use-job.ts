import { useEffect, useRef, useState } from 'react';
import { api, type JobSnapshot } from './api.js';

/** A server job the page started, followed over its event stream until it ends. */
export interface JobHandle {
  readonly job: JobSnapshot | null;
  readonly error: string | null;
  readonly busy: boolean;
  /** Start a job (the POST that queues it); `onDone` runs when it has finished well. */
  start(queue: () => Promise<JobSnapshot>, onDone: () => void): void;
}

export function useJob(): JobHandle {
  const [job, setJob] = useState<JobSnapshot | null>(null);
  const [error, setError] = useState<string | null>(null);
  const stop = useRef<() => void>(() => {});
  useEffect(() => () => stop.current(), []);

  const start = (queue: () => Promise<JobSnapshot>, onDone: () => void) => {
    setError(null);
    stop.current();
    queue()
      .then((queued) => {
        setJob(queued);
        stop.current = api.watchJob(queued.id, (j) => {
          setJob(j);
          if (j.state === 'done') onDone();
          if (j.state === 'failed') setError(j.error?.message ?? 'The job failed.');
        });
      })
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  };
  const busy = job !== null && (job.state === 'queued' || job.state === 'running');
  return { job, error, busy, start };
}
