import type { Finding } from '../domain/errors.js';
import type { ParsedTranscript, TranscriptDialect, TranscriptLine } from '../domain/transcript.js';

/**
 * Shared grammar of the transcript readers: speaker labels (`DOCTOR [OC]:`), inline
 * directions (`(kisses her)`, `[to Roz]`) and a builder that numbers the lines.
 */

/** A run of spoken words or one inline direction, in the order they occur. */
export interface InlinePiece {
  readonly kind: 'speech' | 'direction';
  readonly text: string;
}

/** Which brackets mark an inline direction: chakoteya `( )` (and its `{ }` typos), Frasier `[ ]`. */
export type DirectionBrackets = '(' | '[';

/**
 * Split dialogue text (white space already collapsed) around its inline directions, in order:
 * `Rose, you are worth fighting for. (kisses her) Wish I'd...` ->
 * speech, direction `kisses her`, speech. An unclosed bracket makes the rest a direction.
 * Punctuation left over between two directions (`(sighs). (sits)`) is dropped.
 */
export function splitInlineDirections(text: string, brackets: DirectionBrackets): InlinePiece[] {
  return locateInlineDirections(text, brackets).map(({ kind, text: t }) => ({ kind, text: t }));
}

/** An inline piece and where it starts in the text: for a direction, the index of its bracket. */
export interface LocatedPiece extends InlinePiece {
  readonly at: number;
}

/** splitInlineDirections, keeping where each piece starts (to find its source line). */
export function locateInlineDirections(text: string, brackets: DirectionBrackets): LocatedPiece[] {
  const pieces: LocatedPiece[] = [];
  const n = text.length;
  let start = 0;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (!isOpener(c, brackets)) {
      i++;
      continue;
    }
    pushPiece(pieces, 'speech', text.slice(start, i), start);
    let depth = 1;
    let j = i + 1;
    for (; j < n; j++) {
      const d = text.charCodeAt(j);
      if (isOpener(d, brackets)) depth++;
      else if (isCloser(d, brackets) && --depth === 0) break;
    }
    pushPiece(pieces, 'direction', text.slice(i + 1, j), i);
    i = j + 1;
    start = i;
  }
  if (start < n) pushPiece(pieces, 'speech', text.slice(start), start);
  if (pieces.length > 1) return pieces.filter((p) => p.kind === 'direction' || hasWordChar(p.text));
  return pieces;
}

function pushPiece(
  pieces: LocatedPiece[],
  kind: InlinePiece['kind'],
  raw: string,
  at: number,
): void {
  let text = raw.trim();
  if (kind === 'direction') text = stripTrailing(text, ':;');
  if (text !== '') pieces.push({ kind, text, at });
}

/** Maps an index in a logical line back to the 1-based source line it was read from. */
export type LineAt = (index: number) => number;

/**
 * Join physical lines (each collapsed) into one logical line with single spaces, and a
 * LineAt that finds the source line of any index in the result. Empty parts are skipped.
 */
export function joinSourceLines(
  parts: readonly { readonly text: string; readonly line: number }[],
): {
  text: string;
  lineAt: LineAt;
} {
  const starts: number[] = [];
  const lines: number[] = [];
  let text = '';
  for (const p of parts) {
    const t = collapseSpace(p.text);
    if (t === '') continue;
    if (text !== '') text += ' ';
    starts.push(text.length);
    lines.push(p.line);
    text += t;
  }
  const first = lines[0] ?? 1;
  const lineAt = (index: number): number => {
    // Binary search: a long paragraph may hold many wraps and many directions.
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= index) lo = mid;
      else hi = mid - 1;
    }
    return lines[lo] ?? first;
  };
  return { text, lineAt };
}

function isOpener(c: number, brackets: DirectionBrackets): boolean {
  return brackets === '(' ? c === 40 || c === 123 : c === 91; // ( {  or  [
}

function isCloser(c: number, brackets: DirectionBrackets): boolean {
  return brackets === '(' ? c === 41 || c === 125 : c === 93; // ) }  or  ]
}

/** A speaker label at the start of a line: `LOCUTUS [on viewscreen]: Resistance is futile.` */
export interface SpeakerLabel {
  readonly speaker: string;
  readonly qualifier: string | null;
  /** The text after the colon, trimmed. */
  readonly rest: string;
}

const MAX_LABEL = 48;

/**
 * Read a chakoteya-style speaker label: a name in capitals (`DOCTOR`, `MAN 2`, `McDONNELL`,
 * `CASS via LUNN`), an optional qualifier in `[ ]` or `( )` (typos `[OC}`, `[OC:` too), then
 * `:` and a space. Names with more lower-case than upper-case letters are prose
 * (`Error:`, `I said:`), not speakers; `strict` also refuses any lower-case letter.
 */
export function parseCapsLabel(text: string, strict = false): SpeakerLabel | null {
  const n = Math.min(text.length, MAX_LABEL + 40);
  let upper = 0;
  let lower = 0;
  let i = 0;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 58 || c === 91 || c === 40 || c === 123 || c === 59) break; // : [ ( { ;
    if (isUpper(c)) upper++;
    else if (isLower(c)) {
      if (strict) return null;
      lower++;
    } else if (!isNameChar(c)) return null;
  }
  if (i === n || i === 0 || i > MAX_LABEL || (upper > 0 && lower >= upper)) return null;
  if (upper === 0) {
    // A unit number as a name (`3947: New plasma?`), nothing else without a capital.
    if (!isAllDigits(text, i) || text.charCodeAt(i) !== 58) return null;
  } else if (!isUpper(text.charCodeAt(0)) && !isUpper(text.charCodeAt(1))) return null;
  const name = text.slice(0, i).trim();
  if (name === '' || (strict && upper < 2)) return null;
  // `VINA; The planet's...`: a semicolon typo, trusted only after a name in full capitals.
  if (text.charCodeAt(i) === 59 && (lower > 0 || upper < 2)) return null;
  let qualifier: string | null = null;
  let colon = i;
  if (text.charCodeAt(i) !== 58 && text.charCodeAt(i) !== 59) {
    // A qualifier: up to its closer, or to the colon when the closer is missing.
    let j = i + 1;
    for (; j < n; j++) {
      const c = text.charCodeAt(j);
      if (c === 93 || c === 41 || c === 125 || c === 58) break; // ] ) } :
    }
    if (j >= n) return null;
    qualifier = stripTrailing(collapseSpace(text.slice(i + 1, j)), '[({');
    colon = text.charCodeAt(j) === 58 ? j : j + 1;
    while (colon < n && text.charCodeAt(colon) === 32) colon++;
    if (text.charCodeAt(colon) !== 58) return null;
  }
  if (text.charCodeAt(colon + 1) === 58) colon++; // `STRAX:: Business as usual`
  const after = text.charCodeAt(colon + 1);
  // `MAEBH:I knew you'd be here.`: a missing space is trusted after a name in capitals.
  if (colon + 1 < text.length && after !== 32 && after !== 9 && (lower > 0 || !isUpper(after))) {
    return null;
  }
  return { speaker: name, qualifier: qualifier || null, rest: text.slice(colon + 1).trim() };
}

/**
 * A label whose colon was forgotten, `BILL No, wait.` or `MINISTER [on TV} The...`:
 * accepted only for a name already seen as a speaker in the same transcript.
 */
export function parseLabelWithoutColon(
  text: string,
  known: ReadonlySet<string>,
): SpeakerLabel | null {
  let i = 0;
  const n = Math.min(text.length, MAX_LABEL);
  while (i < n && (isUpper(text.charCodeAt(i)) || text.charCodeAt(i) === 45)) i++;
  if (i < 2 || text.charCodeAt(i) !== 32) return null;
  const speaker = text.slice(0, i);
  let rest = text.slice(i + 1);
  let qualifier: string | null = null;
  // `KELSO [on monitor] Bridge to...` is a label by its shape; a bare name must be known.
  if (rest.charCodeAt(0) === 91) {
    const close = rest.indexOf(']');
    if (close === -1 || close > 40) return null;
    qualifier = collapseSpace(rest.slice(1, close)) || null;
    rest = rest.slice(close + 1).trim();
  } else if (!known.has(speaker)) {
    return null;
  } else {
    // The next word must be ordinary text, not more capitals (`CAPTAIN CARNE ANDREW...`).
    let k = 0;
    while (k < rest.length && rest.charCodeAt(k) !== 32) {
      if (isLower(rest.charCodeAt(k))) break;
      k++;
    }
    if (k === rest.length || rest.charCodeAt(k) === 32) return null;
  }
  return rest === '' ? null : { speaker, qualifier, rest };
}

/** A speaker label found inside a line, and where it starts. */
export interface EmbeddedLabel {
  readonly at: number;
  readonly label: SpeakerLabel;
}

/**
 * Find the next speaker label run into a line of dialogue (`...go, Jamie. JAMIE: But...`),
 * from `from` on: a strict capitals label right after `.`, `!`, `?`, `)`, `-` or a stray `>` (a
 * slip for `.`) and a space; with `known`, also a known speaker's label after any word
 * (`...sits by the door JULES: Thank you.`).
 */
export function findEmbeddedLabel(
  text: string,
  from = 0,
  known?: ReadonlySet<string>,
): EmbeddedLabel | null {
  let colon = text.indexOf(': ', from);
  while (colon !== -1) {
    // Walk back over the label (and a qualifier) to the space before it; never further back
    // than a label can be long, so a line of many colons stays linear.
    const floor = Math.max(from, colon - 2 * MAX_LABEL);
    let k = colon - 1;
    if (text.charCodeAt(k) === 93) {
      while (k > floor && text.charCodeAt(k) !== 91) k--;
      k--;
      while (k > floor && text.charCodeAt(k) === 32) k--;
    }
    const labelEnd = k;
    while (k > floor && isCapsNameChar(text.charCodeAt(k))) k--;
    // Trim spaces the label walk took in at its front.
    let start = k + 1;
    while (start < labelEnd && text.charCodeAt(start) === 32) start++;
    if (start <= labelEnd && start - from >= 3) {
      const prev = text.charCodeAt(start - 1);
      const mark = text.charCodeAt(start - 2);
      const stop = isStop(mark) || mark === 41 || mark === 45 || mark === 62;
      if (prev === 32 && (stop || known !== undefined)) {
        const label = parseCapsLabel(text.slice(start), true);
        if (label !== null && (stop || known!.has(label.speaker))) return { at: start, label };
      }
    }
    colon = text.indexOf(': ', colon + 2);
  }
  return null;
}

function isAllDigits(text: string, end: number): boolean {
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return end > 0;
}

/** `.`, `!` or `?`: a mark that ends a sentence. */
export function isStop(c: number): boolean {
  return c === 46 || c === 33 || c === 63;
}

export function isUpper(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde && c !== 0xd7);
}

function isLower(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 0xdf && c <= 0xff && c !== 0xf7);
}

/** Digits, space and the punctuation found in names: `MAN 2`, `K-9`, `O'BRIEN`, `ROSE + DOCTOR`. */
function isNameChar(c: number): boolean {
  return (
    (c >= 48 && c <= 57) ||
    c === 32 ||
    c === 39 ||
    c === 0x2019 ||
    c === 46 ||
    c === 45 ||
    c === 38 ||
    c === 43 ||
    c === 47 ||
    c === 35 ||
    c === 44 ||
    c === 95
  );
}

function isCapsNameChar(c: number): boolean {
  return isUpper(c) || (isNameChar(c) && c !== 44 && c !== 46);
}

/** True when `text` holds a letter or digit. */
export function hasWordChar(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 48 && c <= 57) || isUpper(c) || isLower(c) || c > 0xff) return true;
  }
  return false;
}

const NEEDS_COLLAPSE = /\s\s|[\t\n\r\f\v\u00a0\u2000-\u200a\u3000]/;

/** Runs of white space become one space; ends trimmed. */
export function collapseSpace(text: string): string {
  const n = text.length;
  if (n === 0) return text;
  // Fast path: most lines hold single spaces only, so test once (natively) before replacing.
  if (!NEEDS_COLLAPSE.test(text)) {
    return text.charCodeAt(0) > 32 && text.charCodeAt(n - 1) > 32 ? text : text.trim();
  }
  return text.replace(/\s+/g, ' ').trim();
}

/** Remove any of `chars` (and spaces) from the end. */
export function stripTrailing(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && (chars.includes(text.charAt(end - 1)) || text.charCodeAt(end - 1) === 32))
    end--;
  return end === text.length ? text : text.slice(0, end);
}

/**
 * Directions that say where a voice comes from rather than what happens (`[v.o.]`,
 * `(OC)`, `[on phone]`): when one opens a speech it becomes the speaker's qualifier.
 */
const QUALIFIER_TERMS = new Set([
  'oc',
  'o.c',
  'os',
  'o.s',
  'oov',
  'vo',
  'v.o',
  'v/o',
  'voice over',
  'voice-over',
  'voiceover',
  'off',
  'offscreen',
  'off-screen',
  'off screen',
  'on screen',
  'on-screen',
  'on viewscreen',
  'on monitor',
  'on scanner',
  'on tv',
  'on radio',
  'on phone',
  'on the phone',
  'on speaker',
  'on speakerphone',
  'on intercom',
  'on comm',
  'on tape',
  'on video',
  'on air',
  'over intercom',
  'over comm',
  'over speaker',
  'over pa',
  'over phone',
  'filtered',
]);

/** Whether a direction names where a voice comes from (`v.o.`, `OC`, `on phone`). */
export function isQualifierTerm(text: string): boolean {
  return text.length <= 20 && QUALIFIER_TERMS.has(stripTrailing(text.toLowerCase(), '.:;'));
}

/**
 * Collects transcript lines with dense `seq` numbers. `speech` splits a speaker's text
 * around its inline directions: dialogue, action, dialogue, all on the same source line,
 * because later alignment depends on the order of events.
 * Texts are expected with white space already collapsed (`collapseSpace`); only the ends
 * are trimmed here, so a reader collapses each line once.
 */
export class TranscriptLinesBuilder {
  readonly lines: TranscriptLine[] = [];
  /** Every speaker name seen so far, as written. */
  readonly speakers = new Set<string>();
  dialogueCount = 0;

  scene(line: number, text: string): void {
    const t = text.trim();
    if (t !== '') this.lines.push({ kind: 'scene', seq: this.lines.length, line, text: t });
  }

  action(line: number, text: string, speaker: string | null = null): void {
    const t = text.trim();
    // A rule of dashes or a stray `(?)` says nothing.
    if (hasWordChar(t))
      this.lines.push({ kind: 'action', seq: this.lines.length, line, text: t, speaker });
  }

  dialogue(line: number, speaker: string, qualifier: string | null, text: string): void {
    const t = text.trim();
    if (t === '') return;
    this.dialogueCount++;
    this.speakers.add(speaker);
    this.lines.push({
      kind: 'dialogue',
      seq: this.lines.length,
      line,
      speaker,
      qualifier,
      text: t,
    });
  }

  /**
   * One speaker's turn, inline directions split out in order. Dialogue keeps `line`; a
   * direction gets `lineAt(index of its bracket)` when the turn ran over several source lines.
   */
  speech(
    line: number,
    speaker: string,
    qualifier: string | null,
    text: string,
    brackets: DirectionBrackets,
    lineAt?: LineAt,
  ): void {
    const open = brackets === '(' ? text.includes('(') || text.includes('{') : text.includes('[');
    if (!open) {
      this.dialogue(line, speaker, qualifier, text);
      return;
    }
    const pieces = locateInlineDirections(text, brackets);
    let q = qualifier;
    let first = 0;
    const head = pieces[0];
    if (q === null && head?.kind === 'direction' && isQualifierTerm(head.text)) {
      q = stripTrailing(head.text, ':;');
      first = 1;
    }
    for (let i = first; i < pieces.length; i++) {
      const p = pieces[i]!;
      if (p.kind === 'speech') this.dialogue(line, speaker, q, p.text);
      else this.action(lineAt === undefined ? line : lineAt(p.at), p.text, speaker);
    }
  }

  build(
    dialect: TranscriptDialect,
    title: string | null,
    airDate: string | null,
    cast: readonly string[],
  ): ParsedTranscript {
    return { dialect, title, airDate, cast, lines: this.lines };
  }
}

/** What every dialect reader returns for one episode. */
export interface DialectResult {
  readonly transcript: ParsedTranscript;
  readonly season: number | null;
  readonly number: number | null;
  readonly findings: Finding[];
}

/** A finding at a line of a file, the shape every reader reports. */
export function finding(
  severity: Finding['severity'],
  ruleId: string,
  reason: string,
  file: string,
  line?: number,
): Finding {
  return { severity, ruleId, reason, place: line === undefined ? { file } : { file, line } };
}
