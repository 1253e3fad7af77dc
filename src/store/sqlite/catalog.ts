import type { Kysely } from 'kysely';
import type { Episode } from '../../domain/canon.js';
import type { LibrarySchema } from './schema.js';

/**
 * The small part of the library every search needs (series and their episodes in canon order),
 * held in memory and reloaded when the database changes (`PRAGMA data_version` for other
 * processes, an explicit reset after our own ingest).
 */
export interface Catalog {
  /** By ord, i.e. canon order of series. */
  readonly series: readonly CatalogSeries[];
  readonly byId: ReadonlyMap<string, CatalogSeries>;
}

export interface CatalogSeries {
  readonly id: string;
  readonly ord: number;
  readonly title: string;
  readonly manifest: string;
  readonly ingestedAt: string;
  readonly codebook: string | null;
  /** By position. */
  readonly episodes: readonly CatalogEpisode[];
  readonly episodeById: ReadonlyMap<string, CatalogEpisode>;
}

export interface CatalogEpisode extends Episode {
  readonly position: number;
  readonly video: string | null;
}

export async function loadCatalog(db: Kysely<LibrarySchema>): Promise<Catalog> {
  const seriesRows = await db.selectFrom('series').selectAll().orderBy('ord').execute();
  const episodeRows = await db
    .selectFrom('episodes')
    .selectAll()
    .orderBy('series_id')
    .orderBy('position')
    .execute();
  const episodesBySeries = new Map<string, CatalogEpisode[]>();
  for (const e of episodeRows) {
    const list = episodesBySeries.get(e.series_id) ?? [];
    list.push({
      id: e.id,
      position: e.position,
      season: e.season,
      number: e.number,
      title: e.title,
      airDate: e.air_date,
      storyOrder: e.story_order,
      video: e.video,
    });
    episodesBySeries.set(e.series_id, list);
  }
  const series = seriesRows.map((s): CatalogSeries => {
    const episodes = episodesBySeries.get(s.id) ?? [];
    return {
      id: s.id,
      ord: s.ord,
      title: s.title,
      manifest: s.manifest,
      codebook: s.codebook,
      ingestedAt: s.ingested_at,
      episodes,
      episodeById: new Map(episodes.map((e) => [e.id, e])),
    };
  });
  return { series, byId: new Map(series.map((s) => [s.id, s])) };
}
