import { dirname, relative, resolve } from 'node:path';
import { ReceiptsError, type Finding, type Place } from '../domain/errors.js';
import { formatPath, readManifest } from '../formats/canon-manifest.js';
import { decodeText } from '../formats/decode-text.js';
import type { CanonStore, IngestSummary, SourceInput } from '../store/canon-store.js';
import { codebookFrom } from './codebooks.js';
import { charactersOf, speakerLabelsOf } from './ingest-characters.js';
import { checkVideos, fingerprintOf, listSources, parseSource } from './ingest-sources.js';
import { readUserFile } from './read-file.js';

export type IngestProgress =
  | { readonly phase: 'read'; readonly done: number; readonly total: number; readonly file: string }
  | {
      readonly phase: 'write';
      readonly done: number;
      readonly total: number;
      readonly file: string;
    };

export interface IngestOptions {
  readonly onProgress?: (p: IngestProgress) => void;
  /** Turn warnings (overlapping cues, unreadable lines) into a failed ingest. */
  readonly strict?: boolean;
  /** Base for the file names shown in messages (default: the current directory). */
  readonly cwd?: string;
}

export interface IngestReport {
  readonly manifest: string;
  readonly series: { readonly id: string; readonly title: string };
  readonly summary: IngestSummary;
  /** Sources read and parsed in this run (new or changed). */
  readonly sourcesRead: number;
  readonly findings: readonly Finding[];
  readonly timings: { readonly readMs: number; readonly writeMs: number };
}

/**
 * Ingest the series a canon.yaml describes: validate it, read every file it names, parse
 * the new and changed ones, and write all of it to the store in one transaction.
 * Nothing is written unless every file reads cleanly.
 */
export async function ingestCanon(
  manifestFile: string,
  store: CanonStore,
  options: IngestOptions = {},
): Promise<IngestReport> {
  const cwd = options.cwd ?? process.cwd();
  const shown = (p: string): string => relative(cwd, p) || p;
  const manifestShown = shown(resolve(cwd, manifestFile));
  const { manifest, lineOf } = readManifest(
    decodeText(await readUserFile(manifestFile, { file: manifestShown }), manifestShown).text,
    manifestShown,
  );
  const at = (path: readonly (string | number)[]) => {
    const line = lineOf(path);
    return {
      file: manifestShown,
      path: formatPath(path),
      ...(line === undefined ? {} : { line }),
    };
  };
  const baseDir = resolve(dirname(resolve(cwd, manifestFile)), manifest.root ?? '.');
  const refs = listSources(manifest, baseDir, shown, at);
  await checkVideos(manifest, baseDir, at);

  const started = performance.now();
  const stored = await store.sourceHashes(manifest.id);
  const sources: SourceInput[] = [];
  const keep: string[] = [];
  const findings: Finding[] = [];
  let done = 0;
  for (const ref of refs) {
    options.onProgress?.({ phase: 'read', done, total: refs.length, file: ref.shownPath });
    const bytes = await readUserFile(ref.absPath, at(ref.manifestPath), ref.shownFile);
    const fingerprint = fingerprintOf(bytes, ref);
    if (stored.get(ref.key) === fingerprint) {
      keep.push(ref.key);
    } else {
      sources.push(await parseSource(bytes, ref, fingerprint, findings));
    }
    done++;
  }
  options.onProgress?.({ phase: 'read', done, total: refs.length, file: '' });
  if (options.strict) {
    const bad = findings.find((f) => f.severity !== 'info');
    if (bad) throw new ReceiptsError('SUBTITLE_MALFORMED', `${bad.reason} (--strict)`, bad.place);
  }
  const readMs = performance.now() - started;

  const codebook = await readCodebook(manifest.codebook, dirname(resolve(cwd, manifestFile)), at);

  const writeStarted = performance.now();
  let written = 0;
  const summary = await store.applyIngest({
    series: { id: manifest.id, title: manifest.title, manifest: manifestShown, codebook },
    episodes: manifest.episodes.map((e) => ({
      id: e.id,
      season: e.season,
      number: e.number,
      title: e.title,
      airDate: e.airDate,
      storyOrder: e.storyOrder,
      video: e.video === null ? null : resolve(baseDir, e.video),
    })),
    characters: charactersOf(manifest, [
      ...speakerLabelsOf(sources),
      ...(await store.speakerLabels(manifest.id, keep)),
    ]),
    sources,
    keep,
    onSourceWritten: (path) =>
      options.onProgress?.({ phase: 'write', done: ++written, total: sources.length, file: path }),
  });
  return {
    manifest: manifestShown,
    series: { id: manifest.id, title: manifest.title },
    summary,
    sourcesRead: sources.length,
    findings,
    timings: { readMs, writeMs: performance.now() - writeStarted },
  };
}

/**
 * The canon's own codebook as text, validated now (against the default it may extend) so
 * that a broken codebook stops the ingest instead of every later command.
 */
async function readCodebook(
  file: string | undefined,
  manifestDir: string,
  at: (path: readonly (string | number)[]) => Place,
): Promise<string | null> {
  if (file === undefined) return null;
  const bytes = await readUserFile(resolve(manifestDir, file), at(['codebook']), file);
  const text = decodeText(bytes, file).text;
  codebookFrom(text, file);
  return text;
}
