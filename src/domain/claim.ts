/**
 * Claims: a quantifier over a pattern of moments or dialogue ("never Ianto says 'I love you'
 * to Jack"), and the verdicts Receipts gives them. A verdict never says more than the
 * annotated part of the canon supports: `only` and `never` need every episode they range over
 * covered, or the answer is `insufficient-coverage`.
 */

export const QUANTIFIERS = ['only', 'never', 'first', 'last', 'count', 'compare', 'find'] as const;
export type Quantifier = (typeof QUANTIFIERS)[number];

export const COMPARISONS = ['>', '>=', '<', '<=', '=', '!='] as const;
export type Comparison = (typeof COMPARISONS)[number];

/** What to look for. Every field is optional; an empty pattern matches every moment. */
export interface ClaimPattern {
  /** A codebook term or subtree root of any tier (`kiss`, `affection`, `banter`). */
  readonly action?: string;
  /** Who leads the act, or who speaks for a `says` pattern. */
  readonly initiator?: string;
  /** Everyone named here must be among the moment's recipients. */
  readonly recipients?: readonly string[];
  /** Everyone named here takes part, in any role (`Jack and Ianto kiss`). */
  readonly participants?: readonly string[];
  /** true: only joint acts (`They kiss.`); false: only directed ones. */
  readonly mutual?: boolean;
  readonly part?: string;
  /** Every reading named here must be on the moment (`love`, `guilt`). */
  readonly readings?: readonly string[];
  /** A phrase said in dialogue: the pattern then matches lines, not moments. */
  readonly says?: string;
  /** For `says`: the person spoken to, read as the next speaker in the scene. */
  readonly listener?: string;
  /** Episode ids or inclusive ranges in canon order (`S01E01-S01E13`). */
  readonly episodes?: readonly string[];
}

/** The moment or episode an `only`, `first` or `last` claim points at ("this is the only time"). */
export interface ClaimReference {
  readonly episode?: string;
  readonly moment?: string;
}

export interface Claim {
  readonly quantifier: Quantifier;
  readonly pattern: ClaimPattern;
  /** The second pattern of a `compare`. */
  readonly other?: ClaimPattern;
  /** `compare`: pattern <op> other; `count`: count <op> value. Default `>` for compare. */
  readonly op?: Comparison;
  /** `count`: the number claimed. */
  readonly value?: number;
  readonly at?: ClaimReference;
  /** `first` / `last` in story order rather than broadcast order. */
  readonly order?: 'broadcast' | 'story';
}

export type VerdictKind = 'supported' | 'contradicted' | 'insufficient-coverage' | 'no-evidence';

/** One match: a moment or a line of dialogue, with where it is and what it says. */
export interface Evidence {
  readonly kind: 'moment' | 'dialogue';
  readonly episode: string;
  readonly episodeTitle: string | null;
  readonly startMs: number | null;
  readonly endMs: number | null;
  readonly source: { readonly file: string; readonly line: number } | null;
  /** The stage direction or the line said; for a moment without a source, its description. */
  readonly text: string;
  /** Moment id, or `line:<id>` for dialogue. */
  readonly id: string;
  /** For moments: confirmed or suggested. */
  readonly review?: string;
  /** For dialogue: `transcript`, `subtitles` or both (an aligned cue and its transcript line). */
  readonly basis?: readonly ('transcript' | 'subtitles')[];
  readonly speaker?: string | null;
  readonly listener?: string | null;
}

/** How much of the canon a verdict rests on. */
export interface Coverage {
  /** Episodes in the canon, and in the range the claim looks at. */
  readonly episodes: number;
  readonly inRange: number;
  /** Episodes of the range whose moments (or dialogue) can be relied on. */
  readonly covered: number;
  /** Episodes of the range that are not covered, in canon order. */
  readonly missing: readonly string[];
  /** What "covered" means here, in words. */
  readonly basis: string;
}

export interface Verdict {
  readonly claim: Claim;
  readonly verdict: VerdictKind;
  /** Matches of the pattern (for compare: of the first pattern). */
  readonly count: number;
  /** compare: matches of the second pattern. */
  readonly otherCount?: number;
  readonly evidence: readonly Evidence[];
  readonly otherEvidence?: readonly Evidence[];
  readonly counterexamples: readonly Evidence[];
  readonly coverage: Coverage;
  /**
   * Stage directions that mention the act and the people but no moment records: they could be
   * counter-examples nobody has read, so `never` and `only` cannot be supported while they stand.
   */
  readonly unread: readonly Evidence[];
  /** Why, in one sentence. */
  readonly explanation: string;
  readonly includeSuggested: boolean;
  /** For dialogue claims: what the evidence rests on (transcripts, aligned subtitles, or both). */
  readonly restsOn?: readonly ('transcript' | 'subtitles')[];
  readonly ms: number;
}

/** `2 > 1` for the comparisons claims use. */
export function compareCounts(a: number, op: Comparison, b: number): boolean {
  switch (op) {
    case '>':
      return a > b;
    case '>=':
      return a >= b;
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '=':
      return a === b;
    case '!=':
      return a !== b;
  }
}
