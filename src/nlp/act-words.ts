import { ACT_NOUNS, ACT_VERB_FORMS } from './act-lexicon.js';
import type { Item, Ref } from './refs.js';
import { BODY_PARTS, DESCRIBING_ENDING } from './words.js';

export const SKIPPABLE = new Set([
  'gently',
  'softly',
  'quickly',
  'tenderly',
  'briefly',
  'suddenly',
  'hard',
  'firmly',
  'tightly',
  'warmly',
  'again',
  'then',
  'back',
  'passionately',
  'lightly',
  'quickly',
  'also',
  'roughly',
  'fiercely',
  'awkwardly',
  'hesitantly',
  'slowly',
  'finally',
  'just',
  'even',
  'up',
  'happily',
  'fondly',
]);
export const RECIPROCAL_LEMMAS = new Set([
  'kiss',
  'snog',
  'hug',
  'embrace',
  'cuddle',
  'snuggle',
  'smooch',
]);
export const PART_PREPS = new Set(['on', 'across', 'in', 'by', 'around', 'round', 'at']);
export const DETS = new Set([
  'a',
  'an',
  'the',
  'another',
  'one',
  'his',
  'her',
  'their',
  'my',
  'big',
  'quick',
  'long',
  'tight',
  'brief',
  'gentle',
  'little',
  'bear',
  'warm',
  'passionate',
  'final',
  'last',
  'huge',
  'group',
  'small',
  'soft',
]);

export type Tok = Extract<Item, { kind: 'tok' }>;
export type RefItem = Extract<Item, { kind: 'ref' }>;

export function word(it: Item | undefined): string {
  return it?.kind === 'tok' ? it.tok.lower : '';
}

/** Index of the first item from `j` that is not a skippable adverb. */
export function skip(items: readonly Item[], j: number): number {
  while (j < items.length) {
    const it = items[j]!;
    if (
      it.kind !== 'tok' ||
      !(
        SKIPPABLE.has(it.tok.lower) ||
        (it.tok.tags.has('Adverb') &&
          !['away', 'past', 'aside', 'out', 'off'].includes(it.tok.lower))
      )
    )
      break;
    j++;
  }
  return j;
}

// Words before a body part the tagger may take for verbs: `her left arm`, `his other hand`.
const SIDES = new Set(['left', 'right', 'other', 'own', 'free']);

/** A body part named from `j` on (`her cheek`, `on the forehead`, `the back of his neck`). */
export function partAt(
  items: readonly Item[],
  j: number,
): { part: string; owner: Ref | null; end: number } | null {
  let k = j;
  let owner: Ref | null = null;
  if (PART_PREPS.has(word(items[k]))) k++;
  const it = items[k];
  if (it?.kind === 'ref' && it.ref.possessive) {
    owner = it.ref;
    k++;
  } else if (['the', 'a', 'his', 'her', 'their', 'both'].includes(word(it))) k++;
  // `the back of his neck`, `the tip of his nose`
  if (PART_REGIONS.has(word(items[k])) && word(items[k + 1]) === 'of') {
    const o = items[k + 2];
    if (o?.kind === 'ref' && o.ref.possessive && BODY_PARTS.has(word(items[k + 3]))) {
      return { part: BODY_PARTS.get(word(items[k + 3]))!, owner: o.ref, end: k + 4 };
    }
  }
  while (
    items[k]?.kind === 'tok' &&
    ((items[k] as Tok).tok.tags.has('Adjective') || SIDES.has(word(items[k]))) &&
    !BODY_PARTS.has(word(items[k]))
  )
    k++;
  const part = BODY_PARTS.get(word(items[k]));
  // `her hand gun`, `his hand luggage`: a thing, not a hand.
  if (part === 'hand' && HAND_THINGS.has(word(items[k + 1]))) return null;
  return part === undefined ? null : { part, owner, end: k + 1 };
}

/** Regions of a body part: `the back of his neck`, `the top of her head`. */
export const PART_REGIONS = new Set(['back', 'top', 'tip', 'side', 'nape', 'bridge']);

// Nouns that make a thing of `hand` before them.
const HAND_THINGS = new Set([
  'gun',
  'guns',
  'grenade',
  'grenades',
  'luggage',
  'bag',
  'towel',
  'mirror',
  'brake',
  'cuffs',
]);

/** A word that would be a non-person object (`the console`, `a gun`) rather than an adverb or link. */
export function isObjectWord(it: Item): boolean {
  if (it.kind !== 'tok') return true;
  const t = it.tok;
  if (
    [
      'on',
      'in',
      'for',
      'again',
      'briefly',
      'passionately',
      'as',
      'while',
      'before',
      'then',
    ].includes(t.lower)
  )
    return false;
  return t.tags.has('Noun') || t.tags.has('Determiner') || t.tags.has('Adjective');
}

/** Whether the word at `i`, right before the act noun at `k`, describes it (`lingering`). */
export function describing(items: readonly Item[], i: number, k: number): boolean {
  const it = items[i];
  if (i !== k - 1 || it?.kind !== 'tok' || ACT_VERB_FORMS.has(it.tok.lower)) return false;
  return it.tok.tags.has('Adjective') || DESCRIBING_ENDING.test(it.tok.lower);
}

/**
 * The term of the act noun from `from` on, past determiners and describing words (`with a
 * slow, loving hug`), looking no further than `limit`; undefined when there is none.
 */
export function actNounFrom(
  items: readonly Item[],
  from: number,
  limit: number,
): string | undefined {
  let n = from;
  while (n < items.length && n < limit && (DETS.has(word(items[n])) || describing(items, n, n + 1)))
    n++;
  return ACT_NOUNS.get(word(items[n]));
}

/** The part someone is held by at `at` (`by the throat`), if not the hand (hands held). */
export function heldByPart(items: readonly Item[], at: number): string | null {
  if (word(items[at]) !== 'by') return null;
  const part = partAt(items, at)?.part ?? null;
  return part === 'hand' ? null : part;
}

/**
 * The index of an act noun joined to the act noun at `k` (`a hug and a kiss`, `a hug and
 * kiss`; `a hug a kiss` once the clause reader has taken out its `and`), or -1. Not a verb
 * (`a hug and kisses him`).
 */
export function coordinatedNoun(items: readonly Item[], k: number): number {
  let n = k + 1;
  const and = word(items[n]) === 'and';
  if (and) n++;
  const opened = n;
  while (n < items.length && (DETS.has(word(items[n])) || describing(items, n, n + 1))) n++;
  if (!ACT_NOUNS.has(word(items[n]))) return -1;
  if (n === opened && (!and || ACT_VERB_FORMS.get(word(items[n]))?.form === 's')) return -1;
  return n;
}
