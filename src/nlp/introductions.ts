import { isNoOnePresent, isPluralRole, PERSON_NOUNS } from './person-nouns.js';
import { ref, type Item, type Ref } from './refs.js';
import { TITLE_GENDER, type Gender } from './words.js';

const PEOPLE = new Set(['MAN', 'WOMAN', 'BOY', 'GIRL', 'LADY', 'GENTLEMAN']);

/**
 * The person the last sentence that describes someone brings in (`A balding man speaks to a
 * woman.`: the man), when a man, woman, boy, girl, lady or gentleman; else null. Only a
 * subject counts: a newcomer who speaks next is the one the direction ends on. Two newcomers
 * (`A man and a woman come out of hiding.`) leave it open which one speaks.
 */
function introducedRole(
  sentences: readonly (readonly Item[])[],
  met: ReadonlySet<string>,
): Ref | null {
  for (let si = sentences.length - 1; si >= 0; si--) {
    const items = sentences[si]!;
    // `The unconscious man grabs him`: the first the scene says of him, described.
    const earlier = (n: string): boolean =>
      met.has(n) || sentences.slice(0, si).some((it) => namesIn(it).includes(n));
    const isNew = (r: Ref): boolean =>
      !r.definite || (r.names[0] !== r.role && !earlier(r.names[0]!) && !earlier(r.role!));
    const subjects = items.flatMap((it, k) =>
      it.kind === 'ref' &&
      it.ref.kind === 'name' &&
      it.ref.role !== null &&
      isNew(it.ref) &&
      !it.ref.plural &&
      !it.ref.possessive &&
      // `One of his men picks it up`: one of a group met before, not a newcomer.
      it.toks[0]!.lower !== 'one' &&
      opensClause(items[k - 1])
        ? [{ ref: it.ref, k }]
        : [],
    );
    const [one] = subjects;
    if (one === undefined) continue;
    if (pairedWithAnother(items, one.k) || namedAfter(items, one.k)) return null;
    // Not `a Klingon` or `a guard`: one of many, whom the next speech seldom names.
    return subjects.length === 1 && PEOPLE.has(one.ref.role!) ? one.ref : null;
  }
  return null;
}

/** The names of the people a sentence mentions. */
export function namesIn(items: readonly Item[]): string[] {
  return items.flatMap((it) => (it.kind === 'ref' ? it.ref.names : []));
}

/**
 * The description (`BALDING MAN`) under which a direction brought in `speaker`, who speaks for
 * the first time right after it, or null. Transcripts describe a newcomer (`A balding man
 * speaks to a woman.`) and then label the speech with the name the script gives (JELLICOE).
 * Not a label that is itself a role or a crowd, nor someone the direction names, nor someone
 * of the other gender.
 */
export function newcomerAs(
  sentences: readonly (readonly Item[])[],
  speaker: string,
  gender: Gender | null,
  met: ReadonlySet<string> = new Set(),
): string | null {
  const role = introducedRole(sentences, met);
  if (role === null || isNoOnePresent(speaker) || isPluralRole(speaker)) return null;
  const words = speaker.toLowerCase().split(/\s+/);
  const last = words[words.length - 1]!;
  if (PERSON_NOUNS.has(last) || /(?:man|woman|men|women)$/.test(last)) return null;
  const named = sentences.some((items) => namesIn(items).includes(speaker));
  // A label may say the gender its name does not: `MRS OLLIS`.
  const known = gender ?? TITLE_GENDER.get(words[0]!.replace(/\.$/, '')) ?? null;
  const fits = known === null || role.gender === null || known === role.gender;
  return fits && !named ? role.names[0]! : null;
}

/** `A man and a woman ...`: the person at `k` is one of two, maybe not joined as a group. */
function pairedWithAnother(items: readonly Item[], k: number): boolean {
  const [and, article] = [items[k + 1], items[k + 2]];
  return (
    and?.kind === 'tok' &&
    and.tok.lower === 'and' &&
    article?.kind === 'tok' &&
    (article.tok.lower === 'a' || article.tok.lower === 'an')
  );
}

/**
 * `A silver haired man - Vaughn - watches`, `A tall man, Vaughn, enters`: the direction names
 * the newcomer itself, set off by a dash or a comma a few words on.
 */
function namedAfter(items: readonly Item[], k: number): boolean {
  for (let i = k + 1; i < items.length && i <= k + 6; i++) {
    const it = items[i]!;
    const prev = items[i - 1]!;
    const before = prev.kind === 'tok' ? prev.tok : prev.toks[prev.toks.length - 1]!;
    if (
      it.kind === 'ref' &&
      it.ref.kind === 'name' &&
      it.ref.role === null &&
      /[-–—,(]/.test(before.post)
    )
      return true;
  }
  return false;
}

// Words after which a clause, and so a subject, begins: `and a man grabs her`.
const CLAUSE_OPENERS = new Set(['and', 'as', 'while', 'when', 'then', 'but', 'where']);

/**
 * Whether a person named after `prev` is a subject: at the start of a sentence or a clause
 * (`Up at the house, a balding man speaks`), not the object of a verb or a preposition (`A
 * photograph of a laughing man`).
 */
function opensClause(prev: Item | undefined): boolean {
  if (prev === undefined) return true;
  // `O'Donnell, a young lady with a pony tail`: O'Donnell.
  if (prev.kind !== 'tok') return false;
  return /[,;:]/.test(prev.tok.post) || CLAUSE_OPENERS.has(prev.tok.lower);
}

/** Items with each person named by a description in `alias` renamed to whom it stands for. */
export function renamed(items: readonly Item[], alias: ReadonlyMap<string, string>): Item[] {
  if (alias.size === 0) return [...items];
  return items.map((it) => {
    if (it.kind !== 'ref') return it;
    const r = renameRef(it.ref, alias);
    return r === it.ref ? it : { ...it, ref: r };
  });
}

function renameRef(r: Ref, alias: ReadonlyMap<string, string>): Ref {
  if (r.kind === 'name' && r.names.length === 1 && alias.has(r.names[0]!))
    return ref('name', [alias.get(r.names[0]!)!], {
      gender: r.gender,
      possessive: r.possessive,
    });
  if (r.kind !== 'group' || !r.names.some((n) => alias.has(n))) return r;
  return {
    ...r,
    names: r.names.map((n) => alias.get(n) ?? n),
    members: r.members.map((m) => renameRef(m, alias)),
  };
}
