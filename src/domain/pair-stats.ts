import type { Moment } from './moment.js';

/** How often one person did something to another (or two did it together). */
export interface PairCount {
  /** The episode, when counting per episode; null for the whole canon. */
  readonly episode: string | null;
  /** The term counted: the term itself, or the subtree root it was counted under. */
  readonly term: string;
  /** Who did it; null when unknown. For a mutual pair: the first name in sort order. */
  readonly initiator: string | null;
  readonly recipient: string;
  /** A joint act: counted once per unordered pair of participants. */
  readonly mutual: boolean;
  readonly count: number;
}

export interface PairStats {
  readonly pairs: readonly PairCount[];
  /** Moments counted. */
  readonly moments: number;
  /** Moments with nobody on the receiving end (`Jack looks away`): not in any pair. */
  readonly withoutPair: number;
}

export interface PairCountOptions {
  readonly perEpisode: boolean;
  /** The label a term is counted under (`kiss` -> `affection` when counting a subtree). */
  readonly termOf: (term: string) => string;
}

type Countable = Pick<Moment, 'episode' | 'term' | 'initiator' | 'recipients' | 'mutual'>;

/**
 * Initiator -> recipient counts. A moment with several recipients counts once for each; a
 * mutual moment once for each unordered pair of its participants. Episodes keep the order
 * the moments come in (canon order from the store); within one, pairs by count, then names.
 */
export function countPairs(moments: readonly Countable[], options: PairCountOptions): PairStats {
  const counts = new Map<string, { row: Omit<PairCount, 'count'>; count: number }>();
  const episodeOrder = new Map<string | null, number>();
  let withoutPair = 0;
  for (const m of moments) {
    const episode = options.perEpisode ? m.episode : null;
    if (!episodeOrder.has(episode)) episodeOrder.set(episode, episodeOrder.size);
    const term = options.termOf(m.term);
    const pairs = pairsOf(m);
    if (pairs.length === 0) withoutPair++;
    for (const [initiator, recipient] of pairs) {
      const key = JSON.stringify([episode, term, initiator, recipient, m.mutual]);
      const hit = counts.get(key);
      if (hit) hit.count++;
      else {
        counts.set(key, {
          row: { episode, term, initiator, recipient, mutual: m.mutual },
          count: 1,
        });
      }
    }
  }
  const pairs = [...counts.values()]
    .map(({ row, count }) => ({ ...row, count }))
    .sort(
      (a, b) =>
        episodeOrder.get(a.episode)! - episodeOrder.get(b.episode)! ||
        b.count - a.count ||
        a.term.localeCompare(b.term) ||
        (a.initiator ?? '').localeCompare(b.initiator ?? '') ||
        a.recipient.localeCompare(b.recipient) ||
        Number(a.mutual) - Number(b.mutual),
    );
  return { pairs, moments: moments.length, withoutPair };
}

/** The (initiator, recipient) pairs one moment contributes. */
function pairsOf(m: Countable): [string | null, string][] {
  if (!m.mutual) {
    return [...new Set(m.recipients)].filter((r) => r !== m.initiator).map((r) => [m.initiator, r]);
  }
  const all = [...new Set([...(m.initiator === null ? [] : [m.initiator]), ...m.recipients])].sort(
    (a, b) => a.localeCompare(b),
  );
  const out: [string, string][] = [];
  for (let i = 0; i < all.length; i++) {
    for (let j = i + 1; j < all.length; j++) out.push([all[i]!, all[j]!]);
  }
  return out;
}
