import { CharacterIndex } from '../domain/canon.js';
import { CodebookIndex } from '../domain/codebook.js';
import { ReceiptsError } from '../domain/errors.js';
import type { CanonStore, CharacterInfo, EpisodeInfo, SeriesInfo } from '../store/canon-store.js';
import { codebookFrom } from './codebooks.js';

/** What validating and reading moments of one series needs: its codebook, episodes and names. */
export interface SeriesContext {
  readonly series: SeriesInfo;
  readonly codebook: CodebookIndex;
  readonly episodes: readonly EpisodeInfo[];
  readonly characters: readonly CharacterInfo[];
  readonly names: CharacterIndex;
}

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

/** The codebook a series uses, indexed: its own (which may extend the default) or the default. */
export function seriesCodebook(series: SeriesInfo): CodebookIndex {
  return new CodebookIndex(codebookFrom(series.codebook, `${series.manifest} (codebook)`));
}

/** Load everything validation needs for the series `id` (or the only series). */
export async function loadSeriesContext(store: CanonStore, id?: string): Promise<SeriesContext> {
  const series = await pickSeries(store, id);
  const [episodes, characters] = await Promise.all([
    store.listEpisodes(series.id),
    store.listCharacters(series.id),
  ]);
  return {
    series,
    codebook: seriesCodebook(series),
    episodes,
    characters,
    names: new CharacterIndex(characters),
  };
}

/** The episode with this id in canon order (case-insensitive: `s27e13` finds `S27E13`), or null. */
export function findEpisode(episodes: readonly EpisodeInfo[], id: string): EpisodeInfo | null {
  const key = id.trim().toLowerCase();
  return episodes.find((e) => e.id.toLowerCase() === key) ?? null;
}
