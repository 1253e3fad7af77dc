import { describe, expect, it } from 'vitest';
import { frameToMs, type ShotCut } from '../domain/media.js';
import { snapToCuts } from './snap-to-cuts.js';

const rate = { num: 24, den: 1 };
const cut = (frame: number): ShotCut => ({ frame, ms: frameToMs(frame, rate) });
const cuts = [cut(52), cut(122), cut(158)];

describe('snapToCuts', () => {
  it('drops the tail of the previous shot at the start of a clip', () => {
    // 2.0 s is frame 48: frames 48-51 belong to the shot before the cut at 52.
    const r = snapToCuts({ startMs: 2000, endMs: 4000 }, cuts, rate);
    expect(r).toEqual({
      startMs: 2167,
      endMs: 4000,
      startFrame: 52,
      endFrame: 96,
      trimmedStart: 4,
      trimmedEnd: 0,
    });
  });

  it('ends a clip before the first frame of the next shot', () => {
    const r = snapToCuts({ startMs: 3000, endMs: 5200 }, cuts, rate);
    expect([r.startFrame, r.endFrame, r.endMs, r.trimmedEnd]).toEqual([72, 122, 5083, 3]);
  });

  it('trims both edges of a clip that spans a whole short shot', () => {
    const r = snapToCuts({ startMs: 5000, endMs: 6700 }, cuts, rate);
    expect([r.startFrame, r.endFrame]).toEqual([122, 158]);
    expect([r.trimmedStart, r.trimmedEnd]).toEqual([2, 3]);
  });

  it('keeps a cut far inside the clip, and leaves a clip inside one shot alone', () => {
    const spanning = snapToCuts({ startMs: 3000, endMs: 8000 }, cuts, rate, 500);
    expect([spanning.startMs, spanning.endMs]).toEqual([3000, 8000]);
    expect(snapToCuts({ startMs: 2500, endMs: 4500 }, cuts, rate)).toMatchObject({
      startMs: 2500,
      endMs: 4500,
      trimmedStart: 0,
      trimmedEnd: 0,
    });
  });

  it('keeps the longer side when one cut is near both edges of a short clip', () => {
    // Frames 118-129: 4 before the cut at 122, 8 after it.
    const r = snapToCuts(
      { startMs: frameToMs(118, rate), endMs: frameToMs(130, rate) },
      cuts,
      rate,
    );
    expect([r.startFrame, r.endFrame]).toEqual([122, 130]);
  });

  it('never includes a frame of a neighbouring shot for any clip near cuts', () => {
    for (let start = 0; start < 200; start += 7) {
      for (let len = 30; len < 60; len += 11) {
        const r = snapToCuts(
          { startMs: frameToMs(start, rate), endMs: frameToMs(start + len, rate) },
          cuts,
          rate,
          500,
        );
        expect(r.endFrame).toBeGreaterThan(r.startFrame);
        for (const c of cuts) {
          // A cut inside the clip is either far from both edges or is the clip's first frame.
          if (c.frame > r.startFrame && c.frame < r.endFrame) {
            expect(frameToMs(c.frame - r.startFrame, rate)).toBeGreaterThan(500);
            expect(frameToMs(r.endFrame - c.frame, rate)).toBeGreaterThan(500);
          }
        }
      }
    }
  });
});
