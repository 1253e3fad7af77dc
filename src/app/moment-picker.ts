import type { CanonStore } from '../store/canon-store.js';
import { allMoments } from './moments.js';
import { seriesCodebook } from './moments-series.js';
import type { PickableMoment } from './workbench-types.js';

/**
 * Confirmed moments of every series whose description holds every word of `q` (any case, in
 * any order: episode, term or its label, people, note, series title), in canon order, at most
 * `limit`. An empty `q` lists the first ones.
 */
export async function findMoments(
  store: CanonStore,
  q: string,
  limit: number,
): Promise<PickableMoment[]> {
  const words = q.toLowerCase().split(/\s+/u).filter(Boolean);
  const out: PickableMoment[] = [];
  for (const series of await store.listSeries()) {
    const codebook = seriesCodebook(series);
    const moments = await allMoments(store, { seriesId: series.id, review: ['confirmed'] });
    for (const m of moments) {
      const termLabel = codebook.term(m.term)?.label ?? m.term;
      const text = [
        m.episode,
        m.term,
        termLabel,
        m.initiator ?? '',
        ...m.recipients,
        m.note ?? '',
        series.title,
      ]
        .join(' ')
        .toLowerCase();
      if (!words.every((w) => text.includes(w))) continue;
      out.push({
        id: m.id,
        series: { id: series.id, title: series.title },
        episode: m.episode,
        termLabel,
        initiator: m.initiator,
        recipients: m.recipients,
        mutual: m.mutual,
        startMs: m.startMs,
        endMs: m.endMs,
        note: m.note,
      });
      if (out.length >= limit) return out;
    }
  }
  return out;
}
