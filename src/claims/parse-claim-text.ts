import {
  COMPARISONS,
  QUANTIFIERS,
  type Claim,
  type ClaimPattern,
  type Comparison,
  type Quantifier,
} from '../domain/claim.js';
import { ReceiptsError } from '../domain/errors.js';

/** The canon's vocabulary, as the parser needs it: names and codebook terms by their words. */
export interface ClaimVocabulary {
  /** The canonical character a phrase names (`jack`, `Captain Jack`), or null. */
  person(phrase: string): string | null;
  /** The codebook term id a phrase names (`kisses`, `affection`), or null. */
  term(phrase: string): string | null;
  /** A hint for a word that is neither (`; closest: Jack, Jackie`). */
  hint(word: string): string;
}

/** Words a person may write between the parts of a claim that carry no meaning for it. */
const FILLER = new Set(
  'a an the with his her their its initiates initiate initiating does do gives give ever time times'.split(
    ' ',
  ),
);
const LONGEST = 4;

/**
 * The short text form of a claim, for people:
 *   `only Jack kiss Rose`, `never Ianto says "I love you" to Jack`,
 *   `compare Ianto affection Lisa > Ianto affection Jack`, `count Rose hug >= 3 in S01E01-S01E13`,
 *   `first Jack and Ianto kiss at S02E01`, `find mutual Jack Ianto hug`.
 * Names and terms go through the canon's aliases and codebook synonyms; `in` limits episodes,
 * `at` names the episode (or `moment 12`) the claim points at, `story order` counts in story order.
 */
export function parseClaimText(text: string, vocab: ClaimVocabulary): Claim {
  const tokens = tokenize(text);
  const head = tokens.shift()?.toLowerCase();
  if (head === undefined || !(QUANTIFIERS as readonly string[]).includes(head)) {
    throw new ReceiptsError(
      'CLAIM_INVALID',
      `a claim starts with one of ${QUANTIFIERS.join(', ')}${head === undefined ? '' : ` (not "${head}")`}`,
    );
  }
  const quantifier = head as Quantifier;
  let order: Claim['order'];
  const storyAt = findSeq(tokens, ['story', 'order']);
  if (storyAt !== -1) {
    tokens.splice(storyAt, 2);
    order = 'story';
  }
  let at: Claim['at'];
  const atIdx = tokens.findIndex((t) => t.toLowerCase() === 'at');
  if (atIdx !== -1) {
    const next = tokens[atIdx + 1];
    const isMoment = next?.toLowerCase() === 'moment';
    const ref = isMoment ? tokens[atIdx + 2] : next;
    if (ref === undefined)
      throw new ReceiptsError('CLAIM_INVALID', '"at" needs an episode id or "moment <id>"');
    at = isMoment ? { moment: ref.replace(/^#/, '') } : { episode: ref };
    tokens.splice(atIdx, isMoment ? 3 : 2);
  }
  const opIdx = tokens.findIndex(
    (t) => (COMPARISONS as readonly string[]).includes(t) || t.toLowerCase() === 'vs',
  );
  let op: Comparison | undefined;
  let right: string[] = [];
  if (opIdx !== -1) {
    op = tokens[opIdx]!.toLowerCase() === 'vs' ? '>' : (tokens[opIdx] as Comparison);
    right = tokens.splice(opIdx);
    right.shift();
  }
  const pattern = parsePattern(tokens, vocab, 'pattern');
  const claim: Claim = { quantifier, pattern, ...(at ? { at } : {}), ...(order ? { order } : {}) };
  if (quantifier === 'count' && op !== undefined) {
    const value = Number(right.join(' '));
    if (right.length !== 1 || !Number.isInteger(value) || value < 0) {
      throw new ReceiptsError(
        'CLAIM_INVALID',
        `count ${op} needs a whole number after it (not "${right.join(' ')}")`,
      );
    }
    return { ...claim, op, value };
  }
  if (quantifier === 'compare') {
    if (op === undefined || right.length === 0) {
      throw new ReceiptsError(
        'CLAIM_INVALID',
        'compare needs two patterns joined by >, <, >=, <=, = or vs',
      );
    }
    const other = parsePattern(right, vocab, 'other');
    // A range written once at the end (`... > ... in S01E01-S01E13`) is both patterns' range.
    const shared =
      pattern.episodes === undefined && other.episodes !== undefined
        ? { episodes: other.episodes }
        : {};
    return { ...claim, pattern: { ...pattern, ...shared }, op, other };
  }
  if (op !== undefined) {
    throw new ReceiptsError('CLAIM_INVALID', `"${op}" belongs in compare or count claims only`);
  }
  return claim;
}

/** Words, with a double-quoted phrase kept as one token (`"I love you"`). */
function tokenize(text: string): string[] {
  const out: string[] = [];
  const re = /"([^"]*)"|“([^”]*)”|(>=|<=|!=|[<>=])|([^\s"“<>=!,]+)|,/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m[1] !== undefined || m[2] !== undefined) out.push(`"${m[1] ?? m[2]!}`);
    else if (m[3] !== undefined) out.push(m[3]);
    else if (m[4] !== undefined) out.push(m[4]);
  }
  return out;
}

function findSeq(tokens: readonly string[], seq: readonly string[]): number {
  for (let i = 0; i + seq.length <= tokens.length; i++) {
    if (seq.every((w, j) => tokens[i + j]!.toLowerCase() === w)) return i;
  }
  return -1;
}

function parsePattern(
  tokens: readonly string[],
  vocab: ClaimVocabulary,
  path: string,
): ClaimPattern {
  const before: string[] = [];
  const after: string[] = [];
  let action: string | undefined;
  let says: string | undefined;
  let listener: string | undefined;
  let part: string | undefined;
  let mutual: boolean | undefined;
  const readings: string[] = [];
  const episodes: string[] = [];
  for (let i = 0; i < tokens.length;) {
    const t = tokens[i]!;
    const low = t.toLowerCase();
    if (low === 'says' || low === 'say' || low === 'said') {
      const phrase = tokens[i + 1];
      if (phrase === undefined || !phrase.startsWith('"')) {
        throw new ReceiptsError('CLAIM_INVALID', `"${t}" needs a quoted phrase after it`, { path });
      }
      says = phrase.slice(1);
      i += 2;
      continue;
    }
    if (low === 'in') {
      while (i + 1 < tokens.length && /\d/.test(tokens[i + 1]!)) episodes.push(tokens[++i]!);
      if (episodes.length === 0)
        throw new ReceiptsError('CLAIM_INVALID', '"in" needs episode ids or ranges', { path });
      i++;
      continue;
    }
    if (low === 'on' || low === 'as') {
      const word = tokens[i + 1];
      if (word === undefined)
        throw new ReceiptsError('CLAIM_INVALID', `"${t}" needs a word after it`, { path });
      if (low === 'on') part = word.toLowerCase();
      else readings.push(vocab.term(word) ?? word);
      i += 2;
      continue;
    }
    if (low === 'mutual' || low === 'mutually') {
      mutual = true;
      i++;
      continue;
    }
    if (low === 'to' && says !== undefined) {
      const got = longestName(tokens, i + 1, vocab);
      if (got === null)
        throw new ReceiptsError(
          'CLAIM_INVALID',
          `"to" needs a character name${vocab.hint(tokens[i + 1] ?? '')}`,
          { path },
        );
      listener = got.name;
      i = got.end;
      continue;
    }
    const name = longestName(tokens, i, vocab);
    if (name !== null) {
      (action === undefined && says === undefined ? before : after).push(name.name);
      i = name.end;
      continue;
    }
    const term = action === undefined ? longestTerm(tokens, i, vocab) : null;
    if (term !== null) {
      action = term.id;
      i = term.end;
      continue;
    }
    if (FILLER.has(low) || low === 'and' || low === 'they' || low === 'by' || low === 'to') {
      i++;
      continue;
    }
    throw new ReceiptsError(
      'CLAIM_INVALID',
      `"${t.replace(/^"/, '')}" is neither a character of this canon nor a codebook term${vocab.hint(t)}`,
      { path },
    );
  }
  return assemble({ before, after, action, says, listener, part, mutual, readings, episodes });
}

function assemble(p: {
  before: string[];
  after: string[];
  action: string | undefined;
  says: string | undefined;
  listener: string | undefined;
  part: string | undefined;
  mutual: boolean | undefined;
  readings: string[];
  episodes: string[];
}): ClaimPattern {
  // One name before the act leads it; several ("Jack and Ianto kiss") take part in any role.
  const leader = p.before.length === 1 ? p.before[0] : undefined;
  const together = p.before.length > 1 ? p.before : [];
  return {
    ...(p.action === undefined ? {} : { action: p.action }),
    ...(leader === undefined ? {} : { initiator: leader }),
    ...(p.after.length === 0
      ? {}
      : p.says !== undefined && p.listener === undefined
        ? { listener: p.after[0]! }
        : { recipients: p.after }),
    ...(together.length === 0 ? {} : { participants: together }),
    ...(p.mutual === undefined ? {} : { mutual: p.mutual }),
    ...(p.part === undefined ? {} : { part: p.part }),
    ...(p.readings.length === 0 ? {} : { readings: p.readings }),
    ...(p.says === undefined ? {} : { says: p.says }),
    ...(p.listener === undefined ? {} : { listener: p.listener }),
    ...(p.episodes.length === 0 ? {} : { episodes: p.episodes }),
  };
}

function longestName(
  tokens: readonly string[],
  from: number,
  vocab: ClaimVocabulary,
): { name: string; end: number } | null {
  for (let n = Math.min(LONGEST, tokens.length - from); n >= 1; n--) {
    const words = tokens.slice(from, from + n);
    if (words.some((w) => w.startsWith('"'))) continue;
    const phrase = words.join(' ').replace(/'s$|’s$/i, '');
    const name = vocab.person(phrase);
    if (name !== null) return { name, end: from + n };
  }
  return null;
}

function longestTerm(
  tokens: readonly string[],
  from: number,
  vocab: ClaimVocabulary,
): { id: string; end: number } | null {
  for (let n = Math.min(LONGEST, tokens.length - from); n >= 1; n--) {
    const words = tokens.slice(from, from + n);
    if (words.some((w) => w.startsWith('"'))) continue;
    const id = vocab.term(words.join(' '));
    if (id !== null) return { id, end: from + n };
  }
  return null;
}
