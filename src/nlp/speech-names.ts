import type { PeopleIndex } from './people-index.js';
import type { Gender } from './words.js';

/** A character named in a speech, and whether the speech calls them (`Rose, come here`). */
interface SpeechName {
  readonly name: string;
  readonly vocative: boolean;
}

/**
 * The characters a line of dialogue names (`Rose, you are worth it` -> ROSE), found cheaply
 * without tagging: capitalised words, alone or in pairs, that resolve to a known character.
 */
export function namesInSpeech(text: string, people: PeopleIndex): string[] {
  return [...new Set(readNames(text, people).map((n) => n.name))];
}

/**
 * The characters a speech addresses by name, as a vocative set off by punctuation (`Anita?`,
 * `You're amazing, Doctor.`, `Jim, look`): unlike a name spoken of (`before Sisko sees it`,
 * `collect Oscar`), the person called is most likely there, the one a direction acts on.
 */
export function addresseesInSpeech(text: string, people: PeopleIndex): string[] {
  return [
    ...new Set(
      readNames(text, people)
        .filter((n) => n.vocative)
        .map((n) => n.name),
    ),
  ];
}

// Titles a speaker puts before a name that tell its gender (`Mister Kim`, `Miss Tyler`).
const SPOKEN_TITLE =
  /\b(Mr|Mister|Mrs|Missus|Ms|Miss|Sir|Lord|Lady|Madame|Madam)\.?\s+(\p{Lu}[\p{L}'’-]*)/gu;

/**
 * Characters a speech names with a title that tells a gender: how the others address a
 * person says what the first-name lists may not know, or get wrong (`Mister Kim`). `called`
 * when the speech calls them by it (`Mister Kim, report.`).
 */
export function titledInSpeech(
  text: string,
  people: PeopleIndex,
): { readonly name: string; readonly gender: Gender; readonly called: boolean }[] {
  const out: { name: string; gender: Gender; called: boolean }[] = [];
  for (const m of text.matchAll(SPOKEN_TITLE)) {
    const name = people.resolve(m[2]!.replace(/['’]s$/, ''));
    if (name === null) continue;
    const gender = /^(?:Mrs|Missus|Ms|Miss|Lady|Madame?)$/.test(m[1]!) ? 'f' : 'm';
    out.push({ name, gender, called: calledAt(text, m.index, m.index + m[0].length) });
  }
  return out;
}

// Words a speaker calls a listener by that tell the listener's gender: a parent and `ma'am`.
// Not `sir`, which crews say to women officers too, nor `son`, which the other parent as often
// answers, nor `miss`, which is as often a verb.
export const GENDERED_CALLS: ReadonlyMap<string, Gender> = new Map<string, Gender>([
  ...['mother', 'mom', 'mum', 'mommy', 'mummy', 'ma', "ma'am", 'madam', 'grandma'].map(
    (w) => [w, 'f'] as const,
  ),
  ...['father', 'dad', 'daddy', 'pa', 'grandpa'].map((w) => [w, 'm'] as const),
]);

const CALL_WORDS = new RegExp(
  `(?<![\\p{L}'’])(?:${[...GENDERED_CALLS.keys()].map((w) => w.replace("'", "['’]")).join('|')})(?![\\p{L}'’])`,
  'giu',
);

/** The words for a parent, or `ma'am`, a speech calls its listener by (`Mother, please.`). */
export function gendersCalled(text: string): string[] {
  const found = new Set<string>();
  // Only the words themselves: every speech of a series goes through here.
  for (const m of text.matchAll(CALL_WORDS)) {
    const word = m[0].toLowerCase().replace('’', "'");
    if (calledAt(text, m.index, m.index + m[0].length)) found.add(word);
  }
  return [...found];
}

// Words that may stand between the start of a call and the name: `Oh, Rose`, `Come on, Jim`,
// and `And` opening a sentence (`Michael! And Stephen!`).
const CALL_OPENERS =
  /(?:^|[,.!?;:]\s*|\b(?:oh|hey|come on|look|well|no|yes|please|thanks|thank you|sorry|hello|hi|goodbye|bye)\s*,?\s*|(?:^|[.!?]\s+)and\s+)$/i;

function readNames(text: string, people: PeopleIndex): SpeechName[] {
  const out: SpeechName[] = [];
  const words = [...text.matchAll(/\p{Lu}[\p{L}'’-]*/gu)];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]![0].replace(/['’]s$/, '');
    const next = words[i + 1];
    const adjacent =
      next !== undefined && /^\s+$/.test(text.slice(i0(words[i]!) + words[i]![0].length, i0(next)));
    const pair = adjacent ? people.resolve(`${w} ${next[0]}`) : null;
    const name = pair ?? people.resolve(w);
    const last = pair !== null ? next! : words[i]!;
    if (pair !== null) i++;
    if (name === null) continue;
    const start = i0(pair !== null ? words[i - 1]! : words[i]!);
    const end = i0(last) + last[0].length;
    out.push({ name, vocative: calledAt(text, start, end) && !/['’]s$/.test(last[0]) });
  }
  return out;
}

/**
 * Whether the words from `start` to `end` of a speech stand as a call: after the start of a
 * sentence or a call opener (`Oh, Rose`), before punctuation or the end (`Rose, look`).
 */
export function calledAt(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 20), start);
  return CALL_OPENERS.test(before) && /^\s*(?:[,.!?;:]|$|--|\u2014)/.test(text.slice(end));
}

function i0(m: RegExpMatchArray): number {
  return m.index ?? 0;
}

/**
 * People whom a speech names in one sentence and the next sentence goes on about as `he` or
 * `she` (`Where's Tavi? -- She went home.`): a name spoken of (not called, not the speaker's
 * own) that the next sentence opens with a pronoun for. `after` is the speech before this one,
 * whose last sentence the first sentence of this speech may answer.
 */
export function pronounsAfterNames(
  text: string,
  people: PeopleIndex,
  speaker: string | null,
  after: string | null = null,
): { readonly name: string; readonly gender: Gender }[] {
  const out: { name: string; gender: Gender }[] = [];
  const sentences = text.split(/(?<=[.!?])\s+/);
  let prev = after === null ? null : (after.split(/(?<=[.!?])\s+/).pop() ?? null);
  for (const s of sentences) {
    const m = /^(?:(?:oh|well|yes|no|yeah),?\s+)?(he|she)\b/i.exec(s);
    if (m !== null && prev !== null && !/\b(?:he|she|him|her|his|hers)\b/i.test(prev)) {
      const named = readNames(prev, people);
      const names = new Set(named.map((n) => n.name));
      const one = named[0];
      if (names.size === 1 && !one!.vocative && one!.name !== speaker)
        out.push({ name: one!.name, gender: m[1]!.toLowerCase() === 'he' ? 'm' : 'f' });
    }
    prev = s;
  }
  return out;
}
