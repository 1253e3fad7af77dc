import { useState } from 'react';
import { api } from './api.js';
import { JobStatus } from './job-status.js';
import { useJob } from './use-job.js';

/** A canon.yaml is ingested as it is; anything else is taken for a series folder. */
const isManifest = (path: string) => /\.ya?ml$/iu.test(path);

/**
 * Add (or re-ingest) a series as a server job: from its folder (whose canon.yaml is written
 * from the file names when it has none, as `receipts init` does) or from a canon.yaml. The
 * path is read on the machine the workbench runs on, relative to the folder it started in.
 */
export function IngestForm({ onDone }: { onDone: () => void }) {
  const [path, setPath] = useState('');
  const handle = useJob();
  const wanted = path.trim();
  return (
    <form
      className="ingest job"
      onSubmit={(e) => {
        e.preventDefault();
        if (wanted === '') return;
        handle.start(
          () => (isManifest(wanted) ? api.ingest(wanted) : api.ingestFolder(wanted)),
          onDone,
        );
      }}
    >
      <label htmlFor="manifest">Series folder or canon.yaml</label>
      <input
        id="manifest"
        type="text"
        spellCheck={false}
        value={path}
        onChange={(e) => setPath(e.target.value)}
        placeholder="path/to/series-folder"
      />
      <button type="submit" disabled={handle.busy || wanted === ''}>
        {handle.busy ? 'Adding…' : 'Add series'}
      </button>
      <JobStatus handle={handle} label="Adding the series" doneText="Ingested." />
    </form>
  );
}
