import { statSync } from 'node:fs';
import type BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { ReceiptsError } from '../../domain/errors.js';
import type { SearchRequest, SearchResult } from '../../domain/search.js';
import type {
  AlignmentInfo,
  EpisodeAlignmentInput,
  RetimeInput,
  RetimingInfo,
} from '../alignment-store.js';
import type {
  MomentChange,
  MomentQuery,
  NewMoment,
  StoredMoment,
  SuggestionSummary,
} from '../moment-store.js';
import type { ProbeInput, ShotsInput, StoredMediaFacts } from '../media-store.js';
import type {
  CanonStore,
  CharacterInfo,
  EpisodeInfo,
  IngestBatch,
  IngestSummary,
  LibraryStats,
  SeriesInfo,
  StoredSource,
} from '../canon-store.js';
import { loadCatalog, type Catalog } from './catalog.js';
import * as alignment from './alignment.js';
import { readEpisodeSources } from './episode-sources.js';
import { applyIngestBatch } from './ingest.js';
import { migrate } from './migrations.js';
import * as media from './media.js';
import * as moments from './moments.js';
import * as passes from './annotation-passes.js';
import type { AnnotationPass } from '../../domain/moment.js';
import { openDatabase, toStoreError, type OpenDatabaseOptions } from './open-database.js';
import { parseFtsAverages, type RankStats } from './rank.js';
import type { LibrarySchema } from './schema.js';
import { DEFAULT_SEARCH_LIMITS, searchLines, type SearchLimits } from './search.js';
import { SearchCache } from './search-cache.js';
import { inReadTransaction } from './transactions.js';

export interface SqliteStoreOptions extends OpenDatabaseOptions, Partial<SearchLimits> {
  /** Clock for ingest timestamps (tests). */
  readonly now?: () => Date;
  /** Recent search results kept (search-cache.ts); 0 turns the cache off (benchmarks). */
  readonly searchCache?: number;
}

const SEARCH_CACHE_ENTRIES = 500;

/**
 * Opens a library file (created when missing), applying pending migrations. Throws
 * DB_UNREADABLE for a file that is not a library or cannot be opened, DB_BUSY when another
 * process holds the lock for longer than the busy timeout.
 */
export async function openSqliteStore(
  file: string,
  options: SqliteStoreOptions = {},
): Promise<CanonStore> {
  const now = options.now ?? (() => new Date());
  const raw = openDatabase(file, options);
  try {
    migrate(raw, file, now);
  } catch (e) {
    raw.close();
    throw toStoreError(e, file);
  }
  return Promise.resolve(
    new SqliteCanonStore(
      file,
      raw,
      now,
      {
        countCap: options.countCap ?? DEFAULT_SEARCH_LIMITS.countCap,
        rankCandidates: options.rankCandidates ?? DEFAULT_SEARCH_LIMITS.rankCandidates,
        rankSample: options.rankSample ?? DEFAULT_SEARCH_LIMITS.rankSample,
      },
      new SearchCache(raw, options.searchCache ?? SEARCH_CACHE_ENTRIES),
    ),
  );
}

const TOP_SPEAKERS = 10;

class SqliteCanonStore implements CanonStore {
  private readonly db: Kysely<LibrarySchema>;
  private queue: Promise<unknown> = Promise.resolve();
  private catalog: Catalog | null = null;
  private rankStatsCache: RankStats | null = null;
  private dataVersion = -1;
  // Prepared once: `raw.pragma()` prepares its statement on every call (3 % of a search).
  private readonly dataVersionQuery: BetterSqlite3.Statement;
  private closed = false;

  constructor(
    private readonly file: string,
    private readonly raw: BetterSqlite3.Database,
    private readonly now: () => Date,
    private readonly limits: SearchLimits,
    private readonly searchCache: SearchCache,
  ) {
    this.db = new Kysely<LibrarySchema>({ dialect: new SqliteDialect({ database: raw }) });
    this.dataVersionQuery = raw.prepare('SELECT data_version FROM pragma_data_version').pluck();
  }

  /**
   * One operation at a time: kysely awaits between statements, and a search must not run
   * inside an ingest's open transaction on the same connection. Driver errors about the file
   * become DB_UNREADABLE / DB_BUSY.
   */
  private run<T>(op: () => Promise<T>): Promise<T> {
    const next = this.queue.then(async () => {
      if (this.closed) throw new ReceiptsError('INTERNAL', 'The library was closed.');
      try {
        return await op();
      } catch (e) {
        throw toStoreError(e, this.file);
      }
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** The catalog, reloaded when another connection committed since it was read. */
  private async current(): Promise<Catalog> {
    const version = this.dataVersionQuery.get() as number;
    if (!this.catalog || version !== this.dataVersion) {
      this.catalog = await loadCatalog(this.db);
      this.rankStatsCache = null;
      this.dataVersion = version;
    }
    return this.catalog;
  }

  private async rankStats(): Promise<RankStats> {
    if (!this.rankStatsCache) {
      const { rows } = await sql<{ block: Uint8Array }>`
        SELECT block FROM lines_fts_data WHERE id = 1`.execute(this.db);
      this.rankStatsCache = parseFtsAverages(rows[0]?.block) ?? { docs: 0, avgTokens: 10 };
    }
    return this.rankStatsCache;
  }

  sourceHashes(seriesId: string): Promise<ReadonlyMap<string, string>> {
    return this.run(async () => {
      const rows = await this.db
        .selectFrom('sources')
        .select(['path', 'hash'])
        .where('series_id', '=', seriesId)
        .orderBy('path')
        .execute();
      return new Map(rows.map((r) => [r.path, r.hash]));
    });
  }

  speakerLabels(seriesId: string, paths: readonly string[]): Promise<readonly string[]> {
    return this.run(async () => {
      if (paths.length === 0) return [];
      const rows = await this.db
        .selectFrom('source_speakers')
        .innerJoin('sources', 'sources.id', 'source_speakers.source_id')
        .innerJoin('speakers', 'speakers.id', 'source_speakers.speaker_id')
        .select('speakers.label')
        .distinct()
        .where('sources.series_id', '=', seriesId)
        .where('sources.path', 'in', paths)
        .orderBy('speakers.label')
        .execute();
      return rows.map((r) => r.label);
    });
  }

  applyIngest(batch: IngestBatch): Promise<IngestSummary> {
    return this.run(async () => {
      try {
        return await applyIngestBatch({ db: this.db, raw: this.raw, now: this.now }, batch);
      } finally {
        this.catalog = null; // our own commits do not change data_version
      }
    });
  }

  /** What the write modules (moments, alignment) need: kysely, the raw handle, the clock. */
  private get writeContext(): alignment.AlignmentContext &
    moments.MomentsContext &
    media.MediaContext {
    return { db: this.db, raw: this.raw, now: this.now };
  }

  saveAlignment(input: EpisodeAlignmentInput): Promise<void> {
    return this.run(() => alignment.saveAlignment(this.writeContext, input));
  }

  clearAlignment(seriesId: string, episodeId: string): Promise<boolean> {
    return this.run(() => alignment.clearAlignment(this.writeContext, seriesId, episodeId));
  }

  listAlignments(seriesId: string): Promise<readonly AlignmentInfo[]> {
    return this.run(() => alignment.listAlignments(this.writeContext, seriesId));
  }

  retime(input: RetimeInput): Promise<RetimingInfo & { readonly clamped: number }> {
    return this.run(() => alignment.retime(this.writeContext, input));
  }

  undoRetime(seriesId: string, path: string): Promise<boolean> {
    return this.run(() => alignment.undoRetime(this.writeContext, seriesId, path));
  }

  listRetimings(seriesId: string): Promise<readonly RetimingInfo[]> {
    return this.run(() => alignment.listRetimings(this.writeContext, seriesId));
  }

  mediaFacts(seriesId: string, episodeId: string): Promise<StoredMediaFacts | null> {
    return this.run(() => media.mediaFacts(this.writeContext, seriesId, episodeId));
  }

  saveProbe(input: ProbeInput): Promise<void> {
    return this.run(() => media.saveProbe(this.writeContext, input));
  }

  saveShots(input: ShotsInput): Promise<void> {
    return this.run(() => media.saveShots(this.writeContext, input));
  }

  addMoment(moment: NewMoment): Promise<StoredMoment> {
    return this.run(() => moments.addMoment(this.writeContext, moment));
  }

  getMoment(id: string): Promise<StoredMoment | null> {
    return this.run(() => moments.getMoment(this.writeContext, id));
  }

  listMoments(query: MomentQuery): Promise<readonly StoredMoment[]> {
    return this.run(() => moments.listMoments(this.writeContext, query));
  }

  updateMoment(id: string, expectedVersion: number, change: MomentChange): Promise<StoredMoment> {
    return this.run(() => moments.updateMoment(this.writeContext, id, expectedVersion, change));
  }

  removeMoment(id: string, expectedVersion: number): Promise<void> {
    return this.run(() => moments.removeMoment(this.writeContext, id, expectedVersion));
  }

  replaceSuggestions(
    seriesId: string,
    episodeIds: readonly string[],
    suggestions: readonly NewMoment[],
  ): Promise<SuggestionSummary> {
    return this.run(() =>
      moments.replaceSuggestions(this.writeContext, seriesId, episodeIds, suggestions),
    );
  }

  setReviewed(
    seriesId: string,
    episodeIds: readonly string[],
    tier: string,
    reviewed: boolean,
    by: string | null,
  ): Promise<void> {
    return this.run(() =>
      passes.setReviewed(this.writeContext, seriesId, episodeIds, tier, reviewed, by),
    );
  }

  annotationPasses(seriesId: string): Promise<readonly AnnotationPass[]> {
    return this.run(() => passes.annotationPasses(this.writeContext, seriesId));
  }

  episodeSources(seriesId: string, episodeId: string): Promise<readonly StoredSource[]> {
    return this.run(async () =>
      readEpisodeSources(this.db, await this.current(), seriesId, episodeId),
    );
  }

  search(request: SearchRequest): Promise<SearchResult> {
    return this.run(() =>
      inReadTransaction(this.raw, async () => {
        const catalog = await this.current();
        return this.searchCache.get(request, () =>
          searchLines(
            {
              db: this.db,
              raw: this.raw,
              catalog,
              limits: this.limits,
              rankStats: () => this.rankStats(),
            },
            request,
          ),
        );
      }),
    );
  }

  listSeries(): Promise<readonly SeriesInfo[]> {
    return this.run(async () => {
      const catalog = await this.current();
      const lines = await this.db
        .selectFrom('sources')
        .select([
          'series_id',
          sql<number>`sum(cue_lines + dialogue_lines + action_lines + scene_lines)`.as('lines'),
        ])
        .groupBy('series_id')
        .execute();
      const count = new Map(lines.map((r) => [r.series_id, r.lines]));
      return catalog.series.map((s) => ({
        id: s.id,
        title: s.title,
        manifest: s.manifest,
        episodes: s.episodes.length,
        lines: count.get(s.id) ?? 0,
        ingestedAt: s.ingestedAt,
        codebook: s.codebook,
      }));
    });
  }

  listEpisodes(seriesId?: string): Promise<readonly EpisodeInfo[]> {
    return this.run(async () => {
      const series = this.scope(await this.current(), seriesId);
      let q = this.db
        .selectFrom('sources')
        .select([
          'series_id',
          'episode_id',
          'path',
          'role',
          'format',
          'language',
          'encoding',
          sql<number>`cue_lines + dialogue_lines + action_lines + scene_lines`.as('lines'),
          'cue_lines',
        ])
        .orderBy('path');
      if (seriesId !== undefined) q = q.where('series_id', '=', seriesId);
      const sources = await q.execute();
      const byEpisode = new Map<string, typeof sources>();
      for (const s of sources) {
        const k = `${s.series_id}\u0000${s.episode_id}`;
        byEpisode.set(k, [...(byEpisode.get(k) ?? []), s]);
      }
      return series.flatMap((s) =>
        s.episodes.map((e): EpisodeInfo => {
          const list = byEpisode.get(`${s.id}\u0000${e.id}`) ?? [];
          const transcripts = list.filter((x) => x.role === 'transcript');
          return {
            ...e,
            seriesId: s.id,
            cues: list.reduce((n, x) => n + x.cue_lines, 0),
            transcriptLines: transcripts.reduce((n, x) => n + x.lines, 0),
            sources: list.map((x) => ({
              path: x.path,
              role: x.role,
              format: x.format,
              language: x.language,
              encoding: x.encoding,
            })),
          };
        }),
      );
    });
  }

  listCharacters(seriesId?: string): Promise<readonly CharacterInfo[]> {
    return this.run(async () => {
      const series = this.scope(await this.current(), seriesId);
      const ids = series.map((s) => s.id);
      if (ids.length === 0) return [];
      const chars = await this.db
        .selectFrom('characters')
        .select(['id', 'series_id', 'name', 'aliases', 'unlisted'])
        .where('series_id', 'in', ids)
        .orderBy('ord')
        .execute();
      // Speaker keys resolve through aliases at query time, so counts do too.
      const counts = await this.db
        .selectFrom('characters as c')
        .innerJoin('aliases as a', 'a.character_id', 'c.id')
        .innerJoin('speakers as sp', 'sp.key', 'a.key')
        .innerJoin('source_speakers as ss', 'ss.speaker_id', 'sp.id')
        .innerJoin('sources as s', (j) =>
          j.onRef('s.id', '=', 'ss.source_id').onRef('s.series_id', '=', 'c.series_id'),
        )
        .select([
          'c.id',
          sql<number>`sum(ss.spoken)`.as('lines'),
          sql<number>`count(DISTINCT s.episode_id)`.as('episodes'),
        ])
        .where('c.series_id', 'in', ids)
        .where('ss.spoken', '>', 0)
        .groupBy('c.id')
        .execute();
      const byId = new Map(counts.map((r) => [r.id, r]));
      const order = new Map(ids.map((id, i) => [id, i]));
      return chars
        .sort((a, b) => order.get(a.series_id)! - order.get(b.series_id)!)
        .map((c) => ({
          seriesId: c.series_id,
          name: c.name,
          aliases: JSON.parse(c.aliases) as string[],
          unlisted: c.unlisted === 1,
          lines: byId.get(c.id)?.lines ?? 0,
          episodes: byId.get(c.id)?.episodes ?? 0,
        }));
    });
  }

  stats(seriesId?: string): Promise<LibraryStats> {
    return this.run(async () => {
      const series = this.scope(await this.current(), seriesId);
      const ids = series.map((s) => s.id);
      const none = ids.length === 0;
      const inScope = <T>(rows: T[]) => (none ? [] : rows);
      const kinds = inScope(
        await this.db
          .selectFrom('sources')
          .select([
            sql<number>`count(*)`.as('sources'),
            sql<number>`coalesce(sum(cue_lines), 0)`.as('cue'),
            sql<number>`coalesce(sum(dialogue_lines), 0)`.as('dialogue'),
            sql<number>`coalesce(sum(action_lines), 0)`.as('action'),
            sql<number>`coalesce(sum(scene_lines), 0)`.as('scene'),
          ])
          .where('series_id', 'in', none ? [''] : ids)
          .execute(),
      )[0];
      const characters = inScope(
        await this.db
          .selectFrom('characters')
          .select([
            sql<number>`count(*)`.as('all'),
            sql<number>`coalesce(sum(unlisted), 0)`.as('unlisted'),
          ])
          .where('series_id', 'in', none ? [''] : ids)
          .execute(),
      )[0];
      // Top speakers by spoken lines: canonical name when the key resolves, else the label.
      const speakers = inScope(
        await this.db
          .selectFrom('source_speakers as ss')
          .innerJoin('sources as s', 's.id', 'ss.source_id')
          .innerJoin('speakers as sp', 'sp.id', 'ss.speaker_id')
          .leftJoin('aliases as a', (j) =>
            j.onRef('a.series_id', '=', 's.series_id').onRef('a.key', '=', 'sp.key'),
          )
          .leftJoin('characters as c', 'c.id', 'a.character_id')
          .select([
            sql<string>`coalesce(c.name, sp.label)`.as('name'),
            sql<number>`sum(ss.spoken)`.as('lines'),
          ])
          .where('s.series_id', 'in', none ? [''] : ids)
          .where('ss.spoken', '>', 0)
          .groupBy(sql`coalesce(c.name, sp.label)`)
          .orderBy('lines', 'desc')
          .orderBy('name')
          .limit(TOP_SPEAKERS)
          .execute(),
      );
      return {
        series: series.length,
        episodes: series.reduce((n, s) => n + s.episodes.length, 0),
        characters: characters?.all ?? 0,
        unlistedCharacters: characters?.unlisted ?? 0,
        sources: kinds?.sources ?? 0,
        linesByKind: {
          cue: kinds?.cue ?? 0,
          dialogue: kinds?.dialogue ?? 0,
          action: kinds?.action ?? 0,
          scene: kinds?.scene ?? 0,
        },
        topSpeakers: speakers.map((r) => ({ name: r.name, lines: r.lines })),
        dbBytes: this.dbBytes(),
      };
    });
  }

  close(): Promise<void> {
    return this.run(async () => {
      this.closed = true;
      await this.db.destroy();
      if (this.raw.open) this.raw.close(); // kysely closes it only if it ever connected
    });
  }

  private scope(catalog: Catalog, seriesId: string | undefined) {
    if (seriesId === undefined) return catalog.series;
    const s = catalog.byId.get(seriesId);
    if (!s) throw new ReceiptsError('NOT_FOUND', `No series "${seriesId}" in the library.`);
    return [s];
  }

  /** Database file plus its WAL; null for an in-memory library. */
  private dbBytes(): number | null {
    if (this.raw.memory) return null;
    let bytes = 0;
    for (const f of [this.file, `${this.file}-wal`]) {
      try {
        bytes += statSync(f).size;
      } catch {
        // no WAL file at the moment
      }
    }
    return bytes;
  }
}
