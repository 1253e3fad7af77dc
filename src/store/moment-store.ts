import type { AnnotationPass, Moment, ReviewState } from '../domain/moment.js';

/**
 * The moments part of the persistence seam: annotations a person made, suggestions a rule
 * made, and imports. Every write is one transaction; edits carry the version they were made
 * against, so two edits never silently overwrite each other (MOMENT_STALE).
 */
export interface MomentStore {
  /** Store a new moment; the store gives it an id, version 1 and its timestamps. */
  addMoment(moment: NewMoment): Promise<StoredMoment>;
  getMoment(id: string): Promise<StoredMoment | null>;
  /** Moments in canon order (episode position, then start or anchor), filtered. */
  listMoments(query: MomentQuery): Promise<readonly StoredMoment[]>;
  /**
   * Apply `change` to the moment if it is still at `expectedVersion`; bumps the version.
   * Throws NOT_FOUND for an unknown id and MOMENT_STALE when the version moved on.
   */
  updateMoment(id: string, expectedVersion: number, change: MomentChange): Promise<StoredMoment>;
  /** Remove a moment that is still at `expectedVersion` (NOT_FOUND, MOMENT_STALE). */
  removeMoment(id: string, expectedVersion: number): Promise<void>;
  /**
   * Replace the unreviewed rule suggestions of the given episodes with `suggestions`, in one
   * transaction. Reviewed moments (confirmed or rejected) stay; a suggestion that repeats one
   * of them (same rule source, term and participants) is not added again. The episodes are
   * recorded as read by the suggester (an AnnotationPass of kind `suggested`, tier `*`).
   */
  replaceSuggestions(
    seriesId: string,
    episodeIds: readonly string[],
    suggestions: readonly NewMoment[],
  ): Promise<SuggestionSummary>;
  /**
   * Mark episodes as completely reviewed by a person for one tier (`*`: all), or unmark them
   * (`by` null and `reviewed` false). Suggesting marks episodes itself, in replaceSuggestions.
   */
  setReviewed(
    seriesId: string,
    episodeIds: readonly string[],
    tier: string,
    reviewed: boolean,
    by: string | null,
  ): Promise<void>;
  /** Every pass recorded for a series, in episode then tier order. */
  annotationPasses(seriesId: string): Promise<readonly AnnotationPass[]>;
}

export interface StoredMoment extends Moment {
  readonly seriesId: string;
  /** For suggestions: how sure the rule was, 0..1; null for moments people made. */
  readonly confidence: number | null;
  /** For suggestions: the stage direction the rule read. */
  readonly sourceText: string | null;
}

export type NewMoment = Omit<StoredMoment, 'id' | 'version' | 'createdAt' | 'updatedAt'>;

/** Fields an edit may change; absent fields stay as they are. */
export type MomentChange = Partial<
  Pick<
    StoredMoment,
    | 'startMs'
    | 'endMs'
    | 'anchorSeq'
    | 'tier'
    | 'term'
    | 'initiator'
    | 'recipients'
    | 'mutual'
    | 'part'
    | 'readings'
    | 'note'
    | 'author'
    | 'review'
  >
>;

export interface MomentQuery {
  readonly seriesId?: string;
  readonly episodeIds?: readonly string[];
  /** Any of these terms (a subtree already expanded by the caller). */
  readonly terms?: readonly string[];
  readonly tier?: string;
  readonly review?: readonly ReviewState[];
  readonly limit?: number;
  readonly offset?: number;
}

export interface SuggestionSummary {
  readonly added: number;
  readonly removed: number;
  /** Suggestions not added because a reviewed moment already records them. */
  readonly alreadyReviewed: number;
}
