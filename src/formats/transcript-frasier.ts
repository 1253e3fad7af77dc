import type { Finding } from '../domain/errors.js';
import {
  collapseSpace,
  finding,
  joinSourceLines,
  stripTrailing,
  TranscriptLinesBuilder,
  type DialectResult,
} from './inline-directions.js';

/**
 * Read a Frasier fan transcript (kacl780.net):
 *
 * ```
 * [1.1]The Good Son
 * ...Original Airdate on NBC: 16th September 1993.
 * FRASIER CRANE..........................................KELSEY GRAMMER
 * Transcript {simon aw}
 * Act One.
 * Scene One - KACL
 * The Frasier Crane Show.  Dr. Frasier Crane, the host, is at his console,
 * admonishing a caller; Roz Doyle, his call-screener, is in her booth.
 *
 * Frasier: [firmly] Listen to yourself, Bob!  You follow her to work,
 *          you eavesdrop on her calls, you open her mail.
 *     Roz: Yes, Dr Crane.
 * ```
 *
 * - The header (to the `Transcript {author}` line) gives the title, season and episode
 *   (`[1.1]`), the air date, and the cast: character names from the dot-leader list and from
 *   `ACTOR as Character` lines under a Guest heading (here or in the footer).
 * - `Act One` and `Scene One - KACL` (and `Credits:`, `Reset to: Kitchen`, a bare
 *   `Frasier's Apartment:`) are scene lines, as written.
 * - A prose paragraph is one action line. Transitions (`FADE OUT`, `CUT TO:`,
 *   `END OF ACT ONE`) and title cards (`THE JOB`) are action lines too.
 * - `Speaker: words` goes on over indented lines, even across blank lines; `[directions]`
 *   inside become actions attached to the speaker, in order. A leading `[v.o.]`, `[o.s.]`
 *   is the qualifier.
 * - The footer (`Guest Appearances`, `Legal Stuff`) is not transcript.
 */
export function parseFrasierTranscript(text: string, file = '<frasier>'): DialectResult {
  const lines = text.split('\n');
  const out = new TranscriptLinesBuilder();
  const findings: Finding[] = [];
  const cast: string[] = [];
  const head = readHeader(lines, cast);

  // The open speech (or a label still waiting for its words) and the open prose paragraph.
  let speech: {
    line: number;
    speaker: string;
    qualifier: string | null;
    parts: { text: string; line: number }[];
  } | null = null;
  let prose: { line: number; parts: string[] } | null = null;
  const flushSpeech = (): void => {
    if (speech === null) return;
    if (speech.parts.length === 0) {
      // `Frasier's Apartment:` with prose after it, not words: a heading.
      out.scene(speech.line, collapseSpace(speech.speaker));
    } else {
      // Each part keeps its source line, so a direction on a continuation line gets its own.
      const words = joinSourceLines(speech.parts);
      out.speech(speech.line, speech.speaker, speech.qualifier, words.text, '[', words.lineAt);
    }
    speech = null;
  };
  const flushProse = (): void => {
    if (prose === null) return;
    out.action(prose.line, collapseSpace(prose.parts.join(' ')));
    prose = null;
  };

  let i = head.bodyStart;
  for (; i < lines.length; i++) {
    const raw = lines[i]!;
    const indent = leadingSpace(raw);
    if (indent === raw.length) {
      flushProse();
      continue;
    }
    const lineNo = i + 1;
    const trimmed = raw.trim();
    if (indent <= 1 && isFooter(trimmed)) break;
    const label = parseFrasierLabel(raw, indent);
    if (label !== null) {
      flushProse();
      flushSpeech();
      speech = { line: lineNo, speaker: label.speaker, qualifier: label.qualifier, parts: [] };
      if (label.rest !== '') speech.parts.push({ text: label.rest, line: lineNo });
      continue;
    }
    if (speech !== null && (indent >= 3 || raw.charCodeAt(0) === 9)) {
      speech.parts.push({ text: trimmed, line: lineNo });
      continue;
    }
    if (prose === null) {
      const marker = classifyMarker(trimmed);
      // `Cut to outside.  Noel presents the paper to a` / `reception of ...`: a paragraph
      // that opens with a transition and runs on into the next line is prose.
      if (marker !== null && !(marker === 'action' && runsOn(lines[i + 1]))) {
        flushSpeech();
        const t = collapseSpace(trimmed);
        if (marker === 'scene') out.scene(lineNo, stripTrailing(t, '.:'));
        else out.action(lineNo, t);
        continue;
      }
    }
    flushSpeech();
    if (prose === null) prose = { line: lineNo, parts: [] };
    prose.parts.push(trimmed);
  }
  flushProse();
  flushSpeech();
  if (i < lines.length) readGuests(lines, i, cast);
  if (!head.found) {
    findings.push(
      finding(
        'info',
        'frasier/no-header',
        'no `Transcript {author}` line ends a header block',
        file,
      ),
    );
  }
  return {
    transcript: out.build('frasier', head.title, head.airDate, dedupe(cast)),
    season: head.season,
    number: head.number,
    findings,
  };
}

interface Header {
  readonly title: string | null;
  readonly season: number | null;
  readonly number: number | null;
  readonly airDate: string | null;
  readonly bodyStart: number;
  /** Whether a `Transcript {...}` line closed the header. */
  readonly found: boolean;
}

const TRANSCRIPT_LINE = /^\s*Transcript\s*\{/;
const EPISODE_LINE = /^\s*\[(\d{1,2})\.(\d{1,3})\]\s*(.*)$/;
const AIRDATE_LINE = /^\s*Original Air ?date(?: on [^:]{1,30})?:\s*(.+)$/i;

function readHeader(lines: readonly string[], cast: string[]): Header {
  let end = -1;
  for (let i = 0; i < lines.length; i++) {
    if (TRANSCRIPT_LINE.test(lines[i]!)) {
      end = i;
      break;
    }
  }
  const found = end !== -1;
  if (!found) {
    // No author line: the header runs to the first act, scene or speaker.
    end = lines.length;
    for (let i = 0; i < lines.length; i++) {
      const raw = lines[i]!;
      const indent = leadingSpace(raw);
      if (indent === raw.length) continue;
      if (parseFrasierLabel(raw, indent) !== null || classifyMarker(raw.trim()) === 'scene') {
        end = i;
        break;
      }
    }
    end--;
  }
  let title: string | null = null;
  let season: number | null = null;
  let number: number | null = null;
  let airDate: string | null = null;
  let guests = false;
  for (let i = 0; i <= end && i < lines.length; i++) {
    const raw = lines[i]!;
    if (title === null) {
      const m = EPISODE_LINE.exec(raw);
      if (m !== null) {
        season = Number.parseInt(m[1]!, 10);
        number = Number.parseInt(m[2]!, 10);
        title = collapseSpace(m[3]!) || null;
        // `[7.23]` alone: the title is on the next line.
        if (title === null && i + 1 <= end) title = collapseSpace(lines[i + 1]!) || null;
        continue;
      }
    }
    if (airDate === null) {
      const m = AIRDATE_LINE.exec(raw);
      if (m !== null) {
        airDate = stripTrailing(m[1]!.trim(), '.') || null;
        continue;
      }
    }
    const name = castName(raw);
    if (name !== null) {
      cast.push(name);
      continue;
    }
    if (/guest/i.test(raw)) guests = true;
    else if (guests) guests = addGuest(raw, cast) || leadingSpace(raw) === raw.length;
  }
  return { title, season, number, airDate, bodyStart: end + 1, found };
}

/** `FRASIER CRANE..........KELSEY GRAMMER` -> `FRASIER CRANE` (a dot leader, then the actor). */
function castName(raw: string): string | null {
  const dots = raw.indexOf('....');
  if (dots < 1) return null;
  let end = dots;
  while (end < raw.length && raw.charCodeAt(end) === 46) end++;
  if (raw.slice(end).trim() === '') return null;
  return collapseSpace(raw.slice(0, dots)) || null;
}

/** `ACTOR as Character` lines under a Guest heading after the transcript. */
function readGuests(lines: readonly string[], from: number, cast: string[]): void {
  let guests = false;
  for (let i = from; i < lines.length; i++) {
    const raw = lines[i]!;
    if (/guest|special/i.test(raw)) guests = true;
    else if (/^\s*legal stuff/i.test(raw)) guests = false;
    else if (guests) addGuest(raw, cast);
  }
}

const GUEST_LINE = /^\s*[A-Z][A-Za-z.'’ -]{1,40}?\s+as\s+(\S.{0,40}?)\s*$/;

function addGuest(raw: string, cast: string[]): boolean {
  const m = GUEST_LINE.exec(raw);
  if (m === null) return false;
  cast.push(m[1]!);
  return true;
}

function dedupe(names: readonly string[]): string[] {
  return [...new Set(names)];
}

function isFooter(trimmed: string): boolean {
  return /^(Legal Stuff|Guest Appearances|Guest Callers|Guest Starring|Special Guest|Thanks To)\b/i.test(
    trimmed,
  );
}

/** Labels that look like a speaker but are directions or header fields. */
const NOT_SPEAKERS = new Set([
  'cut to',
  'we cut to',
  'dissolve to',
  'fade to',
  'fade in',
  'fade out',
  'flashback to',
  'smash cut to',
  'match cut to',
  'skyline',
  'scene title',
  'title',
  'n.b',
  'nb',
  'note',
  'time',
  'production code',
  'filmed on',
  'written by',
  'directed by',
  'transcript',
  'synopsis',
]);

/** Camera and edit directions: `DISSOLVE TO Later:`, `Angle on Daphne:`, `CLOSE-UP:`. */
const DIRECTION_WORD = /^(cut|dissolve|fade|angle|close-?up|smash|match|flashback|reset|back to)\b/;

/** Lower-case words allowed inside a name: `Woman In Hall`, `Maitre d’`, `Voice of Reason`. */
const NAME_PARTICLES = new Set([
  'of',
  'the',
  'and',
  'de',
  'la',
  'le',
  'van',
  'von',
  'in',
  'on',
  'at',
  'd’',
  "d'",
]);

/**
 * `  Niles: So I said...`, `Frasier/Martin: No!`, `Patron #2:`: a name of capitalised words
 * (at most four, 30 characters), an optional `[qualifier]`, a colon and a space.
 */
export function parseFrasierLabel(
  raw: string,
  indent: number,
): { speaker: string; qualifier: string | null; rest: string } | null {
  if (indent > 12) return null;
  const colon = raw.indexOf(':', indent);
  if (colon === -1 || colon - indent > 44) return null;
  const after = raw.charCodeAt(colon + 1);
  if (colon + 1 < raw.length && after !== 32 && after !== 9) return null;
  let name = raw.slice(indent, colon).trimEnd();
  let qualifier: string | null = null;
  const open = name.indexOf('[');
  if (open !== -1) {
    if (!name.endsWith(']')) return null;
    qualifier = collapseSpace(name.slice(open + 1, -1)) || null;
    name = name.slice(0, open).trimEnd();
  }
  if (name.length === 0 || name.length > 30 || !isSpeakerName(name)) return null;
  const lower = name.toLowerCase();
  if (NOT_SPEAKERS.has(stripTrailing(lower, '.')) || DIRECTION_WORD.test(lower)) return null;
  return { speaker: collapseSpace(name), qualifier, rest: raw.slice(colon + 1).trim() };
}

function isSpeakerName(name: string): boolean {
  const words = name.split(/[ /]+/);
  if (words.length > 4) return false;
  for (const w of words) {
    const c = w.charCodeAt(0);
    const capital = (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 35 || c >= 0xc0;
    if (!capital && !NAME_PARTICLES.has(w)) return false;
    if (/[^A-Za-z0-9.'’#&\-\u00c0-\u017f]/.test(w)) return false;
  }
  const first = name.charCodeAt(0);
  return (first >= 65 && first <= 90) || first >= 0xc0;
}

/** Scene markers, transitions and title cards: lines that are neither prose nor speech. */
function classifyMarker(trimmed: string): 'scene' | 'action' | null {
  if (trimmed.length > 80) return null;
  if (/^(act|scene)\s+([a-z]+|\d+|[ivx]+)\b/i.test(trimmed)) return 'scene';
  if (/^(credits|credit tag|cold open|teaser|prologue|epilogue|tag)[.:]?$/i.test(trimmed))
    return 'scene';
  if (/^reset to:/i.test(trimmed)) return 'scene';
  if (
    /^(end of (act|show|part|scene)|fade (out|in|to)|cut to|dissolve to|(we )?cut to|flashback)/i.test(
      trimmed,
    )
  ) {
    return 'action';
  }
  // A title card: a short line in capitals, `THE JOB`, `ONE MAN’S STORAGE ROOM`.
  if (trimmed.length <= 60 && trimmed === trimmed.toUpperCase() && /[A-Z]{2}/.test(trimmed)) {
    return 'action';
  }
  return null;
}

/** Whether a line goes on with the sentence before it (it starts in lower case). */
function runsOn(next: string | undefined): boolean {
  return next !== undefined && /^\s*[a-z]/.test(next);
}

function leadingSpace(raw: string): number {
  let i = 0;
  while (i < raw.length) {
    const c = raw.charCodeAt(i);
    if (c === 32 || c === 0xa0) i++;
    else if (c === 9) i++;
    else break;
  }
  return i;
}
