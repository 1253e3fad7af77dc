/**
 * Hard cuts and fades from tiny thumbnails, pure: ffmpeg scales every frame to THUMB_COLS x
 * THUMB_ROWS cells in planar YUV 4:4:4 (area averaging), and this file decides.
 *
 * Chosen by measurement on a hand-checked 70 s action clip (BENCHMARKS.md, "Shot cuts"):
 * - A frame pair differs by the 30th percentile of its per-cell colour differences, so a
 *   change must cover most of the picture: an explosion or a flash in part of the frame, or
 *   an object crossing it, does not count; a new shot changes nearly every cell.
 * - A transition at frame t scores the smallest difference between any of the REACH frames
 *   before it and any of the REACH frames from it: a muzzle flash or a flash frame lasting
 *   less than REACH frames has an unchanged frame on each side and scores low.
 * - The score must stand out from the median of its neighbours (fast camera moves raise
 *   every score around them) and exceed an absolute floor, and be the highest within the
 *   shortest shot allowed.
 */

export const THUMB_COLS = 8;
export const THUMB_ROWS = 4;
const CELLS = THUMB_COLS * THUMB_ROWS;
/** Bytes per frame of the thumbnail stream (three planes). */
export const THUMB_BYTES = CELLS * 3;

export interface CutOptions {
  /** Frames before and after a transition compared with each other. */
  readonly reach: number;
  /** Neighbour scores on each side whose median a cut must stand out from. */
  readonly window: number;
  /** How many times the neighbours' median (plus `floor`) a cut's score must be. */
  readonly ratio: number;
  /** Added to the median so that still scenes with tiny changes do not make cuts. */
  readonly floor: number;
  /** The smallest score a cut may have (sum of |dY| + 2|dU| + 2|dV| of a cell). */
  readonly minScore: number;
  /** No two cuts closer than this many frames; the stronger one wins. */
  readonly minShotFrames: number;
}

export const DEFAULT_CUT_OPTIONS: CutOptions = {
  reach: 3,
  window: 6,
  ratio: 2.1,
  floor: 3,
  minScore: 12,
  minShotFrames: 5,
};

const QUANTILE_INDEX = Math.floor(0.3 * CELLS);

/** Difference of frames `a` and `b`: the 30th percentile of their per-cell differences. */
export function thumbDistance(frames: Uint8Array, a: number, b: number): number {
  const cells = new Float64Array(CELLS);
  const pa = a * THUMB_BYTES;
  const pb = b * THUMB_BYTES;
  for (let k = 0; k < CELLS; k++) {
    const y = Math.abs(frames[pa + k]! - frames[pb + k]!);
    const u = Math.abs(frames[pa + CELLS + k]! - frames[pb + CELLS + k]!);
    const v = Math.abs(frames[pa + 2 * CELLS + k]! - frames[pb + 2 * CELLS + k]!);
    // Chroma counts double: it changes little with light and motion blur, much across shots.
    cells[k] = y + 2 * u + 2 * v;
  }
  cells.sort();
  return cells[QUANTILE_INDEX]!;
}

/** Score of the transition into each frame (index 0 scores 0). */
export function transitionScores(
  frames: Uint8Array,
  reach = DEFAULT_CUT_OPTIONS.reach,
): Float64Array {
  const count = Math.floor(frames.length / THUMB_BYTES);
  const scores = new Float64Array(count);
  for (let t = 1; t < count; t++) {
    let best = Infinity;
    for (let a = Math.max(0, t - reach); a < t; a++) {
      for (let b = t; b < Math.min(count, t + reach); b++) {
        best = Math.min(best, thumbDistance(frames, a, b));
      }
    }
    scores[t] = best;
  }
  return scores;
}

/** Frames that start a new shot, ascending. */
export function pickCuts(
  scores: Float64Array,
  options: CutOptions = DEFAULT_CUT_OPTIONS,
): number[] {
  const n = scores.length;
  const cuts: number[] = [];
  const near = options.minShotFrames - 1;
  for (let t = 1; t < n; t++) {
    const s = scores[t]!;
    if (s < options.minScore) continue;
    const around: number[] = [];
    for (let j = Math.max(1, t - options.window); j <= Math.min(n - 1, t + options.window); j++) {
      if (j !== t) around.push(scores[j]!);
    }
    if (s < options.ratio * (median(around) + options.floor)) continue;
    let strongest = true;
    for (let j = Math.max(1, t - near); j <= Math.min(n - 1, t + near) && strongest; j++) {
      const o = scores[j]!;
      // Ties go to the earlier frame.
      if (o > s || (o === s && j < t)) strongest = false;
    }
    if (strongest) cuts.push(t);
  }
  return cuts;
}

export interface FadeOptions {
  /** Mean luma (0-255) at or below which a frame counts as black. */
  readonly black: number;
  /** Fewest frames of steady dimming or brightening that make a fade, not a cut. */
  readonly minFrames: number;
  /** Least luma the ramp must cover. */
  readonly minDrop: number;
}

export const DEFAULT_FADE_OPTIONS: FadeOptions = { black: 24, minFrames: 6, minDrop: 30 };

export interface FadeFrames {
  readonly kind: 'in' | 'out';
  readonly startFrame: number;
  readonly endFrame: number;
}

/** Mean luma of each frame. */
export function meanLuma(frames: Uint8Array): Float64Array {
  const count = Math.floor(frames.length / THUMB_BYTES);
  const out = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    let sum = 0;
    for (let k = 0; k < CELLS; k++) sum += frames[i * THUMB_BYTES + k]!;
    out[i] = sum / CELLS;
  }
  return out;
}

// A ramp frame must dim (or brighten) by at least this much over the frame before.
const STEP = 0.1;

/**
 * Fades to black (`out`: from the first dimmed frame to the first black one) and up from
 * black (`in`: from the last black frame to the last brightened one).
 */
export function findFades(
  luma: Float64Array,
  options: FadeOptions = DEFAULT_FADE_OPTIONS,
): FadeFrames[] {
  const fades: FadeFrames[] = [];
  const dark = (i: number) => luma[i]! <= options.black;
  for (let i = 1; i < luma.length; i++) {
    if (dark(i) && !dark(i - 1)) {
      let s = i;
      while (s > 0 && luma[s - 1]! - luma[s]! > STEP) s--;
      if (i - s >= options.minFrames && luma[s]! - luma[i]! >= options.minDrop) {
        fades.push({ kind: 'out', startFrame: s + 1, endFrame: i });
      }
    }
    if (dark(i - 1) && !dark(i)) {
      let e = i - 1;
      while (e + 1 < luma.length && luma[e + 1]! - luma[e]! > STEP) e++;
      if (e - (i - 1) >= options.minFrames && luma[e]! - luma[i - 1]! >= options.minDrop) {
        fades.push({ kind: 'in', startFrame: i - 1, endFrame: e });
      }
    }
  }
  return fades;
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  values.sort((a, b) => a - b);
  return values[Math.floor(values.length / 2)]!;
}
