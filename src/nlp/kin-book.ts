import { mainAnswer } from './called-names.js';
import type { Gender } from './words.js';

/** A parent (or grandparent) as a child calls them, and the words of the call. */
const PARENT_CALLS: ReadonlyMap<string, Relation> = new Map([
  ...['mother', 'mom', 'mum', 'mommy', 'mummy', 'ma'].map((w) => [w, 'mother'] as const),
  ...['father', 'dad', 'daddy', 'pa'].map((w) => [w, 'father'] as const),
  ['grandma', 'grandmother'],
  ['grandpa', 'grandfather'],
]);

type Relation = 'mother' | 'father' | 'grandmother' | 'grandfather';

interface KinNoun {
  /** Whether the noun names the owner's parent (`her mum`) or child (`his son`). */
  readonly of: 'parent' | 'child';
  /** The relations of the parent to the child. */
  readonly is: readonly Relation[];
}

const kinNouns = (words: string[], kin: KinNoun): [string, KinNoun][] => words.map((w) => [w, kin]);

/** The nouns of a direction for a relative (`her mum`, `his son`): what they ask for. */
const KIN_NOUNS: ReadonlyMap<string, KinNoun> = new Map([
  ...kinNouns(['MOTHER', 'MUM', 'MOM', 'MUMMY', 'MOMMY'], { of: 'parent', is: ['mother'] }),
  ...kinNouns(['FATHER', 'DAD', 'DADDY'], { of: 'parent', is: ['father'] }),
  ...kinNouns(['GRANDMOTHER', 'GRANDMA', 'GRAN', 'GRANNY'], { of: 'parent', is: ['grandmother'] }),
  ...kinNouns(['GRANDFATHER', 'GRANDPA', 'GRANDAD'], { of: 'parent', is: ['grandfather'] }),
  ...kinNouns(['SON', 'DAUGHTER', 'CHILD', 'KID'], { of: 'child', is: ['mother', 'father'] }),
  ...kinNouns(['GRANDSON', 'GRANDDAUGHTER', 'GRANDCHILD'], {
    of: 'child',
    is: ['grandmother', 'grandfather'],
  }),
]);

const CHILD_GENDER: ReadonlyMap<string, Gender> = new Map([
  ['SON', 'm'],
  ['GRANDSON', 'm'],
  ['DAUGHTER', 'f'],
  ['GRANDDAUGHTER', 'f'],
]);

/** The words a speaker calls a parent by, each with who answered it and how often. */
export type ParentCallAnswers = ReadonlyMap<
  string,
  ReadonlyMap<string, ReadonlyMap<string, number>>
>;

/**
 * Who is whose mother, father or grandparent in one transcript, as the speeches show it: the
 * one who answers a speaker's `Mum` or `Dad` is that speaker's mother or father. So `kisses
 * her mum` after `I'll see you tomorrow, Mum.` is the woman Daphne calls Mum, and `cradles
 * his son` is the one who calls him Dad.
 */
export class KinBook {
  // By caller: their parents and grandparents, by relation.
  private readonly parents = new Map<string, Map<Relation, string>>();

  /**
   * `answers`: by caller, the words for a parent they said and who answered each. A relation
   * holds when one speaker answered at least twice and 60% of the time.
   */
  constructor(
    answers: ParentCallAnswers,
    private readonly genderOf: (name: string) => Gender | null,
  ) {
    for (const [caller, byWord] of answers) {
      const merged = new Map<Relation, Map<string, number>>();
      for (const [word, by] of byWord) {
        const relation = PARENT_CALLS.get(word);
        if (relation === undefined) continue;
        const into = merged.get(relation) ?? new Map<string, number>();
        for (const [who, n] of by) into.set(who, (into.get(who) ?? 0) + n);
        merged.set(relation, into);
      }
      for (const [relation, by] of merged) {
        const best = mainAnswer(by, 2, 0.6);
        if (best === null || best.who === caller) continue;
        const mine = this.parents.get(caller) ?? new Map<Relation, string>();
        this.parents.set(caller, mine.set(relation, best.who));
      }
    }
  }

  /**
   * The person a relative of `owner` named by `role` (`MUM`, `SON`) is, when the speeches show
   * exactly one such relative; else null.
   */
  relative(role: string, owner: string): string | null {
    const kin = KIN_NOUNS.get(role);
    if (kin === undefined) return null;
    const childGender = CHILD_GENDER.get(role);
    const found = new Set<string>();
    for (const [child, mine] of this.parents) {
      for (const relation of kin.is) {
        const parent = mine.get(relation);
        if (parent === undefined) continue;
        if (kin.of === 'parent' && child === owner) found.add(parent);
        const fits =
          childGender === undefined || (this.genderOf(child) ?? childGender) === childGender;
        if (kin.of === 'child' && parent === owner && fits) found.add(child);
      }
    }
    return found.size === 1 ? [...found][0]! : null;
  }
}
