import { ReceiptsError } from '../domain/errors.js';
import { momentFromSuggestion, type Suggestion } from '../domain/moment.js';
import { REVIEW_THRESHOLD } from '../nlp/confidence.js';
import { learnSeries, suggestMoments, type SeriesLearnt } from '../nlp/suggest-moments.js';
import type { CanonStore, SeriesInfo } from '../store/canon-store.js';
import type { NewMoment, StoredMoment } from '../store/moment-store.js';
import { allMoments } from './moments.js';
import { closestHint } from './moments-closest.js';
import { findEpisode } from './moments-series.js';
import { pickSeries } from './pick-series.js';
import { codebookFrom } from './codebooks.js';
import { transcriptLinesOf } from './stored-lines.js';

export interface SuggestRequest {
  readonly series?: string;
  readonly episode?: string;
  readonly all?: boolean;
  /** Suggestions less sure than this are dropped (default REVIEW_THRESHOLD). */
  readonly minConfidence?: number;
  /** Called after each episode is read, for progress bars. */
  readonly onProgress?: (p: { done: number; total: number; episode: string }) => void;
}

/** A suggestion as stored: its moment id and review state (a reviewed one keeps its own). */
export interface StoredSuggestion extends Suggestion {
  readonly id: string | null;
  readonly review: StoredMoment['review'] | null;
}

export interface SuggestReport {
  readonly series: { readonly id: string; readonly title: string };
  readonly episodes: number;
  readonly transcripts: number;
  /** Stage directions read. */
  readonly directions: number;
  readonly added: number;
  /** Unreviewed suggestions of an earlier run that this run replaced. */
  readonly replaced: number;
  /** Suggestions a person already confirmed or rejected: kept as reviewed, not added again. */
  readonly alreadyReviewed: number;
  readonly ms: number;
  readonly suggestions: readonly StoredSuggestion[];
}

/** What was learnt by series and ingest, per library (the workbench suggests episode by episode). */
const learntMemo = new WeakMap<CanonStore, Map<string, SeriesLearnt>>();

/**
 * Names and genders learnt from all the series' transcripts (about 2 s for the 357 Doctor Who
 * transcripts), so kept until the series is ingested again.
 */
async function learntOf(
  store: CanonStore,
  series: SeriesInfo,
  characters: Parameters<typeof learnSeries>[1],
): Promise<SeriesLearnt> {
  let bySeries = learntMemo.get(store);
  if (!bySeries) learntMemo.set(store, (bySeries = new Map<string, SeriesLearnt>()));
  const key = `${series.id}\u0000${series.ingestedAt}`;
  let learnt = bySeries.get(key);
  if (!learnt) {
    const transcripts = [];
    for (const e of await store.listEpisodes(series.id)) {
      for (const source of await store.episodeSources(series.id, e.id)) {
        if (source.role === 'transcript') transcripts.push(transcriptLinesOf(source));
      }
    }
    learnt = learnSeries(transcripts, characters);
    bySeries.set(key, learnt);
  }
  return learnt;
}

/**
 * Read the transcripts of one episode (or all) and store what the suggester finds, in one
 * transaction: the earlier unreviewed suggestions of those episodes are replaced, reviewed
 * moments stay (and are not suggested again).
 */
export async function suggestForEpisodes(
  store: CanonStore,
  request: SuggestRequest,
): Promise<SuggestReport> {
  const started = performance.now();
  const series = await pickSeries(store, request.series);
  const episodes = await pickEpisodes(store, series, request);
  const codebook = codebookFrom(series.codebook, `${series.manifest} (codebook)`);
  const characters = (await store.listCharacters(series.id)).map((c) => ({
    name: c.name,
    aliases: c.aliases,
  }));
  const minConfidence = checkConfidence(request.minConfidence ?? REVIEW_THRESHOLD);
  const learnt = await learntOf(store, series, characters);
  const suggestions: Suggestion[] = [];
  let transcripts = 0;
  let directions = 0;
  request.onProgress?.({ done: 0, total: episodes.length, episode: '' });
  for (const [i, episode] of episodes.entries()) {
    for (const source of await store.episodeSources(series.id, episode)) {
      if (source.role !== 'transcript') continue;
      transcripts++;
      const lines = transcriptLinesOf(source);
      directions += lines.filter((l) => l.kind === 'action').length;
      suggestions.push(
        ...suggestMoments({
          episode,
          file: source.path,
          lines,
          characters,
          codebook,
          ...learnt,
        }).filter((s) => s.confidence >= minConfidence),
      );
    }
    request.onProgress?.({ done: i + 1, total: episodes.length, episode });
  }
  const summary = await store.replaceSuggestions(
    series.id,
    episodes,
    suggestions.map((s) => toNewMoment(series.id, s)),
  );
  const stored = await allMoments(store, {
    seriesId: series.id,
    ...(request.all ? {} : { episodeIds: episodes }),
  });
  // The same act read twice in one direction is stored twice: hand out ids in order.
  const byKey = new Map<string, StoredMoment[]>();
  for (const m of stored) {
    if (m.provenance.kind === 'rule') byKey.set(keyOf(m), [...(byKey.get(keyOf(m)) ?? []), m]);
  }
  return {
    series: { id: series.id, title: series.title },
    episodes: episodes.length,
    transcripts,
    directions,
    added: summary.added,
    replaced: summary.removed,
    alreadyReviewed: summary.alreadyReviewed,
    ms: Math.round(performance.now() - started),
    suggestions: suggestions.map((s) => {
      const list = byKey.get(keyOf(toNewMoment(series.id, s))) ?? [];
      const m = list.length > 1 ? list.shift() : list[0];
      return { ...s, id: m?.id ?? null, review: m?.review ?? null };
    }),
  };
}

async function pickEpisodes(
  store: CanonStore,
  series: SeriesInfo,
  request: SuggestRequest,
): Promise<string[]> {
  if (request.all && request.episode !== undefined) {
    throw new ReceiptsError('USAGE', 'give --episode or --all, not both');
  }
  const episodes = await store.listEpisodes(series.id);
  if (request.all) return episodes.map((e) => e.id);
  if (request.episode === undefined) {
    throw new ReceiptsError('USAGE', 'say which episode to read (--episode S01E01) or --all');
  }
  const e = findEpisode(episodes, request.episode);
  if (e === null) {
    throw new ReceiptsError(
      'NOT_FOUND',
      `There is no episode ${request.episode} in ${series.title}${closestHint(
        request.episode,
        episodes.map((x) => x.id),
      )}.`,
    );
  }
  return [e.id];
}

/** A suggestion as a new moment: review `suggested`, provenance rule + file + line. */
function toNewMoment(seriesId: string, s: Suggestion): NewMoment {
  const {
    id: _id,
    createdAt: _c,
    updatedAt: _u,
    version: _v,
    ...m
  } = momentFromSuggestion(s, '', '');
  return { ...m, seriesId, confidence: s.confidence, sourceText: s.text };
}

/** What makes a stored moment the one a suggestion became (as the store compares them). */
function keyOf(m: NewMoment): string {
  const who = [...m.recipients].sort();
  return JSON.stringify([
    m.episode,
    m.provenance.file,
    m.provenance.line,
    m.term,
    m.initiator,
    who,
    m.mutual,
  ]);
}

function checkConfidence(x: number): number {
  if (!(x >= 0 && x <= 1)) {
    throw new ReceiptsError('USAGE', `--min-confidence must be a number from 0 to 1, not ${x}`);
  }
  return x;
}
