import { dirname, relative, resolve } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';
import { ReceiptsError } from '../domain/errors.js';
import type { ReviewState } from '../domain/moment.js';
import { formatTimecode } from '../domain/time.js';
import { momentsToEaf, type EafSkipReason } from '../formats/eaf-moments.js';
import { writeEaf } from '../formats/eaf-write.js';
import type { CanonStore, EpisodeInfo, SeriesInfo } from '../store/canon-store.js';
import type { StoredMoment } from '../store/moment-store.js';
import { closestHint } from './moments-closest.js';
import { REVIEW_STATES, nameList, parseOrFail } from './moments-options.js';
import { findEpisode, loadSeriesContext } from './moments-series.js';
import { pickSeries } from './pick-series.js';
import { allMoments, momentQuery } from './moments.js';

/** What `export eaf` is asked for: the episode, and who and where the file is for. */
export interface EafExportRequest {
  readonly episode: string;
  readonly series?: string;
  /** Review states to export, comma-separated or a list (default suggested, confirmed). */
  readonly include?: string | readonly string[];
  /** A video path or URL for ELAN to open; default the episode's video in the library. */
  readonly media?: string;
  /** Where the .eaf goes (to write the media path relative to it), or undefined for stdout. */
  readonly out?: string;
  readonly author: string;
  /** ISO date-time of the export (passed in so tests can fix it). */
  readonly now: string;
}

/** The written document and what went into it. */
export interface EafExportOutcome {
  readonly series: SeriesInfo;
  readonly episode: EpisodeInfo;
  readonly text: string;
  readonly exported: number;
  /** Codebook tiers that hold at least one exported moment. */
  readonly tiers: readonly string[];
  readonly media: string | null;
  readonly skipped: readonly { readonly moment: StoredMoment; readonly reason: EafSkipReason }[];
}

const includeSchema = z.object({
  include: nameList
    .pipe(
      z
        .array(
          z.enum(REVIEW_STATES as [ReviewState, ...ReviewState[]], {
            error: `must be ${REVIEW_STATES.join(', ')}`,
          }),
        )
        .min(1, 'give at least one state'),
    )
    .optional(),
});

/**
 * One episode's moments as an EAF 3.0 document for ELAN: one tier per codebook tier, who and
 * what else on dependent tiers, the episode's video as media. Moments without times (anchored
 * to a transcript line only) cannot be placed on ELAN's timeline and come back in `skipped`.
 */
export async function exportEpisodeEaf(
  store: CanonStore,
  request: EafExportRequest,
): Promise<EafExportOutcome> {
  const { include } = parseOrFail(includeSchema, { include: request.include }, 'USAGE');
  const ctx = await loadSeriesContext(store, request.series);
  const episode = requireEpisode(ctx.series, ctx.episodes, request.episode);
  const moments = await allMoments(store, { seriesId: ctx.series.id, episodeIds: [episode.id] });
  const media = request.media ?? episode.video;
  // ELAN wants an absolute MEDIA_URL; the path relative to the .eaf goes beside it.
  const local = media !== null && !URL_SCHEME.test(media);
  const made = momentsToEaf(moments, ctx.codebook.codebook, {
    episode: episode.id,
    author: request.author,
    date: request.now,
    media: local ? resolve(media) : media,
    include,
  });
  const eaf =
    made.eaf.media !== null && local && request.out !== undefined
      ? {
          ...made.eaf,
          media: { ...made.eaf.media, relativeUrl: relativeMedia(media, request.out) },
        }
      : made.eaf;
  const byId = new Map(moments.map((m) => [m.id, m]));
  const skipped = made.skipped.map((s) => ({ moment: byId.get(s.moment.id)!, reason: s.reason }));
  const skippedIds = new Set(made.skipped.map((s) => s.moment.id));
  const tiers = [
    ...new Set(moments.filter((m) => !skippedIds.has(m.id)).map((m) => m.tier)),
  ].sort();
  return {
    series: ctx.series,
    episode,
    text: writeEaf(eaf),
    exported: made.exported,
    tiers,
    media,
    skipped,
  };
}

const URL_SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;

/** A local media path relative to the .eaf's folder (what ELAN tries first). */
function relativeMedia(media: string, out: string): string {
  const rel = relative(dirname(resolve(out)), resolve(media))
    .split('\\')
    .join('/');
  return rel.startsWith('../') ? rel : `./${rel}`;
}

/** The episode named, case-insensitively, or NOT_FOUND with the closest ids. */
export function requireEpisode(
  series: SeriesInfo,
  episodes: readonly EpisodeInfo[],
  id: string,
): EpisodeInfo {
  const found = findEpisode(episodes, id);
  if (found !== null) return found;
  throw new ReceiptsError(
    'NOT_FOUND',
    `no episode "${id}" in ${series.title}${closestHint(
      id,
      episodes.map((e) => e.id),
    )}`,
    { path: 'episode' },
  );
}

/** Filters of `export csv|json`: episodes (any number), a term's subtree, tier, review. */
export interface MomentExportRequest {
  readonly series?: string;
  readonly episodes?: readonly string[];
  readonly term?: string;
  readonly tier?: string;
  readonly review?: string | readonly string[];
}

const exportFilters = z.object({
  review: includeSchema.shape.include,
});

/** Every moment the filters match, in canon order (no paging: an export is the whole set). */
export async function exportMoments(
  store: CanonStore,
  request: MomentExportRequest,
): Promise<{ series: SeriesInfo; moments: StoredMoment[] }> {
  const { review } = parseOrFail(exportFilters, { review: request.review }, 'QUERY_INVALID');
  const series = await pickSeries(store, request.series);
  const query = await momentQuery(store, series, {
    term: request.term,
    tier: request.tier,
    review,
  });
  let episodeIds: string[] | undefined;
  if (request.episodes !== undefined && request.episodes.length > 0) {
    const episodes = await store.listEpisodes(series.id);
    episodeIds = request.episodes.map((e) => {
      try {
        return requireEpisode(series, episodes, e).id;
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        throw new ReceiptsError('QUERY_INVALID', message, { path: 'episode' }, { cause: err });
      }
    });
  }
  const moments = await allMoments(store, {
    ...query,
    ...(episodeIds === undefined ? {} : { episodeIds }),
  });
  return { series, moments };
}

/** The CSV columns of `export csv`, in order. */
export const MOMENT_CSV_COLUMNS = [
  'id',
  'episode',
  'start',
  'end',
  'start_ms',
  'end_ms',
  'tier',
  'term',
  'initiator',
  'recipients',
  'mutual',
  'part',
  'readings',
  'note',
  'author',
  'provenance',
  'rule',
  'source_file',
  'source_line',
  'review',
  'confidence',
  'version',
] as const;

/**
 * Moments as CSV, one row each: times as timecodes and as ms, lists joined with `; `, empty
 * cells for unknown values, `true`/`false` for `mutual`.
 */
export function momentsCsv(moments: readonly StoredMoment[]): string {
  const tc = (ms: number | null): string => (ms === null ? '' : formatTimecode(ms));
  const rows = moments.map((m) => [
    m.id,
    m.episode,
    tc(m.startMs),
    tc(m.endMs),
    m.startMs,
    m.endMs,
    m.tier,
    m.term,
    m.initiator,
    m.recipients.join('; '),
    m.mutual ? 'true' : 'false',
    m.part,
    m.readings.join('; '),
    m.note,
    m.author,
    m.provenance.kind,
    m.provenance.rule ?? null,
    m.provenance.file ?? null,
    m.provenance.line ?? null,
    m.review,
    m.confidence,
    m.version,
  ]);
  return stringify(rows, { header: true, columns: [...MOMENT_CSV_COLUMNS] });
}
