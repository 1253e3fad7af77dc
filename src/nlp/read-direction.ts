import type { Suggestion } from '../domain/moment.js';
import { ACT_NOUNS, ACT_VERB_FORMS } from './act-lexicon.js';
import { RELEASED, STRUCK_BACK, type SharedPassive } from './act-patterns.js';
import { RECIPROCATED, RETURNABLE } from './act-phrases.js';
import { detectActs } from './acts.js';
import { BEFORE_GERUND, drawsBack, STOPPED } from './non-events.js';
import { buildSuggestion, type ActSetting } from './build-suggestion.js';
import { objectsOf, passiveOf, PASSIVE_LINKS, SHARED_SUBJECT } from './clause-links.js';
import { word } from './act-words.js';
import {
  appositive,
  describesLimb,
  RELATIVES,
  splitClauses,
  unnamedDoerAt,
  type Clause,
} from './clauses.js';
import { HELLO, tentative, type Discourse, type ResolveContext } from './discourse.js';
import { doesTheSame } from './does-the-same.js';
import { impliedAgent, participantsOf, type Participants } from './implied-agent.js';
import { handOffered, lastPartNamed, resolveIt, TAKING_A_HAND, type NamedPart } from './it-refs.js';
import { JOINS, joinsIn } from './joins-in.js';
import { ENDED_ALONE, type RawAct } from './raw-act.js';
import { isNamedGroup, partnerOfTalk, ref, type Item, type Ref } from './refs.js';
import { named, relativeOf, resolveRef, type RefScope, type Resolved } from './resolve-refs.js';
import { headsClause, isVerb } from './tokens.js';
import { BE_FORMS, BEGINNING, BODY_PARTS, CLAUSE_LINKS, type Gender } from './words.js';

/** A direction to read: its sentences (people found) and what it sits among. */
export interface Direction {
  readonly index: number;
  readonly sentences: readonly (readonly Item[])[];
  /** The speaker whose speech holds it, resolved; null for a standalone direction. */
  readonly speaker: string | null;
  readonly setting: Omit<ActSetting, 'ctx'>;
  /** The suggestions of the directions before it, in reading order. */
  readonly told: readonly Suggestion[];
  /** The direction before it in the transcript (its line index and seq), if any. */
  readonly directionBefore: { readonly index: number; readonly seq: number } | null;
}

/**
 * The acts of one direction as suggestions. Each clause's doer is its subject, or the
 * subject of the clause before it (`grabs Jack and kisses him`), of the sentence before,
 * the speaker of an inline direction, or (guessed) the person the conversation points to.
 * A clause whose subject is a thing (`The beam hits him`) names no act of a person.
 */
export function readDirection(d: Direction): Suggestion[] {
  const out: Suggestion[] = [];
  const earlier: string[] = [];
  // The same names, the one met most recently last (see ResolveContext.lastMet).
  const lastMet: string[] = [];
  // Subjects met so far: the topic a pronoun most likely picks up.
  const subjects: string[] = [];
  const seen = new Map<string, Gender>();
  const groups: string[][] = [];
  const scope = { ...d.setting.scope, groups };
  let lastSubject: Resolved | null = null;
  // Names met so far only as owners (`Tieran's hand`): weaker antecedents than a doer.
  const owners = new Set<string>();
  const meet = (names: readonly string[], owner = false): void => {
    for (const n of names) {
      if (owner && !earlier.includes(n)) owners.add(n);
      else if (!owner) owners.delete(n);
      if (!earlier.includes(n)) earlier.push(n);
      const at = lastMet.indexOf(n);
      if (at >= 0) lastMet.splice(at, 1);
      lastMet.push(n);
    }
    if (names.length >= 2) groups.push([...names]);
  };
  // The last creature met (`the Rutan`, `a Zygon`): what `it` acting on a person stands for.
  let lastBeing: Ref | null = null;
  const clausesOf = d.sentences.map((items) => splitClauses(items));
  const struggle = d.sentences.some((items) => items.some((it) => STRUGGLE.has(word(it))));
  // The names of each clause, in reading order, to tell who is named only after a pronoun.
  const clauseNames = clausesOf.map((cs) => cs.map(namesIn));
  // The hand the sentence before held out: `holds out his hand. Lynda takes it`.
  let offered: NamedPart | null = null;
  // What the clause just read suggested: what `does the same` repeats.
  let justDone: Suggestion[] = [];
  clausesOf.forEach((clauses, si) => {
    const sentenceStart = out.length;
    let previousNonEvent: string | null = null;
    let clauseSubject: Resolved | null = null;
    // Whether clauseSubject is a guess (no subject written in the sentence so far).
    let clauseGuessed = false;
    // Whether the subject written last was plural (`Two women approach and touch ...`).
    let pluralSubject = false;
    let thing = false;
    // Whether the subject written last was `someone` (see unnamedDoerAt), or a vague `it` no
    // creature met stands for or `one` of a crowd (`One grabs Kit`).
    let unnamed: 'someone' | 'vague' | null = null;
    let part: NamedPart | null = null;
    let lastRef: Ref | null = null;
    let before: Participants | null = null;
    // The people the clause before acted on (see ResolveContext.parallel).
    let acted: string[] = [];
    let passiveBefore: SharedPassive | undefined;
    // What the sentence has fired or thrown so far, if anything (see landed).
    let fired: Thrown | null = null;

    clauses.forEach((raw, ci) => {
      const later = namedLater(clauseNames[si]!, ci, raw);
      const arriving = arrivingLater(clausesOf, si, ci);
      const joining = joiningLater(clauses, ci);
      const clause = part === null ? resolveIt(raw, offered, TAKING_A_HAND) : resolveIt(raw, part);
      part = lastPartNamed(clause.items) ?? part;
      const ctx = (exclude: readonly string[]): ResolveContext => ({
        lineIndex: d.index,
        speaker: d.speaker,
        earlier,
        lastMet,
        owners,
        exclude,
        subjects,
        seen,
        later: later.filter((n) => !earlier.includes(n)),
        laterJoining: joining,
        arriving: arriving.filter((n) => !earlier.includes(n)),
        parallel: raw.subject === null && SHARED_SUBJECT.has(raw.link ?? '') ? acted : [],
      });
      // `He offers his hand. Lisa takes it.` then `LISA: Hi!`: a hand taken in greeting is shaken.
      const greeted =
        clause.items.length > raw.items.length && scope.discourse.greeter(ctx([]), HELLO) !== null;
      // `someone hits Ian over the head (and runs off)`, or `It grabs her` with no creature met
      // for `it`, `one grabs Martha`: a doer the direction does not name (not the subject before).
      const vague = (items: readonly Item[]): boolean =>
        (lastBeing === null && itActs(items)) || oneActs(items);
      const unnamedHere =
        clause.subject !== null
          ? null
          : opensWithUnnamed(clause.items)
            ? 'someone'
            : vague(clause.items)
              ? 'vague'
              : null;
      if (clause.thingSubject && unnamedHere === null) thing = true;
      else if (clause.subject !== null || unnamedHere !== null) thing = false;
      if (unnamedHere !== null) unnamed = unnamedHere;
      else if (clause.subject !== null || clause.thingSubject) unnamed = null;
      let subject: Resolved | null = null;
      let guessed = false;
      const mainSubject = openingParticiple(clauses, ci);
      // `There is a scraping noise outside`: no one to guess as its doer.
      if (thing || unnamed !== null || existential(clause)) subject = null;
      else if (clause.subject !== null) {
        subject =
          fallenAfterBlow(clause, out, scope.discourse) ??
          (si === 0 && ci === 0 ? couple(clause.subject, d) : null) ??
          resolveSubject(clause.subject, clause, ctx, scope);
        clauseSubject = subject;
        clauseGuessed = false;
        pluralSubject = clause.subject.plural;
      } else if (lastRef !== null && RELATIVES.has(word(clause.items[0]))) {
        // `an old woman, who pushes him`: the person just named, and the subject of the
        // clauses that go on from it (`who pulls him close and kisses him`).
        subject = resolveRef(lastRef, ctx([]), scope, true);
        clauseSubject = subject;
        clauseGuessed = false;
      } else if (lastBeing !== null && opensWithIt(clause.items)) {
        // `He cries out as it starts to strangle him`, after `changes into a Zygon`; `But it
        // grabs hold of his ankle`, after `clobbers the robot`.
        subject = resolveRef(lastBeing, ctx([]), scope, true);
        clauseSubject = subject;
        clauseGuessed = false;
      } else if (mainSubject !== null) {
        // `Grabbing Mara, Owen kisses her`, `Holding hands, Pete and Rose join ...`: the
        // participle is the doing of the main clause's subject (read on a trial copy: the
        // main clause reads it again).
        subject = resolveRef(mainSubject, tentative(ctx([])).ctx, scope, true);
      } else if (clauseSubject !== null) {
        subject = clauseSubject;
        // `(Then collapses, clutching his chest)`: still the guess of the first clause.
        guessed = clauseGuessed;
      } else if (lastSubject !== null) subject = lastSubject;
      else if (d.speaker !== null) subject = named([d.speaker]);
      // `Lawgivers are overpowered`: a plural verb's people, whom no name gives, are no one
      // guessed.
      else if (pluralBe(clause.items)) subject = null;
      else {
        const g = scope.discourse.resolveOne(null, ctx([]), true);
        if (g !== null) subject = { ...named([g.name]), unsure: g.sure ? 0 : 1 };
        guessed = true;
      }
      // Whether the doer is written in this sentence (its own subject or an earlier clause's).
      const ownDoer = clause.subject !== null || clauseSubject !== null;
      if (!thing && clause.subject === null && clauseSubject === null) {
        clauseSubject = subject;
        clauseGuessed = guessed;
      }
      if (subject !== null) {
        meet(subject.names);
        for (const n of subject.names) if (!subjects.includes(n)) subjects.push(n);
      }
      const subjectRef: Ref | null =
        clause.subject ??
        (subject === null
          ? null
          : ref('name', [...subject.names], {
              plural: subject.names.length > 1 || (subject === clauseSubject && pluralSubject),
            }));
      const goesOn = clause.subject === null && PASSIVE_LINKS.has(clause.link ?? '');
      const passive = goesOn ? passiveBefore : undefined;
      const cutShort = begunBut(clauses, ci);
      // A thing's clause still shows people: `The doors open to reveal Kit and Mara in a kiss`
      // (or `kissing`): acts whose doers it writes out.
      const acts: RawAct[] = thing
        ? detectActs(clause, null, previousNonEvent).filter(
            (a) => a.rule === 'act.pair-in' || (a.doer !== null && a.doer !== 'subject'),
          )
        : detectActs(clause, subjectRef, previousNonEvent, passive)
            // `It hits Leo` is as often a thing thrown as a creature (BLOWS); `It grabs her` is one.
            .filter((a) => unnamed !== 'vague' || a.doer !== 'subject' || !BLOWS.has(a.term))
            .map((a) => (unnamed !== null && a.doer === 'subject' ? { ...a, doer: null } : a))
            .map((a) => (a.nonEvent === null && cutShort ? { ...a, nonEvent: 'but' } : a));
      passiveBefore = passiveOf(clause) ?? passive;
      previousNonEvent = acts.length > 0 ? acts[acts.length - 1]!.nonEvent : previousNonEvent;
      const setting: ActSetting = { ...d.setting, ctx };
      const made = out.length;
      // `Rose and Jack grab him`: him is neither of them, whichever of them is the doer.
      const team = subject !== null && subject.names.length > 1 ? subject.names : [];
      const teamCtx = (exclude: readonly string[]): ResolveContext => ctx([...exclude, ...team]);
      const joined = acts.length === 0 ? joinsIn(clause, subject, out) : null;
      if (joined !== null) out.push(joined);
      if (acts.length === 0 && joined === null) {
        const again = (r: Ref, exclude: readonly string[]): Resolved | null =>
          resolveRef(r, ctx(exclude), scope, false);
        for (const s of doesTheSame(clause, subject, justDone, again))
          addOnce(out, sentenceStart, s);
      }
      fired = firedIn(clause.items) ?? fired;
      for (let raw of acts) {
        if (fired !== null && landed(raw, clause.items, fired)) continue;
        if (struckByThing(raw, d.sentences[si]!)) continue;
        // `Jo falls backwards, knocking Mailer down`: felled by someone's fall, no blow.
        if (raw.term === 'punch' && knockedByFall(clauses, ci)) continue;
        // `The explosion knocks him off his feet`: knocked aside with no one written as doer is
        // as often a blast or a jolt as a person.
        if (raw.rule === 'act.knock-aside' && !ownDoer) continue;
        // `Flash swings, Ben grabs his hand`, `grabs his hand and the gun goes off`: a hand
        // seized in a struggle is a grab; elsewhere (`grabs his hand and they run`), held.
        if (raw.rule === 'act.hand-seized' && struggle) raw = { ...raw, term: 'grab' };
        // `Ameron touches Tieran's hand before Demmas pulls him off`: the one pulled off is
        // the one who just acted.
        if (raw.rule === 'act.pull-away')
          raw = pulledOff(raw, subject, out.slice(sentenceStart), scope);
        // `kisses her ... They break the clinch`: the act ended is one already told.
        if (raw.rule === 'act.ended' && out.some((s) => ['kiss', 'hug'].includes(s.action)))
          continue;
        // The last suggestion that `fits`, in this direction or a few lines before.
        const lastTold: LastTold = (fits) =>
          out.findLast(fits) ??
          d.told.findLast((s) => d.setting.line.seq - s.seq <= LOOK_BACK && fits(s));
        // `still hugging him` goes on with a hug this direction told; told only before it, the
        // hug is this direction's to count. `stops kissing Kim`: the kiss went on until now,
        // this direction's to count unless told a few lines before.
        const still =
          (raw.nonEvent === 'still' && !out.some((s) => s.action === raw.term)) ||
          (raw.nonEvent === STOPPED && lastTold((s) => s.action === raw.term) === undefined);
        // `throttles Kemel before throwing him down`: done next, unless drawn back from.
        const done =
          raw.nonEvent === BEFORE_GERUND &&
          !clauses.slice(0, ci + 1).some((c) => drawsBack(c.items));
        const read =
          still || done
            ? { ...raw, nonEvent: null }
            : returnedTo(endedBy(raw, subject, lastTold), subject, lastTold);
        for (const act of eachDoer(impliedAgent(read, subject, clause.link, before, ctx, scope))) {
          const actSetting =
            act.mutual || team.length === 0 ? setting : { ...setting, ctx: teamCtx };
          const doers = doersOf(act, subject, ctx([]), scope.discourse, groups, clause.subject);
          for (const doer of doers) {
            const built = buildSuggestion(act, doer, guessed, { ...actSetting, scope });
            const s =
              greeted && built?.action === 'hold-hands' ? { ...built, action: 'handshake' } : built;
            if (s === null || knockedByAnother(s, out.slice(sentenceStart))) continue;
            addOnce(out, sentenceStart, s);
            // `He kisses her. She ...`: the person a pronoun was read as is now in the scene.
            meet(peopleIn(s));
          }
        }
      }
      before = thing || unnamed !== null || !ownDoer ? null : participantsOf(clause, subject);
      justDone = out.slice(made);
      acted = [...objectsOf(clause), ...justDone.flatMap((s) => s.recipients)];
      for (const [i, it] of clause.items.entries()) {
        // `Jim, a tall man, ...`: the role is Jim, no one else met.
        if (it.kind !== 'ref' || appositive(clause.items, i)) continue;
        if (!it.ref.possessive) lastRef = it.ref;
        if (isBeing(it)) lastBeing = it.ref;
        if (it.ref.kind === 'name') {
          // `Donny's mother` is met as the one Donny calls Mom, when the speeches show who.
          const relative = relativeOf(it.ref, ctx([]), scope);
          meet(relative === null ? it.ref.names : [relative], it.ref.possessive);
          // `The guards enter`: a collective, who `they` may be on its own (a group of one).
          if (it.ref.plural && it.ref.names.length === 1) groups.push([...it.ref.names]);
        }
        // `pulls Ianto and Gwen close, and kisses them both`: a group of names is who `them`
        // is. Only as a group: its members are no likelier than before to be `him` or `her`.
        else if (isNamedGroup(it.ref)) groups.push([...it.ref.names]);
      }
    });
    dropActsBegun(out, sentenceStart);
    lastSubject = clauseSubject ?? lastSubject;
    offered = handOffered(d.sentences[si]!);
  });
  return out;
}

/**
 * The clause's subject resolved. A singular `the man` or `he` is never someone the clause
 * names outright besides (`the man pushes Phlox away` is not Phlox): read as someone else
 * then. (A plural subject may stand for a group that `they` picks up whole.)
 */
function resolveSubject(
  subject: Ref,
  clause: Clause,
  ctx: (exclude: readonly string[]) => ResolveContext,
  scope: RefScope,
): Resolved | null {
  // A first reading on a copy of the genders seen: a reading set aside must not leave its
  // `she` on someone (`the woman jumps the guard`: not the guard, and the guard no `she`).
  const trial = tentative(ctx([]));
  const first = resolveRef(subject, trial.ctx, scope, true);
  const besides = clause.items.flatMap((it) =>
    it.kind === 'ref' && it.ref !== subject && it.ref.kind === 'name' && it.ref.role === null
      ? it.ref.names
      : [],
  );
  const setAside =
    first !== null &&
    first.names.length === 1 &&
    !subject.plural &&
    besides.includes(first.names[0]!);
  if (setAside) return resolveRef(subject, ctx(besides), scope, true);
  trial.keep();
  return first;
}

/**
 * Adds a suggestion unless the sentence already holds the same act between the same people:
 * `hits him over the head, knocking him out` is one blow, read twice. The part, if only the
 * second reading names it, goes to the first.
 */
function addOnce(out: Suggestion[], sentenceStart: number, s: Suggestion): void {
  // `grabs the Doctor and kisses him. When she releases him`: the end of an act already read.
  if (s.rule === RELEASED && out.some((o) => actsBetween(o, s))) return;
  const same = out.findIndex(
    (o, i) =>
      i >= sentenceStart &&
      o.action === s.action &&
      o.initiator === s.initiator &&
      o.mutual === s.mutual &&
      o.recipients.length === s.recipients.length &&
      o.recipients.every((r) => s.recipients.includes(r)),
  );
  if (same === -1) out.push(s);
  else if (out[same]!.part === null && s.part !== null) out[same] = { ...out[same]!, part: s.part };
}

/**
 * The subject of the main clause when clause `ci` is a participle opening its sentence before
 * a comma (`Grabbing Mara, Owen ...`), else null.
 */
function openingParticiple(clauses: readonly Clause[], ci: number): Ref | null {
  const first = clauses[ci]!.items[0];
  const main = clauses[ci + 1];
  if (ci !== 0 || first?.kind !== 'tok' || main?.link !== ',' || main.subject === null) return null;
  return /^[a-z]+(?:ing|ed)$/.test(first.tok.lower) && isVerb(first.tok) ? main.subject : null;
}

/** The names a clause's refs hold. */
function namesIn(c: Clause): string[] {
  return c.items.flatMap((it) => (it.kind === 'ref' ? it.ref.names : []));
}

// Words that open a clause put before the main one: `As he falls, the Doctor ...`.
const SUBORDINATORS = new Set([
  'as',
  'when',
  'while',
  'whilst',
  'before',
  'after',
  'once',
  'if',
  'though',
  'although',
  'because',
  'since',
  'until',
  'till',
]);

/**
 * The people named after clause `ci` of its sentence: `he`/`she` does not stand for someone
 * the same sentence names only later (`He reaches for it, but Frederika slaps his hand away`:
 * he is not Frederika). The exception is a clause opening the sentence with `as`, `when` and
 * the like, whose pronoun may point to the main clause after it (`As he falls, the Doctor
 * grabs the rail`). A later sentence may name the same person again (`... Phlox gets up.`).
 */
function namedLater(names: readonly string[][], ci: number, clause: Clause): string[] {
  const fronted = ci === 0 && SUBORDINATORS.has(word(clause.items[0]));
  return names.slice(fronted ? ci + 2 : ci + 1).flat();
}

/** The subjects of the clauses after `ci` of a sentence that join in (`then Kit joins in`). */
function joiningLater(clauses: readonly Clause[], ci: number): string[] {
  return clauses
    .slice(ci + 1)
    .filter((c) => c.items.some((it) => JOINS.has(word(it))))
    .flatMap((c) => c.subject?.names ?? []);
}

const PLURAL_AUX = new Set(['are', 'were']);

/** Whether `are` or `were` comes before the first verb of a clause's items. */
function pluralBe(items: readonly Item[]): boolean {
  for (const it of items) {
    if (it.kind !== 'tok') continue;
    if (PLURAL_AUX.has(it.tok.lower)) return true;
    if (headsClause(it.tok)) return false;
  }
  return false;
}

// Verbs by which someone comes into the scene: not among `they` before that.
const ARRIVALS = new Set(['enter', 'arrive', 'appear', 'return'].flatMap((w) => [w, `${w}s`]));

/**
 * People a clause after `ci` (in this sentence or a later one) has come in (`They kiss just
 * before Frasier enters`): they were not there, so `they` does not include them.
 */
function arrivingLater(clauses: readonly (readonly Clause[])[], si: number, ci: number): string[] {
  const out: string[] = [];
  clauses.forEach((sentence, s) =>
    sentence.forEach((c, k) => {
      if (s < si || (s === si && k <= ci) || c.subject === null) return;
      const verb = c.items.find(
        (it, i) => it.kind === 'tok' && ARRIVALS.has(it.tok.lower) && !returnsSomething(c, i),
      );
      const comesIn = c.items.some(
        (it, i) =>
          it.kind === 'tok' &&
          /^(comes?|walks?|runs?|rush(es)?|hurr(y|ies)|bursts?)$/.test(it.tok.lower) &&
          (/^(in|into)$/.test(word(c.items[i + 1])) ||
            (/^comes?$/.test(it.tok.lower) && word(c.items[i + 1]) === 'back')),
      );
      if (verb !== undefined || comesIn) out.push(...c.subject.names);
    }),
  );
  return out;
}

// Words that open what is returned: `returns the hug`, `returns her kiss`.
const RETURNED = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'its']);

/** `Niles returns the hug`: a verb of arriving with an object is no arrival. */
function returnsSomething(c: Clause, i: number): boolean {
  const next = c.items[i + 1];
  return next?.kind === 'ref' || RETURNED.has(word(next));
}

/** People named only by a plural role that tells a gender (`the girls`, `the men`). */
function isGroupRole(r: Ref): boolean {
  return r.kind === 'name' && r.role !== null && r.plural && r.gender !== null;
}

/** `The Colonel stumbles against the Doctor, knocking him down`: felled by a fall. */
function knockedByFall(clauses: readonly Clause[], ci: number): boolean {
  const clause = clauses[ci]!;
  if (clause.link !== ',' || word(clause.items[0]) !== 'knocking') return false;
  return clauses[ci - 1]?.items.some((it) => STUMBLING.has(word(it))) === true;
}

// Verbs of falling: who falls right after a blow is the one struck.
const FALLS = new Set([
  'falls',
  'lands',
  'collapses',
  'crumples',
  'slumps',
  'drops',
  'topples',
  'tumbles',
  'staggers',
  'reels',
]);
const STUMBLING = new Set([...FALLS, 'stumbles', 'trips', 'slips']);
const BLOWS = new Set(['punch', 'shove', 'slap']);
// Words that tell a struggle: a weapon, a blow, a fight.
const STRUGGLE = new Set([
  ...['gun', 'knife', 'blade', 'sword', 'pistol', 'phaser', 'weapon', 'rifle', 'dagger'],
  ...['swings', 'struggle', 'struggles', 'wrestle', 'wrestles', 'fight', 'fights', 'twists'],
  ...['twisted', 'throws', 'attacks', 'scratch', 'stop', 'hit', 'punch', 'strike'],
]);

/**
 * `Jack knocks out Bashir. He lands in Lauren's lap`: `he`/`she` falling right after a blow
 * in this direction is the one struck, when one person was and the gender allows it.
 */
function fallenAfterBlow(
  clause: Clause,
  out: readonly Suggestion[],
  discourse: Discourse,
): Resolved | null {
  const s = clause.subject;
  if (s?.kind !== 'pronoun' || s.plural || s.gender === null) return null;
  const verb = clause.items.find((it) => it.kind === 'tok');
  if (verb?.kind !== 'tok' || !FALLS.has(verb.tok.lower)) return null;
  const last = out[out.length - 1];
  if (last === undefined || !BLOWS.has(last.action) || last.recipients.length !== 1) return null;
  const struck = last.recipients[0]!;
  const g = discourse.genderOf(struck);
  return g === null || g === s.gender ? named([struck]) : null;
}

// Role nouns of beings that are no person: `it` may stand for them.
const CREATURES = new Set(['CREATURE', 'MONSTER', 'BEAST', 'ROBOT', 'ANDROID', 'DRONE', 'ALIEN']);

/**
 * A single being that is no person: a capitalised kind (`a Zygon`), a creature named by role, or
 * a machine named with a number.
 */
function isBeing(it: Extract<Item, { kind: 'ref' }>): boolean {
  const r = it.ref;
  if (r.kind !== 'name' || r.plural || r.gender !== null) return false;
  const head = it.toks[it.toks.length - 1]!;
  // `D84`, `K9`: a name with a number is a machine's.
  if (r.role === null && r.names.length === 1 && /\d/.test(r.names[0]!)) return true;
  // `a Zygon` when a Zygon speaks in the episode: a kind all the same.
  const kind = r.role ?? (INDEFINITE.has(it.toks[0]!.lower) ? r.names[0]! : null);
  if (kind === null) return false;
  return CREATURES.has(kind) || (head.cap && it.toks.length > 1);
}

const INDEFINITE = new Set(['a', 'an']);

/**
 * Who does an act: the subject; everyone in the conversation for a mutual act with one or
 * no doer named (`Group hug.`, `A kiss.`); each of several named doers acting on someone
 * (`Barbara and Susan grab him`: two grabs).
 */
function doersOf(
  act: RawAct,
  subject: Resolved | null,
  ctx: ResolveContext,
  discourse: ActSetting['scope']['discourse'],
  groups: readonly (readonly string[])[],
  subjectRef: Ref | null,
): (Resolved | null)[] {
  // `reveals Kit and Mara kissing`, `sees them holding hands`: the act names its own doers
  // (see buildSuggestion).
  const ownDoers = act.doer !== null && act.doer !== 'subject';
  if (ownDoers && (act.doer.kind !== 'pronoun' || act.mutual)) return [subject];
  if (act.mutual && act.objects.length === 0 && subjectRef !== null && isGroupRole(subjectRef)) {
    // `The girls hug.`: the two of the conversation, when both are known to be girls (women).
    const others = { ...ctx, earlier: ctx.earlier.filter((n) => !subjectRef.names.includes(n)) };
    const pair = discourse.resolveMany(others, []);
    // One may be of unknown gender: `The girls hug` after Tegan talks to Nyssa.
    const genders = pair.map((n) => discourse.genderOf(n));
    const fits =
      pair.length === 2 &&
      genders.every((g) => g === null || g === subjectRef.gender) &&
      genders.some((g) => g === subjectRef.gender);
    return fits ? [{ names: pair, pronouns: 1, unsure: 1, extra: false, gender: null }] : [];
  }
  // `The musicians kiss`, `The soldiers shake hands`: among themselves, the crowd alone.
  const crowd = subjectRef?.kind === 'name' && subjectRef.plural && subjectRef.names.length === 1;
  if (act.mutual && act.objects.length === 0 && crowd) return [subject];
  if (act.mutual && act.objects.length === 0 && (subject?.names.length ?? 0) < 2) {
    const many =
      act.rule === 'act.group-hug'
        ? discourse.conversation(ctx)
        : discourse.resolveMany(ctx, groups);
    // `He breaks the embrace`: one of those in it is he.
    const without = act.rule === ENDED_ALONE && subject?.names.some((n) => !many.includes(n));
    return many.length >= 2 && without !== true
      ? [{ names: many, pronouns: 1, unsure: 1, extra: false, gender: null }]
      : [];
  }
  if (!act.mutual && act.doer === 'subject' && subject !== null && subject.names.length > 1) {
    if (act.objects.length > 0) return subject.names.map((n) => ({ ...subject, names: [n] }));
  }
  return [subject];
}

/**
 * `Cam starts to take it, but pulls it away`, `They start to kiss, but Mrs Moon turns`: an act
 * only begun, with `but` right after, is cut short. (Begun alone, it happens.)
 */
function begunBut(clauses: readonly Clause[], ci: number): boolean {
  const items = clauses[ci]!.items;
  const begun = items.some((it, i) => BEGINNING.has(word(it)) && word(items[i + 1]) === 'to');
  return begun && clauses[ci + 1]?.link === 'but';
}

/** `Mara is hugged by Kit and Owen`: a one-way act of a named group is each member's. */
function eachDoer(act: RawAct): RawAct[] {
  const doer = act.doer;
  if (act.mutual || doer === null || doer === 'subject' || !isNamedGroup(doer)) return [act];
  return doer.members.map((m) => ({ ...act, doer: m }));
}

/**
 * `He breaks the embrace` (one doer, not `They break the embrace`): shared with whom he last
 * kissed or held, in this direction or a few lines before; else ENDED_ALONE, a guess.
 */
function endedBy(act: RawAct, subject: Resolved | null, lastTold: LastTold): RawAct {
  if (act.rule !== 'act.ended') return act;
  if (subject === null) return { ...act, rule: ENDED_ALONE };
  // `They break the embrace`: both written.
  if (subject.names.length !== 1) return act;
  // `They kiss. ... He breaks the kiss.`: the one he last kissed or held.
  const self = subject.names[0]!;
  const last = lastTold(
    (s) =>
      (s.action === 'kiss' || s.action === 'hug') && [s.initiator, ...s.recipients].includes(self),
  );
  const partner = [last?.initiator, ...(last?.recipients ?? [])].find(
    (n): n is string => n !== null && n !== undefined && n !== self,
  );
  if (partner === undefined) return { ...act, rule: ENDED_ALONE };
  return { ...act, objects: [ref('name', [partner])], rule: 'act.ended-after' };
}

/** The last suggestion told that fits, in this direction or a few lines before. */
type LastTold = (fits: (s: Suggestion) => boolean) => Suggestion | undefined;

// How many transcript lines back an act ended or returned may have been told.
const LOOK_BACK = 12;

/**
 * `She kisses him. He returns the kiss.`: a returned act goes back to the one who last gave
 * the subject such an act, in this direction or a few lines before (left with no one
 * otherwise). `Cliff punches him. Norm punches back.`: a blow back, to the one who last
 * struck, shoved or grabbed the subject.
 */
function returnedTo(act: RawAct, subject: Resolved | null, lastTold: LastTold): RawAct {
  const returned = act.rule === 'act.returned' || act.rule === 'act.back';
  if (!returned || act.objects.length > 0 || subject === null) return act;
  // `He reciprocates`: whichever kiss, hug or handshake he was given.
  const answers = (s: Suggestion): boolean =>
    act.rule === 'act.back'
      ? STRUCK_BACK.has(s.action)
      : act.term === RECIPROCATED
        ? RETURNABLE.has(s.action)
        : s.action === act.term;
  const given = lastTold(
    (s) =>
      answers(s) && s.initiator !== null && s.recipients.some((n) => subject.names.includes(n)),
  );
  if (given !== undefined) {
    const term = act.term === RECIPROCATED ? given.action : act.term;
    return { ...act, term, objects: [ref('name', [given.initiator!])] };
  }
  if (act.term === RECIPROCATED) return act;
  // `WORF: (returning the hug)` after a welcome no direction told: back to the one he is
  // talking with. Not a blow back (`pushes back` is as often a push away from someone).
  if (act.rule === 'act.back') return act;
  return { ...act, objects: [partnerOfTalk()] };
}

// Verbs after an `it` that stands for no one: `It is Bromley, who ...`, `It seems he ...`.
const EMPTY_IT = new Set(['is', 'was', 'seems', 'sounds', 'looks', 'appears', 'turns', 'must']);

/** Whether a clause opens with an `it` that acts (`It grabs her`, not `It is Bromley`). */
function itActs(items: readonly Item[]): boolean {
  return opensWithIt(items) && !EMPTY_IT.has(word(items[firstWord(items) + 1]));
}

// Words before `one` that leave it one of a crowd: `another one`, `a third one`.
const ONE_OF_MANY = new Set(['another', 'a', 'the', 'second', 'third', 'other', 'last']);

/**
 * Whether a clause opens with `one` of a crowd and its verb (`one grabs Martha`, `a third one
 * grabs him`, `Another grabs her`).
 */
function oneActs(items: readonly Item[]): boolean {
  let k = firstWord(items);
  if (k < 0) return false;
  while (ONE_OF_MANY.has(word(items[k]))) k++;
  if (word(items[k]) === 'one') k++;
  else if (word(items[k - 1]) !== 'another') return false;
  // Not `Another kiss`: an act noun. A word in -s after `one` is its verb, whatever its tag.
  const verb = items[k];
  if (verb?.kind !== 'tok' || ACT_NOUNS.has(verb.tok.lower)) return false;
  return headsClause(verb.tok) || /[^s]s$/.test(verb.tok.lower);
}

/** The index of a clause's first word after any linking words, or -1. */
function firstWord(items: readonly Item[]): number {
  return items.findIndex((x) => !CLAUSE_LINKS.has(word(x)));
}

/** Whether a clause opens with `it`, after any linking words (`But it grabs him`). */
function opensWithIt(items: readonly Item[]): boolean {
  return word(items[firstWord(items)]) === 'it';
}

/** Whether an unnamed doer (see unnamedDoerAt) stands before the clause's first verb. */
function opensWithUnnamed(items: readonly Item[]): boolean {
  for (const [i, it] of items.entries()) {
    if (it.kind !== 'tok') continue;
    if (unnamedDoerAt(items, i) || describesLimb(items, i)) return true;
    if (isVerb(it.tok)) return false;
  }
  return false;
}

/** `There is a knock`, `There's a noise`: a clause that says something is, done by no one. */
function existential(clause: Clause): boolean {
  if (clause.subject !== null) return false;
  const first = word(clause.items[0]);
  if (first === "there's" || first === 'there’s') return true;
  return first === 'there' && BE_FORMS.has(word(clause.items[1]));
}

/**
 * Acts that only begin another the same sentence tells between the same two: `She throws
 * herself at him and kisses him`, `She pulls him back and they kiss` (a leap or a pull into a
 * kiss or a hug is that embrace, no grab),
 * `takes his hand and shakes it` (a hand taken to be shaken is the handshake, not held).
 */
function dropActsBegun(out: Suggestion[], sentenceStart: number): void {
  const pair = (s: Suggestion): string => peopleIn(s).sort().join();
  const begins = (s: Suggestion, o: Suggestion): boolean =>
    (s.rule === 'act.tackle' && (o.action === 'kiss' || o.action === 'hug')) ||
    // `pulls him back and kisses him`; not `pulls her back with his arm around her`, a rescue.
    (s.rule === 'act.pull-away' &&
      (o.action === 'kiss' || o.action === 'hug') &&
      o.rule !== 'act.arm-around') ||
    (s.action === 'hold-hands' && o.action === 'handshake');
  const sentence = out.slice(sentenceStart);
  for (let i = out.length - 1; i >= sentenceStart; i--) {
    const s = out[i]!;
    if (sentence.some((o) => begins(s, o) && pair(o) === pair(s))) out.splice(i, 1);
  }
}

/**
 * `hits him, knocking him over`, `launches himself at Kit, knocking him off his feet`: knocked
 * aside by an act the sentence told already, between the same two, is that act's effect.
 */
function knockedByAnother(s: Suggestion, sentence: readonly Suggestion[]): boolean {
  if (s.rule !== 'act.knock-aside') return false;
  return sentence.some(
    (o) => o.initiator === s.initiator && o.recipients.join() === s.recipients.join(),
  );
}

// Verbs of firing or throwing: a `hits him` after one is a shot or a missile landing.
const FIRING = new Set(['fires', 'shoots', 'aims', 'fire', 'throws', 'hurls', 'tosses']);

/** What a clause fired or threw: a thing (a shot, a rock), or a person (`throws Hal down`). */
type Thrown = 'thing' | 'person';

function firedIn(items: readonly Item[]): Thrown | null {
  const at = items.findIndex((it) => it.kind === 'tok' && FIRING.has(it.tok.lower));
  if (at < 0) return null;
  const next = items[at + 1];
  return next?.kind === 'ref' && !next.ref.possessive ? 'person' : 'thing';
}

/**
 * `Ezri fires and hits him`, `aims at a tree and hits Data instead`, `throws a rock at Kim,
 * that hits him`: after a shot or a throw, `hits` is what was fired landing, no blow (not
 * `hits him over the head with the jar`, a thing held). `throws the pistol at Leon, knocking
 * him down`, `throws Hal to the floor, knocking him out`: the landing of a throw of either
 * kind is no second act.
 */
function landed(act: RawAct, items: readonly Item[], fired: Thrown): boolean {
  if (act.term !== 'punch') return false;
  const first = items[0]?.kind === 'tok' ? items[0].tok.lower : '';
  if (/^(hitting|striking|knocking)$/.test(first)) return true;
  const hit = items.findIndex(
    (it) => it.kind === 'tok' && /^(hits?|strikes|struck)$/.test(it.tok.lower),
  );
  return fired === 'thing' && hit >= 0 && !items.slice(hit).some((it) => word(it) === 'with');
}

/**
 * `pulls him off`, `pulls her away` by a third person right after an act this sentence told:
 * `him` is its doer when the pronoun fits (the one acting is the one pulled away).
 */
function pulledOff(
  act: RawAct,
  subject: Resolved | null,
  sentence: readonly Suggestion[],
  scope: RefScope,
): RawAct {
  const o = act.objects[0];
  const last = sentence[sentence.length - 1];
  if (act.objects.length !== 1 || o === 'subject' || o?.kind !== 'pronoun' || o.plural) return act;
  if (last === undefined || last.initiator === null) return act;
  const doer = last.initiator;
  // Pulled off by a third person (not `They grab him and pull him back`).
  if (subject === null || peopleIn(last).some((n) => subject.names.includes(n))) return act;
  const g = scope.discourse.genderOf(doer);
  if (g !== null && o.gender !== null && g !== o.gender) return act;
  return { ...act, objects: [ref('name', [doer])] };
}

const STRIKING = new Set(['hit', 'strike', 'knock', 'slam']);
const RELATIVE = new Set(['which', 'that']);

/**
 * `kicks a football which hits the Doctor`, `a gas which knocks him out`, `And that hits Niles
 * hard`: what strikes is a thing, no blow; but not a blow or a hand (`a right cross that
 * knocks Finnegan out`, `throws up a hand that knocks Niles out cold`).
 */
function struckByThing(act: RawAct, items: readonly Item[]): boolean {
  if (act.term !== 'punch' || !STRIKING.has(act.verb ?? '')) return false;
  const at = items.findIndex(
    (it, i) => RELATIVE.has(word(it)) && ACT_VERB_FORMS.get(word(items[i + 1]))?.lemma === act.verb,
  );
  // (A person before it, `the man that knocks him out`, is the doer.)
  if (at < 0 || items[at - 1]?.kind === 'ref') return false;
  const before = word(items[at - 1]);
  return !ACT_NOUNS.has(before) && !BODY_PARTS.has(before);
}

// Touches that go on: who is holding hands is who `They kiss` goes on with.
const TENDER_ACTS = new Set(['hold-hands', 'caress', 'touch-face', 'cradle-neck']);

/**
 * `Martin holds Ronee's hand. FRASIER: I now pronounce you man and wife. (They kiss.)`: `they`
 * opening a direction, right after one that told two people touching, are those two, rather
 * than the two of the talk; across a scene heading, only when a speech after it names them.
 */
function couple(subject: Ref, d: Direction): Resolved | null {
  if (subject.kind !== 'pronoun' || subject.pronoun !== 'they') return null;
  const last = d.told[d.told.length - 1];
  const before = d.directionBefore;
  if (last === undefined || before?.seq !== last.seq || !TENDER_ACTS.has(last.action)) return null;
  const two = peopleIn(last);
  // Two who speak: not a role (`his son`) left for want of a name.
  const discourse = d.setting.scope.discourse;
  if (two.length !== 2 || !two.every((n) => discourse.speaks(n))) return null;
  // In a new scene, only when a speech there names them (`It's Jo and Latep.`).
  return discourse.sameScene(before.index, d.index, two) ? { ...named(two), pronouns: 1 } : null;
}

/** The people of a suggestion: its initiator, if any, and its recipients. */
function peopleIn(s: Suggestion): string[] {
  return s.initiator === null ? [...s.recipients] : [s.initiator, ...s.recipients];
}

/** Whether two suggestions are acts between the same two people, whoever began them. */
function actsBetween(a: Suggestion, b: Suggestion): boolean {
  const of = peopleIn(b);
  return peopleIn(a).filter((n) => of.includes(n)).length >= 2;
}
