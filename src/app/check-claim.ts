import type { Claim, Coverage, Evidence, Verdict } from '../domain/claim.js';
import type { ReviewState } from '../domain/moment.js';
import { coverageOf, coveredByPasses } from '../claims/coverage.js';
import { judge } from '../claims/judge.js';
import { parseClaimText } from '../claims/parse-claim-text.js';
import { describePattern, type ResolvedPattern } from '../claims/resolved-pattern.js';
import type { StoredMoment } from '../store/moment-store.js';
import type { CanonStore } from '../store/canon-store.js';
import { matchingDialogue, matchingMoments } from './claim-evidence.js';
import { parseClaimJson } from './claim-input.js';
import { checkReference, claimVocabulary, resolvePattern } from './claim-resolve.js';
import { unreadDirections } from './claim-unread.js';
import { allMoments } from './moments.js';
import { loadSeriesContext, type SeriesContext } from './moments-series.js';

export interface CheckOptions {
  readonly series?: string;
  /** Count unreviewed suggestions as evidence, and episodes the suggester read as covered. */
  readonly includeSuggested?: boolean;
}

/** What checking several claims against one series shares: loaded once. */
export interface ClaimSession {
  readonly ctx: SeriesContext;
  readonly moments: readonly StoredMoment[];
  readonly passes: Awaited<ReturnType<CanonStore['annotationPasses']>>;
  readonly includeSuggested: boolean;
}

/** Load the series, its moments and annotation passes for checking claims. */
export async function openClaimSession(
  store: CanonStore,
  options: CheckOptions = {},
): Promise<ClaimSession> {
  const ctx = await loadSeriesContext(store, options.series);
  const [moments, passes] = await Promise.all([
    allMoments(store, { seriesId: ctx.series.id }),
    store.annotationPasses(ctx.series.id),
  ]);
  return { ctx, moments, passes, includeSuggested: options.includeSuggested ?? false };
}

/** A claim from its text form or, when it starts with `{`, its JSON form. */
export function readClaim(session: ClaimSession, text: string): Claim {
  const t = text.trim();
  return t.startsWith('{') ? parseClaimJson(t) : parseClaimText(t, claimVocabulary(session.ctx));
}

/** Check one claim: its verdict, evidence, counter-examples and coverage. */
export async function checkClaim(
  store: CanonStore,
  session: ClaimSession,
  input: Claim,
): Promise<Verdict> {
  const started = performance.now();
  const { ctx } = session;
  const claim = checkReference(ctx, input);
  const pattern = resolvePattern(ctx, claim.pattern, 'pattern');
  const other =
    claim.quantifier === 'compare' && claim.other !== undefined
      ? resolvePattern(ctx, claim.other, 'other')
      : null;
  const counted = new Set<ReviewState>(
    session.includeSuggested ? ['confirmed', 'suggested'] : ['confirmed'],
  );
  const position = positions(session, claim.order ?? 'broadcast');
  const inOrder = (list: Evidence[]): Evidence[] =>
    list
      .map((e, i) => ({ e, i }))
      .sort((a, b) => position(a.e.episode) - position(b.e.episode) || a.i - b.i)
      .map((x) => x.e);
  const evidenceOf = async (p: ResolvedPattern): Promise<Evidence[]> =>
    inOrder(
      p.says !== null
        ? await matchingDialogue(store, ctx.series.id, p, ctx.episodes)
        : matchingMoments(session.moments, p, counted, titles(session)),
    );
  const matches = await evidenceOf(pattern);
  const otherMatches = other === null ? undefined : await evidenceOf(other);
  const coverage = coverageFor(session, pattern, other);
  const needsReading = ['never', 'only', 'first', 'last', 'find'].includes(claim.quantifier);
  const unread = needsReading
    ? inOrder(
        await unreadDirections({
          store,
          seriesId: ctx.series.id,
          pattern,
          codebook: ctx.codebook,
          characters: ctx.characters,
          moments: session.moments,
          counted,
          reviewed: coveredByPasses(session.passes, pattern.tier, false, new Set()),
        }),
      )
    : [];
  const label = (p: ResolvedPattern): string =>
    describePattern(p, p.terms === null ? null : (ctx.codebook.term(termRoot(p))?.label ?? null));
  const judgement = judge({
    claim,
    what: label(pattern),
    ...(other === null ? {} : { otherWhat: label(other) }),
    matches,
    ...(otherMatches === undefined ? {} : { otherMatches }),
    coverage,
    unread,
    position,
    suggestedNote: (list) => {
      const n = list.filter((e) => e.review === 'suggested').length;
      return n === 0 ? '' : ` (${n} of them unreviewed suggestions)`;
    },
  });
  return {
    claim,
    verdict: judgement.verdict,
    count: matches.length,
    ...(otherMatches === undefined
      ? {}
      : { otherCount: otherMatches.length, otherEvidence: otherMatches }),
    evidence: matches,
    counterexamples: judgement.counterexamples,
    coverage,
    unread,
    explanation: judgement.explanation,
    includeSuggested: session.includeSuggested,
    ...(pattern.says === null && other?.says == null
      ? {}
      : { restsOn: restsOn(session, [pattern, other]) }),
    ms: Math.round((performance.now() - started) * 10) / 10,
  };
}

/** The root of the expanded term set: the term the claim named. */
function termRoot(p: ResolvedPattern): string {
  return [...(p.terms ?? [])][0] ?? '';
}

function titles(session: ClaimSession): Map<string, string | null> {
  return new Map(session.ctx.episodes.map((e) => [e.id, e.title]));
}

/** Episode -> position in broadcast order, or in story order where the canon gives one. */
function positions(session: ClaimSession, order: 'broadcast' | 'story'): (e: string) => number {
  const map = new Map(
    session.ctx.episodes.map((e) => [
      e.id,
      order === 'story' && e.storyOrder !== null ? e.storyOrder : e.position,
    ]),
  );
  return (e) => map.get(e) ?? Number.MAX_SAFE_INTEGER;
}

/** Coverage over the episodes both patterns range over. */
function coverageFor(
  session: ClaimSession,
  p: ResolvedPattern,
  other: ResolvedPattern | null,
): Coverage {
  const { ctx } = session;
  const range = [...new Set([...p.episodes, ...(other?.episodes ?? [])])];
  const rank = new Map(ctx.episodes.map((e, i) => [e.id, i]));
  range.sort((a, b) => rank.get(a)! - rank.get(b)!);
  const dialogue = p.says !== null || (other !== null && other.says !== null);
  if (dialogue) {
    const withText = new Set(
      ctx.episodes.filter((e) => e.cues > 0 || e.transcriptLines > 0).map((e) => e.id),
    );
    const moments = p.says === null || (other !== null && other.says === null);
    const covered = moments
      ? intersect(
          withText,
          coveredByPasses(session.passes, p.tier, session.includeSuggested, transcribed(session)),
        )
      : withText;
    return coverageOf(
      ctx.episodes.length,
      range,
      covered,
      'episodes with a transcript or subtitles',
    );
  }
  const tier = p.tier ?? other?.tier ?? null;
  const covered = coveredByPasses(
    session.passes,
    tier,
    session.includeSuggested,
    transcribed(session),
  );
  const basis = session.includeSuggested
    ? 'episodes reviewed by a person or read by the suggester'
    : `episodes a person marked as fully reviewed${tier === null ? '' : ` for ${tier}`}`;
  return coverageOf(ctx.episodes.length, range, covered, basis);
}

function intersect(a: ReadonlySet<string>, b: ReadonlySet<string>): Set<string> {
  return new Set([...a].filter((x) => b.has(x)));
}

function transcribed(session: ClaimSession): Set<string> {
  return new Set(session.ctx.episodes.filter((e) => e.transcriptLines > 0).map((e) => e.id));
}

/**
 * What dialogue evidence can rest on in the claim's range: transcripts, subtitles (whose
 * speakers come from alignment), or both.
 */
function restsOn(
  session: ClaimSession,
  patterns: readonly (ResolvedPattern | null)[],
): ('transcript' | 'subtitles')[] {
  const range = new Set(patterns.flatMap((p) => (p?.says == null ? [] : p.episodes)));
  const eps = session.ctx.episodes.filter((e) => range.has(e.id));
  const out: ('transcript' | 'subtitles')[] = [];
  if (eps.some((e) => e.transcriptLines > 0)) out.push('transcript');
  if (eps.some((e) => e.cues > 0)) out.push('subtitles');
  return out;
}
