import { ACT_VERB_FORMS } from './act-lexicon.js';
import type { Clause } from './clauses.js';
import type { Item, Ref } from './refs.js';
import { BODY_PARTS } from './words.js';

/** A person's body part named in a clause: `Amy's hand`, `her hand`. */
export interface NamedPart {
  readonly owner: Ref;
  readonly word: string;
}

/**
 * `holds out his hand`, `offers Rose her hand`: a hand held out, which `it` in the next
 * sentence may stand for (`Lynda takes it`); null if the sentence offers none.
 */
export function handOffered(sentence: readonly Item[]): NamedPart | null {
  const part = lastPartNamed(sentence);
  if (part?.word !== 'hand') return null;
  const words = sentence.map((it) => (it.kind === 'tok' ? it.tok.lower : ''));
  const offers = words.some(
    (w, i) => OFFERING.has(w) || (HOLDING_OUT.has(w) && words[i + 1] === 'out'),
  );
  return offers ? part : null;
}

const OFFERING = new Set(['offers', 'offered', 'offering', 'extends', 'extended', 'extending']);
const HOLDING_OUT = new Set(['holds', 'held', 'holding', 'puts', 'putting', 'sticks', 'sticking']);

/** What an offered hand is taken with. */
export const TAKING_A_HAND: ReadonlySet<string> = new Set([
  'take',
  'shake',
  'grasp',
  'clasp',
  'grip',
  'squeeze',
  'kiss',
]);

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
 * clause before named; the clause is read as if it said `kisses her hand`. With `lemmas`,
 * only after those verbs.
 */
export function resolveIt(
  clause: Clause,
  part: NamedPart | null,
  lemmas?: ReadonlySet<string>,
): Clause {
  if (part === null) return clause;
  const items: Item[] = [];
  clause.items.forEach((it, i) => {
    const before = clause.items[i - 1];
    const isIt = it.kind === 'tok' && (it.tok.lower === 'it' || it.tok.lower === 'them');
    const verb = before?.kind === 'tok' ? ACT_VERB_FORMS.get(before.tok.lower) : undefined;
    // Not `touching it`: what one touches is mostly a thing (`clutches his fingers after
    // touching it`).
    const taken = verb !== undefined && verb.lemma !== 'touch';
    if (isIt && taken && (lemmas === undefined || lemmas.has(verb.lemma))) {
      const tok = it.tok;
      items.push({ kind: 'ref', ref: { ...part.owner, possessive: true }, toks: [tok] });
      items.push({ kind: 'tok', tok: { ...tok, text: part.word, lower: part.word } });
    } else items.push(it);
  });
  return { ...clause, items };
}
