/**
 * Codebooks: controlled, hierarchical vocabularies grouped in tiers (`action`, `gaze`,
 * `register`, `reading`). A term may have a parent in the same tier (`kiss` under
 * `affection`) and synonyms (`kisses`, `snogs`, `a kiss`) that resolve to it.
 * Term ids are unique across the whole codebook, so a bare id names one term.
 */

export interface Tier {
  readonly id: string;
  readonly label: string;
  readonly description: string | null;
  /** Whether annotators may use terms not in the codebook (an open reading list). */
  readonly open: boolean;
}

export interface CodebookTerm {
  readonly id: string;
  readonly tier: string;
  readonly label: string;
  readonly parent: string | null;
  readonly synonyms: readonly string[];
  readonly description: string | null;
}

export interface Codebook {
  readonly id: string;
  readonly label: string;
  readonly tiers: readonly Tier[];
  readonly terms: readonly CodebookTerm[];
}

/** A reason a codebook is inconsistent, naming the term (and synonym) concerned. */
export interface CodebookProblem {
  readonly kind: 'duplicate-term' | 'unknown-parent' | 'cycle' | 'synonym-clash' | 'unknown-tier';
  readonly term: string;
  readonly synonym?: string;
  readonly message: string;
}

/** Case-, space- and punctuation-insensitive key for synonyms: `A Kiss!` -> `a kiss`. */
export function synonymKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Every inconsistency in a codebook, in term order: duplicate term ids, parents that
 * do not exist or sit in another tier, parent cycles, and synonyms claimed by two terms
 * (a term's own id counts as one of its synonyms).
 */
export function codebookProblems(codebook: Codebook): CodebookProblem[] {
  const problems: CodebookProblem[] = [];
  const tiers = new Set(codebook.tiers.map((t) => t.id));
  const byId = new Map<string, CodebookTerm>();
  for (const t of codebook.terms) {
    if (!tiers.has(t.tier)) {
      problems.push({ kind: 'unknown-tier', term: t.id, message: `unknown tier "${t.tier}"` });
    }
    if (byId.has(t.id)) {
      problems.push({
        kind: 'duplicate-term',
        term: t.id,
        message: `duplicate term id "${t.id}" (also in tier "${byId.get(t.id)!.tier}")`,
      });
    } else byId.set(t.id, t);
  }
  for (const t of codebook.terms) {
    if (t.parent === null) continue;
    const parent = byId.get(t.parent);
    if (parent === undefined) {
      problems.push({
        kind: 'unknown-parent',
        term: t.id,
        message: `unknown parent "${t.parent}"`,
      });
    } else if (parent.tier !== t.tier) {
      problems.push({
        kind: 'unknown-parent',
        term: t.id,
        message: `parent "${t.parent}" is in tier "${parent.tier}", not "${t.tier}"`,
      });
    }
  }
  for (const t of codebook.terms) {
    const cycle = parentCycle(t, byId);
    if (cycle !== null) {
      problems.push({ kind: 'cycle', term: t.id, message: `parent cycle: ${cycle.join(' -> ')}` });
    }
  }
  const owner = new Map<string, string>();
  for (const t of codebook.terms) {
    for (const s of [t.id, ...t.synonyms]) {
      const k = synonymKey(s);
      const before = owner.get(k);
      if (before !== undefined && before !== t.id) {
        problems.push({
          kind: 'synonym-clash',
          term: t.id,
          synonym: s,
          message: `synonym "${s}" of "${t.id}" is already claimed by "${before}"`,
        });
      } else owner.set(k, t.id);
    }
  }
  return problems;
}

/** The cycle through `start` (`a -> b -> a`) when following parents returns to it. */
function parentCycle(
  start: CodebookTerm,
  byId: ReadonlyMap<string, CodebookTerm>,
): string[] | null {
  const path = [start.id];
  let cur = start.parent;
  for (let steps = 0; cur !== null && steps <= byId.size; steps++) {
    path.push(cur);
    if (cur === start.id) return path;
    cur = byId.get(cur)?.parent ?? null;
  }
  return null;
}

/**
 * Lookups over a consistent codebook (see codebookProblems): terms by id, synonyms to
 * terms, children and whole subtrees.
 */
export class CodebookIndex {
  private readonly byId = new Map<string, CodebookTerm>();
  private readonly bySynonym = new Map<string, CodebookTerm>();
  private readonly children = new Map<string, CodebookTerm[]>();

  constructor(readonly codebook: Codebook) {
    for (const t of codebook.terms) {
      if (!this.byId.has(t.id)) this.byId.set(t.id, t);
      for (const s of [t.id, t.label, ...t.synonyms]) {
        const k = synonymKey(s);
        if (k !== '' && !this.bySynonym.has(k)) this.bySynonym.set(k, t);
      }
      if (t.parent !== null) {
        const list = this.children.get(t.parent) ?? [];
        list.push(t);
        this.children.set(t.parent, list);
      }
    }
  }

  /** The term with this id, or null. */
  term(id: string): CodebookTerm | null {
    return this.byId.get(id) ?? null;
  }

  /** The tier with this id, or null. */
  tier(id: string): Tier | null {
    return this.codebook.tiers.find((t) => t.id === id) ?? null;
  }

  /** The term an id, label or synonym names (`snogs`, `Kiss`, `a hug`), or null. */
  lookup(word: string): CodebookTerm | null {
    return this.bySynonym.get(synonymKey(word)) ?? null;
  }

  /** The terms directly under `id`. */
  childrenOf(id: string): readonly CodebookTerm[] {
    return this.children.get(id) ?? [];
  }

  /** `affection` -> affection, kiss, hug, ...: the term and everything under it, depth first. */
  expand(id: string): CodebookTerm[] {
    const root = this.byId.get(id);
    if (root === undefined) return [];
    const out: CodebookTerm[] = [];
    const seen = new Set<string>();
    const visit = (t: CodebookTerm): void => {
      if (seen.has(t.id)) return;
      seen.add(t.id);
      out.push(t);
      for (const c of this.childrenOf(t.id)) visit(c);
    };
    visit(root);
    return out;
  }

  /** The chain from a term up to its root: `kiss` -> [kiss, affection]. */
  ancestry(id: string): CodebookTerm[] {
    const out: CodebookTerm[] = [];
    let cur = this.byId.get(id);
    while (cur !== undefined && !out.includes(cur)) {
      out.push(cur);
      cur = cur.parent === null ? undefined : this.byId.get(cur.parent);
    }
    return out;
  }

  /** The terms of one tier, in codebook order. */
  termsOf(tier: string): CodebookTerm[] {
    return this.codebook.terms.filter((t) => t.tier === tier);
  }

  /** Whether `id` is `ancestor` or lies under it. */
  isUnder(id: string, ancestor: string): boolean {
    return this.ancestry(id).some((t) => t.id === ancestor);
  }
}

/**
 * A codebook extended by another: tiers and terms are added; a term the base already has
 * keeps its place and gains the extension's synonyms (label, description and parent are
 * replaced when the extension gives them).
 */
export function extendCodebook(
  base: Codebook,
  ext: {
    readonly id: string;
    readonly label: string;
    readonly tiers: readonly Tier[];
    readonly terms: readonly (Partial<CodebookTerm> & {
      readonly id: string;
      readonly tier: string;
    })[];
  },
): Codebook {
  const tiers = [...base.tiers];
  for (const t of ext.tiers) {
    const i = tiers.findIndex((b) => b.id === t.id);
    if (i === -1) tiers.push(t);
    else tiers[i] = t;
  }
  const terms = [...base.terms];
  for (const t of ext.terms) {
    const i = terms.findIndex((b) => b.id === t.id && b.tier === t.tier);
    const before = i === -1 ? undefined : terms[i];
    const merged: CodebookTerm = {
      id: t.id,
      tier: t.tier,
      label: t.label ?? before?.label ?? t.id,
      parent: t.parent !== undefined ? t.parent : (before?.parent ?? null),
      synonyms: [...(before?.synonyms ?? []), ...(t.synonyms ?? [])],
      description: t.description ?? before?.description ?? null,
    };
    if (i === -1) terms.push(merged);
    else terms[i] = merged;
  }
  return { id: ext.id, label: ext.label, tiers, terms };
}
