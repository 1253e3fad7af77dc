import { ReceiptsError } from '../domain/errors.js';
import { decodeText } from '../formats/decode-text.js';
import { eafToMoments, type EafImportReport } from '../formats/eaf-moments.js';
import { readEaf } from '../formats/eaf-read.js';
import type { CanonStore, EpisodeInfo, SeriesInfo } from '../store/canon-store.js';
import type { NewMoment, StoredMoment } from '../store/moment-store.js';
import {
  checkImported,
  contentKey,
  importKey,
  importedFrom,
  type NamePolicy,
  type UnknownName,
} from './moments-interchange-check.js';
import { requireEpisode } from './moments-interchange-export.js';
import { episodeDuration, loadSeriesContext } from './moments-series.js';
import { allMoments } from './moments.js';
import { readUserFile } from './read-file.js';

/** What `import eaf` is asked to do. */
export interface EafImportRequest {
  /** The path to read. */
  readonly path: string;
  /** The file as the user named it: shown in messages and kept as the moments' provenance. */
  readonly shownAs: string;
  readonly episode: string;
  readonly series?: string;
  /** Who made the annotations (default: the importing person). */
  readonly author: string | null;
  /** Check and report only; write nothing. */
  readonly dryRun: boolean;
  readonly names: NamePolicy;
}

/** What an import did (or, with dryRun, would do). */
export interface EafImportOutcome {
  readonly series: SeriesInfo;
  readonly episode: EpisodeInfo;
  readonly file: string;
  /** The text encoding the file was read in. */
  readonly encoding: string;
  readonly dryRun: boolean;
  /** Moments stored (with their ids), or, on a dry run, the moments that would be. */
  readonly imported: readonly (StoredMoment | NewMoment)[];
  /** Moments the library already holds from an earlier import of this file. */
  readonly alreadyThere: number;
  /** Moments the file holds twice (stored once). */
  readonly repeated: number;
  readonly mapping: EafImportReport;
  readonly unknownNames: readonly UnknownName[];
  /** The episode the file says it was exported from, when it says one other than `episode`. */
  readonly otherEpisode: string | null;
}

/**
 * Import the moments of an ELAN file into one episode: decode it in whatever encoding it is
 * in, map its tiers onto the series' codebook, resolve names through the canon, check every
 * moment as `moments add` would, and store all of them or none. The store adds moments one
 * at a time, so when an add fails midway the moments already added are removed again.
 * Moments an earlier import of the same file already stored are skipped (and, for a file
 * exported from this episode, moments the episode already holds); a moment that import
 * stored and someone has since edited makes the import MOMENT_STALE, since storing the file's
 * version again would duplicate it.
 */
export async function importEaf(
  store: CanonStore,
  request: EafImportRequest,
): Promise<EafImportOutcome> {
  const ctx = await loadSeriesContext(store, request.series);
  const episode = requireEpisode(ctx.series, ctx.episodes, request.episode);
  const bytes = await readUserFile(request.path, {}, request.shownAs);
  const decoded = decodeText(bytes, request.shownAs);
  const doc = readEaf(decoded.text, request.shownAs);
  const { moments, report } = eafToMoments(doc, ctx.codebook.codebook, {
    episode: episode.id,
    seriesId: ctx.series.id,
    file: request.shownAs,
    author: request.author,
  });
  const duration = await episodeDuration(store, ctx.series.id, episode.id);
  const checked = checkImported(ctx, moments, request.shownAs, request.names, duration);
  const [firstProblem] = checked.problems;
  if (firstProblem !== undefined) {
    const more = checked.problems.length - 1;
    throw new ReceiptsError(
      firstProblem.code,
      `${firstProblem.message}${more > 0 ? ` (and ${more} more moment${more === 1 ? '' : 's'} with problems)` : ''}; nothing was imported`,
      firstProblem.place,
      { cause: firstProblem },
    );
  }

  const inEpisode = await allMoments(store, { seriesId: ctx.series.id, episodeIds: [episode.id] });
  const existing = inEpisode.filter((m) => importedFrom(m, request.shownAs));
  // A file Receipts exported from this very episode holds moments the library has, whoever
  // made them: importing it back must not double them.
  const property = doc.properties.find((p) => p.name === 'receipts:episode')?.value ?? null;
  const ownExport = property === episode.id;
  const stored = new Set([
    ...existing.map(importKey),
    ...(ownExport ? inEpisode.map(contentKey) : []),
  ]);
  const fresh: NewMoment[] = [];
  const seen = new Set<string>();
  let alreadyThere = 0;
  let repeated = 0;
  for (const m of checked.moments) {
    const key = importKey(m);
    if (stored.has(key) || (ownExport && stored.has(contentKey(m)))) alreadyThere++;
    else if (seen.has(key)) repeated++;
    else fresh.push(m);
    seen.add(key);
  }
  checkNotStale(existing, fresh, request.shownAs);

  const outcome = {
    series: ctx.series,
    episode,
    file: request.shownAs,
    encoding: decoded.encoding,
    dryRun: request.dryRun,
    alreadyThere,
    repeated,
    mapping: report,
    unknownNames: checked.unknownNames,
    otherEpisode: property !== null && property !== episode.id ? property : null,
  };
  if (request.dryRun) return { ...outcome, imported: fresh };
  return { ...outcome, imported: await addAllOrNone(store, fresh) };
}

/**
 * Refuse to store a moment again at an annotation an earlier import of this file stored and
 * someone has since edited in the library: the file and the library disagree about it.
 */
function checkNotStale(
  existing: readonly StoredMoment[],
  fresh: readonly NewMoment[],
  file: string,
): void {
  const edited = new Map<number, StoredMoment>();
  for (const m of existing) {
    if (m.version > 1 && m.provenance.line !== undefined) edited.set(m.provenance.line, m);
  }
  for (const m of fresh) {
    const line = m.provenance.line;
    const old = line === undefined ? undefined : edited.get(line);
    if (old === undefined) continue;
    throw new ReceiptsError(
      'MOMENT_STALE',
      `moment ${old.id} was imported from this annotation and edited since (version ${old.version}), ` +
        `so the file no longer says what the library does; remove moment ${old.id} to import the file's version, ` +
        'or import into a fresh episode; nothing was imported',
      { file, ...(line === undefined ? {} : { line }) },
    );
  }
}

/**
 * Add moments one by one; if an add fails, remove those already added (compensation: the
 * store has no batch insert) and rethrow, saying whether the library is back as it was.
 */
async function addAllOrNone(
  store: CanonStore,
  moments: readonly NewMoment[],
): Promise<StoredMoment[]> {
  const added: StoredMoment[] = [];
  try {
    for (const m of moments) added.push(await store.addMoment(m));
    return added;
  } catch (e) {
    const left: string[] = [];
    for (const m of added.reverse()) {
      try {
        await store.removeMoment(m.id, m.version);
      } catch {
        left.push(m.id);
      }
    }
    const what = e instanceof Error ? e.message : String(e);
    const undone =
      left.length === 0
        ? `the ${added.length === 1 ? 'moment' : `${added.length} moments`} added before it ${added.length === 1 ? 'was' : 'were'} removed again, so nothing was imported`
        : `moments ${left.join(', ')} could not be removed again (changed meanwhile); check them`;
    const code = e instanceof ReceiptsError ? e.code : 'INTERNAL';
    const place = e instanceof ReceiptsError ? e.place : {};
    throw new ReceiptsError(
      code,
      `import stopped at moment ${added.length + 1} of ${moments.length} (${what}); ${undone}`,
      place,
      { cause: e },
    );
  }
}
