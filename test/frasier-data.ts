import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Cue } from '../src/domain/cue.js';
import type { TranscriptLine } from '../src/domain/transcript.js';
import { readSubtitlesSync } from '../src/formats/read-subtitles.js';
import { readTranscript } from '../src/formats/read-transcript.js';

/**
 * Test and bench support, not part of the library: reads the Frasier set in
 * ../shared/data/frasier-transcripts-and-srt (transcripts `data/scripts/0101.txt`,
 * subtitles `data/subtitles/series/01/Episode_1.srt`). `root` is that folder.
 */
export interface FrasierSubtitle {
  /** Path relative to the set's folder, e.g. `data/subtitles/series/01/Episode_1.srt`. */
  readonly id: string;
  /** The transcript id its name claims: `0101`. */
  readonly claimed: string;
  readonly cues: readonly Cue[];
}

export interface FrasierTranscript {
  /** `0101` */
  readonly id: string;
  /** Path relative to the set's folder, e.g. `data/scripts/0101.txt`. */
  readonly path: string;
  readonly lines: readonly TranscriptLine[];
}

/** Every subtitle file of the set, sorted by season and episode. */
export function readFrasierSubtitles(root: string): FrasierSubtitle[] {
  const base = join(root, 'data', 'subtitles', 'series');
  const out: FrasierSubtitle[] = [];
  for (const season of readdirSync(base).sort()) {
    const names = readdirSync(join(base, season)).filter((f) => /^Episode_\d+\.srt$/.test(f));
    const number = (f: string): number => Number(/\d+/.exec(f)?.[0]);
    for (const f of names.sort((x, y) => number(x) - number(y))) {
      const id = `data/subtitles/series/${season}/${f}`;
      const { cues } = readSubtitlesSync(readFileSync(join(root, id)), id);
      out.push({ id, claimed: `${season}${String(number(f)).padStart(2, '0')}`, cues });
    }
  }
  return out;
}

/** One subtitle file of the set by its path relative to the set's folder. */
export function readFrasierSubtitle(root: string, id: string): readonly Cue[] {
  return readSubtitlesSync(readFileSync(join(root, id)), id).cues;
}

/** Every transcript of the set, sorted by id. */
export function readFrasierTranscripts(root: string): FrasierTranscript[] {
  const base = join(root, 'data', 'scripts');
  return readdirSync(base)
    .filter((f) => /^\d{4}\.txt$/.test(f))
    .sort()
    .map((f) => readFrasierTranscript(root, `data/scripts/${f}`));
}

/** One transcript of the set by its path relative to the set's folder. */
export function readFrasierTranscript(root: string, path: string): FrasierTranscript {
  const { parts } = readTranscript(readFileSync(join(root, path)), path);
  const id = /(\d{4})\.txt$/.exec(path)?.[1] ?? path;
  return { id, path, lines: parts[0]?.transcript.lines ?? [] };
}

/** The dialogue texts of a transcript, in order. */
export function dialogueTexts(lines: readonly TranscriptLine[]): string[] {
  return lines.flatMap((l) => (l.kind === 'dialogue' ? [l.text] : []));
}
