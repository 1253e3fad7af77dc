/** What lowers a suggestion's confidence. */
export interface Doubts {
  /** The doer was not written: taken from the speech around it or an earlier sentence. */
  readonly subjectGuessed: boolean;
  /** Pronouns resolved, and how many of them had a close second candidate. */
  readonly pronouns: number;
  readonly unsurePronouns: number;
  readonly passiveWithoutAgent: boolean;
  /**
   * An act received with no giver named or implied (`Molly gets a hug`): the giver is someone
   * in the scene, but nothing says who, so it stays under the review threshold.
   */
  readonly receivedFromNoOne?: boolean;
  /** A passive's agent taken from the clause before (`grabs his gun and gets pushed away`). */
  readonly impliedAgent: boolean;
  /**
   * A shared act one person ends (`He breaks the embrace`): the other is taken from the
   * conversation, a guess too weak to offer for review.
   */
  readonly partnerUnwritten?: boolean;
  /** A person not among the speakers (an extra name or a role such as `the guard`). */
  readonly extraPerson: boolean;
}

/** Confidence 0..1: 0.95 for an explicit `Rose kisses Jack`, less for each guess made. */
export function confidenceOf(d: Doubts): number {
  let c = 0.95;
  if (d.subjectGuessed) c -= 0.15;
  c -= d.pronouns * 0.03 + d.unsurePronouns * 0.12;
  if (d.passiveWithoutAgent) c -= 0.4;
  if (d.receivedFromNoOne === true || d.partnerUnwritten === true) c -= 0.5;
  if (d.impliedAgent) c -= 0.15;
  if (d.extraPerson) c -= 0.05;
  return Math.max(0.05, Math.min(1, Math.round(c * 100) / 100));
}

/**
 * Suggestions below this confidence are kept for the curious (the CLI shows them) but are
 * not offered for review, and the dev-set evaluation ignores them.
 */
export const REVIEW_THRESHOLD = 0.5;
