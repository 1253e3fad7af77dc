import { ACT_NOUNS, ACT_VERB_FORMS } from './act-lexicon.js';
import { POSSESSIVE, ref, stripPossessive, type Ref } from './refs.js';
import { isVerb, type Token } from './tokens.js';
import { COLLECTIVES, PERSON_NOUNS } from './person-nouns.js';
import { BODY_PARTS, DESCRIBING_ENDING, NOT_NAMES } from './words.js';

const PLURAL_DETERMINERS = new Set(['the', 'two', 'three', 'four', 'several', 'some', 'more']);
const IRREGULAR_PLURALS: ReadonlyMap<string, string> = new Map([
  ['men', 'man'],
  ['women', 'woman'],
  ['people', 'person'],
  ['children', 'child'],
  ['thieves', 'thief'],
  ['wives', 'wife'],
]);
// Person nouns for beings rather than people at a post.
const BEING_HEADS = new Set(['android', 'drone', 'robot', 'cyborg', 'creature', 'monster']);
// Person nouns that say no more than a person of a kind: `the cyber man` is a CYBER.
const GENERIC_HEADS = new Set(['man', 'woman', 'boy', 'girl', 'lady', 'gentleman', 'person']);
// Compounds that are people whatever compromise knows of them: `crewmember`, `policewoman`.
const PERSON_SUFFIX = /(man|woman|member|person)$/;
// Capitalised words after `the` that are places or things, not beings.
const THINGS = new Set(['tardis', 'moon', 'sun', 'earth', 'vortex', 'time', 'key', 'eye', 'ship']);

/** `guards` -> guard; `ladies`, `deputies` -> lady, deputy (when that is a person noun). */
function singularOf(w: string): string {
  const y = w.replace(/ies$/, 'y');
  return y !== w && PERSON_NOUNS.has(y) ? y : w.replace(/s$/, '');
}

/** A person noun's singular and its gender, or null when the word is no person noun. */
export function personNoun(t: Token): { singular: string; gender: Ref['gender'] } | null {
  const w = stripPossessive(t.lower);
  const singular = IRREGULAR_PLURALS.get(w) ?? (PERSON_NOUNS.has(w) ? w : singularOf(w));
  if (PERSON_NOUNS.has(singular)) return { singular, gender: PERSON_NOUNS.get(singular) ?? null };
  // `his wrist`: the tagger may take a body part for a person noun.
  if (BODY_PARTS.has(w)) return null;
  if (t.tags.has('Actor') || (PERSON_SUFFIX.test(singular) && singular.length > 5))
    return { singular, gender: /woman$/.test(singular) ? 'f' : /man$/.test(singular) ? 'm' : null };
  return null;
}

/** Whether a token is written as a plural (`guards`, `men`, `Daleks`). */
function pluralWord(t: Token): boolean {
  const w = stripPossessive(t.lower);
  if (IRREGULAR_PLURALS.has(w)) return true;
  if (!/s$/.test(w) || /ss$/.test(w)) return false;
  // `Guards` opening a sentence is often tagged a verb; a person noun's `-s` is a plural.
  return t.tags.has('Plural') || PERSON_NOUNS.has(w.slice(0, -1)) || t.tags.has('Actor');
}

/**
 * A person named by role from token `i` (`start` is after a determiner, if any): `the guard`,
 * `a young man` (YOUNG MAN: adjectives stay, as a reader would name them), `two guards` and
 * a bare `Guards` at the head of a clause or after `by` (one collective, GUARDS), or a
 * capitalised being after a determiner (`a Cyberman`, `the Daleks`). Null when no role is
 * named there.
 */
export function matchRole(
  tokens: readonly Token[],
  i: number,
  start: number,
): { ref: Ref; end: number } | null {
  const det = start > i ? tokens[i]!.lower : null;
  const bare = det === null && PLURAL_DETERMINERS.has(tokens[i]!.lower) ? i + 1 : start;
  const opener = det !== null || bare > i || i === 0;
  // `is held by deputies`: the bare agent of a passive, in lower case (`surrounded by Angels`
  // names beings around, not doers).
  const agent = tokens[i - 1]?.lower === 'by' && !tokens[i]!.cap;
  if (!opener && !(det === null && (isClauseHead(tokens, i) || agent))) return null;
  let k = bare;
  const adjectives: string[] = [];
  // `a long-haired rebel`, `jack-booted soldiers`: a hyphened look describes them, and a reader
  // names them REBEL and SOLDIERS, as for three describing words.
  let described = false;
  while (
    k < tokens.length &&
    k < bare + 3 &&
    !tokens[k]!.cap &&
    describesPerson(tokens, k) &&
    /^-?$/.test(tokens[k]!.post.trim())
  ) {
    if (tokens[k]!.post === '-') described = true;
    adjectives.push(tokens[k++]!.lower);
  }
  while (modifiesPersonNoun(tokens, k)) adjectives.push(tokens[k++]!.lower);
  // `a UNIT soldier`, `the KGB men`: a body's initials before a person noun name the post.
  if (ACRONYM.test(tokens[k]?.text ?? '') && tokens[k + 1] && personNoun(tokens[k + 1]!))
    adjectives.push(tokens[k++]!.lower);
  const noun = tokens[k];
  if (noun === undefined) return null;
  // `Security enter`, `the police`: a group (but `the security guard` is one guard).
  const next = tokens[k + 1];
  const collective =
    COLLECTIVES.has(stripPossessive(noun.lower)) && (next === undefined || !personNoun(next));
  const plural = pluralWord(noun) || collective;
  const person = personNoun(noun);
  const being =
    person === null &&
    noun.cap &&
    (det !== null || bare > i) &&
    !NOT_NAMES.has(stripPossessive(noun.lower)) &&
    !THINGS.has(stripPossessive(noun.lower)) &&
    !noun.tags.has('Place') &&
    !noun.tags.has('Organization') &&
    // `the Wedding March`, `the Time Vortex`: a title of something, not a being.
    tokens[k + 1]?.cap !== true &&
    // `a Cyberman grabs her` acts, so it is a being; `grabs the Cybergun` may be a thing;
    // `the Dalek's gun`: what owns things is a being.
    (actsNext(tokens, k) ||
      POSSESSIVE.test(noun.text) ||
      becomes(tokens, i) ||
      passiveAgent(tokens, i, k) ||
      struck(tokens, i, k)) &&
    !(noun.text.length > 2 && noun.text === noun.text.toUpperCase());
  if (person === null && !being && !collective) return null;
  // `Two Ogrons`, `the Daleks`, `three Cybermen`: a being's name written as a plural, which the
  // tagger rarely marks; the verb after it agrees with a plural (`Two Ogrons grab her`). A kind
  // whose plural is its singular is plural when counted (`Two Borg`).
  const counted = det === null && bare > i;
  const pluralBeing = being && (counted || PLURAL_KIND.test(stripPossessive(noun.lower)));
  // Without a determiner only a plural names people: `Guards grab him`, not `Nurse, come`.
  // (Or after another with one: `a crewman and woman`, `the old man and woman`, the article
  // shared; not `Father and son`.)
  const shared = sharesArticle(tokens, i);
  if (det === null && bare === i && !plural && !shared) return null;
  const head = stripPossessive(noun.text).toUpperCase();
  // `an old man` is named OLD MAN, as a reader would label him; `a large grey-skinned alien`
  // is described, and named ALIEN.
  // `the other warriors` are WARRIORS, as the sets name them; `the other guard` (one of two)
  // stays OTHER GUARD.
  const told = plural || pluralBeing ? adjectives.filter((a) => a !== 'other') : adjectives;
  const kept = told.length <= 2 && !described ? told : [];
  const name = [...kept.map((a) => a.toUpperCase()), head].join(' ');
  return {
    ref: ref('name', [name], {
      gender: person?.gender ?? null,
      possessive: POSSESSIVE.test(noun.text),
      plural: plural || pluralBeing,
      role: head,
      definite: det === 'the' || det === 'this' || det === 'that',
    }),
    end: k + 1,
  };
}

/**
 * `the galley master`, `a prison officer`: the tagger takes both words for people; the last is
 * the person, the word at `k` says which. Not before `man` or `woman` (`the cyber man`, `an
 * alien woman`): that word is the kind of person, and names them on its own.
 */
function modifiesPersonNoun(tokens: readonly Token[], k: number): boolean {
  const [word, next] = [tokens[k], tokens[k + 1]];
  if (word === undefined || next === undefined || word.cap || next.cap) return false;
  if (word.post.trim() !== '' || POSSESSIVE.test(word.text)) return false;
  // `the torpedo hits`: a verb the tagger took for a plural.
  if (ACT_VERB_FORMS.has(next.lower)) return false;
  const head = personNoun(next);
  if (head === null || GENERIC_HEADS.has(head.singular)) return false;
  if (personNoun(word) !== null) return true;
  // `a security guard`, `a patrol member`: a plain noun naming the post. Not before a kind of
  // being (`the metal monster` is a thing's description, as `the metal door` is).
  const plain = word.tags.has('Noun') && !word.tags.has('Adjective') && !word.tags.has('Pronoun');
  return plain && !word.tags.has('Value') && !BEING_HEADS.has(head.singular);
}

/**
 * Whether the word at `k` describes the person a noun after it names: an adjective, or a word
 * of a describing form (`sobbing`, `startled`) right before a person noun, even when the
 * tagger took it for a noun itself (`the sobbing girl`).
 */
function describesPerson(tokens: readonly Token[], k: number): boolean {
  const t = tokens[k]!;
  if (t.tags.has('Adjective') && personNoun(t) === null) return true;
  const next = tokens[k + 1];
  return (
    DESCRIBING_ENDING.test(t.lower) &&
    !PERSON_NOUNS.has(t.lower) &&
    next !== undefined &&
    !next.cap &&
    personNoun(next) !== null
  );
}

/** `changes into a Zygon`, `turns into a Wirrn`: what someone becomes is a being. */
function becomes(tokens: readonly Token[], det: number): boolean {
  return (
    tokens[det - 1]?.lower === 'into' &&
    /^(?:chang|turn|transform|morph|mutat)/.test(tokens[det - 2]?.lower ?? '')
  );
}

/**
 * `grabbed by a Klingon`, `is hit by the Ogron`: who does what a participle says is a being
 * (not `by a Klingon disruptor`, a thing).
 */
function passiveAgent(tokens: readonly Token[], det: number, k: number): boolean {
  if (tokens[det - 1]?.lower !== 'by') return false;
  // `held back by the Klingons`, `pinned down by the Roundheads`: past the particle.
  const verb = verbAt(tokens, det - 2);
  const participle =
    verb !== undefined &&
    (ACT_VERB_FORMS.get(verb.lower)?.form === 'past' ||
      verb.tags.has('PastTense') ||
      verb.tags.has('Participle'));
  return participle && endsPhrase(tokens, k);
}

/** Whether the noun at `k` ends its phrase: `by a Klingon`, not `by a Klingon disruptor`. */
function endsPhrase(tokens: readonly Token[], k: number): boolean {
  const next = tokens[k + 1];
  return next === undefined || !next.tags.has('Noun') || next.tags.has('Pronoun');
}

/** The verb at `at`, or before it when `at` is its particle (`knocks out`, `held back`). */
function verbAt(tokens: readonly Token[], at: number): Token | undefined {
  return tokens[PARTICLES.has(tokens[at]?.lower ?? '') ? at - 1 : at];
}

// Verbs of blows, affection and force, done to people far more than to things a capital names.
const STRUCK = new Set([
  ...['kiss', 'hug', 'embrace', 'punch', 'hit', 'strike', 'slap', 'kick', 'knock', 'headbutt'],
  ...['strangle', 'throttle', 'tackle', 'push', 'shove', 'pull', 'overpower', 'restrain', 'shrug'],
]);

/**
 * `punches a Klingon`, `shrugs off the Klingons`: who a verb of blows, affection or force is
 * done to is a being, when one of a kind (`a Xindi`) or several (`the Spiridons`). Not `the
 * Sontaran`, often a character met by name, nor `the Scope` or `strikes the Enterprise`,
 * things that a capital names; nor `hits the Klingon ship`, a thing named after them.
 */
function struck(tokens: readonly Token[], det: number, k: number): boolean {
  // `knocks out a Breen`: past the particle.
  const verb = verbAt(tokens, det - 1);
  const lemma = verb === undefined ? undefined : ACT_VERB_FORMS.get(verb.lower)?.lemma;
  if (lemma === undefined || !STRUCK.has(lemma)) return false;
  const noun = tokens[k]!;
  const one = ONE_OF_A_KIND.has(tokens[det]!.lower);
  if (!one && !PLURAL_KIND.test(stripPossessive(noun.lower))) return false;
  if (noun.post.includes('-')) return false;
  return noun.post.trim() !== '' || endsPhrase(tokens, k);
}

// A kind written as a plural: `Daleks`, `Cybermen` (not `Jess`).
const PLURAL_KIND = /[^s'’]s$|men$/;

const ONE_OF_A_KIND = new Set(['a', 'an', 'another', 'one']);
// A body's initials: `UNIT`, `KGB`.
const ACRONYM = /^[A-Z]{2,6}$/;
// Particles between a verb and its object or agent: `knocks out`, `shrugs off`, `held back by`.
const PARTICLES = new Set(['out', 'down', 'off', 'away', 'back', 'aside', 'up']);

/** Whether the word after `k` (past an adverb) is a verb: the noun at `k` is a subject. */
function actsNext(tokens: readonly Token[], k: number): boolean {
  let n = k + 1;
  if (tokens[n]?.tags.has('Adverb') === true) n++;
  const t = tokens[n];
  if (t === undefined || !isVerb(t) || tokens[k]!.post.trim() !== '') return false;
  // `a Glasgow kiss`: a bare act word after the noun is its head noun, not its verb; but it is
  // the verb when an object follows (`The Zarbi push the Doctor`).
  if (!(ACT_NOUNS.has(t.lower) && ACT_VERB_FORMS.get(t.lower)?.form === 'base')) return true;
  const o = tokens[n + 1];
  return o !== undefined && (o.cap || OBJECT_OPENERS.has(o.lower));
}

const OBJECT_OPENERS = new Set(['the', 'him', 'her', 'them']);

/** Whether token `i` opens a clause: first, or after `and`, `then`, a comma. */
function isClauseHead(tokens: readonly Token[], i: number): boolean {
  const prev = tokens[i - 1];
  return prev === undefined || ['and', 'then', 'as', 'when', 'while'].includes(prev.lower);
}

// Determiners of the group a single member is taken from: `one of the guards`, `one of her drones`.
const GROUP_DETERMINERS = new Set(['the', 'her', 'his', 'their', 'its', 'these', 'those']);

/**
 * `One of the guards`, `one of her drones`: a single member of a group named by role, as that
 * role in the singular (GUARD, DRONE), from token `i` (`one`). Null when no group role follows.
 */
export function matchOneOf(tokens: readonly Token[], i: number): { ref: Ref; end: number } | null {
  if (tokens[i]?.lower !== 'one' || tokens[i + 1]?.lower !== 'of') return null;
  if (!GROUP_DETERMINERS.has(tokens[i + 2]?.lower ?? '')) return null;
  const group = matchRole(tokens, i + 2, i + 3);
  if (group === null || !group.ref.plural || group.ref.possessive) return null;
  const singular = singularRole(group.ref.role!);
  const words = group.ref.names[0]!.split(' ');
  const name = [...words.slice(0, -1), singular].join(' ');
  return {
    ref: ref('name', [name], { gender: group.ref.gender, role: singular }),
    end: group.end,
  };
}

/** A role written as a plural, in the singular: GUARDS -> GUARD, CYBERMEN -> CYBERMAN. */
export function singularRole(role: string): string {
  const lower = role.toLowerCase();
  const irregular = IRREGULAR_PLURALS.get(lower);
  if (irregular !== undefined) return irregular.toUpperCase();
  if (PERSON_NOUNS.has(lower)) return role;
  // `mummies`, `deputies`: one MUMMY; but `zombies` is one ZOMBIE.
  if (/IES$/.test(role) && !PERSON_NOUNS.has(lower.slice(0, -1))) return role.replace(/IES$/, 'Y');
  return role.replace(/MEN$/, 'MAN').replace(/(?<!S)S$/, '');
}

/** `a crewman and woman`: a bare person noun after `and` and a person noun with an article. */
function sharesArticle(tokens: readonly Token[], i: number): boolean {
  const other = tokens[i - 2];
  if (tokens[i - 1]?.lower !== 'and' || other === undefined || personNoun(other) === null)
    return false;
  const det = (k: number): boolean => ['a', 'an', 'the'].includes(tokens[k]?.lower ?? '');
  return det(i - 3) || (det(i - 4) && tokens[i - 3]!.tags.has('Adjective'));
}
