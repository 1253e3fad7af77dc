import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isReceiptsError } from '../domain/errors.js';
import { readSubtitlesSync } from '../formats/read-subtitles.js';
import { HAS_SHARED_DATA, sharedData } from '../../test/shared-data.js';
import {
  anchorMap,
  applyMap,
  fitRetime,
  invertMap,
  offsetMap,
  retimeCues,
  type LinearMap,
} from './retime.js';
import { makeCues, type CueSpec } from '../../test/make-episode.js';

const LINES = [
  'This blade has a dark past.',
  'It has shed much innocent blood.',
  "You're a fool for traveling alone, so completely unprepared.",
  "You're lucky your blood's still flowing.",
  'Thank you.',
  'So, what brings you to the land of the gatekeepers?',
  "I'm searching for someone.",
  'Someone very dear? A kindred spirit?',
  'A dragon.',
  'A dangerous quest for a lone hunter.',
  "I've been alone for as long as I can remember.",
  "We're almost done. Shhh...",
];

/** Cues of LINES every 4 s from 10 s, then mapped by `map`. */
function cuesUnder(map: LinearMap, texts: readonly string[] = LINES): ReturnType<typeof makeCues> {
  const specs: CueSpec[] = texts.map((t, k) => [t, 10_000 + k * 4000, 12_000 + k * 4000]);
  return retimeCues(makeCues(specs), map);
}

describe('linear time maps', () => {
  it('shifts by an offset and rounds to whole milliseconds', () => {
    expect(applyMap(offsetMap(-119_000), 137_250)).toBe(18_250);
    expect(applyMap({ scale: 23.976 / 25, offsetMs: 0.4 }, 1000)).toBe(959);
  });

  it('goes through two anchor pairs', () => {
    const m = anchorMap([10_000, 11_000], [110_000, 107_000]);
    expect(applyMap(m, 10_000)).toBe(11_000);
    expect(applyMap(m, 110_000)).toBe(107_000);
    expect(applyMap(m, 60_000)).toBe(59_000);
  });

  it('refuses anchors at one time or in reverse order', () => {
    const usage = (f: () => unknown): boolean => {
      try {
        f();
        return false;
      } catch (e) {
        return isReceiptsError(e) && e.code === 'USAGE';
      }
    };
    expect(usage(() => anchorMap([5, 1], [5, 2]))).toBe(true);
    expect(usage(() => anchorMap([5, 10], [6, 1]))).toBe(true);
  });

  it('inverts: mapping there and back returns every time within a millisecond', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.5, max: 2, noNaN: true }),
        fc.integer({ min: -3_600_000, max: 3_600_000 }),
        fc.integer({ min: 0, max: 10_800_000 }),
        (scale, offsetMs, t) => {
          const m = { scale, offsetMs };
          expect(Math.abs(applyMap(invertMap(m), applyMap(m, t)) - t)).toBeLessThanOrEqual(1);
        },
      ),
    );
  });

  it('never retimes a cue before zero', () => {
    const [c] = retimeCues(makeCues([['Hello there.', 1000, 2000]]), offsetMap(-1500));
    expect(c).toMatchObject({ startMs: 0, endMs: 500 });
  });
});

describe('fitRetime', () => {
  const source = cuesUnder(offsetMap(0));

  it('finds a constant offset', () => {
    const fit = fitRetime(source, cuesUnder(offsetMap(-7_300)));
    expect(fit).toMatchObject({
      kind: 'fit',
      map: { scale: 1, offsetMs: -7_300 },
      frameRate: null,
    });
  });

  it('recognises a PAL speed-up as the frame-rate ratio 23.976/25', () => {
    const fit = fitRetime(source, cuesUnder({ scale: 23.976 / 25, offsetMs: 2_000 }));
    expect(fit.kind).toBe('fit');
    if (fit.kind !== 'fit') return;
    expect(fit.frameRate).toEqual({ from: 23.976, to: 25 });
    expect(fit.map.scale).toBeCloseTo(23.976 / 25, 9);
    expect(Math.abs(fit.map.offsetMs - 2_000)).toBeLessThanOrEqual(1);
  });

  it('ignores paraphrased cues and wrongly timed ones', () => {
    const texts = [...LINES];
    texts[3] = 'Lucky you are still bleeding.';
    const target = cuesUnder(offsetMap(5_000), texts).map((c, k) =>
      k === 6 || k === 7 ? { ...c, startMs: c.startMs + 9_000 } : c,
    );
    const fit = fitRetime(source, target);
    expect(fit).toMatchObject({ kind: 'fit', map: { scale: 1, offsetMs: 5_000 } });
    expect(fit.kind === 'fit' && fit.inliers).toBe(LINES.length - 3);
  });

  it('says so when the two files share no cues', () => {
    const other = cuesUnder(offsetMap(0), ['Completely different.', 'Nothing alike here.']);
    expect(fitRetime(source, other)).toMatchObject({ kind: 'no-fit', pairs: 0 });
  });
});

describe.skipIf(!HAS_SHARED_DATA)('fitRetime on Sintel (../shared/data)', () => {
  it('finds the web clip about 119 s earlier than the full-film SRT', () => {
    const read = (...parts: string[]): ReturnType<typeof readSubtitlesSync>['cues'] => {
      const path = sharedData(...parts);
      return readSubtitlesSync(readFileSync(path), parts.join('/')).cues;
    };
    const srt = read('sintel-srt-meyer1994', 'sintel_en.srt');
    const vtt = read('mdn-shared-assets-clips', 'sintel-en.vtt');
    const fit = fitRetime(srt, vtt);
    expect(fit.kind).toBe('fit');
    if (fit.kind !== 'fit') return;
    // Measured: 12 cues pair, 9 within 400 ms of a shift of -119.000 s; no frame-rate change.
    expect(fit.map.scale).toBe(1);
    expect(fit.frameRate).toBeNull();
    expect(fit.map.offsetMs).toBeLessThan(-118_000);
    expect(fit.map.offsetMs).toBeGreaterThan(-120_000);
    expect(fit.pairs).toBeGreaterThanOrEqual(10);
    expect(fit.inliers).toBeGreaterThanOrEqual(8);
    // And back: the inverse map takes the clip's first line to the film's.
    const first = vtt.find((c) => c.text.startsWith('This blade'))!;
    const inFilm = srt.find((c) => c.text.startsWith('This blade'))!;
    expect(Math.abs(applyMap(invertMap(fit.map), first.startMs) - inFilm.startMs)).toBeLessThan(
      1000,
    );
  });
});
