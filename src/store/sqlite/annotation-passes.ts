import type { Kysely } from 'kysely';
import type { AnnotationPass } from '../../domain/moment.js';
import { inTransaction } from './transactions.js';
import type { MomentsContext } from './moments.js';
import type { LibrarySchema } from './schema.js';

/** Record (or refresh) passes of one kind over episodes; runs inside the caller's transaction. */
export async function recordPasses(
  db: Kysely<LibrarySchema>,
  seriesId: string,
  episodeIds: readonly string[],
  tier: string,
  kind: AnnotationPass['kind'],
  by: string | null,
  at: string,
): Promise<void> {
  const rows = episodeIds.map((episode_id) => ({
    series_id: seriesId,
    episode_id,
    tier,
    kind,
    by,
    at,
  }));
  for (let i = 0; i < rows.length; i += 1000) {
    await db
      .insertInto('annotation_passes')
      .values(rows.slice(i, i + 1000))
      .onConflict((oc) =>
        oc.columns(['series_id', 'episode_id', 'tier', 'kind']).doUpdateSet((eb) => ({
          by: eb.ref('excluded.by'),
          at: eb.ref('excluded.at'),
        })),
      )
      .execute();
  }
}

/** Mark or unmark episodes as reviewed by a person, in one transaction. */
export async function setReviewed(
  ctx: MomentsContext,
  seriesId: string,
  episodeIds: readonly string[],
  tier: string,
  reviewed: boolean,
  by: string | null,
): Promise<void> {
  if (episodeIds.length === 0) return;
  await inTransaction(ctx.raw, async () => {
    if (reviewed) {
      const at = ctx.now().toISOString();
      await recordPasses(ctx.db, seriesId, episodeIds, tier, 'reviewed', by, at);
      return;
    }
    await ctx.db
      .deleteFrom('annotation_passes')
      .where('series_id', '=', seriesId)
      .where('episode_id', 'in', episodeIds)
      .where('tier', '=', tier)
      .where('kind', '=', 'reviewed')
      .execute();
  });
}

/** Every pass of a series. */
export async function annotationPasses(
  ctx: MomentsContext,
  seriesId: string,
): Promise<AnnotationPass[]> {
  const rows = await ctx.db
    .selectFrom('annotation_passes')
    .selectAll()
    .where('series_id', '=', seriesId)
    .orderBy('episode_id')
    .orderBy('tier')
    .execute();
  return rows.map((r) => ({
    episode: r.episode_id,
    tier: r.tier,
    kind: r.kind,
    by: r.by,
    at: r.at,
  }));
}
