import { ReceiptsError } from '../domain/errors.js';
import type { ReviewState } from '../domain/moment.js';
import type { CanonStore, SeriesInfo } from '../store/canon-store.js';
import type { MomentQuery, StoredMoment } from '../store/moment-store.js';
import { resolveAnchor } from './moments-anchor.js';
import { closestHint } from './moments-closest.js';
import { toMomentFields, toMomentListFilters, type MomentListFilters } from './moments-options.js';
import {
  episodeDuration,
  findEpisode,
  loadSeriesContext,
  seriesCodebook,
} from './moments-series.js';
import { pickSeries } from './pick-series.js';
import {
  checkSpan,
  invalid,
  parseMomentTime,
  resolvePeople,
  resolveReadings,
  resolveTerm,
} from './moments-validate.js';

/** Who makes a change, and in which series (optional when the library holds one). */
export interface MomentAuthor {
  readonly series?: string;
  /** A person's handle; the CLI gives the OS user name when none is given. */
  readonly author: string | null;
}

/**
 * Record a moment a person annotates (review `confirmed`, provenance `person`). Checks every
 * field against the series: episode, term (its tier follows), readings, characters through
 * aliases, times or a transcript line to anchor to. MOMENT_INVALID names the field.
 */
export async function addMoment(
  store: CanonStore,
  input: Record<string, unknown>,
  who: MomentAuthor,
): Promise<StoredMoment> {
  const f = toMomentFields(input);
  if (f.episode === undefined) throw invalid('episode', 'give the episode (--episode S01E01)');
  if (f.term === undefined) throw invalid('term', 'give what happens (--term kiss)');
  const ctx = await loadSeriesContext(store, who.series);
  const episode = findEpisode(ctx.episodes, f.episode);
  if (episode === null) {
    throw invalid(
      'episode',
      `no episode "${f.episode}" in ${ctx.series.title}${closestHint(
        f.episode,
        ctx.episodes.map((e) => e.id),
      )}`,
    );
  }
  const term = resolveTerm(ctx.codebook, f.term, f.tier);
  const people = resolvePeople(ctx, f.initiator || null, f.recipients ?? [], f.mutual ?? false);
  const startMs = f.from === undefined ? null : parseMomentTime('from', f.from);
  const endMs = f.to === undefined ? null : parseMomentTime('to', f.to);
  checkSpan(startMs, endMs, await episodeDuration(store, ctx.series.id, episode.id));
  if (f.line !== undefined && startMs !== null) {
    throw invalid('line', 'give times (--from, --to) or a transcript line (--line), not both');
  }
  if (f.file !== undefined && f.line === undefined) {
    throw invalid('file', '--file only says which transcript --line counts in; give --line too');
  }
  const anchor =
    f.line === undefined
      ? null
      : await resolveAnchor(store, ctx.series.id, episode.id, f.line, f.file);
  if (startMs === null && anchor === null) {
    throw invalid('from', 'a moment needs a time (--from, --to) or a transcript line (--line)');
  }
  return store.addMoment({
    seriesId: ctx.series.id,
    episode: episode.id,
    startMs,
    endMs,
    anchorSeq: anchor?.seq ?? null,
    tier: term.tier,
    term: term.id,
    ...people,
    part: f.part ? f.part.toLowerCase() : null,
    readings: resolveReadings(ctx.codebook, f.readings || []),
    note: f.note || null,
    author: f.author ?? who.author,
    provenance: {
      kind: 'person',
      ...(anchor === null ? {} : { file: anchor.file, line: anchor.line }),
    },
    review: 'confirmed',
    confidence: null,
    sourceText: null,
  });
}

/** One page of moments, with the series they belong to. */
export interface MomentPage {
  readonly series: SeriesInfo;
  readonly filters: MomentListFilters;
  readonly moments: readonly StoredMoment[];
}

/**
 * Moments of a series in canon order, filtered by episode, term (with everything under it),
 * tier and review state. QUERY_INVALID for a filter that names nothing.
 */
export async function listMoments(
  store: CanonStore,
  input: Record<string, unknown>,
): Promise<MomentPage> {
  const filters = toMomentListFilters(input);
  const series = await pickSeries(store, filters.series);
  const query = await momentQuery(store, series, filters);
  const moments = await store.listMoments({
    ...query,
    limit: filters.limit,
    offset: filters.offset,
  });
  return { series, filters, moments };
}

/** The store query for episode, term (subtree), tier and review filters. */
export async function momentQuery(
  store: CanonStore,
  series: SeriesInfo,
  f: { episode?: string; term?: string; tier?: string; review?: readonly ReviewState[] },
): Promise<MomentQuery> {
  let episodeIds: string[] | undefined;
  if (f.episode !== undefined) {
    const episodes = await store.listEpisodes(series.id);
    const e = findEpisode(episodes, f.episode);
    if (e === null) {
      throw new ReceiptsError(
        'QUERY_INVALID',
        `no episode "${f.episode}" in ${series.title}${closestHint(
          f.episode,
          episodes.map((x) => x.id),
        )}`,
        { path: 'episode' },
      );
    }
    episodeIds = [e.id];
  }
  let terms: string[] | undefined;
  const codebook = seriesCodebook(series);
  if (f.tier !== undefined && codebook.tier(f.tier) === null) {
    const tiers = codebook.codebook.tiers.map((t) => t.id).join(', ');
    throw new ReceiptsError('QUERY_INVALID', `no tier "${f.tier}" in the codebook (${tiers})`, {
      path: 'tier',
    });
  }
  if (f.term !== undefined) {
    const term = asQueryError(() => resolveTerm(codebook, f.term!, f.tier));
    terms = codebook.expand(term.id).map((t) => t.id);
  }
  return {
    seriesId: series.id,
    ...(episodeIds === undefined ? {} : { episodeIds }),
    ...(terms === undefined ? {} : { terms }),
    ...(f.tier === undefined ? {} : { tier: f.tier }),
    ...(f.review === undefined ? {} : { review: f.review }),
  };
}

/** Every moment a query matches, read page by page (the store caps one page). */
export async function allMoments(store: CanonStore, query: MomentQuery): Promise<StoredMoment[]> {
  const page = 5000;
  const out: StoredMoment[] = [];
  for (let offset = 0; ; offset += page) {
    const got = await store.listMoments({ ...query, limit: page, offset });
    out.push(...got);
    if (got.length < page) return out;
  }
}

/** The moment with this id, or NOT_FOUND. */
export async function showMoment(store: CanonStore, id: string): Promise<StoredMoment> {
  const m = await store.getMoment(id);
  if (m === null) throw new ReceiptsError('NOT_FOUND', `There is no moment ${id} in the library.`);
  return m;
}

/**
 * Accept (`confirmed`) or reject moments, each at the version just read. All ids are checked
 * before any changes, so an unknown id changes nothing.
 */
export async function reviewMoments(
  store: CanonStore,
  ids: readonly string[],
  review: Exclude<ReviewState, 'suggested'>,
  author: string | null,
): Promise<StoredMoment[]> {
  const current: StoredMoment[] = [];
  for (const id of ids) current.push(await showMoment(store, id));
  const out: StoredMoment[] = [];
  for (const m of current) {
    out.push(await store.updateMoment(m.id, m.version, { review, author: author ?? m.author }));
  }
  return out;
}

/** Remove a moment at `ifVersion` (default: the version just read); returns what was removed. */
export async function removeMoment(
  store: CanonStore,
  id: string,
  ifVersion?: number,
): Promise<StoredMoment> {
  const m = await showMoment(store, id);
  await store.removeMoment(id, ifVersion ?? m.version);
  return m;
}

/** Run `fn`, turning a MOMENT_INVALID (a filter naming no term) into QUERY_INVALID. */
function asQueryError<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof ReceiptsError && e.code === 'MOMENT_INVALID') {
      throw new ReceiptsError('QUERY_INVALID', e.message, e.place, { cause: e });
    }
    throw e;
  }
}
