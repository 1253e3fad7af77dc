import { join } from 'node:path';
import { seasonEpisodeId } from '../domain/episode-naming.js';
import type { ManifestEpisode } from '../formats/canon-manifest.js';
import { readTranscript } from '../formats/read-transcript.js';
import { readUserFile } from './read-file.js';

// The parts of `receipts init` that read file contents; the rest works from names alone.

/**
 * A CSV transcript may hold a whole series (one row per line, with Season and Episode
 * columns). Unlike the rest of `init`, this reads the file: its parts are the episodes.
 * Episodes are numbered within their season in the CSV's order.
 */
export async function csvEpisodes(folder: string, file: string): Promise<ManifestEpisode[]> {
  const { parts } = readTranscript(await readUserFile(join(folder, file)), file, {
    dialect: 'csv',
  });
  const perSeason = new Map<number, number>();
  return parts.map((p, i) => {
    const season = p.season ?? 1;
    const number = (perSeason.get(season) ?? 0) + 1;
    perSeason.set(season, number);
    return {
      id: seasonEpisodeId(season, number),
      season,
      number,
      title: p.title,
      airDate: null,
      storyOrder: null,
      video: null,
      subtitles: [],
      transcripts: [{ file, dialect: 'csv', part: p.key ?? String(i + 1) }],
    };
  });
}

/** Merge CSV episodes into the episodes found by name: same id -> one episode. */
export function mergeEpisodes(
  byName: readonly ManifestEpisode[],
  fromCsv: readonly ManifestEpisode[],
): ManifestEpisode[] {
  const out = new Map(byName.map((e) => [e.id, { ...e, transcripts: [...e.transcripts] }]));
  for (const e of fromCsv) {
    const have = out.get(e.id);
    if (!have) out.set(e.id, { ...e, transcripts: [...e.transcripts] });
    else {
      have.transcripts.push(...e.transcripts);
      if (have.title === null) out.set(e.id, { ...have, title: e.title });
    }
  }
  return [...out.values()].sort(
    (a, b) =>
      (a.season ?? Infinity) - (b.season ?? Infinity) ||
      (a.number ?? Infinity) - (b.number ?? Infinity) ||
      a.id.localeCompare(b.id),
  );
}

/**
 * Episodes whose file names give no title take the one their transcript's header states
 * (Frasier's `0101.txt` begins "The Good Son"). Reads only those transcripts; a transcript
 * that cannot be read is left for ingest to report.
 */
export async function titlesFromTranscripts(
  folder: string,
  episodes: readonly ManifestEpisode[],
): Promise<ManifestEpisode[]> {
  return Promise.all(
    episodes.map(async (e) => {
      const t = e.transcripts[0];
      if (e.title !== null || !t || t.part !== null) return e;
      try {
        const { parts } = readTranscript(await readUserFile(join(folder, t.file)), t.file);
        const title = parts.length === 1 ? parts[0]!.transcript.title : null;
        return title ? { ...e, title } : e;
      } catch {
        return e;
      }
    }),
  );
}
