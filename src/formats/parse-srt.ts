import type { Finding } from '../domain/errors.js';
import type { Ms } from '../domain/time.js';
import { srtTextToLines } from './cue-markup.js';
import { looksLikeTiming, parseSrtTiming, timingOrThrow } from './cue-timing.js';
import type { ParsedSubtitles, SourceCue } from './source-cue.js';

interface OpenCue {
  line: number;
  startMs: Ms;
  endMs: Ms;
  text: string[];
}

const INDEX_LINE = /^\d+$/;
// Starts like a clock time (`00:00:01,000 ...`), for a timing line whose arrow is missing.
const TIME_START = /^[-\u2212]?\d+:\d/;

/**
 * Read SubRip text (already decoded, `\n` line endings) into source cues.
 *
 * Blocks are `index / timing line / text lines`, separated by blank lines. What real files
 * get wrong and how it is read:
 * - whitespace-only lines separate blocks like empty ones;
 * - a missing index, or a missing blank line before the next `index + timing line`, is
 *   tolerated (the timing line starts the next cue; a number just above it is its index);
 * - text after a blank line that no timing line follows belongs to the cue above (a blank
 *   line inside a cue), with an info finding;
 * - a line that is meant as a timing line but does not parse throws SUBTITLE_MALFORMED.
 */
export function parseSrt(text: string, file: string): ParsedSubtitles {
  const lines = text.split('\n');
  const findings: Finding[] = [];
  const cues: SourceCue[] = [];
  const state: { open: OpenCue | null; inText: boolean } = { open: null, inText: false };

  const close = (): void => {
    const open = state.open;
    if (!open) return;
    cues.push({
      index: cues.length,
      line: open.line,
      startMs: open.startMs,
      endMs: open.endMs,
      lines: srtTextToLines(open.text.join('\n'), open.startMs, open.endMs),
      speaker: null,
    });
    state.open = null;
  };
  const start = (raw: string, lineNo: number): void => {
    close();
    const { startMs, endMs } = timingOrThrow(parseSrtTiming(raw), file, lineNo);
    state.open = { line: lineNo, startMs, endMs, text: [] };
    state.inText = true;
  };

  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] ?? '';
    const t = raw.trim();
    const lineNo = i + 1;
    const open = state.open;
    if (t === '') {
      state.inText = false;
      continue;
    }
    if (state.inText && open) {
      if (looksLikeTiming(t)) {
        // No blank line before this cue: a bare number just above it is its index.
        const prev = open.text[open.text.length - 1];
        if (prev !== undefined && INDEX_LINE.test(prev.trim())) open.text.pop();
        start(raw, lineNo);
      } else {
        open.text.push(raw);
      }
      continue;
    }
    // Between blocks: expect an index line, a timing line, or stray text.
    if (looksLikeTiming(t, true)) {
      start(raw, lineNo);
      continue;
    }
    if (INDEX_LINE.test(t)) {
      const next = (lines[i + 1] ?? '').trim();
      if (next === '' || INDEX_LINE.test(next)) continue; // a lone number: an empty block
      if (TIME_START.test(next)) {
        // The line under an index is meant as a timing line even without an arrow.
        start(lines[i + 1] ?? '', lineNo + 1);
        i++;
        continue;
      }
    }
    if (open) {
      findings.push({
        severity: 'info',
        ruleId: 'stray-text',
        reason: `text after a blank line without a timing line; read as part of the cue at line ${open.line}`,
        place: { file, line: lineNo },
      });
      open.text.push(raw);
      state.inText = true;
      continue;
    }
    findings.push({
      severity: 'warning',
      ruleId: 'stray-text',
      reason: 'text before the first cue, ignored',
      place: { file, line: lineNo },
    });
    // Skip the rest of this block (one finding per block).
    while (i + 1 < lines.length && (lines[i + 1] ?? '').trim() !== '') {
      if (looksLikeTiming(lines[i + 1] ?? '', true)) break;
      i++;
    }
  }
  close();
  return { cues, findings };
}
