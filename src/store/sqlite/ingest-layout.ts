import { ReceiptsError } from '../../domain/errors.js';
import type { IngestBatch, SourceInput } from '../canon-store.js';
import type { SourceRow } from './ingest.js';
import { MAX_EPISODE_LINES, episodeBase } from './line-ids.js';

const roleRank = (role: string) => (role === 'subtitle' ? 0 : 1);

export interface Placed {
  readonly source: SourceInput;
  readonly firstId: number;
  readonly span: number;
}

export interface Move {
  readonly row: SourceRow;
  readonly to: number;
}

/**
 * Ids for the sources of every episode that gains a source or changes position: its sources in
 * order (subtitles, then transcripts, each by path) packed from the episode's base id. Kept
 * sources of other episodes keep their ids.
 */
export function layOut(
  ord: number,
  batch: IngestBatch,
  kept: readonly SourceRow[],
  moved: (episodeId: string) => boolean,
  position: ReadonlyMap<string, number>,
): { added: Placed[]; moves: Move[] } {
  type Item = { path: string; role: string; span: number; row?: SourceRow; source?: SourceInput };
  const byEpisode = new Map<string, Item[]>();
  const add = (episodeId: string, item: Item) =>
    byEpisode.set(episodeId, [...(byEpisode.get(episodeId) ?? []), item]);
  for (const source of batch.sources) {
    add(source.episodeId, { path: source.path, role: source.role, span: spanOf(source), source });
  }
  for (const row of kept)
    add(row.episode_id, { path: row.path, role: row.role, span: row.span, row });

  const added: Placed[] = [];
  const moves: Move[] = [];
  for (const [episodeId, items] of byEpisode) {
    if (!items.some((i) => i.source) && !moved(episodeId)) continue;
    items.sort((a, b) => roleRank(a.role) - roleRank(b.role) || (a.path < b.path ? -1 : 1));
    const base = episodeBase(ord, position.get(episodeId)!);
    let offset = 0;
    for (const item of items) {
      const firstId = base + offset;
      offset += item.span;
      if (offset > MAX_EPISODE_LINES) {
        throw new ReceiptsError(
          'MANIFEST_INVALID',
          `Episode ${episodeId} has more than ${MAX_EPISODE_LINES} lines across its files.`,
          { file: item.path },
        );
      }
      if (item.source) added.push({ source: item.source, firstId, span: item.span });
      else if (item.row && item.row.first_id !== firstId)
        moves.push({ row: item.row, to: firstId });
    }
  }
  return { added, moves };
}

/** max(seq) + 1, checking that every seq is a whole number the layout can hold. */
function spanOf(source: SourceInput): number {
  let max = -1;
  for (const l of source.lines) {
    if (!Number.isInteger(l.seq) || l.seq < 0 || l.seq >= MAX_EPISODE_LINES) {
      throw new ReceiptsError('INTERNAL', `Line ${l.line} has an invalid seq ${l.seq}.`, {
        file: source.path,
        line: l.line,
      });
    }
    if (l.seq > max) max = l.seq;
  }
  return max + 1;
}
