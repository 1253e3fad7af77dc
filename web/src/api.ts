// The workbench's HTTP API, and nothing else: the UI shares only types with the server.
import type {
  ApiError,
  ClaimCheckView,
  ComposeView,
  PlaybackView,
  DraftCheckView,
  EpisodeMoments,
  EpisodeView,
  JobSnapshot,
  LibraryOverview,
  PickableMoment,
  SearchResult,
  SessionInfo,
} from '../../src/server/api-types.js';

export type {
  ClaimCheckView,
  ComposeFindingView,
  ComposeView,
  ClipRenderResult,
  PlaybackView,
  DraftCheckView,
  DraftFindingView,
  EpisodeMoments,
  MomentView,
  TierView,
  EpisodeCoverage,
  EpisodeLine,
  EpisodeView,
  GifsetGifView,
  GifsetView,
  JobSnapshot,
  LibraryOverview,
  LineView,
  PickableMoment,
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

/** A change (POST, PATCH, DELETE) with the session token, which the server asks of each. */
async function send<T>(
  method: 'POST' | 'PATCH' | 'DELETE',
  url: string,
  body?: unknown,
  signal?: AbortSignal,
): Promise<T> {
  session ??= getJson<SessionInfo>('/api/session');
  const { token } = await session;
  const response = await fetch(url, {
    method,
    headers: {
      'x-receipts-token': token,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    signal: signal ?? null,
  });
  return readJson<T>(response);
}

const postJson = <T>(url: string, body: unknown) => send<T>('POST', url, body);

/** The fields the moment form sends; times in ms. */
export interface MomentInput {
  readonly term?: string;
  readonly tier?: string;
  readonly initiator?: string | null;
  readonly recipients?: readonly string[];
  readonly mutual?: boolean;
  readonly from?: number;
  readonly to?: number;
  readonly note?: string | null;
}

/** What the server answers for a stored moment (the fields the page reads again). */
export interface SavedMoment {
  readonly id: string;
  readonly version: number;
  readonly review: string;
}

const enc = encodeURIComponent;

export const episodeUrl = (series: string, episode: string) =>
  `/api/series/${enc(series)}/episodes/${enc(episode)}`;

/** What a still or a clip looks like: the options the frame route and the render job share. */
export interface LookOptions {
  readonly width: number;
  readonly crop: 'full' | 'square';
  readonly captions: boolean;
  readonly speakers: boolean;
}

/** A JPEG still of an episode at `atMs` (rendered by the server, cached by its inputs). */
export function frameUrl(
  series: string,
  episode: string,
  atMs: number,
  look: Partial<LookOptions> = {},
): string {
  const p = new URLSearchParams({ at: String(Math.max(0, Math.round(atMs))) });
  if (look.width !== undefined) p.set('width', String(look.width));
  if (look.crop !== undefined && look.crop !== 'full') p.set('crop', look.crop);
  if (look.captions === true) p.set('captions', 'true');
  if (look.speakers === true) p.set('speakers', 'true');
  return `${episodeUrl(series, episode)}/frame?${p.toString()}`;
}

/** The body of POST /api/jobs/render: a range of an episode and how to render it. */
export interface RenderInput extends LookOptions {
  readonly series: string;
  readonly episode: string;
  readonly from: number;
  readonly to: number;
  readonly fps?: number;
  readonly maxBytes?: number;
  readonly format: 'gif' | 'webp' | 'mp4';
}

/** The body of POST /api/jobs/gifset: two or more ranges rendered alike, in order. */
export interface GifsetInput {
  readonly series: string;
  readonly clips: readonly {
    readonly episode: string;
    readonly from: number;
    readonly to: number;
  }[];
  readonly perRow: number;
  readonly width: number;
  readonly crop: LookOptions['crop'];
  readonly captions: boolean;
  readonly speakers: boolean;
  readonly fps?: number;
  readonly maxBytes: number;
}

export type ComposeTarget = 'html' | 'tumblr' | 'ao3' | 'markdown';

/** The body of POST /api/compose (without `render`, which each call sets). */
export interface ComposeInput {
  readonly text: string;
  readonly to: ComposeTarget;
  readonly baseUrl?: string;
}

export const api = {
  library: () => getJson<LibraryOverview>('/api/library'),
  episode: (series: string, episode: string) => getJson<EpisodeView>(episodeUrl(series, episode)),
  search: (params: URLSearchParams, signal: AbortSignal) =>
    getJson<SearchResult>(`/api/search?${params.toString()}`, signal),
  /** Reviewed moments of any series by words of their description (the composer's picker). */
  findMoments: (q: string, signal: AbortSignal) =>
    getJson<PickableMoment[]>(`/api/moments?${new URLSearchParams({ q }).toString()}`, signal),
  alignAll: (series: string) =>
    postJson<JobSnapshot>('/api/jobs/align', { series, all: true, episodes: [] }),
  ingest: (manifest: string) => postJson<JobSnapshot>('/api/jobs/ingest', { manifest }),
  /** A series folder: its canon.yaml written from the file names when it has none, then read. */
  ingestFolder: (folder: string) => postJson<JobSnapshot>('/api/jobs/ingest-folder', { folder }),
  moments: (series: string, episode: string) =>
    getJson<EpisodeMoments>(`${episodeUrl(series, episode)}/moments`),
  suggest: (series: string, episode: string) =>
    postJson<JobSnapshot>('/api/jobs/suggest', { series, episode }),
  addMoment: (series: string, episode: string, input: MomentInput) =>
    postJson<SavedMoment>(`${episodeUrl(series, episode)}/moments`, input),
  editMoment: (id: string, version: number, input: MomentInput) =>
    send<{ moment: SavedMoment }>('PATCH', `/api/moments/${enc(id)}`, { ...input, version }),
  removeMoment: (id: string, version: number) =>
    send<{ removed: SavedMoment }>('DELETE', `/api/moments/${enc(id)}?version=${version}`),
  reviewMoment: (id: string, version: number, review: 'confirmed' | 'rejected') =>
    postJson<SavedMoment>(`/api/moments/${enc(id)}/review`, { version, review }),
  markReviewed: (series: string, episode: string) =>
    postJson<{ episodes: string[] }>(`${episodeUrl(series, episode)}/reviewed`, {}),
  playback: (series: string, episode: string) =>
    getJson<PlaybackView>(`${episodeUrl(series, episode)}/playback`),
  makePlayable: (series: string, episode: string) =>
    postJson<JobSnapshot>('/api/jobs/proxy', { series, episode }),
  render: (input: RenderInput) => postJson<JobSnapshot>('/api/jobs/render', input),
  gifset: (input: GifsetInput) => postJson<JobSnapshot>('/api/jobs/gifset', input),
  claim: (text: string, suggested: boolean, signal?: AbortSignal) =>
    getJson<ClaimCheckView>(
      `/api/claim?${new URLSearchParams({ text, suggested: String(suggested) }).toString()}`,
      signal,
    ),
  checkDraft: (text: string, includeSuggested: boolean) =>
    postJson<DraftCheckView>('/api/drafts/check', { text, includeSuggested }),
  compose: (input: ComposeInput, signal?: AbortSignal) =>
    send<ComposeView>('POST', '/api/compose', { ...input, render: false }, signal),
  composeRender: (input: ComposeInput) =>
    postJson<JobSnapshot>('/api/compose', { ...input, render: true }),
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
