import type { Coverage } from '../domain/claim.js';
import type { AnnotationPass } from '../domain/moment.js';

/**
 * Episodes whose moments of `tier` can be relied on: reviewed completely by a person (for that
 * tier or for every tier), or, when suggestions count as evidence, read by the suggester — which
 * only covers episodes that have a transcript to read (`transcribed`).
 */
export function coveredByPasses(
  passes: readonly AnnotationPass[],
  tier: string | null,
  includeSuggested: boolean,
  transcribed: ReadonlySet<string>,
): Set<string> {
  const out = new Set<string>();
  for (const p of passes) {
    const tierOk = p.tier === '*' || (tier !== null && p.tier === tier);
    if (p.kind === 'reviewed' ? tierOk : includeSuggested && transcribed.has(p.episode)) {
      out.add(p.episode);
    }
  }
  return out;
}

/** How much of a range is covered, with the missing episodes in range order. */
export function coverageOf(
  totalEpisodes: number,
  inRange: readonly string[],
  covered: ReadonlySet<string>,
  basis: string,
): Coverage {
  const missing = inRange.filter((e) => !covered.has(e));
  return {
    episodes: totalEpisodes,
    inRange: inRange.length,
    covered: inRange.length - missing.length,
    missing,
    basis,
  };
}
