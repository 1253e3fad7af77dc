import type { Suggestion } from '../domain/moment.js';
import type { TranscriptLine } from '../domain/transcript.js';
import { PERSON_NOUNS } from './person-nouns.js';

const NUMBERED = /^(.*?\S) ?(\d+)$/;
// Words that make a label another version of the same person: `YOUNG DAVROS`, `HOLO-SESKA`.
const VERSION_WORDS = /^(?:YOUNG|YOUNGER|OLD|OLDER|TEEN|ADULT|FUTURE|HOLO)[ -](.+)$/;
/** How far from a direction its scene's speakers tell which version is meant, in lines. */
const LOOK_BACK = 12;
const LOOK_AHEAD = 4;
// A third version heard fewer times than this (the next Doctor's one line at the end) is no
// rival to the other two.
const MIN_SPEECHES = 2;
// Speeches that make a label named by a person noun (`DOCTOR`) a part, not a kind.
const LEADING_PART = 20;

/**
 * `HARRY` and `HARRY 2` (his Zygon copy), `DOCTOR` and `DOCTOR 1`, `DAVROS` and `YOUNG DAVROS`,
 * `SESKA` and `HOLO-SESKA`: a label and one other version of the same person. A direction
 * names them alike (`Harry`, `the boy Davros`), so the version it means is the one speaking
 * nearest it in its scene, before it or else just after. A numbered twin may stand for the
 * plain label and the other way round; a version word is written out when it is meant, so
 * only the plain label is read as the version (`Holo-Chakotay kisses Seska`).
 */
export function nearestVersions(
  suggestions: readonly Suggestion[],
  lines: readonly TranscriptLine[],
  speakerName: (label: string) => string,
): Suggestion[] {
  const speakers = lines.map((l) => (l.kind === 'dialogue' ? speakerName(l.speaker) : null));
  const heard = new Map<string, number>();
  for (const who of speakers) if (who !== null) heard.set(who, (heard.get(who) ?? 0) + 1);
  const versions = new Map<string, Set<string>>();
  for (const who of heard.keys()) {
    const base = NUMBERED.exec(who)?.[1] ?? VERSION_WORDS.exec(who)?.[1];
    if (base === undefined) continue;
    // A version word needs the plain label to speak too: `OLD WOMAN` alone is no version.
    if (!NUMBERED.test(who) && !heard.has(base)) continue;
    const all = versions.get(base) ?? new Set([base]);
    versions.set(base, all.add(who));
  }
  // `GUARD 1`, `GUARD 2`, `DALEK 1` to `DALEK 4`: several of a kind, not versions of one;
  // unless the kind is a leading part (`DOCTOR`, who speaks all through the episode).
  const kind = (base: string): boolean =>
    PERSON_NOUNS.has(base.toLowerCase()) && (heard.get(base) ?? 0) < LEADING_PART;
  for (const [base, all] of versions) {
    if (all.size > 2)
      for (const v of all) if (v !== base && heard.get(v)! < MIN_SPEECHES) all.delete(v);
    if (all.size !== 2 || kind(base)) versions.delete(base);
  }
  if (versions.size === 0) return [...suggestions];
  const baseOf = new Map<string, string>();
  for (const [base, all] of versions)
    for (const v of all) if (v === base || NUMBERED.test(v)) baseOf.set(v, base);
  const index = new Map(lines.map((l, i) => [l.seq, i]));
  const nearest = (name: string, at: number, s: Suggestion): string => {
    const base = baseOf.get(name);
    const all = base === undefined ? undefined : versions.get(base);
    if (all === undefined) return name;
    // `Chakotay punches Holo-Chakotay`, `Rory hugs young Amy. Older Amy looks away`, `Riker 2
    // ... Riker 1 grabs his arms`: a version is written out, so each name is meant as written.
    const people = [s.initiator, ...s.recipients];
    const others = [...all].filter((v) => v !== base);
    if (others.some((v) => writes(s.text, v) || (VERSION_WORDS.test(v) && people.includes(v))))
      return name;
    const pick = (i: number): string | null => {
      const who = speakers[i];
      return who !== null && who !== undefined && all.has(who) ? who : null;
    };
    for (let i = at - 1; i >= 0 && i >= at - LOOK_BACK && lines[i]!.kind !== 'scene'; i--) {
      const who = pick(i);
      if (who !== null) return who;
    }
    for (let i = at + 1; i < lines.length && i <= at + LOOK_AHEAD; i++) {
      if (lines[i]!.kind === 'scene') break;
      const who = pick(i);
      if (who !== null) return who;
    }
    return name;
  };
  return suggestions.flatMap((s) => {
    const at = index.get(s.seq);
    if (at === undefined) return [s];
    const initiator = s.initiator === null ? null : nearest(s.initiator, at, s);
    const recipients = [...new Set(s.recipients.map((n) => nearest(n, at, s)))].filter(
      (n) => n !== initiator,
    );
    if (recipients.length < (s.mutual ? 2 : 1)) return [];
    return [{ ...s, initiator, recipients }];
  });
}

/** Whether a direction's text writes a label out (`Holo-Seska`, `older Amy`). */
function writes(text: string, label: string): boolean {
  const words = label.toLowerCase().split(/[ -]+/);
  return new RegExp(`\\b${words.join('[ -]')}\\b`).test(text.toLowerCase());
}
