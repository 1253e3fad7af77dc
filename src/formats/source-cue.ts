import type { Finding } from '../domain/errors.js';
import type { Ms } from '../domain/time.js';
import type { RichLine } from './rich-text.js';

/**
 * A cue as the file holds it, before SDH splitting: what every format parser returns.
 * `index` counts all cues of the file (empty ones too), so it stays a stable reference to
 * "the n-th cue" even when some are skipped later.
 */
export interface SourceCue {
  readonly index: number;
  /** 1-based line of the timing line (SRT/VTT) or of the `Dialogue:` line (ASS). */
  readonly line: number;
  readonly startMs: Ms;
  readonly endMs: Ms;
  readonly lines: readonly RichLine[];
  /** A speaker for the whole cue from the format itself (ASS Name); VTT voices are per line. */
  readonly speaker: string | null;
}

/** What a format parser returns: the cues in file order and the findings met on the way. */
export interface ParsedSubtitles {
  readonly cues: readonly SourceCue[];
  readonly findings: readonly Finding[];
}
