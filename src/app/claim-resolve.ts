import type { Claim, ClaimPattern } from '../domain/claim.js';
import { ReceiptsError } from '../domain/errors.js';
import { episodesInRange } from '../claims/episode-range.js';
import type { ResolvedPattern } from '../claims/resolved-pattern.js';
import type { ClaimVocabulary } from '../claims/parse-claim-text.js';
import { closestHint } from './moments-closest.js';
import type { SeriesContext } from './moments-series.js';

const fail = (path: string, message: string): ReceiptsError =>
  new ReceiptsError('CLAIM_INVALID', message, { path });

/**
 * The character a phrase names. `the Doctor` may name a minor label of its own (`THE DOCTOR`
 * in a few transcripts) beside the main `Doctor`: with and without a leading `the`, the
 * character with more lines wins, as a reader would mean.
 */
export function resolvePerson(ctx: SeriesContext, phrase: string): string | null {
  const whole = ctx.names.resolve(phrase);
  const bare = /^the\s+/i.test(phrase) ? ctx.names.resolve(phrase.replace(/^the\s+/i, '')) : null;
  if (whole === null || bare === null || whole === bare) return whole ?? bare;
  const lines = (name: string): number => ctx.characters.find((c) => c.name === name)?.lines ?? 0;
  return lines(bare) > lines(whole) ? bare : whole;
}

/** The canon's names and codebook as the claim parser sees them. */
export function claimVocabulary(ctx: SeriesContext): ClaimVocabulary {
  const people = ctx.characters.flatMap((c) => [c.name, ...c.aliases]);
  const terms = ctx.codebook.codebook.terms.map((t) => t.id);
  return {
    person: (phrase) => resolvePerson(ctx, phrase),
    term: (phrase) => ctx.codebook.lookup(phrase)?.id ?? null,
    hint: (word) => closestHint(word.replace(/^"/, ''), [...people, ...terms]),
  };
}

/** A canonical character name for what a claim wrote, or CLAIM_INVALID naming the closest. */
function person(ctx: SeriesContext, path: string, label: string): string {
  const name = resolvePerson(ctx, label);
  if (name !== null) return name;
  const hint = closestHint(
    label,
    ctx.characters.map((c) => c.name),
  );
  throw fail(path, `no character "${label}" in ${ctx.series.title}${hint}`);
}

function termSet(ctx: SeriesContext, path: string, word: string): Set<string> {
  const term = ctx.codebook.term(word) ?? ctx.codebook.lookup(word);
  if (term === null) {
    const hint = closestHint(
      word,
      ctx.codebook.codebook.terms.flatMap((t) => [t.id, ...t.synonyms]),
    );
    throw fail(path, `no term "${word}" in the codebook${hint}`);
  }
  return new Set(ctx.codebook.expand(term.id).map((t) => t.id));
}

/** Names made canonical, terms expanded to subtrees, the episode range made explicit. */
export function resolvePattern(ctx: SeriesContext, p: ClaimPattern, path: string): ResolvedPattern {
  const ordered = ctx.episodes.map((e) => e.id);
  const actionTerm =
    p.action === undefined ? null : (ctx.codebook.term(p.action) ?? ctx.codebook.lookup(p.action));
  const says = p.says?.trim() ?? null;
  if (says === '') throw fail(`${path}.says`, 'the phrase is empty');
  if (says !== null && p.action !== undefined) {
    throw fail(path, 'a pattern is either an act ("action") or dialogue ("says"), not both');
  }
  return {
    terms: p.action === undefined ? null : termSet(ctx, `${path}.action`, p.action),
    tier: actionTerm?.tier ?? null,
    initiator: p.initiator === undefined ? null : person(ctx, `${path}.initiator`, p.initiator),
    recipients: (p.recipients ?? []).map((r, i) => person(ctx, `${path}.recipients[${i}]`, r)),
    participants: (p.participants ?? []).map((r, i) =>
      person(ctx, `${path}.participants[${i}]`, r),
    ),
    mutual: p.mutual ?? null,
    part: p.part?.trim().toLowerCase() || null,
    readings: (p.readings ?? []).map((r, i) => termSet(ctx, `${path}.readings[${i}]`, r)),
    says,
    listener: p.listener === undefined ? null : person(ctx, `${path}.listener`, p.listener),
    episodes: episodesInRange(ordered, p.episodes, `${path}.episodes`),
  };
}

/** Check the parts of a claim that name things outside its patterns (`at`). */
export function checkReference(ctx: SeriesContext, claim: Claim): Claim {
  const ep = claim.at?.episode;
  if (ep === undefined) return claim;
  const found = ctx.episodes.find((e) => e.id.toLowerCase() === ep.trim().toLowerCase());
  if (found === undefined) {
    const hint = closestHint(
      ep,
      ctx.episodes.map((e) => e.id),
    );
    throw fail('at.episode', `no episode "${ep}" in ${ctx.series.title}${hint}`);
  }
  return { ...claim, at: { ...claim.at, episode: found.id } };
}
