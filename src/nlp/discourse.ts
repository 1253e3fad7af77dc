import type { TranscriptLine } from '../domain/transcript.js';
import type { GenderBook } from './gender-book.js';
import { isNoOnePresent, isPluralRole } from './person-nouns.js';
import type { Gender } from './words.js';

/**
 * What an unknown gender costs a candidate for a gendered pronoun. Less for `he`: the
 * transcripts call an extra whose gender nobody states (a guard, a Cardassian) `he` far more
 * often than `she`, so a known man must not win over such an extra by that alone.
 */
function unknownCost(gender: Gender): number {
  return gender === 'm' ? 0.5 : 1;
}

/** What pronoun resolution knows about the direction being read. */
export interface ResolveContext {
  readonly lineIndex: number;
  /** The speaker whose speech holds the direction, resolved, or null. */
  readonly speaker: string | null;
  /** Names met earlier in this direction, in the order first met. */
  readonly earlier: readonly string[];
  /**
   * The same names, the one met most recently last: an object pronoun most likely stands for
   * the person just mentioned (`Goss moves in and Tucker jumps him`), whoever came first.
   */
  readonly lastMet?: readonly string[];
  /** Those of them met only as owners of something (`Tieran's hand`). */
  readonly owners?: ReadonlySet<string>;
  /** Names the pronoun cannot be (the subject, for `him`). */
  readonly exclude: readonly string[];
  /** Subjects of earlier clauses of this direction: the likeliest antecedents (the topic). */
  readonly subjects: readonly string[];
  /**
   * Genders pronouns of this direction have shown (`The Doctor takes her in his arms`: the
   * Doctor is `his`); filled in as pronouns are resolved.
   */
  readonly seen: Map<string, Gender>;
  /**
   * People the sentence names only after the pronoun (`He reaches for it, but Frasier slaps
   * his hand`): `he`/`she` does not point forward to them, so they are no candidates. An
   * object pronoun may (`Owen kisses her, then Mara pushes him away`), except to those who
   * join in after it (`laterJoining`: `gives him a hug, then Kit joins the embrace`).
   */
  readonly later?: readonly string[];
  readonly laterJoining?: readonly string[];
  /** People the direction says come in later (`They kiss before Frasier enters`): not `they`. */
  readonly arriving?: readonly string[];
  /**
   * The people the clause before acted on, when this clause goes on with its subject (`jumps
   * the guard and knocks him out`): an object pronoun most likely stands for them again.
   */
  readonly parallel?: readonly string[];
}

/**
 * A context for a reading that may be set aside: the genders it sees go to a copy, which
 * `keep` hands on to `ctx` once the reading is kept (a rejected `she` must stay on no one).
 */
export function tentative(ctx: ResolveContext): { ctx: ResolveContext; keep: () => void } {
  const trial = { ...ctx, seen: new Map(ctx.seen) };
  return {
    ctx: trial,
    keep: () => {
      for (const [name, g] of trial.seen) ctx.seen.set(name, g);
    },
  };
}

/** What a first pass found in the lines (read-lines.ts), by line index. */
export interface LineMentions {
  /** The names each line mentions. */
  readonly lineNames: readonly (readonly string[])[];
  /** The names a speech calls its listener by (`Rose, come here`); if not given, all it names. */
  readonly addressed?: readonly (readonly string[])[];
  /** The people a direction says leave (`Niles exits.`). */
  readonly leaving?: readonly (readonly string[])[];
  /** The last group a direction names (`Niles and Daphne`). */
  readonly groups?: readonly (readonly string[])[];
  /** The last collective a direction names (`the mummies`). */
  readonly collectives?: readonly (string | null)[];
}

// How far back (in lines) a group named in a direction is still who `them` may be.
const GROUP_LINES = 4;

// A greeting of someone met (`Good to meet you.`, `How do you do?`), near a speech's start.
const GREETING =
  /\b(?:(?:nice|good|great|glad|pleased|delighted|lovely) to (?:meet|see) you|how do you do|(?:a|my) pleasure)\b/i;
const GREETING_WITHIN = 80;
/** A greeting, or a speech that opens with a hello: what a hand taken is shaken in. */
export const HELLO = new RegExp(
  `^\\W*(?:hi|hello|hey|greetings|good (?:morning|afternoon|evening))\\b|${GREETING.source}`,
  'i',
);

// A speaker giving a name: `I'm Kenneth Spencer`, `My name is Bond`.
const SELF_NAMING = /\b(?:I'm|I am|my name is|the name's) (?:Dr\.? |Mr\.? |Mrs\.? |Ms\.? )?[A-Z]/;

// Words of a speech that brings two people together: `I'd like you to meet`, `this is`.
const INTRODUCING = /\b(?:meet|introduce|this is)\b/i;

/**
 * Resolves pronouns from the surrounding lines: earlier names in the same direction first,
 * then the speaker (for a subject), names in the nearest speech (the names it calls out above
 * those it only speaks of), the recent speakers
 * (most recent first), the next speaker, and names in recent directions. A known gender
 * that does not match rules a candidate out.
 */
export class Discourse {
  constructor(
    private readonly lines: readonly TranscriptLine[],
    private readonly resolveSpeaker: (label: string) => string,
    private readonly genders: GenderBook,
    private readonly mentions: LineMentions,
  ) {}

  /** The names line `i` writes (a direction's people, a speech's addressees and others). */
  namesInLine(i: number): readonly string[] {
    return this.mentions.lineNames[i] ?? [];
  }

  private addressedInLine(i: number): readonly string[] {
    return this.mentions.addressed === undefined
      ? this.namesInLine(i)
      : (this.mentions.addressed[i] ?? []);
  }

  private leavingInLine(i: number): readonly string[] {
    return this.mentions.leaving?.[i] ?? [];
  }

  private groupInLine(i: number): readonly string[] {
    return this.mentions.groups?.[i] ?? [];
  }

  /**
   * The group a direction of the last few lines of the scene named (`Niles and Daphne are in
   * the hall.` ... `Frasier pushes them back`), or null.
   */
  recentGroup(ctx: ResolveContext): readonly string[] | null {
    for (let i = ctx.lineIndex - 1, d = 0; i >= 0 && d < GROUP_LINES; i--, d++) {
      if (this.lines[i]!.kind === 'scene') break;
      const g = this.groupInLine(i);
      if (g.length >= 2) return g;
    }
    return null;
  }

  /**
   * The collective a direction of the last few lines of the scene named (`The mummies burst
   * in.` ... `One of them grabs her.`), or null.
   */
  recentCollective(ctx: ResolveContext): string | null {
    for (let i = ctx.lineIndex - 1, d = 0; i >= 0 && d < GROUP_LINES; i--, d++) {
      if (this.lines[i]!.kind === 'scene') break;
      const c = this.mentions.collectives?.[i];
      if (c !== undefined && c !== null) return c;
    }
    return null;
  }

  /**
   * The one a handshake greets: who speaks next, within two lines of the scene, when the
   * speech begins with a greeting (`Miles O'Brien. Good to meet you.`), else who spoke just
   * before with one (`Alan Murchie, lovely to see you!`); never someone left out. Else null.
   */
  greeter(ctx: ResolveContext, greeting: RegExp = GREETING): string | null {
    const greets = (i: number, step: 1 | -1): string | null => {
      for (let d = 0; i >= 0 && i < this.lines.length && d < 2; i += step, d++) {
        const l = this.lines[i]!;
        if (l.kind === 'scene') return null;
        if (l.kind !== 'dialogue') continue;
        const who = this.resolveSpeaker(l.speaker);
        const greets = greeting.test(l.text.slice(0, GREETING_WITHIN));
        return greets && !ctx.exclude.includes(who) ? who : null;
      }
      return null;
    };
    return greets(ctx.lineIndex + 1, 1) ?? greets(ctx.lineIndex - 1, -1);
  }

  /**
   * Whom one shakes hands with when the direction does not say, from the talk around it: the
   * others of an introduction that names the shaker (`LILITH: Brian, I'd like you to meet
   * Madeline and Frasier. BRIAN: [shaking hands]`), else who greets (see greeter), else who
   * just gave a name (`SPENCER: I'm Kenneth Spencer.` ... `FRASIER: [shaking hands]`). Empty
   * when the talk shows none.
   */
  shakesWith(ctx: ResolveContext): string[] {
    const met = this.introducedPair(ctx.lineIndex) ?? [];
    const others = met.filter((n) => !ctx.exclude.includes(n) && !this.onlyOwner(n, ctx.lineIndex));
    if (others.length < met.length && others.length > 0) return others;
    const greeter = this.greeter(ctx);
    if (greeter !== null) return [greeter];
    for (let j = ctx.lineIndex - 1, seen = 0; j >= 0 && seen < 3; j--) {
      const l = this.lines[j]!;
      if (l.kind === 'scene') break;
      if (l.kind !== 'dialogue') continue;
      // The shaker's own speech (`FRASIER: Allow me. [shaking hands]`) is no one else's.
      const who = this.resolveSpeaker(l.speaker);
      if (ctx.exclude.includes(who)) continue;
      seen++;
      if (SELF_NAMING.test(l.text)) return [who];
    }
    return [];
  }

  /**
   * Whether the speeches just before line `i` write `name` only as an owner (`Edward, Emily's
   * uncle`): someone spoken of, not introduced.
   */
  private onlyOwner(name: string, i: number): boolean {
    const text = this.lines
      .slice(Math.max(0, i - 2), i)
      .map((l) => l.text)
      .join(' ');
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const owner = new RegExp(`\\b${escaped}['’]s\\b`, 'i');
    const plain = new RegExp(`\\b${escaped}\\b(?!['’]s\\b)`, 'i');
    return owner.test(text) && !plain.test(text);
  }

  /**
   * Whether someone the direction brings in later (`Then Daphne comes back`) was not there
   * yet. One heard just before is at the door already, whoever comes in after
   * (`LELAND: Hello, Frasier. FRASIER: Good to see you. (They shake and Leland comes in.)`).
   */
  private arrivesLater(ctx: ResolveContext): (name: string) => boolean {
    const arriving = ctx.arriving ?? [];
    if (arriving.length === 0) return () => false;
    const heard = this.lastSpeakers(ctx.lineIndex, 2);
    return (name) => arriving.includes(name) && !heard.includes(name);
  }

  /** Candidates with scores, best first. */
  private candidates(ctx: ResolveContext, subjectRole: boolean): Map<string, number> {
    const score = new Map<string, number>();
    const arrives = this.arrivesLater(ctx);
    const add = (name: string, s: number): void => {
      if (ctx.exclude.includes(name) || isNoOnePresent(name)) return;
      if (ctx.later?.includes(name) === true) return;
      // `He hugs her. Then Daphne comes back.`: one who comes in later was not there.
      if (arrives(name)) return;
      score.set(name, Math.max(score.get(name) ?? -Infinity, s));
    };
    const order = subjectRole ? ctx.earlier : (ctx.lastMet ?? ctx.earlier);
    ctx.earlier.forEach((n) => {
      const i = order.indexOf(n);
      const topic = ctx.subjects.includes(n) ? 0.3 : 0;
      const again = !subjectRole && ctx.parallel?.includes(n) === true ? 1 : 0;
      // `touches Tieran's hand before Demmas pulls him off`: an owner is the weakest mention.
      const owner = ctx.owners?.has(n) === true ? 0.5 : 0;
      // An object pronoun leans more on recency than a subject, which keeps to the topic.
      add(n, 10 + i * (subjectRole ? 0.1 : 0.2) + topic + again - owner);
    });
    // The speaker of a direction inside a speech is its doer, or else likely the one it is done
    // to (`BULLDOG: ... [as she hits him]`).
    if (ctx.speaker !== null) add(ctx.speaker, subjectRole ? 9 : 7.5);
    let speakers = 0;
    // Read backwards, someone who left (`Niles exits.`) and has not been met since is not
    // there any more: not `him` two lines on.
    const gone = new Set<string>();
    const addBefore = (name: string, s: number): void => {
      if (!gone.has(name)) add(name, s);
    };
    for (let i = ctx.lineIndex - 1, d = 0; i >= 0 && d < 12 && speakers < 4; i--, d++) {
      const l = this.lines[i]!;
      if (l.kind === 'scene') {
        // `[John's room] (She strokes his hair.)`: the one whose place it is.
        for (const n of this.namesInLine(i)) addBefore(n, 5.5 - d * 0.3);
        break;
      }
      for (const n of this.leavingInLine(i)) if (!score.has(n)) gone.add(n);
      if (l.kind === 'dialogue') {
        const who = this.resolveSpeaker(l.speaker);
        // Names a nearby speech calls out are its listeners: likely objects, unlikely doers.
        // A name only spoken of (`before Sisko sees it`) is likelier not there at all.
        if (d < 3) {
          const called = this.addressedInLine(i);
          for (const n of this.namesInLine(i)) {
            const s = called.includes(n) ? (subjectRole ? 4.5 : 7) : subjectRole ? 4 : 5;
            addBefore(n, s - d * 0.5);
          }
        }
        // The doer, left out, does not push the others back: `Tavi: Stop it! (She pushes him.)`
        if (!score.has(who) && !ctx.exclude.includes(who) && !gone.has(who)) speakers++;
        // `O'BRIEN [OC]: Will do.`: a voice over the comm or from a screen is no one in the room.
        if (!isRemote(l.qualifier)) addBefore(who, 6 - speakers * 0.6 - d * 0.05);
      } else {
        for (const n of this.namesInLine(i)) addBefore(n, 5.5 - d * 0.3);
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
    // One who speaks right before and right after a direction is its likely doer, as the
    // speaker of a direction inside a speech is (`ALIEN: Move away. (He grabs T'Pol.) ALIEN:
    // I said, move away.`). Added last: it does not push the other speakers back.
    const around = ctx.speaker === null && subjectRole ? this.speakingAround(ctx.lineIndex) : null;
    if (around !== null) add(around, 9);
    return score;
  }

  /**
   * The person a singular pronoun (or a missing subject) stands for, or null; with `among`,
   * only one of those people.
   */
  resolveOne(
    gender: Gender | null,
    ctx: ResolveContext,
    subjectRole: boolean,
    among?: readonly string[],
  ): { name: string; sure: boolean } | null {
    const ranked = [...this.candidates(ctx, subjectRole)]
      // `They dispatch their attackers. Worf takes her hand`: not a group.
      .filter(([name]) => (among === undefined || among.includes(name)) && !isPluralRole(name))
      .map(([name, s]): [string, number] => {
        const g = this.genders.genderOf(name);
        // What this direction showed only rules out: `his arms ... She slaps him` is not him.
        const local = ctx.seen.get(name);
        if (gender !== null && local !== undefined && local !== gender) return [name, -Infinity];
        if (gender !== null && g !== null && g !== gender) return [name, -Infinity];
        return [name, gender !== null && g === null ? s - unknownCost(gender) : s];
      })
      .filter(([, s]) => s > -Infinity)
      .sort((a, b) => b[1] - a[1]);
    const best = ranked[0];
    if (best === undefined) return null;
    if (gender !== null && !ctx.seen.has(best[0])) ctx.seen.set(best[0], gender);
    const second = ranked[1];
    return { name: best[0], sure: second === undefined || best[1] - second[1] >= 1 };
  }

  /** Whether someone speaks under this name in the episode. */
  speaks(name: string): boolean {
    this.speakers ??= new Set(
      this.lines.flatMap((l) => (l.kind === 'dialogue' ? [this.resolveSpeaker(l.speaker)] : [])),
    );
    return this.speakers.has(name);
  }

  private speakers: Set<string> | undefined;

  /** A person's gender as far as the transcript tells, or null. */
  genderOf(name: string): Gender | null {
    return this.genders.genderOf(name);
  }

  /**
   * The person of a role named shortly before (`a young man` for `the man`): a name ending
   * in the role word, from this direction or the directions of the last dozen lines; else,
   * for a `bare` role, the bare role so met (`Scott finds a man ...` for `The man grabs his
   * throat`).
   */
  recentRole(role: string, ctx: ResolveContext, bare: boolean): string | null {
    const described = this.roleMet((n) => n.endsWith(` ${role}`), ctx);
    return described ?? (bare ? this.roleMet((n) => n === role, ctx) : null);
  }

  /** Whether a line of the episode before this direction names `name`. */
  namedBefore(name: string, ctx: ResolveContext): boolean {
    for (let i = ctx.lineIndex - 1; i >= 0; i--)
      if (this.namesInLine(i).includes(name)) return true;
    return false;
  }

  private roleMet(fits: (name: string) => boolean, ctx: ResolveContext): string | null {
    const here = [...ctx.earlier].reverse().find(fits);
    if (here !== undefined) return here;
    for (let i = ctx.lineIndex - 1, d = 0; i >= 0 && d < 12; i--, d++) {
      const l = this.lines[i]!;
      if (l.kind === 'scene') break;
      const found = [...this.namesInLine(i)].reverse().find(fits);
      if (found !== undefined) return found;
    }
    return null;
  }

  /**
   * Everyone in the conversation around a line (`Group hug.`): the speakers of the last
   * five speeches of the scene and (unless `next` is false) of the next one, most recent first.
   */
  conversation(ctx: ResolveContext, next = true): string[] {
    const out: string[] = [];
    for (let i = ctx.lineIndex - 1, n = 0; i >= 0 && n < 5; i--) {
      const l = this.lines[i]!;
      if (l.kind === 'scene') break;
      if (l.kind !== 'dialogue') continue;
      n++;
      const who = this.resolveSpeaker(l.speaker);
      if (!out.includes(who) && !isNoOnePresent(who)) out.push(who);
    }
    const after = this.lines
      .slice(ctx.lineIndex + 1, ctx.lineIndex + 3)
      .find((l) => l.kind !== 'action');
    if (next && after?.kind === 'dialogue') {
      const who = this.resolveSpeaker(after.speaker);
      if (!out.includes(who) && !isNoOnePresent(who)) out.push(who);
    }
    return out;
  }

  /**
   * Whom `them` greets or hugs when no group was named before: the people the last speech
   * names when it names two or more (`ROZ: This is Frasier, and Niles. (Barry shakes their
   * hands)`), else the other speakers of the conversation when they are exactly two (`Susan
   * hugs them` after Barbara and Ian spoke to her). Empty when neither says who.
   */
  othersInTalk(ctx: ResolveContext): string[] {
    const others = (names: readonly string[]): string[] =>
      names.filter((n) => !ctx.exclude.includes(n) && !isNoOnePresent(n));
    for (let i = ctx.lineIndex - 1; i >= 0; i--) {
      const l = this.lines[i]!;
      if (l.kind === 'scene') break;
      if (l.kind !== 'dialogue') continue;
      const named = others(this.namesInLine(i));
      if (named.length >= 2) return [...new Set(named)];
      break;
    }
    const talk = others(this.conversation(ctx, false));
    return talk.length === 2 ? talk : [];
  }

  /**
   * Whether `people` are still together at line `to`, last seen at line `from`: no scene
   * heading comes between, or a speech after the last one names them all.
   */
  sameScene(from: number, to: number, people: readonly string[]): boolean {
    for (let i = to - 1; i > from; i--) {
      const l = this.lines[i]!;
      if (l.kind === 'scene') return false;
      if (l.kind === 'dialogue' && people.every((n) => this.namesInLine(i).includes(n)))
        return true;
    }
    return true;
  }

  /** The people `they` / `the two` stand for: a group named earlier, else the conversation. */
  resolveMany(context: ResolveContext, earlierGroups: readonly (readonly string[])[]): string[] {
    // `They` may take in someone the sentence names later (`They kiss and Maureen leaves`),
    // not someone who comes in later.
    const ctx = { ...context, later: context.arriving };
    const lastGroup = earlierGroups[earlierGroups.length - 1];
    if (lastGroup !== undefined && lastGroup.length >= 2) return [...lastGroup];
    if (ctx.earlier.length >= 2) return [...new Set(ctx.earlier)].slice(-2);
    if (ctx.earlier.length === 1) {
      const other = this.resolveOne(null, { ...ctx, exclude: [ctx.earlier[0]!] }, true);
      return other === null ? [] : [ctx.earlier[0]!, other.name];
    }
    const talk = this.pairInTalk(ctx);
    return talk.length > 0 ? talk : this.pairBefore(ctx);
  }

  /**
   * With no talk around: the two people the direction just before names, when it names
   * exactly two, or two who speak in the episode (`The watchman opens the door. Niles hugs
   * Daphne.` then `They hug again.`).
   */
  private pairBefore(ctx: ResolveContext): string[] {
    const i = ctx.lineIndex - 1;
    if (this.lines[i]?.kind !== 'action') return [];
    let names = [...new Set(this.namesInLine(i))].filter((n) => !isNoOnePresent(n));
    if (names.length > 2) names = names.filter((n) => this.speaks(n));
    return names.length === 2 && !names.some((n) => ctx.exclude.includes(n)) ? names : [];
  }

  /**
   * The two people of the exchange around a line: the last speaker and whom they address
   * (the last name in their speech), else the next speaker, else the speaker before.
   */
  private pairInTalk(ctx: ResolveContext): string[] {
    let last: string | null = null;
    const arrives = this.arrivesLater(ctx);
    const absent = (n: string): boolean => isNoOnePresent(n) || arrives(n);
    const introduced = this.introducedPair(ctx.lineIndex);
    if (introduced !== null && !introduced.some(absent)) return introduced;
    for (let i = ctx.lineIndex - 1, d = 0; i >= 0 && d < 6; i--, d++) {
      const l = this.lines[i]!;
      if (l.kind === 'scene') {
        // `[Kamala's quarters] RIKER: This is the comm panel. (they kiss)`: the one speaking
        // and the one whose place it is.
        const owner = this.namesInLine(i).find((n) => n !== last && !absent(n));
        return last !== null && owner !== undefined ? [last, owner] : [];
      }
      if (l.kind !== 'dialogue') continue;
      const who = this.resolveSpeaker(l.speaker);
      if (absent(who)) continue;
      if (last === null) {
        last = who;
        const addressed = this.addressedInLine(i).filter((n) => n !== who && !absent(n));
        if (addressed.length > 0) return [who, addressed[addressed.length - 1]!];
        // `OWEN: Bye. ELSA: Bye. (They kiss.) KIT: ...`: the two just talking to each other,
        // not the one who speaks next.
        const before = this.speakerBefore(i, who);
        if (before !== null && !absent(before)) return [who, before];
        const next = this.nextSpeaker(ctx.lineIndex);
        if (next !== null && next !== who && !absent(next)) return [who, next];
      } else if (who !== last) return [last, who];
    }
    return [];
  }

  /**
   * `FRASIER: Niles, I'd like you to meet Julia. NILES: How do you do? (They shake.)`: the
   * people one of the last two speeches introduces to each other (two, or more: `Elaine, this
   * is Daphne, my son Frasier. [they all shake hands]`), else null.
   */
  private introducedPair(i: number): string[] | null {
    for (let j = i - 1, seen = 0; j >= 0 && seen < 2; j--) {
      const l = this.lines[j]!;
      if (l.kind === 'scene') break;
      if (l.kind !== 'dialogue') continue;
      seen++;
      if (!INTRODUCING.test(l.text)) continue;
      const speaker = this.resolveSpeaker(l.speaker);
      const met = [...new Set(this.namesInLine(j))].filter(
        (n) => n !== speaker && !isNoOnePresent(n),
      );
      return met.length >= 2 ? met : null;
    }
    return null;
  }

  /** The speakers of the last `n` speeches before line `i`, in its scene. */
  private lastSpeakers(i: number, n: number): string[] {
    const out: string[] = [];
    for (let j = i - 1; j >= 0 && out.length < n; j--) {
      const l = this.lines[j]!;
      if (l.kind === 'scene') break;
      if (l.kind === 'dialogue') out.push(this.resolveSpeaker(l.speaker));
    }
    return out;
  }

  /** The speaker of the speech right before line `i` when it is not `who`, else null. */
  private speakerBefore(i: number, who: string): string | null {
    for (let j = i - 1; j >= 0 && j >= i - 2; j--) {
      const l = this.lines[j]!;
      if (l.kind === 'scene') return null;
      if (l.kind !== 'dialogue') continue;
      const other = this.resolveSpeaker(l.speaker);
      return other === who || isNoOnePresent(other) ? null : other;
    }
    return null;
  }

  /** Who speaks on both sides of line `i`, with nothing else between, or null. */
  private speakingAround(i: number): string | null {
    const before = this.lines[i - 1];
    const after = this.lines[i + 1];
    if (before?.kind !== 'dialogue' || after?.kind !== 'dialogue') return null;
    const who = this.resolveSpeaker(before.speaker);
    return this.resolveSpeaker(after.speaker) === who && !isRemote(before.qualifier) ? who : null;
  }

  private nextSpeaker(lineIndex: number): string | null {
    for (let i = lineIndex + 1; i < this.lines.length && i < lineIndex + 3; i++) {
      const l = this.lines[i]!;
      if (l.kind === 'scene') return null;
      if (l.kind === 'dialogue') return this.resolveSpeaker(l.speaker);
    }
    return null;
  }
}

// Qualifiers of a speech heard from elsewhere: off camera, a voice-over, a screen, a phone.
const REMOTE = /^(?:oc|o\.?s\.?|v\.?o\.?|narrating|memory|on \w.*)$/i;

function isRemote(qualifier: string | null): boolean {
  return qualifier !== null && REMOTE.test(qualifier.trim());
}
