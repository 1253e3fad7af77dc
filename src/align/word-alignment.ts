/**
 * Monotonic word-level alignment of two token streams, patience-diff style: words that
 * occur exactly once in both ranges anchor the alignment (longest increasing chain of
 * them), the ranges between anchors are aligned recursively, and small ranges by a
 * weighted longest-common-subsequence table. Linear-ish in practice: an episode's
 * ~5,000 x ~5,000 words become many gaps of a few hundred cells.
 */

/** Matched pairs: `matchOfB[j]` is the index in `a` matched to `b[j]`, or -1. */
export interface WordAlignment {
  readonly matchOfB: Int32Array;
  /** 1 for the same word, STEM_WEIGHT for the same stem, 0 when unmatched. */
  readonly weightOfB: Float32Array;
}

/** Score of two words with the same stem but different forms. */
export const STEM_WEIGHT = 0.7;
// A range up to this many cells is aligned by the full table.
const MAX_TABLE_CELLS = 40_000;
// A range without anchors is still tabled up to this size, then left unmatched: that much
// text with no word in common once on each side is not the same text.
const MAX_FALLBACK_CELLS = 400_000;

/** Align `a` and `b` (word ids) monotonically; `stems[id]` is each word's stem id. */
export function alignWords(a: Int32Array, b: Int32Array, stems: Int32Array): WordAlignment {
  const matchOfB = new Int32Array(b.length).fill(-1);
  const weightOfB = new Float32Array(b.length);
  const vocab = stems.length;
  const ctx: Context = {
    a,
    b,
    stems,
    matchOfB,
    weightOfB,
    countA: new Int32Array(vocab),
    countB: new Int32Array(vocab),
    posA: new Int32Array(vocab),
    posB: new Int32Array(vocab),
  };
  // An explicit stack: a long episode can nest gaps deeper than is safe to recurse.
  const stack: [number, number, number, number][] = [[0, a.length, 0, b.length]];
  while (stack.length > 0) {
    const [a0, a1, b0, b1] = stack.pop()!;
    if (a0 >= a1 || b0 >= b1) continue;
    const cells = (a1 - a0) * (b1 - b0);
    if (cells <= MAX_TABLE_CELLS) {
      table(ctx, a0, a1, b0, b1);
      continue;
    }
    const anchors = findAnchors(ctx, a0, a1, b0, b1);
    if (anchors.length === 0) {
      if (cells <= MAX_FALLBACK_CELLS) table(ctx, a0, a1, b0, b1);
      continue;
    }
    let pa = a0;
    let pb = b0;
    for (const [i, j] of anchors) {
      matchOfB[j] = i;
      weightOfB[j] = 1;
      stack.push([pa, i, pb, j]);
      pa = i + 1;
      pb = j + 1;
    }
    stack.push([pa, a1, pb, b1]);
  }
  return { matchOfB, weightOfB };
}

interface Context {
  readonly a: Int32Array;
  readonly b: Int32Array;
  readonly stems: Int32Array;
  readonly matchOfB: Int32Array;
  readonly weightOfB: Float32Array;
  readonly countA: Int32Array;
  readonly countB: Int32Array;
  readonly posA: Int32Array;
  readonly posB: Int32Array;
}

/**
 * Words once in `a[a0,a1)` and once in `b[b0,b1)`, kept when a neighbour agrees too (a lone
 * shared word is often a coincidence), as the longest chain increasing on both sides.
 */
function findAnchors(
  ctx: Context,
  a0: number,
  a1: number,
  b0: number,
  b1: number,
): [number, number][] {
  const { a, b, countA, countB, posA, posB } = ctx;
  for (let i = a0; i < a1; i++) {
    countA[a[i]!]!++;
    posA[a[i]!] = i;
  }
  for (let j = b0; j < b1; j++) {
    countB[b[j]!]!++;
    posB[b[j]!] = j;
  }
  const pairs: [number, number][] = [];
  for (let i = a0; i < a1; i++) {
    const w = a[i]!;
    if (countA[w] !== 1 || countB[w] !== 1) continue;
    const j = posB[w]!;
    const before = i > a0 && j > b0 && a[i - 1] === b[j - 1];
    const after = i + 1 < a1 && j + 1 < b1 && a[i + 1] === b[j + 1];
    if (before || after) pairs.push([i, j]);
  }
  for (let i = a0; i < a1; i++) countA[a[i]!] = 0;
  for (let j = b0; j < b1; j++) countB[b[j]!] = 0;
  return longestIncreasing(pairs);
}

/** Pairs sorted by their first index; the longest subsequence increasing in the second. */
export function longestIncreasing(pairs: readonly [number, number][]): [number, number][] {
  const tails: number[] = [];
  const prev = new Int32Array(pairs.length).fill(-1);
  pairs.forEach(([, j], k) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pairs[tails[mid]!]![1] < j) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[k] = tails[lo - 1]!;
    tails[lo] = k;
  });
  const out: [number, number][] = [];
  for (let k = tails.length > 0 ? tails[tails.length - 1]! : -1; k >= 0; k = prev[k]!) {
    out.push(pairs[k]!);
  }
  return out.reverse();
}

/** Weighted LCS of `a[a0,a1)` and `b[b0,b1)` by a full table, written into `ctx`. */
function table(ctx: Context, a0: number, a1: number, b0: number, b1: number): void {
  const { a, b, stems } = ctx;
  const n = a1 - a0;
  const m = b1 - b0;
  const w = m + 1;
  const score = new Float32Array((n + 1) * w);
  // 0: from the diagonal (a match), 1: skip a word of a, 2: skip a word of b.
  const move = new Uint8Array((n + 1) * w);
  for (let i = 1; i <= n; i++) {
    const ai = a[a0 + i - 1]!;
    const si = stems[ai]!;
    for (let j = 1; j <= m; j++) {
      const bj = b[b0 + j - 1]!;
      const gain = ai === bj ? 1 : si === stems[bj] ? STEM_WEIGHT : 0;
      const up = score[(i - 1) * w + j]!;
      const left = score[i * w + j - 1]!;
      let best = up >= left ? up : left;
      let mv = up >= left ? 1 : 2;
      if (gain > 0) {
        const diag = score[(i - 1) * w + j - 1]! + gain;
        if (diag > best) {
          best = diag;
          mv = 0;
        }
      }
      score[i * w + j] = best;
      move[i * w + j] = mv;
    }
  }
  let i = n;
  let j = m;
  while (i > 0 && j > 0) {
    const mv = move[i * w + j];
    if (mv === 0) {
      const ai = a[a0 + i - 1]!;
      const bj = b[b0 + j - 1]!;
      ctx.matchOfB[b0 + j - 1] = a0 + i - 1;
      ctx.weightOfB[b0 + j - 1] = ai === bj ? 1 : STEM_WEIGHT;
      i--;
      j--;
    } else if (mv === 1) i--;
    else j--;
  }
}
