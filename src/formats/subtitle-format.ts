import type { SubtitleFormat } from '../domain/cue.js';

/** The format a subtitle file's name suggests, or null (`.ssa` reads as ASS). */
export function formatFromFileName(file: string): SubtitleFormat | null {
  const ext = /\.([A-Za-z0-9]+)$/.exec(file)?.[1]?.toLowerCase();
  if (ext === 'srt') return 'srt';
  if (ext === 'vtt' || ext === 'webvtt') return 'vtt';
  if (ext === 'ass' || ext === 'ssa') return 'ass';
  return null;
}

/** What the content says: a definite format, cue timing lines only (SRT or headerless VTT), or nothing. */
export type ContentSignature = SubtitleFormat | 'timed' | null;

// Only the top of a file is looked at for signatures: real files put them first.
const HEAD_LINES = 64;
const VTT_SIGNATURE = /^\uFEFF?WEBVTT(?:[ \t]|$)/;
const ASS_SECTION = /^\[(?:script info|v4\+? styles\+?|events)\]$/i;
// A line meant as a timing line, even a malformed one (`00:00:0x,000 --> ...`), anywhere:
// the parser then reads it or names its line.
const TIMING_ISH = /^[ \t]*[-\u2212]?\d[^\s>-]*[ \t]*-->/m;

/**
 * Sniff the format from the content: a `WEBVTT` first line, an ASS section header
 * (`[Script Info]`, `[V4+ Styles]`, `[Events]`) near the top, else the first timing line:
 * `00:00:01,000 -->` with a comma is SRT, `00:00:01.000 -->` is `'timed'` (SRT written
 * with full stops, or WebVTT missing its signature). Null when the text has none of these. One pass over the head plus one regex over the text: cheap.
 */
export function sniffSubtitleFormat(text: string): ContentSignature {
  let seen = 0;
  let at = 0;
  while (seen < HEAD_LINES && at <= text.length) {
    const nl = text.indexOf('\n', at);
    const line = text.slice(at, nl < 0 ? text.length : nl).trim();
    at = nl < 0 ? text.length + 1 : nl + 1;
    if (line === '') continue;
    if (seen === 0 && VTT_SIGNATURE.test(line)) return 'vtt';
    if (ASS_SECTION.test(line)) return 'ass';
    seen++;
  }
  const timing = TIMING_ISH.exec(text);
  if (!timing) return null;
  // A comma before the milliseconds is SubRip's own mark; WebVTT never has it.
  return /^\s*[-\u2212]?\d[^\s>,]*,\d/.test(timing[0]) ? 'srt' : 'timed';
}

/**
 * Decide how to read a file: the content's signature wins; for timing lines without a
 * signature the hint (options, else the extension) chooses between SRT and VTT, SRT by
 * default. Null when the content has no subtitle signature at all.
 */
export function chooseSubtitleFormat(
  signature: ContentSignature,
  hint: SubtitleFormat | null,
): SubtitleFormat | null {
  if (signature === 'timed') return hint === 'vtt' ? 'vtt' : 'srt';
  return signature;
}
