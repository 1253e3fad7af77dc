import type { Evidence } from '../domain/claim.js';
import type { SearchGroup, SearchHit, LineView } from '../domain/search.js';
import type { StoredMoment } from '../store/moment-store.js';
import type { CanonStore, EpisodeInfo } from '../store/canon-store.js';
import { momentMatches, type ResolvedPattern } from '../claims/resolved-pattern.js';

/** A moment as evidence: where it is, the direction it was read from, its review state. */
export function momentEvidence(
  m: StoredMoment,
  titles: ReadonlyMap<string, string | null>,
): Evidence {
  const who = m.mutual
    ? m.recipients.join(' & ')
    : [m.initiator ?? '?', ...m.recipients].join(' → ');
  return {
    kind: 'moment',
    id: m.id,
    episode: m.episode,
    episodeTitle: titles.get(m.episode) ?? null,
    startMs: m.startMs,
    endMs: m.endMs,
    source:
      m.provenance.file === undefined || m.provenance.line === undefined
        ? null
        : { file: m.provenance.file, line: m.provenance.line },
    text: m.sourceText ?? m.note ?? `${m.term}: ${who}`,
    review: m.review,
  };
}

/** The moments that are instances of a pattern, as evidence in canon order. */
export function matchingMoments(
  moments: readonly StoredMoment[],
  p: ResolvedPattern,
  counted: ReadonlySet<string>,
  titles: ReadonlyMap<string, string | null>,
): Evidence[] {
  const inRange = new Set(p.episodes);
  return moments
    .filter((m) => counted.has(m.review) && momentMatches(m, p, inRange))
    .map((m) => momentEvidence(m, titles));
}

const PAGE = 1000;
const CONTEXT = 4;

/** Every search hit of a query in a series, page by page, with its group (for context). */
export async function allHits(
  store: CanonStore,
  seriesId: string,
  query: string,
  kinds: readonly ('cue' | 'dialogue' | 'action')[],
  speaker?: string,
): Promise<{ hit: SearchHit; group: SearchGroup }[]> {
  const out: { hit: SearchHit; group: SearchGroup }[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const r = await store.search({
      query,
      filters: { series: seriesId, kinds, ...(speaker === undefined ? {} : { speaker }) },
      order: 'canon',
      limit: PAGE,
      offset,
      context: CONTEXT,
    });
    let n = 0;
    for (const group of r.groups) {
      for (const hit of group.hits) out.push({ hit, group });
      n += group.hits.length;
    }
    if (n < PAGE) return out;
  }
}

/** The next person to speak after a line in its scene (the context the search returned). */
function nextSpeaker(hit: SearchHit, group: SearchGroup): string | null {
  const lines: LineView[] = [...group.hits, ...group.after].sort((a, b) => a.seq - b.seq);
  for (const l of lines) {
    if (l.seq <= hit.seq) continue;
    if (l.kind === 'scene') return null;
    if (l.kind === hit.kind && l.speaker !== null && l.speaker !== hit.speaker) return l.speaker;
  }
  return null;
}

/**
 * Lines where the pattern's speaker says the phrase (to its listener), as evidence. A transcript
 * line and the aligned subtitle cue that say the same thing within 3 s are one piece of
 * evidence resting on both.
 */
export async function matchingDialogue(
  store: CanonStore,
  seriesId: string,
  p: ResolvedPattern,
  episodes: readonly EpisodeInfo[],
): Promise<Evidence[]> {
  const phrase = `"${p.says!.replace(/["“”]/g, ' ')}"`;
  const speakers = p.initiator !== null ? [p.initiator] : p.participants;
  const inRange = new Set(p.episodes);
  const titles = new Map(episodes.map((e) => [e.id, e.title]));
  const hits = await allHits(
    store,
    seriesId,
    phrase,
    ['dialogue', 'cue'],
    p.initiator ?? undefined,
  );
  const found: Evidence[] = [];
  for (const { hit, group } of hits) {
    const episode = group.episode.id;
    if (!inRange.has(episode)) continue;
    if (speakers.length > 0 && (hit.speaker === null || !speakers.includes(hit.speaker))) continue;
    const listener = nextSpeaker(hit, group);
    if (p.listener !== null && listener !== p.listener) continue;
    if (
      p.listener === null &&
      p.participants.length > 1 &&
      !p.participants.includes(listener ?? '')
    ) {
      continue;
    }
    const basis: 'subtitles' | 'transcript' = hit.kind === 'cue' ? 'subtitles' : 'transcript';
    const twin = found.find(
      (e) =>
        e.episode === episode &&
        e.speaker === hit.speaker &&
        !e.basis!.includes(basis) &&
        e.startMs !== null &&
        hit.startMs !== null &&
        Math.abs(e.startMs - hit.startMs) <= 3000,
    );
    if (twin !== undefined) {
      found[found.indexOf(twin)] = { ...twin, basis: [...twin.basis!, basis].sort() };
      continue;
    }
    found.push({
      kind: 'dialogue',
      id: `line:${hit.id}`,
      episode,
      episodeTitle: titles.get(episode) ?? null,
      startMs: hit.startMs,
      endMs: hit.endMs,
      source: hit.source,
      text: hit.text,
      basis: [basis],
      speaker: hit.speaker,
      listener,
    });
  }
  return found;
}
