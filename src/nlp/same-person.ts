// Two ways a transcript names one person: a role who then speaks under a name, and a first
// name for someone named in full. Both are settled after the directions are read, by renaming.
import type { Suggestion } from '../domain/moment.js';
import type { TranscriptLine } from '../domain/transcript.js';
import type { GenderBook } from './gender-book.js';
import type { Item } from './refs.js';

/** A person a direction brings in by role who then speaks under a name, for a stretch of lines. */
export interface RoleSpeaker {
  readonly role: string;
  readonly speaker: string;
  /** Line seqs, inclusive, where the role stands for the speaker: to the end of the scene. */
  readonly from: number;
  readonly to: number;
}

const INDEFINITE = new Set(['a', 'an']);

/** How soon after the role is brought in the speaker's first speech must come, in transcript lines. */
const FIRST_WORDS_WITHIN = 6;

/**
 * `(A woman bumps into him.)` then `VASH: ...`, the first speech of a speaker not heard
 * before: a reader takes the woman for Vash, for the rest of the scene. Only an indefinite
 * singular role (`a woman`, `an old man`) that no speaker is called, a speaker whose first
 * speech in the transcript comes within a few lines in the same scene, and no gender against it.
 */
export function rolesWhoSpeak(
  lines: readonly TranscriptLine[],
  sentences: ReadonlyMap<number, readonly (readonly Item[])[]>,
  speakerName: (label: string) => string,
  genders: GenderBook,
): RoleSpeaker[] {
  const spoken = new Set<string>();
  const firstSpeech = new Map<string, number>();
  lines.forEach((l, i) => {
    if (l.kind !== 'dialogue') return;
    const who = speakerName(l.speaker);
    if (!firstSpeech.has(who)) firstSpeech.set(who, i);
    spoken.add(who);
  });
  const out: RoleSpeaker[] = [];
  for (const [i, items] of sentences) {
    const roles = items
      .flat()
      .filter(
        (it): it is Extract<Item, { kind: 'ref' }> =>
          it.kind === 'ref' &&
          it.ref.kind === 'name' &&
          it.ref.role !== null &&
          // `a woman`, not `his mother`: someone the direction brings in; and a person noun,
          // not a kind of being (`a Kazon` is one of many).
          INDEFINITE.has(it.toks[0]!.lower) &&
          !it.toks[it.toks.length - 1]!.cap &&
          !it.ref.plural &&
          !spoken.has(it.ref.names[0]!),
      )
      .map((it) => it.ref);
    if (roles.length !== 1) continue;
    const role = roles[0]!;
    let end = i + 1;
    while (end < lines.length && lines[end]!.kind !== 'scene') end++;
    let speaker: string | null = null;
    for (let k = i + 1; k < Math.min(end, i + 1 + FIRST_WORDS_WITHIN); k++) {
      const l = lines[k]!;
      if (l.kind !== 'dialogue') continue;
      const who = speakerName(l.speaker);
      if (firstSpeech.get(who) === k) speaker = who;
      if (speaker !== null) break;
    }
    if (speaker === null) continue;
    const g = genders.genderOf(speaker);
    if (role.gender !== null && g !== null && g !== role.gender) continue;
    out.push({ role: role.names[0]!, speaker, from: lines[i]!.seq, to: lines[end - 1]!.seq });
  }
  return out;
}

/**
 * `the real Bobby Sherman ... Bobby takes his hand`: a first name alone stands for the one
 * person of the transcript named in full with it, when that person is no character.
 * Returns full names by first name, for names that no character has.
 */
export function fullNames(
  sentences: ReadonlyMap<number, readonly (readonly Item[])[]>,
  isCharacter: (name: string) => boolean,
): Map<string, string> {
  const byFirst = new Map<string, Set<string>>();
  for (const items of sentences.values()) {
    for (const it of items.flat()) {
      if (it.kind !== 'ref' || it.ref.kind !== 'name' || it.ref.role !== null) continue;
      const name = it.ref.names[0]!;
      const words = name.split(' ');
      if (words.length < 2 || isCharacter(name)) continue;
      const set = byFirst.get(words[0]!) ?? new Set<string>();
      set.add(name);
      byFirst.set(words[0]!, set);
    }
  }
  const out = new Map<string, string>();
  for (const [first, names] of byFirst) {
    if (names.size === 1 && !isCharacter(first)) out.set(first, [...names][0]!);
  }
  return out;
}

/**
 * Suggestions with each person named one way: a role by the speaker it turned out to be (in
 * its stretch of lines), a first name by the full name. A suggestion left with no one to act
 * on (the two names were one person) is dropped.
 */
export function renamePeople(
  suggestions: readonly Suggestion[],
  roles: readonly RoleSpeaker[],
  full: ReadonlyMap<string, string>,
): Suggestion[] {
  if (roles.length === 0 && full.size === 0) return [...suggestions];
  return suggestions.flatMap((s) => {
    const rename = (n: string): string =>
      roles.find((r) => r.role === n && s.seq >= r.from && s.seq <= r.to)?.speaker ??
      full.get(n) ??
      n;
    const initiator = s.initiator === null ? null : rename(s.initiator);
    const recipients = [...new Set(s.recipients.map(rename))].filter((n) => n !== initiator);
    if (recipients.length < (s.mutual ? 2 : 1)) return [];
    return [{ ...s, initiator, recipients }];
  });
}
