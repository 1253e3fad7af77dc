import type { Token } from './tokens.js';
import type { Gender } from './words.js';

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
  /**
   * For a person named by role (`the guard`, `a young man`): the role noun in capitals
   * (`GUARD`, `MAN`), and whether it was definite (`the man` may be someone named before).
   */
  readonly role: string | null;
  readonly definite: boolean;
  /** For a relative (`her mum`, `Kit's husband`): whose (the pronoun or the person named). */
  readonly owner: Ref | null;
}

/** A token of a sentence, or a run of tokens that names people. */
export type Item =
  | { readonly kind: 'tok'; readonly tok: Token }
  | { readonly kind: 'ref'; readonly ref: Ref; readonly toks: readonly Token[] };

export const POSSESSIVE = /['’]s$|s['’]$/;

/** The `pronoun` of a plural ref that stands for one of the people `them` stands for. */
export const ONE_OF_THEM = 'one of them';

/**
 * The other person of the exchange, someone the direction does not name: read like `him` or
 * `her` whose gender is not told (`Kit: (shaking hands)`, `Worf: (returning the hug)`).
 */
export function partnerOfTalk(): Ref {
  return ref('pronoun', [], { pronoun: 'them' });
}

/** A word without its possessive ending. */
export function stripPossessive(text: string): string {
  return text.replace(/['’]s$/, '').replace(/s['’]$/, 's');
}

/** A ref of `kind` with defaults for what is not given. */
export function ref(kind: Ref['kind'], names: string[], extra: Partial<Ref> = {}): Ref {
  return {
    kind,
    names,
    members: [],
    pronoun: null,
    gender: null,
    plural: names.length > 1,
    possessive: false,
    role: null,
    definite: false,
    owner: null,
    ...extra,
  };
}

/** A group all of whose members are named (`Ianto and Gwen`, not `Ianto and her`). */
export function isNamedGroup(r: Ref): boolean {
  return r.kind === 'group' && r.members.length > 0 && r.members.every((m) => m.kind === 'name');
}
