import type { Cue } from '../domain/cue.js';
import { ReceiptsError } from '../domain/errors.js';
import type { Ms } from '../domain/time.js';
import { matchCuePairs, type TimePair } from './match-cue-pairs.js';

/** A linear time map `t' = round(scale * t + offsetMs)`. */
export interface LinearMap {
  readonly scale: number;
  readonly offsetMs: number;
}

/** The map that shifts every time by `offsetMs` (negative: earlier). */
export function offsetMap(offsetMs: number): LinearMap {
  return { scale: 1, offsetMs };
}

/**
 * The map through two anchor pairs `[from, to]`: the time `from` in the file to retime is
 * the time `to` in the media. Throws USAGE when both anchors have the same `from`.
 */
export function anchorMap(first: readonly [Ms, Ms], second: readonly [Ms, Ms]): LinearMap {
  const [f1, t1] = first;
  const [f2, t2] = second;
  if (f1 === f2) {
    throw new ReceiptsError('USAGE', 'the two anchors must be at different times in the file');
  }
  const scale = (t2 - t1) / (f2 - f1);
  if (!(scale > 0)) {
    throw new ReceiptsError('USAGE', 'the anchors reverse time: the second must follow the first');
  }
  return { scale, offsetMs: t1 - scale * f1 };
}

/** `round(scale * t + offsetMs)`. */
export function applyMap(map: LinearMap, t: Ms): Ms {
  return Math.round(map.scale * t + map.offsetMs);
}

/** The map back: `applyMap(invertMap(m), applyMap(m, t))` is `t` within a millisecond. */
export function invertMap(map: LinearMap): LinearMap {
  return { scale: 1 / map.scale, offsetMs: -map.offsetMs / map.scale };
}

/** The cues with start and end mapped; negative times become 0. */
export function retimeCues(cues: readonly Cue[], map: LinearMap): Cue[] {
  return cues.map((c) => ({
    ...c,
    startMs: Math.max(0, applyMap(map, c.startMs)),
    endMs: Math.max(0, applyMap(map, c.endMs)),
  }));
}

/** Frame-rate ratios that subtitle files are commonly off by (film, PAL, NTSC). */
const FRAME_RATES: readonly (readonly [number, number])[] = [
  [23.976, 25],
  [25, 23.976],
  [24, 25],
  [25, 24],
  [23.976, 24],
  [24, 23.976],
  [29.97, 25],
  [25, 29.97],
  [29.97, 30],
  [30, 29.97],
];

/** A time map found by matching the cues of two subtitle files. */
export interface RetimeFit {
  readonly kind: 'fit';
  readonly map: LinearMap;
  /** `scale` as a frame-rate change `from / to` when it is one (else null). */
  readonly frameRate: { readonly from: number; readonly to: number } | null;
  /** Cue pairs matched by their words, and how many of them the map fits. */
  readonly pairs: number;
  readonly inliers: number;
  /** Median distance between mapped and target start times over the inliers. */
  readonly medianErrorMs: Ms;
}

export interface NoRetimeFit {
  readonly kind: 'no-fit';
  readonly message: string;
  readonly pairs: number;
}

export interface FitRetimeOptions {
  /** A pair is fitted when its mapped start is this close to the target (default 400 ms). */
  readonly toleranceMs?: Ms;
}

/**
 * Find the map that takes the times of `source` to those of `target`, two subtitle files
 * of the same content (different releases, a re-sync). Cues are paired by their words
 * (`matchCuePairs`); candidate scales are 1, the common frame-rate ratios and a
 * Theil-Sen estimate; for each, the offset is the median over the pairs, and the
 * candidate fitting most pairs within the tolerance wins (ties: 1, then frame rates).
 * Robust to paraphrase, missing cues and up to about half wrong pairs.
 */
export function fitRetime(
  source: readonly Cue[],
  target: readonly Cue[],
  options: FitRetimeOptions = {},
): RetimeFit | NoRetimeFit {
  const tolerance = options.toleranceMs ?? 400;
  const pairs = matchCuePairs(source, target);
  if (pairs.length < 3) {
    return {
      kind: 'no-fit',
      message: `only ${pairs.length} cues could be paired by their words; at least 3 are needed`,
      pairs: pairs.length,
    };
  }
  const candidates: { scale: number; frameRate: RetimeFit['frameRate'] }[] = [
    { scale: 1, frameRate: null },
    ...FRAME_RATES.map(([from, to]) => ({ scale: from / to, frameRate: { from, to } })),
    { scale: theilSen(pairs), frameRate: null },
  ];
  let best: (RetimeFit & { score: number }) | null = null;
  for (const c of candidates) {
    const fit = fitScale(pairs, c.scale, tolerance);
    // The free estimate must fit clearly more pairs to beat a round ratio.
    const score = fit.inliers - (c === candidates[candidates.length - 1] ? 0.5 : 0);
    if (best === null || score > best.score) {
      best = { kind: 'fit', ...fit, frameRate: c.frameRate, pairs: pairs.length, score };
    }
  }
  const { score: _score, ...result } = best!;
  if (result.inliers < Math.max(3, pairs.length * 0.3)) {
    return {
      kind: 'no-fit',
      message: `no linear map fits more than ${result.inliers} of ${pairs.length} paired cues`,
      pairs: pairs.length,
    };
  }
  return result;
}

function fitScale(
  pairs: readonly TimePair[],
  scale: number,
  tolerance: Ms,
): { map: LinearMap; inliers: number; medianErrorMs: Ms } {
  let offset = median(pairs.map((p) => p.target - scale * p.source));
  // Re-centre on the pairs that fit, so a cluster of wrong pairs cannot drag the offset.
  for (let round = 0; round < 2; round++) {
    const fitting = pairs.filter(
      (p) => Math.abs(p.target - scale * p.source - offset) <= tolerance,
    );
    if (fitting.length === 0) break;
    offset = median(fitting.map((p) => p.target - scale * p.source));
  }
  const errors = pairs
    .map((p) => Math.abs(p.target - scale * p.source - offset))
    .filter((e) => e <= tolerance);
  return {
    map: { scale, offsetMs: Math.round(offset) },
    inliers: errors.length,
    medianErrorMs: errors.length === 0 ? tolerance : Math.round(median(errors)),
  };
}

/** Median of the slopes between pairs (a subsample of them for long files). */
function theilSen(pairs: readonly TimePair[]): number {
  const slopes: number[] = [];
  const step = Math.max(1, Math.floor(pairs.length / 60));
  for (let i = 0; i < pairs.length; i += step) {
    for (let j = i + step; j < pairs.length; j += step) {
      const a = pairs[i]!;
      const b = pairs[j]!;
      if (b.source !== a.source) slopes.push((b.target - a.target) / (b.source - a.source));
    }
  }
  const s = slopes.length === 0 ? 1 : median(slopes);
  return s > 0 ? s : 1;
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
