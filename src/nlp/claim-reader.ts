import type { Claim, ClaimPattern, Comparison } from '../domain/claim.js';
import type { ClaimCue } from './claim-sentences.js';
import {
  findHedges,
  findMentions,
  tokenize,
  type Hedge,
  type MentionOptions,
  type Token,
} from './claim-words.js';
import {
  CLAUSE_PUNCT,
  claimScope,
  namesOf,
  resolvePronouns,
  type Resolved,
  type Span,
} from './claim-clauses.js';

/**
 * Claim sentences in drafts, step two: one sentence and its cue -> a structured claim, or the
 * reason it cannot be made one. Names go through the canon's aliases, acts through codebook
 * synonyms, pronouns are resolved inside the sentence (or to the person the sentence before was
 * about), and every guess is written down in `notes` so the writer can see how it was read. Pure.
 */

export interface ReaderOptions extends MentionOptions {
  /** Who the sentence before (same paragraph) was about: a pronoun with no antecedent here. */
  readonly previous?: string | null;
}

export type ClaimReading =
  | {
      readonly ok: true;
      readonly claim: Claim;
      readonly hedges: readonly Hedge[];
      readonly notes: readonly string[];
      /** The stretch of the sentence the claim was read from (UTF-16 offsets). */
      readonly span: readonly [number, number];
    }
  | {
      readonly ok: false;
      readonly reason: string;
      readonly hedges: readonly Hedge[];
      readonly notes: readonly string[];
      readonly span: readonly [number, number];
    };

/** Tiers whose terms are acts a pattern can count; `reading` terms are readings. */
const READING_TIER = 'reading';
const SAY_WORDS = new Set(
  'say says said saying tell tells told telling utter utters uttered admit admits admitted'.split(
    ' ',
  ),
);
const BEFORE_RECIPIENT = new Set('with to towards toward for on at'.split(' '));
/** Words after which names are not the act's recipients any more (`in front of Gwen`). */
const CLAUSE_STOP = new Set(
  'when while because after before until unless if although though whereas since front but which who where'.split(
    ' ',
  ),
);
const ADVERBS = new Set('only never ever once not first really actually just even'.split(' '));
const WRITER = /^(?:i|i've|i'd|i'm|we|we've|you|you've|you'd)$/;

/** Read one sentence as the claim its cue makes. */
export function readClaimSentence(sentence: string, cue: ClaimCue, o: ReaderOptions): ClaimReading {
  const hedges = findHedges(sentence);
  const notes: string[] = [];
  let span: [number, number] = [cue.start, cue.end];
  const fail = (reason: string): ClaimReading => ({ ok: false, reason, hedges, notes, span });
  if (cue.quantifier === null) {
    return fail(
      `"${cue.text}" speaks of every occasion of something (every time X, Y); Receipts counts moments and does not pair occasions, so say it as a "never" or a count to check it`,
    );
  }
  if (/\?\s*$/.test(sentence.replace(/\([^()]*\)/g, '')) && cue.cue !== 'name one other time') {
    return fail('the sentence asks a question rather than making a claim');
  }
  const tokens = tokenize(sentence);
  const cueAt = tokens.findIndex((t) => t.start >= cue.start);
  const before = tokens[cueAt - 1]?.low.replace(/’/g, "'") ?? '';
  if (WRITER.test(before) && cue.quantifier === 'never') {
    return fail(`"${before} ${cue.text}" is about the writer, not the canon`);
  }
  const mentions = resolvePronouns(
    findMentions(tokens, o, sentence),
    tokens,
    o.previous ?? null,
    notes,
  );
  const scope = claimScope(tokens, mentions, cueAt === -1 ? tokens.length : cueAt);
  if (scope.to > scope.from) span = [tokens[scope.from]!.start, tokens[scope.to - 1]!.end];
  const inScope = mentions.filter(
    (m) => m.at >= scope.from && m.at < scope.to && !scope.skip.has(m.at),
  );
  const unresolved = inScope.find((m) => m.kind === 'pronoun' && m.role !== 'possessive');
  if (unresolved?.kind === 'pronoun') {
    return fail(
      `"${unresolved.word}" refers to someone not named in this sentence (or the one before it)`,
    );
  }

  if (cue.quantifier === 'compare') {
    const thanAt = tokens.findIndex((t, i) => i > cueAt && t.low === 'than');
    const left = inScope.filter((m) => m.at < thanAt);
    const right = inScope.filter((m) => m.at > thanAt);
    if (thanAt === -1) return fail('"more" has no "than" in the same clause');
    // "more than you can say for Jackie": an idiom of comparison, not a count.
    const after = tokens.slice(thanAt + 1, thanAt + 4).map((t) => t.low);
    if (
      ['you', 'one', 'we', 'i'].includes(after[0] ?? '') &&
      ['can', 'could'].includes(after[1] ?? '')
    ) {
      return fail(`"more than ${after.join(' ')}" compares no acts`);
    }
    const a = pattern(left, tokens, { from: scope.from, to: thanAt }, notes);
    if (typeof a === 'string') return fail(a);
    const b = pattern(right, tokens, { from: thanAt + 1, to: scope.to }, notes, a);
    if (typeof b === 'string') return fail(`after "than": ${b}`);
    if (/\bin (?:one|a single) (?:episode|scene)\b/i.test(sentence)) {
      notes.push(
        '"in one episode" is read as over the whole canon: the draft claims more than that, so "supported" here is necessary, not sufficient',
      );
    }
    const op: Comparison = /^(?:fewer|less)\b/i.test(cue.text) ? '<' : '>';
    return {
      ok: true,
      claim: { quantifier: 'compare', pattern: a, other: b, op },
      hedges,
      notes,
      span,
    };
  }

  const p = pattern(inScope, tokens, scope, notes);
  if (typeof p === 'string') return fail(p);
  if (cue.cue === 'only' && !/\bonly\b.*\b(?:once|one time|a single time)\b/i.test(sentence)) {
    return fail(
      `a bare "only" may limit who or what rather than how often; write "the only time" or "only once" to make it checkable`,
    );
  }
  const episodes = inScope.flatMap((m) => (m.kind === 'episode' ? [m] : []));
  let claim: Claim = { quantifier: cue.quantifier, pattern: p };
  const single =
    episodes.length === 1 && episodes[0]!.ids.length === 1 ? episodes[0]!.ids[0]! : null;
  if (single !== null && ['only', 'first', 'last'].includes(cue.quantifier)) {
    claim = { ...claim, at: { episode: single } };
  } else if (episodes.length > 0) {
    claim = { ...claim, pattern: { ...p, episodes: episodes.flatMap((e) => e.ids) } };
  }
  if (cue.quantifier === 'count') {
    const value = countOf(cue.text);
    const atLeast = /\bat least\s*$/i.test(sentence.slice(0, cue.start));
    claim = { ...claim, op: atLeast ? '>=' : '=', value };
  }
  return { ok: true, claim, hedges, notes, span };
}

function countOf(text: string): number {
  const t = text.toLowerCase();
  if (t === 'once') return 1;
  if (t === 'twice') return 2;
  if (t === 'thrice') return 3;
  const n = t.split(' ')[0]!;
  const words = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
  return /^\d+$/.test(n) ? Number(n) : words.indexOf(n) + 1;
}

/**
 * One pattern from the mentions of a span of the sentence. The act is the first codebook term
 * (not a reading) or, with a word of saying, the quoted line. One name before it leads the act;
 * two joined by "and" (or "they") take part in any role; names after it receive it, up to a word
 * like "when" or "in front of". `base` is the first pattern of a comparison: the second shares
 * its act and leader unless it names its own.
 */
function pattern(
  mentions: readonly Resolved[],
  tokens: readonly Token[],
  span: Span,
  notes: string[],
  base?: ClaimPattern,
): ClaimPattern | string {
  const acts = mentions.flatMap((m) => (m.kind === 'term' && m.tier !== READING_TIER ? [m] : []));
  const readings = mentions.flatMap((m) =>
    m.kind === 'term' && m.tier === READING_TIER ? [m.id] : [],
  );
  const quote = mentions.find((m) => m.kind === 'quote');
  let sayAt = -1;
  for (let i = span.from; i < span.to && sayAt === -1; i++)
    if (SAY_WORDS.has(tokens[i]!.low)) sayAt = i;
  const says = quote?.kind === 'quote' && sayAt !== -1 ? quote : undefined;
  const people = mentions.filter((m) => m.kind === 'person' || m.kind === 'group');
  // The act someone named does: "anyone gets kissed ... Ianto kisses Jack" is about the second.
  const act = acts.find((a) => people.some((m) => m.at < a.at)) ?? acts[0];
  if (base !== undefined && says === undefined && act === undefined) {
    // "... than he does with Jack", "... than Gwen": a name after with/to/towards receives the
    // act, a bare name leads it; what the second half does not say, it shares with the first.
    const prep = (m: Resolved): boolean => BEFORE_RECIPIENT.has(tokens[m.at - 1]?.low ?? '');
    const leads = namesOf(people.filter((m) => !prep(m)));
    const gets = namesOf(people.filter(prep));
    if (leads.length === 0 && gets.length === 0) return 'it names nobody to compare with';
    if (leads.length > 0 && leads[0] !== base.initiator && gets.length === 0) {
      notes.push(`"than ${leads[0]!}" read as who leads the act (as in "than ${leads[0]!} does")`);
    }
    const initiator = leads[0] ?? base.initiator;
    const recipients = gets.length > 0 ? gets : (base.recipients ?? []);
    const { initiator: _i, recipients: _r, participants: _p, ...shared } = base;
    return {
      ...shared,
      ...(initiator === undefined ? {} : { initiator }),
      ...(recipients.length === 0 ? {} : { recipients }),
    };
  }
  if (says === undefined && act === undefined) {
    return quote !== undefined
      ? 'the quoted words are not said by anyone here (no "say" or "tell" near them)'
      : 'it names no act from the codebook and no quoted line';
  }
  const pivot = says !== undefined ? Math.min(sayAt, says.at) : act!.at;
  const pre = people.filter((m) => m.at < pivot);
  let stop = span.to;
  for (let i = pivot + 1; i < span.to; i++) {
    const t = tokens[i]!;
    if (CLAUSE_STOP.has(t.low) || CLAUSE_PUNCT.has(t.text)) {
      stop = i;
      break;
    }
  }
  const post = people.filter((m) => m.at > pivot && m.at < stop);
  const stranger = mentions.find((m) => m.kind === 'stranger' && m.at >= span.from && m.at < stop);
  if (stranger?.kind === 'stranger') {
    return `"${stranger.word}" looks like a name but is no character of this canon (add them, or an alias, to canon.yaml)`;
  }
  const joined =
    pre.length >= 2 &&
    tokens.slice(pre[0]!.at, pre.at(-1)!.at).some((t) => t.low === 'and' || t.text === '&');
  let initiator: string | undefined;
  let participants: string[] = [];
  if (pre.some((m) => m.kind === 'group') || joined) participants = namesOf(pre);
  else if (pre.length > 0) {
    initiator = namesOf([pre.find((m) => m.kind === 'person' && !m.possessive) ?? pre[0]!])[0];
  }
  let recipients = namesOf(post).filter((n) => n !== initiator && !participants.includes(n));
  // The passive: "Ianto is kissed by Jack".
  let aux = act === undefined ? -1 : act.at - 1;
  while (aux > 0 && ADVERBS.has(tokens[aux]!.low)) aux--;
  const passive =
    act !== undefined &&
    /ed$/.test(act.words) &&
    /^(?:is|was|gets|got|being|been)$/.test(tokens[aux]?.low ?? '');
  const by = passive ? post.find((m) => tokens[m.at - 1]?.low === 'by') : undefined;
  if (by !== undefined) {
    recipients = initiator === undefined ? [] : [initiator];
    initiator = namesOf([by])[0];
    notes.push('read as passive: the name after "by" leads the act');
  }
  if (base !== undefined) {
    return {
      ...(says !== undefined ? { says: says.text } : { action: act!.id }),
      ...(initiator !== undefined
        ? { initiator }
        : participants.length > 0
          ? { participants }
          : base.initiator !== undefined
            ? { initiator: base.initiator }
            : {}),
      ...(recipients.length > 0 ? { recipients } : {}),
    };
  }
  if (initiator === undefined && participants.length === 0 && recipients.length === 0) {
    return 'it names no character of this canon';
  }
  if (says !== undefined) {
    // Several people saying it "to each other": any of them to any other.
    const everyone = [...participants, ...(participants.length > 0 ? recipients : [])];
    return {
      says: says.text,
      ...(initiator !== undefined ? { initiator } : {}),
      ...(everyone.length > 0 ? { participants: everyone } : {}),
      ...(participants.length === 0 && recipients[0] !== undefined
        ? { listener: recipients[0] }
        : {}),
    };
  }
  return {
    action: act!.id,
    ...(initiator !== undefined ? { initiator } : {}),
    ...(recipients.length > 0 ? { recipients } : {}),
    ...(participants.length > 0 ? { participants } : {}),
    ...(readings.length > 0 ? { readings } : {}),
  };
}

/** The first person a sentence names: who a pronoun in the next sentence most likely means. */
export function aboutWhom(sentence: string, o: MentionOptions): string | null {
  for (const m of findMentions(tokenize(sentence), o)) if (m.kind === 'person') return m.name;
  return null;
}
