import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { CharacterIndex, displayName, nameKey, type Character } from '../domain/canon.js';
import type { Cue } from '../domain/cue.js';
import { ReceiptsError, type Finding } from '../domain/errors.js';
import type { TranscriptLine } from '../domain/transcript.js';
import { readManifest, type Manifest } from '../formats/canon-manifest.js';
import { decodeText } from '../formats/decode-text.js';
import { readSubtitles } from '../formats/read-subtitles.js';
import { readTranscript } from '../formats/read-transcript.js';
import type { CanonStore, IngestSummary, LineInput, SourceInput } from '../store/canon-store.js';
import { readUserFile } from './read-file.js';

/**
 * Bump when a reader's output changes, so the next ingest re-reads files whose bytes
 * did not change (the stored fingerprint includes it).
 */
export const READERS_VERSION = 1;

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

/** One file the manifest names, with where it is named. */
interface SourceRef {
  readonly key: string; // identity in the store: manifest-relative path, plus `#part`
  readonly absPath: string;
  /** The file as shown in messages (relative to the user's folder), and with `#part`. */
  readonly shownFile: string;
  readonly shownPath: string;
  readonly manifestPath: readonly (string | number)[];
  readonly episodeId: string;
  readonly role: 'subtitle' | 'transcript';
  readonly language: string | null;
  readonly dialect: string | null;
  readonly part: string | null;
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
      path: formatManifestPath(path),
      ...(line === undefined ? {} : { line }),
    };
  };
  const baseDir = dirname(resolve(cwd, manifestFile));
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

  const writeStarted = performance.now();
  let written = 0;
  const summary = await store.applyIngest({
    series: { id: manifest.id, title: manifest.title, manifest: manifestShown },
    episodes: manifest.episodes.map((e) => ({
      id: e.id,
      season: e.season,
      number: e.number,
      title: e.title,
      airDate: e.airDate,
      storyOrder: e.storyOrder,
    })),
    characters: charactersOf(manifest, [
      ...sources.flatMap((s) => s.lines.map((l) => l.speakerLabel)),
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

function formatManifestPath(path: readonly (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

function listSources(
  manifest: Manifest,
  baseDir: string,
  shown: (p: string) => string,
  at: (path: readonly (string | number)[]) => { file: string; path: string; line?: number },
): SourceRef[] {
  const refs: SourceRef[] = [];
  const seen = new Map<string, string>();
  manifest.episodes.forEach((e, i) => {
    const add = (
      ref: Omit<SourceRef, 'absPath' | 'shownPath' | 'shownFile' | 'key'> & { file: string },
    ) => {
      const key = ref.part === null ? ref.file : `${ref.file}#${ref.part}`;
      const where = formatManifestPath(ref.manifestPath);
      const before = seen.get(key);
      if (before !== undefined) {
        throw new ReceiptsError(
          'MANIFEST_INVALID',
          `${key} is listed twice (also at ${before})`,
          at(ref.manifestPath),
        );
      }
      seen.set(key, where);
      const absPath = resolve(baseDir, ref.file);
      const { file: _file, ...rest } = ref;
      refs.push({
        ...rest,
        key,
        absPath,
        shownFile: shown(absPath),
        shownPath: shown(absPath) + (ref.part === null ? '' : `#${ref.part}`),
      });
    };
    e.subtitles.forEach((s, j) =>
      add({
        file: s.file,
        manifestPath: ['episodes', i, 'subtitles', j],
        episodeId: e.id,
        role: 'subtitle',
        language: s.language,
        dialect: null,
        part: null,
      }),
    );
    e.transcripts.forEach((t, j) =>
      add({
        file: t.file,
        manifestPath: ['episodes', i, 'transcripts', j],
        episodeId: e.id,
        role: 'transcript',
        language: null,
        dialect: t.dialect,
        part: t.part,
      }),
    );
  });
  return refs;
}

/** Videos are not read at ingest, but a manifest naming a missing one is wrong now, not at render time. */
async function checkVideos(
  manifest: Manifest,
  baseDir: string,
  at: (path: readonly (string | number)[]) => { file: string; path: string; line?: number },
): Promise<void> {
  for (const [i, e] of manifest.episodes.entries()) {
    if (e.video === null) continue;
    const s = await stat(resolve(baseDir, e.video)).catch(() => null);
    if (!s)
      throw new ReceiptsError(
        'FILE_NOT_FOUND',
        `${e.video}: file not found`,
        at(['episodes', i, 'video']),
      );
    if (!s.isFile())
      throw new ReceiptsError(
        'FILE_UNREADABLE',
        `${e.video}: is not a file`,
        at(['episodes', i, 'video']),
      );
  }
}

/** What the stored rows of a source depend on: its bytes, where the manifest puts it, and our readers. */
function fingerprintOf(bytes: Uint8Array, ref: SourceRef): string {
  const h = createHash('sha256').update(bytes).digest('hex');
  return [
    h,
    READERS_VERSION,
    ref.episodeId,
    ref.role,
    ref.language ?? '',
    ref.dialect ?? '',
    ref.part ?? '',
  ].join(':');
}

async function parseSource(
  bytes: Uint8Array,
  ref: SourceRef,
  fingerprint: string,
  findings: Finding[],
): Promise<SourceInput> {
  const base = {
    path: ref.key,
    hash: fingerprint,
    episodeId: ref.episodeId,
    role: ref.role,
    language: ref.language,
  };
  if (ref.role === 'subtitle') {
    const r = await readSubtitles(bytes, ref.shownPath);
    findings.push(...r.findings);
    return { ...base, format: r.format, encoding: r.encoding, lines: r.cues.map(cueRow) };
  }
  const r = readTranscript(
    bytes,
    ref.shownPath,
    ref.dialect ? { dialect: ref.dialect as never } : {},
  );
  findings.push(...r.findings);
  const part = pickPart(r.parts, ref);
  return {
    ...base,
    format: part.transcript.dialect,
    encoding: r.encoding,
    lines: part.transcript.lines.map(transcriptRow),
  };
}

function pickPart<P extends { key: string | null }>(parts: readonly P[], ref: SourceRef): P {
  if (ref.part !== null) {
    const p = parts.find((x) => x.key === ref.part);
    if (!p) {
      const keys = parts.map((x) => x.key).filter((k) => k !== null);
      throw new ReceiptsError(
        'NOT_FOUND',
        `no part "${ref.part}" in this file (it has ${keys.slice(0, 8).join(', ')}${keys.length > 8 ? ', ...' : ''})`,
        {
          file: ref.shownFile,
        },
      );
    }
    return p;
  }
  if (parts.length !== 1) {
    throw new ReceiptsError(
      'MANIFEST_INVALID',
      `this file holds ${parts.length} episodes: name one with \`part:\` in the manifest`,
      {
        file: ref.shownPath,
      },
    );
  }
  return parts[0]!;
}

function cueRow(c: Cue): LineInput {
  return {
    kind: 'cue',
    seq: c.seq,
    line: c.line,
    startMs: c.startMs,
    endMs: c.endMs,
    speakerLabel: c.speaker,
    qualifier: null,
    text: c.text,
    styled: c.styled !== c.text ? c.styled : null,
    sound: c.sound,
  };
}

function transcriptRow(l: TranscriptLine): LineInput {
  return {
    kind: l.kind,
    seq: l.seq,
    line: l.line,
    startMs: null,
    endMs: null,
    speakerLabel: l.kind === 'scene' ? null : l.speaker,
    qualifier: l.kind === 'dialogue' ? l.qualifier : null,
    text: l.text,
    styled: null,
    sound: false,
  };
}

/**
 * The manifest's characters, plus every speaker label (of new, changed and kept sources) that no listed
 * character answers to, added as an unlisted character (labels that differ only in case
 * or punctuation are one character).
 */
export function charactersOf(manifest: Manifest, labels: Iterable<string | null>): Character[] {
  const listed: Character[] = manifest.characters.map((c) => ({
    name: c.name,
    aliases: c.aliases,
    unlisted: false,
  }));
  const index = new CharacterIndex(listed);
  const unlisted = new Map<string, Set<string>>();
  // A run passes every line's label (668k for two real series): resolve each distinct one once.
  const seen = new Set<string | null>();
  for (const label of labels) {
    if (seen.has(label)) continue;
    seen.add(label);
    if (label === null || index.resolve(label) !== null) continue;
    const key = nameKey(label);
    if (!key) continue;
    let set = unlisted.get(key);
    if (!set) unlisted.set(key, (set = new Set()));
    set.add(label);
  }
  // The canonical name is its own alias, so an unlisted character needs no alias list: every
  // label variant ("JACK", "Jack") shares its key. Listing variants would make the stored
  // characters depend on which sources were re-read in this run.
  const found = [...unlisted.values()].map((labels) => ({
    name: displayName(pickLabel([...labels])),
    aliases: [],
    unlisted: true,
  }));
  return [...listed, ...found.sort((a, b) => a.name.localeCompare(b.name))];
}

/** Prefer a label written in mixed case ("McCoy") over capitals ("MCCOY"); then the first. */
function pickLabel(labels: string[]): string {
  const sorted = labels.sort();
  return sorted.find((l) => l !== l.toUpperCase()) ?? sorted[0]!;
}
