/**
 * What the workbench use cases answer with: plain JSON-ready values that import nothing but
 * domain types, so the server can send them as they are and the web UI can share the types.
 */
import type { Episode } from '../domain/canon.js';
import type { Verdict } from '../domain/claim.js';
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
  /** 1-based line of its file (a transcript's line, a subtitle's timing line). */
  readonly line: number;
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

/** A codebook tier with its terms in codebook order: a lane of the timeline, a term picker. */
export interface TierView {
  readonly id: string;
  readonly label: string;
  readonly terms: readonly {
    readonly id: string;
    readonly label: string;
    readonly parent: string | null;
  }[];
}

/** A moment as the episode page draws it: the stored fields plus where it sits in time. */
export interface MomentView {
  readonly id: string;
  readonly version: number;
  readonly tier: string;
  readonly term: string;
  readonly termLabel: string;
  readonly initiator: string | null;
  readonly recipients: readonly string[];
  readonly mutual: boolean;
  readonly part: string | null;
  readonly readings: readonly string[];
  readonly note: string | null;
  readonly author: string | null;
  readonly review: 'suggested' | 'confirmed' | 'rejected';
  /** `person`, `rule` or `import`, with the source file and line when there is one. */
  readonly provenance: {
    readonly kind: string;
    readonly rule?: string;
    readonly file?: string;
    readonly line?: number;
  };
  readonly confidence: number | null;
  /** For suggestions: the stage direction the rule read. */
  readonly sourceText: string | null;
  readonly startMs: number | null;
  readonly endMs: number | null;
  readonly anchorSeq: number | null;
  /**
   * Where the timeline draws it: its own times, else the time alignment gave the transcript
   * line it is anchored to; null when neither is known (the page lists it apart).
   */
  readonly at: {
    readonly startMs: number;
    readonly endMs: number | null;
    readonly from: 'times' | 'line';
  } | null;
  /** The id of the transcript line it is anchored to (EpisodeLine.id), or null. */
  readonly lineId: number | null;
}

/** GET /api/series/:series/episodes/:episode/moments */
export interface EpisodeMoments {
  readonly series: { readonly id: string; readonly title: string };
  readonly episode: string;
  /** Suggested and confirmed moments in time order (rejected ones are not shown). */
  readonly moments: readonly MomentView[];
  readonly tiers: readonly TierView[];
  /** The canon's characters, for initiator and recipient pickers. */
  readonly characters: readonly string[];
  /** Frames per second from the stored probe, or null when the video was not probed. */
  readonly frameRate: number | null;
  /** Tiers a person marked as fully reviewed in this episode (`*`: every tier). */
  readonly reviewed: readonly { readonly tier: string; readonly by: string | null }[];
  /** Whether the suggester has read this episode's stage directions. */
  readonly suggested: boolean;
}

/** The JSON a suggest job ends with (the full list stays on the server). */
export interface SuggestJobResult {
  readonly episodes: number;
  readonly directions: number;
  readonly added: number;
  readonly replaced: number;
  readonly alreadyReviewed: number;
}

/** GET /api/claim: a claim checked against one series. */
export interface ClaimCheckView {
  readonly series: { readonly id: string; readonly title: string };
  readonly verdict: Verdict;
}

/** One claim sentence of a pasted draft, as the Claims page lists it. */
export interface DraftFindingView {
  readonly line: number;
  readonly column: number;
  readonly sentence: string;
  readonly cue: string;
  readonly severity: 'error' | 'warning' | 'info';
  /** The verdict's sentence, or why the claim could not be checked. */
  readonly reason: string;
  readonly verdict: Verdict | null;
  readonly notCheckable: string | null;
  readonly notes: readonly string[];
}

/** POST /api/drafts/check */
export interface DraftCheckView {
  readonly series: { readonly id: string; readonly title: string };
  readonly sentences: number;
  readonly findings: readonly DraftFindingView[];
}

/**
 * GET /api/series/:series/episodes/:episode/playback: whether the video plays in the browser
 * as it is, or through a playable copy (made once, by a `proxy` job).
 */
export interface PlaybackView {
  /** `original`: plays as it is; `proxy`: the copy is made; `needs-proxy`: start the job. */
  readonly kind: 'original' | 'proxy' | 'needs-proxy';
  /** Why the original does not play ("HEVC video"), or null. */
  readonly reason: string | null;
  /** The proxy job already queued or running for this video, if any. */
  readonly job: JobSnapshot | null;
}

/** The result of a `render` job: a clip the page shows and offers to download. */
export interface ClipRenderResult {
  /** `<content hash>.<ext>`: GET /api/clips/:id serves it. */
  readonly id: string;
  readonly url: string;
  /** A name for the download (`S01E01-0m13s.gif`). */
  readonly fileName: string;
  readonly format: 'gif' | 'webp' | 'mp4';
  readonly bytes: number;
  readonly width: number;
  readonly height: number;
  readonly fps: number;
  readonly frames: number;
  readonly series: string;
  readonly episode: string;
  readonly startMs: number;
  readonly endMs: number;
  /** How many captions were burned in. */
  readonly captions: number;
  /** Steps taken to meet the size budget, each with the size after it; empty when it fit. */
  readonly budgetSteps: readonly { readonly step: string; readonly bytes: number }[];
  /** The GIF size budget in bytes; null for WebP and MP4. */
  readonly maxBytes: number | null;
  /** True when the render cache already had it. */
  readonly cached: boolean;
}

/** A problem in a composed post, at its line and column (null when it has no place). */
export interface ComposeFindingView {
  readonly line: number | null;
  readonly column: number | null;
  readonly severity: 'error' | 'warning' | 'info';
  /** The rule (`quote`, `gif`, `claim-contradicted`, `prose-claim`, ...). */
  readonly rule: string;
  readonly reason: string;
}

/** POST /api/compose (and the result of a compose render job): a post for one target. */
export interface ComposeView {
  readonly target: 'html' | 'tumblr' | 'ao3' | 'markdown';
  readonly series: string;
  /** The output (what Copy and Download give): HTML, NPF JSON, AO3 HTML or Markdown. */
  readonly text: string;
  /** A name for the download (`post.html`, `post.npf.json`, ...). */
  readonly fileName: string;
  /** The post as a standalone HTML page whose images this server answers (for the preview). */
  readonly preview: string;
  /** Where the GIFs of this composition are served (`<mediaBase>/<file>`). */
  readonly mediaBase: string;
  /** True when the GIFs were rendered; false when they are placeholders. */
  readonly rendered: boolean;
  readonly gifs: readonly {
    readonly file: string;
    readonly url: string;
    readonly alt: string;
    readonly width: number;
    readonly height: number;
  }[];
  readonly findings: readonly ComposeFindingView[];
}

/** A reviewed moment as the composer's picker lists it, to insert as `::gif{moment=ID}`. */
export interface PickableMoment {
  readonly id: string;
  readonly series: { readonly id: string; readonly title: string };
  readonly episode: string;
  readonly termLabel: string;
  readonly initiator: string | null;
  readonly recipients: readonly string[];
  readonly mutual: boolean;
  readonly startMs: number | null;
  readonly endMs: number | null;
  readonly note: string | null;
}
