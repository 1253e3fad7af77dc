import { nameKey } from '../domain/canon.js';
import { headsClause, isVerb, type Token } from './tokens.js';
import { GROUP_WORDS, NOT_NAMES, PERSON_NOUNS, PRONOUNS, TITLES, type Gender } from './words.js';

/** A character the suggester may name: the canon's name and aliases, a gender when known. */
export interface CharacterInput {
  readonly name: string;
  readonly aliases: readonly string[];
  readonly gender?: Gender | null;
}

/** A mention of people in a direction, before pronouns are resolved. */
export interface Ref {
  readonly kind: 'name' | 'pronoun' | 'group' | 'reciprocal' | 'plural';
  /** Canonical names (one for a name, several for `Rose and Jack`); empty for pronouns. */
  readonly names: readonly string[];
  /** Members of a group, each a ref of its own (pronouns inside stay unresolved). */
  readonly members: readonly Ref[];
  readonly pronoun: string | null;
  readonly gender: Gender | null;
  readonly plural: boolean;
  readonly possessive: boolean;
}

/** A token of a sentence, or a run of tokens that names people. */
export type Item =
  | { readonly kind: 'tok'; readonly tok: Token }
  | { readonly kind: 'ref'; readonly ref: Ref; readonly toks: readonly Token[] };

/**
 * Names of the canon's characters by key, with titles and a leading `the` dropped
 * (`the Doctor` -> DOCTOR, `Captain Jack` -> JACK when only one character is Jack).
 */
export class PeopleIndex {
  private readonly byKey = new Map<string, string>();
  private readonly genders = new Map<string, Gender>();

  constructor(characters: readonly CharacterInput[]) {
    const loose = new Map<string, string | null>();
    for (const c of characters) {
      if (c.gender) this.genders.set(c.name, c.gender);
      for (const n of [c.name, ...c.aliases]) {
        const k = nameKey(n);
        if (k === '') continue;
        if (!this.byKey.has(k)) this.byKey.set(k, c.name);
        const words = k.split(' ');
        const bare = words.filter((w, i) => !(i === 0 && (w === 'the' || TITLES.has(w))));
        // A name's words alone (`MRS LLOYD` -> `lloyd`), only when no other character claims them.
        for (const w of bare.length > 1 ? [bare.join(' '), bare[0]!] : [bare.join(' ')]) {
          if (w === '' || w === k) continue;
          const before = loose.get(w);
          loose.set(w, before === undefined || before === c.name ? c.name : null);
        }
      }
    }
    for (const [k, name] of loose) if (name !== null && !this.byKey.has(k)) this.byKey.set(k, name);
  }

  /** The canonical name for words as written (`the Doctor`, `Rose`), or null. */
  resolve(words: string): string | null {
    const k = nameKey(words);
    return this.byKey.get(k) ?? this.byKey.get(k.replace(/^the /, '')) ?? null;
  }

  /** A gender given with the characters, if any. */
  givenGender(name: string): Gender | null {
    return this.genders.get(name) ?? null;
  }
}

const POSSESSIVE = /['’]s$|s['’]$/;

function stripPossessive(text: string): string {
  return text.replace(/['’]s$/, '').replace(/s['’]$/, 's');
}

function ref(kind: Ref['kind'], names: string[], extra: Partial<Ref> = {}): Ref {
  return {
    kind,
    names,
    members: [],
    pronoun: null,
    gender: null,
    plural: names.length > 1,
    possessive: false,
    ...extra,
  };
}

const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'another']);

/**
 * Find the people a sentence mentions: characters (with titles and surnames), names no
 * character has (`Lynda`, upper-cased), people by role (`the guard` -> a speaker GUARD when
 * there is one), pronouns, `each other`, `both`; then join `Rose, Jackie and Mickey` into one group.
 */
export function findRefs(tokens: readonly Token[], people: PeopleIndex): Item[] {
  const items: Item[] = [];
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i]!;
    const next = tokens[i + 1];
    const pro = PRONOUNS.get(t.lower);
    if (pro !== undefined) {
      let possessive = pro.role === 'poss';
      if (pro.role === 'objposs' && next !== undefined) possessive = readsAsPossessed(next);
      items.push({
        kind: 'ref',
        ref: ref('pronoun', [], {
          pronoun: t.lower,
          gender: pro.gender,
          plural: pro.plural,
          possessive,
        }),
        toks: [t],
      });
      i++;
      continue;
    }
    if (
      (t.lower === 'each' && next?.lower === 'other') ||
      (t.lower === 'one' && next?.lower === 'another')
    ) {
      items.push({
        kind: 'ref',
        ref: ref('reciprocal', [], { plural: true, possessive: POSSESSIVE.test(next.text) }),
        toks: [t, next],
      });
      i += 2;
      continue;
    }
    const named = matchName(tokens, i, people);
    if (named !== null) {
      items.push({ kind: 'ref', ref: named.ref, toks: tokens.slice(i, named.end) });
      i = named.end;
      continue;
    }
    const group = matchGroupWord(tokens, i);
    if (group > i) {
      items.push({
        kind: 'ref',
        ref: ref('plural', [], { plural: true }),
        toks: tokens.slice(i, group),
      });
      i = group;
      continue;
    }
    items.push({ kind: 'tok', tok: t });
    i++;
  }
  return joinGroups(items);
}

/** `her` before a noun or adjective is possessive (`her hand`), before anything else an object. */
function readsAsPossessed(next: Token): boolean {
  if (next.tags.has('Pronoun') || next.tags.has('Preposition') || next.tags.has('Determiner'))
    return false;
  if (next.tags.has('Adverb') || next.tags.has('Conjunction')) return false;
  if (isVerb(next) && !next.tags.has('Noun')) return false;
  return next.tags.has('Noun') || next.tags.has('Adjective') || next.tags.has('Value');
}

function matchName(
  tokens: readonly Token[],
  i: number,
  people: PeopleIndex,
): { ref: Ref; end: number } | null {
  const t = tokens[i]!;
  let start = i;
  // `the Doctor`, `the guard`, `a young woman`
  if (DETERMINERS.has(t.lower)) start = i + 1;
  const first = tokens[start];
  if (first === undefined) return null;
  // Longest run of words (a title, a name, a surname) that names a character.
  for (let n = Math.min(4, tokens.length - start); n >= 1; n--) {
    const run = tokens.slice(start, start + n);
    if (!run.every((w, k) => w.cap || (k === 0 && start > i))) continue;
    if (run.slice(0, -1).some((w) => w.post.trim() !== '')) continue;
    const words = run.map((w) => stripPossessive(w.text)).join(' ');
    const name =
      people.resolve(words) ??
      (n > 1 && TITLES.has(run[0]!.lower)
        ? people.resolve(
            run
              .slice(1)
              .map((w) => stripPossessive(w.text))
              .join(' '),
          )
        : null);
    if (name === null) continue;
    let end = start + n;
    // A surname after a first name: `Rose Tyler`.
    const last = run[run.length - 1]!;
    const after = tokens[end];
    if (
      after !== undefined &&
      after.cap &&
      last.post.trim() === '' &&
      !POSSESSIVE.test(last.text) &&
      people.resolve(after.text) === null &&
      !NOT_NAMES.has(after.lower) &&
      after.tags.has('ProperNoun')
    )
      end++;
    const lastTok = tokens[end - 1]!;
    return { ref: ref('name', [name], { possessive: POSSESSIVE.test(lastTok.text) }), end };
  }
  // A person by role: `the guard`, `a young man`.
  if (start > i) {
    let k = start;
    while (
      k < tokens.length &&
      k < start + 2 &&
      tokens[k]!.tags.has('Adjective') &&
      !PERSON_NOUNS.has(tokens[k]!.lower)
    )
      k++;
    const noun = tokens[k];
    if (noun !== undefined) {
      const bare = stripPossessive(noun.lower);
      if (PERSON_NOUNS.has(bare)) {
        const name = people.resolve(bare) ?? bare.toUpperCase();
        return {
          ref: ref('name', [name], {
            gender: PERSON_NOUNS.get(bare) ?? null,
            possessive: POSSESSIVE.test(noun.text),
          }),
          end: k + 1,
        };
      }
    }
    return null;
  }
  // A name no character has: `Lynda`, `Mister Lloyd`.
  if (!first.cap || NOT_NAMES.has(stripPossessive(first.lower))) return null;
  let end = start;
  while (end < tokens.length && end < start + 3) {
    const w = tokens[end]!;
    if (!w.cap || (end > start && tokens[end - 1]!.post.trim() !== '')) break;
    const startsClause = i === 0 && tokens[end + 1] !== undefined && headsClause(tokens[end + 1]!);
    if (end === start && !TITLES.has(w.lower) && !looksLikeName(w, i === 0 && !startsClause)) break;
    if (end > start && !looksLikeName(w, false)) break;
    end++;
    if (POSSESSIVE.test(w.text)) break;
  }
  if (end === start || (end === start + 1 && TITLES.has(first.lower))) return null;
  const words = tokens.slice(start, end).map((w) => stripPossessive(w.text));
  return {
    ref: ref('name', [words.join(' ').toUpperCase()], {
      possessive: POSSESSIVE.test(tokens[end - 1]!.text),
    }),
    end,
  };
}

/** A capitalised word that stands for a person: compromise knows it as a name, or it is a noun mid-sentence. */
function looksLikeName(w: Token, sentenceStart: boolean): boolean {
  if (w.tags.has('Person') || w.tags.has('FirstName')) return true;
  if (sentenceStart) return false;
  if (isVerb(w) && !w.tags.has('Noun')) return false;
  if (w.text.length > 2 && w.text === w.text.toUpperCase()) return false; // TARDIS, UNIT
  return w.tags.has('ProperNoun') || w.tags.has('Noun');
}

/** `both`, `the two`, `the pair`, `the couple`: returns the index after the words, or i. */
function matchGroupWord(tokens: readonly Token[], i: number): number {
  const t = tokens[i]!;
  if (t.lower === 'both' && !(tokens[i + 1]?.lower === 'of')) return i + 1;
  if (t.lower === 'the' && GROUP_WORDS.has(tokens[i + 1]?.lower ?? '')) {
    const w = tokens[i + 1]!.lower;
    if (w === 'two' || w === 'pair' || w === 'couple') return i + 2;
  }
  return i;
}

/**
 * `Rose, Jackie and Mickey` -> one group. Not when the second name starts a clause of its own
 * (`hugs Jackie and Mickey kisses her`: a verb follows and one came before).
 */
function joinGroups(items: Item[]): Item[] {
  const out: Item[] = [];
  let verbSeen = false;
  for (let i = 0; i < items.length; i++) {
    const it = items[i]!;
    if (it.kind === 'tok') {
      if (isVerb(it.tok)) verbSeen = true;
      if (/[.;:!?]/.test(it.tok.post)) verbSeen = false;
      out.push(it);
      continue;
    }
    const members: Item[] = [it];
    let j = i;
    for (;;) {
      const last = members[members.length - 1]!;
      const lastTok = last.kind === 'ref' ? last.toks[last.toks.length - 1]! : null;
      const link = items[j + 1];
      const comma = lastTok !== null && lastTok.post.trim() === ',';
      if (link?.kind === 'tok' && link.tok.lower === 'and' && items[j + 2]?.kind === 'ref') {
        const cand = items[j + 2]!;
        if (!canJoin(cand, items[j + 3], verbSeen)) break;
        members.push(cand);
        j += 2;
        continue;
      }
      if (
        comma &&
        link?.kind === 'ref' &&
        canJoin(link, items[j + 2], verbSeen) &&
        endsInAnd(items, j + 1)
      ) {
        members.push(link);
        j += 1;
        continue;
      }
      break;
    }
    if (members.length === 1) {
      out.push(it);
      continue;
    }
    const refs = members.map((m) => (m as Extract<Item, { kind: 'ref' }>).ref);
    const toks = items.slice(i, j + 1).flatMap((m) => (m.kind === 'ref' ? m.toks : [m.tok]));
    out.push({
      kind: 'ref',
      ref: {
        ...ref(
          'group',
          refs.flatMap((r) => r.names),
        ),
        members: refs,
        plural: true,
        possessive: refs[refs.length - 1]!.possessive,
      },
      toks,
    });
    i = j;
  }
  return out;
}

function canJoin(cand: Item, after: Item | undefined, verbSeen: boolean): boolean {
  if (cand.kind !== 'ref' || cand.ref.kind === 'reciprocal') return false;
  if (cand.ref.kind === 'pronoun' && PRONOUNS.get(cand.ref.pronoun!)?.role === 'subj' && verbSeen)
    return false;
  return !(verbSeen && after?.kind === 'tok' && isVerb(after.tok) && !after.tok.tags.has('Noun'));
}

/** Whether a comma list of refs starting at `k` ends in `and` + ref. */
function endsInAnd(items: readonly Item[], k: number): boolean {
  for (let j = k; j < items.length; j++) {
    const it = items[j]!;
    if (it.kind === 'ref') continue;
    return it.tok.lower === 'and' && items[j + 1]?.kind === 'ref';
  }
  return false;
}
