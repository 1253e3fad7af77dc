import type { Kysely } from 'kysely';
import { ReceiptsError } from '../../domain/errors.js';
import type { StoredSource } from '../canon-store.js';
import type { Catalog } from './catalog.js';
import type { LibrarySchema } from './schema.js';

/** An episode's sources with their lines, read by each source's id range (see line-ids.ts). */
export async function readEpisodeSources(
  db: Kysely<LibrarySchema>,
  catalog: Catalog,
  seriesId: string,
  episodeId: string,
): Promise<StoredSource[]> {
  const series = catalog.byId.get(seriesId);
  if (!series?.episodeById.has(episodeId)) {
    throw new ReceiptsError(
      'NOT_FOUND',
      series
        ? `There is no episode ${episodeId} in ${series.title}.`
        : `There is no series "${seriesId}" in the library.`,
    );
  }
  const sources = await db
    .selectFrom('sources')
    .select(['path', 'role', 'format', 'encoding', 'language', 'first_id', 'span'])
    .where('series_id', '=', seriesId)
    .where('episode_id', '=', episodeId)
    .orderBy('role')
    .orderBy('path')
    .execute();
  const out: StoredSource[] = [];
  for (const s of sources) {
    const rows = await db
      .selectFrom('lines')
      .select([
        'id',
        'kind',
        'seq',
        'line',
        'start_ms',
        'end_ms',
        'speaker_label',
        'qualifier',
        'text',
        'styled',
        'sound',
      ])
      .where('id', '>=', s.first_id)
      .where('id', '<', s.first_id + s.span)
      .orderBy('id')
      .execute();
    out.push({
      path: s.path,
      role: s.role,
      format: s.format,
      encoding: s.encoding,
      language: s.language,
      lines: rows.map((r) => ({
        id: r.id,
        kind: r.kind,
        seq: r.seq,
        line: r.line,
        startMs: r.start_ms,
        endMs: r.end_ms,
        speakerLabel: r.speaker_label,
        qualifier: r.qualifier,
        text: r.text,
        styled: r.styled,
        sound: r.sound === 1,
      })),
    });
  }
  return out;
}
