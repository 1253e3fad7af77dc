import type { TranscriptLine } from '../domain/transcript.js';
import { mentionsAnAct } from './act-triggers.js';
import { word } from './act-words.js';
import { findRefs } from './find-refs.js';
import { GenderBook } from './gender-book.js';
import { namesIn, newcomerAs, renamed } from './introductions.js';
import { nameOthers, type Kind } from './other-refs.js';
import type { PeopleIndex } from './people-index.js';
import { isNamedGroup, type Item, type Ref } from './refs.js';
import {
  addresseesInSpeech,
  gendersCalled,
  namesInSpeech,
  pronounsAfterNames,
  titledInSpeech,
} from './speech-names.js';
import { lightTokenize, tokenize } from './tokens.js';
import type { Gender } from './words.js';

/** What a first pass over a transcript knows before any direction is read for acts. */
export interface ReadLines {
  /** Each direction's sentences with the people found in them, by line index. */
  readonly sentences: Map<number, Item[][]>;
  /** The names each line mentions (a speech's found cheaply), by line index. */
  readonly lineNames: string[][];
  /** The names each speech calls its listener by, by line index. */
  readonly addressed: string[][];
  /** The people each direction says leave (`Niles exits to the kitchen.`), by line index. */
  readonly leaving: string[][];
  /** The last group each direction names, all by name (`Niles and Daphne`), by line index. */
  readonly groups: string[][];
  /** The last collective each direction names (`the mummies` -> MUMMIES), by line index. */
  readonly collectives: (string | null)[];
  /** Genders learnt from the whole transcript. */
  readonly genders: GenderBook;
}

/**
 * Read every direction once (speeches only for the names they hold), learning genders on
 * the way: the reading of acts needs the genders of the whole transcript.
 */
export function readLines(
  lines: readonly TranscriptLine[],
  people: PeopleIndex,
  speakerName: (label: string) => string,
  seriesGenders?: ReadonlyMap<string, Gender>,
): ReadLines {
  const sentences = new Map<number, Item[][]>();
  const lineNames: string[][] = lines.map(() => []);
  const addressed: string[][] = lines.map(() => []);
  const leaving: string[][] = lines.map(() => []);
  const groups: string[][] = lines.map(() => []);
  const collectives: (string | null)[] = lines.map(() => null);
  const linePronouns: Gender[][] = [];
  const genders = new GenderBook(people, seriesGenders);
  let kind: { kind: Kind; line: number } | null = null;
  const hearSpeech = speechGenders(people, speakerName, genders);
  // Who has spoken so far; the newcomers this scene described before a label named them
  // (`A balding man speaks.` JELLICOE: ...: the man is Jellicoe to the end of the scene); and
  // the people its directions have met.
  const spoken = new Set<string>();
  const alias = new Map<string, string>();
  const met = new Set<string>();
  lines.forEach((l, i) => {
    if (l.kind === 'dialogue') {
      spoken.add(speakerName(l.speaker));
      lineNames[i] = namesInSpeech(l.text, people);
      addressed[i] = addresseesInSpeech(l.text, people);
      // `BILL: (to Heather) Just one thing.`: the speech after such a direction is said to them.
      const prev = lines[i - 1];
      if (prev?.kind === 'action' && prev.speaker === l.speaker && /^to\b/i.test(prev.text))
        addressed[i] = [...new Set([...addressed[i], ...lineNames[i - 1]!])];
      hearSpeech(l);
    }
    if (l.kind === 'scene') {
      kind = null;
      alias.clear();
      met.clear();
      // `[John's room]`: whose place the scene opens in.
      lineNames[i] = namesInSpeech(l.text, people);
    }
    if (l.kind !== 'action') return;
    const found = (mentionsAnAct(l.text) ? tokenize(l.text) : lightTokenize(l.text)).map((s) =>
      findRefs(s, people),
    );
    const next = lines[i + 1];
    if (l.speaker === null && next?.kind === 'dialogue') {
      const who = speakerName(next.speaker);
      const role = spoken.has(who) ? null : newcomerAs(found, who, genders.genderOf(who), met);
      if (role !== null) alias.set(role, who);
    }
    const read = found.map((items) => renamed(items, alias));
    for (const n of found.flatMap(namesIn)) met.add(n);
    // `the other` is one more of the kind of person a direction of the last few lines named.
    if (kind !== null && i - kind.line > KIND_LINES) kind = null;
    for (const items of read) {
      const found = nameOthers(items, kind?.kind ?? null);
      if (found !== kind?.kind) kind = found === null ? null : { kind: found, line: i };
    }
    sentences.set(i, read);
    leaving[i] = read.flatMap(leavers);
    const speaker = l.speaker === null ? null : speakerName(l.speaker);
    const pronouns: Gender[] = (linePronouns[i] = []);
    // `(Tavi enters.)` `(She sits.)`: a standalone direction right after one is read on from it.
    const prev = lines[i - 1];
    const carried =
      speaker === null && prev?.kind === 'action' && prev.speaker === null
        ? { names: lineNames[i - 1]!, pronouns: linePronouns[i - 1] ?? [] }
        : null;
    // `Hello, Tavi. [she frowns]`: the one the speech just called.
    const called = prev?.kind === 'dialogue' && prev.speaker === l.speaker ? addressed[i - 1]! : [];
    const addressee = called.length === 1 ? called[0]! : null;
    for (const [j, items] of read.entries()) {
      const last =
        j === 0 ? [] : read[j - 1]!.flatMap((it) => (it.kind === 'ref' ? it.ref.names : []));
      const before =
        j === 0 && carried !== null ? carried : { names: lineNames[i]!, pronouns, last };
      genders.learn(items, speaker, before, j === 0 ? addressee : null);
      for (const it of items) {
        if (it.kind !== 'ref') continue;
        lineNames[i]!.push(...it.ref.names);
        if (!it.ref.possessive && isNamedGroup(it.ref)) groups[i] = [...it.ref.names];
        if (isCollective(it.ref)) collectives[i] = it.ref.names[0]!;
        if (it.ref.kind === 'pronoun' && it.ref.gender !== null) pronouns.push(it.ref.gender);
      }
    }
  });
  return { sentences, lineNames, addressed, leaving, groups, collectives, genders };
}

// How far back (in lines) a kind of person named by role is still `the other`'s kind.
const KIND_LINES = 6;

/**
 * A listener to the speeches of a transcript, in order, that votes in `genders` for what they
 * tell of people's genders: titles (`Mister Kim`), a name answered by `he` or `she`, and who
 * answers a call of `Mother` or `ma'am`.
 */
export function speechGenders(
  people: PeopleIndex,
  speakerName: (label: string) => string,
  genders: GenderBook,
): (line: Extract<TranscriptLine, { kind: 'dialogue' }>) => void {
  let lastSpeech: string | null = null;
  // What the speeches since the last change of speaker called someone, to see who answers:
  // `Mister Crusher, take the helm.` is answered by WESLEY, not by CRUSHER; `Mother, please.`
  // by the speaker's mother, most often.
  let calls: { title?: string; word?: string; by: string }[] = [];
  return (l) => {
    const speaker = speakerName(l.speaker);
    calls = calls.filter((c) => {
      if (c.by === speaker) return true;
      if (c.title !== undefined) genders.titleAnswered(c.title, speaker);
      if (c.word !== undefined) genders.calledAnswered(c.by, c.word, speaker);
      return false;
    });
    for (const t of titledInSpeech(l.text, people)) {
      genders.voteTitle(t.name, t.gender);
      if (t.called) calls.push({ title: t.name, by: speaker });
    }
    for (const word of gendersCalled(l.text)) calls.push({ word, by: speaker });
    for (const t of pronounsAfterNames(l.text, people, speaker, lastSpeech))
      genders.vote(t.name, t.gender);
    lastSpeech = l.text;
  };
}

const LEAVES = new Set(['exits', 'exit', 'leaves', 'leave', 'departs', 'depart']);
const GOES = new Set(['walks', 'storms', 'goes', 'heads', 'runs', 'hurries', 'rushes', 'slips']);

/**
 * The people a sentence has leave: a name or names right before `exits`, `leaves`, `departs`
 * or `walks / storms / goes ... out` (`Martin exits as Frasier enters`: Martin only), and the
 * name that opens the sentence when its last verb is such a word after `and` or `then`
 * (`Daphne goes to hang it up and then exits`).
 */
function leavers(items: readonly Item[]): string[] {
  const out: string[] = [];
  items.forEach((it, k) => {
    if (it.kind !== 'ref' || it.ref.possessive || it.ref.names.length === 0) return;
    if (it.ref.kind !== 'name' && it.ref.kind !== 'group') return;
    const verb = items[k + 1];
    const next = items[k + 2];
    if (verb?.kind !== 'tok') return;
    const goesOut =
      GOES.has(verb.tok.lower) && next?.kind === 'tok' && ['out', 'off'].includes(next.tok.lower);
    if (LEAVES.has(verb.tok.lower) || goesOut) out.push(...it.ref.names);
    else if (k === 0 && leavesLast(items)) out.push(...it.ref.names);
  });
  return out;
}

/** Whether a sentence ends on a leave its opening doer shares: `... and (then) exits.` */
function leavesLast(items: readonly Item[]): boolean {
  const k = items.length - 1;
  return LEAVES.has(word(items[k])) && ['and', 'then'].includes(word(items[k - 1]));
}

/** `the mummies`, `two guards`: a crowd of one kind, named by role. */
function isCollective(r: Ref): boolean {
  return r.kind === 'name' && r.plural && r.role !== null && r.names.length === 1 && !r.possessive;
}
