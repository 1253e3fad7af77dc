import { ACT_VERB_FORMS } from './act-lexicon.js';
import type { Clause } from './clauses.js';
import type { Item, Ref } from './refs.js';
import { BODY_PARTS } from './words.js';

/** A person's body part named in a clause: `Amy's hand`, `her hand`. */
export interface NamedPart {
  readonly owner: Ref;
  readonly word: string;
}

/** The last body part of a person a clause names, or null. */
export function lastPartNamed(items: readonly Item[]): NamedPart | null {
  let found: NamedPart | null = null;
  items.forEach((it, i) => {
    if (it.kind !== 'ref' || !it.ref.possessive) return;
    for (let k = i + 1; k < items.length && k < i + 3; k++) {
      const w = items[k]!;
      if (w.kind !== 'tok') break;
      if (BODY_PARTS.has(w.tok.lower)) {
        found = { owner: it.ref, word: w.tok.lower };
        break;
      }
    }
  });
  return found;
}

/**
 * `takes her hand and kisses it`: `it` right after an act verb stands for the body part the
 * clause before named; the clause is read as if it said `kisses her hand`.
 */
export function resolveIt(clause: Clause, part: NamedPart | null): Clause {
  if (part === null) return clause;
  const items: Item[] = [];
  clause.items.forEach((it, i) => {
    const before = clause.items[i - 1];
    const isIt = it.kind === 'tok' && (it.tok.lower === 'it' || it.tok.lower === 'them');
    if (isIt && before?.kind === 'tok' && ACT_VERB_FORMS.has(before.tok.lower)) {
      const tok = it.tok;
      items.push({ kind: 'ref', ref: { ...part.owner, possessive: true }, toks: [tok] });
      items.push({ kind: 'tok', tok: { ...tok, text: part.word, lower: part.word } });
    } else items.push(it);
  });
  return { ...clause, items };
}
