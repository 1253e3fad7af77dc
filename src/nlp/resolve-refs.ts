import { tentative, type Discourse, type ResolveContext } from './discourse.js';
import type { KinBook } from './kin-book.js';
import { ONE_OF_THEM, type Ref } from './refs.js';
import { singularRole } from './role-nouns.js';
import type { Gender } from './words.js';

/** People a ref stands for, with what their resolution cost in certainty. */
export interface Resolved {
  readonly names: readonly string[];
  /** Pronouns resolved, and how many of them had a close second candidate. */
  readonly pronouns: number;
  readonly unsure: number;
  /** A person by role (`the guard`) rather than a character of the canon. */
  readonly extra: boolean;
  /** The gender a pronoun gave them (`she`), when one did. */
  readonly gender: Gender | null;
}

/** Names as a sure resolution. */
export function named(names: readonly string[], extra = false): Resolved {
  return { names, pronouns: 0, unsure: 0, extra, gender: null };
}

/**
 * What a ref's resolution needs: the discourse, and groups named earlier in the direction (a
 * collective, `the guards`, as a group of one).
 */
export interface RefScope {
  readonly discourse: Discourse;
  readonly groups: readonly (readonly string[])[];
  /** Who is whose parent, as the speeches show it: for `her mum`, `his son`. */
  readonly kin?: KinBook;
}

/**
 * The names a ref stands for, resolving pronouns from the context; null when unresolvable.
 * `subjectRole`: the ref is a subject (the speaker of the line is then a likely candidate).
 */
export function resolveRef(
  ref: Ref,
  ctx: ResolveContext,
  scope: RefScope,
  subjectRole: boolean,
): Resolved | null {
  switch (ref.kind) {
    case 'name':
      return resolveName(ref, ctx, scope);
    case 'group': {
      const names: string[] = [];
      let pronouns = 0;
      let unsure = 0;
      let extra = false;
      for (const m of ref.members) {
        const r = resolveRef(
          m,
          { ...ctx, exclude: [...ctx.exclude, ...names] },
          scope,
          subjectRole,
        );
        if (r === null) return null;
        names.push(...r.names);
        pronouns += r.pronouns;
        unsure += r.unsure;
        extra ||= r.extra;
      }
      return { names: [...new Set(names)], pronouns, unsure, extra, gender: null };
    }
    case 'pronoun':
      if (!ref.plural) {
        // `Two Klingons lift her up. She grabs Kim.`: a collective is no `she`.
        const collectives = scope.groups.flatMap((g) => (g.length === 1 ? g : []));
        const among = { ...ctx, exclude: [...ctx.exclude, ...collectives] };
        const forward = subjectRole ? among : { ...among, later: ctx.laterJoining ?? [] };
        const one = scope.discourse.resolveOne(ref.gender, forward, subjectRole);
        return one === null
          ? null
          : {
              names: [one.name],
              pronouns: 1,
              unsure: one.sure ? 0 : 1,
              extra: false,
              gender: ref.gender,
            };
      }
      return resolvePlural(ctx, scope);
    case 'plural': {
      if (ref.pronoun === ONE_OF_THEM) return oneOfThem(ctx, scope);
      if (ref.pronoun === null) return resolvePlural(ctx, scope);
      const all = scope.discourse.conversation(ctx);
      return all.length >= 2
        ? { names: all, pronouns: 1, unsure: 1, extra: false, gender: null }
        : null;
    }
    case 'reciprocal':
      return null;
  }
}

/**
 * `One of them grabs her`: one of a crowd `them` stands for (`the mummies`) is one of that kind
 * (MUMMY); one of several people, no one in particular (null).
 */
function oneOfThem(ctx: ResolveContext, scope: RefScope): Resolved | null {
  const them = resolvePlural(ctx, scope);
  if (them !== null && them.names.length === 1 && them.extra)
    return { ...them, names: [singularRole(them.names[0]!)] };
  // `The mummies burst in. SARAH: Doctor! (One of them grabs her.)`: a crowd a few lines before.
  const crowd = scope.discourse.recentCollective(ctx);
  return crowd === null ? null : { ...named([singularRole(crowd)], true), pronouns: 1, unsure: 1 };
}

function resolvePlural(ctx: ResolveContext, scope: RefScope): Resolved | null {
  // `The guards enter. Kit runs, but they seize him`: the collective met last, on its own.
  const last = scope.groups[scope.groups.length - 1];
  if (last?.length === 1 && !ctx.exclude.includes(last[0]!))
    return { names: [...last], pronouns: 1, unsure: 1, extra: true, gender: null };
  // `Rose and Jack knock them out`: them is not Rose and Jack.
  const many = scope.discourse.resolveMany(ctx, scope.groups);
  if (many.length < 2 || many.some((n) => ctx.exclude.includes(n))) {
    // `Niles and Daphne are in the hall. ... Frasier pushes them back`: a group named in a
    // direction just before, none of them the doer.
    const recent = scope.discourse.recentGroup(ctx);
    if (recent === null || recent.some((n) => ctx.exclude.includes(n))) return null;
    return { names: [...recent], pronouns: 1, unsure: 1, extra: false, gender: null };
  }
  return { names: many, pronouns: 1, unsure: 1, extra: false, gender: null };
}

/**
 * `kisses her mum`, `Donny's mother`: the one she (or Donny) calls Mum, when the speeches show
 * who that is; else null.
 */
export function relativeOf(ref: Ref, ctx: ResolveContext, scope: RefScope): string | null {
  const owner = ref.owner;
  if (ref.role === null || owner === null || scope.kin === undefined) return null;
  if (owner.kind === 'name') return scope.kin.relative(ref.role, owner.names[0]!);
  // `Sisko cradles his son`: most often the doer's own (the one an object leaves out);
  // else whom the pronoun stands for. A trial: the guess leaves no gender on anyone.
  const fits = (n: string): boolean =>
    (scope.discourse.genderOf(n) ?? owner.gender) === owner.gender;
  for (const doer of ctx.exclude.filter(fits)) {
    const relative = scope.kin.relative(ref.role, doer);
    if (relative !== null) return relative;
  }
  const trial = tentative({ ...ctx, exclude: [] });
  const whose = scope.discourse.resolveOne(owner.gender, trial.ctx, false);
  return whose === null ? null : scope.kin.relative(ref.role, whose.name);
}

// Someone's own person, with the gender the word tells: `kisses his bride`, `hugs his brother`.
const PARTNERS: ReadonlyMap<string, Gender | null> = new Map<string, Gender | null>([
  ...['WIFE', 'BRIDE', 'GIRLFRIEND', 'FIANCEE', 'SISTER'].map((w) => [w, 'f'] as const),
  ...['HUSBAND', 'GROOM', 'BOYFRIEND', 'FIANCE', 'BROTHER'].map((w) => [w, 'm'] as const),
  ...['HERO', 'LOVER', 'SWEETHEART', 'BELOVED'].map((w) => [w, null] as const),
]);

/**
 * `Frasier hugs his brother`, `Worf kisses his bride`: the doer's own person is the one the
 * doer is with, as `him` or `her` would be; null when the owner is not the doer.
 */
function partnerOf(ref: Ref, ctx: ResolveContext, scope: RefScope): string | null {
  const owner = ref.owner;
  if (ref.role === null || owner === null || !PARTNERS.has(ref.role)) return null;
  const doer = owner.kind === 'name' ? owner.names[0]! : ctx.exclude[0];
  if (doer === undefined || !ctx.exclude.includes(doer)) return null;
  // `She kisses his brother`: a pronoun of another gender is someone else's.
  const doerGender = scope.discourse.genderOf(doer);
  if (owner.kind === 'pronoun' && doerGender !== null && doerGender !== owner.gender) return null;
  const gender = PARTNERS.get(ref.role) ?? null;
  const one = scope.discourse.resolveOne(gender, ctx, false);
  // Known to be of the word's gender, if it tells one: not anyone at all for `her husband`.
  const fits = one !== null && (gender === null || scope.discourse.genderOf(one.name) === gender);
  return fits && one.sure ? one.name : null;
}

const GENERIC_ROLES = new Set(['MAN', 'WOMAN', 'BOY', 'GIRL', 'LADY', 'GENTLEMAN']);
const ANAPHORIC = /^(?:OTHER|SECOND|THIRD|FIRST|LAST|SAME|FORMER|LATTER) /;

/**
 * A name as written, or for a definite role (`the man`) the person of that role met shortly
 * before (`a young man ... the man` -> YOUNG MAN), as a reader links them.
 */
function resolveName(ref: Ref, ctx: ResolveContext, scope: RefScope): Resolved {
  if (ref.role === null) return named(ref.names);
  const relative = relativeOf(ref, ctx, scope) ?? partnerOf(ref, ctx, scope);
  if (relative !== null && !ctx.exclude.includes(relative)) return named([relative]);
  if (ref.definite) {
    const before = scope.discourse.recentRole(ref.role, ctx, ref.names[0] === ref.role);
    if (before !== null && !ctx.exclude.includes(before)) return named([before], true);
    // `the scarred man` when someone speaks as MAN: not MAN, another man.
    const described = ref.names[0] !== ref.role && scope.discourse.speaks(ref.role);
    // `the disfigured man` met earlier in the episode, or `the other man` of this direction:
    // a man of his own, not one of the talk.
    const ownPerson =
      ref.names[0] !== ref.role &&
      (ANAPHORIC.test(ref.names[0]!) || scope.discourse.namedBefore(ref.names[0]!, ctx));
    if (GENERIC_ROLES.has(ref.role) && !ownPerson) {
      // `Sarah shakes hands with the man`, nobody called a man before: someone of the
      // conversation so far, as `him` would be (not someone who speaks only after it).
      // The reading leaves no gender on anyone unless it is kept.
      // Not someone this direction names (`Bashir checks his wound while the boy hugs ...`),
      // unless only as an owner (`at Dodo's warning, Ringo grabs the girl`).
      const trial = tentative(ctx);
      const namedHere = (n: string): boolean =>
        ctx.earlier.includes(n) && ctx.owners?.has(n) !== true;
      const talking = scope.discourse
        .conversation(ctx, false)
        .filter((n) => !namedHere(n) && !(described && n === ref.role));
      const one = scope.discourse.resolveOne(ref.gender, trial.ctx, false, talking);
      if (one !== null) {
        trial.keep();
        return { names: [one.name], pronouns: 1, unsure: 1, extra: false, gender: ref.gender };
      }
    }
  }
  return named(ref.names, true);
}
