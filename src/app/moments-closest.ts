import { nameKey } from '../domain/canon.js';
import { editDistance } from '../domain/edit-distance.js';

/**
 * The candidates closest to `word` by edit distance on their name keys (case and punctuation
 * ignored), best first, at most `n`, none farther than about half the word. A candidate that
 * starts with the word, or holds it as a whole word, counts as close.
 */
export function closestNames(word: string, candidates: Iterable<string>, n = 3): string[] {
  const key = nameKey(word);
  if (key === '') return [];
  const scored: { name: string; d: number }[] = [];
  const seen = new Set<string>();
  for (const c of candidates) {
    if (seen.has(c)) continue;
    seen.add(c);
    const k = nameKey(c);
    const contains = k.startsWith(key) || ` ${k} `.includes(` ${key} `);
    const d = contains ? 0.5 : editDistance(key, k);
    if (d <= Math.max(2, Math.ceil(key.length / 2))) scored.push({ name: c, d });
  }
  scored.sort((a, b) => a.d - b.d || a.name.localeCompare(b.name));
  return scored.slice(0, n).map((s) => s.name);
}

/** `; closest: A, B` or ``, for error messages. */
export function closestHint(word: string, candidates: Iterable<string>, what = 'closest'): string {
  const near = closestNames(word, candidates);
  return near.length === 0 ? '' : `; ${what}: ${near.join(', ')}`;
}
