import type { Mention, Token } from './claim-words.js';

/**
 * Claim sentences in drafts: the clause a cue speaks in, and pronouns read as the people they
 * stand for. Pure; used by claim-reader.ts.
 */

/** Marks that end a clause as a full stop would. */
export const CLAUSE_PUNCT = new Set([';', '—', '–', '--', ':']);

/** A mention with its pronoun replaced by the person (or people) it was read as. */
export type Resolved =
  Mention | { kind: 'group'; names: readonly string[]; at: number; word: string };

/**
 * Pronouns to people, inside the sentence: `he`/`she` -> the subject of an earlier clause, else
 * the nearest name before; `him`/`her`/`his` -> the nearest name before that is not the subject
 * of its own clause; `they` -> everyone named before (two or more). With no antecedent here, the
 * person the sentence before was about. Receipts knows no genders, so every guess is noted.
 */
export function resolvePronouns(
  mentions: readonly Mention[],
  tokens: readonly Token[],
  previous: string | null,
  notes: string[],
): Resolved[] {
  const out: Resolved[] = [];
  const clauseOf = clauseStarts(tokens);
  const person = (at: number, name: string, word: string): Resolved => ({
    kind: 'person',
    name,
    possessive: word === 'his' || word === 'hers',
    at,
    words: word,
  });
  for (const m of mentions) {
    if (m.kind !== 'pronoun') {
      out.push(m);
      continue;
    }
    const named = out.flatMap((x) => (x.kind === 'person' ? [x] : []));
    const clause = clauseOf(m.at);
    const subjectHere = named.find((x) => clauseOf(x.at) === clause)?.name ?? null;
    let name: string | null = null;
    let why = '';
    // Names the pronoun's own clause gives elsewhere are not what it stands for.
    const ownClause = new Set(
      mentions.flatMap((x) => (x.kind === 'person' && clauseOf(x.at) === clause ? [x.name] : [])),
    );
    if (m.role === 'group') {
      let names = [...new Set(named.map((x) => x.name))];
      let later = false;
      if (names.length < 2) {
        names = [...new Set(mentions.flatMap((x) => (x.kind === 'person' ? [x.name] : [])))];
        later = true;
      }
      if (names.length >= 2) {
        out.push({ kind: 'group', names, at: m.at, word: m.word });
        notes.push(
          `"${m.word}" read as ${names.join(' and ')}${later ? ' (named later in the sentence)' : ''}`,
        );
      } else out.push(m);
      continue;
    } else if (m.role === 'subject' || m.role === 'self') {
      const earlier = [...named]
        .reverse()
        .find(
          (x) =>
            clauseOf(x.at) < clause &&
            !ownClause.has(x.name) &&
            named.find((y) => clauseOf(y.at) === clauseOf(x.at)) === x,
        );
      const nearest = [...named].reverse().find((x) => !ownClause.has(x.name));
      name = m.role === 'self' ? subjectHere : (earlier?.name ?? nearest?.name ?? null);
      why =
        earlier !== undefined ? 'the subject of the clause before' : 'the nearest name before it';
    } else {
      name = [...named].reverse().find((x) => x.name !== subjectHere)?.name ?? null;
      why = 'the nearest name before it that is not the subject';
    }
    if (name === null && previous !== null && previous !== subjectHere) {
      name = previous;
      why = 'named in the sentence before';
    }
    if (name === null) {
      out.push(m);
      continue;
    }
    notes.push(`"${m.word}" read as ${name} (${why})`);
    out.push(person(m.at, name, m.word.toLowerCase()));
  }
  return out;
}

/** Token index -> the number of the clause it is in (split at `;`, dashes, `, but` ...). */
export function clauseStarts(tokens: readonly Token[]): (at: number) => number {
  const clause: number[] = [];
  let n = 0;
  tokens.forEach((t, i) => {
    const prev = tokens[i - 1];
    if (CLAUSE_PUNCT.has(t.text) || t.text === '(' || t.text === ')') n++;
    else if (prev?.text === ',' && /^(?:but|while|whereas|although|though|yet|so|and)$/.test(t.low))
      n++;
    else if (t.low === 'than') n++;
    clause.push(n);
  });
  return (at) => clause[at] ?? n;
}

/**
 * The tokens a claim's roles are read from: the clause of the cue at its own bracket depth,
 * without the brackets inside it. A cue in brackets whose clause names no act or quote reads the
 * clause around the brackets (`Ianto never (not once!) says it`); a clause never borrows from
 * the clauses beside it, whose acts are other claims.
 */
export function claimScope(
  tokens: readonly Token[],
  mentions: readonly Resolved[],
  cueAt: number,
): { from: number; to: number; skip: ReadonlySet<number> } {
  const depth: number[] = [];
  let d = 0;
  for (const t of tokens) {
    if (t.text === '(') d++;
    depth.push(d);
    if (t.text === ')') d = Math.max(0, d - 1);
  }
  const level = depth[Math.min(cueAt, tokens.length - 1)] ?? 0;
  const hasAct = (from: number, to: number, skip: ReadonlySet<number>): boolean =>
    mentions.some(
      (m) =>
        m.at >= from && m.at < to && !skip.has(m.at) && (m.kind === 'term' || m.kind === 'quote'),
    );
  const deeper = (lvl: number): Set<number> =>
    new Set(tokens.flatMap((_t, i) => (depth[i]! > lvl ? [i] : [])));
  // The bracket the cue sits in.
  let from = cueAt;
  while (
    from > 0 &&
    depth[from - 1]! >= level &&
    !(depth[from - 1] === level && tokens[from - 1]!.text === '(')
  )
    from--;
  let to = cueAt;
  while (
    to < tokens.length &&
    depth[to]! >= level &&
    !(tokens[to]!.text === ')' && depth[to] === level)
  )
    to++;
  const skip = deeper(level);
  // The clause inside it.
  let cFrom = cueAt;
  while (cFrom > from && !isClauseBreak(tokens, cFrom - 1)) cFrom--;
  let cTo = cueAt;
  while (cTo < to && !isClauseBreak(tokens, cTo)) cTo++;
  if (hasAct(cFrom, cTo, skip) || level === 0) return { from: cFrom, to: cTo, skip };
  // Only a bracket borrows from outside: "Ianto never (not once!) says it".
  if (hasAct(from, to, skip)) return { from, to, skip };
  return claimScope(tokens, mentions, Math.max(0, from - 2));
}

export function isClauseBreak(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i]!;
  if (CLAUSE_PUNCT.has(t.text)) return true;
  return (
    tokens[i - 1]?.text === ',' && /^(?:but|and|so|while|whereas|although|though|yet)$/.test(t.low)
  );
}

export type Span = { readonly from: number; readonly to: number };

export const namesOf = (list: readonly Resolved[]): string[] => [
  ...new Set(
    list.flatMap((m) => (m.kind === 'person' ? [m.name] : m.kind === 'group' ? m.names : [])),
  ),
];
