import type { CanonStore } from '../store/canon-store.js';
import type { EpisodeCoverage, LibraryOverview, SeriesOverview } from './workbench-types.js';

/**
 * Every series with its episodes in canon order and how far each is covered: sources,
 * video, alignment, moments suggested and confirmed. One read of each table per series,
 * so the library page stays quick on a 264-episode canon.
 */
export async function libraryOverview(store: CanonStore): Promise<LibraryOverview> {
  const series: SeriesOverview[] = [];
  for (const s of await store.listSeries()) {
    const [episodes, alignments, moments, characters] = await Promise.all([
      store.listEpisodes(s.id),
      store.listAlignments(s.id),
      store.listMoments({ seriesId: s.id, review: ['suggested', 'confirmed'] }),
      store.listCharacters(s.id),
    ]);
    const aligned = new Map(alignments.map((a) => [a.episodeId, a]));
    const counts = new Map<string, { suggested: number; confirmed: number }>();
    for (const m of moments) {
      const c = counts.get(m.episode) ?? { suggested: 0, confirmed: 0 };
      if (m.review === 'confirmed') c.confirmed++;
      else c.suggested++;
      counts.set(m.episode, c);
    }
    series.push({
      id: s.id,
      title: s.title,
      ingestedAt: s.ingestedAt,
      lines: s.lines,
      episodes: episodes.map((e): EpisodeCoverage => {
        const a = aligned.get(e.id);
        return {
          id: e.id,
          season: e.season,
          number: e.number,
          title: e.title,
          airDate: e.airDate,
          storyOrder: e.storyOrder,
          // Whether there is a video, never where: paths stay on the server.
          video: e.video !== null,
          cues: e.cues,
          transcriptLines: e.transcriptLines,
          subtitles: e.sources.filter((x) => x.role === 'subtitle').length,
          transcripts: e.sources.filter((x) => x.role === 'transcript').length,
          aligned: a ? { cueMatch: a.cueMatch, lineMatch: a.lineMatch } : null,
          moments: counts.get(e.id) ?? { suggested: 0, confirmed: 0 },
        };
      }),
      characters: characters
        .filter((c) => !c.unlisted || c.lines > 0)
        .sort((x, y) => y.lines - x.lines || x.name.localeCompare(y.name))
        .map((c) => ({ name: c.name, lines: c.lines })),
    });
  }
  return { series };
}
