import { ACT_NOUNS, EXCHANGED } from './act-lexicon.js';
import { coordinatedNoun, DETS, partAt, word, type RefItem, type Tok } from './act-words.js';
import { mk, type RawAct } from './raw-act.js';
import type { Item, Ref } from './refs.js';
import { DESCRIBING_ENDING } from './words.js';

const COUNTING = new Set([
  ...['couple', 'of', 'few', 'several', 'series', 'flurry', 'some', 'multiple'],
  ...['two', 'three'],
]);

// `gives them each a kiss`: words between the people given to and the act noun.
const EACH = new Set(['each', 'both', 'all']);

/** A light verb with an act noun: `gives him a hug`, `plants a kiss on her cheek`. */
export function readLight(
  items: readonly Item[],
  j: number,
  lemma: string,
  plural: boolean,
): RawAct | null {
  if (lemma === 'exchange' || lemma === 'trade') return readExchange(items, j, plural);
  let recipient: Ref | null = null;
  let k = j;
  const first = items[k];
  if (first?.kind === 'ref' && !first.ref.possessive) {
    recipient = first.ref;
    k++;
    if (EACH.has(items[k]?.kind === 'ref' ? (items[k] as RefItem).toks[0]!.lower : word(items[k])))
      k++;
    if (word(items[k]) === 'into' || word(items[k]) === 'in') k++;
    // `pulls him in for a hug`
    if (word(items[k]) === 'for') k++;
  }
  // `lands a couple of punches on him`, `gives her a few hugs`.
  const counting = (it: Item | undefined): boolean => COUNTING.has(word(it));
  while (
    k < items.length &&
    k < j + 6 &&
    (DETS.has(word(items[k])) ||
      describing(items[k]) ||
      hyphenated(items, k) ||
      counting(items[k]) ||
      intensifies(items[k], items[k + 1]))
  )
    k++;
  // `gives Picard a flower and a hug`: the act after a thing given with it.
  const thing = items[k]?.kind === 'tok' && (items[k] as Tok).tok.tags.has('Noun');
  const given =
    thing && !ACT_NOUNS.has(word(items[k])) && ['and', 'a', 'an'].includes(word(items[k + 1]));
  const joined = given ? coordinatedNoun(items, k) : -1;
  if (joined > 0) k = joined;
  const noun = ACT_NOUNS.get(word(items[k]));
  // `gets him in a bear hug`, `has him in a bear hug`: a hold (acts.ts), not an embrace.
  const hold = (lemma === 'get' || lemma === 'have') && word(items[k - 1]) === 'bear';
  if (noun === undefined || (noun === 'hug' && hold)) return null;
  // `takes a punch from the guard`: taken, as `gets` is.
  const takenFrom = lemma === 'take' && word(items[k + 1]) === 'from';
  if ((lemma === 'get' || takenFrom) && recipient === null) {
    // Not `It gets a kiss` (a thing), nor `gets muddled over a handshake` (a state).
    if (items.slice(0, j).some((x) => word(x) === 'it')) return null;
    const after = items[j];
    if (after?.kind === 'tok' && after.tok.tags.has('PastTense')) return null;
    // `gets some good blows in`: the subject lands them (not `gets an elbow in the ribs`).
    if (word(items[k + 1]) === 'in') {
      const where = items[k + 2];
      const placed = DETS.has(word(where)) || (where?.kind === 'ref' && where.ref.possessive);
      if (!placed) return null;
    }
    // `Molly gets a hug`, `gets a kiss from Torres`: the subject is the one hugged, as in a
    // passive; with no `from`, an agent may be implied by the clause before.
    // (`gets a hug and a kiss from Roz`: after the second noun.)
    const second = coordinatedNoun(items, k);
    const end = second < 0 ? k + 1 : second + 1;
    const from = word(items[end]) === 'from' ? items[end + 1] : undefined;
    return from?.kind === 'ref' && !from.ref.possessive
      ? mk(noun, from.ref, ['subject'], false, null, 'act.passive', null)
      : mk(noun, null, ['subject'], false, null, 'act.gets-no-agent', null);
  }
  let part: string | null = null;
  let rest = k + 1;
  if (recipient === null) {
    const p = partAt(items, rest);
    const w = word(items[rest]);
    if (p?.owner) {
      recipient = p.owner;
      part = p.part;
    } else if (['on', 'to', 'with', 'from'].includes(w) && items[rest + 1]?.kind === 'ref') {
      recipient = (items[rest + 1] as RefItem).ref;
      rest += 2;
    }
    if (lemma === 'share') {
      return recipient !== null || plural
        ? mk(noun, 'subject', recipient ? [recipient] : [], true, part, 'act.share', null)
        : null;
    }
  } else {
    // `a kiss on the cheek`, `a slap across her face`; not `a shove back` (back again).
    const at = partAt(items, rest);
    part = at !== null && at.end > rest + 1 ? at.part : null;
  }
  if (recipient === null)
    return plural && noun !== 'handshake'
      ? mk(noun, 'subject', [], true, null, 'act.light-mutual', null)
      : null;
  return mk(
    noun,
    'subject',
    [recipient],
    recipient.kind === 'reciprocal',
    part,
    'act.light-verb',
    null,
  );
}

/**
 * `a long, lingering kiss`, `a hard backhanded slap`: a describing word before the act noun.
 */
function describing(it: Item | undefined): boolean {
  if (it?.kind !== 'tok' || ACT_NOUNS.has(it.tok.lower)) return false;
  return it.tok.tags.has('Adjective') || DESCRIBING_ENDING.test(it.tok.lower);
}

/** `a full-on kiss`, `a half-hearted hug`: a word of a hyphened compound before the act noun. */
function hyphenated(items: readonly Item[], k: number): boolean {
  const [it, before] = [items[k], items[k - 1]];
  if (it?.kind !== 'tok' || ACT_NOUNS.has(it.tok.lower)) return false;
  return it.tok.post === '-' || (before?.kind === 'tok' && before.tok.post === '-');
}

/** `an extremely loud kiss`, `a very good kick`: an adverb before a describing word. */
function intensifies(it: Item | undefined, next: Item | undefined): boolean {
  return it?.kind === 'tok' && it.tok.tags.has('Adverb') && describing(next);
}

// Words of number before traded acts: `exchange a few punches`.
const HOW_MANY = new Set(['a', 'few', 'some', 'several', 'more', 'two', 'three', 'quick']);

/**
 * `They exchange punches`, `Worf trades blows with Gowron`: an act both do to each other, by a
 * plural subject or with the one named after `with`.
 */
function readExchange(items: readonly Item[], j: number, plural: boolean): RawAct | null {
  let k = j;
  while (k < items.length && k < j + 3 && HOW_MANY.has(word(items[k]))) k++;
  const term = EXCHANGED.get(word(items[k]));
  if (term === undefined) return null;
  const other = word(items[k + 1]) === 'with' ? items[k + 2] : undefined;
  if (other?.kind === 'ref' && !other.ref.possessive)
    return mk(term, 'subject', [other.ref], true, null, 'act.exchange', null);
  return plural ? mk(term, 'subject', [], true, null, 'act.exchange', null) : null;
}
