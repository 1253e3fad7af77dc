import nlp from 'compromise';
import type { Episode } from '../domain/canon.js';
import type { ClaimVocabulary } from '../claims/parse-claim-text.js';

/**
 * The words of a claim sentence, and what the canon makes of them: tokens with offsets, hedges,
 * and mentions of people, codebook terms, quoted lines and episodes. Pure.
 */

export interface Token {
  readonly kind: 'word' | 'quote' | 'punct';
  /** For a quote, the words inside the quotation marks. */
  readonly text: string;
  readonly low: string;
  readonly start: number;
  readonly end: number;
}

const TOKEN =
  /"([^"]+)"|“([^”]+)”|(?<![\p{L}\p{N}])'((?:[^']|'(?=\p{L}))+)'(?![\p{L}])|‘((?:[^’]|’(?=\p{L}))+)’(?![\p{L}])|([\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*['’]?)|([,;:()[\]—–!?]|--)/gu;

/** Words, quoted phrases (`"I love you"`, `'I love you'`, curly quotes) and clause punctuation. */
export function tokenize(sentence: string): Token[] {
  const out: Token[] = [];
  for (const m of sentence.matchAll(TOKEN)) {
    const quoted = m[1] ?? m[2] ?? m[3] ?? m[4];
    const start = m.index;
    const end = start + m[0].length;
    if (quoted !== undefined) {
      out.push({
        kind: 'quote',
        text: quoted.trim(),
        low: quoted.trim().toLowerCase(),
        start,
        end,
      });
    } else if (m[5] !== undefined) {
      out.push({ kind: 'word', text: m[5], low: m[5].toLowerCase(), start, end });
    } else {
      out.push({ kind: 'punct', text: m[0], low: m[0], start, end });
    }
  }
  return out;
}

/** A hedge: a word that weakens the quantifier (`almost never`) or the writer's certainty. */
export interface Hedge {
  readonly text: string;
  /** `quantifier`: the claim itself is not strict; `belief`: the writer is unsure of it. */
  readonly kind: 'quantifier' | 'belief';
}

const QUANTIFIER_HEDGES =
  /\b(?:almost|nearly|practically|virtually|basically|pretty much|more or less|hardly|barely|scarcely|rarely|seldom|mostly|largely|essentially|all but)\b/gi;
const BELIEF_HEDGES =
  /\b(?:i think|i feel like|i believe|i'm pretty sure|i'm fairly sure|arguably|probably|maybe|perhaps|i'd say|i guess|i suppose|apparently|seemingly|(?<!(?:this|that|what|any|some|the|every|same) )(?:kind of|sort of)|kinda|sorta|iirc|afaik|as far as i (?:can )?(?:remember|recall|know|can tell)|if i remember (?:right|rightly|correctly)|unless i'm (?:forgetting|misremembering|wrong)|correct me if i'm wrong)\b/gi;

/** The hedges of a sentence, in order. */
export function findHedges(sentence: string): Hedge[] {
  const s = sentence.replace(/’/g, "'");
  const out: { text: string; kind: Hedge['kind']; at: number }[] = [];
  for (const m of s.matchAll(QUANTIFIER_HEDGES))
    out.push({
      text: sentence.slice(m.index, m.index + m[0].length),
      kind: 'quantifier',
      at: m.index,
    });
  for (const m of s.matchAll(BELIEF_HEDGES))
    out.push({ text: sentence.slice(m.index, m.index + m[0].length), kind: 'belief', at: m.index });
  return out.sort((a, b) => a.at - b.at).map(({ text, kind }) => ({ text, kind }));
}

const PRONOUNS: Readonly<Record<string, 'subject' | 'object' | 'possessive' | 'group' | 'self'>> = {
  he: 'subject',
  she: 'subject',
  him: 'object',
  her: 'object',
  his: 'possessive',
  hers: 'possessive',
  himself: 'self',
  herself: 'self',
  they: 'group',
  them: 'group',
  their: 'group',
  themselves: 'group',
};

/** Words that are never names or terms on their own, however a canon's aliases read. */
const NOT_NAMES = new Set(
  'a an the and or but of in on at to with for from by as is was be it this that i you we me my your our not no so if'.split(
    ' ',
  ),
);

/** What a stretch of a sentence names. */
export type Mention =
  | {
      readonly kind: 'person';
      readonly name: string;
      readonly possessive: boolean;
      readonly at: number;
      readonly words: string;
    }
  | {
      readonly kind: 'pronoun';
      readonly word: string;
      readonly role: (typeof PRONOUNS)[string];
      readonly at: number;
    }
  | {
      readonly kind: 'term';
      readonly id: string;
      readonly tier: string | null;
      readonly at: number;
      readonly words: string;
    }
  | { readonly kind: 'quote'; readonly text: string; readonly at: number }
  | { readonly kind: 'stranger'; readonly word: string; readonly at: number }
  | {
      readonly kind: 'episode';
      readonly ids: readonly string[];
      readonly at: number;
      readonly words: string;
    };

export interface MentionOptions {
  readonly vocab: ClaimVocabulary;
  /** The tier of a term id (`kiss` -> `action`), to tell readings from acts. */
  readonly tierOf?: (id: string) => string | null;
  /** The canon's episodes, to read `S02E03`, `2x03`, `series 2` and titles. */
  readonly episodes?: readonly Episode[];
}

const LONGEST = 3;

/**
 * Every mention in the tokens, left to right: names (longest window of up to three words,
 * possessives stripped), pronouns, codebook terms (up to three words: `holds hands`), quotes and
 * episodes. `at` is the index of the mention's first token.
 */
export function findMentions(
  tokens: readonly Token[],
  o: MentionOptions,
  sentence?: string,
): Mention[] {
  const out: Mention[] = [];
  const people = sentence === undefined ? new Set<string>() : personWords(sentence);
  for (let i = 0; i < tokens.length;) {
    const t = tokens[i]!;
    if (t.kind === 'quote') {
      out.push({ kind: 'quote', text: t.text, at: i });
      i++;
      continue;
    }
    if (t.kind !== 'word') {
      i++;
      continue;
    }
    const episode = episodeAt(tokens, i, o.episodes ?? [], (w) => o.vocab.person(w) !== null);
    if (episode !== null) {
      out.push({ kind: 'episode', ids: episode.ids, at: i, words: episode.words });
      i = episode.end;
      continue;
    }
    const role = PRONOUNS[t.low];
    if (role !== undefined) {
      out.push({ kind: 'pronoun', word: t.text, role, at: i });
      i++;
      continue;
    }
    const name = window(tokens, i, (phrase, last) => {
      const bare = last.replace(/['’]s?$/i, '');
      const name = o.vocab.person(phrase.slice(0, phrase.length - last.length) + bare);
      return name === null ? null : { name, possessive: bare !== last };
    });
    if (name !== null) {
      const words = tokens
        .slice(i, name.end)
        .map((x) => x.text)
        .join(' ');
      out.push({ kind: 'person', ...name.value, at: i, words });
      i = name.end;
      continue;
    }
    const term = window(tokens, i, (phrase) => o.vocab.term(phrase));
    if (term !== null) {
      const words = tokens
        .slice(i, term.end)
        .map((x) => x.text)
        .join(' ');
      out.push({
        kind: 'term',
        id: term.value,
        tier: o.tierOf?.(term.value) ?? null,
        at: i,
        words,
      });
      i = term.end;
      continue;
    }
    if (isStranger(tokens, i, people)) out.push({ kind: 'stranger', word: t.text, at: i });
    i++;
  }
  return out;
}

/** Words compromise tags as people's names (`Lisa`, `Owen`), lower case. */
function personWords(sentence: string): Set<string> {
  const terms = nlp(sentence).match('#Person').json() as { terms?: { normal?: string }[] }[];
  return new Set(terms.flatMap((m) => (m.terms ?? []).map((t) => (t.normal ?? '').toLowerCase())));
}

const NOT_PEOPLE = new Set("i i'm i've i'd i'll ok tv".split(' '));
const BEFORE_PLACE = new Set('the a an this that in at of from into on'.split(' '));

/**
 * A word that looks like a person's name but is no character of the canon: one compromise
 * tags as a person, or a capitalised word inside the sentence that follows no article or
 * preposition (`the Hub`, `in Cyberwoman` are places and titles, `Lisa` is a person).
 */
function isStranger(tokens: readonly Token[], i: number, people: ReadonlySet<string>): boolean {
  const t = tokens[i]!;
  if (!/^\p{Lu}/u.test(t.text) || NOT_PEOPLE.has(t.low.replace(/’/g, "'"))) return false;
  const bare = t.low.replace(/['’]s?$/, '');
  if (people.has(bare)) return true;
  const prev = tokens[i - 1];
  return prev !== undefined && prev.kind === 'word' && !BEFORE_PLACE.has(prev.low);
}

/** The longest run of words from `from` (at most three) that `look` recognises. */
function window<T>(
  tokens: readonly Token[],
  from: number,
  look: (phrase: string, last: string) => T | null,
): { value: T; end: number } | null {
  for (let n = LONGEST; n >= 1; n--) {
    const words = tokens.slice(from, from + n);
    if (words.length < n || words.some((w) => w.kind !== 'word')) continue;
    if (n === 1 && NOT_NAMES.has(words[0]!.low)) return null;
    const value = look(words.map((w) => w.text).join(' '), words[n - 1]!.text);
    if (value !== null) return { value, end: from + n };
  }
  return null;
}

const NUMBER_WORDS = [
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
];

function numberOf(word: string): number | null {
  if (/^\d{1,3}$/.test(word)) return Number(word);
  const i = NUMBER_WORDS.indexOf(word.toLowerCase());
  return i === -1 ? null : i + 1;
}

/**
 * An episode reference at token `i`: an id as the canon writes it or as fans do (`s2e3`, `2x03`,
 * `2.03`), a season (`S2`, `series 2`, `season two`), or a title (`Cyberwoman`, case as written).
 */
function episodeAt(
  tokens: readonly Token[],
  i: number,
  episodes: readonly Episode[],
  isPerson: (words: string) => boolean,
): { ids: string[]; end: number; words: string } | null {
  if (episodes.length === 0) return null;
  const t = tokens[i]!;
  const code = /^s(\d{1,2})e(\d{1,3})$|^(\d{1,2})x(\d{1,3})$/i.exec(t.text);
  if (code !== null) {
    const season = Number(code[1] ?? code[3]);
    const number = Number(code[2] ?? code[4]);
    const found = episodes.find(
      (e) => e.id.toLowerCase() === t.low || (e.season === season && e.number === number),
    );
    return found === undefined ? null : { ids: [found.id], end: i + 1, words: t.text };
  }
  const byId = episodes.find((e) => e.id.toLowerCase() === t.low);
  if (byId !== undefined) return { ids: [byId.id], end: i + 1, words: t.text };
  const seasonCode = /^s(\d{1,2})$/i.exec(t.text);
  const seasonWord = /^(series|season)$/i.test(t.text) ? numberOf(tokens[i + 1]?.text ?? '') : null;
  const season = seasonCode !== null ? Number(seasonCode[1]) : seasonWord;
  if (season !== null) {
    const ids = episodes.filter((e) => e.season === season).map((e) => e.id);
    const end = seasonCode !== null ? i + 1 : i + 2;
    const words = tokens
      .slice(i, end)
      .map((x) => x.text)
      .join(' ');
    return ids.length === 0 ? null : { ids, end, words };
  }
  // Titles as written, capitalised: `Fog` is a title, `fog` a word. A title that is also a
  // character's name (`Rose`, `Dalek`) is read as the person unless `in`/`of` comes before it.
  if (!/^\p{Lu}/u.test(t.text)) return null;
  const afterIn = ['in', 'of', 'during', 'from'].includes(tokens[i - 1]?.low ?? '');
  for (const e of episodes) {
    if (e.title === null || (!afterIn && isPerson(e.title))) continue;
    const words = e.title.split(/\s+/);
    const got = tokens.slice(i, i + words.length);
    if (
      got.length === words.length &&
      got.every((g, k) => g.text.replace(/['’]s$/, '') === words[k])
    )
      return { ids: [e.id], end: i + words.length, words: e.title };
  }
  return null;
}
