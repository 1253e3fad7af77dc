import { describe, expect, it } from 'vitest';
import { frameToMs, msToFrame } from './media.js';

describe('frame times', () => {
  const ntsc = { num: 24_000, den: 1001 };

  it('rounds frame start times to whole milliseconds', () => {
    expect(frameToMs(52, { num: 24, den: 1 })).toBe(2167);
    expect(frameToMs(1, ntsc)).toBe(42);
    expect(frameToMs(24_000, ntsc)).toBe(1_001_000);
  });

  it('finds the frame shown at a time, consistent with the rounded start times', () => {
    for (let f = 0; f < 3000; f += 7) {
      const start = frameToMs(f, ntsc);
      expect(msToFrame(start, ntsc)).toBe(f);
      expect(msToFrame(start - 1, ntsc)).toBe(Math.max(0, f - 1));
      expect(msToFrame(frameToMs(f + 1, ntsc) - 1, ntsc)).toBe(f);
    }
    expect(msToFrame(0, ntsc)).toBe(0);
  });
});
