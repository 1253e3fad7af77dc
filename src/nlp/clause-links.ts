import { ACT_VERB_FORMS } from './act-lexicon.js';
import { isAux, type SharedPassive } from './act-patterns.js';
import type { Clause } from './clauses.js';
import { headsClause, type Token } from './tokens.js';

// What one clause of a direction hands on to the clause after it: a passive its participle
// goes on in, and the people it acted on.

// Links after which a participle goes on from a passive: `is disarmed and knocked out`.
export const PASSIVE_LINKS = new Set(['and', 'then', ',', 'or']);

/**
 * A clause in the passive (`He is swiftly disarmed`, `gets grabbed by a Klingon`): an
 * auxiliary, perhaps an adverb, a past participle; with the person after `by`, if any.
 */
export function passiveOf(c: Clause): SharedPassive | undefined {
  const items = c.items;
  for (let k = 0; k < items.length; k++) {
    const it = items[k]!;
    if (it.kind !== 'tok' || !isAux(it.tok.lower)) continue;
    let v = k + 1;
    while (items[v]?.kind === 'tok' && (items[v] as { tok: Token }).tok.tags.has('Adverb')) v++;
    const verb = items[v];
    if (verb?.kind !== 'tok' || !isParticiple(verb.tok)) continue;
    const by = items.findIndex((x, i) => i > v && x.kind === 'tok' && x.tok.lower === 'by');
    const agent = items[by + 1];
    return { agent: by > v && agent?.kind === 'ref' && !agent.ref.possessive ? agent.ref : null };
  }
  return undefined;
}

function isParticiple(t: Token): boolean {
  const form = ACT_VERB_FORMS.get(t.lower)?.form;
  if (form !== undefined) return form === 'past';
  return t.tags.has('PastTense') || t.tags.has('Participle');
}

// Links after which a clause without a subject goes on with the one before: `and kisses him`.
export const SHARED_SUBJECT = new Set(['and', 'then']);

/** The people a clause names after its first verb, not as owners: what it acted on. */
export function objectsOf(c: Clause): string[] {
  const verb = c.items.findIndex((it) => it.kind === 'tok' && headsClause(it.tok));
  if (verb < 0) return [];
  return c.items
    .slice(verb + 1)
    .flatMap((it) => (it.kind === 'ref' && !it.ref.possessive ? it.ref.names : []));
}
