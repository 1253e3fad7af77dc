import { ReceiptsError } from '../domain/errors.js';

/**
 * The episode ids a claim ranges over, in canon order: every id for no range, else the union
 * of single ids and inclusive `A-B` (or `A..B`) ranges. Ids match case-insensitively; an id
 * the canon lacks is a CLAIM_INVALID naming the closest one.
 */
export function episodesInRange(
  ordered: readonly string[],
  ranges: readonly string[] | undefined,
  path = 'pattern.episodes',
): string[] {
  if (ranges === undefined || ranges.length === 0) return [...ordered];
  const index = new Map(ordered.map((id, i) => [id.toLowerCase(), i]));
  const find = (id: string): number => {
    const i = index.get(id.trim().toLowerCase());
    if (i === undefined) {
      throw new ReceiptsError('CLAIM_INVALID', `no episode "${id.trim()}" in this canon`, {
        path,
      });
    }
    return i;
  };
  const keep = new Set<number>();
  for (const r of ranges) {
    const whole = index.get(r.trim().toLowerCase());
    if (whole !== undefined) {
      keep.add(whole);
      continue;
    }
    const ends = splitRange(r, (id) => index.has(id.trim().toLowerCase()));
    if (ends === null) {
      keep.add(find(r));
      continue;
    }
    let [from, to] = [find(ends[0]), find(ends[1])];
    if (from > to) [from, to] = [to, from];
    for (let i = from; i <= to; i++) keep.add(i);
  }
  return ordered.filter((_, i) => keep.has(i));
}

/** `A..B`, or `A-B` split at the dash that leaves a known id on both sides (ids may hold dashes). */
function splitRange(r: string, known: (id: string) => boolean): [string, string] | null {
  const dots = r.indexOf('..');
  if (dots !== -1) return [r.slice(0, dots), r.slice(dots + 2)];
  for (let i = r.indexOf('-'); i !== -1; i = r.indexOf('-', i + 1)) {
    const a = r.slice(0, i);
    const b = r.slice(i + 1);
    if (known(a) && known(b)) return [a, b];
  }
  return null;
}
