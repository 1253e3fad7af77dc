import { ACT_NOUNS, ACT_VERB_FORMS, PINCHED, SHARED_NOUNS } from './act-lexicon.js';
import { word, type Tok } from './act-words.js';
import type { Item, Ref } from './refs.js';
import { breaksAfter, headsClause, isCommonNoun } from './tokens.js';
import { BE_FORMS, BODY_PARTS, CLAUSE_LINKS, CRAFT, FEELINGS, UNNAMED_PEOPLE } from './words.js';

/** A clause of a sentence: its items, the word that linked it to the one before, its subject. */
export interface Clause {
  readonly items: readonly Item[];
  /** `and`, `then`, `before`... or `,` for a clause after a comma; null for the first. */
  readonly link: string | null;
  /** The people before its first verb, or null when it shares the subject before it. */
  readonly subject: Ref | null;
  /**
   * Whether a thing stands before its first verb instead (`Another beam hits him`,
   * `The door slams`): then nothing in it is an act of a person.
   */
  readonly thingSubject: boolean;
}

function hasVerb(items: readonly Item[]): boolean {
  return items.some(
    (it, i) =>
      it.kind === 'tok' &&
      (headsClause(it.tok) || presentVerbBetween(items, i) || thingActs(items, i)),
  );
}

const INDEFINITE = new Set(['a', 'an', 'another']);

/**
 * `(gives her a hug) and a kiss`: a piece after `and` that is only an act noun with its
 * article is part of the clause before, whatever the tagger makes of the noun.
 */
function actNounPhrase(items: readonly Item[], link: string | null): boolean {
  if (link !== 'and' || !INDEFINITE.has(word(items[0]))) return false;
  let n = 1;
  while (
    n < items.length - 1 &&
    items[n]!.kind === 'tok' &&
    (items[n] as Tok).tok.tags.has('Adjective')
  )
    n++;
  if (!ACT_NOUNS.has(word(items[n]))) return false;
  return !items.slice(n + 1).some((it) => it.kind === 'tok' && headsClause(it.tok));
}

/**
 * Split a sentence at links (`and`, `then`, `before`...) and at commas and dashes, keeping a
 * piece as a clause of its own only when it holds a verb: `Ianto grabs Jack and kisses him`
 * -> [Ianto grabs Jack] [and kisses him]; `hugs Rose, gently` stays one clause.
 */
export function splitClauses(items: readonly Item[]): Clause[] {
  const pieces: { link: string | null; items: Item[] }[] = [{ link: null, items: [] }];
  for (let i = 0; i < items.length; i++) {
    const it = items[i]!;
    const cur = pieces[pieces.length - 1]!;
    // `the EMH, who then hits him`: `then` does not part `who` from its verb.
    const onlyWho = cur.items.length === 1 && RELATIVES.has(word(cur.items[0]));
    // `hugs and kisses Latimer`, `grabbing and dragging Martin along`: two verbs sharing one
    // object stay one clause.
    const sharedObject =
      it.kind === 'tok' &&
      it.tok.lower === 'and' &&
      actVerbAt(items, i - 1) &&
      sharesObject(items, i);
    // `shoots the guard who is throttling Odo`: `who` after a person, before an act that person
    // does, opens a clause about them, as after a comma (read-direction.ts gives it that person
    // as its subject).
    const who =
      it.kind === 'tok' &&
      RELATIVES.has(it.tok.lower) &&
      items[i - 1]?.kind === 'ref' &&
      cur.items.length > 1 &&
      actDoneAt(items, i + 1);
    if (
      it.kind === 'tok' &&
      CLAUSE_LINKS.has(it.tok.lower) &&
      cur.items.length > 0 &&
      !onlyWho &&
      !sharedObject
    ) {
      pieces.push({ link: it.tok.lower, items: [] });
    } else if (who) pieces.push({ link: ',', items: [it] });
    else cur.items.push(it);
    const last = it.kind === 'tok' ? it.tok : it.toks[it.toks.length - 1]!;
    // `a long, lingering kiss`: a comma between describing words does not end a clause.
    const nx = items[i + 1];
    const describing =
      it.kind === 'tok' &&
      it.tok.tags.has('Adjective') &&
      ARTICLES.has(word(items[i - 1])) &&
      nx?.kind === 'tok' &&
      (nx.tok.tags.has('Adjective') || /^[a-z]+ing$/.test(nx.tok.lower));
    if (breaksAfter(last) && i + 1 < items.length && !describing) {
      const nx = items[i + 1]!;
      // `, and`: the link word itself opens the next piece.
      if (!(nx.kind === 'tok' && CLAUSE_LINKS.has(nx.tok.lower)))
        pieces.push({ link: ',', items: [] });
    }
  }
  const merged: { link: string | null; items: Item[] }[] = [];
  for (const p of pieces) {
    const prev = merged[merged.length - 1];
    if (p.items.length === 0) continue;
    // `laughs (and kisses him)`: a lone first word in -s is a verb of its own.
    const lone = merged.length === 1 && prev !== undefined && loneVerb(prev.items, p.link);
    const joined = !hasVerb(p.items) || actNounPhrase(p.items, p.link);
    if (prev !== undefined && (joined || !(hasVerb(prev.items) || lone))) {
      prev.items.push(...p.items);
      continue;
    }
    merged.push({ link: p.link, items: [...p.items] });
  }
  return merged.map((p) => ({ link: p.link, items: p.items, ...subjectOf(p.items) }));
}

export const ARTICLES = new Set(['a', 'an', 'the']);

// Words between `who` and its verb: `who is still throttling him`, `who then takes him`.
const MEANWHILE = new Set(['still', 'now', 'then']);

/**
 * Whether an act verb done by the subject comes at `i`, past `is` and a word like `still`
 * (`throttling Odo`, `is shaking hands`, `takes him`); not a passive (`is being pinned`) nor
 * an attempt (`is trying to restrain him`).
 */
function actDoneAt(items: readonly Item[], i: number): boolean {
  let k = i;
  let be = false;
  while (BE_FORMS.has(word(items[k])) || MEANWHILE.has(word(items[k]))) {
    be ||= BE_FORMS.has(word(items[k]));
    k++;
  }
  const form = ACT_VERB_FORMS.get(word(items[k]))?.form;
  return be ? form === 'ing' : form === 's' || form === 'past';
}

/** Whether item i is a word of one of our act verbs (`hugs`, `kisses`). */
function actVerbAt(items: readonly Item[], i: number): boolean {
  const it = items[i];
  return it?.kind === 'tok' && ACT_VERB_FORMS.has(it.tok.lower);
}

/**
 * Whether the act verb before `and` at i shares the object after the verb that follows: an
 * act verb, or a verb of the same form with a person after it (`grabbing and dragging Martin`).
 */
export function sharesObject(items: readonly Item[], i: number): boolean {
  if (actVerbAt(items, i + 1)) return true;
  const first = ACT_VERB_FORMS.get(word(items[i - 1]))?.form;
  const next = items[i + 1];
  if (first === undefined || next?.kind !== 'tok' || !next.tok.tags.has('Verb')) return false;
  const same = { ing: /ing$/, s: /s$/, past: /ed$/, base: null }[first];
  const person = items[i + 2];
  // Not `shaking and wringing his hands`: a part of someone is no person.
  return (
    same !== null && same.test(next.tok.lower) && person?.kind === 'ref' && !person.ref.possessive
  );
}

/** Relative pronouns that open a clause about the person just named: `the EMH, who ...`. */
export const RELATIVES = new Set(['who', 'whom']);

// Body parts that act for their owner: `Her hand touches his cheek` is her act.
const ACTING_PARTS = new Set(['hand', 'hands', 'fist', 'fists', 'arm', 'arms', 'lips', 'fingers']);
// Words before a passive participle: `is grabbed`, `gets grabbed`.
const PASSIVE_AUX = new Set([...BE_FORMS, 'get', 'gets', 'got']);
// Limbs that act for someone the direction does not name: `A hand grabs Rose's wrist`,
// `A giant claw grabs Polly`.
export const REACHING_LIMBS = new Set([
  'hand',
  'hands',
  'fist',
  'arm',
  'arms',
  'claw',
  'claws',
  'tentacle',
  'tentacles',
]);

// Words before an unnamed limb: `a hand`, `another hand`, `a pair of arms`.
const LIMB_OPENERS = new Set(['a', 'an', 'the', 'another', 'two', 'more', 'of']);

/**
 * Whether item i is a doer the direction leaves unnamed: `someone`, or a limb no one owns
 * (`A hand grabs her`; `Rose's hand` and `his hand` are their owner's).
 */
export function unnamedDoerAt(items: readonly Item[], i: number): boolean {
  const it = items[i];
  if (it?.kind !== 'tok') return false;
  if (UNNAMED_PEOPLE.has(it.tok.lower)) return true;
  if (!REACHING_LIMBS.has(it.tok.lower)) return false;
  // After an article or at the head of the clause (`Hands reach in`), not after a verb
  // (`shake hands`) or an owner (`Rose's hand`, `his gloved hand`).
  let b = i - 1;
  while (b >= 0 && limbDescriber(items, b)) b--;
  const opens = b < 0 || LIMB_OPENERS.has(word(items[b]));
  // `Hand in hand, they walk off` is a way of walking, not a doer.
  const handInHand = word(items[i + 1]) === 'in' && word(items[i + 2]) === it.tok.lower;
  return opens && !handInHand;
}

/** `a gloved hand`, `his huge metal fist`: a word describing a limb, whatever its tag. */
function limbDescriber(items: readonly Item[], i: number): boolean {
  const it = items[i];
  if (it?.kind !== 'tok' || /ing$/.test(it.tok.lower) || LIMB_OPENERS.has(it.tok.lower))
    return false;
  // `a long, golden tentacle`, `the Auton arm`.
  const adjective = it.tok.tags.has('Adjective');
  if (breaksAfter(it.tok) && !adjective) return false;
  return adjective || /ed$/.test(it.tok.lower) || it.tok.tags.has('Noun');
}

/**
 * Whether item i is a word describing the limb after it (`A gloved hand`, `his huge fist`),
 * which the tagger may take for a verb: an unnamed doer's, or with `owned`, its owner's.
 */
export function describesLimb(items: readonly Item[], i: number, owned = false): boolean {
  const limb = (k: number): boolean =>
    REACHING_LIMBS.has(word(items[k])) || ACTING_PARTS.has(word(items[k]));
  let k = i;
  while (k < items.length && !limb(k) && limbDescriber(items, k)) k++;
  return k > i && limb(k) && (owned || unnamedDoerAt(items, k));
}

const PREPOSITIONS = new Set(['by', 'with', 'to', 'in', 'on', 'at', 'from', 'into', 'behind']);

/**
 * `The plant has grabbed her`: a word of our verbs after an article, tagged a noun and not an
 * act noun (`a kiss`), names a thing.
 */
function thingNamed(items: readonly Item[], i: number): boolean {
  const t = items[i];
  if (t?.kind !== 'tok' || !ARTICLES.has(word(items[i - 1]))) return false;
  return t.tok.tags.has('Noun') && !ACT_NOUNS.has(t.tok.lower);
}

/**
 * The people before the first verb (`The Doctor and Rose hug` -> the group), or a thing there
 * (`The beam hits him`): a noun after the last person, outside a prepositional phrase.
 */
function subjectOf(items: readonly Item[]): { subject: Ref | null; thingSubject: boolean } {
  let subject: Ref | null = null;
  let owner: Ref | null = null;
  let thing = false;
  let inPhrase = false;
  // `Energy from the Dal'Rok knocks him down`: what comes from someone acts, not they.
  let fromThing = false;
  for (const [i, it] of items.entries()) {
    if (it.kind === 'ref') {
      // `Jim, a dark-haired man, walks ...`: the role after a comma describes the name.
      if (appositive(items, i)) continue;
      // `The guard behind Rose grabs her`: a person in a phrase after the subject is not it.
      if (inPhrase && (subject !== null || fromThing)) continue;
      if (!it.ref.possessive) subject = it.ref;
      owner = it.ref.possessive ? it.ref : null;
      thing = false;
      continue;
    }
    const t = it.tok;
    if (describesLimb(items, i, owner !== null)) continue;
    // `panic strikes Reg`: a feeling takes hold, whatever the tagger makes of it.
    if (FEELINGS.has(t.lower) && subject === null && !inPhrase) {
      thing = true;
      continue;
    }
    if (
      (headsClause(t) && !thingNamed(items, i)) ||
      presentVerbBetween(items, i) ||
      movesOff(items, i) ||
      thingActs(items, i)
    ) {
      return { subject, thingSubject: thing && subject === null };
    }
    // `Archer's foot is grabbed`: a part acted on stands for its owner, as one acting does.
    const actedOn =
      BODY_PARTS.has(t.lower) &&
      PASSIVE_AUX.has(word(items[i + 1])) &&
      ACT_VERB_FORMS.get(word(items[i + 2]))?.form === 'past';
    if (owner !== null && (ACTING_PARTS.has(t.lower) || actedOn)) {
      subject = { ...owner, possessive: false };
      owner = null;
      continue;
    }
    owner = null;
    // `the Doctor, who hugs her`: the person before, whatever the tagger makes of `who`.
    if (RELATIVES.has(t.lower)) continue;
    // `someone hits him`: a person, though not one to name.
    if (unnamedDoerAt(items, i) && !inPhrase) {
      thing = false;
      continue;
    }
    if (PREPOSITIONS.has(t.lower)) {
      // The person after a preposition is its object (`In front of Rose, Jack ...`); one
      // named before it stays the subject (`an alien with heavy brows knocks him down`).
      inPhrase = true;
      // (Not `A punch from Worf`: an act given is the giver's.)
      fromThing =
        thing &&
        subject === null &&
        t.lower === 'from' &&
        (items[i + 1]?.kind === 'ref' || ARTICLES.has(word(items[i + 1]))) &&
        !ACT_NOUNS.has(word(items[i - 1]));
      if (!fromThing) thing = false;
    } else if (
      t.tags.has('Noun') &&
      !t.tags.has('Pronoun') &&
      !inPhrase &&
      // `The handshake turns into a test of strength`: a shared act, not a thing that acts.
      !SHARED_NOUNS.has(ACT_NOUNS.get(t.lower) ?? '') &&
      // `and neck-pinches him`: the first half of the verb, not a thing.
      !(PINCHED.has(t.lower) && ACT_VERB_FORMS.get(word(items[i + 1]))?.lemma === 'pinch') &&
      // `Energy hits Voyager`: a common noun opening the clause, capitalised or not; `The Borg
      // Sphere grabs Voyager`: a craft.
      (!t.cap || (i === 0 && isCommonNoun(t.lower)) || CRAFT.has(t.lower))
    )
      thing = true;
    if (breaksAfter(t)) inPhrase = false;
  }
  return { subject: null, thingSubject: false };
}

// Words after a verb of moving: `Rose turns to Mickey and they hug`.
const MOVING_TO = new Set(['to', 'towards', 'toward', 'into', 'away', 'back', 'around', 'round']);
// Prepositions after a verb of doing: `Singh taps at a console`, `Kit climbs onto the roof`.
const PLACING = new Set(['at', 'on', 'onto', 'over', 'through', 'across', 'up', 'down', 'off']);
// Words that open an object after a verb: `Goth floors the Doctor`, `Kirk lures a guard`.
const OBJECT_OPENERS = new Set(['the', 'a', 'an', 'its', 'another']);

/**
 * `The Spaniard catches Polly`, `Goth floors the Doctor`: the tagger reads some verbs as plural
 * nouns, but a word in -s between a person and an object, or ending the person's clause, is
 * the verb that joins them.
 */
function presentVerbBetween(items: readonly Item[], i: number): boolean {
  const t = items[i];
  if (t?.kind !== 'tok' || !t.tok.tags.has('Plural') || t.tok.cap || !t.tok.lower.endsWith('s'))
    return false;
  // `Flash swings, Ben grabs ...`: a comma after it ends a clause of its own, whose verb it
  // is when it ends the piece (`When the guard investigates, he is overpowered`).
  if (breaksAfter(t.tok) && i + 1 < items.length) return false;
  const before = items[i - 1];
  const after = items[i + 1];
  if (before?.kind !== 'ref' || before.ref.possessive) return false;
  // `Popplewick turns and the Doctor grabs ...`: or at the end of its clause.
  const next = after?.kind === 'tok' ? after.tok.lower : '';
  if (after !== undefined && after.kind !== 'ref' && !OBJECT_OPENERS.has(next))
    if (!CLAUSE_LINKS.has(next) && !MOVING_TO.has(next) && !PLACING.has(next)) return false;
  const last = before.toks[before.toks.length - 1];
  return last === undefined || !breaksAfter(last);
}

// Words that open a thing's name: `the phone rings`.
const THING_OPENERS = new Set(['the', 'a', 'an', 'his', 'her', 'its', 'their']);

/**
 * `They kiss, and the doorbell buzzes`: the tagger reads `buzzes`, `rings` as plural nouns,
 * but a word in -s right after `the` and a noun (describing words between), ending the piece,
 * is the thing's verb.
 */
function thingActs(items: readonly Item[], i: number): boolean {
  const t = items[i];
  if (i < 2 || t?.kind !== 'tok' || t.tok.cap) return false;
  if (!t.tok.tags.has('Plural') || !/[^s]s$|[sxz]es$|[cs]hes$/.test(t.tok.lower)) return false;
  // Or before a word of moving: `the blue energy zaps into his body`.
  const next = word(items[i + 1]);
  if (i !== items.length - 1 && !MOVING_TO.has(next) && !PLACING.has(next)) return false;
  const noun = items[i - 1]!;
  if (noun.kind !== 'tok' || noun.tok.cap || !noun.tok.tags.has('Noun') || breaksAfter(noun.tok))
    return false;
  let k = i - 2;
  while (k > 0 && items[k]!.kind === 'tok' && (items[k] as Tok).tok.tags.has('Adjective')) k--;
  const opener = items[k];
  return opener?.kind === 'tok' && THING_OPENERS.has(opener.tok.lower);
}

/**
 * `(Dax starts to leave,) turns back (and kisses him)`: a word in -s opening a clause before a
 * word of moving is the verb of the subject before, though the tagger may read a plural noun.
 */
function movesOff(items: readonly Item[], i: number): boolean {
  const t = items[i];
  if (i !== 0 || t?.kind !== 'tok' || t.tok.cap || !t.tok.lower.endsWith('s')) return false;
  return t.tok.tags.has('Plural') && MOVING_TO.has(word(items[i + 1]));
}

/**
 * `(laughs and kisses him)`, `(Smiles, hugs her)`: a direction with no subject that opens
 * with one word in -s before `and`, `then` or a comma: that word is its first verb, though
 * the tagger may read a plural noun (not `weapons fire hits ...`).
 */
function loneVerb(items: readonly Item[], link: string | null): boolean {
  const t = items[0];
  if (items.length !== 1 || t?.kind !== 'tok' || !t.tok.tags.has('Plural')) return false;
  return /[^s]s$/.test(t.tok.lower) && link !== null && ['and', 'then', ','].includes(link);
}

/** Whether the ref at `i` is an indefinite role set off after a name: `Jim, a tall man,`. */
export function appositive(items: readonly Item[], i: number): boolean {
  const it = items[i];
  const before = items[i - 1];
  if (it?.kind !== 'ref' || it.ref.role === null || it.ref.definite) return false;
  if (before?.kind !== 'ref' || before.ref.kind !== 'name' || before.ref.role !== null)
    return false;
  return before.toks[before.toks.length - 1]!.post.includes(',');
}
