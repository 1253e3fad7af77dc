import type { TranscriptLine } from '../domain/transcript.js';
import type { Item, PeopleIndex, Ref } from './people.js';
import { TITLE_GENDER, type Gender } from './words.js';

/** A sentence of a direction with its people found, ready for gender votes and resolution. */
export interface ReadSentence {
  readonly lineIndex: number;
  readonly items: readonly Item[];
}

/**
 * Genders learnt from the transcript itself: a sentence that names one person and uses only
 * `he/him/his` (or only `she/her`) votes for that person; a direction inside a speech that
 * opens with `she` votes for its speaker; compromise's first-name lists and titles give priors.
 */
export class GenderBook {
  private readonly votes = new Map<string, { m: number; f: number }>();

  constructor(private readonly people: PeopleIndex) {}

  vote(name: string, g: Gender, weight = 1): void {
    const v = this.votes.get(name) ?? { m: 0, f: 0 };
    v[g] += weight;
    this.votes.set(name, v);
  }

  /**
   * Count the votes of one sentence. A name and a pronoun in one sentence say little
   * (`Jack strokes her hair`), so only these vote: a sentence opening with `he`/`she` after
   * sentences that named one person, or inside that person's speech; `himself`/`herself` with
   * one name in the sentence; titles (`Mrs`), role nouns (`the woman`) and compromise's name lists.
   */
  learn(items: readonly Item[], speaker: string | null, before: readonly string[]): void {
    const names = new Set<string>();
    let reflexive: Gender | null = null;
    items.forEach((it) => {
      if (it.kind !== 'ref') return;
      if (it.ref.kind === 'name') {
        for (const n of it.ref.names) names.add(n);
        const title = TITLE_GENDER.get(it.toks[0]!.lower);
        if (title) this.vote(it.ref.names[0]!, title, 3);
        if (it.ref.gender) this.vote(it.ref.names[0]!, it.ref.gender, 3);
        const first = it.toks.find((t) => t.cap);
        if (first?.tags.has('FemaleName')) this.vote(it.ref.names[0]!, 'f', 2);
        if (first?.tags.has('MaleName')) this.vote(it.ref.names[0]!, 'm', 2);
      } else if (it.ref.kind === 'group') names.add('#group');
      else if (it.ref.kind === 'pronoun' && it.ref.gender && it.ref.pronoun!.endsWith('self')) {
        reflexive = it.ref.gender;
      }
    });
    if (reflexive !== null && names.size === 1 && !names.has('#group')) {
      this.vote([...names][0]!, reflexive);
    }
    const head = items[0];
    if (head?.kind !== 'ref' || head.ref.kind !== 'pronoun' || head.ref.gender === null) return;
    if (head.ref.pronoun !== 'he' && head.ref.pronoun !== 'she') return;
    const distinct = new Set(before);
    if (distinct.size === 1) this.vote([...distinct][0]!, head.ref.gender);
    else if (distinct.size === 0 && speaker !== null) this.vote(speaker, head.ref.gender, 2);
  }

  /** A person's gender when the votes agree clearly, else null. */
  genderOf(name: string): Gender | null {
    const given = this.people.givenGender(name);
    if (given) return given;
    const v = this.votes.get(name);
    if (v === undefined) return null;
    if (v.m >= 1 && v.m >= 2.5 * v.f) return 'm';
    if (v.f >= 1 && v.f >= 2.5 * v.m) return 'f';
    return null;
  }
}

/** What pronoun resolution knows about the direction being read. */
export interface ResolveContext {
  readonly lineIndex: number;
  /** The speaker whose speech holds the direction, resolved, or null. */
  readonly speaker: string | null;
  /** Names met earlier in this direction, most recent last. */
  readonly earlier: readonly string[];
  /** Names the pronoun cannot be (the subject, for `him`). */
  readonly exclude: readonly string[];
}

/**
 * Resolves pronouns from the surrounding lines: earlier names in the same direction first,
 * then the speaker (for a subject), names in the nearest speech, the recent speakers
 * (most recent first), the next speaker, and names in recent directions. A known gender
 * that does not match rules a candidate out.
 */
export class Discourse {
  constructor(
    private readonly lines: readonly TranscriptLine[],
    private readonly resolveSpeaker: (label: string) => string,
    private readonly namesInLine: (index: number) => readonly string[],
    private readonly genders: GenderBook,
  ) {}

  /** Candidates with scores, best first. */
  private candidates(ctx: ResolveContext, subjectRole: boolean): Map<string, number> {
    const score = new Map<string, number>();
    const add = (name: string, s: number): void => {
      if (ctx.exclude.includes(name)) return;
      score.set(name, Math.max(score.get(name) ?? -Infinity, s));
    };
    ctx.earlier.forEach((n, i) => add(n, 10 + i * 0.1));
    if (ctx.speaker !== null && subjectRole) add(ctx.speaker, 9);
    let speakers = 0;
    for (let i = ctx.lineIndex - 1, d = 0; i >= 0 && d < 12 && speakers < 4; i--, d++) {
      const l = this.lines[i]!;
      if (l.kind === 'scene') break;
      if (l.kind === 'dialogue') {
        const who = this.resolveSpeaker(l.speaker);
        // Names in the nearest speech are mostly addressees: likely objects, unlikely doers.
        if (d < 3) for (const n of this.namesInLine(i)) add(n, (subjectRole ? 4.5 : 7) - d * 0.5);
        if (!score.has(who)) speakers++;
        add(who, 6 - speakers * 0.6 - d * 0.05);
      } else {
        for (const n of this.namesInLine(i)) add(n, 5.5 - d * 0.3);
      }
    }
    for (let i = ctx.lineIndex + 1, d = 0; i < this.lines.length && d < 3; i++, d++) {
      const l = this.lines[i]!;
      if (l.kind === 'scene') break;
      if (l.kind === 'dialogue') {
        add(this.resolveSpeaker(l.speaker), 5.2 - d * 0.5);
        break;
      }
    }
    return score;
  }

  /** The person a singular pronoun (or a missing subject) stands for, or null. */
  resolveOne(
    gender: Gender | null,
    ctx: ResolveContext,
    subjectRole: boolean,
  ): { name: string; sure: boolean } | null {
    const ranked = [...this.candidates(ctx, subjectRole)]
      .map(([name, s]): [string, number] => {
        const g = this.genders.genderOf(name);
        if (gender !== null && g !== null && g !== gender) return [name, -Infinity];
        return [name, gender !== null && g === null ? s - 1.5 : s];
      })
      .filter(([, s]) => s > -Infinity)
      .sort((a, b) => b[1] - a[1]);
    const best = ranked[0];
    if (best === undefined) return null;
    const second = ranked[1];
    return { name: best[0], sure: second === undefined || best[1] - second[1] >= 1 };
  }

  /** The people `they` / `the two` stand for: a group named earlier, else the conversation. */
  resolveMany(ctx: ResolveContext, earlierGroups: readonly (readonly string[])[]): string[] {
    const lastGroup = earlierGroups[earlierGroups.length - 1];
    if (lastGroup !== undefined && lastGroup.length >= 2) return [...lastGroup];
    if (ctx.earlier.length >= 2) return [...new Set(ctx.earlier)].slice(-2);
    const ranked = [...this.candidates({ ...ctx, exclude: [] }, true)]
      .sort((a, b) => b[1] - a[1])
      .map(([n]) => n);
    const out: string[] = [];
    if (ctx.earlier.length === 1) out.push(ctx.earlier[0]!);
    for (const n of ranked) {
      if (out.length >= 2) break;
      if (!out.includes(n)) out.push(n);
    }
    return out.length >= 2 ? out : [];
  }
}

/** Names of a ref that needs no resolution (names and groups of names). */
export function plainNames(ref: Ref): string[] | null {
  if (ref.kind === 'name') return [...ref.names];
  if (ref.kind === 'group' && ref.members.every((m) => m.kind === 'name')) return [...ref.names];
  return null;
}
