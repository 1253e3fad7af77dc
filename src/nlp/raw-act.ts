import type { Ref } from './refs.js';

/** An act read in one clause, its people still as refs (pronouns unresolved). */
export interface RawAct {
  readonly term: string;
  readonly tier: 'action' | 'gaze';
  /** The doer: the clause subject unless the act is passive (then the `by` agent). */
  readonly doer: 'subject' | Ref | null;
  /** Who it is done to (for a passive: the subject). */
  readonly objects: readonly (Ref | 'subject')[];
  /** A reciprocal act: everyone in the doer and objects takes part alike. */
  readonly mutual: boolean;
  readonly part: string | null;
  readonly rule: string;
  /** Why this is not an event (`about to`, `not`), or null when it happens. */
  readonly nonEvent: string | null;
  /** The lemma of the verb it was read from, when it was read from one. */
  readonly verb?: string;
}

/** A RawAct from its parts. */
export function mk(
  term: string,
  doer: RawAct['doer'],
  objects: RawAct['objects'],
  mutual: boolean,
  part: string | null,
  rule: string,
  nonEvent: string | null,
  tier: RawAct['tier'] = 'action',
): RawAct {
  return { term, tier, doer, objects, mutual, part, rule, nonEvent };
}

/** The rule of a shared act one person ends (`He breaks the embrace`): the partner is a guess. */
export const ENDED_ALONE = 'act.ended-alone';

/** The rule of a hand slapped away or down (`slaps his hand away`): someone else's hand. */
export const SWATTED_HAND = 'act.hand-swatted';
