import { ReceiptsError } from '../domain/errors.js';
import { formatTimecode, type Ms } from '../domain/time.js';

/** A cue's start and end as read from its timing line, or why the line is not one. */
export type TimingResult =
  | { readonly ok: true; readonly startMs: Ms; readonly endMs: Ms }
  | { readonly ok: false; readonly reason: string; readonly column: number };

// SubRip has no spec: accept `h:mm:ss,mmm` with a comma or a full stop and 1-3 fraction
// digits, hours optional (`mm:ss,mmm`), as players do. Signs are not allowed.
const SRT_TIME = /^(?:(\d+):)?(\d{1,2}):(\d{1,2})(?:[,.](\d{1,3}))?$/;
// WebVTT (spec "collect a WebVTT timestamp"): `mm:ss.ttt` or `h+:mm:ss.ttt`, exactly 3 digits.
const VTT_TIME = /^(?:(\d+):(\d{2}):(\d{2})|(\d{2}):(\d{2}))\.(\d{3})$/;
const VTT_END_TIME = /^(?:\d+:\d{2}:\d{2}|\d{2}:\d{2})\.\d{3}(?!\d)/;
// ASS: `h:mm:ss.cc` (centiseconds); libass reads the parts as numbers, so be as lenient.
const ASS_TIME = /^(\d+):(\d{1,2}):(\d{1,2})(?:[.,](\d{1,3}))?$/;

/**
 * A line that is meant as a timing line: a time-like token (a digit, maybe after a minus
 * sign, then anything but spaces, `>` and `-`) and an arrow. Such a line that does not parse
 * is a malformed cue, never cue text. `anyArrow` also accepts `->`, `—>`, `=>`, `→` (used
 * where a timing line is expected, e.g. after an SRT index line).
 */
export function looksLikeTiming(line: string, anyArrow = false): boolean {
  return anyArrow ? LOOSE_TIMING.test(line) : STRICT_TIMING.test(line);
}
// The time-like token excludes `-` so that it cannot trade characters with the arrow
// (no quadratic backtracking on a line of dashes).
const STRICT_TIMING = /^\s*[-\u2212]?\d[^\s>-]*\s*-->/;
const LOOSE_TIMING = /^\s*[-\u2212]?\d[^\s>-]*\s*(?:-+\s?>|[\u2013\u2014=]>|\u2192)/;

// The whole of a well-formed SRT timing line, for the fast path.
const SRT_LINE =
  /^\s*(?:(\d+):)?(\d{1,2}):(\d{1,2})(?:[,.](\d{1,3}))?[ \t]*-->[ \t]*(?:(\d+):)?(\d{1,2}):(\d{1,2})(?:[,.](\d{1,3}))?(?:\s|$)/;

/** Parse an SRT timing line `00:00:01,000 --> 00:00:02,500 [X1:.. coordinates]`. */
export function parseSrtTiming(line: string): TimingResult {
  const m = SRT_LINE.exec(line);
  if (m) {
    const startMs = toMs(m[1], m[2], m[3], m[4]);
    const endMs = toMs(m[5], m[6], m[7], m[8]);
    if (startMs !== null && endMs !== null && startMs <= endMs) return { ok: true, startMs, endMs };
  }
  // The slow path finds what is wrong, and where.
  return parseArrowLine(line, (t) => fromGroups(SRT_TIME.exec(t)), 'SubRip');
}

/**
 * Parse a WebVTT timing line `00:01.000 --> 00:02.000 line:80%` (settings are ignored; as
 * in the spec, they may follow the end time without a space).
 */
export function parseVttTiming(line: string): TimingResult {
  return parseArrowLine(
    line,
    (t) => {
      const m = VTT_TIME.exec(t);
      if (!m) return null;
      return m[1] !== undefined ? toMs(m[1], m[2], m[3], m[6]) : toMs(undefined, m[4], m[5], m[6]);
    },
    'WebVTT',
  );
}

/** Parse one ASS/SSA time field `0:00:01.50` to ms, or null. */
export function parseAssTime(text: string): Ms | null {
  return fromGroups(ASS_TIME.exec(text.trim()));
}

/** Start/end pair check shared by all formats: times are never negative, end is not before start. */
export function checkRange(startMs: Ms, endMs: Ms, column: number): TimingResult {
  if (endMs < startMs) {
    return {
      ok: false,
      reason: `the cue ends at ${formatTimecode(endMs)}, before it starts at ${formatTimecode(startMs)}`,
      column,
    };
  }
  return { ok: true, startMs, endMs };
}

/** Throw SUBTITLE_MALFORMED for a failed timing result, naming file, line and column. */
export function timingOrThrow(
  result: TimingResult,
  file: string,
  line: number,
): { startMs: Ms; endMs: Ms } {
  if (result.ok) return result;
  throw new ReceiptsError('SUBTITLE_MALFORMED', result.reason, {
    file,
    line,
    column: result.column,
  });
}

function parseArrowLine(
  line: string,
  parseTime: (token: string) => Ms | null,
  formatName: string,
): TimingResult {
  const arrow = line.indexOf('-->');
  if (arrow < 0) {
    return {
      ok: false,
      reason: `this looks like a timing line but has no \`-->\` between the times`,
      column: 1,
    };
  }
  const startText = line.slice(0, arrow).trim();
  const startColumn = line.length - line.trimStart().length + 1;
  const afterArrow = line.slice(arrow + 3);
  const endOffset = arrow + 3 + (afterArrow.length - afterArrow.trimStart().length);
  const rest = line.slice(endOffset);
  const endText =
    (formatName === 'WebVTT' ? VTT_END_TIME.exec(rest)?.[0] : undefined) ??
    /^\S*/.exec(rest)?.[0] ??
    '';
  const startMs = parseTime(startText);
  if (startMs === null) {
    return { ok: false, reason: badTime('start', startText, formatName), column: startColumn };
  }
  const endMs = parseTime(endText);
  if (endMs === null) {
    return { ok: false, reason: badTime('end', endText, formatName), column: endOffset + 1 };
  }
  return checkRange(startMs, endMs, endOffset + 1);
}

function badTime(which: 'start' | 'end', text: string, formatName: string): string {
  if (text === '') return `the cue has no ${which} time`;
  if (/^[-\u2212]\d/.test(text)) return `negative ${which} time \`${text.slice(0, 40)}\``;
  const example = formatName === 'WebVTT' ? '00:01:02.345' : '00:01:02,345';
  return `malformed ${which} time \`${text.slice(0, 40)}\` (${formatName} times look like ${example})`;
}

/** A match whose groups 1-4 are hours (optional), minutes, seconds, fraction -> ms. */
function fromGroups(m: RegExpExecArray | null): Ms | null {
  return m ? toMs(m[1], m[2], m[3], m[4]) : null;
}

/** Clock parts -> ms; null when minutes or seconds are out of range. */
function toMs(
  h: string | undefined,
  min: string | undefined,
  s: string | undefined,
  frac: string | undefined,
): Ms | null {
  const minutes = Number(min);
  const seconds = Number(s);
  if (!(minutes <= 59 && seconds <= 59)) return null;
  const ms = frac ? Number(frac.padEnd(3, '0')) : 0;
  const total = ((Number(h ?? 0) * 60 + minutes) * 60 + seconds) * 1000 + ms;
  return Number.isSafeInteger(total) ? total : null;
}
