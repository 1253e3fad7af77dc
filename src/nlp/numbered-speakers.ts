import type { Suggestion } from '../domain/moment.js';
import type { TranscriptLine } from '../domain/transcript.js';
import { PERSON_NOUNS } from './person-nouns.js';

const NUMBERED = /^(.*\S) ?(\d+)$/;
/** How far from a direction its scene's speakers tell which version is meant, in lines. */
const LOOK_BACK = 12;
const LOOK_AHEAD = 4;

/**
 * `HARRY` and `HARRY 2` (his Zygon copy), `DOCTOR` and `DOCTOR 1`: a label and one numbered
 * twin, two versions of one person. A direction names them alike (`Harry`), so the version it means is
 * the one speaking nearest it in its scene, before it or else just after.
 */
export function nearestVersions(
  suggestions: readonly Suggestion[],
  lines: readonly TranscriptLine[],
  speakerName: (label: string) => string,
): Suggestion[] {
  const speakers = lines.map((l) => (l.kind === 'dialogue' ? speakerName(l.speaker) : null));
  const versions = new Map<string, Set<string>>();
  for (const who of speakers) {
    const m = who === null ? null : NUMBERED.exec(who);
    if (m === null) continue;
    const all = versions.get(m[1]!) ?? new Set([m[1]!]);
    versions.set(m[1]!, all.add(who!));
  }
  // `GUARD 1`, `GUARD 2`, `DALEK 1` to `DALEK 4`: several of a kind, not versions of one.
  for (const [base, all] of versions)
    if (all.size !== 2 || PERSON_NOUNS.has(base.toLowerCase())) versions.delete(base);
  if (versions.size === 0) return [...suggestions];
  const index = new Map(lines.map((l, i) => [l.seq, i]));
  const nearest = (name: string, at: number): string => {
    const all = versions.get(name);
    if (all === undefined) return name;
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
    const initiator = s.initiator === null ? null : nearest(s.initiator, at);
    const recipients = [...new Set(s.recipients.map((n) => nearest(n, at)))].filter(
      (n) => n !== initiator,
    );
    if (recipients.length < (s.mutual ? 2 : 1)) return [];
    return [{ ...s, initiator, recipients }];
  });
}
