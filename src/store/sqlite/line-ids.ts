/**
 * Line ids are canon order: `series.ord * 2^36 + episode.position * 2^20 + offset`, where the
 * offset runs over the episode's sources (subtitles before transcripts, then by path) and the
 * source's seq. FTS5 returns matches in rowid order, so `ORDER BY rowid LIMIT n` is canon
 * order that stops after n rows instead of sorting every match, and series, seasons and
 * episode ranges are rowid ranges that FTS5 seeks to natively.
 *
 * Room: 131,071 series, 65,536 episodes per series, 1,048,576 lines per episode; the largest id
 * stays below 2^53, so ids are exact JavaScript numbers.
 *
 * Bind ranges as bigint: better-sqlite3 binds a JS number as REAL, and FTS5 then ignores the
 * rowid constraint and scans from the start (measured: 12 ms instead of 0.05 ms for "you").
 */
export const SERIES_UNIT = 2 ** 36;
export const EPISODE_UNIT = 2 ** 20;
export const MAX_SERIES_ORD = 2 ** 17 - 1;
export const MAX_EPISODES = 2 ** 16;
export const MAX_EPISODE_LINES = EPISODE_UNIT;

/** The id of offset 0 of an episode. */
export function episodeBase(seriesOrd: number, position: number): number {
  return seriesOrd * SERIES_UNIT + position * EPISODE_UNIT;
}

/** Inclusive id range of the episodes at positions from..to of a series. */
export function episodesRange(seriesOrd: number, from: number, to: number): IdRange {
  return {
    lo: BigInt(episodeBase(seriesOrd, from)),
    hi: BigInt(episodeBase(seriesOrd, to) + EPISODE_UNIT - 1),
  };
}

/** Inclusive id range of a whole series. */
export function seriesRange(seriesOrd: number): IdRange {
  return episodesRange(seriesOrd, 0, MAX_EPISODES - 1);
}

/** Every id. */
export const ALL_IDS: IdRange = { lo: 0n, hi: BigInt(Number.MAX_SAFE_INTEGER) };

export interface IdRange {
  readonly lo: bigint;
  readonly hi: bigint;
}

/** Series ord of a line id. */
export function seriesOrdOf(id: number): number {
  return Math.floor(id / SERIES_UNIT);
}

/** Episode position of a line id. */
export function positionOf(id: number): number {
  return Math.floor((id % SERIES_UNIT) / EPISODE_UNIT);
}
