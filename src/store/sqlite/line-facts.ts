import type BetterSqlite3 from 'better-sqlite3';
import { ReceiptsError } from '../../domain/errors.js';
import type { Catalog } from './catalog.js';
import { prepared } from './search-fts.js';

/** Where a line comes from. */
export interface SourceFacts {
  readonly path: string;
  readonly seriesId: string;
  readonly episodeId: string;
}

/**
 * What the lines of a result page share, read once and remembered: their source files and the
 * characters their speakers resolve to. Only an ingest changes sources and aliases, and every
 * ingest replaces the catalog, so the memo lives exactly as long as the catalog it belongs to.
 * Speakers are only ever added, so a speaker id never changes meaning.
 */
export interface LineFacts {
  source(id: number): SourceFacts;
  /** The canon character a speaker resolves to in a series, or null. */
  characterName(seriesId: string, speakerId: number): string | null;
}

const memos = new WeakMap<Catalog, LineFacts>();

export function lineFacts(raw: BetterSqlite3.Database, catalog: Catalog): LineFacts {
  let facts = memos.get(catalog);
  if (!facts) memos.set(catalog, (facts = readLineFacts(raw)));
  return facts;
}

const SOURCE =
  'SELECT path, series_id AS seriesId, episode_id AS episodeId FROM sources WHERE id = ?';
const CHARACTER = `SELECT c.name FROM speakers sp
  JOIN aliases a ON a.series_id = ? AND a.key = sp.key
  JOIN characters c ON c.id = a.character_id
  WHERE sp.id = ?`;

function readLineFacts(raw: BetterSqlite3.Database): LineFacts {
  const sources = new Map<number, SourceFacts>();
  const names = new Map<string, string | null>();
  return {
    source(id) {
      let s = sources.get(id);
      if (!s) {
        s = prepared(raw, SOURCE).get(id) as SourceFacts | undefined;
        if (!s)
          throw new ReceiptsError('INTERNAL', `A line refers to source ${id}, which is missing.`);
        sources.set(id, s);
      }
      return s;
    },
    characterName(seriesId, speakerId) {
      const key = `${speakerId}\u0000${seriesId}`;
      let name = names.get(key);
      if (name === undefined) {
        const row = prepared(raw, CHARACTER).get(seriesId, speakerId) as
          { name: string } | undefined;
        names.set(key, (name = row?.name ?? null));
      }
      return name;
    },
  };
}
