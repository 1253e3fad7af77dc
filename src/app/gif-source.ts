import { ReceiptsError } from '../domain/errors.js';
import { formatTimecode } from '../domain/time.js';
import type { CanonStore } from '../store/canon-store.js';

/** Where a clip's range comes from: times, a quote (the Nth search hit) or a stored moment. */
export type ClipSource =
  | {
      readonly kind: 'range';
      readonly episodeId: string;
      readonly startMs: number;
      readonly endMs: number;
    }
  | { readonly kind: 'quote'; readonly text: string; readonly hit?: number }
  | { readonly kind: 'moment'; readonly id: string };

export interface ClipRange {
  readonly episodeId: string;
  readonly startMs: number;
  readonly endMs: number;
  /** What the range was found from, for messages and `--json`. */
  readonly from: string;
}

/**
 * The episode and time range of a clip. A quote is searched as a phrase among subtitle cues
 * (NOT_FOUND when nothing matches or there are fewer hits than `hit`); a moment must exist and
 * carry times (MOMENT_INVALID otherwise).
 */
export async function clipSource(
  store: CanonStore,
  seriesId: string,
  source: ClipSource,
): Promise<ClipRange> {
  if (source.kind === 'range') {
    return { ...source, from: `${source.episodeId} ${formatTimecode(source.startMs)}` };
  }
  if (source.kind === 'moment') {
    const m = await store.getMoment(source.id);
    if (m === null) throw new ReceiptsError('NOT_FOUND', `There is no moment ${source.id}.`);
    if (m.startMs === null || m.endMs === null) {
      throw new ReceiptsError(
        'MOMENT_INVALID',
        `Moment ${source.id} has no start and end times: give them with \`receipts moments edit\`, or use --episode/--from/--to.`,
      );
    }
    return { episodeId: m.episode, startMs: m.startMs, endMs: m.endMs, from: `moment ${m.id}` };
  }
  const hit = source.hit ?? 1;
  const phrase = source.text.replaceAll('"', ' ').trim();
  if (phrase === '') throw new ReceiptsError('USAGE', 'The quote is empty.');
  const result = await store.search({
    query: `"${phrase}"`,
    filters: { series: seriesId, kinds: ['cue'] },
    order: 'canon',
    limit: hit,
    offset: 0,
    context: 0,
  });
  const hits = result.groups.flatMap((g) => g.hits.map((h) => ({ episode: g.episode.id, h })));
  const found = hits[hit - 1];
  if (found === undefined) {
    throw new ReceiptsError(
      'NOT_FOUND',
      hits.length === 0
        ? `No subtitle line says "${phrase}".`
        : `Only ${hits.length} subtitle line(s) say "${phrase}"; --hit ${hit} is past them.`,
    );
  }
  if (found.h.startMs === null || found.h.endMs === null) {
    throw new ReceiptsError('NOT_FOUND', `The line "${found.h.text}" has no times.`);
  }
  return {
    episodeId: found.episode,
    startMs: found.h.startMs,
    endMs: found.h.endMs,
    from: `"${found.h.text}"`,
  };
}
