import {
  ACT_NOUNS,
  ACT_VERB_FORMS,
  GAZE_AT,
  KNOCK_DOWN,
  KNOCKED_ASIDE,
  LIGHT_VERBS,
  PINCHED,
  SEIZING,
  THROWN_TO,
  actTerm,
} from './act-lexicon.js';
import {
  DETS,
  RECIPROCAL_LEMMAS,
  actNounFrom,
  heldByPart,
  PART_REGIONS,
  isObjectWord,
  partAt,
  skip,
  word,
  type RefItem,
} from './act-words.js';
import { ARTICLES, REACHING_LIMBS, sharesObject } from './clauses.js';
import { isVerb } from './tokens.js';
import { personNoun } from './role-nouns.js';
import { readLight } from './light-verbs.js';
import { mk, SWATTED_HAND, type RawAct } from './raw-act.js';
import { partnerOfTalk, type Item, type Ref } from './refs.js';
import { BE_FORMS, BODY_PARTS, FEELINGS, NO_BLOW } from './words.js';

const PARTICLE_VERBS: ReadonlyMap<string, readonly string[]> = new Map([
  ['strike', ['up', 'out', 'off']],
  ['knock', ['back', 'over', 'on']],
  ['hit', ['on']],
  ['push', ['on', 'off', 'through', 'forward', 'ahead']],
  ['take', ['off', 'on', 'over']],
  ['choke', ['up', 'back']],
  // `decked out in eveningwear`: dressed up.
  ['deck', ['out']],
]);

// Verbs of throwing oneself at a person, with the prepositions that take the person.
const TACKLE_PREPS: ReadonlyMap<string, readonly string[]> = new Map([
  ['pounce', ['on', 'upon', 'onto']],
  ['leap', ['on', 'upon', 'onto']],
  ['jump', ['on', 'upon', 'onto']],
  ['wrestle', ['with']],
  ['grapple', ['with']],
  // `grabs at him`, `clutches at her`: a grab at the person (at a part: not sure to hold).
  ['grab', ['at']],
  ['clutch', ['at']],
]);

const SUBJECT_CASE = new Set(['he', 'she', 'they']);
// Verbs that take a hand as fast as tenderly: `grabs his hand`, `clutches her hand`.
const SEIZING_HANDS = new Set([...SEIZING, 'clutch']);

// Verbs of blows whose passive is said of things: `the window is smashed`.
const BROKEN = new Set(['smash', 'bash']);

// Nouns that stand for the whole person after a possessive: `Kaftan's body`.
const WHOLE_PERSON = new Set(['body', 'corpse', 'form', 'lifeless', 'limp']);

// Where a hand slapped goes: `slaps his hand away`, `down` (not `off his head`).
const SWATTED = new Set(['away', 'down', 'aside']);

// `by that claw`: a thing pointed back to, perhaps a limb met before.
const DEMONSTRATIVES = new Set(['that', 'this', 'those', 'these']);

// `pinned under the descending door`: trapped by a thing.
const BENEATH = new Set(['under', 'beneath', 'underneath']);

// Where a beating leaves someone: `beats him to the ground`, `to a pulp`, `to death`.
const BEATEN_TO = new Set(['ground', 'floor', 'deck', 'pulp', 'death', 'unconsciousness']);

// Verbs of bringing a thing down hard on someone: `smashes a vase over his head`.
const SWUNG = new Set(['smash', 'slam', 'bash']);
// Where such a blow lands: `over his head`, `into Croden's face`.
const LANDS_ON = new Set(['over', 'on', 'onto', 'into', 'against', 'across']);
const STRUCK_PARTS = new Set(['head', 'face', 'back', 'neck', 'nose', 'jaw']);

/**
 * `smashes a vase over Tony's head`, `slams it into Charlie's face`, `grabs the table and
 * smashes it into Croden's face`: a thing brought down on someone's head or face is a blow,
 * at that part. Not `slams the door` nor `smashes the console`: no one's body.
 */
function struckWith(items: readonly Item[], j: number, lemma: string): RawAct | null {
  if (!SWUNG.has(lemma)) return null;
  if (word(items[j]) !== 'it' && !DETS.has(word(items[j]))) return null;
  let p = j + 1;
  while (p < j + 5 && items[p]?.kind === 'tok' && !LANDS_ON.has(word(items[p]))) p++;
  if (!LANDS_ON.has(word(items[p]))) return null;
  const hit = partAt(items, p + 1);
  if (hit === null || hit.owner === null || !STRUCK_PARTS.has(hit.part)) return null;
  return mk('punch', 'subject', [hit.owner], false, hit.part, 'act.struck-with', null);
}

/**
 * `Amy sees Rory being grabbed by Kit`: the one seen being acted on, the object of the verb
 * before (not the subject, who watches); null when `being` follows no one.
 */
function watched(items: readonly Item[], k: number): Ref | null {
  const seen = items[k - 2];
  if (word(items[k - 1]) !== 'being' || seen?.kind !== 'ref' || seen.ref.possessive) return null;
  const verbBefore = items
    .slice(0, k - 2)
    .some((x) => x.kind === 'tok' && isVerb(x.tok) && !x.tok.tags.has('Auxiliary'));
  return verbBefore ? seen.ref : null;
}

/** `beat him to the phone`, `beat her at chess`: winning, not hitting (`to the ground` hits). */
function beatenInARace(items: readonly Item[], after: number): boolean {
  const w = word(items[after]);
  if (w === 'at') return true;
  if (w !== 'to') return false;
  const d = DETS.has(word(items[after + 1])) ? after + 2 : after + 1;
  return !BEATEN_TO.has(word(items[d]));
}

/**
 * `throws him to the floor`, `flings Quark off`: a person thrown is shoved. Not `throws Kirk a
 * sword` (a person given a thing) nor `throws it to a boy`.
 */
function throwsPerson(items: readonly Item[], j: number, lemma: string): RawAct | null {
  const o = items[j];
  if (lemma !== 'throw' && lemma !== 'fling' && lemma !== 'slam' && lemma !== 'launch') return null;
  if (o?.kind !== 'ref' || o.ref.possessive || o.ref.kind === 'reciprocal') return null;
  if (SUBJECT_CASE.has(o.ref.pronoun ?? '')) return null;
  if (o.toks.some((t) => t.lower.endsWith('self') || t.lower.endsWith('selves'))) {
    // `throws herself at him`, `launches himself at Kirk`: a tackle, a grab. `throws himself
    // to the floor`: a dive, no one else's act.
    const target = items[j + 2];
    const at = ['at', 'on', 'onto', 'upon'].includes(word(items[j + 1]));
    const person = target?.kind === 'ref' && !target.ref.possessive;
    return at && person
      ? mk('grab', 'subject', [target.ref], false, null, 'act.tackle', null)
      : null;
  }
  if (lemma === 'launch') return null;
  // `slams him over the head with a tray`: a blow.
  const w = word(items[j + 1]);
  if (lemma === 'slam' && (w === 'over' || w === 'on') && partAt(items, j + 2)?.part === 'head')
    return mk('punch', 'subject', [o.ref], false, 'head', 'act.thrown', null);
  if (!THROWN_TO.has(w)) return null;
  return mk('shove', 'subject', [o.ref], false, null, 'act.thrown', null);
}

const AUXILIARIES = new Set([
  'is',
  'are',
  'was',
  'were',
  'gets',
  'get',
  'got',
  'being',
  'been',
  'be',
]);

/** Whether a word is the auxiliary of a passive: `is`, `gets`, `been`. */
export const isAux = (w: string): boolean => AUXILIARIES.has(w);

/**
 * A clause in the passive that the next clause goes on from (`is disarmed and knocked out`,
 * `gets grabbed by a Klingon and pushed against the bulkhead`), with its agent, if it names one.
 */
export interface SharedPassive {
  readonly agent: Ref | null;
}

/** The act a verb of lemma `lemma` at `k` names, with its object, or null. */
export function readAct(
  items: readonly Item[],
  k: number,
  lemma: string,
  subject: Ref | null,
  sharedPassive?: SharedPassive,
): RawAct | null {
  const plural = subject?.plural ?? false;
  if (lemma === 'catch') return caught(items, k);
  if (lemma === 'release') return released(items, k, subject);
  // Passive: `Rose is kissed by Jack`, or a participle going on from one (`is disarmed and
  // knocked out`).
  const aux = word(items[k - 1]);
  const aux2 = word(items[k - 2]);
  if (sharedPassive !== undefined || isAux(aux) || (isAux(aux2) && items[k - 1]?.kind === 'tok')) {
    let by = items.findIndex((x, i) => i > k && word(x) === 'by');
    // `is grabbed by the arm`, `seized by the throat by a guard`: the part taken hold of, not
    // the doer; a second `by` may name the doer.
    const heldBy = by > k ? partAfter(items, by + 1) : null;
    if (heldBy !== null) by = items.findIndex((x, i) => i > by + 1 && word(x) === 'by');
    const named = items[by + 1];
    // The clause's own `by ...`, else the agent of the passive it goes on from.
    const agent =
      by > k ? (named?.kind === 'ref' ? named.ref : null) : (sharedPassive?.agent ?? null);
    // `She is shaken`: upset, far more often than held and shaken.
    // `is knocked down`, `gets knocked out`: felled by a blow.
    // Not `knocked out from the sedatives`: a cause, no blow.
    const felled =
      lemma === 'knock' && KNOCK_DOWN.has(word(items[k + 1])) && word(items[k + 2]) !== 'from';
    // `is held down`, `gets held back`, `is held by two guards`: restrained. Not a ladder
    // `being held by Rory` nor `It is being held by ...`: a person the clause opens with.
    const held =
      lemma === 'hold' &&
      (['back', 'down'].includes(word(items[k + 1])) ||
        (by === k + 1 && agent !== null && heldPerson(items, k)));
    // `gets choked up`: moved, not strangled. `is smashed`, `battered`: far more often a
    // window or a ship than a person.
    const moved =
      lemma === 'shake' ||
      BROKEN.has(lemma) ||
      // `they've been beaten to it`: someone got there first.
      (lemma === 'beat' && beatenInARace(items, k + 1)) ||
      (lemma === 'choke' && word(items[k + 1]) === 'up') ||
      // `are decked out in eveningwear`: dressed up.
      (lemma === 'deck' && word(items[k + 1]) === 'out') ||
      // `pinned under the descending door`, `beneath a fallen beam`: trapped by a thing.
      (lemma === 'pin' && BENEATH.has(word(items[k + 1]))) ||
      // `is gripped with pain`, `seized with panic`: a feeling takes hold, no one does.
      (word(items[k + 1]) === 'with' && FEELINGS.has(word(items[k + 2])));
    const term = moved ? null : felled ? 'punch' : held ? 'grab' : actTerm(lemma, null);
    if (term !== null && !(ACT_VERB_FORMS.get(word(items[k]))?.form === 'ing')) {
      // `is hit by lightning`, `gets struck by a rock`, `gets pinned against a rock by a thrown
      // boulder`: a thing did it, no one acted.
      let d = skip(items, by + 1);
      if (DETS.has(word(items[d]))) d++;
      // Further on, not a limb (`pinned against the rocks by that claw`) nor a creature's name
      // (`by the Morlox`).
      const thing = items[d];
      const near = by > k && by <= k + 2;
      if (near && thing?.kind === 'tok') return null;
      const far = by > k + 2 && thing?.kind === 'tok' && !thing.tok.cap;
      if (far && !REACHING_LIMBS.has(thing.tok.lower) && !DEMONSTRATIVES.has(thing.tok.lower))
        return null;
      if (agent !== null)
        return mk(
          term,
          agent,
          [watched(items, k) ?? 'subject'],
          false,
          heldBy,
          'act.passive',
          null,
        );
      // Knocked down or hit with no one named: by a blast, a shot or a fall as often as by a
      // blow (`Garrett is hit`), so only an agent implied by the clause before makes it an
      // act (see implied-agent.ts).
      // `gets hit over the head`, `is hit from behind`: a blow all the same.
      const shot =
        (lemma === 'hit' || lemma === 'strike') &&
        !items.slice(k + 1, k + 5).some((x) => BODY_PARTS.has(word(x)) || word(x) === 'behind');
      const rule = felled || shot ? 'act.knocked-no-agent' : 'act.passive-no-agent';
      return mk(term, null, ['subject'], false, heldBy, rule, null);
    }
  }
  // `shrugs him off`: only with `off` (`shrugs` alone is a gesture).
  if (lemma === 'shrug') return shruggedOff(items, k);
  // `strikes up a tune`, `knocks back a drink`: a particle makes another verb.
  if (PARTICLE_VERBS.get(lemma)?.includes(word(items[k + 1])) === true) return null;
  const j = skip(items, k + 1);
  const swung = struckWith(items, j, lemma);
  if (swung !== null) return swung;
  const next = items[j];
  // Gaze: `stares at her`, `looks away`, `look at each other`.
  const gaze = GAZE_AT.get(lemma);
  if (gaze !== undefined) {
    if (word(next) === 'at' && items[j + 1]?.kind === 'ref') {
      const o = (items[j + 1] as RefItem).ref;
      if (o.kind === 'reciprocal')
        return mk('eye-contact', 'subject', [], true, null, 'gaze.each-other', null, 'gaze');
      return mk(gaze, 'subject', [o], false, null, 'gaze.at', null, 'gaze');
    }
    if (lemma === 'look' && word(next) === 'away') {
      const o = word(items[j + 1]) === 'from' ? items[j + 2] : undefined;
      return mk(
        'look-away',
        'subject',
        o?.kind === 'ref' ? [o.ref] : [],
        false,
        null,
        'gaze.away',
        null,
        'gaze',
      );
    }
    return null;
  }
  if (lemma === 'blow') return null;
  // `neck-pinches him`, `uses a neck pinch on Riker`: the Vulcan blow to the neck. A pinch
  // elsewhere (`pinches her cheek`) is no act of ours.
  if (lemma === 'pinch') return neckPinch(items, k);
  // `leaps on the guard`, `wrestles with him`: a tackle, a grab.
  const preps = TACKLE_PREPS.get(lemma);
  if (preps !== undefined && preps.includes(word(next))) {
    const o = items[j + 1];
    if (o?.kind === 'ref' && !o.ref.possessive && o.ref.kind !== 'reciprocal')
      return mk('grab', 'subject', [o.ref], false, null, 'act.tackle', null);
    return null;
  }
  if (lemma === 'pounce' || lemma === 'leap' || lemma === 'grapple') return null;
  // `snuggles up to him`, `nestles against his chest`: a hug.
  if (NESTLING.has(lemma)) {
    const at = word(next) === 'up' && NESTLED_TO.has(word(items[j + 1])) ? j + 2 : j + 1;
    const o = items[at];
    const person = o?.kind === 'ref' && o.ref.kind !== 'reciprocal' ? o.ref : null;
    // Against him, or against his chest; not into his chair.
    if (person !== null && NESTLED_TO.has(word(items[at - 1]))) {
      if (person.possessive && partAt(items, at) === null) return null;
      return mk('hug', 'subject', [person], false, null, 'act.nestle', null);
    }
  }
  // `pushes past him`: shouldered aside.
  if ((lemma === 'push' || lemma === 'shove') && word(next) === 'past') {
    const o = items[j + 1];
    if (o?.kind === 'ref' && !o.ref.possessive && o.ref.kind !== 'reciprocal')
      return mk('shove', 'subject', [o.ref], false, null, 'act.push-past', null);
    return null;
  }
  // `hangs onto him`, `clings to her`: holding on to a person (not `hangs up`, `hangs on!`).
  if (lemma === 'hang' || lemma === 'cling') {
    const at = heldOnTo(items, j, lemma);
    const o = items[at];
    if (at < 0 || o?.kind !== 'ref') return null;
    if (o.ref.kind === 'reciprocal') return heldEachOther(o.ref);
    if (!o.ref.possessive) return mk('grab', 'subject', [o.ref], false, null, 'act.hang-on', null);
    const p = partAt(items, at);
    return p === null ? null : mk('grab', 'subject', [o.ref], false, p.part, 'act.hang-on', null);
  }
  // `holds onto his hand`: as holding the hand (not `holds on to him`, which may be a hug).
  const onTo = lemma === 'hold' ? heldOnTo(items, j, lemma) : -1;
  const heldOn = items[onTo];
  if (heldOn?.kind === 'ref' && heldOn.ref.kind === 'reciprocal') return heldEachOther(heldOn.ref);
  if (onTo > 0) {
    const p = partAt(items, onTo);
    const term = p?.owner ? actTerm('hold', p.part) : null;
    return term === null
      ? null
      : mk(term, 'subject', [p!.owner!], false, p!.part, 'act.hold-onto', null);
  }
  // `greets her with a hug`, `wakes him with a kiss`: a verb, a person, `with` an act noun.
  if (next?.kind === 'ref' && !next.ref.possessive && word(items[j + 1]) === 'with') {
    const noun = actNounFrom(items, j + 2, j + 6);
    if (noun !== undefined)
      return mk(noun, 'subject', [next.ref], false, null, 'act.with-noun', null);
  }
  // `shake hands (with Lynda)`, `hold hands`, `they touch hands`.
  const eachOthers = next?.kind === 'ref' && next.ref.kind === 'reciprocal' && next.ref.possessive;
  if (word(next) === 'hands' || (eachOthers && word(items[j + 1]) === 'hands')) {
    const term =
      lemma === 'shake'
        ? 'handshake'
        : ['hold', 'take', 'clasp', 'squeeze', 'grab', 'join', 'link', 'touch'].includes(lemma)
          ? 'hold-hands'
          : null;
    if (term === null) return null;
    const w = items.findIndex((x, i) => i > j && word(x) === 'with');
    const other = items[w + 1];
    // `shakes hands with Lynda`: Lynda's hand is shaken, by the subject.
    if (w > j && other?.kind === 'ref')
      return mk(term, 'subject', [other.ref], plural, 'hand', 'act.hands-with', null);
    // `(They) shake hands`: a plural subject, or none written before a bare verb.
    const bare = j === k + 1 && k === 0 && word(items[k]) === lemma;
    if (plural || bare) return mk(term, 'subject', [], true, 'hand', 'act.hands', null);
    // `Kit shakes hands`, `(shaking hands)` with nobody named: with the one Kit is talking
    // to, as `shakes his hand` would be.
    return term === 'handshake' && w < 0 ? partnerHandshake() : null;
  }
  // `They shake on it`: a bargain sealed with a handshake (`Kit shakes on it`: with the one
  // Kit is talking to).
  if (lemma === 'shake' && word(next) === 'on' && word(items[j + 1]) === 'it') {
    const bare = j === k + 1 && k === 0 && word(items[k]) === lemma;
    if (plural || bare) return mk('handshake', 'subject', [], true, 'hand', 'act.shake-on', null);
    return partnerHandshake();
  }
  // `They shake.`, `Kit and Owen shake and part`: with nothing after it, a plural subject's
  // shake is a handshake (not `shake with fear`, `shake their heads`).
  if (word(items[k]) === 'shake' && plural && next === undefined && j === k + 1)
    return mk('handshake', 'subject', [], true, 'hand', 'act.shake-alone', null);
  // `Kit: (shakes hand)`: the hand of the one spoken to.
  const afterHand = items[j + 1];
  if (
    lemma === 'shake' &&
    word(next) === 'hand' &&
    (afterHand === undefined || !isObjectWord(afterHand))
  )
    return partnerHandshake();
  // `grabs the lapels of Frasier's jacket`, `strokes the hair of the child`: a part, then
  // its owner after `of`.
  if (next?.kind === 'tok') {
    const p = partAt(items, j);
    const owner = p !== null && word(items[p.end]) === 'of' ? items[p.end + 1] : undefined;
    if (
      p !== null &&
      p.owner === null &&
      owner?.kind === 'ref' &&
      owner.ref.kind !== 'reciprocal' &&
      // Not `hits the arm of the Captain's chair`: an owner's thing, not the owner.
      (!owner.ref.possessive || partAt(items, p.end + 1) !== null)
    ) {
      const term = actTerm(lemma, p.part);
      if (term !== null)
        return mk(term, 'subject', [owner.ref], false, p.part, 'act.part-of', null);
    }
    // `grabs the back of Barbara's neck`: the part, its owner inside the phrase.
    if (p?.owner && word(next) === 'the' && PART_REGIONS.has(word(items[j + 1]))) {
      const term = actTerm(lemma, p.part);
      if (term !== null) return mk(term, 'subject', [p.owner], false, p.part, 'act.part-of', null);
    }
  }
  // `takes hold of him`, `grabs hold of her arm`
  if (word(next) === 'hold' && word(items[j + 1]) === 'of') {
    const p = partAt(items, j + 2);
    const o = items[j + 2];
    if (p?.owner)
      return mk(
        actTerm('grab', p.part) ?? 'grab',
        'subject',
        [p.owner],
        false,
        p.part,
        'act.hold-of',
        null,
      );
    // Not `gets hold of his rifle`: a thing of his, no hold on him.
    if (o?.kind === 'ref' && !o.ref.possessive)
      return mk('grab', 'subject', [o.ref], false, null, 'act.hold-of', null);
    return null;
  }
  // `runs a hand through his hair`
  if (lemma === 'run') {
    const th = items.findIndex((x, i) => i > k && i < k + 6 && word(x) === 'through');
    const p = th > 0 ? partAt(items, th + 1) : null;
    if (p?.owner && p.part === 'hair')
      return mk('caress', 'subject', [p.owner], false, 'hair', 'act.hand-through-hair', null);
    return null;
  }
  // `throws her arms around him` (hug), `puts an arm round her shoulders` (caress).
  if (['put', 'throw', 'wrap', 'fling', 'drape', 'slip', 'slam', 'launch'].includes(lemma)) {
    const ar = items.findIndex(
      (x, i) => i > k && i < k + 5 && (word(x) === 'arms' || word(x) === 'arm'),
    );
    const rd = ar > 0 && ['around', 'round', 'about'].includes(word(items[ar + 1])) ? ar + 2 : -1;
    const o = items[rd];
    if (rd > 0 && o?.kind === 'ref') {
      const both = word(items[ar]) === 'arms' && !word(items[ar - 1]).startsWith('one');
      const p = o.ref.possessive ? partAt(items, rd) : null;
      const term = both && p?.part !== 'shoulder' ? 'hug' : 'caress';
      return mk(term, 'subject', [o.ref], false, p?.part ?? null, 'act.arms-around', null);
    }
    const hand = handOn(items, k);
    if (hand !== null) return hand;
    const thrown = throwsPerson(items, j, lemma);
    if (thrown !== null) return thrown;
    if (lemma !== 'put' && lemma !== 'throw') return null;
  }
  // Light verbs: `gives him a hug`, `plants a kiss on her cheek`, `pulls her into an embrace`.
  if (LIGHT_VERBS.has(lemma)) {
    const light = readLight(items, j, lemma, plural);
    if (light !== null) return light;
    if (!['hold', 'take', 'pull', 'draw'].includes(lemma)) return null;
  }
  // A direct object: a person, a person's body part, each other; not a subject pronoun
  // (`shakes like he is being electrocuted`).
  if (next?.kind === 'ref' && !SUBJECT_CASE.has(next.ref.pronoun ?? '')) {
    const o = next.ref;
    if (o.kind === 'reciprocal') {
      if (EMBRACING.has(lemma)) return heldEachOther(o);
      const term = actTerm(lemma, null);
      return term === null ? null : mk(term, 'subject', [], true, null, 'act.each-other', null);
    }
    if (o.possessive && WHOLE_PERSON.has(word(items[j + 1]))) {
      // `cradles Kaftan's body`: the person.
      const term = actTerm(lemma, null);
      return term === null ? null : mk(term, 'subject', [o], false, null, 'act.object', null);
    }
    // `he kisses her back`, `hugs her back`: her, in return; not her back.
    const inReturn = actTerm(lemma, null);
    const herBack = o.pronoun === 'her' && word(items[j + 1]) === 'back';
    if (herBack && (inReturn === 'kiss' || inReturn === 'hug')) {
      const her = { ...o, possessive: false };
      return mk(inReturn, 'subject', [her], false, null, 'act.object', null);
    }
    if (o.possessive) {
      const p = partAt(items, j);
      if (p === null) return null;
      // `hugging her knees`: curled up, alone.
      if (lemma === 'hug' && /^knees?$/.test(word(items[j + 1]))) return null;
      // `grabs her neck in pain`: one's own.
      if (word(items[p.end]) === 'in' && word(items[p.end + 1]) === 'pain') return null;
      // `grabs his coat (from the hall)`: a coat fetched, far more often than a person held
      // by it (but `grabs Quark's jacket` is one).
      if (o.kind === 'pronoun' && TAKEN_OFF.has(word(items[p.end - 1]))) return null;
      // `hits his head on a pipe`: one's own body struck against a thing.
      if (['on', 'against'].includes(word(items[p.end])) && items[p.end + 1]?.kind !== 'ref')
        return null;
      const term = actTerm(lemma, p.part);
      // `holds her hand out`, `holds up her hands`, `takes his hand out of his pocket`: one's
      // own hand offered or raised, not held (but `kicks his legs out from under him` is a
      // blow).
      const raised = [word(items[p.end]), word(items[j - 1])].some(
        (w) => w === 'out' || w === 'up',
      );
      if (term === 'hold-hands' && (raised || (lemma === 'hold' && handPlaced(items, p.end))))
        return null;
      // `pushes his arms out as he breathes`: stretched, one's own.
      if (term === 'shove' && word(items[p.end]) === 'out') return null;
      // `grabs his hand`: held, or seized in a struggle; read-direction.ts tells which.
      const seized = term === 'hold-hands' && SEIZING_HANDS.has(lemma);
      // `Frasier slaps his hand down`: a hand struck away is someone else's (build-suggestion.ts).
      const swatted = term === 'slap' && p.part === 'hand' && SWATTED.has(word(items[p.end]));
      const rule = seized ? 'act.hand-seized' : swatted ? SWATTED_HAND : 'act.body-part';
      return term === null ? null : mk(term, 'subject', [o], false, p.part, rule, null);
    }
    const after = skip(items, j + 1);
    // `Donny has beat Frasier to the phone`, `beats him at chess`: first, or a winner; no blow
    // (but `beats him to the ground`, `to a pulp` is one).
    if (lemma === 'beat' && beatenInARace(items, after)) return null;
    // `holds her close`, `holds him in her arms`: a hug.
    // Not `pulls her close`: pulling someone close is no hug yet (it often comes before a kiss).
    // `takes her in his arms`: a hug, whoever's arms.
    const w = word(items[after]);
    const inArms =
      (w === 'in' || w === 'into') && ['arms', 'embrace'].includes(word(items[after + 2]));
    if (inArms && ['hold', 'cradle', 'take', 'sweep', 'gather', 'pull', 'draw'].includes(lemma))
      return mk('hug', 'subject', [o], false, null, 'act.in-arms', null);
    if ((lemma === 'hold' || lemma === 'cradle') && ['close', 'tight', 'tightly'].includes(w))
      return mk('hug', 'subject', [o], false, null, 'act.hold-close', null);
    // `(holds her)`: a person held, the sentence ending there (not `holds him back`, `holds
    // her at gunpoint`, `holds her so tightly ...`), is held in one's arms.
    const held = next.toks[next.toks.length - 1]!.post;
    const sentenceEnds = held === '' || (held.trim() !== '' && /^[.!?)\s]+$/.test(held));
    // Not `holds up the figure`, `holding back Harry`: the person right after the verb.
    // `holding a baby` only as the clause's own verb (`Kes is holding a baby`, `(holding
    // him)`), not a thing's or another's (`a woman holding a baby`, `the field holding him`).
    const ing = ACT_VERB_FORMS.get(word(items[k]))?.form === 'ing';
    const own = !ing || k === 0 || ['is', 'was', 'are', 'were'].includes(word(items[k - 1]));
    if (lemma === 'hold' && own && j === k + 1 && items[j + 1] === undefined && sentenceEnds)
      return mk('hug', 'subject', [o], false, null, 'act.hold-person', null);
    // `pulls her back`, `yanks him off Rose`: taken hold of and moved (not `pulls her close`).
    if (PULLING.has(lemma) && j === k + 1 && PULLED_AWAY.has(word(items[j + 1])))
      return mk('grab', 'subject', [o], false, null, 'act.pull-away', null);
    // `holds him back`, `holds her down`: restrained (by a person: not `the strap holding her
    // down`).
    const restrained = ['back', 'down'].includes(word(items[j + 1]));
    if (lemma === 'hold' && own && j === k + 1 && restrained)
      return mk('grab', 'subject', [o], false, null, 'act.hold-back', null);
    // `shakes him off`: a hold broken free of, no hold taken.
    if (lemma === 'shake' && j === k + 1 && word(items[j + 1]) === 'off') return null;
    // `Archer finally takes him down`: a tackle; not `takes him down to the cells`.
    const down = word(items[j + 1]) === 'down' ? j + 1 : -1;
    if (lemma === 'take' && down > 0 && ['', 'and', 'then', 'with'].includes(word(items[down + 1])))
      return mk('grab', 'subject', [o], false, null, 'act.take-down', null);
    // Not `knocks her out of the way`: pushed aside, no blow.
    const felled = [k + 1, j + 1, after].some(
      (at) => KNOCK_DOWN.has(word(items[at])) && word(items[at + 1]) !== 'of',
    );
    // `Her slap knocks him off his feet`: the act named before the verb, by its owner.
    const blow = lemma === 'knock' ? ownersBlow(items, k) : null;
    if (blow !== null && (felled || knockedAside(items, j + 1)))
      return mk(blow.term, blow.owner, [o], false, null, 'act.blow-knocks', null);
    // `knocks Sisko down with an energy ball`, `knocks him out with a hypo`: no blow.
    if (lemma === 'knock' && felled && firedOrDrugged(items, j)) return null;
    if (lemma === 'knock' && felled)
      return mk('punch', 'subject', [o], false, null, 'act.knock-out', null);
    // `knocks him over`, `knocks Vastra aside`, `knocks Vin out of the way`: sent off his feet.
    if (lemma === 'knock' && j === k + 1 && knockedAside(items, j + 1))
      return mk('shove', 'subject', [o], false, null, 'act.knock-aside', null);
    // `holds the robot head`, `clutching the Dalek gun`: a thing named by a kind, not the kind's
    // head (but `the guard's head`, `the guard, head bowed`, `pushes the guard face first`).
    const kind = ARTICLES.has(next.toks[0]!.lower) && !o.possessive;
    const post = next.toks.at(-1)!.post.trim();
    const compound =
      kind &&
      post === '' &&
      after === j + 1 &&
      word(items[after + 1]) !== 'first' &&
      (BODY_PARTS.has(word(items[after])) || thingNoun(items[after]));
    if (compound) return null;
    const p = partAt(items, after);
    // `takes him by the throat`, `holds Zoe by the arm`: a hold on the person.
    const byPart = lemma === 'take' || lemma === 'hold' ? heldByPart(items, after) : null;
    if (byPart !== null) return mk('grab', 'subject', [o], false, byPart, 'act.by-the', null);
    const term = actTerm(lemma, p?.part ?? null);
    if (term === null) return null;
    return mk(
      term,
      'subject',
      [o],
      false,
      p?.part ?? null,
      p ? 'act.object-part' : 'act.object',
      null,
    );
  }
  // `knocks out the guard`: the particle before its object.
  if (lemma === 'knock' && KNOCK_DOWN.has(word(next))) {
    const o = items[j + 1];
    if (o?.kind === 'ref' && !o.ref.possessive && o.ref.kind !== 'reciprocal')
      return mk('punch', 'subject', [o.ref], false, null, 'act.knock-out', null);
    return null;
  }
  // `hugs and kisses Latimer`, `grabbing and dragging Martin`: the object of the verb after
  // `and` is this one's too.
  if (word(next) === 'and' && items[j + 2]?.kind === 'ref' && sharesObject(items, j))
    return readAct([...items.slice(0, j), ...items.slice(j + 2)], k, lemma, subject);
  // `Norm punches back`, `he shoves back`: a blow in return, to whoever struck the subject
  // (see read-direction.ts). Not `pushes back the hood`.
  if (word(items[k + 1]) === 'back' && HITTING_BACK.has(lemma)) {
    const after = items[k + 2];
    const term = actTerm(lemma, null);
    if (term !== null && (after === undefined || !isObjectWord(after)))
      return mk(term, 'subject', [], false, null, 'act.back', null);
  }
  // No person after the verb: `They kiss.` is mutual; `kisses the console` is no act.
  // `They kiss... a long kiss`: a pause ends the clause. `They kiss cheeks`: each other's.
  const before = items[j - 1];
  const paused = before?.kind === 'tok' && /\.\.|…|[:;—–]/.test(before.tok.post);
  const ownParts =
    next?.kind === 'tok' && BODY_PARTS.has(next.tok.lower) && /s$/.test(next.tok.lower);
  if (
    RECIPROCAL_LEMMAS.has(lemma) &&
    plural &&
    (next === undefined ||
      paused ||
      ownParts ||
      word(next) === 'and' ||
      !isObjectWord(next) ||
      adjunct(items, j))
  ) {
    const term = actTerm(lemma, null);
    return term === null ? null : mk(term, 'subject', [], true, null, 'act.reciprocal', null);
  }
  return null;
}

// Acts done back, in return for one of them: `punches back`, `shoves back`.
export const STRUCK_BACK = new Set(['punch', 'slap', 'shove', 'grab']);
// The verbs of them (not `jumps back`: a start, no tackle).
const HITTING_BACK = new Set(['punch', 'hit', 'strike', 'slap', 'smack', 'thump', 'shove', 'push']);

/**
 * `Missy is held`, `Rory is being held`, `gets held`: a finite passive of the verb at k, not
 * `It is held` (a thing).
 */
function heldPerson(items: readonly Item[], k: number): boolean {
  const aux = word(items[k - 1]);
  const be = aux === 'being' ? k - 2 : k - 1;
  const finite = BE_FORMS.has(word(items[be])) || (aux === 'gets' && be === k - 1);
  return finite && word(items[be - 1]) !== 'it';
}

/** `neck-pinches him` (the verb at k), `a neck pinch on him` (the noun at k), or null. */
function neckPinch(items: readonly Item[], k: number): RawAct | null {
  if (!PINCHED.has(word(items[k - 1]))) return null;
  const o = items[['on', 'to'].includes(word(items[k + 1])) ? k + 2 : k + 1];
  if (o?.kind !== 'ref' || o.ref.possessive || o.ref.kind === 'reciprocal') return null;
  return mk('punch', 'subject', [o.ref], false, 'neck', 'act.neck-pinch', null);
}

// Verbs of holding on that, done to each other, are an embrace: `they clutch each other`.
const EMBRACING = new Set(['hold', 'clutch', 'cling', 'hang']);

/** `hold each other`, `cling to one another`: a mutual hug; none for `each other's`. */
function heldEachOther(o: Ref): RawAct | null {
  return o.possessive ? null : mk('hug', 'subject', [], true, null, 'act.hold-each-other', null);
}

/** Where the person starts after `hangs on to`, `holds onto`, `clings to` at j; -1 if none. */
function heldOnTo(items: readonly Item[], j: number, lemma: string): number {
  const next = items[j];
  if (word(next) === 'on' && ['to', 'onto'].includes(word(items[j + 1]))) return j + 2;
  if (word(next) === 'onto' || (lemma === 'cling' && word(next) === 'to')) return j + 1;
  return -1;
}

// Verbs of nestling against someone, and the words that take the person.
const NESTLING = new Set(['snuggle', 'cuddle', 'nestle']);
const NESTLED_TO = new Set(['to', 'against', 'into']);

// Words after a person acted on that the tagger may take for nouns: `round the throat`.
const AFTER_PERSON = new Set(['round', 'around', 'back', 'aside', 'away', 'home', 'goodbye']);

/**
 * `the Dalek gun`, `the computer chip`: a lower-case noun right after a kind, naming a thing
 * of that kind (not `a Risian woman`, `the Doctor round the throat`).
 */
function thingNoun(it: Item | undefined): boolean {
  if (it?.kind !== 'tok' || it.tok.cap || ACT_VERB_FORMS.has(it.tok.lower)) return false;
  if (AFTER_PERSON.has(it.tok.lower)) return false;
  const tags = it.tok.tags;
  if (!tags.has('Noun') || tags.has('Adverb') || tags.has('Pronoun') || tags.has('Verb'))
    return false;
  return !tags.has('Preposition') && personNoun(it.tok) === null;
}

const PULLED_AWAY = new Set(['back', 'away', 'aside', 'clear', 'out', 'off', 'from']);
const PULLING = new Set(['pull', 'yank', 'haul']);

// Clothes one takes off and puts on: `his coat` after a verb of taking hold is most often one.
const TAKEN_OFF = new Set(['coat', 'jacket', 'cloak', 'robe', 'robes']);

// Words that place a hand held somewhere: `holds his hand over his mouth`, `behind his back`.
const HAND_PLACES = new Set(['over', 'behind', 'above', 'against', 'across', 'under']);

/**
 * `holds his hand over his mouth`, `holds his hands behind his back`, `in front of her face`,
 * `to his mouth`: a hand held somewhere, not someone's hand held (but `holds her hand to
 * help her up` is).
 */
function handPlaced(items: readonly Item[], at: number): boolean {
  const w = word(items[at]);
  if (HAND_PLACES.has(w)) return true;
  if (w === 'in' && word(items[at + 1]) === 'front') return true;
  const next = items[at + 1];
  return w === 'to' && (next?.kind === 'ref' || DETS.has(word(next)));
}

const ELIDED_FOLLOWERS = new Set(['then', 'and', 'as', 'while']);

/**
 * `puts her hand on his`, `puts a hand on Mack's cheek`: a hand laid on a person's hand
 * (hold-hands; the noun may be left out) or face (touch-face). A hand on a shoulder or an
 * arm is left alone: it is mostly to get attention.
 */
function handOn(items: readonly Item[], k: number): RawAct | null {
  const h = items.findIndex((x, i) => i > k && i < k + 4 && ['hand', 'hands'].includes(word(x)));
  if (h < 0 || !['on', 'over'].includes(word(items[h + 1]))) return null;
  const o = items[h + 2];
  if (o?.kind !== 'ref' || !o.ref.possessive) return null;
  const p = partAt(items, h + 2);
  // `on Mack's` with no noun after it: the same part, a hand (`and the watch` may follow).
  const after = word(items[h + 3]);
  const elided = p === null && (!/^[a-z]/.test(after) || ELIDED_FOLLOWERS.has(after));
  const part = p?.part ?? (elided ? 'hand' : null);
  if (part === 'hand')
    return mk('hold-hands', 'subject', [o.ref], false, 'hand', 'act.hand-on', null);
  if (part === 'cheek' || part === 'face')
    return mk('touch-face', 'subject', [o.ref], false, part, 'act.hand-on', null);
  return null;
}

/** A handshake with someone unnamed: the other person of the exchange. */
function partnerHandshake(): RawAct {
  return mk('handshake', 'subject', [partnerOfTalk()], false, 'hand', 'act.hands-partner', null);
}

/**
 * The body part named at `i`, after a determiner or `his`, `her` (`the arm`, `her wrist`).
 * A part with a named owner (`by the Sleeper's hand`) is the doer's.
 */
function partAfter(items: readonly Item[], i: number): string | null {
  const at = items[i];
  const owner = at?.kind === 'ref' && at.ref.possessive && at.ref.kind === 'pronoun';
  const it = items[DETS.has(word(items[i])) || owner ? i + 1 : i];
  return it?.kind === 'tok' ? (BODY_PARTS.get(it.tok.lower) ?? null) : null;
}

// Words after `They hug` that tell how or where, which the tagger may take for a noun.
const HOW_WORDS = new Set(['offscreen', 'onscreen', 'off-screen', 'goodbye', 'goodnight', 'still']);
// Nouns in -ing, which may be what is kissed (`kisses the ring`), not how.
const ING_NOUNS =
  /^(?:.*thing|king|ring|string|wing|ceiling|building|painting|drawing|earring|wedding|morning|evening)$/;

/**
 * `(They hug) crying`, `(They kiss) offscreen`, `(They hug) still tearful`: a participle, an
 * adverb or an adjective with no noun after it, not an object.
 */
function adjunct(items: readonly Item[], j: number): boolean {
  const it = items[j];
  if (it?.kind !== 'tok') return false;
  const w = it.tok.lower;
  if (HOW_WORDS.has(w) || (/[^aeiou]ing$/.test(w) && !ING_NOUNS.test(w))) return true;
  const after = items[j + 1];
  const noun = after?.kind === 'ref' || (after?.kind === 'tok' && after.tok.tags.has('Noun'));
  return it.tok.tags.has('Adjective') && !noun;
}

/** Whether the words at `at` send a person knocked off their feet or out of the way. */
function knockedAside(items: readonly Item[], at: number): boolean {
  const w = word(items[at]);
  if (KNOCKED_ASIDE.has(w)) return w !== 'off' || word(items[at + 2]) === 'feet';
  if (w === 'out') return word(items[at + 1]) === 'of' && word(items[at + 3]) === 'way';
  return w === 'to' && ['ground', 'floor'].includes(word(items[at + 2]));
}

/** `her slap`, `Worf's punch` right before the verb at `k`: the act and whose it is. */
function ownersBlow(items: readonly Item[], k: number): { term: string; owner: Ref } | null {
  const owner = items[k - 2];
  const term = ACT_NOUNS.get(word(items[k - 1]));
  // `her` before a noun is her own, whatever the tagger made of it.
  const owns = owner?.kind === 'ref' && (owner.ref.possessive || owner.ref.pronoun === 'her');
  if (!owns || term === undefined) return null;
  // The owner does the act: `her slap` is hers as `she slaps` would be.
  const pronoun = owner.ref.pronoun === 'her' ? 'she' : owner.ref.pronoun === 'his' ? 'he' : null;
  return {
    term,
    owner: { ...owner.ref, possessive: false, pronoun: pronoun ?? owner.ref.pronoun },
  };
}

/** Whether `with` after the object at `j` brings a shot or a drug (`with an energy ball`). */
function firedOrDrugged(items: readonly Item[], j: number): boolean {
  const w = items.findIndex((x, i) => i > j && i <= j + 3 && word(x) === 'with');
  return w > 0 && items.slice(w + 1, w + 4).some((x) => NO_BLOW.test(word(x)));
}

/**
 * `Urak shrugs him off`, `Worf shrugs off the Klingons`: someone's hold thrown off, which the
 * sets label a shove. Not a thing (`shrugs off her harness`, `shrugs it off`) nor a hand
 * (`shrugs off his helping hand`).
 */
function shruggedOff(items: readonly Item[], k: number): RawAct | null {
  const first = word(items[k + 1]) === 'off';
  const o = items[first ? k + 2 : k + 1];
  if (o?.kind !== 'ref' || o.ref.possessive || o.ref.pronoun === 'it') return null;
  if (!first && word(items[k + 2]) !== 'off') return null;
  return mk('shove', 'subject', [o.ref], false, null, 'act.shrug-off', null);
}

/**
 * `Benik releases Victoria`: one lets go only of someone held, so a grab. Not a prisoner
 * freed: `is released`, `releases him from the cell`, and plural doers or people released
 * (`They release the prisoners`); not `release each other` after an embrace, nor a past form
 * with no `has` (`a drama released in 2002`).
 */
function released(items: readonly Item[], k: number, subject: Ref | null): RawAct | null {
  if (isAux(word(items[k - 1])) || isAux(word(items[k - 2])) || subject?.plural === true)
    return null;
  const past = ACT_VERB_FORMS.get(word(items[k]))?.form === 'past';
  if (past && !['has', 'had'].includes(word(items[k - 1]))) return null;
  const j = skip(items, k + 1);
  const o = items[j];
  if (o?.kind !== 'ref' || o.ref.possessive || o.ref.plural) return null;
  if (word(items[j + 1]) === 'from') return null;
  return mk('grab', 'subject', [o.ref], false, null, RELEASED, null);
}

/** The rule of a grab read from its end (see released). */
export const RELEASED = 'act.released';

/**
 * `is caught by the Klingons`: a person caught by others is seized, which the sets label a
 * grab. Only the passive with its agent: `catches him` is as often catching someone's eye, a
 * fall or a word in passing (`Daphne catches Roz as she leaves`).
 */
function caught(items: readonly Item[], k: number): RawAct | null {
  if (!isAux(word(items[k - 1])) && !isAux(word(items[k - 2]))) return null;
  const by = word(items[k + 1]) === 'by' ? items[k + 2] : undefined;
  return by?.kind === 'ref' && !by.ref.possessive
    ? mk('grab', by.ref, ['subject'], false, null, 'act.passive', null)
    : null;
}
