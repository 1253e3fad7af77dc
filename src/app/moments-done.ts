import type { AnnotationPass } from '../domain/moment.js';
import { ReceiptsError } from '../domain/errors.js';
import type { CanonStore } from '../store/canon-store.js';
import { allMoments } from './moments.js';
import { seriesCodebook } from './moments-series.js';
import { pickEpisodes, pickSeries } from './pick-series.js';

export interface MarkReviewedRequest {
  readonly series?: string;
  readonly episodes: readonly string[];
  readonly all?: boolean;
  /** A codebook tier, or `*` (default) for every tier. */
  readonly tier?: string;
  /** Take the mark back. */
  readonly undo?: boolean;
  readonly author: string | null;
}

/**
 * Mark episodes as completely reviewed: a person has recorded every moment of the tier in them,
 * so "never" and "only" claims may rest on them. Refused while suggestions of those episodes
 * still wait for review (reviewing is what the mark says happened).
 */
export async function markReviewed(
  store: CanonStore,
  r: MarkReviewedRequest,
): Promise<{ episodes: string[]; tier: string; undone: boolean }> {
  const series = await pickSeries(store, r.series);
  const episodes = await pickEpisodes(store, series.id, r.episodes, r.all ?? false);
  const tier = r.tier ?? '*';
  if (tier !== '*' && seriesCodebook(series).tier(tier) === null) {
    const tiers = seriesCodebook(series).codebook.tiers.map((t) => t.id);
    throw new ReceiptsError(
      'USAGE',
      `no tier "${tier}" in the codebook (${tiers.join(', ')}, or *)`,
    );
  }
  if (!r.undo) {
    const pending = await allMoments(store, {
      seriesId: series.id,
      episodeIds: episodes,
      review: ['suggested'],
      ...(tier === '*' ? {} : { tier }),
    });
    if (pending.length > 0) {
      const where = [...new Set(pending.map((m) => m.episode))];
      throw new ReceiptsError(
        'USAGE',
        `${pending.length} suggestion${pending.length === 1 ? '' : 's'} in ${where.slice(0, 5).join(', ')}${where.length > 5 ? ', ...' : ''} still wait for review: ` +
          `accept or reject them first (receipts moments list --review suggested --episode ${where[0]!})`,
      );
    }
  }
  await store.setReviewed(series.id, episodes, tier, !r.undo, r.undo ? null : r.author);
  return { episodes, tier, undone: r.undo ?? false };
}

/** Per episode of a series: who reviewed it (per tier) and whether the suggester read it. */
export async function reviewProgress(
  store: CanonStore,
  seriesId?: string,
): Promise<{ episode: string; suggested: boolean; reviewed: AnnotationPass[] }[]> {
  const series = await pickSeries(store, seriesId);
  const [episodes, passes] = await Promise.all([
    store.listEpisodes(series.id),
    store.annotationPasses(series.id),
  ]);
  return episodes.map((e) => ({
    episode: e.id,
    suggested: passes.some((p) => p.episode === e.id && p.kind === 'suggested'),
    reviewed: passes.filter((p) => p.episode === e.id && p.kind === 'reviewed'),
  }));
}
