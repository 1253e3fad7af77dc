import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { nameKey } from '../../domain/canon.js';
import { ReceiptsError } from '../../domain/errors.js';
import type { IngestBatch, IngestSummary } from '../canon-store.js';
import { layOut } from './ingest-layout.js';
import { clearEpisodeAlignment } from './alignment.js';
import { idRange, insertSources, moveSources, statements } from './ingest-lines.js';
import { MAX_EPISODES, MAX_SERIES_ORD } from './line-ids.js';
import type { LibrarySchema, SourcesTable } from './schema.js';

export interface IngestContext {
  readonly db: Kysely<LibrarySchema>;
  readonly raw: BetterSqlite3.Database;
  readonly now: () => Date;
}

/**
 * applyIngest for SQLite: one `BEGIN IMMEDIATE` transaction, rolled back on any error.
 *
 * Lines go in through one prepared better-sqlite3 statement, and into the FTS index with one
 * `INSERT ... SELECT` per source: kysely's multi-row inserts reached 170k rows/s against 255k
 * for the prepared statement, and per-row triggers into FTS5 were 7 times slower than a bulk
 * `INSERT ... SELECT` (measurements in bench/SEARCH-RESULTS.md). Everything else is kysely.
 *
 * Series, episode and character rows are only rewritten when they differ, so re-applying a
 * batch whose sources are all kept writes nothing at all.
 */
export async function applyIngestBatch(
  ctx: IngestContext,
  batch: IngestBatch,
): Promise<IngestSummary> {
  checkBatch(batch);
  ctx.raw.exec('BEGIN IMMEDIATE');
  try {
    const summary = await writeBatch(ctx, batch);
    ctx.raw.exec('COMMIT');
    return summary;
  } catch (e) {
    if (ctx.raw.inTransaction) ctx.raw.exec('ROLLBACK');
    throw e;
  }
}

function checkBatch(batch: IngestBatch): void {
  const bad = (path: string, message: string) =>
    new ReceiptsError('MANIFEST_INVALID', message, { file: batch.series.manifest, path });
  if (batch.episodes.length > MAX_EPISODES) {
    throw bad('episodes', `a series holds at most ${MAX_EPISODES} episodes`);
  }
  const episodes = new Set<string>();
  batch.episodes.forEach((e, i) => {
    if (episodes.has(e.id)) throw bad(`episodes[${i}].id`, `episode ${e.id} appears twice`);
    episodes.add(e.id);
  });
  const names = new Set<string>();
  batch.characters.forEach((c, i) => {
    if (names.has(c.name)) throw bad(`characters[${i}]`, `character ${c.name} appears twice`);
    names.add(c.name);
  });
  const keep = new Set(batch.keep);
  const paths = new Set<string>();
  for (const s of batch.sources) {
    if (paths.has(s.path) || keep.has(s.path)) {
      throw new ReceiptsError('INTERNAL', `Ingest batch names ${s.path} twice.`, { file: s.path });
    }
    paths.add(s.path);
    if (!episodes.has(s.episodeId)) {
      throw bad(
        s.path,
        `${s.path} belongs to episode ${s.episodeId}, which is not in the manifest`,
      );
    }
  }
}

/** The columns of a stored source that an ingest needs (id as selected, not Generated). */
export type SourceRow = { id: number } & Pick<
  SourcesTable,
  | 'path'
  | 'episode_id'
  | 'role'
  | 'first_id'
  | 'span'
  | 'cue_lines'
  | 'dialogue_lines'
  | 'action_lines'
  | 'scene_lines'
>;

const lineCount = (r: SourceRow) => r.cue_lines + r.dialogue_lines + r.action_lines + r.scene_lines;
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

async function writeBatch(ctx: IngestContext, batch: IngestBatch): Promise<IngestSummary> {
  const { db } = ctx;
  const seriesId = batch.series.id;
  const stamp = ctx.now().toISOString();
  const { ord, changed: seriesChanged } = await upsertSeries(ctx, batch, stamp);
  let changed = seriesChanged;

  const oldEpisodes = await db
    .selectFrom('episodes')
    .selectAll()
    .where('series_id', '=', seriesId)
    .orderBy('position')
    .execute();
  const newEpisodes = batch.episodes.map((e, position) => ({
    series_id: seriesId,
    id: e.id,
    position,
    season: e.season,
    number: e.number,
    title: e.title,
    air_date: e.airDate,
    story_order: e.storyOrder,
    video: e.video ?? null,
  }));
  if (!same(oldEpisodes, newEpisodes)) {
    await db.deleteFrom('episodes').where('series_id', '=', seriesId).execute();
    for (let i = 0; i < newEpisodes.length; i += 1000) {
      await db
        .insertInto('episodes')
        .values(newEpisodes.slice(i, i + 1000))
        .execute();
    }
    changed = true;
  }
  if (await replaceCharacters(ctx, batch)) changed = true;

  // Sources: delete replaced and removed ones, lay out each touched episode, move kept sources
  // whose ids changed, insert the new ones.
  const stored: SourceRow[] = await db
    .selectFrom('sources')
    .select([
      'id',
      'path',
      'episode_id',
      'role',
      'first_id',
      'span',
      'cue_lines',
      'dialogue_lines',
      'action_lines',
      'scene_lines',
    ])
    .where('series_id', '=', seriesId)
    .execute();
  const storedByPath = new Map(stored.map((r) => [r.path, r]));
  const keep = new Set(batch.keep);
  const position = new Map(batch.episodes.map((e, i) => [e.id, i]));
  for (const path of keep) {
    const r = storedByPath.get(path);
    if (!r) {
      throw new ReceiptsError(
        'INTERNAL',
        `Ingest keeps ${path}, which is not stored for ${seriesId}.`,
        {
          file: path,
        },
      );
    }
    if (!position.has(r.episode_id)) {
      throw new ReceiptsError(
        'MANIFEST_INVALID',
        `${path} is kept but its episode ${r.episode_id} is no longer in the manifest.`,
        { file: batch.series.manifest, path },
      );
    }
  }

  const ops = statements(ctx.raw);
  const incoming = new Set(batch.sources.map((s) => s.path));
  const dropped = stored.filter((r) => !keep.has(r.path));
  // FTS5 flushes its pending index data at every statement savepoint (any write with foreign
  // keys or constraints on several rows opens one), so FTS writes are kept together rather
  // than interleaved with other statements: interleaving made ingest 3 times slower.
  for (const r of dropped) ops.ftsDelete.run(...idRange(r.first_id, r.span));
  for (const r of dropped) ops.linesDelete.run(...idRange(r.first_id, r.span));
  for (let i = 0; i < dropped.length; i += 1000) {
    const ids = dropped.slice(i, i + 1000).map((r) => r.id);
    await db.deleteFrom('sources').where('id', 'in', ids).execute();
  }
  const linesRemoved = dropped.reduce((n, r) => n + lineCount(r), 0);
  const sourcesRemoved = dropped.filter((r) => !incoming.has(r.path)).length;

  const oldPosition = new Map(oldEpisodes.map((e) => [e.id, e.position]));
  const layout = layOut(
    ord,
    batch,
    stored.filter((r) => keep.has(r.path)),
    (episodeId) => oldPosition.get(episodeId) !== position.get(episodeId),
    position,
  );
  moveSources(ops, layout.moves);
  for (const m of layout.moves) {
    await db.updateTable('sources').set({ first_id: m.to }).where('id', '=', m.row.id).execute();
  }

  const keptIds = stored
    .filter((r) => keep.has(r.path))
    .map((r) => layout.moves.find((m) => m.row.id === r.id)?.to ?? r.first_id);
  const linesWritten = await insertSources(ctx, ops, seriesId, layout.added, keptIds, stamp, batch);
  await forgetStaleAlignments(ctx, seriesId, [...dropped, ...batch.sources]);
  if (dropped.length > 0) ops.speakersGc.run();

  const sourcesChanged = batch.sources.filter((s) => storedByPath.has(s.path)).length;
  const sourcesAdded = batch.sources.length - sourcesChanged;
  if (changed || batch.sources.length > 0 || sourcesRemoved > 0 || layout.moves.length > 0) {
    await db.updateTable('series').set({ ingested_at: stamp }).where('id', '=', seriesId).execute();
  }
  return {
    seriesId,
    sourcesAdded,
    sourcesChanged,
    sourcesUnchanged: batch.keep.length,
    sourcesRemoved,
    linesWritten,
    linesRemoved,
    episodes: batch.episodes.length,
    characters: batch.characters.length,
  };
}

async function upsertSeries(
  { db }: IngestContext,
  batch: IngestBatch,
  stamp: string,
): Promise<{ ord: number; changed: boolean }> {
  const s = batch.series;
  const existing = await db
    .selectFrom('series')
    .selectAll()
    .where('id', '=', s.id)
    .executeTakeFirst();
  if (existing) {
    const codebook = s.codebook ?? null;
    if (
      existing.title === s.title &&
      existing.manifest === s.manifest &&
      existing.codebook === codebook
    ) {
      return { ord: existing.ord, changed: false };
    }
    await db
      .updateTable('series')
      .set({ title: s.title, manifest: s.manifest, codebook })
      .where('id', '=', s.id)
      .execute();
    return { ord: existing.ord, changed: true };
  }
  const max = await db
    .selectFrom('series')
    .select((eb) => eb.fn.max('ord').as('ord'))
    .executeTakeFirst();
  const ord = (max?.ord ?? 0) + 1;
  if (ord > MAX_SERIES_ORD) {
    throw new ReceiptsError('INTERNAL', `The library holds at most ${MAX_SERIES_ORD} series.`);
  }
  await db
    .insertInto('series')
    .values({
      id: s.id,
      ord,
      title: s.title,
      manifest: s.manifest,
      ingested_at: stamp,
      codebook: s.codebook ?? null,
    })
    .execute();
  return { ord, changed: true };
}

/**
 * Alignments and retimings were made for the files as they were: an episode with a new,
 * changed or removed file loses its alignment, and a replaced subtitle file its retiming.
 */
async function forgetStaleAlignments(
  ctx: IngestContext,
  seriesId: string,
  touched: readonly ({ path: string } & ({ episode_id: string } | { episodeId: string }))[],
): Promise<void> {
  if (touched.length === 0) return;
  const episodes = new Set(touched.map((s) => ('episodeId' in s ? s.episodeId : s.episode_id)));
  const aligned = await ctx.db
    .selectFrom('alignments')
    .select('episode_id')
    .where('series_id', '=', seriesId)
    .execute();
  for (const { episode_id } of aligned) {
    if (episodes.has(episode_id)) await clearEpisodeAlignment(ctx, seriesId, episode_id);
  }
  const paths = touched.map((s) => s.path);
  for (let i = 0; i < paths.length; i += 500) {
    await ctx.db
      .deleteFrom('retimings')
      .where('series_id', '=', seriesId)
      .where('path', 'in', paths.slice(i, i + 500))
      .execute();
  }
}

/** Replaces the series' characters and aliases when they differ; true when it did. */
async function replaceCharacters({ db }: IngestContext, batch: IngestBatch): Promise<boolean> {
  const seriesId = batch.series.id;
  const old = await db
    .selectFrom('characters')
    .select(['ord', 'name', 'aliases', 'unlisted'])
    .where('series_id', '=', seriesId)
    .orderBy('ord')
    .execute();
  const rows = batch.characters.map((c, ord) => ({
    ord,
    name: c.name,
    aliases: JSON.stringify(c.aliases),
    unlisted: c.unlisted ? 1 : 0,
  }));
  if (same(old, rows)) return false;
  await db.deleteFrom('aliases').where('series_id', '=', seriesId).execute();
  await db.deleteFrom('characters').where('series_id', '=', seriesId).execute();
  const taken = new Set<string>();
  for (let i = 0; i < rows.length; i += 1000) {
    const chunk = rows.slice(i, i + 1000);
    const ids = await db
      .insertInto('characters')
      .values(chunk.map((r) => ({ ...r, series_id: seriesId })))
      .returning('id')
      .execute();
    const aliases: { series_id: string; key: string; character_id: number }[] = [];
    chunk.forEach((r, j) => {
      const c = batch.characters[i + j]!;
      for (const key of [c.name, ...c.aliases].map(nameKey)) {
        // First character wins a shared alias, as in CharacterIndex.
        if (key === '' || taken.has(key)) continue;
        taken.add(key);
        aliases.push({ series_id: seriesId, key, character_id: ids[j]!.id });
      }
    });
    for (let k = 0; k < aliases.length; k += 5000) {
      await db
        .insertInto('aliases')
        .values(aliases.slice(k, k + 5000))
        .execute();
    }
  }
  return true;
}
