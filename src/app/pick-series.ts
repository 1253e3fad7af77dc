import { ReceiptsError } from '../domain/errors.js';
import type { CanonStore, SeriesInfo } from '../store/canon-store.js';

/**
 * The series a command works on: the one named, or the only one in the library. USAGE when
 * the library holds several and none is named; NOT_FOUND for an unknown id or an empty library.
 */
export async function pickSeries(store: CanonStore, id?: string): Promise<SeriesInfo> {
  const all = await store.listSeries();
  if (all.length === 0) {
    throw new ReceiptsError(
      'NOT_FOUND',
      'The library holds no series yet: run `receipts ingest <canon.yaml>` first.',
    );
  }
  const ids = all.map((s) => s.id).join(', ');
  if (id === undefined) {
    if (all.length === 1) return all[0]!;
    throw new ReceiptsError(
      'USAGE',
      `The library holds ${all.length} series; name one with --series (${ids}).`,
    );
  }
  const found = all.find((s) => s.id === id);
  if (found === undefined) {
    throw new ReceiptsError('NOT_FOUND', `There is no series "${id}" in the library (${ids}).`);
  }
  return found;
}

/** The episodes named (checked against the series), or all of them with `all`. */
export async function pickEpisodes(
  store: CanonStore,
  seriesId: string,
  named: readonly string[],
  all: boolean,
): Promise<string[]> {
  const episodes = (await store.listEpisodes(seriesId)).map((e) => e.id);
  if (all) return episodes;
  if (named.length === 0) {
    throw new ReceiptsError('USAGE', 'Name one or more episodes (e.g. S01E02), or pass --all.');
  }
  const known = new Set(episodes);
  const unknown = named.filter((e) => !known.has(e));
  if (unknown.length > 0) {
    throw new ReceiptsError(
      'NOT_FOUND',
      `No episode ${unknown.join(', ')} in ${seriesId} (episodes: ${episodes.slice(0, 5).join(', ')}${episodes.length > 5 ? ', ...' : ''}).`,
    );
  }
  return [...named];
}
