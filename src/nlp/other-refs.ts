import { COLLECTIVES } from './person-nouns.js';
import { ref, type Item, type Ref } from './refs.js';
import { singularRole } from './role-nouns.js';
import { headsClause, type Token } from './tokens.js';

/** The kind of person last named by role (`a Vidiian`, `two guards`): VIDIIAN, GUARD. */
export interface Kind {
  readonly name: string;
  readonly gender: Ref['gender'];
}

// Words before `one` that make it no one of a kind: `no one`, `every one`, `the one who`.
const NOT_ONE_OF_THEM = new Set(['no', 'every', 'any', 'some', 'each', 'the', 'this', 'that']);
const ORDINALS = new Set(['second', 'third', 'fourth', 'fifth', 'last']);
// Words after `another` or `the other` that end the noun phrase there: it is a person alone.
const PHRASE_ENDS = new Set(['and', 'then', 'as', 'before', 'but', 'while', 'when']);

/**
 * `A Borg grabs Janeway. Another grabs Tuvok.`, `Two Vidiians approach. (...) The other grabs
 * Janeway`, `one grabs Martha`: `another`, `the other`, `one` or `a third one` standing for a
 * person is one more of the kind named just before, as a reader names them (BORG, VIDIIAN).
 * Replaces such words in `items` by a ref of that kind and returns the kind last named once
 * the sentence is read, for the next one.
 */
export function nameOthers(items: Item[], before: Kind | null): Kind | null {
  let kind = before;
  for (let k = 0; k < items.length; k++) {
    const it = items[k]!;
    if (it.kind === 'ref') {
      // `the guards outside the Captain's quarters`: an owner is no kind met.
      if (!it.ref.possessive) kind = kindOf(it.ref) ?? kind;
      continue;
    }
    if (kind === null) continue;
    const end = otherEnd(items, k);
    if (end === k) continue;
    const toks = items.slice(k, end).map((x) => (x as { tok: Token }).tok);
    const other = ref('name', [kind.name], { gender: kind.gender, role: kind.name });
    items.splice(k, end - k, { kind: 'ref', ref: other, toks });
  }
  return kind;
}

/**
 * The kind a ref names by role, singular; null for a character, a pronoun, a group (and for a
 * body of people: one of a crowd is no CROWD).
 */
function kindOf(r: Ref): Kind | null {
  if (r.kind !== 'name' || r.role === null || COLLECTIVES.has(r.role.toLowerCase())) return null;
  return { name: r.plural ? singularRole(r.role) : r.role, gender: r.gender };
}

/**
 * The index after `another` or `the other (one)` at `k` when the words stand alone for a
 * person: a verb follows (`another grabs her`), or the phrase ends (`punches one, then the
 * other.`). Else `k` (`the other hand`, `another drink`).
 */
function otherEnd(items: readonly Item[], k: number): number {
  const word = (n: number): Token | null => {
    const it = items[n];
    return it?.kind === 'tok' ? it.tok : null;
  };
  let end: number;
  const w = word(k)?.lower;
  if (w === 'another') end = k + 1;
  else if (w === 'the' && word(k + 1)?.lower === 'other')
    end = word(k + 2)?.lower === 'one' ? k + 3 : k + 2;
  // `The Hath breach the barricade and one grabs Martha`; `a third one grabs him`.
  else if (w === 'one' && !NOT_ONE_OF_THEM.has(word(k - 1)?.lower ?? '')) end = k + 1;
  else if ((w === 'a' || w === 'the') && ORDINALS.has(word(k + 1)?.lower ?? ''))
    end = word(k + 2)?.lower === 'one' ? k + 3 : k;
  else return k;
  if (end === k) return k;
  const last = word(end - 1)!;
  if (last.post.trim() !== '') return end;
  const next = items[end];
  if (next === undefined) return end;
  if (next.kind === 'ref') return k;
  if (PHRASE_ENDS.has(next.tok.lower)) return end;
  // `another grabs`, `the other quickly grabs`.
  const verb = (next.tok.tags.has('Adverb') ? word(end + 1) : null) ?? next.tok;
  return headsClause(verb) ? end : k;
}
