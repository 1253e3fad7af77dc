import type { Finding } from '../domain/errors.js';
import {
  collapseSpace,
  finding,
  findEmbeddedLabel,
  parseCapsLabel,
  hasWordChar,
  isStop,
  isUpper,
  joinSourceLines,
  parseLabelWithoutColon,
  stripTrailing,
  TranscriptLinesBuilder,
  type DialectResult,
  type EmbeddedLabel,
  type LineAt,
  type SpeakerLabel,
} from './inline-directions.js';

/**
 * The chakoteya.net transcript grammar, fed one logical line at a time (hard wraps already
 * joined) by the text reader here and by the HTML reader:
 * `[Location]` scene headings, `SPEAKER [qualifier]: words (direction) words`,
 * `(directions)` on their own lines, possibly over several lines until the `)`.
 */
export class ChakoteyaGrammar {
  title: string | null = null;
  airDate: string | null = null;
  private inBody = false;
  private ended = false;
  /** A direction whose `(` is not yet closed, collected over several lines. */
  private open: { line: number; parts: string[]; depth: number } | null = null;
  /** The speaker whose turn the previous line was: unlabelled words right after it are theirs. */
  private last: SpeakerLabel | null = null;
  /** The logical line being read, and where each of its characters came from. */
  private full = '';
  private at: LineAt = () => 0;

  /** `header`: the first lines may hold the title and air date (false when the caller found them). */
  constructor(
    readonly out: TranscriptLinesBuilder,
    readonly findings: Finding[],
    readonly file: string,
    header = true,
  ) {
    this.inBody = !header;
  }

  /**
   * One logical line, whitespace collapsed. `bold` when the whole line was bold (`**Blink**`).
   * `lineAt` maps an index in `text` to its source line when hard wraps were joined into it,
   * so a direction gets the line its bracket opens on.
   */
  line(text: string, line: number, bold = false, lineAt?: LineAt): void {
    if (text === '' || this.ended) return;
    this.full = text;
    this.at = lineAt ?? (() => line);
    if (isFooter(text)) {
      // `<Back to the episode listing` and the copyright notice close every page.
      this.ended = text.charCodeAt(0) === 60;
      return;
    }
    if (this.open !== null) {
      const rest = this.continueDirection(text, line);
      if (rest === null) return;
      text = rest;
    }
    if (!this.inBody) {
      if (bold && this.title === null && !isBracket(text.charCodeAt(0))) {
        this.title = text;
        return;
      }
      if (startsWithIgnoreCase(text, 'original airdate:')) {
        this.airDate = text.slice(17).trim() || null;
        return;
      }
    }
    this.inBody = true;
    if (bold && isPartTitle(text)) {
      // A short bold line in the body marks a part: `Episode One - The Web Planet`.
      this.out.scene(line, stripTrailing(text, ']}'));
      this.last = null;
      return;
    }
    this.classify(text, line);
  }

  /** A blank line or paragraph end: a direction still open ends here, and so does a turn. */
  paragraph(): void {
    if (this.open !== null) this.closeDirection(true);
    this.last = null;
  }

  finish(): void {
    this.paragraph();
  }

  private classify(text: string, line: number): void {
    let rest = text;
    // Directions that open the line, held until we know whose they are.
    let directions: { text: string; line: number }[] | null = null;
    while (rest !== '') {
      const c = rest.charCodeAt(0);
      if (c === 91 || (c === 123 && !isBraceDirection(rest))) {
        // [Location], {Location] and [Location} typos; a missing closer runs to the end.
        this.flushDirections(directions, null);
        directions = null;
        const close = indexOfCloser(rest, 1);
        this.out.scene(this.lineOf(rest), stripTrailing(rest.slice(1, close), '.'));
        this.last = null;
        rest = close === rest.length ? '' : skipLeading(rest.slice(close + 1), '.]} ');
        continue;
      }
      if (c === 40 || c === 123) {
        const close = matchingParen(rest, 1, 1);
        // `(SISKO: Are you all right?`: a speech with a stray `(`.
        const speaker = close === -1 ? parseCapsLabel(rest.slice(1), true) : null;
        if (speaker !== null) {
          this.flushDirections(directions, null);
          this.speech(speaker, line);
          return;
        }
        if (close === -1) {
          this.flushDirections(directions, null);
          this.last = null;
          this.openDirection(rest.slice(1), this.lineOf(rest), 1);
          return;
        }
        (directions ??= []).push({ text: rest.slice(1, close), line: this.lineOf(rest) });
        rest = skipLeading(rest.slice(close + 1), '.,;:) ');
        continue;
      }
      const label = parseCapsLabel(rest) ?? this.labelWithoutColon(rest, line);
      if (label !== null) {
        this.flushDirections(directions, null);
        this.speech(label, line);
        return;
      }
      if (isTranscriberNote(rest)) {
        this.findings.push(
          finding(
            'info',
            'transcript/transcriber-note',
            "skipped a transcriber's note",
            this.file,
            line,
          ),
        );
        return;
      }
      if (!hasWordChar(rest)) break;
      if (this.last !== null && !isDanglingDirection(rest)) {
        // `(to Amy) Are you not going to turn your back?`: the turn goes on after a break.
        this.flushDirections(directions, this.last.speaker);
        this.findings.push(
          finding(
            'info',
            'transcript/continued-turn',
            `no speaker label: read as more of ${this.last.speaker}'s turn`,
            this.file,
            line,
          ),
        );
        this.speech({ ...this.last, rest }, line);
        return;
      }
      // Words with no speaker: a captain's log, a sign, a song, narration. Kept as action.
      this.flushDirections(directions, null);
      this.out.action(this.lineOf(rest), rest);
      return;
    }
    this.flushDirections(directions, null);
    this.last = null;
  }

  private flushDirections(
    directions: readonly { text: string; line: number }[] | null,
    speaker: string | null,
  ): void {
    if (directions === null) return;
    for (const d of directions) this.out.action(d.line, d.text, speaker);
  }

  /** The source line of `rest`, a suffix of the logical line being read. */
  private lineOf(rest: string): number {
    return this.at(Math.max(0, this.full.length - rest.length));
  }

  /** LineAt for a text that starts where `suffix` (a suffix of the logical line) starts. */
  private lineAtFrom(suffix: string): LineAt {
    const base = Math.max(0, this.full.length - suffix.length);
    return (i) => this.at(base + i);
  }

  private labelWithoutColon(text: string, line: number): SpeakerLabel | null {
    const label = parseLabelWithoutColon(text, this.out.speakers);
    if (label !== null) {
      this.findings.push(
        finding(
          'info',
          'transcript/missing-colon',
          `no colon after ${label.speaker}`,
          this.file,
          line,
        ),
      );
    }
    return label;
  }

  /** A speaker's turn; a second label run into it (`...Jamie. JAMIE: But...`) starts a new turn. */
  private speech(label: SpeakerLabel, line: number): void {
    let current: SpeakerLabel = label;
    for (;;) {
      const text = current.rest;
      const next = nextEmbeddedLabel(text);
      const lineAt = this.lineAtFrom(text);
      if (next === null) {
        this.out.speech(line, current.speaker, current.qualifier, text, '(', lineAt);
        this.last = current;
        return;
      }
      const head = text.slice(0, next.at);
      this.out.speech(line, current.speaker, current.qualifier, head, '(', lineAt);
      current = next.label;
      this.runIn(current, line);
    }
  }

  private runIn(label: SpeakerLabel, line: number): void {
    this.findings.push(
      finding(
        'info',
        'transcript/run-in-speaker',
        `speaker ${label.speaker} starts in the middle of a line`,
        this.file,
        line,
      ),
    );
  }

  /** Start (or go on with) a direction left open; a label run into it ends it. */
  private openDirection(text: string, line: number, depth: number): void {
    const next = findEmbeddedLabel(text, 0, this.out.speakers);
    const again = reopenedAt(text, depth, false);
    if (again !== -1 && (next === null || again < next.at)) {
      // `(Markham enters. (The man jumps Latoni.)`: the first `(` was never closed.
      this.closeOpen(text.slice(0, again), line, depth);
      this.classify(text.slice(again), line);
      return;
    }
    if (next !== null) {
      // `(Sara comes out of the Tardis... returned. SARA: Where have they got to?`
      const parts = this.open?.parts ?? [];
      parts.push(text.slice(0, next.at));
      this.open = { line: this.open?.line ?? line, parts, depth };
      this.closeDirection(true);
      this.runIn(next.label, line);
      this.speech(next.label, line);
      return;
    }
    if (this.open === null) this.open = { line, parts: [text], depth: parenDepth(text, 0, depth) };
    else {
      this.open.parts.push(text);
      this.open.depth = parenDepth(text, 0, depth);
    }
  }

  /** Feed a line to a direction left open; returns what follows its `)`, or null. */
  private continueDirection(text: string, line: number): string | null {
    const open = this.open!;
    const c = text.charCodeAt(0);
    if (c === 91 || parseCapsLabel(text) !== null) {
      this.closeDirection(true);
      return text;
    }
    const sentenceBefore = /[.!?]$/.test(open.parts[open.parts.length - 1]!.trimEnd());
    if (reopenedAt(text, open.depth, sentenceBefore) === 0) {
      // A new `(` opens the line after a sentence of a direction never closed.
      this.closeDirection(true);
      return text;
    }
    const close = matchingParen(text, 0, open.depth);
    if (close === -1) {
      this.openDirection(text, line, open.depth);
      return null;
    }
    open.parts.push(text.slice(0, close));
    this.closeDirection(false);
    return skipLeading(text.slice(close + 1), '.,;:) ');
  }

  /** Add `text` to the direction left open (or open one with it), then close it unclosed. */
  private closeOpen(text: string, line: number, depth: number): void {
    if (this.open === null) this.open = { line, parts: [text], depth };
    else this.open.parts.push(text);
    this.closeDirection(true);
  }

  private closeDirection(unclosed: boolean): void {
    const open = this.open!;
    this.open = null;
    this.out.action(open.line, collapseSpace(open.parts.join(' ')));
    if (unclosed) {
      this.findings.push(
        finding(
          'info',
          'transcript/unclosed-direction',
          'a "(" is never closed',
          this.file,
          open.line,
        ),
      );
    }
  }
}

/** The first label run into `text` outside any parentheses. */
function nextEmbeddedLabel(text: string): EmbeddedLabel | null {
  let from = 0;
  let depth = 0;
  for (;;) {
    const next = findEmbeddedLabel(text, from);
    if (next === null) return null;
    // Depth is carried forward, not recounted from 0, so the scan stays linear.
    depth = parenDepth(text.slice(from, next.at), 0, depth);
    if (depth === 0) return next;
    from = next.at;
    // Step over this label's first character so the search moves on.
    depth = parenDepth(text.charAt(from), 0, depth);
    from++;
  }
}

/**
 * Where a new direction opens inside one whose `(` was never closed (`depth` 1): a `(` and a
 * capital after the end of a sentence, outside any brackets within; -1 if none. A `(` at 0
 * counts when `sentenceBefore` (the text before ended a sentence).
 */
function reopenedAt(text: string, depth: number, sentenceBefore: boolean): number {
  if (depth !== 1) return -1;
  let inner = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 40 && inner === 0 && isUpper(text.charCodeAt(i + 1))) {
      const ends =
        i === 0
          ? sentenceBefore
          : i >= 2 && text.charCodeAt(i - 1) === 32 && isStop(text.charCodeAt(i - 2));
      if (ends) return i;
    }
    if (c === 40 || c === 123) inner++;
    else if ((c === 41 || c === 125) && inner > 0) inner--;
  }
  return -1;
}

/** `The Oods put their hands to their heads.)`: a direction that lost its `(`. */
function isDanglingDirection(text: string): boolean {
  return text.charCodeAt(text.length - 1) === 41 && !text.includes('(');
}

/** A bold line that is not a heading, a direction or a speech (an unclosed `<b>` bolds those). */
function isPartTitle(text: string): boolean {
  const c = text.charCodeAt(0);
  return text.length <= 80 && !isBracket(c) && c !== 40 && parseCapsLabel(text) === null;
}

function isBracket(c: number): boolean {
  return c === 91 || c === 123;
}

/** `{He walks in.}`: a brace-delimited direction (lower-case inside), not a `{Bridge]` heading. */
function isBraceDirection(text: string): boolean {
  const close = indexOfCloser(text, 1);
  if (close < text.length && text.charCodeAt(close) === 93) return false;
  const inner = text.slice(1, close);
  return inner.length > 40 || /[.!?]\s*$|^[a-z]|\s[a-z]+\s[a-z]+\s/.test(inner);
}

function indexOfCloser(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 93 || c === 125) return i;
  }
  return text.length;
}

/** Index of the `)`/`}` that brings `depth` to 0, scanning from `from`; -1 when none. */
function matchingParen(text: string, from: number, depth: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 40 || c === 123) depth++;
    else if ((c === 41 || c === 125) && --depth === 0) return i;
  }
  return -1;
}

function parenDepth(text: string, from: number, depth: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 40 || c === 123) depth++;
    else if ((c === 41 || c === 125) && depth > 0) depth--;
  }
  return depth;
}

function skipLeading(text: string, chars: string): string {
  let i = 0;
  while (i < text.length && chars.includes(text.charAt(i))) i++;
  return i === 0 ? text : text.slice(i);
}

function startsWithIgnoreCase(text: string, prefix: string): boolean {
  return text.length >= prefix.length && text.slice(0, prefix.length).toLowerCase() === prefix;
}

function isFooter(text: string): boolean {
  return (
    (text.charCodeAt(0) === 60 && text.startsWith('<Back to the')) ||
    (text.length > 60 && text.includes('related marks are trademarks of'))
  );
}

function isTranscriberNote(text: string): boolean {
  // `Transcriber's note`, `Transcribers note`, `Transcriber's notes - ...`
  return text.slice(0, 11).toLowerCase() === 'transcriber';
}

/**
 * Read the Doctor Who transcripts as html2text left them (angewzhao's chakoteya scrape):
 * `**Title**`, `Original Airdate:`, `**[Location]**`, lines hard-wrapped at ~78 columns with
 * two trailing spaces where the page had a `<br>`, `_` and `**` markup around anything.
 */
export function parseChakoteyaText(text: string, file = '<text>'): DialectResult {
  const out = new TranscriptLinesBuilder();
  const findings: Finding[] = [];
  const grammar = new ChakoteyaGrammar(out, findings, file);
  let buf = '';
  let bufLine = 0;
  let bufBold = false;
  // The physical lines joined into `buf`, so directions can be traced to their own line.
  let parts: { text: string; line: number }[] = [];
  const flush = (): void => {
    if (buf !== '') {
      const joined = joinSourceLines(parts);
      grammar.line(joined.text, bufLine, bufBold, joined.lineAt);
    }
    buf = '';
    parts = [];
  };
  let pos = 0;
  let lineNo = 0;
  while (pos <= text.length) {
    let end = text.indexOf('\n', pos);
    if (end === -1) end = text.length;
    const raw = text.slice(pos, end);
    pos = end + 1;
    lineNo++;
    if (isBlank(raw)) {
      flush();
      grammar.paragraph();
      continue;
    }
    const bold = isBoldLine(raw);
    const clean = cleanMarkdown(raw);
    if (clean === '') {
      flush(); // a line of markup only (`**`, `_`) ends the logical line
      continue;
    }
    // A line all in bold (a heading, a part title) stands alone.
    if (buf !== '' && (bold || startsChakoteyaEntry(clean, buf))) flush();
    if (buf === '') {
      buf = clean;
      bufLine = lineNo;
      bufBold = bold;
    } else {
      buf += ' ' + clean;
      bufBold = false;
    }
    parts.push({ text: clean, line: lineNo });
    // html2text writes a <br> as two trailing spaces; anything else is a hard wrap.
    if (bold || raw.endsWith('  ') || raw.endsWith('\t')) flush();
  }
  flush();
  grammar.finish();
  return {
    transcript: out.build('chakoteya-text', grammar.title, grammar.airDate, []),
    season: null,
    number: null,
    findings,
  };
}

/** A wrapped line that is really a new entry: a heading or a speaker label. */
export function startsChakoteyaEntry(clean: string, before: string): boolean {
  const c = clean.charCodeAt(0);
  if (c === 91) {
    // `KIM` + newline + `[OC]: Acting Captain's log...` is one label wrapped, not a heading.
    return before.length > 60 || parseCapsLabel(`${before.trim()} ${clean}`) === null;
  }
  return c >= 65 && c <= 90 && parseCapsLabel(clean) !== null;
}

function isBlank(raw: string): boolean {
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 0xa0) return false;
  }
  return true;
}

/** `**Blink**`, `__**Episode One**__`, `_**[Tardis]** _`: the whole line in bold. */
function isBoldLine(raw: string): boolean {
  const t = raw.trim();
  let a = 0;
  while (t.charCodeAt(a) === 95) a++;
  let b = t.length;
  while (b > a && (t.charCodeAt(b - 1) === 95 || t.charCodeAt(b - 1) === 32)) b--;
  return b - a > 4 && t.startsWith('**', a) && t.endsWith('**', b);
}

/**
 * Drop html2text markup: `**` bold (a bold split by html2text, `**[Farada** **y cage**`,
 * is joined first), `_` italics at word edges, `\-` escapes. Trims the ends.
 */
export function cleanMarkdown(raw: string): string {
  let s = raw;
  if (s.includes('*')) s = s.replaceAll('** **', '').replaceAll('**', '');
  if (s.includes('_')) s = stripItalics(s);
  if (s.includes('\\')) s = s.replace(/\\([-.*_#+!\\[\]()`])/g, '$1');
  return s.trim();
}

/** Remove `_` that is not between two word characters (`Maitland_Family` keeps its own). */
function stripItalics(s: string): string {
  let out = '';
  let last = 0;
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) !== 95) continue;
    if (isWordChar(s.charCodeAt(i - 1)) && isWordChar(s.charCodeAt(i + 1))) continue;
    out += s.slice(last, i);
    last = i + 1;
  }
  return last === 0 ? s : out + s.slice(last);
}

function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c > 0x7f;
}
