// The workbench's HTTP API, and nothing else: the UI shares only types with the server.
import type {
  ApiError,
  EpisodeView,
  JobSnapshot,
  LibraryOverview,
  SearchResult,
  SessionInfo,
} from '../../src/server/api-types.js';

export type {
  EpisodeCoverage,
  EpisodeLine,
  EpisodeView,
  JobSnapshot,
  LibraryOverview,
  LineView,
  SearchGroup,
  SearchHit,
  SearchResult,
  SeriesOverview,
} from '../../src/server/api-types.js';

/** A failed request, with the server's one-line message (it names the field or file). */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

async function readJson<T>(response: Response): Promise<T> {
  if (response.ok) return (await response.json()) as T;
  const body = (await response.json().catch(() => null)) as ApiError | null;
  throw new ApiFailure(
    response.status,
    body?.error.code ?? 'HTTP',
    body?.error.message ?? `${response.status} ${response.statusText}`,
  );
}

async function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  return readJson<T>(await fetch(url, { signal: signal ?? null }));
}

let session: Promise<SessionInfo> | null = null;

/** POST with the session token, which the server asks of every change. */
async function postJson<T>(url: string, body: unknown): Promise<T> {
  session ??= getJson<SessionInfo>('/api/session');
  const { token } = await session;
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-receipts-token': token },
    body: JSON.stringify(body),
  });
  return readJson<T>(response);
}

const enc = encodeURIComponent;

export const episodeUrl = (series: string, episode: string) =>
  `/api/series/${enc(series)}/episodes/${enc(episode)}`;

export const api = {
  library: () => getJson<LibraryOverview>('/api/library'),
  episode: (series: string, episode: string) => getJson<EpisodeView>(episodeUrl(series, episode)),
  search: (params: URLSearchParams, signal: AbortSignal) =>
    getJson<SearchResult>(`/api/search?${params.toString()}`, signal),
  alignAll: (series: string) =>
    postJson<JobSnapshot>('/api/jobs/align', { series, all: true, episodes: [] }),
  ingest: (manifest: string) => postJson<JobSnapshot>('/api/jobs/ingest', { manifest }),
  /** Follow a job's progress; returns a function that stops listening. */
  watchJob(id: string, onChange: (job: JobSnapshot) => void): () => void {
    const events = new EventSource(`/api/jobs/${enc(id)}/events`);
    events.addEventListener('job', (e) => {
      const job = JSON.parse((e as MessageEvent<string>).data) as JobSnapshot;
      onChange(job);
      if (job.state === 'done' || job.state === 'failed') events.close();
    });
    return () => events.close();
  },
};
