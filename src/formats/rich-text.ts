/**
 * The one text model all subtitle readers produce: display lines made of runs that are
 * italic or not (the only style Receipts keeps), each line with the voice in force at its
 * start. SDH splitting works on this model, so the three formats share it.
 */

/** A stretch of text with one style. */
export interface Run {
  readonly text: string;
  readonly italic: boolean;
}

/** One display line of a cue. `voice` is the WebVTT `<v>` voice (or ASS Name) at its start. */
export interface RichLine {
  readonly runs: readonly Run[];
  readonly voice: string | null;
}

/** The line's text without markup. */
export function plainOf(line: RichLine): string {
  let s = '';
  for (const r of line.runs) s += r.text;
  return s;
}

/** The line's text with italics as `<i>..</i>` (and nothing else marked up). */
export function styledOf(line: RichLine): string {
  let s = '';
  for (const r of line.runs) s += r.italic ? `<i>${r.text}</i>` : r.text;
  return s;
}

/** The part of a line between two offsets of its plain text, keeping styles. */
export function sliceLine(line: RichLine, from: number, to = Infinity): RichLine {
  const runs: Run[] = [];
  let at = 0;
  for (const r of line.runs) {
    const start = Math.max(from - at, 0);
    const end = Math.min(to - at, r.text.length);
    if (end > start) runs.push({ text: r.text.slice(start, end), italic: r.italic });
    at += r.text.length;
    if (at >= to) break;
  }
  return { runs, voice: line.voice };
}

/** The line without the plain-text range [from, to). */
export function cutLine(line: RichLine, from: number, to: number): RichLine {
  const head = sliceLine(line, 0, from);
  const tail = sliceLine(line, to);
  return { runs: [...head.runs, ...tail.runs], voice: line.voice };
}

/**
 * Collapse whitespace (runs of spaces, tabs, no-break spaces -> one space), trim the line's
 * ends, drop empty runs and merge neighbours of the same style, so `<i>a</i><i>b</i>` never
 * reaches the output.
 */
export function tidyLine(line: RichLine): RichLine {
  const only = line.runs.length === 1 ? line.runs[0] : undefined;
  if (only) {
    // The common case: one run, usually already tidy.
    const text = isTidy(only.text) ? only.text : only.text.replace(/\s+/g, ' ').trim();
    if (text === only.text && text !== '') return line;
    return { runs: text === '' ? [] : [{ text, italic: only.italic }], voice: line.voice };
  }
  const runs: { text: string; italic: boolean }[] = [];
  let lastSpace = true; // trims the start of the line
  for (const r of line.runs) {
    let text = r.text.replace(/\s+/g, ' ');
    if (lastSpace && text.startsWith(' ')) text = text.slice(1);
    if (text === '') continue;
    lastSpace = text.endsWith(' ');
    const prev = runs[runs.length - 1];
    if (prev && prev.italic === r.italic) prev.text += text;
    else runs.push({ text, italic: r.italic });
  }
  const last = runs[runs.length - 1];
  if (last && last.text.endsWith(' ')) {
    last.text = last.text.slice(0, -1);
    if (last.text === '') runs.pop();
  }
  return { runs, voice: line.voice };
}

/** No leading, trailing or doubled spaces and no whitespace but U+0020 (a loop: hot path). */
function isTidy(text: string): boolean {
  const n = text.length;
  if (n === 0) return true;
  if (text.charCodeAt(0) === 32 || text.charCodeAt(n - 1) === 32) return false;
  let prevSpace = false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 32) {
      if (prevSpace) return false;
      prevSpace = true;
      continue;
    }
    prevSpace = false;
    // Any other character JavaScript's \s matches.
    if (c <= 13 ? c >= 9 : c === 0xa0 || c === 0xfeff || (c >= 0x1680 && isOtherSpace(c))) {
      return false;
    }
  }
  return true;
}

function isOtherSpace(c: number): boolean {
  return (
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

/** A line of plain, unstyled text. */
export function plainLine(text: string, italic = false, voice: string | null = null): RichLine {
  return { runs: text === '' ? [] : [{ text, italic }], voice };
}
