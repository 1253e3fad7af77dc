import { ACT_NOUNS, ACT_VERB_FORMS, SEIZING, SHARED_NOUNS } from './act-lexicon.js';
import {
  armAround,
  armsAct,
  endedAct,
  liftedInArms,
  RECIPROCATED,
  RECIPROCATING,
  returnedAct,
  RETURNING,
} from './act-phrases.js';
import { readAct, type SharedPassive } from './act-patterns.js';
import { readLight } from './light-verbs.js';
import {
  actNounFrom,
  coordinatedNoun,
  describing,
  DETS,
  heldByPart,
  partAt,
  word,
  type Tok,
} from './act-words.js';
import type { Item } from './refs.js';
import type { Clause } from './clauses.js';
import { nonEventReason } from './non-events.js';
import { mk, type RawAct } from './raw-act.js';
import type { Ref } from './refs.js';
import { headsClause, isVerb } from './tokens.js';
import { NEGATORS } from './words.js';

export type { RawAct } from './raw-act.js';

// Words that may come between a link and a participle going on from a passive: `and then
// thrown`, `and finally knocked out`.
const LEAD_INS = new Set(['then', 'finally', 'also', 'eventually', 'quickly', 'swiftly']);

// Words of someone speaking, never of a stage direction.
const SPEAKING = new Set(['me', 'my', 'us', 'our', 'you', 'your']);

/** Read every act of the codebook named in one clause. `subject` is the clause's (or inherited) subject. */
export function detectActs(
  clause: Clause,
  subject: Ref | null,
  previousNonEvent: string | null,
  sharedPassive?: SharedPassive,
): RawAct[] {
  const items = clause.items;
  const acts: RawAct[] = [];
  // An act named by the noun at `at` (`a hold on him`, `in an embrace`), happening or not.
  const nounAct = (at: number, act: RawAct): void => {
    const nonEvent = nonEventReason(items, at, subject, 's', clause.link, previousNonEvent, true);
    acts.push({ ...act, nonEvent });
  };
  const nonEventHere = (k: number): string | null =>
    nonEventReason(items, k, subject, 's', clause.link, previousNonEvent, false);
  for (let k = 0; k < items.length; k++) {
    const it = items[k]!;
    if (it.kind !== 'tok') continue;
    const lower = it.tok.lower;
    if (lower === 'hand' && word(items[k + 1]) === 'in' && word(items[k + 2]) === 'hand') {
      acts.push(mk('hold-hands', 'subject', [], true, 'hand', 'act.hand-in-hand', null));
      continue;
    }
    // `Adric makes a grab for Tegan`: a grab at someone, whether or not it holds (not `for the
    // gun`, a thing).
    const grabbed = items[k + 4];
    if (
      MAKING.has(lower) &&
      word(items[k + 1]) === 'a' &&
      word(items[k + 2]) === 'grab' &&
      GRAB_AT.has(word(items[k + 3])) &&
      grabbed?.kind === 'ref' &&
      !grabbed.ref.possessive
    ) {
      acts.push(mk('grab', 'subject', [grabbed.ref], false, null, 'act.grab-for', nonEventHere(k)));
      continue;
    }
    // `asleep in each other's arms`, `fall into each other's arms`: an embrace they share.
    const other = items[k + 1];
    if (
      (lower === 'in' || lower === 'into') &&
      other?.kind === 'ref' &&
      other.ref.kind === 'reciprocal' &&
      word(items[k + 2]) === 'arms'
    ) {
      nounAct(k, mk('hug', 'subject', [], true, null, 'act.in-each-others-arms', null));
      continue;
    }
    if (lower === 'group' && ACT_NOUNS.get(word(items[k + 1])) === 'hug') {
      acts.push(
        mk(
          'hug',
          'subject',
          [],
          true,
          null,
          'act.group-hug',
          nonEventReason(items, k, subject, 'base', clause.link, previousNonEvent, true),
        ),
      );
      k++;
      continue;
    }
    // `tightens his grip on him`, `keeps a firm hold on her`: a hold on a person is a grab.
    const on = HOLD_NOUNS.has(lower) && word(items[k + 1]) === 'on' ? items[k + 2] : undefined;
    if (
      on?.kind === 'ref' &&
      !on.ref.possessive &&
      on.ref.kind !== 'reciprocal' &&
      nounHere(items, k)
    ) {
      nounAct(k, mk('grab', 'subject', [on.ref], false, null, 'act.hold-on', null));
      continue;
    }
    // `They make out`, `makes out with her`: kissing (not `makes out the shape`, `made out of`).
    if (MAKING.has(lower) && word(items[k + 1]) === 'out') {
      const after = items[k + 2];
      const partner = word(after) === 'with' ? items[k + 3] : undefined;
      const withWhom = partner?.kind === 'ref' && !partner.ref.possessive ? partner.ref : null;
      const alone = after === undefined || MADE_OUT_THEN.has(word(after));
      if (withWhom !== null || (alone && subject?.plural === true))
        nounAct(
          k,
          mk('kiss', 'subject', withWhom ? [withWhom] : [], true, null, 'act.make-out', null),
        );
      if (withWhom !== null || alone) continue;
    }
    if (HAVING.has(lower)) {
      // `They have a big hug`, `has a kiss with Kit`: `have` as a light verb.
      const light = readLight(items, k + 1, 'have', subject?.plural ?? false);
      if (light !== null) {
        nounAct(k, light);
        continue;
      }
      // `has Morvin by the throat`: a hold on him.
      const had = items[k + 1];
      const byPart = heldByPart(items, k + 2);
      if (had?.kind === 'ref' && !had.ref.possessive && byPart !== null) {
        nounAct(k, mk('grab', 'subject', [had.ref], false, byPart, 'act.has-by', null));
        continue;
      }
    }
    const pair = pairIn(items, k);
    if (pair !== null) {
      nounAct(
        k,
        mk(
          pair.term,
          pair.doer,
          pair.with === null ? [] : [pair.with],
          true,
          null,
          'act.pair-in',
          null,
        ),
      );
      continue;
    }
    const wrapped = wrappedIn(items, k);
    if (wrapped !== null) {
      nounAct(k, mk(wrapped.term, 'subject', [wrapped.ref], false, null, 'act.wrapped-in', null));
      continue;
    }
    const held = heldIn(items, k);
    if (held !== null) {
      nounAct(k, mk('grab', 'subject', [held.ref], false, held.part, 'act.held-in', null));
      continue;
    }
    const arms = armsAct(items, k) ?? armAround(items, k) ?? liftedInArms(items, k);
    if (arms !== null) {
      nounAct(k, arms);
      continue;
    }
    const ended = endedAct(items, k);
    if (ended !== null) {
      nounAct(k, mk(ended, 'subject', [], true, null, 'act.ended', null));
      continue;
    }
    if (RECIPROCATING.has(lower)) {
      acts.push(mk(RECIPROCATED, 'subject', [], false, null, 'act.returned', nonEventHere(k)));
      continue;
    }
    if (RETURNING.has(lower)) {
      const returned = returnedAct(items, k);
      if (returned !== null) {
        const nonEvent = nonEventHere(k);
        acts.push({ ...returned.back, nonEvent });
        // `doesn't return her hug`: her hug was given all the same.
        if (returned.given !== null && nonEvent !== null && NEGATORS.has(nonEvent))
          acts.push(returned.given);
        continue;
      }
    }
    const form = ACT_VERB_FORMS.get(lower);
    // `a kiss`, `his grip`, `the handshake` (no verb): a noun, handled by the light verb before it.
    if ((form !== undefined || ACT_NOUNS.has(lower)) && nounHere(items, k)) {
      const noun = ACT_NOUNS.get(lower);
      if (noun !== undefined && nounOnly(items, k, subject)) {
        nounAct(k, mk(noun, 'subject', [], true, null, 'act.noun-only', null));
        // `A quick peck and a hug`: both shared.
        const n = coordinatedNoun(items, k);
        const other = n < 0 ? noun : ACT_NOUNS.get(word(items[n]))!;
        if (other !== noun && SHARED_NOUNS.has(other)) {
          nounAct(n, mk(other, 'subject', [], true, null, 'act.noun-only', null));
          k = n;
        }
      }
      continue;
    }
    if (form === undefined) {
      // `greets the Doctor with a hug`: a verb we do not list, a person, `with` an act noun.
      const o = items[k + 1];
      if (
        headsClause(it.tok) &&
        o?.kind === 'ref' &&
        !o.ref.possessive &&
        word(items[k + 2]) === 'with'
      ) {
        const noun = actNounFrom(items, k + 3, k + 7);
        if (noun !== undefined) {
          const nonEvent = nonEventReason(
            items,
            k,
            subject,
            's',
            clause.link,
            previousNonEvent,
            false,
          );
          acts.push(mk(noun, 'subject', [o.ref], false, null, 'act.with-noun', nonEvent));
        }
      }
      continue;
    }
    // `air-kisses her`, `an air kiss`: no lips touch anyone.
    if (lower.startsWith('kiss') && word(items[k - 1]) === 'air') continue;
    if (
      k === 0 &&
      (items.length <= 2 || partAt(items, 1)?.end === items.length) &&
      clause.subject === null &&
      clause.link === null &&
      ACT_NOUNS.has(lower) &&
      nounOnly(items, k, subject)
    ) {
      // `(Kiss.)`, `(Hugs.)`, `(kiss on cheek)`: a bare act word.
      const part = items.length > 2 ? partAt(items, 1)!.part : null;
      acts.push(mk(ACT_NOUNS.get(lower)!, 'subject', [], true, part, 'act.noun-only', null));
      continue;
    }
    const seen =
      form.form === 'ing' || form.form === 'base' ? seenDoing(items, k, form.form) : null;
    const own = form.form === 's' || form.form === 'past' ? ownSubject(items, k) : seen;
    // `is disarmed and knocked out`: a participle opening the clause goes on in the passive.
    const opens = items.slice(0, k).every((x) => x.kind === 'tok' && LEAD_INS.has(x.tok.lower));
    const passive = form.form === 'past' && opens ? sharedPassive : undefined;
    const doer = own === 'someone' ? null : own;
    const read = readAct(items, k, form.lemma, own === null ? subject : doer, passive);
    if (read === null) continue;
    // `The ship lurches, throwing him to the floor`: a participle after a comma tells what a
    // jolt, a blast or a crash did as often as what a person did.
    if (read.rule === 'act.thrown' && form.form === 'ing' && k === 0 && clause.link === ',')
      continue;
    const act = own !== null && read.doer === 'subject' ? { ...read, doer } : read;
    // `(shake hands)`, `KIT: (kiss him)`: a bare verb opening a direction with no subject
    // narrates like `kisses`. After `and` it goes on from an infinitive (`moves to embrace and
    // kiss her`), and after a written singular subject it is odd (`she kiss him`).
    // A direction never says `me` or `you`: `KISS ME, KATE` is a title card.
    const unwritten =
      clause.subject === null &&
      clause.link === null &&
      k === 0 &&
      form.form === 'base' &&
      !clause.items.some((x) =>
        SPEAKING.has(x.kind === 'tok' ? x.tok.lower : (x.toks[0]?.lower ?? '')),
      );
    const nonEvent = nonEventReason(
      items,
      k,
      // `sees Daphne hug him`: a bare verb after a verb of seeing has its own doer.
      unwritten || seen !== null ? null : subject,
      form.form,
      clause.link,
      previousNonEvent,
      // `uses a neck pinch on him`: the noun, not a bare verb.
      act.rule === 'act.neck-pinch' && form.form === 'base',
    );
    acts.push({ ...act, nonEvent: act.nonEvent ?? nonEvent, verb: form.lemma });
    // `gives him a hug and a kiss`: the second noun is given as the first is.
    const also = LIGHT_RULES.has(act.rule) ? secondNoun(items, k, act.term) : undefined;
    if (also !== undefined)
      acts.push({ ...act, term: also, nonEvent: act.nonEvent ?? nonEvent, verb: form.lemma });
  }
  return acts;
}

const LIGHT_RULES = new Set(['act.light-verb', 'act.passive', 'act.gets-no-agent']);

/**
 * The term of a second act noun joined to the first after the verb at `k` (`a hug and a
 * kiss`, `a dramatic hug and kiss`), when it names another act; else undefined.
 */
function secondNoun(items: readonly Item[], k: number, term: string): string | undefined {
  const first = items.findIndex((it, i) => i > k && ACT_NOUNS.get(word(it)) === term);
  if (first < 0) return undefined;
  const n = coordinatedNoun(items, first);
  const other = n < 0 ? undefined : ACT_NOUNS.get(word(items[n]));
  return other === term ? undefined : other;
}

/**
 * The subject of a finite act verb that follows a verb of its own clause without a link
 * word: `as he fumbles for his keys the Doctor knocks him out` (the Doctor, not he). A
 * person (not a possessive, not an object pronoun) right before the verb, with a verb
 * before that person; null otherwise.
 */
function ownSubject(items: readonly Item[], k: number): Ref | null {
  let i = k - 1;
  while (i >= 0 && items[i]!.kind === 'tok' && (items[i] as Tok).tok.tags.has('Adverb')) i--;
  const it = items[i];
  if (it?.kind !== 'ref' || it.ref.possessive || it.ref.kind === 'reciprocal') return null;
  if (it.ref.kind === 'pronoun' && !SUBJECT_PRONOUNS.has(it.ref.pronoun ?? '')) return null;
  const verbBefore = items
    .slice(0, i)
    .some((x) => x.kind === 'tok' && headsClause(x.tok) && !x.tok.tags.has('Auxiliary'));
  return verbBefore ? it.ref : null;
}

const SUBJECT_PRONOUNS = new Set(['he', 'she', 'they']);
const HAVING = new Set(['has', 'had', 'have', 'having']);
const MAKING = new Set(['make', 'makes', 'made', 'making']);
const GRAB_AT = new Set(['for', 'at']);
// What may follow `make out` when it means kissing: an adverb or a place, not an object.
const MADE_OUT_THEN = new Set([
  'on',
  'in',
  'again',
  'and',
  'passionately',
  'heavily',
  'while',
  'as',
  'until',
  'behind',
]);

// Verbs of finding someone at something: `She finds Sarah cradling his head`, `sees the Doctor
// hug Rose`, `The doors open to reveal them kissing` are Sarah's, the Doctor's, their acts.
const SEEING = new Set([
  ...['find', 'finds', 'found', 'see', 'sees', 'saw', 'watch', 'watches', 'watched'],
  ...['notice', 'notices', 'noticed', 'catch', 'catches', 'caught', 'spot', 'spots'],
  ...['spotted', 'discover', 'discovers', 'discovered', 'reveal', 'reveals', 'revealing'],
  ...['seeing', 'watching', 'finding', 'catching'],
]);

// Verbs that let someone do the bare verb after them: `lets Verad kiss her`. Not `makes`: what
// a noise or a jolt makes people do is mostly to themselves (`makes him hold his head`).
const LETTING = new Set(['let', 'lets', 'letting']);

/**
 * The person seen doing the act at `k` (an -ing form or a bare verb) right after a verb of
 * seeing or `walks in on`, or let do it (`lets her hold him`): a ref, `someone` for a person
 * the direction does not name (`sees a shape embracing Roz`), or null. Adverbs may come
 * between: `sees the man now embracing Roz`.
 */
function seenDoing(
  items: readonly Item[],
  k: number,
  form: 'ing' | 'base',
): Ref | 'someone' | null {
  let i = k - 1;
  while (i > 0 && (isAdverb(items[i]) || ['now', 'still'].includes(word(items[i])))) i--;
  const it = items[i];
  if (it?.kind === 'tok' && it.tok.tags.has('Noun') && !it.tok.tags.has('Pronoun')) {
    let d = i - 1;
    while (d > i - 4 && (DETS.has(word(items[d])) || isAdjective(items[d]))) d--;
    return d < i - 1 && seeing(items, d + 1) ? 'someone' : null;
  }
  if (it?.kind !== 'ref' || it.ref.possessive || it.ref.kind === 'reciprocal') return null;
  const lets = form === 'base' && i === k - 1 && LETTING.has(word(items[i - 1]));
  return seeing(items, i) || lets ? it.ref : null;
}

/** Whether a verb of seeing (or `walks in on`) comes right before the item at `i`. */
function seeing(items: readonly Item[], i: number): boolean {
  const before = word(items[i - 1]);
  return SEEING.has(before) || (before === 'on' && word(items[i - 2]) === 'in');
}

const isAdverb = (it: Item | undefined): boolean => it?.kind === 'tok' && it.tok.tags.has('Adverb');
const isAdjective = (it: Item | undefined): boolean =>
  it?.kind === 'tok' && it.tok.tags.has('Adjective');

const SINGLE = new Set(['a', 'an', 'another', 'one']);

/**
 * Whether the act word at `k` is a noun: after a determiner or a possessive (`a kiss`, `his
 * grip`), or after one describing word that follows one (`in their close embrace`) when it
 * cannot be a verb with a singular subject (`the other kisses him`, `the mute grabs him`).
 */
function nounHere(items: readonly Item[], k: number): boolean {
  const opens = (it: Item | undefined): boolean =>
    it !== undefined && (DETS.has(word(it)) || (it.kind === 'ref' && it.ref.possessive));
  const before = items[k - 1];
  const sForm = ACT_VERB_FORMS.get(word(items[k]))?.form === 's';
  // `One grabs him`, `another kisses her`: no plural noun after a word for one.
  if (sForm && SINGLE.has(word(before))) return false;
  if (opens(before)) return true;
  if (sForm) return false;
  return describing(items, k - 1, k) && opens(items[k - 2]);
}

/**
 * `(Another kiss.)`, `(A hug and they part.)`: an act noun with no verb or person before it
 * and no person in the clause. Who kisses whom is left to the conversation around it.
 */
function nounOnly(items: readonly Item[], k: number, subject: Ref | null): boolean {
  if (!SHARED_NOUNS.has(ACT_NOUNS.get(word(items[k])) ?? '')) return false;
  if (subject !== null && subject.kind !== 'name') return false;
  if (items.some((it) => it.kind === 'ref')) return false;
  // `(a gentle but lingering kiss)`: the word before the noun may be a describing participle.
  return items
    .slice(0, k)
    .every((it, i) => it.kind === 'tok' && (!headsClause(it.tok) || describing(items, i, k)));
}

// `lock` as in `an arm lock`, `nelson` as in `a half nelson`.
const HOLD_NOUNS = new Set([
  'hold',
  'headlock',
  'stranglehold',
  'chokehold',
  'grip',
  'grasp',
  'armlock',
  'lock',
  'nelson',
]);
const NECK_HOLDS = new Set(['headlock', 'stranglehold', 'chokehold']);
// Words before a hold noun that put it on the neck: `a neck lock`, `a choke hold`.
const NECK_WORDS = new Set(['neck', 'head', 'choke', 'strangle']);

/**
 * `has Mykros in a neck hold`, `holds him in a headlock`, `gets him in a bear hug`: a person,
 * `in`, a hold noun; the subject grabs them (at the neck when the hold says so).
 */
/**
 * `reveals Kit and Mara in a passionate kiss`, `They are locked in an embrace`: two or more
 * people in a shared act, whoever the sentence's subject is (not `takes her in a kiss`).
 */
function pairIn(
  items: readonly Item[],
  k: number,
): { doer: Ref | 'subject'; with: Ref | null; term: string } | null {
  const w = word(items[k]);
  const term = w === 'clinch' ? 'hug' : ACT_NOUNS.get(w);
  if (term === undefined || !SHARED_NOUNS.has(term) || word(items[k - 1]) === 'bear') return null;
  // `Their passionate embrace is interrupted`: theirs, whatever the sentence's verb.
  const at = describing(items, k - 1, k) ? k - 2 : k - 1;
  const owner = items[at];
  if (owner?.kind === 'ref' && owner.ref.possessive && owner.ref.pronoun === 'their') {
    // `sees the lovers in their embrace`: the people just before, not the one who sees them.
    const who = word(items[at - 1]) === 'in' ? items[at - 2] : undefined;
    if (
      who?.kind === 'ref' &&
      who.ref.plural &&
      !who.ref.possessive &&
      who.ref.kind !== 'reciprocal'
    )
      return { doer: who.ref, with: null, term };
    return { doer: { ...owner.ref, possessive: false }, with: null, term };
  }
  for (let i = k - 1; i >= 0 && i >= k - 4; i--) {
    if (word(items[i]) !== 'in') continue;
    if (!['a', 'an'].includes(word(items[i + 1]))) return null;
    // `Luke and the woman embrace in a passionate kiss`: the subject's embrace is a kiss too.
    const verb = ACT_VERB_FORMS.get(word(items[i - 1]));
    if (verb !== undefined && verb.form !== 'ing' && EMBRACING.has(verb.lemma))
      return { doer: 'subject', with: null, term };
    // `They are (locked) in an embrace`: the subject; `she is locked in an embrace with
    // Luke`: the subject and Luke.
    const be = ['locked', 'caught'].includes(word(items[i - 1])) ? i - 2 : i - 1;
    if (['are', 'were'].includes(word(items[be]))) return { doer: 'subject', with: null, term };
    const other = word(items[k + 1]) === 'with' ? items[k + 2] : undefined;
    if (['is', 'was'].includes(word(items[be])) && other?.kind === 'ref' && !other.ref.possessive)
      return { doer: 'subject', with: other.ref, term };
    // `with Kit and Mara locked in a kiss`, `Kit and Mara, locked in an embrace`.
    const who = items[be === i - 2 ? be : i - 1];
    if (who?.kind !== 'ref' || who.ref.possessive || who.ref.kind === 'reciprocal') return null;
    return who.ref.plural || who.ref.kind === 'plural' ? { doer: who.ref, with: null, term } : null;
  }
  return null;
}

// Verbs of two people holding each other, which `in a kiss` may follow.
const EMBRACING = new Set(['embrace', 'hug', 'clinch', 'cuddle']);

// Hugs one person can wrap another in: `enfolds her in a big hug`, `wraps him in an embrace`.
const WRAPPING_NOUNS = new Set(['hug', 'embrace', 'cuddle']);

/**
 * `enfolds her in a big hug`, `scoops him up in an embrace`, `folds her into a hug`: a verb,
 * one person, (`up`) `in` or `into` a hug; the subject hugs them. (A bear hug that holds
 * someone is a grab: see heldIn.)
 */
function wrappedIn(items: readonly Item[], k: number): { ref: Ref; term: string } | null {
  const term = ACT_NOUNS.get(word(items[k]));
  if (!WRAPPING_NOUNS.has(word(items[k])) || term === undefined) return null;
  if (word(items[k - 1]) === 'bear') return null;
  for (let i = k - 1; i >= 0 && i >= k - 4; i--) {
    // `folds her into a hug` too.
    if (word(items[i]) !== 'in' && word(items[i]) !== 'into') continue;
    // `in a big hug`, not `in for a hug` (a light verb's: see light-verbs.ts).
    const describes = (x: Item): boolean =>
      DETS.has(word(x)) || (x.kind === 'tok' && x.tok.tags.has('Adjective'));
    if (!items.slice(i + 1, k).every(describes)) return null;
    // `scoops him up in a hug`, `lifts her off her feet in a hug`.
    const offFeet = word(items[i - 1]) === 'feet' && word(items[i - 3]) === 'off';
    const at = word(items[i - 1]) === 'up' ? i - 2 : offFeet ? i - 4 : i - 1;
    const who = items[at];
    const verb = items[at - 1];
    // `her` before `in` is the object, whatever the tagger made of it.
    const her = who?.kind === 'ref' && who.ref.pronoun === 'her';
    if (who?.kind !== 'ref' || (who.ref.possessive && !her) || who.ref.plural) return null;
    if (who.ref.kind !== 'name' && who.ref.kind !== 'pronoun') return null;
    // `enfolds`, `scoops`: a verb in -s the tagger may take for a plural noun.
    const verbal = verb?.kind === 'tok' && (isVerb(verb.tok) || /[^s]s$/.test(verb.tok.lower));
    return verbal ? { ref: { ...who.ref, possessive: false }, term } : null;
  }
  return null;
}

function heldIn(items: readonly Item[], k: number): { ref: Ref; part: string | null } | null {
  // `gets him in a bear hug`: a crushing hold, not an embrace (`gives him a bear hug` is one).
  const bearHug =
    word(items[k]) === 'bear-hug' || (word(items[k]) === 'hug' && word(items[k - 1]) === 'bear');
  if (!HOLD_NOUNS.has(word(items[k])) && !bearHug) return null;
  for (let i = k - 1; i >= 0 && i >= k - 4; i--) {
    if (word(items[i]) !== 'in') continue;
    const who = items[i - 1];
    if (who?.kind !== 'ref' || who.ref.possessive || who.ref.kind === 'reciprocal') return null;
    const between = items.slice(i + 1, k).map(word);
    const neck = NECK_HOLDS.has(word(items[k])) || between.some((w) => NECK_WORDS.has(w));
    // `grabs her in an arm lock`: the verb's own grab (a neck hold tells where).
    if (!neck && SEIZING.has(ACT_VERB_FORMS.get(word(items[i - 2]))?.lemma ?? '')) return null;
    return { ref: who.ref, part: neck ? 'neck' : null };
  }
  return null;
}
