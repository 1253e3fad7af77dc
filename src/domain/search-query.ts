import { ReceiptsError } from './errors.js';

/**
 * The user's search query, parsed. Pure: the store turns it into its own query language
 * (FTS5 MATCH, tsquery) and uses `findMatches` to highlight and score returned rows.
 *
 * Syntax: `"a phrase"`, bare words (all must match), `miss*` (prefix), `-word` and
 * `-"a phrase"` (exclusion), `a OR b` (either; binds tighter than the implicit AND).
 *
 * Tokens follow SQLite FTS5's `unicode61 remove_diacritics 2`: letters, digits and private-use
 * characters make tokens, everything else separates them, case is folded and Latin diacritics
 * are removed. An apostrophe separates too, so `don't` is the two tokens `don t`, `I'm` is
 * `i m`, and a bare `don't` is searched as the phrase "don t": it finds "don't" and "don’t"
 * but not "dont". Queries and indexed text go through the same rules, which is what makes
 * `"I don't know"` find the line.
 */
export interface QueryPhrase {
  /** The phrase as the user wrote it, without quotes, `-` or `*`. */
  readonly text: string;
  /** Its tokens as the index sees them (folded). Never empty. */
  readonly tokens: readonly string[];
  /** True when the last token is a prefix (`miss*`, `"i don"*`). */
  readonly prefix: boolean;
}

/** A required part of the query: one phrase, or alternatives joined by `OR`. */
export interface QueryClause {
  readonly anyOf: readonly QueryPhrase[];
}

export interface SearchQuery {
  /** Every clause must match. Never empty. */
  readonly required: readonly QueryClause[];
  /** No line matching one of these is returned. */
  readonly excluded: readonly QueryPhrase[];
}

/** A prefix shorter than this would expand to a large part of the vocabulary. */
export const MIN_PREFIX_LENGTH = 3;
/** More phrases than this is not a quote search any more, and costs the index dearly. */
export const MAX_QUERY_PHRASES = 32;

interface RawTerm {
  readonly text: string;
  readonly prefix: boolean;
  readonly exclude: boolean;
  readonly or: boolean;
  readonly column: number;
}

export interface ParseOptions {
  /**
   * The query is still being typed (search as you type): a quote left open runs to the end and
   * an `OR` at the end waits for its next word, instead of both being errors.
   */
  readonly asYouType?: boolean;
}

/**
 * Parses a query string. Throws `QUERY_INVALID` for an empty query, an unclosed quote, a query
 * with only exclusions, a misplaced `OR`, a too-short prefix, or too many phrases.
 */
export function parseSearchQuery(input: string, options: ParseOptions = {}): SearchQuery {
  const terms = scanTerms(input, options.asYouType ?? false);
  if (options.asYouType && terms.at(-1)?.or) terms.pop();
  const required: QueryPhrase[][] = [];
  const excluded: QueryPhrase[] = [];
  let pendingOr = false;
  let count = 0;

  for (let i = 0; i < terms.length; i++) {
    const term = terms[i]!;
    if (term.or) {
      const prev = terms[i - 1];
      const next = terms[i + 1];
      if (!prev || prev.or || prev.exclude || !next || next.or || next.exclude) {
        throw invalid(`OR needs a word or phrase on each side (column ${term.column})`);
      }
      pendingOr = true;
      continue;
    }
    const phrase = toPhrase(term);
    if (phrase === null) {
      // Punctuation only (`...`, `-`, `"?!"`): nothing the index could match.
      pendingOr = pendingOr && required.length > 0;
      continue;
    }
    count++;
    if (term.exclude) excluded.push(phrase);
    else if (pendingOr && required.length > 0) required[required.length - 1]!.push(phrase);
    else required.push([phrase]);
    pendingOr = false;
  }

  if (count > MAX_QUERY_PHRASES) {
    throw invalid(`too many words or phrases (${count}; at most ${MAX_QUERY_PHRASES})`);
  }
  if (required.length === 0) {
    if (excluded.length > 0) {
      throw invalid('add a word or phrase to find: exclusions (-word) only narrow a search');
    }
    throw invalid(input.trim() === '' ? 'the query is empty' : 'the query has no words to find');
  }
  return { required: required.map((anyOf) => ({ anyOf })), excluded };
}

function invalid(message: string): ReceiptsError {
  return new ReceiptsError('QUERY_INVALID', `Search query: ${message}.`);
}

function toPhrase(term: RawTerm): QueryPhrase | null {
  const tokens = tokenize(term.text);
  if (tokens.length === 0) return null;
  if (term.prefix && [...tokens[tokens.length - 1]!].length < MIN_PREFIX_LENGTH) {
    throw invalid(
      `"${term.text}*": a prefix needs at least ${MIN_PREFIX_LENGTH} letters before the *`,
    );
  }
  return { text: term.text, tokens, prefix: term.prefix };
}

/** Splits the input into words, quoted phrases and OR, recording `-` and `*` marks. */
function scanTerms(input: string, asYouType: boolean): RawTerm[] {
  const terms: RawTerm[] = [];
  let i = 0;
  const n = input.length;
  while (i < n) {
    const ch = input[i]!;
    if (/\s/u.test(ch)) {
      i++;
      continue;
    }
    const column = i + 1;
    let exclude = false;
    if (ch === '-' && i + 1 < n && !/\s/u.test(input[i + 1]!)) {
      exclude = true;
      i++;
    }
    if (input[i] === '"') {
      let close = input.indexOf('"', i + 1);
      if (close < 0 && !asYouType) {
        throw invalid(`the quote opened at column ${i + 1} is not closed`);
      }
      if (close < 0) close = n;
      const text = input.slice(i + 1, close);
      i = close + 1;
      let prefix = false;
      if (input[i] === '*') {
        prefix = true;
        while (input[i] === '*') i++;
      }
      terms.push({ text, prefix, exclude, or: false, column });
      continue;
    }
    const start = i;
    while (i < n && input[i] !== '"' && !/\s/u.test(input[i]!)) i++;
    let text = input.slice(start, i);
    if (!exclude && text === 'OR') {
      terms.push({ text, prefix: false, exclude: false, or: true, column });
      continue;
    }
    const prefix = text.endsWith('*');
    if (prefix) text = text.replace(/\*+$/u, '');
    terms.push({ text, prefix, exclude, or: false, column });
  }
  return terms;
}

// ---------------------------------------------------------------------------------------------
// Tokenizer: an emulation of FTS5 unicode61 with remove_diacritics 2, checked against SQLite in
// src/store/sqlite/search.test.ts for Latin, Greek, Cyrillic, CJK, Hangul and punctuation.

/** A token and where it is in the original string (UTF-16 offsets, end exclusive). */
export interface TokenSpan {
  readonly token: string;
  readonly start: number;
  readonly end: number;
}

// The combining marks FTS5 removes as diacritics; any other mark separates tokens like
// punctuation does.
const DROPPED_MARKS = new Set([
  0x300, 0x301, 0x302, 0x303, 0x304, 0x306, 0x307, 0x308, 0x309, 0x30a, 0x30b, 0x30c, 0x30f, 0x311,
  0x31b, 0x323, 0x324, 0x325, 0x326, 0x327, 0x328, 0x32d, 0x32e, 0x330, 0x331,
]);
// Where FTS5's case folding differs from String.prototype.toLowerCase.
const FOLD_EXCEPTIONS: Record<string, string> = {
  µ: 'μ',
  ſ: 's',
  ẛ: 's',
  ς: 'σ',
  ϐ: 'β',
  ϑ: 'θ',
  ϕ: 'φ',
  ϖ: 'π',
  ϰ: 'κ',
  ϱ: 'ρ',
  ϵ: 'ε',
  '\u1fbe': 'ι',
  Ǡ: 'ǡ',
  ǡ: 'ǡ',
};
const TOKEN_CHAR = /^[\p{L}\p{N}\p{Co}]$/u;
const ASCII_TOKEN = /[A-Za-z0-9]+/gu;

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** `null`: separator; `''`: dropped inside a token; else the folded character. */
const foldCache = new Map<string, string | null>();

function foldChar(ch: string): string | null {
  const cached = foldCache.get(ch);
  if (cached !== undefined) return cached;
  let out: string | null;
  const cp = ch.codePointAt(0)!;
  if (DROPPED_MARKS.has(cp)) out = '';
  else if (!TOKEN_CHAR.test(ch)) out = null;
  else if (FOLD_EXCEPTIONS[ch] !== undefined) out = FOLD_EXCEPTIONS[ch];
  else {
    out = ch.toLowerCase();
    const lower = out.codePointAt(0)!;
    // remove_diacritics only touches Latin letters whose base letter is ASCII.
    if (lower < 0x250 || (lower >= 0x1e00 && lower < 0x1f00)) {
      const base = out.normalize('NFD').replace(/\p{M}+/gu, '');
      if (/^[a-z]$/u.test(base)) out = base;
    }
    out = out.replace(/\p{M}+/gu, '');
  }
  foldCache.set(ch, out);
  return out;
}

/** Tokens of a text with their positions, as FTS5 would index them. */
export function tokenSpans(text: string): TokenSpan[] {
  const spans: TokenSpan[] = [];
  if (isAscii(text)) {
    for (const m of text.matchAll(ASCII_TOKEN)) {
      spans.push({ token: m[0].toLowerCase(), start: m.index, end: m.index + m[0].length });
    }
    return spans;
  }
  let token = '';
  let start = -1;
  let end = -1;
  let i = 0;
  for (const ch of text) {
    const folded = foldChar(ch);
    if (folded === null) {
      if (token !== '') spans.push({ token, start, end });
      token = '';
      start = -1;
    } else if (folded === '') {
      if (start >= 0) end = i + ch.length;
    } else {
      if (start < 0) start = i;
      token += folded;
      end = i + ch.length;
    }
    i += ch.length;
  }
  if (token !== '') spans.push({ token, start, end });
  return spans;
}

/** The tokens of a text, as FTS5 would index them. */
export function tokenize(text: string): string[] {
  if (isAscii(text)) return text.toLowerCase().match(ASCII_TOKEN) ?? [];
  return tokenSpans(text).map((s) => s.token);
}

/** Positions in `tokens` where `phrase` starts. */
export function phraseOccurrences(tokens: readonly string[], phrase: QueryPhrase): number[] {
  const want = phrase.tokens;
  const last = want.length - 1;
  const found: number[] = [];
  outer: for (let i = 0; i + last < tokens.length; i++) {
    for (let j = 0; j < last; j++) if (tokens[i + j] !== want[j]) continue outer;
    const t = tokens[i + last]!;
    if (phrase.prefix ? t.startsWith(want[last]!) : t === want[last]) found.push(i);
  }
  return found;
}

/** Every phrase a matching line must contain (alternatives included). */
export function positivePhrases(query: SearchQuery): QueryPhrase[] {
  return query.required.flatMap((c) => c.anyOf);
}

/**
 * Character ranges of `text` covered by occurrences of the query's positive phrases, sorted
 * and merged; a phrase occurrence is one range from its first to its last token.
 */
export function findMatches(
  text: string,
  query: SearchQuery,
): { readonly start: number; readonly end: number }[] {
  const spans = tokenSpans(text);
  const tokens = spans.map((s) => s.token);
  const ranges: { start: number; end: number }[] = [];
  for (const phrase of positivePhrases(query)) {
    for (const at of phraseOccurrences(tokens, phrase)) {
      ranges.push({ start: spans[at]!.start, end: spans[at + phrase.tokens.length - 1]!.end });
    }
  }
  ranges.sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: { start: number; end: number }[] = [];
  for (const r of ranges) {
    const prev = merged[merged.length - 1];
    if (prev && r.start <= prev.end) prev.end = Math.max(prev.end, r.end);
    else merged.push({ ...r });
  }
  return merged;
}

/** True when `text` satisfies the query (the same rules as the index; for scans and tests). */
export function matchesQuery(text: string, query: SearchQuery): boolean {
  const tokens = tokenize(text);
  const has = (p: QueryPhrase): boolean => phraseOccurrences(tokens, p).length > 0;
  return query.required.every((c) => c.anyOf.some(has)) && !query.excluded.some(has);
}
