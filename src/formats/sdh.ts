import { cutLine, plainOf, sliceLine, styledOf, tidyLine, type RichLine } from './rich-text.js';

/** One speaker's part of a cue, ready to become a `Cue`. */
export interface CuePart {
  readonly text: string;
  readonly styled: string;
  readonly speaker: string | null;
  readonly sound: boolean;
}

// A dialogue dash opening a line: one hyphen or dash (not `--`, which marks an interruption).
const DASH = /^\s*[-\u2010\u2011\u2013\u2014](?![-\u2010\u2011\u2013\u2014])\s*(?=\S)/;
const DASHES = new Set(['-', '\u2010', '\u2011', '\u2013', '\u2014']);
// `- Yes. - No.` on one line: a dash after sentence-final punctuation starts the next part.
const INLINE_DASH = /(?<=[.!?\u2026]["'\u201d\u2019)\]]?)\s+[-\u2010\u2011\u2013\u2014]\s+(?=\S)/g;
// Descriptions: `[...]` anywhere, `(...)` when it opens a line (see `descriptions`).
// `[^[\]]` (not `[^\]]`): a run of unclosed `[` must not be rescanned from each one.
const DESCRIPTION = /\[[^[\]]*\]|\([^()]*\)/g;
const LEADING_DESCRIPTIONS = /^(?:\s*(?:\[[^\]\n]*\]|\([^()\n]*\)))*\s*/;
const SOUND_ONLY_LINE = /^\s*(?:(?:\[[^\]]*\]|\([^()]*[^()?!\s]\s*\))\s*)+$/;
// `JACK:`, `JACK HARKNESS:`, `MAN #2:`, `DR. CRANE:`, `JACK (ON PHONE):` - all capitals.
const UPPER_LABEL =
  /^(\p{Lu}[\p{Lu}\p{M}\d'\u2019.&#-]*(?:[ \t]+[\p{Lu}\d#&][\p{Lu}\p{M}\d'\u2019.&#-]*){0,3})(?:[ \t]*[([][^)\]\n]*[)\]])?[ \t]*:(?=\s|$)/u;
// `Jack:`, `Jack Harkness:`, `Dr. Crane:` - up to 3 capitalised words.
const NAME_LABEL =
  /^(\p{Lu}[\p{L}\p{M}'\u2019-]*\.?(?:[ \t]+\p{Lu}[\p{L}\p{M}'\u2019-]*\.?){0,2})(?:[ \t]*[([][^)\]\n]*[)\]])?[ \t]*:(?=\s|$)/u;
const LOWER_NEXT = /^\s*['"\u2018\u201c([]*\p{Ll}/u;
// Words that open a sentence with a colon but name nobody ("Note: ...", "PREVIOUSLY:").
const NOT_NAMES = new Set(
  `note notes nb warning caution example remember listen look okay ok well yes no yeah so now
  then and but or ps answer question step rule hint tip update subject re dear hello hi hey oh
  wait please thanks today tonight tomorrow yesterday monday tuesday wednesday thursday friday
  saturday sunday january february march april may june july august september october november
  december chapter part episode scene act lyrics music song translation translated caption
  captions captioned subtitle subtitles subtitled synced sync corrected downloaded ripped
  transcript credits location date time place name from to cc www http https also first second
  third finally result reason problem solution summary attention important breaking news live
  previously meanwhile later earlier the a an my our your his her their this that these those
  here there what why how who when where which if`.split(/\s+/),
);

/**
 * Split a cue's lines into speaker parts by the SDH conventions of broadcast subtitles.
 *
 * Parts: a line opening with a dialogue dash (`- Yes.`) starts a part, as does each
 * further `- ` after sentence-final punctuation on that line (`- Yes. - No.`); a later line
 * opening with an all-capitals label (`IANTO: ...`) starts a part; a line that is only
 * sound descriptions (`[door slams]`) is a part of its own.
 *
 * Speaker labels, removed from `text` and `styled`:
 * - all capitals, 1-4 words, at least 2 letters (`JACK:`, `JACK HARKNESS:`, `MAN #2:`,
 *   `JACK (ON PHONE):`), at the start of any part;
 * - a Capitalised name of at most 3 words (`Jack:`, `Dr. Crane:`), only at the start of the
 *   cue or of a dash part and not followed by a lower-case word, because `Word: text` is
 *   often prose (`Phil Patterson: the sane choice.`); `Football: Broncos win!` still reads
 *   as a label, which only the canon's character list can rule out;
 * - either way the colon must be followed by a space or the line end (so `10:30`, `http:`
 *   never match), the first word must not be a common sentence opener (`Note:`, `OK:`,
 *   `PREVIOUSLY:`; see NOT_NAMES), and some text must follow in the part.
 * Without a label a part takes the voice its first line starts in (WebVTT `<v>`), else
 * `cueSpeaker` (ASS Name).
 *
 * Sound descriptions: `[...]` anywhere and `(...)` opening a line (not ending in `?`/`!`,
 * which is speech in parentheses). A part that is only descriptions is `sound: true` with
 * the descriptions' words as `text`. Descriptions within speech are removed from `text`
 * (search is over what is said) but kept in `styled` (display shows what the viewer saw).
 *
 * `lines` must be tidy (see `tidyLine`), as every format parser returns them.
 */
export function splitSdh(lines: readonly RichLine[], cueSpeaker: string | null): CuePart[] {
  const drafts = draftParts(lines.filter((l) => l.runs.length > 0));
  const parts: CuePart[] = [];
  drafts.forEach((draft, k) => {
    const part = finishPart(draft, k === 0 || draft.dash, cueSpeaker);
    if (part) parts.push(part);
  });
  return parts;
}

/** The whole cue as one part, with no SDH reading (voice or cue speaker only); `lines` tidy. */
export function wholeCue(lines: readonly RichLine[], cueSpeaker: string | null): CuePart[] {
  const kept = lines.filter((l) => l.runs.length > 0);
  const text = kept.map(plainOf).join(' ');
  if (text === '') return [];
  const speaker = kept.find((l) => l.voice !== null)?.voice ?? cueSpeaker;
  return [{ text, styled: kept.map(styledOf).join('\n'), speaker, sound: false }];
}

interface Draft {
  lines: RichLine[];
  dash: boolean;
  soundLine: boolean;
}

function draftParts(lines: readonly RichLine[]): Draft[] {
  const drafts: Draft[] = [];
  for (const line of lines) {
    // Lines are tidy (trimmed), and cheap character tests skip most regexes.
    const plain = plainOf(line);
    const dash = DASHES.has(plain.charAt(0)) ? DASH.exec(plain) : null;
    if (dash) {
      const rest = sliceLine(line, dash[0].length);
      for (const piece of splitInlineDashes(rest)) {
        drafts.push({ lines: [piece], dash: true, soundLine: false });
      }
      continue;
    }
    const last = drafts[drafts.length - 1];
    const soundLine = hasBrackets(plain) && SOUND_ONLY_LINE.test(plain);
    const startsTurn =
      last !== undefined &&
      plain.includes(':') &&
      labelAt(plain.slice(leadingDescriptions(plain)), false) !== null;
    if (last && !startsTurn && last.soundLine === soundLine) last.lines.push(line);
    else drafts.push({ lines: [line], dash: false, soundLine });
  }
  return drafts;
}

function hasBrackets(text: string): boolean {
  return text.includes('[') || text.includes('(');
}

/** Length of the sound descriptions (and spaces) a line opens with. */
function leadingDescriptions(plain: string): number {
  const c = plain.charAt(0);
  return c === '[' || c === '(' ? (LEADING_DESCRIPTIONS.exec(plain)?.[0].length ?? 0) : 0;
}

function splitInlineDashes(line: RichLine): RichLine[] {
  const plain = plainOf(line);
  const pieces: RichLine[] = [];
  let from = 0;
  for (const m of plain.matchAll(INLINE_DASH)) {
    pieces.push(sliceLine(line, from, m.index));
    from = m.index + m[0].length;
  }
  pieces.push(sliceLine(line, from));
  return pieces;
}

function finishPart(draft: Draft, turnStart: boolean, cueSpeaker: string | null): CuePart | null {
  const lines = draft.lines;
  let first = lines[0];
  if (!first) return null;
  let speaker: string | null = null;
  const firstPlain = plainOf(first);
  const skip = leadingDescriptions(firstPlain);
  const label = firstPlain.includes(':') ? labelAt(firstPlain.slice(skip), turnStart) : null;
  if (label) {
    const rest = firstPlain.slice(skip + label.length).trim();
    if (rest !== '' || lines.length > 1) {
      speaker = label.name;
      first = cutLine(first, skip, skip + label.length);
    }
  }
  speaker ??= first.voice ?? cueSpeaker;

  // Only the first line can have changed (dash or label cut); the others are tidy already.
  first = tidyLine(first);
  let joined = '';
  let styled = '';
  for (let i = 0; i < lines.length; i++) {
    const line = i === 0 ? first : lines[i];
    if (!line || line.runs.length === 0) continue;
    joined += (joined === '' ? '' : '\n') + plainOf(line);
    styled += (styled === '' ? '' : '\n') + styledOf(line);
  }
  const found = hasBrackets(joined) ? descriptions(joined) : [];
  let text: string;
  let sound = false;
  if (found.length === 0) {
    text = joined.replaceAll('\n', ' '); // tidy lines: already single-spaced and trimmed
  } else {
    let speech = '';
    let at = 0;
    for (const d of found) {
      speech += joined.slice(at, d.start) + ' ';
      at = d.end;
    }
    speech = collapse(speech + joined.slice(at));
    sound = !/[\p{L}\p{N}]/u.test(speech);
    text = sound ? collapse(found.map((d) => d.inner).join(' ')) : speech;
  }
  if (
    text === '' ||
    (DASHES.has(text.charAt(0)) && /^[-\u2010\u2011\u2013\u2014\s]*$/.test(text))
  ) {
    return null;
  }
  return { text, styled, speaker, sound };
}

/** A speaker label at the start of `plain`: its name and the length to cut (label + colon + space). */
function labelAt(plain: string, allowNames: boolean): { name: string; length: number } | null {
  let m = UPPER_LABEL.exec(plain);
  // One capital letter (`I:`, `A:`) is too little to be a name.
  if (m && (m[1]?.match(/\p{Lu}/gu)?.length ?? 0) < 2) m = null;
  if (!m && allowNames) {
    m = NAME_LABEL.exec(plain);
    // `Phil Patterson: the sane choice.` is prose: after a name label a sentence starts.
    if (m && LOWER_NEXT.test(plain.slice(m[0].length))) m = null;
  }
  const name = m?.[1];
  if (!m || name === undefined) return null;
  const firstWord = (name.split(/[ \t]/)[0] ?? '').replace(/\.$/, '').toLowerCase();
  if (NOT_NAMES.has(firstWord)) return null;
  const spaces = /^\s*/.exec(plain.slice(m[0].length))?.[0].length ?? 0;
  return { name, length: m[0].length + spaces };
}

/**
 * Sound descriptions in a part's text (lines joined by `\n`): every `[...]`, and a `(...)`
 * that opens a line or follows another description, unless it ends in `?` or `!`.
 */
function descriptions(text: string): { start: number; end: number; inner: string }[] {
  const out: { start: number; end: number; inner: string }[] = [];
  let lastEnd = 0;
  let lineStart = 0;
  let nextBreak = text.indexOf('\n');
  for (const m of text.matchAll(DESCRIPTION)) {
    const whole = m[0];
    const inner = whole.slice(1, -1).trim();
    while (nextBreak >= 0 && nextBreak < m.index) {
      lineStart = nextBreak + 1;
      nextBreak = text.indexOf('\n', lineStart);
    }
    if (whole.startsWith('(')) {
      const before = text.slice(Math.max(lineStart, lastEnd), m.index);
      if (before.trim() !== '' || /[?!]$/.test(inner)) continue;
    }
    out.push({ start: m.index, end: m.index + whole.length, inner });
    lastEnd = m.index + whole.length;
  }
  return out;
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
