import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Cue } from '../domain/cue.js';
import { ReceiptsError, type Finding, type Place } from '../domain/errors.js';
import type { TranscriptLine } from '../domain/transcript.js';
import { formatPath, type Manifest } from '../formats/canon-manifest.js';
import { readSubtitles } from '../formats/read-subtitles.js';
import { readTranscript } from '../formats/read-transcript.js';
import type { LineInput, SourceInput } from '../store/canon-store.js';

/** The files a manifest names, their fingerprints, and their rows: the reading half of ingest. */

/**
 * Bump when a reader's output changes, so the next ingest re-reads files whose bytes
 * did not change (the stored fingerprint includes it).
 */
export const READERS_VERSION = 3;

/** One file the manifest names, with where it is named. */
export interface SourceRef {
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

export function listSources(
  manifest: Manifest,
  baseDir: string,
  shown: (p: string) => string,
  at: (path: readonly (string | number)[]) => Place,
): SourceRef[] {
  const refs: SourceRef[] = [];
  const seen = new Map<string, string>();
  manifest.episodes.forEach((e, i) => {
    const add = (
      ref: Omit<SourceRef, 'absPath' | 'shownPath' | 'shownFile' | 'key'> & { file: string },
    ) => {
      const key = ref.part === null ? ref.file : `${ref.file}#${ref.part}`;
      const where = formatPath(ref.manifestPath);
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
        part: s.cues,
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
export async function checkVideos(
  manifest: Manifest,
  baseDir: string,
  at: (path: readonly (string | number)[]) => Place,
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
export function fingerprintOf(bytes: Uint8Array, ref: SourceRef): string {
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

export async function parseSource(
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
    const cues = ref.part === null ? r.cues : cueRange(r.cues, ref.part, ref.shownFile);
    return { ...base, format: r.format, encoding: r.encoding, lines: cues.map(cueRow) };
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

/** The cues numbered `from-to` (1-based, inclusive, either end open), renumbered from 0. */
export function cueRange(cues: readonly Cue[], range: string, file: string): Cue[] {
  const [from, to] = range.split('-').map((n) => (n === '' ? null : Number(n)));
  const picked = cues
    .filter((c) => c.cueIndex + 1 >= (from ?? 1) && c.cueIndex + 1 <= (to ?? Infinity))
    .map((c, seq) => ({ ...c, seq }));
  if (picked.length === 0) {
    const count = cues.length === 0 ? 0 : cues[cues.length - 1]!.cueIndex + 1;
    throw new ReceiptsError('NOT_FOUND', `no cues ${range} in this file (it has ${count})`, {
      file,
    });
  }
  return picked;
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
