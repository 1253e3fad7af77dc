import type { Item, Ref } from './people.js';
import { breaksAfter, headsClause } from './tokens.js';
import { CLAUSE_LINKS } from './words.js';

/** A clause of a sentence: its items, the word that linked it to the one before, its subject. */
export interface Clause {
  readonly items: readonly Item[];
  /** `and`, `then`, `before`... or `,` for a clause after a comma; null for the first. */
  readonly link: string | null;
  /** The people before its first verb, or null when it shares the subject before it. */
  readonly subject: Ref | null;
}

function hasVerb(items: readonly Item[]): boolean {
  return items.some((it) => it.kind === 'tok' && headsClause(it.tok));
}

/**
 * Split a sentence at links (`and`, `then`, `before`...) and at commas and dashes, keeping a
 * piece as a clause of its own only when it holds a verb: `Ianto grabs Jack and kisses him`
 * -> [Ianto grabs Jack] [and kisses him]; `hugs Rose, gently` stays one clause.
 */
export function splitClauses(items: readonly Item[]): Clause[] {
  const pieces: { link: string | null; items: Item[] }[] = [{ link: null, items: [] }];
  for (let i = 0; i < items.length; i++) {
    const it = items[i]!;
    const cur = pieces[pieces.length - 1]!;
    if (it.kind === 'tok' && CLAUSE_LINKS.has(it.tok.lower) && cur.items.length > 0) {
      pieces.push({ link: it.tok.lower, items: [] });
    } else cur.items.push(it);
    const last = it.kind === 'tok' ? it.tok : it.toks[it.toks.length - 1]!;
    if (breaksAfter(last) && i + 1 < items.length) {
      const nx = items[i + 1]!;
      // `, and`: the link word itself opens the next piece.
      if (!(nx.kind === 'tok' && CLAUSE_LINKS.has(nx.tok.lower)))
        pieces.push({ link: ',', items: [] });
    }
  }
  const merged: { link: string | null; items: Item[] }[] = [];
  for (const p of pieces) {
    const prev = merged[merged.length - 1];
    if (p.items.length === 0) continue;
    if (prev !== undefined && (!hasVerb(p.items) || !hasVerb(prev.items))) {
      prev.items.push(...p.items);
      continue;
    }
    merged.push({ link: p.link, items: [...p.items] });
  }
  return merged.map((p) => ({ link: p.link, items: p.items, subject: subjectOf(p.items) }));
}

/** The people before the first verb: `The Doctor and Rose hug` -> the group. */
function subjectOf(items: readonly Item[]): Ref | null {
  let subject: Ref | null = null;
  for (const it of items) {
    if (it.kind === 'ref') {
      if (!it.ref.possessive) subject = it.ref;
      continue;
    }
    if (headsClause(it.tok)) return subject;
    if (it.tok.lower === 'by' || it.tok.lower === 'with' || it.tok.lower === 'to') subject = null;
  }
  return null;
}
