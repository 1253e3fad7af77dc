import type { Quantifier } from '../domain/claim.js';

/**
 * Claim sentences in drafts, step one: the prose of a Markdown or plain-text draft split into
 * sentences that know where they start, and the cue words that make a sentence a canon claim
 * ("the only time", "never", "more ... than"). Pure; no Markdown library, because all a checker
 * needs is to skip what is not prose while keeping every offset.
 */

/** A sentence of the draft's prose, with where it starts (1-based line and column). */
export interface DraftSentence {
  /** The sentence with Markdown syntax removed and white space collapsed. */
  readonly text: string;
  readonly line: number;
  /** 1-based, in characters (code points) from the start of the line. */
  readonly column: number;
  /** Offset of the first character in the draft (UTF-16 units, for slicing). */
  readonly offset: number;
  /** Which paragraph (or heading, or list item) it is in, counting from 0. */
  readonly paragraph: number;
}

/** A draft's prose: the draft with everything else blanked, and where blocks break sentences. */
export interface Prose {
  /** The draft with non-prose blanked to spaces (newlines kept), so offsets point into it. */
  readonly text: string;
  /** Offsets where a sentence must end: the start of a list item, the end of a heading. */
  readonly breaks: ReadonlySet<number>;
}

/**
 * The prose of a draft with everything else blanked to spaces, so offsets still point into the
 * draft: front matter, fenced code, HTML comments and tags, images, link URLs and reference
 * definitions, inline code, emphasis marks, heading, list and quote markers, rules, bare URLs.
 * Headings and table rows are sentences of their own; a list item starts one.
 */
export function proseOf(draft: string): Prose {
  const lines = draft.split('\n');
  const out: string[] = [];
  const breaks = new Set<number>();
  let fence: string | null = null;
  const first = lines[0]?.trim();
  let frontMatter = first === '---' || first === '+++';
  const frontEnd = first === '+++' ? /^\+\+\+\s*$/ : /^(---|\.\.\.)\s*$/;
  let at = 0;
  for (let i = 0; i < lines.length; at += lines[i]!.length + 1, i++) {
    const line = lines[i]!;
    if (frontMatter) {
      if (i > 0 && frontEnd.test(line)) frontMatter = false;
      out.push(blank(line));
      continue;
    }
    const fenceMark = /^\s{0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence !== null) {
      if (fenceMark !== undefined && fenceMark[0] === fence[0] && fenceMark.length >= fence.length)
        fence = null;
      out.push(blank(line));
      continue;
    }
    if (fenceMark !== undefined) {
      fence = fenceMark;
      out.push(blank(line));
      continue;
    }
    const p = proseLine(line);
    if (p.startsBlock) breaks.add(at);
    if (p.endsBlock) breaks.add(at + line.length);
    out.push(p.text);
  }
  // HTML comments may span lines (`<!-- more -->` is Tumblr's read-more): blank them whole.
  const text = out.join('\n').replace(/<!--[\s\S]*?(-->|$)/g, blank);
  return { text, breaks };
}

/** One line of prose with its Markdown marks blanked, and whether it starts or ends a block. */
function proseLine(line: string): { text: string; startsBlock: boolean; endsBlock: boolean } {
  const none = { text: blank(line), startsBlock: false, endsBlock: false };
  if (/^\s{0,3}([-*_])(\s*\1){2,}\s*$/.test(line)) return none; // a rule
  if (/^\s{0,3}\[[^\]]+\]:\s*\S+/.test(line)) return none; // a link reference definition
  if (/^\s*\|[\s|:-]*\|\s*$/.test(line)) return none; // a table's rule
  let s = line;
  const strip = (re: RegExp): boolean => {
    const m = re.exec(s);
    if (m === null) return false;
    s = blank(m[0]) + s.slice(m[0].length);
    return true;
  };
  strip(/^\s{0,3}(>\s?)+/); // quote marks (a quote's paragraphs are split by its blank lines)
  const heading = strip(/^\s{0,3}#{1,6}(\s+|$)/);
  if (heading) s = s.replace(/\s#+\s*$/, blank);
  const item = strip(/^\s*([-*+]|\d{1,9}[.)])\s+(\[[ xX]\]\s+)?/);
  const row = /^\s*\|.*\|\s*$/.test(line);
  s = s
    .replace(/!\[[^\]]*\]\([^)]*\)/g, blank) // images
    .replace(/<\/?[A-Za-z][^<>]*>/g, blank) // HTML tags and autolinks
    .replace(/`[^`]*`/g, blank) // inline code
    .replace(/\[([^\]]*)\]\((?:[^()]|\([^)]*\))*\)/g, (m, text: string) => keepText(m, text))
    .replace(/\[([^\]]*)\]\[[^\]]*\]/g, (m, text: string) => keepText(m, text))
    .replace(/\bhttps?:\/\/[^\s)>\]]+/g, blank)
    .replace(
      /(^|[^\p{L}\p{N}*_])([*_]{1,3})(?=\S)/gu,
      (_m, pre: string, marks: string) => pre + blank(marks),
    )
    .replace(
      /(\S)([*_]{1,3})(?=$|[^\p{L}\p{N}*_])/gu,
      (_m, pre: string, marks: string) => pre + blank(marks),
    )
    .replace(/~~/g, '  ')
    .replace(/\|/g, ' ');
  return { text: s, startsBlock: item || heading || row, endsBlock: heading || row };
}

/** `[text](url)` -> ` text` padded with spaces to the same length. */
function keepText(link: string, text: string): string {
  return ` ${text}${blank(link.slice(text.length + 1))}`;
}

function blank(s: string): string {
  return s.replace(/[^\n]/g, ' ');
}

/** Abbreviations after which a full stop does not end a sentence. */
const ABBREVIATIONS = new Set(
  'mr mrs ms dr st vs etc eg ie e.g i.e cf approx ep eps no vol ch capt lt sgt prof jr sr'.split(
    ' ',
  ),
);

/**
 * The sentences of a draft, in order, each with its line and column. Sentences end at `.`, `!`
 * or `?` (with closing quotes and brackets) before white space — not after an abbreviation, an
 * initial or an ellipsis that runs on in lower case — and at blank lines, headings and list items.
 * Meta written all in lower case is split too: a full stop is trusted.
 */
export function draftSentences(draft: string): DraftSentence[] {
  const { text: prose, breaks } = proseOf(draft);
  const starts = lineStarts(draft);
  const out: DraftSentence[] = [];
  let from = -1;
  let paragraph = 0;
  let depth = 0;
  const flush = (end: number): void => {
    if (from === -1) return;
    const raw = prose.slice(from, end);
    const text = raw.replace(/\s+/g, ' ').trim();
    if (/[\p{L}\p{N}]/u.test(text)) out.push({ ...place(draft, starts, from, text), paragraph });
    from = -1;
  };
  for (let i = 0; i < prose.length; i++) {
    const ch = prose[i]!;
    if (breaks.has(i)) {
      flush(i);
      paragraph++;
    }
    if (ch === '\n') {
      // A blank line (only white space up to the next newline) ends the paragraph.
      const rest = /^[ \t]*\n/.exec(prose.slice(i + 1, i + 200));
      if (rest !== null) {
        flush(i);
        paragraph++;
      }
      continue;
    }
    if (/\s/.test(ch)) continue;
    if (from === -1) {
      from = i;
      depth = 0;
    }
    // A sentence does not end inside brackets: "(and honestly? the show knows it)" is part of it.
    if (ch === '(') depth++;
    else if (ch === ')') depth = Math.max(0, depth - 1);
    if (depth > 0 && from !== i) continue;
    if (ch === '.' || ch === '!' || ch === '?' || ch === '\u2026') {
      let end = i + 1;
      while (end < prose.length && /[.!?\u2026"'”’)\]*_]/.test(prose[end]!)) end++;
      const next = /^\s+(\S)/.exec(prose.slice(end, end + 40));
      const ends =
        next === null ? end >= prose.length : endsSentence(prose, from, i, end, next[1]!);
      if (ends) flush(end);
      i = end - 1;
    }
  }
  flush(prose.length);
  return out;
}

function endsSentence(prose: string, from: number, at: number, end: number, next: string): boolean {
  const mark = prose.slice(at, end);
  if (mark.startsWith('.') && !mark.startsWith('...') && !mark.includes('\u2026')) {
    const word = /([\p{L}.]+)$/u.exec(prose.slice(from, at))?.[1]?.toLowerCase() ?? '';
    if (ABBREVIATIONS.has(word.replace(/\.$/, '')) || ABBREVIATIONS.has(word)) return false;
    if (
      /^\p{Lu}$/u.test(prose.slice(from, at).slice(-1)) &&
      /(^|\s)\p{Lu}$/u.test(prose.slice(from, at))
    )
      return false; // an initial: `J. Harkness`
  }
  // An ellipsis that runs on in lower case is a pause, not an end.
  if ((mark.startsWith('...') || mark.includes('\u2026')) && /\p{Ll}/u.test(next)) return false;
  return true;
}

function lineStarts(text: string): number[] {
  const out = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') out.push(i + 1);
  return out;
}

function place(
  draft: string,
  starts: readonly number[],
  offset: number,
  text: string,
): Omit<DraftSentence, 'paragraph'> {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  const column = Array.from(draft.slice(starts[lo], offset)).length + 1;
  return { text, line: lo + 1, column, offset };
}

/** A word or phrase that makes a sentence a claim about the whole canon. */
export interface ClaimCue {
  /** The cue's name: `the only time`, `never`, `more ... than`, ... */
  readonly cue: string;
  /** The quantifier it suggests, or null where none fits (`always`, `every time`). */
  readonly quantifier: Quantifier | null;
  /** The words as written, and where they are in the sentence (UTF-16 offsets). */
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

interface CueRule {
  readonly cue: string;
  readonly quantifier: Quantifier | null;
  readonly re: RegExp;
}

// Longer cues first: a sentence's words are claimed by the first rule that matches them.
const CUE_RULES: readonly CueRule[] = [
  {
    cue: 'name one other time',
    quantifier: 'only',
    re: /\bname (?:me )?(?:one|a single|another|any other) (?:other )?(?:time|episode|moment|scene)\b/i,
  },
  {
    cue: 'the only time',
    quantifier: 'only',
    re: /\bthe only (?:time|times|episode|moment|scene|occasion)\b/i,
  },
  {
    cue: 'the one time',
    quantifier: 'only',
    re: /\bthe one (?:and only )?(?:time|episode|moment|scene|occasion)\b/i,
  },
  {
    cue: 'no other',
    quantifier: 'only',
    re: /\bno other (?:time|episode|moment|scene|occasion)s?\b/i,
  },
  {
    cue: 'the first time',
    quantifier: 'first',
    re: /\b(?:the |for the |their |his |her )?(?:very )?first (?:time|kiss|hug|moment|episode)\b/i,
  },
  {
    cue: 'the last time',
    quantifier: 'last',
    re: /\b(?:the |for the |their |his |her )?(?:very )?(?:last|final) (?:time|kiss|hug|moment|episode)\b/i,
  },
  { cue: 'ever again', quantifier: 'last', re: /\b(?:ever|never) again\b/i },
  {
    cue: 'not once',
    quantifier: 'never',
    re: /\bnot (?:once|one time|a single time|even once)\b/i,
  },
  { cue: 'never', quantifier: 'never', re: /\bnever(?! mind\b)\b/i },
  { cue: 'every time', quantifier: null, re: /\b(?:every (?:single )?time|each time|whenever)\b/i },
  { cue: 'always', quantifier: null, re: /\balways\b/i },
  {
    cue: 'more ... than',
    quantifier: 'compare',
    re: /\b(?:more|fewer|less)\b(?:(?!\bthan\b)[^.;!?]){0,160}\bthan\b/i,
  },
  { cue: 'only', quantifier: 'only', re: /\bonly\b(?! just\b)/i },
  {
    cue: 'times',
    quantifier: 'count',
    re: /\b(?:once|twice|thrice|(?:two|three|four|five|six|seven|eight|nine|ten|\d+) times)\b/i,
  },
];

/** Whether an `only` is not a claim word: `not only`, `if only`, `only just`. */
function idleOnly(sentence: string, start: number): boolean {
  return /\b(?:not|if)\s+$/i.test(sentence.slice(Math.max(0, start - 6), start));
}

/** The claim cues of a sentence, in order of their position; overlapping cues keep the longer rule. */
export function detectCues(sentence: string): ClaimCue[] {
  const taken: [number, number][] = [];
  const out: ClaimCue[] = [];
  for (const rule of CUE_RULES) {
    const re = new RegExp(rule.re.source, 'gi');
    for (let m = re.exec(sentence); m !== null; m = re.exec(sentence)) {
      const start = m.index;
      const end = start + m[0].length;
      if (taken.some(([a, b]) => start < b && end > a)) continue;
      if (rule.cue === 'only' && idleOnly(sentence, start)) continue;
      // `once` after `only`, `not` or `at least` belongs to those; a bare `once` is also "when".
      if (
        rule.cue === 'times' &&
        /^once$/i.test(m[0]) &&
        !/\b(?:only|exactly|just)\s+$/i.test(sentence.slice(0, start))
      )
        continue;
      taken.push([start, end]);
      out.push({ cue: rule.cue, quantifier: rule.quantifier, text: m[0], start, end });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
