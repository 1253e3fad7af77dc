import { describe, expect, it } from 'vitest';
import {
  findFades,
  meanLuma,
  pickCuts,
  THUMB_BYTES,
  thumbDistance,
  transitionScores,
} from './shot-detect.js';

const CELLS = THUMB_BYTES / 3;

/** One thumbnail: planes Y, U, V, each cell given by a function of its index. */
function thumb(y: (k: number) => number, u = 128, v = 128): Uint8Array {
  const f = new Uint8Array(THUMB_BYTES);
  for (let k = 0; k < CELLS; k++) {
    f[k] = Math.max(0, Math.min(255, Math.round(y(k))));
    f[CELLS + k] = u;
    f[2 * CELLS + k] = v;
  }
  return f;
}

const join = (frames: readonly Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(frames.length * THUMB_BYTES);
  frames.forEach((f, i) => out.set(f, i * THUMB_BYTES));
  return out;
};

/** A deterministic pseudo-random source, so a "busy" shot is the same in every run. */
function noise(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

/** `count` frames of a shot: a base picture plus per-frame jitter of the given size. */
function shot(count: number, base: number, u: number, v: number, jitter: number, seed = 1) {
  const rnd = noise(seed);
  return Array.from({ length: count }, () =>
    thumb((k) => base + (k % 5) * 6 + (rnd() - 0.5) * 2 * jitter, u, v),
  );
}

const cutsOf = (frames: readonly Uint8Array[]) => pickCuts(transitionScores(join(frames)));

describe('thumbDistance', () => {
  it('is zero for equal frames and counts chroma twice', () => {
    const a = thumb(() => 100);
    const frames = join([a, a, thumb(() => 110), thumb(() => 100, 133, 128)]);
    expect(thumbDistance(frames, 0, 1)).toBe(0);
    expect(thumbDistance(frames, 0, 2)).toBe(10);
    expect(thumbDistance(frames, 0, 3)).toBe(10);
  });

  it('ignores a change confined to a small part of the picture', () => {
    const plain = thumb(() => 60);
    // At least 70 % of the cells must change for the frames to differ.
    const explosion = thumb((k) => (k < CELLS * 0.6 ? 250 : 60));
    expect(thumbDistance(join([plain, explosion]), 0, 1)).toBe(0);
    const newShot = thumb((k) => (k < CELLS * 0.75 ? 250 : 60));
    expect(thumbDistance(join([plain, newShot]), 0, 1)).toBe(190);
  });
});

describe('pickCuts', () => {
  it('finds the first frame of each new shot', () => {
    const frames = [
      ...shot(30, 40, 110, 140, 2, 1),
      ...shot(20, 160, 128, 100, 2, 2),
      ...shot(25, 90, 150, 128, 2, 3),
    ];
    expect(cutsOf(frames)).toEqual([30, 50]);
  });

  it('finds a cut out of a shot full of fast motion', () => {
    const frames = [...shot(40, 100, 128, 128, 30, 4), ...shot(30, 100, 90, 170, 2, 5)];
    expect(cutsOf(frames)).toEqual([40]);
  });

  it('makes no cut of motion, a flash or an explosion inside one shot', () => {
    const frames = shot(60, 80, 120, 130, 25, 6);
    const flash = (f: Uint8Array) => thumb((k) => f[k]! + 120, 120, 130);
    frames[20] = flash(frames[20]!);
    frames[21] = flash(frames[21]!);
    for (let i = 40; i < 48; i++) {
      frames[i] = thumb((k) => (k < CELLS / 2 ? 250 : frames[i]![k]!), 120, 130);
    }
    expect(cutsOf(frames)).toEqual([]);
  });

  it('keeps only the stronger of two cuts closer than the shortest shot', () => {
    const frames = [
      ...shot(30, 40, 128, 128, 1, 7),
      ...shot(2, 120, 128, 128, 1, 8), // two frames of something else, then a far bigger change
      ...shot(30, 230, 60, 200, 1, 9),
    ];
    expect(cutsOf(frames)).toEqual([32]);
  });

  it('needs a minimum score, so a still picture with sensor noise has no cuts', () => {
    expect(cutsOf(shot(100, 50, 128, 128, 3, 10))).toEqual([]);
  });
});

describe('findFades', () => {
  const level = (y: number) => thumb(() => y);

  it('finds a fade to black and a fade up from black', () => {
    const frames = [
      ...Array.from({ length: 10 }, () => level(150)),
      ...Array.from({ length: 12 }, (_, i) => level(150 - (i + 1) * 12)), // 138 .. 6
      ...Array.from({ length: 8 }, () => level(4)),
      ...Array.from({ length: 10 }, (_, i) => level(4 + (i + 1) * 15)), // 19 .. 154
      ...Array.from({ length: 5 }, () => level(154)),
    ];
    const fades = findFades(meanLuma(join(frames)));
    expect(fades).toEqual([
      { kind: 'out', startFrame: 10, endFrame: 20 },
      { kind: 'in', startFrame: 30, endFrame: 39 },
    ]);
    // A fade is not a cut.
    expect(cutsOf(frames)).toEqual([]);
  });

  it('does not call a hard cut to black a fade', () => {
    const frames = [
      ...Array.from({ length: 10 }, () => level(150)),
      ...Array.from({ length: 10 }, () => level(10)),
    ];
    expect(findFades(meanLuma(join(frames)))).toEqual([]);
    expect(cutsOf(frames)).toEqual([10]);
  });
});
