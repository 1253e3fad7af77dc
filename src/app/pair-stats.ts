import { z } from 'zod';
import { countPairs, type PairStats } from '../domain/pair-stats.js';
import type { ReviewState } from '../domain/moment.js';
import type { CanonStore } from '../store/canon-store.js';
import { allMoments, momentQuery } from './moments.js';
import { parseOrFail } from './moments-options.js';
import { pickSeries } from './pick-series.js';

/** `stats pairs` options, defined once for flags, --help and validation. */
export const PAIR_STATS_OPTIONS = [
  {
    name: 'series',
    flag: '--series <id>',
    help: 'the series (needed when the library holds several)',
  },
  {
    name: 'term',
    flag: '--term <term>',
    help: 'count this term and everything under it together (affection: kiss, hug, ...)',
  },
  { name: 'tier', flag: '--tier <tier>', help: 'only terms of this tier (action, gaze)' },
  { name: 'episode', flag: '--episode <id>', help: 'only this episode' },
  { name: 'perEpisode', flag: '--per-episode', help: 'count each episode apart' },
  {
    name: 'includeSuggested',
    flag: '--include-suggested',
    help: 'count unreviewed suggestions too (rejected moments never count)',
  },
  { name: 'format', flag: '--format <format>', help: 'table (default), csv or json' },
] as const;

export const PAIR_FORMATS = ['table', 'csv', 'json'] as const;

const schema = z.object({
  series: z.string().trim().min(1).optional(),
  term: z.string().trim().min(1).optional(),
  tier: z.string().trim().min(1).optional(),
  episode: z.string().trim().min(1).optional(),
  perEpisode: z.boolean().default(false),
  includeSuggested: z.boolean().default(false),
  format: z.enum(PAIR_FORMATS, { error: `must be ${PAIR_FORMATS.join(', ')}` }).default('table'),
});

export type PairStatsRequest = z.infer<typeof schema>;

/** Loose input (flags, a URL query) -> a complete request, or QUERY_INVALID naming the option. */
export function toPairStatsRequest(input: Record<string, unknown>): PairStatsRequest {
  return parseOrFail(schema, input, 'QUERY_INVALID');
}

export interface PairStatsReport extends PairStats {
  readonly series: { readonly id: string; readonly title: string };
  readonly request: PairStatsRequest;
}

/**
 * Initiator -> recipient counts over a series' moments: confirmed ones, plus suggestions when
 * asked; per term, or under the subtree root `--term` names; per episode or canon-wide.
 */
export async function pairStats(
  store: CanonStore,
  input: Record<string, unknown>,
): Promise<PairStatsReport> {
  const request = toPairStatsRequest(input);
  const series = await pickSeries(store, request.series);
  const review: ReviewState[] = request.includeSuggested
    ? ['confirmed', 'suggested']
    : ['confirmed'];
  const query = await momentQuery(store, series, { ...request, review });
  const moments = await allMoments(store, query);
  // momentQuery expanded --term (a synonym too) depth first: its first term is the root.
  const root = query.terms?.[0] ?? null;
  const stats = countPairs(moments, {
    perEpisode: request.perEpisode,
    termOf: (t) => root ?? t,
  });
  return { ...stats, series: { id: series.id, title: series.title }, request };
}
