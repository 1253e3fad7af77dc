import nlp from 'compromise';
import { ACT_VERB_FORMS } from './act-lexicon.js';

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

// Action verbs compromise would take for nouns (`pecks`, `shoves`, `kiss`) are tagged as verbs.
const LEXICON: Record<string, string> = Object.fromEntries(
  [...ACT_VERB_FORMS.keys()].map((w) => [w, w.endsWith('ing') ? 'Gerund' : 'Verb']),
);

/** Split a direction into sentences of tagged tokens (compromise for tagging only). */
export function tokenize(text: string): Token[][] {
  const doc = nlp(text, LEXICON);
  const sentences = doc.json() as {
    terms: { text: string; normal?: string; implicit?: string; post?: string; tags?: string[] }[];
  }[];
  return sentences.map((s) =>
    s.terms
      .map((t): Token => {
        const lower = (t.implicit ?? t.normal ?? t.text).toLowerCase();
        return {
          text: t.text || (t.implicit ?? ''),
          lower,
          tags: new Set(t.tags ?? []),
          post: t.post ?? '',
          cap: /^\p{Lu}/u.test(t.text),
        };
      })
      .filter((t) => t.lower !== ''),
  );
}

/** Whether a token reads as a verb (compromise's tag, or one of our action verbs). */
export function isVerb(t: Token): boolean {
  return (t.tags.has('Verb') && !t.tags.has('Auxiliary')) || ACT_VERB_FORMS.has(t.lower);
}

/** A verb that heads a clause: one of our action verbs, or a word compromise tags verb, not noun. */
export function headsClause(t: Token): boolean {
  if (ACT_VERB_FORMS.has(t.lower)) return true;
  return t.tags.has('Verb') && !t.tags.has('Auxiliary') && !t.tags.has('Noun');
}

/** Whether punctuation after a token ends a clause: a comma, semicolon, colon or dash. */
export function breaksAfter(t: Token): boolean {
  return /[,;:\u2013\u2014]|--|\s-\s/.test(t.post);
}
