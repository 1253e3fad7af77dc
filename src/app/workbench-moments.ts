import { ReceiptsError } from '../domain/errors.js';
import { nameKey, type Character } from '../domain/canon.js';
import { fps } from '../domain/media.js';
import type { CanonStore, StoredLine } from '../store/canon-store.js';
import type { StoredMoment } from '../store/moment-store.js';
import { allMoments, showMoment } from './moments.js';
import { findEpisode, loadSeriesContext } from './moments-series.js';
import { mainSources } from './stored-lines.js';
import type { EpisodeMoments, MomentView, SuggestJobResult, TierView } from './workbench-types.js';

/**
 * What the episode page annotates with: the episode's suggested and confirmed moments, each
 * placed in time (its own times, else the aligned time of the transcript line it is anchored
 * to), the codebook's tiers and terms, the canon's characters and the video's frame rate.
 */
export async function episodeMoments(
  store: CanonStore,
  seriesId: string,
  episodeId: string,
): Promise<EpisodeMoments> {
  const ctx = await loadSeriesContext(store, seriesId);
  const episode = findEpisode(ctx.episodes, episodeId);
  if (episode === null) {
    throw new ReceiptsError(
      'NOT_FOUND',
      `There is no episode ${episodeId} in ${ctx.series.title}.`,
    );
  }
  const [moments, sources, facts, passes] = await Promise.all([
    allMoments(store, {
      seriesId: ctx.series.id,
      episodeIds: [episode.id],
      review: ['suggested', 'confirmed'],
    }),
    store.episodeSources(ctx.series.id, episode.id),
    store.mediaFacts(ctx.series.id, episode.id),
    store.annotationPasses(ctx.series.id),
  ]);
  const transcripts = sources.filter((s) => s.role === 'transcript');
  const main = mainSources(sources).transcript;
  // Anchors count in the file the moment came from, else in the episode's main transcript.
  const lineOf = (m: StoredMoment): StoredLine | null => {
    if (m.anchorSeq === null) return null;
    const source = transcripts.find((t) => t.path === m.provenance.file) ?? main;
    return source?.lines.find((l) => l.seq === m.anchorSeq) ?? null;
  };
  const views = moments.map((m) => toView(m, lineOf(m), (id) => ctx.codebook.term(id)?.label));
  views.sort(
    (a, b) =>
      (a.at?.startMs ?? Number.MAX_SAFE_INTEGER) - (b.at?.startMs ?? Number.MAX_SAFE_INTEGER),
  );
  const tiers: TierView[] = ctx.codebook.codebook.tiers.map((t) => ({
    id: t.id,
    label: t.label,
    terms: ctx.codebook.codebook.terms
      .filter((x) => x.tier === t.id)
      .map((x) => ({ id: x.id, label: x.label, parent: x.parent })),
  }));
  const mine = passes.filter((p) => p.episode === episode.id);
  return {
    series: { id: ctx.series.id, title: ctx.series.title },
    episode: episode.id,
    moments: views,
    tiers,
    characters: byLinesSpoken(
      ctx.characters.filter((c) => !c.unlisted),
      sources.flatMap((s) => s.lines),
    ),
    frameRate: facts === null ? null : fps(facts.probe.video.frameRate),
    reviewed: mine.filter((p) => p.kind === 'reviewed').map((p) => ({ tier: p.tier, by: p.by })),
    suggested: mine.some((p) => p.kind === 'suggested'),
  };
}

/**
 * Character names, those with the most lines in the episode first (the form's number keys
 * reach the first nine), then the rest alphabetically.
 */
export function byLinesSpoken(
  characters: readonly Character[],
  lines: readonly { readonly speakerLabel: string | null }[],
): string[] {
  const nameOf = new Map<string, string>();
  for (const c of characters)
    for (const n of [c.name, ...c.aliases]) nameOf.set(nameKey(n), c.name);
  const spoken = new Map<string, number>();
  for (const l of lines) {
    const name = l.speakerLabel === null ? undefined : nameOf.get(nameKey(l.speakerLabel));
    if (name !== undefined) spoken.set(name, (spoken.get(name) ?? 0) + 1);
  }
  return characters
    .map((c) => c.name)
    .sort((a, b) => (spoken.get(b) ?? 0) - (spoken.get(a) ?? 0) || a.localeCompare(b));
}

function toView(
  m: StoredMoment,
  line: StoredLine | null,
  label: (id: string) => string | undefined,
): MomentView {
  const at =
    m.startMs !== null
      ? { startMs: m.startMs, endMs: m.endMs, from: 'times' as const }
      : line?.startMs !== null && line?.startMs !== undefined
        ? { startMs: line.startMs, endMs: line.endMs, from: 'line' as const }
        : null;
  return {
    id: m.id,
    version: m.version,
    tier: m.tier,
    term: m.term,
    termLabel: label(m.term) ?? m.term,
    initiator: m.initiator,
    recipients: m.recipients,
    mutual: m.mutual,
    part: m.part,
    readings: m.readings,
    note: m.note,
    author: m.author,
    review: m.review,
    provenance: { ...m.provenance },
    confidence: m.confidence,
    sourceText: m.sourceText,
    startMs: m.startMs,
    endMs: m.endMs,
    anchorSeq: m.anchorSeq,
    at,
    lineId: line?.id ?? null,
  };
}

/**
 * Accept or reject one moment at the version the reviewer saw: MOMENT_STALE when someone
 * changed it since, so a decision is never made about a moment that is no longer the one shown.
 */
export async function reviewMomentAt(
  store: CanonStore,
  id: string,
  version: number,
  review: 'confirmed' | 'rejected',
  author: string | null,
): Promise<StoredMoment> {
  const current = await showMoment(store, id);
  return store.updateMoment(id, version, { review, author: author ?? current.author });
}

/** Suggest moments for one episode (or all), loading the suggester and its tagger only now. */
export async function suggestJob(
  store: CanonStore,
  request: { series: string; episode?: string; all?: boolean },
  onProgress: (p: { done: number; total: number; episode: string }) => void,
): Promise<SuggestJobResult> {
  const { suggestForEpisodes } = await import('./suggest.js');
  const r = await suggestForEpisodes(store, { ...request, onProgress });
  return {
    episodes: r.episodes,
    directions: r.directions,
    added: r.added,
    replaced: r.replaced,
    alreadyReviewed: r.alreadyReviewed,
  };
}
