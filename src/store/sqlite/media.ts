import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { ReceiptsError } from '../../domain/errors.js';
import type { MediaProbe, ShotList } from '../../domain/media.js';
import {
  sameMediaFile,
  type MediaFileKey,
  type ProbeInput,
  type ShotsInput,
  type StoredMediaFacts,
} from '../media-store.js';
import { inTransaction } from './transactions.js';
import type { LibrarySchema, MediaFactsTable } from './schema.js';

/** Probe results and shots per episode in SQLite (table `media_facts`, migration 5). */
export interface MediaContext {
  readonly db: Kysely<LibrarySchema>;
  readonly raw: BetterSqlite3.Database;
  readonly now: () => Date;
}

export async function mediaFacts(
  ctx: MediaContext,
  seriesId: string,
  episodeId: string,
): Promise<StoredMediaFacts | null> {
  const row = await ctx.db
    .selectFrom('media_facts')
    .selectAll()
    .where('series_id', '=', seriesId)
    .where('episode_id', '=', episodeId)
    .executeTakeFirst();
  return row === undefined ? null : toFacts(row);
}

export async function saveProbe(ctx: MediaContext, input: ProbeInput): Promise<void> {
  await inTransaction(ctx.raw, async () => {
    await requireEpisode(ctx, input.seriesId, input.episodeId);
    const old = await mediaFacts(ctx, input.seriesId, input.episodeId);
    const keep = old !== null && sameMediaFile(old.file, input.file);
    const row = {
      series_id: input.seriesId,
      episode_id: input.episodeId,
      path: input.file.path,
      size_bytes: input.file.sizeBytes,
      mtime_ms: input.file.mtimeMs,
      probe: JSON.stringify(input.probe),
      probed_at: ctx.now().toISOString(),
      shots: keep && old.shots !== null ? JSON.stringify(old.shots) : null,
      shots_at: keep ? old.shotsAt : null,
    };
    await ctx.db
      .insertInto('media_facts')
      .values(row)
      .onConflict((oc) =>
        oc.columns(['series_id', 'episode_id']).doUpdateSet({
          path: row.path,
          size_bytes: row.size_bytes,
          mtime_ms: row.mtime_ms,
          probe: row.probe,
          probed_at: row.probed_at,
          shots: row.shots,
          shots_at: row.shots_at,
        }),
      )
      .execute();
  });
}

export async function saveShots(ctx: MediaContext, input: ShotsInput): Promise<void> {
  await inTransaction(ctx.raw, async () => {
    const old = await mediaFacts(ctx, input.seriesId, input.episodeId);
    if (old === null || !sameMediaFile(old.file, input.file)) {
      throw new ReceiptsError(
        'NOT_FOUND',
        `No probe of this file is stored for ${input.seriesId} ${input.episodeId}; probe it first.`,
        { file: input.file.path },
      );
    }
    await ctx.db
      .updateTable('media_facts')
      .set({ shots: JSON.stringify(input.shots), shots_at: ctx.now().toISOString() })
      .where('series_id', '=', input.seriesId)
      .where('episode_id', '=', input.episodeId)
      .execute();
  });
}

async function requireEpisode(ctx: MediaContext, seriesId: string, episodeId: string) {
  const found = await ctx.db
    .selectFrom('episodes')
    .select('id')
    .where('series_id', '=', seriesId)
    .where('id', '=', episodeId)
    .executeTakeFirst();
  if (found === undefined) {
    throw new ReceiptsError('NOT_FOUND', `No episode ${episodeId} in ${seriesId}.`);
  }
}

function toFacts(row: MediaFactsTable): StoredMediaFacts {
  const file: MediaFileKey = { path: row.path, sizeBytes: row.size_bytes, mtimeMs: row.mtime_ms };
  return {
    seriesId: row.series_id,
    episodeId: row.episode_id,
    file,
    probe: JSON.parse(row.probe) as MediaProbe,
    probedAt: row.probed_at,
    shots: row.shots === null ? null : (JSON.parse(row.shots) as ShotList),
    shotsAt: row.shots_at,
  };
}
