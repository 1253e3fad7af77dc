/**
 * What the workbench use cases answer with: plain JSON-ready values that import nothing but
 * domain types, so the server can send them as they are and the web UI can share the types.
 */
import type { Episode } from '../domain/canon.js';
import type { LineKind } from '../domain/search.js';

/** How far each kind of work has got on one episode: the library page's coverage grid. */
export interface EpisodeCoverage extends Episode {
  readonly video: boolean;
  readonly cues: number;
  readonly transcriptLines: number;
  readonly subtitles: number;
  readonly transcripts: number;
  /** Share of cues and transcript lines matched by alignment, or null when not aligned. */
  readonly aligned: { readonly cueMatch: number; readonly lineMatch: number } | null;
  readonly moments: { readonly suggested: number; readonly confirmed: number };
}

export interface SeriesOverview {
  readonly id: string;
  readonly title: string;
  readonly ingestedAt: string;
  readonly lines: number;
  readonly episodes: readonly EpisodeCoverage[];
  /** Listed characters with their line counts, most lines first: the speaker filter. */
  readonly characters: readonly { readonly name: string; readonly lines: number }[];
}

/** GET /api/library */
export interface LibraryOverview {
  readonly series: readonly SeriesOverview[];
}

/** One line the episode page shows beside the video. */
export interface EpisodeLine {
  readonly id: number;
  readonly kind: LineKind;
  readonly startMs: number | null;
  readonly endMs: number | null;
  /** Canonical character name when the label resolves, else the label; null for none. */
  readonly speaker: string | null;
  readonly qualifier: string | null;
  readonly text: string;
}

/** GET /api/series/:series/episodes/:episode */
export interface EpisodeView {
  readonly series: { readonly id: string; readonly title: string };
  readonly episode: Episode;
  readonly video: boolean;
  /** Stored path of the subtitle file the track is made from, or null. */
  readonly subtitle: string | null;
  /** What `lines` holds: the aligned transcript, or the subtitle cues when there is none. */
  readonly linesFrom: 'transcript' | 'subtitles' | 'none';
  readonly transcript: string | null;
  readonly lines: readonly EpisodeLine[];
  /** Episodes before and after in canon order, for keyboard paging. */
  readonly previous: string | null;
  readonly next: string | null;
}

export type JobState = 'queued' | 'running' | 'done' | 'failed';

/** A long piece of work (ingest, align) as GET /api/jobs/:id and its event stream report it. */
export interface JobSnapshot {
  readonly id: string;
  readonly kind: string;
  readonly label: string;
  readonly state: JobState;
  readonly progress: {
    readonly done: number;
    readonly total: number;
    readonly label: string;
  } | null;
  readonly result: unknown;
  readonly error: { readonly code: string; readonly message: string } | null;
  readonly createdAt: string;
  readonly finishedAt: string | null;
}
