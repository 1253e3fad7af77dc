import type { Ms } from './time.js';

/** What a stored line is: a subtitle cue part, or a transcript line of some kind. */
export type LineKind = 'cue' | 'dialogue' | 'action' | 'scene';
export const LINE_KINDS: readonly LineKind[] = ['cue', 'dialogue', 'action', 'scene'];

export interface SearchFilters {
  /** Series id (slug). */
  readonly series?: string;
  readonly season?: number;
  /** Inclusive range of episode ids in canon order, e.g. S01E01..S01E05; one id for one episode. */
  readonly episodeFrom?: string;
  readonly episodeTo?: string;
  /** A character name or any alias of it. */
  readonly speaker?: string;
  readonly kinds?: readonly LineKind[];
}

export interface SearchRequest {
  /** Query text: `"a phrase"`, words (all must match), `pre*`, `-excluded`, `-"excluded phrase"`. */
  readonly query: string;
  readonly filters: SearchFilters;
  /** `canon` (default): series, episode order, then line order. `relevance`: bounded ranking. */
  readonly order: 'canon' | 'relevance';
  /** Maximum hits (before grouping). */
  readonly limit: number;
  readonly offset: number;
  /** Lines of context on each side of a group. */
  readonly context: number;
  /** Read the query as still being typed (see ParseOptions.asYouType). */
  readonly asYouType?: boolean;
  /**
   * Count matches up to this many (default: the library's cap, 1,000); beyond it the total is
   * a lower bound and `totalCapped` is set. MAX_COUNT counts them all.
   */
  readonly countUpTo?: number;
}

/** A count cap that no library reaches: "count them all". */
export const MAX_COUNT = 2_000_000_000;

export interface SourceRef {
  readonly file: string;
  readonly line: number;
}

export interface LineView {
  readonly id: number;
  readonly kind: LineKind;
  readonly seq: number;
  readonly startMs: Ms | null;
  readonly endMs: Ms | null;
  /** A transcript line's time placed between its timed neighbours by alignment, not said by a cue. */
  readonly estimatedTime: boolean;
  /** Canonical character name when the label resolves, else the label as written. */
  readonly speaker: string | null;
  /** A cue's speaker taken from the transcript by alignment (the subtitle file names none). */
  readonly alignedSpeaker: boolean;
  readonly qualifier: string | null;
  readonly text: string;
  readonly source: SourceRef;
}

export interface SearchHit extends LineView {
  /** Text with matches wrapped in the markers of HIGHLIGHT. */
  readonly snippet: string;
}

/** Markers around highlighted words in snippets; the CLI turns them into colour, the web into <mark>. */
export const HIGHLIGHT = { open: '\u0002', close: '\u0003' } as const;

/** Consecutive hits from one exchange (same source, adjacent lines), with context around them. */
export interface SearchGroup {
  readonly series: { readonly id: string; readonly title: string };
  readonly episode: {
    readonly id: string;
    readonly title: string | null;
    readonly season: number | null;
    readonly number: number | null;
  };
  readonly hits: readonly SearchHit[];
  readonly before: readonly LineView[];
  readonly after: readonly LineView[];
}

export interface SearchResult {
  readonly groups: readonly SearchGroup[];
  /** Number of matching lines; a lower bound when `totalCapped` is true. */
  readonly total: number;
  readonly totalCapped: boolean;
  /** For `relevance` order: how many candidates were scored (never unbounded). */
  readonly rankedCandidates: number | null;
}
