import nlp from 'compromise';
import { ACT_VERB_FORMS, LIFTING } from './act-lexicon.js';
import { BODY_PARTS } from './words.js';

/** One word of a stage direction, as compromise tagged it. */
export interface Token {
  /** As written, without surrounding punctuation. */
  readonly text: string;
  /** Lower case; a contraction's expansion (`doesn't` -> `does`, `not`). */
  readonly lower: string;
  readonly tags: ReadonlySet<string>;
  /** Punctuation after the word (`, `, `. `, ` -- `). */
  readonly post: string;
  /** Whether the word starts with a capital letter. */
  readonly cap: boolean;
}

const tagOf = (w: string): string => (w.endsWith('ing') ? 'Gerund' : 'Verb');

// Verbs that compromise may take for plural nouns after a name or a role (`Roz starts to kiss
// him`, `a tall man walks to her`, `the Doctor lunges at Peri`), which would hide the clause's
// verb and so its subject. As nouns they are rare in stage directions.
const ASPECT_VERBS = new Set([
  'starts',
  'begins',
  'stops',
  'tries',
  'continues',
  'proceeds',
  'walks',
  'hurries',
  'rushes',
  'lunges',
  'leaps',
  'dives',
  'jumps',
  'pounces',
  'returns',
]);

/** Split a direction into sentences of tagged tokens (compromise for tagging only). */
export function tokenize(text: string): Token[][] {
  // Action verbs compromise would take for nouns (`pecks`, `shoves`, `kiss`) are tagged as
  // verbs. Only the words of this text go in: a large lexicon per call doubles the cost.
  const lexicon: Record<string, string> = {};
  for (const w of text.toLowerCase().match(/[a-z]+/g) ?? [])
    if (ACT_VERB_FORMS.has(w)) lexicon[w] = tagOf(w);

  const doc = nlp(text, lexicon);
  const sentences = doc.json() as {
    terms: { text: string; normal?: string; implicit?: string; post?: string; tags?: string[] }[];
  }[];
  return sentences.map((s) =>
    s.terms
      // `Mack's` may come back as `Mack` + an implied `is`; in a stage direction it is far
      // more often a possessive (`puts her hand on Mack's`), which the word itself keeps.
      // So is `Mara's left arm`, which comes back as `Mara has left` + `arm`.
      .filter(
        (t, i) =>
          !(
            t.text === '' &&
            (t.implicit === 'is' ||
              (t.implicit === 'has' &&
                BODY_PARTS.has((s.terms[i + 2]?.text ?? '').toLowerCase()))) &&
            /['’]s$/.test(s.terms[i - 1]?.text ?? '')
          ),
      )
      .map((t): Token => {
        const lower = (t.implicit ?? t.normal ?? t.text).toLowerCase();
        return {
          text: t.text || (t.implicit ?? ''),
          lower,
          tags: ASPECT_VERBS.has(lower) ? new Set(['Verb', 'PresentTense']) : new Set(t.tags ?? []),
          post: t.post ?? '',
          cap: /^\p{Lu}/u.test(t.text),
        };
      })
      .filter((t) => t.lower !== ''),
  );
}

const model = nlp.model() as {
  one: {
    lexicon: Record<string, string | string[] | undefined>;
    tagSet: Record<string, { parents?: string[] } | undefined>;
  };
};

/** A word's tags from compromise's lexicon alone, with their parents (`FemaleName` -> `Person`). */
function lexiconTags(lower: string): Set<string> {
  const out = new Set<string>();
  const found = Object.hasOwn(model.one.lexicon, lower) ? model.one.lexicon[lower] : undefined;
  for (const tag of typeof found === 'string' ? [found] : (found ?? [])) {
    out.add(tag);
    for (const p of model.one.tagSet[tag]?.parents ?? []) out.add(p);
  }
  return out;
}

/**
 * A word compromise's lexicon knows only as a common noun: `energy`, `water`, `fire`; not
 * `someone`, who is a person.
 */
export function isCommonNoun(lower: string): boolean {
  if (lower === 'someone' || lower === 'somebody') return false;
  const tags = lexiconTags(lower);
  return (
    (tags.has('Singular') || tags.has('Uncountable') || tags.has('Plural')) &&
    !tags.has('Person') &&
    !tags.has('ProperNoun')
  );
}

/**
 * Split a direction into sentences of tokens without running the tagger: tags come from
 * compromise's lexicon only, and an unknown capitalised word inside a sentence is taken for
 * a proper noun. Enough to find names and pronouns in a direction that names no act, at a
 * tenth of the cost of `tokenize`.
 */
export function lightTokenize(text: string): Token[][] {
  const out: Token[][] = [];
  let sentence: Token[] = [];
  for (const m of text.matchAll(/([\p{L}\d][\p{L}\d'’-]*)([^\p{L}\d]*)/gu)) {
    const word = m[1]!;
    const post = m[2]!;
    const lower = word.toLowerCase();
    const tags = lexiconTags(lower.replace(/['’]s$/, ''));
    const cap = /^\p{Lu}/u.test(word);
    if (cap && sentence.length > 0 && tags.size === 0) {
      tags.add('ProperNoun');
      tags.add('Noun');
    }
    sentence.push({ text: word, lower, tags, post, cap });
    if (/[.!?]/.test(post)) {
      out.push(sentence);
      sentence = [];
    }
  }
  if (sentence.length > 0) out.push(sentence);
  return out;
}

/** Whether a token reads as a verb (compromise's tag, or one of our action verbs). */
export function isVerb(t: Token): boolean {
  return (t.tags.has('Verb') && !t.tags.has('Auxiliary')) || ourVerb(t.lower);
}

function ourVerb(lower: string): boolean {
  return ACT_VERB_FORMS.has(lower) || LIFTING.has(lower);
}

/** A verb that heads a clause: one of our action verbs, or a word compromise tags verb, not noun. */
export function headsClause(t: Token): boolean {
  if (ourVerb(t.lower)) return true;
  return t.tags.has('Verb') && !t.tags.has('Auxiliary') && !t.tags.has('Noun');
}

/** Whether punctuation after a token ends a clause: a comma, semicolon, colon or dash. */
export function breaksAfter(t: Token): boolean {
  return /[,;:\u2013\u2014]|--|\s-\s/.test(t.post);
}
