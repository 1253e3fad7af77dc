import type { TranscriptLine } from '../domain/transcript.js';
import type { PeopleIndex } from './people-index.js';
import { calledAt } from './speech-names.js';
import { NOT_NAMES, PRONOUNS, TITLES } from './words.js';

/** How much evidence links a name to a speaker. */
export interface CalledNameRules {
  /** Calls answered by the same speaker at least this often. */
  readonly minAnswers: number;
  /** And that speaker gave at least this share of all answers to the name. */
  readonly minShare: number;
}

export const CALLED_NAME_RULES: CalledNameRules = { minAnswers: 3, minShare: 0.75 };

// Words a speech opens with, set off like a call, that are no one's name (`Well, ...`).
const NOT_CALLED = new Set([
  'yes',
  'yeah',
  'yep',
  'no',
  'nope',
  'well',
  'look',
  'listen',
  'please',
  'thanks',
  'sorry',
  'hello',
  'hi',
  'hey',
  'goodbye',
  'bye',
  'right',
  'alright',
  'fine',
  'good',
  'great',
  'wait',
  'so',
  'now',
  'sure',
  'what',
  'why',
  'how',
  'who',
  'where',
  'here',
  'come',
  'go',
  'stop',
  'quick',
  'quickly',
  'careful',
  'excuse',
  'gentlemen',
  'ladies',
  'everyone',
  'everybody',
]);

/** What the speeches of one or more transcripts tell of the names they call people by. */
export interface CallEvidence {
  /** By name (lower case): how often each speaker answered a call. */
  readonly answers: Map<string, Map<string, number>>;
  /** By name: how often each speaker calls someone by it. */
  readonly callers: Map<string, Map<string, number>>;
  /** By name: the name as first written. */
  readonly written: Map<string, string>;
  readonly usage: WordUsage;
}

/** An empty store of evidence, to gather transcripts into with `gatherCalls`. */
export function callEvidence(): CallEvidence {
  return {
    answers: new Map(),
    callers: new Map(),
    written: new Map(),
    usage: { lower: new Map(), capitalMid: new Map(), afterArticle: new Map() },
  };
}

/**
 * Add what a transcript says to `into`: each name a speech calls someone by that no
 * character has (`Trip, get down here.`, `Thank you, Beverly.`), and who speaks next, when
 * a different speaker: the one called, most likely.
 */
export function gatherCalls(
  into: CallEvidence,
  lines: readonly TranscriptLine[],
  people: PeopleIndex,
  speakerName: (label: string) => string,
): CallEvidence {
  const { answers, callers, written } = into;
  lines.forEach((l, i) => {
    if (l.kind !== 'dialogue') return;
    const called = calledNames(l.text, people);
    if (called.length === 0) return;
    const caller = speakerName(l.speaker);
    for (const name of called) {
      const key = name.toLowerCase();
      countAnswer(callers, key, caller);
      if (!written.has(key)) written.set(key, name);
    }
    const answer = nextSpeech(lines, i);
    if (answer === null) return;
    const who = speakerName(answer.speaker);
    if (who === caller) return;
    for (const name of called) countAnswer(answers, name.toLowerCase(), who);
  });
  countWords(into.usage, lines);
  return into;
}

/**
 * The names called in the evidence linked to the speaker who answers them, on strong
 * evidence only (see CALLED_NAME_RULES): answered by one speaker often, and by hardly anyone
 * else; never a name that speaker often calls someone by too (no one calls themselves:
 * `Eddie` is the dog); and a word the transcripts also write in lower case (`well`, `trip`) or after an
 * article (`the Governor`) only when it is a name far more often. Returns name -> speaker.
 */
export function linkCalledNames(
  evidence: CallEvidence,
  rules: CalledNameRules = CALLED_NAME_RULES,
): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, votes] of evidence.answers) {
    const best = mainAnswer(votes, rules.minAnswers, rules.minShare);
    if (best === null) continue;
    if ((evidence.callers.get(key)?.get(best.who) ?? 0) * 4 > best.n) continue;
    if (!key.split(' ').every((w) => looksLikeAName(w, evidence.usage))) continue;
    out.set(evidence.written.get(key)!, best.who);
  }
  return out;
}

/** Count one more answer by `who` to the call `key` (a name, or a caller and a word). */
export function countAnswer(
  into: Map<string, Map<string, number>>,
  key: string,
  who: string,
): void {
  const by = into.get(key) ?? new Map<string, number>();
  into.set(key, by.set(who, (by.get(who) ?? 0) + 1));
}

/**
 * The speaker who answered a call most often, when at least `min` times and at least `share`
 * of all its answers; else null.
 */
export function mainAnswer(
  answers: ReadonlyMap<string, number>,
  min: number,
  share: number,
): { who: string; n: number } | null {
  let total = 0;
  let best: { who: string; n: number } | null = null;
  for (const [who, n] of answers) {
    total += n;
    if (best === null || n > best.n) best = { who, n };
  }
  return best !== null && best.n >= min && best.n >= share * total ? best : null;
}

/**
 * Names the speeches of one transcript call a speaker by that no character has (`Trip, ...`
 * -> TUCKER), as `linkCalledNames` links them. Returns the name as called -> the speaker.
 */
export function learnCalledNames(
  lines: readonly TranscriptLine[],
  people: PeopleIndex,
  speakerName: (label: string) => string,
  rules: CalledNameRules = CALLED_NAME_RULES,
): Map<string, string> {
  return linkCalledNames(gatherCalls(callEvidence(), lines, people, speakerName), rules);
}

/** Capitalised words (one, or two in a row) a speech calls someone by that name no one known. */
export function calledNames(text: string, people: PeopleIndex): string[] {
  const out: string[] = [];
  const words = [...text.matchAll(/\p{Lu}[\p{L}'’-]*/gu)];
  for (let i = 0; i < words.length; i++) {
    const first = words[i]!;
    const next = words[i + 1];
    const start = first.index;
    const pair = next !== undefined && /^ $/.test(text.slice(start + first[0].length, next.index));
    const last = pair ? next : first;
    if (pair) i++;
    const end = last.index + last[0].length;
    if (/['’]s$/.test(last[0]) || !calledAt(text, start, end)) continue;
    let parts = (pair ? [first[0], next[0]] : [first[0]]).map((w) => w.replace(/[-'’]+$/, ''));
    // `Mister Trip`: the name after a title.
    if (parts.length > 1 && TITLES.has(parts[0]!.toLowerCase())) parts = parts.slice(1);
    const name = parts.join(' ');
    if (name.length < 2 || parts.some((w) => !nameLike(w))) continue;
    if (people.resolve(name) !== null || parts.some((w) => people.resolve(w) !== null)) continue;
    out.push(name);
  }
  return [...new Set(out)];
}

function nameLike(word: string): boolean {
  const w = word.toLowerCase();
  if (NOT_NAMES.has(w) || TITLES.has(w) || NOT_CALLED.has(w) || PRONOUNS.has(w)) return false;
  // `OK`, `NO`: shouted words, not names.
  return !(word.length > 1 && word === word.toUpperCase());
}

/** The next speech after line `i` within its scene, directions between allowed. */
function nextSpeech(
  lines: readonly TranscriptLine[],
  i: number,
): Extract<TranscriptLine, { kind: 'dialogue' }> | null {
  for (let j = i + 1; j < lines.length; j++) {
    const l = lines[j]!;
    if (l.kind === 'scene') return null;
    if (l.kind === 'dialogue') return l;
  }
  return null;
}

export interface WordUsage {
  /** Times a word is written in lower case. */
  readonly lower: Map<string, number>;
  /** Times it is capitalised where a sentence does not start. */
  readonly capitalMid: Map<string, number>;
  /** Words capitalised after an article (`the Governor`, `an Ensign`): roles, not names. */
  readonly afterArticle: Map<string, number>;
}

function countWords(usage: WordUsage, lines: readonly TranscriptLine[]): void {
  const add = (m: Map<string, number>, k: string): void => {
    m.set(k, (m.get(k) ?? 0) + 1);
  };
  for (const l of lines) {
    if (l.kind === 'scene') continue;
    let prev = '';
    for (const m of l.text.matchAll(/\p{L}[\p{L}'’-]*/gu)) {
      const w = m[0];
      const k = w.toLowerCase();
      if (w !== k && (prev === 'the' || prev === 'a' || prev === 'an')) add(usage.afterArticle, k);
      prev = k;
      if (w === k) add(usage.lower, k);
      else if (!/(?:^|[.!?:;]["'’”)]*)\s*$/.test(l.text.slice(Math.max(0, m.index - 4), m.index)))
        add(usage.capitalMid, k);
    }
  }
}

/** A word the transcript writes as a name: capitalised mid-sentence far more than in lower case. */
function looksLikeAName(word: string, usage: WordUsage): boolean {
  const mid = usage.capitalMid.get(word) ?? 0;
  const other = (usage.lower.get(word) ?? 0) + (usage.afterArticle.get(word) ?? 0);
  return mid > 0 && other * 3 <= mid;
}
