import { ACT_NOUNS, LIFTING } from './act-lexicon.js';
import { describing, partAt, word, type RefItem } from './act-words.js';
import { mk, type RawAct } from './raw-act.js';
import type { Item } from './refs.js';
import { breaksAfter } from './tokens.js';

// Acts read from set phrases around the noun of a shared act: `returns the kiss`, `breaks the
// embrace`.

// Verbs of ending an act, and `out of` it: `breaks the kiss`, `comes out of the embrace`.
const ENDING = new Set(['break', 'breaks', 'breaking', 'broke', 'end', 'ends', 'ending', 'ended']);
const LEAVING = new Set(['come', 'comes', 'coming', 'came', 'pull', 'pulls', 'pulling', 'pulled']);
// Shared acts one can be in and come out of.
const HELD_ACTS = new Set(['kiss', 'embrace', 'hug', 'clinch']);

/**
 * `breaks the embrace`, `comes out of the hug`: the act happened, shared by the subject and
 * the one they were with (found in read-direction.ts). `their embrace` is pairIn's.
 */
export function endedAct(items: readonly Item[], k: number): string | null {
  const w = word(items[k]);
  let n = k + 1;
  if (ENDING.has(w)) {
    if (word(items[n]) === 'off') n++;
  } else if (LEAVING.has(w) && word(items[n]) === 'out' && word(items[n + 1]) === 'of') n += 2;
  else return null;
  if (word(items[n]) !== 'the') return null;
  const noun = word(items[n + 1]);
  if (!HELD_ACTS.has(noun)) return null;
  return noun === 'clinch' ? 'hug' : (ACT_NOUNS.get(noun) ?? null);
}

export const RETURNING = new Set(['return', 'returns', 'returned', 'returning']);
// `She kisses him and he reciprocates`: the act given back, whichever it was.
export const RECIPROCATING = new Set([
  'reciprocate',
  'reciprocates',
  'reciprocated',
  'reciprocating',
]);
/** The term of an act reciprocated, until the act it answers is found (read-direction.ts). */
export const RECIPROCATED = 'reciprocated';
// Acts one gives back in kind.
export const RETURNABLE: ReadonlySet<string> = new Set(['kiss', 'hug', 'handshake']);

/**
 * `returns the kiss`, `returns her hug`: the subject's act back to whoever gave it (the owner
 * named, else the giver of the last such act: see read-direction.ts), and the act given, when
 * its giver is named.
 */
export function returnedAct(
  items: readonly Item[],
  k: number,
): { back: RawAct; given: RawAct | null } | null {
  let n = k + 1;
  const owner = items[n]?.kind === 'ref' ? (items[n] as RefItem).ref : null;
  if (owner !== null && !owner.possessive) return null;
  if (owner !== null || word(items[n]) === 'the') n++;
  while (n < k + 4 && describing(items, n, n + 1)) n++;
  const term = ACT_NOUNS.get(word(items[n]));
  if (term === undefined || !RETURNABLE.has(term)) return null;
  if (owner === null)
    return { back: mk(term, 'subject', [], false, null, 'act.returned', null), given: null };
  const giver = { ...owner, possessive: false };
  return {
    back: mk(term, 'subject', [giver], false, null, 'act.returned', null),
    given: mk(term, giver, ['subject'], false, null, 'act.given', null),
  };
}

// Going eagerly into someone's arms: `runs into his arms`, `leaps into Ian's arms`.
const EAGER = new Set([
  ...['run', 'runs', 'ran', 'running', 'rush', 'rushes', 'rushed', 'rushing'],
  ...['leap', 'leaps', 'leapt', 'leaped', 'leaping', 'jump', 'jumps', 'jumped', 'jumping'],
  ...['race', 'races', 'raced', 'racing', 'hurtle', 'hurtles', 'hurtled', 'hurtling'],
]);
// Falling into someone's arms is an embrace only in tears: `falls sobbing into her arms`.
const FALLING = new Set(['falls', 'fell', 'falling', 'collapses', 'collapsing']);
const WEEPING = new Set(['sobbing', 'weeping', 'crying', 'tears']);
const DYING = new Set(['dies', 'died', 'dying']);

/**
 * `runs into his arms`, `falls sobbing into Barbara's arms`: the subject hugs the owner of the
 * arms. `dies in her arms`: she holds the subject. Not fainting or collapsing into someone's
 * arms, which is being caught.
 */
export function armsAct(items: readonly Item[], k: number): RawAct | null {
  const w = word(items[k]);
  const dying = DYING.has(w);
  let n = k + 1;
  // `falls, sobbing, into`, `rushes straight into`: a word or two before the preposition.
  while (n < k + 3 && items[n]?.kind === 'tok' && word(items[n]) !== (dying ? 'in' : 'into')) n++;
  if (word(items[n]) !== (dying ? 'in' : 'into')) return null;
  const owner = items[n + 1];
  if (owner?.kind !== 'ref' || !owner.ref.possessive || word(items[n + 2]) !== 'arms') return null;
  const other = { ...owner.ref, possessive: false };
  if (dying) return mk('hug', other, ['subject'], false, null, 'act.dies-in-arms', null);
  const tearful = items.slice(k, n + 6).some((x) => WEEPING.has(word(x)));
  if (!EAGER.has(w) && !(FALLING.has(w) && tearful)) return null;
  return mk('hug', 'subject', [other], false, null, 'act.into-arms', null);
}

// `catches her in his arms`: caught, as lifted, into one's arms (not `catches him`).
const CATCHING = new Set(['catch', 'catches', 'caught', 'catching']);

/**
 * `picks up Clara in his arms`, `lifts the Doctor up in his arms`, `catches her in his arms`:
 * the subject holds the one lifted or caught, which the sets label a hug (as `holds her in his
 * arms` is).
 */
export function liftedInArms(items: readonly Item[], k: number): RawAct | null {
  if (!LIFTING.has(word(items[k])) && !CATCHING.has(word(items[k]))) return null;
  let n = word(items[k + 1]) === 'up' ? k + 2 : k + 1;
  const lifted = items[n];
  if (lifted?.kind !== 'ref' || lifted.ref.possessive || lifted.ref.kind === 'reciprocal')
    return null;
  n = word(items[n + 1]) === 'up' ? n + 2 : n + 1;
  const owner = items[n + 1];
  if (!['in', 'into'].includes(word(items[n])) || word(items[n + 2]) !== 'arms') return null;
  if (owner?.kind !== 'ref' || !owner.ref.possessive) return null;
  return mk('hug', 'subject', [lifted.ref], false, null, 'act.lifted', null);
}

// Words before `her arm around him` that make the arm the subject's hold, with no verb of
// putting (see act-patterns.ts): `has her arm around him`, `with his arm around her`,
// `placing his arm around her`, or a comma (`sits down, his arm around Frasier`).
const HOLDING_ARM = new Set([
  ...['has', 'have', 'had', 'having', 'gets', 'get', 'got', 'getting'],
  ...['keeps', 'keep', 'kept', 'keeping', 'with', 'places', 'place', 'placed', 'placing'],
]);

/**
 * `has her arms around him` (a hug), `with his arm around her` (a caress), `gets its arm around
 * Kit's throat` (a grab), `have their arms around each other` (shared): the subject's arm or
 * arms at `k`, around a person.
 */
export function armAround(items: readonly Item[], k: number): RawAct | null {
  const w = word(items[k]);
  if (w !== 'arm' && w !== 'arms') return null;
  const owner = items[k - 1];
  const own = owner?.kind === 'ref' && owner.ref.possessive && owner.ref.kind === 'pronoun';
  if (!own && word(owner) !== 'an' && word(owner) !== 'its') return null;
  const lead = items[k - 2];
  const licensed =
    lead === undefined ||
    HOLDING_ARM.has(word(lead)) ||
    (lead.kind === 'tok' && breaksAfter(lead.tok));
  if (!licensed || !['around', 'round'].includes(word(items[k + 1]))) return null;
  const o = items[k + 2];
  if (o?.kind !== 'ref') return null;
  // `Daphne with her arm around Niles, Martin with his around Claire`: the person before `with`.
  const before = items[k - 3];
  const doer =
    word(lead) === 'with' && before?.kind === 'ref' && !before.ref.possessive
      ? before.ref
      : 'subject';
  if (o.ref.kind === 'reciprocal') return mk('hug', doer, [], true, null, 'act.arm-around', null);
  const p = o.ref.possessive ? partAt(items, k + 2) : null;
  if (p !== null && word(items[p.end - 1]) === 'throat')
    return mk('grab', doer, [o.ref], false, 'neck', 'act.arm-around', null);
  const term = w === 'arms' && p?.part !== 'shoulder' ? 'hug' : 'caress';
  return mk(term, doer, [o.ref], false, p?.part ?? null, 'act.arm-around', null);
}
