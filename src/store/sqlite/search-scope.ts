import type BetterSqlite3 from 'better-sqlite3';
import { nameKey } from '../../domain/canon.js';
import { ReceiptsError } from '../../domain/errors.js';
import type { SearchFilters } from '../../domain/search.js';
import type { Catalog, CatalogEpisode, CatalogSeries } from './catalog.js';
import { ALL_IDS, episodesRange, seriesRange, type IdRange } from './line-ids.js';
import { prepared } from './search-fts.js';

/**
 * Search filters become id ranges (series, season, episode range: positions in canon order)
 * plus, per series, the speaker ids a speaker filter stands for. Nothing here touches lines.
 */
export interface ScopePart {
  readonly series: CatalogSeries;
  /** Episodes in scope, in canon order. */
  readonly episodes: readonly CatalogEpisode[];
  /** True when the whole series is in scope (one range, even for episodes added later). */
  readonly whole: boolean;
  /** Speaker ids (FTS tokens) of the filtered speaker in this series; null without a filter. */
  readonly speakerIds: readonly number[] | null;
}

/** One FTS query: a match expression over one id range. */
export interface Segment {
  readonly range: IdRange;
  readonly speakerIds: readonly number[] | null;
}

/** The scope of a search's filters. Throws NOT_FOUND / QUERY_INVALID for filters that name nothing. */
export function resolveScope(
  raw: BetterSqlite3.Database,
  catalog: Catalog,
  filters: SearchFilters,
): ScopePart[] {
  let seriesList: readonly CatalogSeries[] = catalog.series;
  if (filters.series !== undefined) {
    const s = catalog.byId.get(filters.series);
    if (!s) throw new ReceiptsError('NOT_FOUND', `No series "${filters.series}" in the library.`);
    seriesList = [s];
  }
  const { episodeFrom, episodeTo, season } = filters;
  const named = [episodeFrom, episodeTo].filter((e): e is string => e !== undefined);
  if (named.length > 0 && filters.series === undefined) {
    const holders = catalog.series.filter((s) => named.every((id) => s.episodeById.has(id)));
    if (holders.length === 0) {
      throw new ReceiptsError('NOT_FOUND', `No series has episode ${named.join(' and ')}.`);
    }
    if (holders.length > 1) {
      throw new ReceiptsError(
        'QUERY_INVALID',
        `Episode ${named.join('..')} is in several series (${holders.map((s) => s.id).join(', ')}): add a series filter.`,
      );
    }
    seriesList = holders;
  }

  const parts: ScopePart[] = [];
  for (const s of seriesList) {
    const position = (id: string | undefined, fallback: number): number => {
      if (id === undefined) return fallback;
      const e = s.episodeById.get(id);
      if (!e) throw new ReceiptsError('NOT_FOUND', `No episode "${id}" in series "${s.id}".`);
      return e.position;
    };
    const last = s.episodes.length - 1;
    const from = position(episodeFrom, 0);
    const to = position(episodeTo, last);
    if (from > to) {
      throw new ReceiptsError(
        'QUERY_INVALID',
        `Episode range ${episodeFrom}..${episodeTo}: ${episodeFrom} comes after ${episodeTo} in canon order.`,
      );
    }
    let episodes = s.episodes.slice(from, to + 1);
    if (season !== undefined) episodes = episodes.filter((e) => e.season === season);
    const whole = season === undefined && from === 0 && to === last;
    parts.push({ series: s, episodes, whole, speakerIds: null });
  }
  if (season !== undefined && parts.every((p) => p.episodes.length === 0)) {
    const where = filters.series === undefined ? 'the library' : `series "${filters.series}"`;
    throw new ReceiptsError('NOT_FOUND', `No season ${season} in ${where}.`);
  }
  if (filters.speaker === undefined) return parts;
  return withSpeaker(raw, parts, filters.speaker);
}

/**
 * A speaker filter resolves at query time through the aliases of each series in scope: the
 * characters that have the name as name or alias, then every speaker key that is an alias of
 * those characters; plus the key of the name itself, for labels that resolve to no character.
 */
function withSpeaker(
  raw: BetterSqlite3.Database,
  parts: ScopePart[],
  speaker: string,
): ScopePart[] {
  const key = nameKey(speaker);
  if (key === '') {
    throw new ReceiptsError('QUERY_INVALID', `Speaker filter "${speaker}" has no letters.`);
  }
  const seriesIds = parts.map((p) => p.series.id);
  if (seriesIds.length === 0) return parts;
  const inScope = JSON.stringify(seriesIds);
  const targets = prepared(
    raw,
    `SELECT character_id FROM aliases
     WHERE key = ? AND series_id IN (SELECT value FROM json_each(?))`,
  ).all(key, inScope) as { character_id: number }[];
  const ids = new Map<string, number[]>();
  if (targets.length > 0) {
    const rows = prepared(
      raw,
      `SELECT a.series_id, sp.id FROM aliases a JOIN speakers sp ON sp.key = a.key
       WHERE a.character_id IN (SELECT value FROM json_each(?))`,
    ).all(JSON.stringify(targets.map((t) => t.character_id))) as {
      series_id: string;
      id: number;
    }[];
    for (const r of rows) ids.set(r.series_id, [...(ids.get(r.series_id) ?? []), r.id]);
  }
  const own = prepared(raw, 'SELECT id FROM speakers WHERE key = ?').get(key) as
    { id: number } | undefined;
  if (targets.length === 0 && !own) {
    throw new ReceiptsError('NOT_FOUND', `No character or speaker "${speaker}" in the library.`);
  }
  return parts.map((p) => {
    const list = new Set(ids.get(p.series.id) ?? []);
    if (own) list.add(own.id);
    return { ...p, speakerIds: [...list].sort((a, b) => a - b) };
  });
}

/** Consecutive runs of positions as id ranges. */
function runs(series: CatalogSeries, episodes: readonly CatalogEpisode[]): IdRange[] {
  const out: IdRange[] = [];
  let start = -1;
  let prev = -2;
  for (const e of episodes) {
    if (e.position !== prev + 1) {
      if (start >= 0) out.push(episodesRange(series.ord, start, prev));
      start = e.position;
    }
    prev = e.position;
  }
  if (start >= 0) out.push(episodesRange(series.ord, start, prev));
  return out;
}

/** The FTS queries that cover the scope, in canon order. */
export function segments(parts: readonly ScopePart[], catalog: Catalog): Segment[] {
  const everything =
    parts.length === catalog.series.length && parts.every((p) => p.whole && !p.speakerIds);
  if (everything) return [{ range: ALL_IDS, speakerIds: null }];
  const segs = parts.flatMap((p) => {
    if (p.speakerIds && p.speakerIds.length === 0) return [];
    const ranges = p.whole ? [seriesRange(p.series.ord)] : runs(p.series, p.episodes);
    return ranges.map((range) => ({ range, speakerIds: p.speakerIds }));
  });
  return mergeAdjacent(segs);
}

/**
 * Adjacent segments with the same speaker ids as one: a speaker filter over a whole library of
 * five series whose characters share speaker keys was five count and five page queries.
 */
function mergeAdjacent(segs: readonly Segment[]): Segment[] {
  const same = (a: readonly number[] | null, b: readonly number[] | null) =>
    a === b || (a !== null && b !== null && a.length === b.length && a.every((x, i) => x === b[i]));
  const out: Segment[] = [];
  for (const seg of segs) {
    const prev = out[out.length - 1];
    if (prev && prev.range.hi + 1n === seg.range.lo && same(prev.speakerIds, seg.speakerIds)) {
      out[out.length - 1] = {
        range: { lo: prev.range.lo, hi: seg.range.hi },
        speakerIds: seg.speakerIds,
      };
    } else {
      out.push(seg);
    }
  }
  return out;
}

/**
 * The scope cut into up to `count` strata of about equal numbers of episodes, each a list of
 * segments in canon order: relevance ranking takes its candidates evenly from all of them.
 */
export function strata(parts: readonly ScopePart[], count: number): Segment[][] {
  const flat = parts.flatMap((p) =>
    p.speakerIds && p.speakerIds.length === 0 ? [] : p.episodes.map((e) => ({ p, e })),
  );
  const n = Math.min(count, flat.length);
  const out: Segment[][] = [];
  for (let k = 0; k < n; k++) {
    const chunk = flat.slice(
      Math.floor((k * flat.length) / n),
      Math.floor(((k + 1) * flat.length) / n),
    );
    const segs: Segment[] = [];
    let i = 0;
    while (i < chunk.length) {
      const part = chunk[i]!.p;
      const episodes: CatalogEpisode[] = [];
      while (i < chunk.length && chunk[i]!.p === part) episodes.push(chunk[i++]!.e);
      for (const range of runs(part.series, episodes)) {
        segs.push({ range, speakerIds: part.speakerIds });
      }
    }
    out.push(segs);
  }
  return out;
}
