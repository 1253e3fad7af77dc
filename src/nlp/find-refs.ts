import { titleCase } from '../domain/episode-naming.js';
import { ACT_VERB_FORMS } from './act-lexicon.js';
import { matchName } from './name-match.js';
import type { PeopleIndex } from './people-index.js';
import { joinGroups } from './ref-groups.js';
import { ONE_OF_THEM, POSSESSIVE, ref, stripPossessive, type Item, type Ref } from './refs.js';
import { matchOneOf, personNoun } from './role-nouns.js';
import { isVerb, type Token } from './tokens.js';
import { BODY_PARTS, GROUP_WORDS, PRONOUNS } from './words.js';

/**
 * Find the people a sentence mentions: characters (with titles and surnames), names no
 * character has (`Lynda`, upper-cased), people by role (`the guard` -> a speaker GUARD when
 * there is one), pronouns, `each other`, `both`; then join `Rose, Jackie and Mickey` into one group.
 */
export function findRefs(tokens: readonly Token[], people: PeopleIndex): Item[] {
  const items: Item[] = [];
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i]!;
    const next = tokens[i + 1];
    const pro = PRONOUNS.get(t.lower);
    if (pro !== undefined) {
      let possessive = pro.role === 'poss';
      if (pro.role === 'objposs' && next !== undefined)
        possessive = readsAsPossessed(tokens, i + 1);
      const kin = possessive && next !== undefined ? personNoun(next) : null;
      if (kin !== null && next !== undefined) {
        // `kisses her husband`, `grabs his son`: a person by relation, named as written.
        const name = stripPossessive(next.text).toUpperCase();
        const owner = ref('pronoun', [], {
          pronoun: t.lower,
          gender: pro.gender,
          plural: pro.plural,
          possessive: true,
        });
        items.push({
          kind: 'ref',
          ref: ref('name', [name], {
            gender: kin.gender,
            possessive: POSSESSIVE.test(next.text),
            role: name,
            owner,
          }),
          toks: [t, next],
        });
        i += 2;
        continue;
      }
      items.push({
        kind: 'ref',
        ref: ref('pronoun', [], {
          pronoun: t.lower,
          gender: pro.gender,
          plural: pro.plural,
          possessive,
        }),
        toks: [t],
      });
      i++;
      continue;
    }
    if (
      next !== undefined &&
      ((t.lower === 'each' && stripPossessive(next.lower) === 'other') ||
        (t.lower === 'one' && stripPossessive(next.lower) === 'another'))
    ) {
      items.push({
        kind: 'ref',
        ref: ref('reciprocal', [], { plural: true, possessive: POSSESSIVE.test(next.text) }),
        toks: [t, next],
      });
      i += 2;
      continue;
    }
    // `One of them grabs her`: one of the people `them` stands for (see resolve-refs.ts).
    if (t.lower === 'one' && next?.lower === 'of' && tokens[i + 2]?.lower === 'them') {
      items.push({
        kind: 'ref',
        ref: ref('plural', [], { pronoun: ONE_OF_THEM, plural: false }),
        toks: tokens.slice(i, i + 3),
      });
      i += 3;
      continue;
    }
    const member = matchOneOf(tokens, i);
    if (member !== null) {
      items.push({ kind: 'ref', ref: member.ref, toks: tokens.slice(i, member.end) });
      i = member.end;
      continue;
    }
    const named = matchName(tokens, i, people);
    if (named !== null) {
      const kin = named.ref.possessive ? kinOf(named.ref, tokens[named.end]) : null;
      const end = kin === null ? named.end : named.end + 1;
      items.push({ kind: 'ref', ref: kin ?? named.ref, toks: tokens.slice(i, end) });
      i = end;
      continue;
    }
    const group = matchGroupWord(tokens, i);
    if (group > i) {
      items.push({
        kind: 'ref',
        ref: ref('plural', [], { plural: true, pronoun: EVERYONE.has(t.lower) ? t.lower : null }),
        toks: tokens.slice(i, group),
      });
      i = group;
      continue;
    }
    items.push({ kind: 'tok', tok: t });
    i++;
  }
  return joinGroups(items);
}

/**
 * `Mrs. Crowley's mother`, `Kit's husband`: a person by relation to someone named, named as
 * written (as `her husband` is), or null when no person noun follows the owner.
 */
function kinOf(owner: Ref, next: Token | undefined): Ref | null {
  if (owner.kind !== 'name' || owner.names.length !== 1 || next === undefined) return null;
  const kin = personNoun(next);
  if (kin === null || next.cap) return null;
  const noun = stripPossessive(next.text).toUpperCase();
  // In the owner's case: `DONNY'S MOTHER`, or `Donny's Mother` where speakers are `Donny`.
  const name = owner.names[0]!;
  const written =
    name === name.toUpperCase()
      ? `${name}'S ${noun}`
      : `${name}'s ${titleCase(noun.toLowerCase())}`;
  return ref('name', [written], {
    gender: kin.gender,
    plural: stripPossessive(next.lower) !== kin.singular,
    possessive: POSSESSIVE.test(next.text),
    role: noun,
    owner,
  });
}

// Verbs after which `her back` is the particle.
const HELD_BACK = new Set(['hold', 'pull', 'yank', 'haul']);

// Words that after `her` open what she has, whatever the tagger makes of them.
const POSSESSED_FIRST = new Set(['left', 'right', 'own', 'other', 'whole', 'free', 'little']);

/**
 * `her` before a noun or adjectives and a noun is possessive (`her hand`, `her long hair`),
 * before anything else an object (`kisses her long and hard on the lips`).
 */
function readsAsPossessed(tokens: readonly Token[], at: number): boolean {
  const next = tokens[at]!;
  // `holds her back`, `pulls her back`: a particle after a verb of restraining or pulling,
  // not her back (`rubs her back`).
  const verb = at >= 2 ? ACT_VERB_FORMS.get(tokens[at - 2]!.lower)?.lemma : undefined;
  if (next.lower === 'back' && verb !== undefined && HELD_BACK.has(verb)) return false;
  if (!isAdjective(next) || POSSESSED_FIRST.has(next.lower)) return possessedBy(next);
  let k = at;
  while (k < tokens.length && (isAdjective(tokens[k]!) || tokens[k]!.lower === 'and')) k++;
  const after = tokens[k];
  return after !== undefined && tokens[k - 1]!.lower !== 'and' && possessedBy(after);
}

const isAdjective = (t: Token): boolean => t.tags.has('Adjective') && !t.tags.has('Noun');

function possessedBy(next: Token): boolean {
  // `hits her head` (`head` tagged a verb), `her left side`, `her own`.
  if ((BODY_PARTS.has(next.lower) && next.lower !== 'back') || POSSESSED_FIRST.has(next.lower))
    return true;
  if (next.tags.has('Pronoun') || next.tags.has('Preposition') || next.tags.has('Determiner'))
    return false;
  if (next.tags.has('Adverb') || next.tags.has('Conjunction')) return false;
  if (isVerb(next) && !next.tags.has('Noun')) return false;
  return next.tags.has('Noun') || next.tags.has('Adjective') || next.tags.has('Value');
}

// Everyone on stage: read as the conversation around the direction.
const EVERYONE = new Set(['everyone', 'everybody']);

/** `both`, `the two`, `the pair`, `the couple`: returns the index after the words, or i. */
function matchGroupWord(tokens: readonly Token[], i: number): number {
  const t = tokens[i]!;
  if (t.lower === 'both' && !(tokens[i + 1]?.lower === 'of')) return i + 1;
  if (EVERYONE.has(t.lower)) return i + 1;
  if (t.lower === 'the' && GROUP_WORDS.has(tokens[i + 1]?.lower ?? '')) {
    const w = tokens[i + 1]!.lower;
    if (w === 'two' || w === 'pair' || w === 'couple') return i + 2;
  }
  return i;
}
