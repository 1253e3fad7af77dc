import { CharacterIndex } from '../domain/canon.js';
import { CodebookIndex } from '../domain/codebook.js';
import type { CanonStore, CharacterInfo, EpisodeInfo, SeriesInfo } from '../store/canon-store.js';
import { codebookFrom } from './codebooks.js';
import { pickSeries } from './pick-series.js';

/** What validating and reading moments of one series needs: its codebook, episodes and names. */
export interface SeriesContext {
  readonly series: SeriesInfo;
  readonly codebook: CodebookIndex;
  readonly episodes: readonly EpisodeInfo[];
  readonly characters: readonly CharacterInfo[];
  readonly names: CharacterIndex;
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

/** The length of an episode's video when it has been probed, else null. */
export async function episodeDuration(
  store: CanonStore,
  seriesId: string,
  episodeId: string,
): Promise<number | null> {
  return (await store.mediaFacts(seriesId, episodeId))?.probe.durationMs ?? null;
}
