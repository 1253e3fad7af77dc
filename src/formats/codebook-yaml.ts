import { z } from 'zod';
import {
  codebookProblems,
  extendCodebook,
  type Codebook,
  type CodebookProblem,
  type CodebookTerm,
  type Tier,
} from '../domain/codebook.js';
import { ReceiptsError } from '../domain/errors.js';
import { formatPath } from './canon-manifest.js';
import { parseLocatedYaml } from './yaml-document.js';

/**
 * A codebook as YAML. Tiers and terms are maps keyed by id; a term names its parent:
 *
 * ```yaml
 * id: interaction
 * label: Interactions
 * extends: default        # optional: add to the default codebook instead of replacing it
 * tiers:
 *   action:
 *     label: Physical action
 *     terms:
 *       affection: { label: Affection }
 *       kiss: { parent: affection, synonyms: [kisses, a kiss, snogs] }
 * ```
 */

const ID = /^[a-z0-9][a-z0-9-]*$/;
const id = z.string().regex(ID, 'must be an id (lower-case letters, digits, -)');
const text = z.string().trim().min(1, 'must not be empty');

const stringList = z.preprocess(
  (v) => (v === null ? [] : typeof v === 'string' ? [v] : v),
  z.array(text),
);

const termSchema = z.preprocess(
  (v) => (v === null ? {} : v),
  z.strictObject({
    label: text.optional(),
    parent: id.nullable().optional(),
    synonyms: stringList.optional(),
    description: text.optional(),
  }),
);

const tierSchema = z.preprocess(
  (v) => (v === null ? {} : v),
  z.strictObject({
    label: text.optional(),
    description: text.optional(),
    open: z.boolean().optional(),
    terms: z.preprocess((v) => (v === null ? {} : v), z.record(id, termSchema)).default({}),
  }),
);

const codebookSchema = z.strictObject({
  id,
  label: text.optional(),
  extends: z.literal('default', { error: 'only `default` can be extended' }).optional(),
  tiers: z.record(id, tierSchema).default({}),
});

/** The name a codebook file gives its base: only the shipped default exists so far. */
export type CodebookBase = 'default';

export interface ParseCodebookOptions {
  /** The codebook `extends: default` adds to (the parsed codebooks/interaction.yaml). */
  readonly base?: Codebook;
}

/**
 * Parse and validate a codebook YAML. Errors are ReceiptsError CODEBOOK_INVALID naming the
 * file, the YAML line and the path (`tiers.action.terms.kiss.parent`): bad YAML or shape,
 * a term id used twice, an unknown parent, a parent cycle, a synonym claimed by two terms,
 * or `extends: default` without a base to extend.
 */
export function parseCodebook(
  source: string,
  file: string,
  options: ParseCodebookOptions = {},
): Codebook {
  const { doc, lineOf } = parseLocatedYaml(source, file, 'CODEBOOK_INVALID');
  const fail = (message: string, path: readonly PropertyKey[]): never => {
    const line = lineOf(path);
    throw new ReceiptsError('CODEBOOK_INVALID', message, {
      file,
      path: formatPath(path),
      ...(line === undefined ? {} : { line }),
    });
  };

  const result = codebookSchema.safeParse(doc.toJS());
  if (!result.success) {
    const issue = result.error.issues[0]!;
    return fail(issue.message, issue.path);
  }
  const data = result.data;
  const tiers: Tier[] = [];
  const terms: (Partial<CodebookTerm> & { id: string; tier: string })[] = [];
  const where = new Map<string, (string | number)[]>();
  const ownSynonyms = new Map<string, readonly string[]>();
  for (const [tierId, tier] of Object.entries(data.tiers)) {
    tiers.push({
      id: tierId,
      label: tier.label ?? tierId,
      description: tier.description ?? null,
      open: tier.open ?? false,
    });
    for (const [termId, term] of Object.entries(tier.terms)) {
      const at = ['tiers', tierId, 'terms', termId];
      const before = terms.find((t) => t.id === termId);
      if (before !== undefined) {
        fail(`duplicate term id "${termId}" (also in tier "${before.tier}")`, at);
      }
      where.set(termId, at);
      ownSynonyms.set(termId, term.synonyms ?? []);
      terms.push({
        id: termId,
        tier: tierId,
        ...(term.label === undefined ? {} : { label: term.label }),
        ...(term.parent === undefined ? {} : { parent: term.parent }),
        ...(term.synonyms === undefined ? {} : { synonyms: term.synonyms }),
        ...(term.description === undefined ? {} : { description: term.description }),
      });
    }
  }

  let base: Codebook = { id: data.id, label: data.label ?? data.id, tiers: [], terms: [] };
  if (data.extends !== undefined) {
    if (options.base === undefined)
      fail('`extends: default` needs the default codebook', ['extends']);
    base = options.base!;
    for (const t of terms) {
      const other = base.terms.find((b) => b.id === t.id && b.tier !== t.tier);
      if (other !== undefined) {
        fail(
          `duplicate term id "${t.id}" (the default has it in tier "${other.tier}")`,
          where.get(t.id)!,
        );
      }
    }
  }
  const codebook = extendCodebook(base, {
    id: data.id,
    label: data.label ?? base.label,
    tiers,
    terms,
  });
  const problem = codebookProblems(codebook)[0];
  if (problem !== undefined) fail(problem.message, problemPath(problem, where, ownSynonyms));
  return codebook;
}

/** The YAML path of a problem in this file, down to the parent or synonym concerned. */
function problemPath(
  p: CodebookProblem,
  where: ReadonlyMap<string, (string | number)[]>,
  ownSynonyms: ReadonlyMap<string, readonly string[]>,
): (string | number)[] {
  const at = where.get(p.term);
  if (at === undefined) return ['tiers'];
  if (p.kind === 'unknown-parent' || p.kind === 'cycle') return [...at, 'parent'];
  if (p.kind === 'synonym-clash' && p.synonym !== undefined) {
    const i = ownSynonyms.get(p.term)?.indexOf(p.synonym) ?? -1;
    if (i >= 0) return [...at, 'synonyms', i];
  }
  return at;
}
