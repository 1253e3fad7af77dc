import type { Finding } from '../domain/errors.js';
import { vttTextToLines } from './cue-markup.js';
import { looksLikeTiming, parseVttTiming, timingOrThrow } from './cue-timing.js';
import type { ParsedSubtitles, SourceCue } from './source-cue.js';

const SIGNATURE = /^\uFEFF?WEBVTT(?:[ \t]|$)/;
const NON_CUE_BLOCK = /^(?:NOTE|STYLE|REGION)(?:[ \t]|$)/;

/**
 * Read WebVTT text (decoded, `\n` line endings) into source cues, following the block
 * structure of the WebVTT parsing algorithm: a signature line, a header up to the first
 * blank line, then blocks separated by blank lines. A block whose first or second line
 * holds `-->` is a cue (the first line, if not the timing line, is its id); a `-->` line
 * anywhere later in a block ends it and starts the next one. NOTE, STYLE and REGION blocks
 * are skipped. Where the spec drops a cue with a bad timestamp we throw SUBTITLE_MALFORMED
 * naming the line, because a silently missing line of dialogue is worse for Receipts.
 *
 * Departures from the spec, for real files: whitespace-only lines count as blank; the
 * signature may follow blank lines (info finding) or be missing (warning).
 */
export function parseVtt(text: string, file: string): ParsedSubtitles {
  const lines = text.split('\n');
  const n = lines.length;
  const findings: Finding[] = [];
  const cues: SourceCue[] = [];
  const blank = (i: number): boolean => (lines[i] ?? '').trim() === '';

  let i = 0;
  while (i < n && blank(i)) i++;
  if (i < n && SIGNATURE.test(lines[i] ?? '')) {
    if (i > 0) {
      findings.push({
        severity: 'info',
        ruleId: 'vtt-signature-not-first',
        reason: 'blank lines before the WEBVTT signature',
        place: { file, line: i + 1 },
      });
    }
    // The header runs to the first blank line; a `-->` line ends it early (a missing blank).
    i++;
    while (i < n && !blank(i) && !(lines[i] ?? '').includes('-->')) i++;
  } else {
    findings.push({
      severity: 'warning',
      ruleId: 'vtt-no-signature',
      reason: 'no WEBVTT signature line; read as WebVTT because of the file name or options',
      place: { file, line: 1 },
    });
  }

  while (i < n) {
    if (blank(i)) {
      i++;
      continue;
    }
    const first = i;
    let timing = -1;
    for (; i < n && !blank(i); i++) {
      if (!(lines[i] ?? '').includes('-->')) continue;
      if (timing < 0 && i - first <= 1) timing = i;
      else break; // a second timing line: the next block starts here
    }
    if (timing < 0) {
      if (!NON_CUE_BLOCK.test(lines[first] ?? '')) {
        findings.push({
          severity: 'warning',
          ruleId: 'ignored-block',
          reason: 'a block with no timing line was ignored',
          place: { file, line: first + 1 },
        });
      }
      continue;
    }
    const timingLine = lines[timing] ?? '';
    const parsed = parseVttTiming(timingLine);
    if (!parsed.ok && !looksLikeTiming(timingLine)) {
      // `-->` inside a line that is no timing line at all (the spec skips such a block).
      findings.push({
        severity: 'warning',
        ruleId: 'ignored-block',
        reason: 'a block whose `-->` line is not a timing line was ignored',
        place: { file, line: timing + 1 },
      });
      continue;
    }
    const { startMs, endMs } = timingOrThrow(parsed, file, timing + 1);
    cues.push({
      index: cues.length,
      line: timing + 1,
      startMs,
      endMs,
      lines: vttTextToLines(lines.slice(timing + 1, i).join('\n'), startMs, endMs),
      speaker: null,
    });
  }
  return { cues, findings };
}
