import { PINCHED, type VerbForm } from './act-lexicon.js';
import { word } from './act-words.js';
import type { Item, Ref } from './refs.js';
import {
  FULFILLING,
  NEGATORS,
  NO_BLOW,
  STOPPING,
  TOWARDS,
  UNFULFILLED_BEFORE_GERUND,
} from './words.js';

/** The reason of an act that went on until now (`stops kissing Kim`): see read-direction.ts. */
export const STOPPED = 'stopped';

/** The reason of a gerund after `before`, which happens unless drawn back from (see drawsBack). */
export const BEFORE_GERUND = 'before + gerund';

// Verbs that draw back with `back` or `away` after them (`pulls back`, `steps away`), and
// verbs that hold back on their own (`hesitates`).
const DRAWING = new Set(['pull', 'pulls', 'draw', 'draws', 'step', 'steps', 'lean', 'leans']);
const HOLDING_BACK = new Set(['hesitates', 'hesitate', 'pauses', 'pause', 'recoils', 'recoil']);

/**
 * Whether a clause draws back, so that an act after `before` does not happen: `pulls back
 * before kissing him`. Elsewhere the act happens next (`throttles Kemel before throwing him
 * down`, `gets into the lift before kissing him again`).
 */
export function drawsBack(items: readonly Item[]): boolean {
  return items.some(
    (it, i) =>
      HOLDING_BACK.has(word(it)) ||
      (DRAWING.has(word(it)) && ['back', 'away'].includes(word(items[i + 1]))),
  );
}

const MODALS = new Set([
  'can',
  'could',
  'would',
  'will',
  'might',
  'may',
  'should',
  'must',
  'shall',
  "'ll",
  'wo',
  'ca',
]);
const PASSIVE_BE = new Set(['be', 'get']);
const ATTEMPT_NOUNS = new Set(['attempt', 'attempts', 'attempted', 'effort', 'try', 'bid']);

const USES = new Set(['uses', 'used', 'using']);

/**
 * `uses a pressure point hold to knock him out`, `using his cane to hit the guard`: a means
 * used, so the act happens (but not `tries to use the rifle to hit him`). Not a drug or a shot
 * (`uses a hypospray to knock him out`), which is no act of the codebook.
 */
function usedTo(items: readonly Item[], to: number): boolean {
  for (let i = to - 1; i >= 0 && i >= to - 6; i--) {
    if (!USES.has(word(items[i]))) continue;
    const means = items.slice(i + 1, to).map(word);
    return word(items[i - 1]) !== 'to' && !means.some((w) => NO_BLOW.test(w));
  }
  return false;
}

/**
 * Why the act named at `k` does not happen, or null when it does: negated or hedged
 * (`not`, `almost`), an infinitive after a verb of intent (`about to`, `tries to`, `leans in
 * to`), a modal (`before he can kiss her`), a gerund after `before`/`without`, or a bare verb
 * form with a singular subject (the second half of `tries to grab him and push him`).
 * `previous` is the reason found for the clause before, which a bare coordinated verb shares.
 */
export function nonEventReason(
  items: readonly Item[],
  verbAt: number,
  subject: Ref | null,
  form: VerbForm,
  link: string | null,
  previous: string | null,
  noun: boolean,
): string | null {
  // `before neck-pinching him`, `tries to neck-pinch him`: the verb starts at `neck`.
  const k = PINCHED.has(word(items[verbAt - 1])) ? verbAt - 1 : verbAt;
  for (let i = 0; i < k; i++) {
    const w = word(items[i]);
    if (NEGATORS.has(w)) return w;
    if (ATTEMPT_NOUNS.has(w)) return w;
    // `gurning as if someone is throttling him`, `if he kisses her`: not what happens.
    if (w === 'if') return w;
  }
  const before = word(items[k - 1]);
  // `whilst still hugging Frasier`: the act told before goes on; it is not a second one.
  if (before === 'still') return 'still';
  // `pretends to be strangled`, `asks to be held`: a passive infinitive is one all the same.
  const to =
    before === 'to' ? k - 1 : PASSIVE_BE.has(before) && word(items[k - 2]) === 'to' ? k - 2 : -1;
  if (to >= 0) {
    const governor = TOWARDS.has(word(items[to - 1])) ? word(items[to - 2]) : word(items[to - 1]);
    return FULFILLING.has(governor) || usedTo(items, to) ? null : 'to-infinitive';
  }
  if (
    MODALS.has(before) ||
    (word(items[k - 2]) !== '' &&
      MODALS.has(word(items[k - 2])) &&
      items[k - 1]?.kind === 'tok' &&
      items[k - 1]!.kind === 'tok' &&
      /ly$/.test(before))
  ) {
    return 'modal';
  }
  if (noun) return null;
  // `whether to shake or hug`, `does not kiss or hug her`: an alternative to an act that does
  // not happen does not happen either.
  if (link === 'or' && k === 0 && previous !== null) return previous;
  if (form === 'ing') {
    const prev = k === 0 ? (link ?? '') : before;
    if (UNFULFILLED_BEFORE_GERUND.has(prev) || (k === 0 && link === 'before'))
      return `${prev} + gerund`;
    // `avoids Herbert hitting him`: someone else's act, avoided all the same.
    const other = word(items[k - 2]);
    if (items[k - 1]?.kind === 'ref' && other.startsWith('avoid')) return `${other} + gerund`;
    if (STOPPING.has(prev)) return STOPPED;
    if (prev === 'about' || prev === 'of') return 'about-gerund';
    return null;
  }
  // `The Zarbi push the Doctor`, `the Ood grab him`: a kind of being whose plural looks like
  // its singular, which the bare verb shows to be plural.
  const beings = subject !== null && subject.role !== null && items[k - 1]?.kind === 'ref';
  if (form === 'base' && subject !== null && !subject.plural && !beings) {
    // Stage directions narrate in the present: a singular subject takes `kisses`, not `kiss`.
    return previous ?? 'bare-verb';
  }
  if (form === 'base' && subject === null && k === 0 && previous !== null) return previous;
  return null;
}
