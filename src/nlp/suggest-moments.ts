import { CodebookIndex, type Codebook } from '../domain/codebook.js';
import type { Suggestion } from '../domain/moment.js';
import type { TranscriptLine } from '../domain/transcript.js';
import { Discourse } from './discourse.js';
import { nearestVersions } from './speaker-versions.js';
import { readDirection, type Direction } from './read-direction.js';
import { PeopleIndex, type CharacterInput } from './people-index.js';
import { GenderBook } from './gender-book.js';
import { KinBook } from './kin-book.js';
import { readLines, speechGenders } from './read-lines.js';
import type { Gender } from './words.js';
import { fullNames, renamePeople, rolesWhoSpeak } from './same-person.js';
import { callEvidence, gatherCalls, learnCalledNames, linkCalledNames } from './called-names.js';

export interface SuggestInput {
  /** The episode id the suggestions belong to. */
  readonly episode: string;
  /** The transcript file, as it should appear in provenance. */
  readonly file: string;
  readonly lines: readonly TranscriptLine[];
  /** The canon's characters; speakers of the transcript not among them are added as they are written. */
  readonly characters: readonly CharacterInput[];
  readonly codebook: Codebook;
  /**
   * Names the series' speeches call its speakers by (`Trip` -> TUCKER), from
   * `seriesCalledNames`; without them, the names are learnt from this transcript alone.
   */
  readonly calledNames?: ReadonlyMap<string, string>;
  /**
   * Genders the series' speeches tell (`Mister Kim`), from `seriesGenders`: for the people
   * this transcript alone leaves undecided.
   */
  readonly genders?: ReadonlyMap<string, Gender>;
  /**
   * Animals the series names like people (`Eddie barks`), in capitals, from `seriesAnimals`:
   * acts on them are no moments between people. Without them, learnt from this transcript.
   */
  readonly animals?: ReadonlySet<string>;
}

/**
 * Read every stage direction of a transcript and suggest the acts it says happen: who does
 * what (a codebook term of tier `action`, or `gaze`) to whom. Pure: lines in, suggestions out,
 * in line order. Acts not in the codebook are not suggested.
 */
export function suggestMoments(input: SuggestInput): Suggestion[] {
  const characters = withSpeakers(input.characters, input.lines);
  const first = new PeopleIndex(characters);
  const firstName = (label: string): string => first.resolve(label) ?? label.toUpperCase();
  // Names the speeches call a speaker by (`Trip, ...` -> TUCKER): the series' when given, else
  // this transcript's.
  const called = input.calledNames ?? learnCalledNames(input.lines, first, firstName);
  const people = withCalledNames(characters, first, called);
  const speakerName = (label: string): string => people.resolve(label) ?? label.toUpperCase();
  const codebook = new CodebookIndex(input.codebook);

  const read = readLines(input.lines, people, speakerName, input.genders);
  const { sentences, genders } = read;
  const discourse = new Discourse(input.lines, speakerName, genders, read);

  const out: Suggestion[] = [];
  const kin = new KinBook(genders.callAnswers(), (n) => genders.genderOf(n));
  const scope = { discourse, groups: [], kin };
  let directionBefore: Direction['directionBefore'] = null;
  input.lines.forEach((l, i) => {
    if (l.kind !== 'action') return;
    const setting = { episode: input.episode, file: input.file, line: l, codebook, scope };
    const speaker = l.speaker === null ? null : speakerName(l.speaker);
    const direction = { index: i, sentences: sentences.get(i) ?? [], speaker, setting };
    out.push(...readDirection({ ...direction, told: out, directionBefore }));
    directionBefore = { index: i, seq: l.seq };
  });
  const roles = rolesWhoSpeak(input.lines, sentences, speakerName, genders);
  const renamed = renamePeople(
    out,
    roles,
    fullNames(sentences, (n) => people.resolve(n) !== null),
  );
  const animals = input.animals ?? seriesAnimals([input.lines]);
  const person = (n: string | null): boolean => n === null || !animals.has(n.toUpperCase());
  return nearestVersions(renamed, input.lines, speakerName).filter(
    (s) => person(s.initiator) && s.recipients.every(person),
  );
}

/** Every speaker label of the transcript, as written. */
function speakerLabels(lines: readonly TranscriptLine[]): string[] {
  const out = new Set<string>();
  for (const l of lines) if (l.kind === 'dialogue') out.add(l.speaker);
  return [...out];
}

/**
 * The people of a transcript (`first`, of `characters`) who also answer to the names the
 * speeches call them by, except a name a character of the transcript already has.
 */
function withCalledNames(
  characters: readonly CharacterInput[],
  first: PeopleIndex,
  called: ReadonlyMap<string, string>,
): PeopleIndex {
  const usable = new Map([...called].filter(([name]) => first.resolve(name) === null));
  return usable.size === 0 ? first : new PeopleIndex(withAliases(characters, usable));
}

/** The characters with names learnt for them added as aliases (name -> character). */
function withAliases(
  characters: readonly CharacterInput[],
  learnt: ReadonlyMap<string, string>,
): CharacterInput[] {
  // By name in capitals: the series learns names of speakers as `MARTIN` for a label `Martin`.
  const extra = new Map<string, { who: string; names: string[] }>();
  for (const [name, who] of learnt) {
    const key = who.toUpperCase();
    const e = extra.get(key) ?? { who, names: [] };
    extra.set(key, { ...e, names: [...e.names, name] });
  }
  const out = characters.map((c) => {
    const more = extra.get(c.name.toUpperCase());
    if (more === undefined) return c;
    extra.delete(c.name.toUpperCase());
    return { ...c, aliases: [...c.aliases, ...more.names] };
  });
  // A speaker known only by an alias of a character: the learnt names go to that character.
  for (const { who, names } of extra.values()) out.push({ name: who, aliases: names });
  return out;
}

/** The canon's characters and the transcript's speakers not among them, as written. */
function withSpeakers(
  characters: readonly CharacterInput[],
  lines: readonly TranscriptLine[],
): CharacterInput[] {
  const known = new Set(characters.flatMap((c) => [c.name, ...c.aliases]));
  return [
    ...characters,
    ...speakerLabels(lines)
      .filter((l) => !known.has(l))
      .map((l) => ({ name: l.toUpperCase(), aliases: [l] })),
  ];
}

/**
 * Names the speeches of a series' transcripts call its speakers by that no character has
 * (`Trip, get down here.` answered by TUCKER), learnt from all of them at once: a name one
 * episode calls too rarely to tell is linked by the others. For `SuggestInput.calledNames`.
 */
export function seriesCalledNames(
  transcripts: readonly (readonly TranscriptLine[])[],
  characters: readonly CharacterInput[],
): Map<string, string> {
  const evidence = callEvidence();
  for (const lines of transcripts) {
    const people = new PeopleIndex(withSpeakers(characters, lines));
    gatherCalls(evidence, lines, people, (l) => people.resolve(l) ?? l.toUpperCase());
  }
  return linkCalledNames(evidence);
}

/** What a series' transcripts teach the suggester before it reads one of them (SuggestInput). */
export interface SeriesLearnt {
  readonly calledNames: ReadonlyMap<string, string>;
  readonly genders: ReadonlyMap<string, Gender>;
  readonly animals: ReadonlySet<string>;
}

/** Called names, genders and animals, learnt from all of a series' transcripts at once. */
export function learnSeries(
  transcripts: readonly (readonly TranscriptLine[])[],
  characters: readonly CharacterInput[],
): SeriesLearnt {
  const calledNames = seriesCalledNames(transcripts, characters);
  return {
    calledNames,
    genders: seriesGenders(transcripts, characters, calledNames),
    animals: seriesAnimals(transcripts),
  };
}

// A name, then a sound or a gesture only an animal makes: `Eddie barks`, `Porthos whimpers`.
const ANIMAL_DOING =
  /\b([A-Z][a-z]+) (?:barks|growls|whimpers|wags|yelps|howls|meows|miaows|purrs)\b/g;
// Capitalised words before such a verb that name no one: `He barks`, `Something growls`.
const NO_NAME = new Set(['HE', 'SHE', 'IT', 'THEY', 'SOMETHING', 'SOMEONE', 'THE', 'A', 'AN']);
/** How often a name must do what animals do to be one. */
const ANIMAL_EVIDENCE = 2;

/**
 * Names the directions of a series show barking, growling or wagging at least twice, and more
 * often than they speak (`Eddie barks`, whose few speeches are a dream's; not Frasier's
 * `Bulldog barks`): pets, whose stroking or hugging is no moment between people. In capitals.
 * For `SuggestInput.animals`.
 */
export function seriesAnimals(transcripts: readonly (readonly TranscriptLine[])[]): Set<string> {
  const speeches = new Map<string, number>();
  const seen = new Map<string, number>();
  for (const lines of transcripts) {
    for (const l of lines) {
      if (l.kind === 'dialogue') {
        const who = l.speaker.toUpperCase();
        speeches.set(who, (speeches.get(who) ?? 0) + 1);
      }
      if (l.kind !== 'action') continue;
      for (const m of l.text.matchAll(ANIMAL_DOING)) {
        const name = m[1]!.toUpperCase();
        if (!NO_NAME.has(name)) seen.set(name, (seen.get(name) ?? 0) + 1);
      }
    }
  }
  return new Set(
    [...seen]
      .filter(([n, c]) => c >= ANIMAL_EVIDENCE && c > (speeches.get(n) ?? 0))
      .map(([n]) => n),
  );
}

/**
 * The genders the speeches of a series' transcripts tell, all of them at once (`Mister Kim`
 * in one episode, `Where's Trip? -- He's below.` in another): a main character one episode
 * never gives away is known from the others. For `SuggestInput.genders`.
 */
export function seriesGenders(
  transcripts: readonly (readonly TranscriptLine[])[],
  characters: readonly CharacterInput[],
  calledNames: ReadonlyMap<string, string> = new Map(),
): Map<string, Gender> {
  const book = new GenderBook(new PeopleIndex(characters));
  for (const lines of transcripts) {
    const all = withSpeakers(characters, lines);
    const people = withCalledNames(all, new PeopleIndex(all), calledNames);
    const hear = speechGenders(people, (l) => people.resolve(l) ?? l.toUpperCase(), book);
    for (const l of lines) if (l.kind === 'dialogue') hear(l);
  }
  const out = new Map<string, Gender>();
  for (const name of book.voted()) {
    const g = book.genderOf(name);
    // In capitals: a transcript may write a speaker `Frasier` where the canon says FRASIER.
    if (g !== null) out.set(name.toUpperCase(), g);
  }
  return out;
}
