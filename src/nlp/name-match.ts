import type { PeopleIndex } from './people-index.js';
import { POSSESSIVE, ref, stripPossessive, type Ref } from './refs.js';
import { headsClause, isCommonNoun, isVerb, type Token } from './tokens.js';
import { matchRole } from './role-nouns.js';
import { CRAFT, DESCRIBING_ENDING, NOT_NAMES, TITLES } from './words.js';

const PLACE_PREPS = new Set(['in', 'from', 'near', 'outside', 'inside']);
const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'another', 'one']);
// Lower-case words before a name that describe the person, not name them: `young Amy`.
const NAME_ADJECTIVES = new Set(['young', 'old', 'older', 'younger', 'little', 'poor', 'dear']);

// Speaker labels that only say a person: a described one is someone else.
const ANY_PERSON = new Set(['MAN', 'WOMAN', 'BOY', 'GIRL', 'LADY', 'GENTLEMAN', 'PERSON']);

/** The person named from token `i` (a character, a role, a name no character has), or null. */
export function matchName(
  tokens: readonly Token[],
  i: number,
  people: PeopleIndex,
): { ref: Ref; end: number } | null {
  const named = matchPerson(tokens, i, people);
  if (named === null || named.ref.possessive) return named;
  // Also `the Borg Sphere`, read as a surname after a name.
  const craft = tokens.slice(i + 1, named.end + 1).some((t) => CRAFT.has(t.lower));
  return craft ? null : named;
}

function matchPerson(
  tokens: readonly Token[],
  i: number,
  people: PeopleIndex,
): { ref: Ref; end: number } | null {
  const t = tokens[i]!;
  let start = i;
  // `the Doctor`, `the guard`, `a young woman`; `young Amy`, `poor Rory`.
  if (DETERMINERS.has(t.lower)) start = i + 1;
  else if (NAME_ADJECTIVES.has(t.lower) && tokens[i + 1]?.cap === true) {
    // Not `Old Niles` when a speaker is called OLD NILES: then it is him.
    const whole = described(tokens, i, i + 1, people);
    if (whole !== null) return whole;
    start = i + 1;
  }
  // `a sobbing Doctor`, `the very young Amy`: describing words between a determiner and a name.
  if (start > i) {
    let k = start;
    while (k < start + 2 && describes(tokens[k])) k++;
    // `the new Doctor` when a speaker is called NEW DOCTOR: that one, not DOCTOR.
    const whole = k > start ? described(tokens, start, k, people) : null;
    if (whole !== null) return whole;
    // `the frightened guard` when a speaker is called GUARD; but `the disfigured man` is
    // another man than the one who speaks as MAN, named DISFIGURED MAN.
    const head = tokens[k] === undefined ? null : people.resolve(stripPossessive(tokens[k]!.text));
    if (k > start && head !== null && !ANY_PERSON.has(head)) start = k;
  }
  const first = tokens[start];
  if (first === undefined) return null;
  // Longest run of words (a title, a name, a surname) that names a character.
  for (let n = Math.min(4, tokens.length - start); n >= 1; n--) {
    const run = tokens.slice(start, start + n);
    if (!run.every((w, k) => w.cap || (k === 0 && start > i))) continue;
    if (run.slice(0, -1).some((w) => !joinsName(w))) continue;
    const words = nameText(run);
    // `Monoid 2` when a speaker is called MONOID 2.
    const numbered =
      /^\d+$/.test(tokens[start + n]?.text ?? '') && !POSSESSIVE.test(run[n - 1]!.text)
        ? people.resolve(`${words} ${tokens[start + n]!.text}`)
        : null;
    if (numbered !== null) {
      const numTok = tokens[start + n]!;
      return {
        ref: ref('name', [numbered], { possessive: POSSESSIVE.test(numTok.text) }),
        end: start + n + 1,
      };
    }
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
  // A person by role: `the guard`, `a young man`, `Guards`, `a Cyberman`.
  const role = matchRole(tokens, i, start);
  if (role !== null) return role;
  if (start > i) return null;
  // A name no character has: `Lynda`, `Mister Lloyd`. Not right after a determiner (`the
  // Vorlax Key` is a thing), and several capitalised words only after a title or a known
  // first name (`Oxygen Supply` is a place).
  if (!first.cap || NOT_NAMES.has(stripPossessive(first.lower))) return null;
  const prev = tokens[i - 1];
  if (prev !== undefined && (DETERMINERS.has(prev.lower) || (i > 1 && prev.cap))) return null;
  // `a house in Buckinghamshire`, `a letter from Fenwick`: a place, or someone not there.
  if (PLACE_PREPS.has(prev?.lower ?? '') && !POSSESSIVE.test(first.text)) return null;
  const personal = TITLES.has(first.lower) || first.tags.has('Person');
  // `Tzim-Sha`, `Not-No-tie`: capitalised words joined by hyphens, acting, are one name.
  let end = hyphenCompound(tokens, start);
  const compound = end > start;
  while (!compound && end < tokens.length && end < start + 3) {
    const w = tokens[end]!;
    if (!w.cap || (end > start && !joinsName(tokens[end - 1]!))) break;
    const startsClause = i === 0 && tokens[end + 1] !== undefined && headsClause(tokens[end + 1]!);
    if (end === start && !TITLES.has(w.lower) && !looksLikeName(w, i === 0 && !startsClause)) break;
    // `Energy hits Voyager`: a common noun opening a sentence is a thing.
    if (end === start && i === 0 && isCommonNoun(w.lower)) break;
    if (end > start && !looksLikeName(w, false)) break;
    end++;
    if (POSSESSIVE.test(w.text)) break;
  }
  if (end === start || (end === start + 1 && TITLES.has(first.lower))) return null;
  // Several words (a hyphenated one counts as one) only for a known person.
  const words = tokens.slice(start, end - 1).filter((w) => w.post !== '-').length + 1;
  if (words > 1 && !personal) return null;
  // `Sam` for a speaker SAMANTHA: a first name that shortens one character's.
  const short =
    end === start + 1 && first.tags.has('FirstName')
      ? people.shortFor(stripPossessive(first.text))
      : null;
  if (short !== null)
    return { ref: ref('name', [short], { possessive: POSSESSIVE.test(first.text) }), end };
  return {
    ref: ref('name', [nameText(tokens.slice(start, end)).toUpperCase()], {
      possessive: POSSESSIVE.test(tokens[end - 1]!.text),
    }),
    end,
  };
}

/**
 * The end of a name written as capitalised words joined by hyphens from `start` (`Tzim-Sha`,
 * `Not-No-tie`: the second word capitalised, any after it as written), or `start` if none.
 * Only as a doer, right before its verb: a thing may be written so too (`clutching Hi-Fi`).
 */
function hyphenCompound(tokens: readonly Token[], start: number): number {
  const first = tokens[start]!;
  if (!first.cap || first.post !== '-' || tokens[start + 1]?.cap !== true) return start;
  let k = start + 1;
  while (tokens[k]!.post === '-' && tokens[k + 1] !== undefined) k++;
  const verb = tokens[k + 1];
  return tokens[k]!.post.trim() === '' && verb !== undefined && headsClause(verb) ? k + 1 : start;
}

/**
 * Whether a word runs on into the next word of a name: a space, a hyphen (`Tzim-Sha`), or the
 * dot of a title (`Mrs. Crowley`).
 */
const joinsName = (w: Token): boolean =>
  w.post === '-' || w.post.trim() === '' || (w.post.trim() === '.' && TITLES.has(w.lower));

/**
 * A speaker named by describing words and a name (`YOUNG TUVOK`, `NEW DOCTOR`), written from
 * token `from` to the name at `at`; or null.
 */
function described(
  tokens: readonly Token[],
  from: number,
  at: number,
  people: PeopleIndex,
): { ref: Ref; end: number } | null {
  const last = tokens[at];
  if (last?.cap !== true) return null;
  const name = people.resolve(nameText(tokens.slice(from, at + 1)));
  return name === null
    ? null
    : { ref: ref('name', [name], { possessive: POSSESSIVE.test(last.text) }), end: at + 1 };
}

/** A run of name words as written: `Rose Tyler`, `Tzim-Sha`, without a final `'s`. */
function nameText(run: readonly Token[]): string {
  return run
    .map(
      (w, k) => stripPossessive(w.text) + (k === run.length - 1 ? '' : w.post === '-' ? '-' : ' '),
    )
    .join('');
}

function describes(t: Token | undefined): boolean {
  if (t === undefined || t.cap) return false;
  if (['Adjective', 'Gerund', 'Adverb', 'PastTense', 'Participle'].some((g) => t.tags.has(g)))
    return true;
  // `the weeping Rose`, `a startled Kit`: the tagger often takes a participle or an adjective
  // for a noun; its ending tells what it is.
  return DESCRIBING_ENDING.test(t.lower);
}

/** A capitalised word that stands for a person: compromise knows it as a name, or it is a noun mid-sentence. */
function looksLikeName(w: Token, sentenceStart: boolean): boolean {
  if (w.tags.has('Person') || w.tags.has('FirstName')) return true;
  if (sentenceStart) return false;
  if (isVerb(w) && !w.tags.has('Noun')) return false;
  if (w.text.length > 2 && w.text === w.text.toUpperCase()) return false; // TARDIS, UNIT
  return w.tags.has('ProperNoun') || w.tags.has('Noun');
}
