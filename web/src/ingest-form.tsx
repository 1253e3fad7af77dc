import { useState } from 'react';
import { api } from './api.js';
import { JobStatus } from './job-status.js';
import { useJob } from './use-job.js';

/**
 * Ingest (or re-ingest) a series from its canon.yaml, as a server job. The path is read on
 * the machine the workbench runs on, relative to the folder it was started in.
 */
export function IngestForm({ onDone }: { onDone: () => void }) {
  const [manifest, setManifest] = useState('');
  const handle = useJob();
  return (
    <form
      className="ingest job"
      onSubmit={(e) => {
        e.preventDefault();
        if (manifest.trim()) handle.start(() => api.ingest(manifest.trim()), onDone);
      }}
    >
      <label htmlFor="manifest">Ingest a canon.yaml</label>
      <input
        id="manifest"
        type="text"
        spellCheck={false}
        value={manifest}
        onChange={(e) => setManifest(e.target.value)}
        placeholder="path/to/canon.yaml"
      />
      <button type="submit" disabled={handle.busy || manifest.trim() === ''}>
        {handle.busy ? 'Ingesting…' : 'Ingest'}
      </button>
      <JobStatus handle={handle} label="Ingesting" doneText="Ingested." />
    </form>
  );
}
