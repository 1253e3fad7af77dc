import { api, type SeriesOverview } from './api.js';
import { JobStatus } from './job-status.js';
import { useJob } from './use-job.js';

/** Align every episode of a series as a server job, showing its progress as it streams in. */
export function AlignButton({ series, onDone }: { series: SeriesOverview; onDone: () => void }) {
  const handle = useJob();
  return (
    <div className="job">
      <button
        type="button"
        onClick={() => handle.start(() => api.alignAll(series.id), onDone)}
        disabled={handle.busy}
      >
        {handle.busy ? 'Aligning…' : 'Align all episodes'}
      </button>
      <JobStatus handle={handle} label={`Aligning ${series.title}`} doneText="Aligned." />
    </div>
  );
}
