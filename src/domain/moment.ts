/**
 * Moments: who does what to whom in an episode, coded with a codebook term.
 * A moment is a fact only once a person confirms it; rules and imports make suggestions.
 */

/** Where a moment came from: a person's annotation, a suggester rule, or an imported file. */
export interface Provenance {
  readonly kind: 'person' | 'rule' | 'import';
  /** The rule that fired (`kiss.verb`), for kind `rule`. */
  readonly rule?: string;
  /** The source file (a transcript, an imported annotation file) and its 1-based line. */
  readonly file?: string;
  readonly line?: number;
}

export type ReviewState = 'suggested' | 'confirmed' | 'rejected';

/**
 * A record that an episode has been read for moments: by the suggester (every stage direction)
 * or by a person who reviewed every moment of a tier in it. Claims rest on these: "never" can
 * only be said of episodes someone read. Tier `*` is every tier.
 */
export interface AnnotationPass {
  readonly episode: string;
  readonly tier: string;
  readonly kind: 'suggested' | 'reviewed';
  readonly by: string | null;
  /** ISO timestamp. */
  readonly at: string;
}

/**
 * Where in the episode a moment is: a time span in ms, or a transcript line it is anchored
 * to until alignment gives it times (or both).
 */
export interface MomentPlace {
  readonly startMs: number | null;
  readonly endMs: number | null;
  /** The transcript line (`seq`) the moment is anchored to. */
  readonly anchorSeq: number | null;
}

export interface Moment extends MomentPlace {
  readonly id: string;
  readonly episode: string;
  readonly tier: string;
  /** A codebook term id of that tier (`kiss`). */
  readonly term: string;
  /** Canonical character names; null when nobody leads (a mutual act) or it is unknown. */
  readonly initiator: string | null;
  readonly recipients: readonly string[];
  /** A joint or reciprocal act (`They kiss.`): recipients then holds every participant. */
  readonly mutual: boolean;
  /** The body part involved (`lips`, `cheek`, `hand`), or null. */
  readonly part: string | null;
  /** Term ids of the `reading` tier: what the moment is read as (`love`, `guilt`). */
  readonly readings: readonly string[];
  readonly note: string | null;
  /** Who wrote or reviewed it (a person's handle), or null for rule output. */
  readonly author: string | null;
  readonly provenance: Provenance;
  readonly review: ReviewState;
  /** ISO timestamps. */
  readonly createdAt: string;
  readonly updatedAt: string;
  /** Incremented on every change, for optimistic concurrency. */
  readonly version: number;
}

/** One act the suggester read in a stage direction. Not a fact: see Moment. */
export interface Suggestion {
  readonly episode: string;
  readonly source: { readonly file: string; readonly line: number };
  /** The ActionLine's `seq`, to anchor a moment before alignment gives times. */
  readonly seq: number;
  readonly tier: string;
  /** The codebook term id (`kiss`, `hug`, `stare`). Named `action` after the tier most use. */
  readonly action: string;
  readonly initiator: string | null;
  readonly recipients: readonly string[];
  readonly mutual: boolean;
  readonly part: string | null;
  /** The stage direction as written. */
  readonly text: string;
  /** How sure the rule is, 0..1: lower when a pronoun or the subject had to be guessed. */
  readonly confidence: number;
  /** The rule that fired, e.g. `act.verb`, `act.reciprocal`, `act.passive`. */
  readonly rule: string;
}

/**
 * A new moment from a suggestion, in review state `suggested`, provenance `rule`.
 * `id` and `now` (ISO) are passed in so this stays pure.
 */
export function momentFromSuggestion(s: Suggestion, id: string, now: string): Moment {
  return {
    id,
    episode: s.episode,
    startMs: null,
    endMs: null,
    anchorSeq: s.seq,
    tier: s.tier,
    term: s.action,
    initiator: s.initiator,
    recipients: s.recipients,
    mutual: s.mutual,
    part: s.part,
    readings: [],
    note: null,
    author: null,
    provenance: { kind: 'rule', rule: s.rule, file: s.source.file, line: s.source.line },
    review: 'suggested',
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
}

/** The moment after a review decision, its version bumped. */
export function reviewMoment(
  m: Moment,
  review: ReviewState,
  author: string | null,
  now: string,
): Moment {
  return { ...m, review, author: author ?? m.author, updatedAt: now, version: m.version + 1 };
}

/** The participants of a moment: initiator first, then recipients, no repeats. */
export function participants(m: Pick<Moment, 'initiator' | 'recipients'>): string[] {
  const out = m.initiator === null ? [] : [m.initiator];
  for (const r of m.recipients) if (!out.includes(r)) out.push(r);
  return out;
}
