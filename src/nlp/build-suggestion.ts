import type { CodebookIndex } from '../domain/codebook.js';
import type { Suggestion } from '../domain/moment.js';
import type { TranscriptLine } from '../domain/transcript.js';
import { confidenceOf } from './confidence.js';
import { tentative, type ResolveContext } from './discourse.js';
import { ENDED_ALONE, SWATTED_HAND, type RawAct } from './raw-act.js';
import type { Ref } from './refs.js';
import { named, resolveRef, type RefScope, type Resolved } from './resolve-refs.js';
import { singularRole } from './role-nouns.js';

/** Everything a suggestion is made from, besides the act itself. */
export interface ActSetting {
  readonly episode: string;
  readonly file: string;
  readonly line: Extract<TranscriptLine, { kind: 'action' }>;
  readonly codebook: CodebookIndex;
  readonly scope: RefScope;
  /** The resolution context of the clause, given the names a pronoun cannot be. */
  readonly ctx: (exclude: readonly string[]) => ResolveContext;
}

/**
 * Turn an act read in a clause into a suggestion: resolve its doer and objects, drop it when
 * it does not happen, is not in the codebook, lands on nobody or on the doer's own body
 * (`He clutches his chest`), and rate how sure the reading is.
 */
export function buildSuggestion(
  act: RawAct,
  subject: Resolved | null,
  guessed: boolean,
  setting: ActSetting,
): Suggestion | null {
  // Knocked down, and nothing says by whom: see act-patterns.ts.
  if (act.nonEvent !== null || act.rule === 'act.knocked-no-agent') return null;
  const term = setting.codebook.term(act.term);
  if (term === null) return null;
  const { ctx, scope } = setting;
  let doer: Resolved | null = null;
  if (act.doer === 'subject') doer = subject;
  else if (act.doer !== null) {
    // `Worf sees them holding hands`, `They watch the two embrace`: an object pronoun or a
    // role of the subject's verb is not the subject.
    const other =
      OBJECT_PRONOUNS.has(act.doer.pronoun ?? '') ||
      act.doer.kind === 'plural' ||
      act.doer.role !== null;
    const notSubject = other ? (subject?.names ?? []) : [];
    doer =
      resolveRef(act.doer, ctx(notSubject), scope, true) ?? seenPair(act.doer, notSubject, setting);
  }
  const exclude = doer?.names ?? [];
  const objects: Resolved[] = [];
  for (const o of act.objects) {
    if (o === 'subject') {
      if (subject !== null) objects.push(subject);
      continue;
    }
    const speakers = act.part === null ? null : speakersBody(o, act.term, act.part, doer, setting);
    if (speakers !== null) {
      objects.push({ ...named([speakers]), pronouns: 1, gender: o.gender });
      continue;
    }
    // `SERGEY: ... (shakes hands) O'BRIEN: Good to meet you.`: the one who greets back, or
    // those one was just introduced to.
    const partners =
      act.rule === 'act.hands-partner' ? scope.discourse.shakesWith(ctx(exclude)) : [];
    if (partners.length > 0) {
      objects.push({ ...named(partners), pronouns: 1, unsure: 1 });
      continue;
    }
    // `She is holding Excalibur`: held, a name no one answers to is as often a thing (a sword,
    // a cat) as a person.
    const held = act.rule === 'act.hold-person' && o.kind === 'name' && o.role === null;
    if (held && !scope.discourse.speaks(o.names[0]!)) return null;
    const unwritten = guessed && act.doer === 'subject';
    if (act.part !== null && ownBody(o, act, act.part, doer, setting, unwritten)) return null;
    const reflexive = o.kind === 'pronoun' && o.pronoun?.endsWith('self') === true;
    const r =
      resolveRef(o, ctx(reflexive ? [] : exclude), scope, false) ??
      themInTalk(o, act.term, ctx(exclude), scope);
    if (r === null) return null;
    objects.push(r);
  }
  const objectNames = [...new Set(objects.flatMap((o) => o.names))];
  const doerNames = doer?.names ?? [];
  let initiator: string | null = null;
  let recipients: string[];
  const mutual = act.mutual || doerNames.length >= 2;
  if (mutual) {
    recipients = [...new Set([...doerNames, ...objectNames])];
    // `The musicians kiss`: a crowd written out, among themselves, is named alone (see doersOf).
    const one = recipients.length === 1 ? recipients[0]! : null;
    const written = doer?.extra === true && doer.pronouns === 0;
    const crowd = one !== null && written && singularRole(one) !== one;
    if (recipients.length < 2 && !crowd) return null;
  } else {
    if (doerNames.length === 0 && act.doer !== null) return null;
    initiator = doerNames[0] ?? giverInTalk(act, term.id, objectNames, setting);
    recipients = objectNames.filter((n) => n !== initiator);
    if (recipients.length === 0) return null;
  }
  const all = [doer, ...objects].filter((r): r is Resolved => r !== null);
  const line = setting.line;
  return {
    episode: setting.episode,
    source: { file: setting.file, line: line.line },
    seq: line.seq,
    tier: term.tier,
    action: term.id,
    initiator,
    recipients,
    mutual,
    part: act.part,
    text: line.text,
    confidence: confidenceOf({
      subjectGuessed: guessed && act.doer === 'subject',
      pronouns: all.reduce((n, r) => n + r.pronouns, 0),
      unsurePronouns: all.reduce((n, r) => n + r.unsure, 0),
      passiveWithoutAgent: act.rule === 'act.passive-no-agent',
      receivedFromNoOne: act.rule === 'act.gets-no-agent' && initiator === null,
      // A passive's agent from the clause before, or a giver from the talk (giverInTalk).
      impliedAgent:
        act.rule === 'act.passive-implied-agent' ||
        (act.rule === 'act.gets-no-agent' && initiator !== null),
      partnerUnwritten: act.rule === ENDED_ALONE,
      extraPerson: all.some((r) => r.extra),
    }),
    rule: act.rule,
  };
}

/**
 * `Worf sees them holding hands`: with no group to be `them`, the two of the talk, leaving out
 * the one who sees; null when that leaves no two.
 */
function seenPair(doer: Ref, seer: readonly string[], setting: ActSetting): Resolved | null {
  if (doer.pronoun !== 'them' || seer.length === 0) return null;
  const c = setting.ctx(seer);
  const pair = setting.scope.discourse.resolveMany(
    { ...c, earlier: c.earlier.filter((n) => !seer.includes(n)) },
    [],
  );
  if (pair.length !== 2 || pair.some((n) => seer.includes(n))) return null;
  return { names: pair, pronouns: 1, unsure: 1, extra: false, gender: null };
}

// Acts done only to people, so that `them` is people (one grabs or pushes things as often).
const PEOPLE_ONLY_TERMS = new Set(['hug', 'kiss', 'handshake']);

/**
 * `MOLLY: Daddy! O'BRIEN: Hi, sweetie! (Molly gets a hug, Keiko gets a kiss.)`: a hug, a kiss
 * or a handshake received from no one named comes from the one person of the conversation
 * this direction does not name. Null when there is no such act, or not exactly one such person.
 */
function giverInTalk(
  act: RawAct,
  term: string,
  received: readonly string[],
  setting: ActSetting,
): string | null {
  if (act.rule !== 'act.gets-no-agent' || !PEOPLE_ONLY_TERMS.has(term)) return null;
  const ctx = setting.ctx([]);
  const discourse = setting.scope.discourse;
  const named = new Set([...discourse.namesInLine(ctx.lineIndex), ...received]);
  const others = discourse.conversation(ctx).filter((n) => !named.has(n));
  return others.length === 1 ? others[0]! : null;
}

/** `hugs them`, `shakes their hands`, with no group named before: see othersInTalk. */
function themInTalk(o: Ref, term: string, ctx: ResolveContext, scope: RefScope): Resolved | null {
  if (o.kind !== 'pronoun' || !o.plural || !PEOPLE_ONLY_TERMS.has(term)) return null;
  const names = scope.discourse.othersInTalk(ctx);
  return names.length < 2 ? null : { ...named(names), pronouns: 1, unsure: 1 };
}

const OBJECT_PRONOUNS = new Set(['him', 'her', 'them']);

// Acts one does to one's own body (`clutches his chest`, `touches her face`, `slaps his
// thigh`, `thumps his chest`, `hugs her knees`); nobody shakes or kisses their own hand in a
// stage direction worth reading.
const SELF_TERMS = new Set(['grab', 'touch-face', 'cradle-neck', 'caress', 'slap', 'punch', 'hug']);
const STRUCK_BY_OTHERS = new Set(['face', 'cheek', 'nose', 'lips', 'ear']);
// Where one grabs someone else (`grabs his arm`, `his lapels`), unlike a chest or a head one
// clutches in pain.
const GRABBED_BY_OTHERS = new Set(['arm', 'wrist', 'hand', 'shoulder', 'hair', 'collar']);
const SEIZING = new Set(['grab', 'seize']);
const SEIZED_LIMBS = new Set(['arm', 'wrist', 'hand', 'shoulder', 'leg', 'neck']);

/**
 * `QUARK: (Odo grabs his arm)`: inside someone else's speech, `his arm` or `his lapels` is the
 * speaker's when the speaker may be a `his`. Returns the speaker, or null.
 */
function speakersBody(
  o: Ref,
  term: string,
  part: string,
  doer: Resolved | null,
  setting: ActSetting,
): string | null {
  if (o.kind !== 'pronoun' || !o.possessive || o.plural || o.gender === null) return null;
  if (term !== 'grab' || !GRABBED_BY_OTHERS.has(part)) return null;
  const speaker = setting.ctx([]).speaker;
  if (speaker === null || doer?.names.length !== 1 || doer.names[0] === speaker) return null;
  const g = setting.scope.discourse.genderOf(speaker);
  return g === null || g === o.gender ? speaker : null;
}

// Verbs seldom done to one's own body (`strokes her hair`), unlike `rubs`, `touches`, `holds`.
const TENDER = new Set(['stroke', 'caress', 'ruffle', 'tousle', 'cup', 'cradle', 'nuzzle']);
// Of them, those that stroke another's hair or face even when `his` could be the doer's (not
// `cradles his head in his hands`).
const STROKING = new Set(['stroke', 'caress', 'ruffle', 'tousle']);
const STROKED = new Set(['hair', 'face', 'cheek']);

/**
 * Whether `his`/`her` before a body part is the doer's own: the pronoun fits the doer's
 * gender (or it is unknown) and nobody else known to be of that gender was named earlier
 * in the direction. `He clutches his chest` is no act; `She strokes his cheek` still is.
 * `unwritten`: the doer is a guess, no evidence of gender.
 */
function ownBody(
  o: Ref,
  act: RawAct,
  part: string,
  doer: Resolved | null,
  setting: ActSetting,
  unwritten: boolean,
): boolean {
  const term = act.term;
  if (o.kind !== 'pronoun' || !o.possessive || o.plural || o.gender === null) return false;
  // `clutches his chest and falls`, `clutching his hand`: clutched in pain, one's own (any
  // part, whoever else the direction named), when the pronoun fits the doer.
  const clutched = act.verb === 'clutch';
  // `clasps his hands and closes his eyes`: his own, in prayer or thought.
  const clasped = act.verb === 'clasp' && term === 'hold-hands';
  // `raises his arm and touches his palm`: his own, as a hand one clasps may be.
  const touched = act.verb === 'touch' && term === 'hold-hands';
  if (!SELF_TERMS.has(term) && !clutched && !clasped && !touched) return false;
  // One slaps one's own thigh or forehead, not one's own face.
  if ((term === 'slap' || term === 'punch') && STRUCK_BY_OTHERS.has(part)) return false;
  // Nor one's own hand away (`Frasier slaps his hand down`).
  if (act.rule === SWATTED_HAND) return false;
  // One clutches one's own arm in pain, but grabs or seizes someone else's (`grabs his ankle`).
  if (SEIZING.has(act.verb ?? '') && SEIZED_LIMBS.has(part)) return false;
  // `(Then collapses, clutching his chest)`, the doer unwritten: his own, whoever he is.
  if (unwritten && clutched) return true;
  if (doer === null || doer.names.length !== 1) return false;
  const self = doer.names[0]!;
  const g = doer.gender ?? setting.scope.discourse.genderOf(self);
  if (g !== null && g !== o.gender) return false;
  if (clutched) return true;
  const ctx = setting.ctx([]);
  // `EINARR: (stroking her hair)` when Einarr's gender is unknown: the one the talk shows to be
  // a `she` is likelier than the doer. So even when the doer's gender fits, for hair or a face
  // stroked (`FRASIER: Yes, Dad, a tour. [strokes his hair again]`), not a head cradled in
  // one's hands. (A trial: the guess leaves no gender on anyone.)
  const stroked = STROKING.has(act.verb ?? '') && STROKED.has(part);
  if ((g === null && TENDER.has(act.verb ?? '')) || stroked) {
    const trial = tentative(setting.ctx([self]));
    const other = setting.scope.discourse.resolveOne(o.gender, trial.ctx, false);
    if (other !== null && setting.scope.discourse.genderOf(other.name) === o.gender) return false;
  }
  // `He reaches for it, but Ana slaps his hand away`: his is the he of the clause before.
  if ([...ctx.seen].some(([n, g]) => n !== self && g === o.gender)) return false;
  // Neither gender known (`Nardole points ... Bill punches his shoulder`): as likely the other's.
  const fitsOther = (n: string): boolean =>
    (setting.scope.discourse.genderOf(n) ?? (g === null ? o.gender : null)) === o.gender;
  return !ctx.earlier.some((n) => n !== self && fitsOther(n));
}
