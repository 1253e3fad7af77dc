import { describe, expect, it } from 'vitest';
import { parseRange } from './http-range.js';

describe('parseRange', () => {
  it('serves the whole file without a Range header or with another unit', () => {
    expect(parseRange(undefined, 1000)).toBeNull();
    expect(parseRange('items=0-5', 1000)).toBeNull();
  });

  it('reads closed, open and suffix byte ranges', () => {
    expect(parseRange('bytes=0-99', 1000)).toEqual({ start: 0, end: 99 });
    expect(parseRange('bytes=900-', 1000)).toEqual({ start: 900, end: 999 });
    expect(parseRange('bytes=-100', 1000)).toEqual({ start: 900, end: 999 });
    expect(parseRange('bytes=-5000', 1000)).toEqual({ start: 0, end: 999 });
  });

  it('clamps an end past the file to its last byte', () => {
    expect(parseRange('bytes=500-5000', 1000)).toEqual({ start: 500, end: 999 });
  });

  it('serves the first of several ranges', () => {
    expect(parseRange('bytes=0-9, 20-29', 1000)).toEqual({ start: 0, end: 9 });
  });

  it('refuses ranges it cannot satisfy', () => {
    for (const h of [
      'bytes=1000-',
      'bytes=5-4',
      'bytes=abc',
      'bytes=-',
      'bytes=-0',
      'bytes=1-2-3',
    ]) {
      expect(parseRange(h, 1000), h).toBe('unsatisfiable');
    }
    expect(parseRange('bytes=0-', 0)).toBe('unsatisfiable');
  });
});
