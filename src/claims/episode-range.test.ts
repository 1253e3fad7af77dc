import { describe, expect, it } from 'vitest';
import { episodesInRange } from './episode-range.js';

const ORDER = ['S01E01', 'S01E02', 'S01E03', 'tos-01', 'tos-02'];

describe('episodesInRange', () => {
  it('is every episode without a range', () => {
    expect(episodesInRange(ORDER, undefined)).toEqual(ORDER);
  });
  it('unions ids and inclusive ranges in canon order, case-insensitively', () => {
    expect(episodesInRange(ORDER, ['s01e03', 'S01E01-S01E02'])).toEqual([
      'S01E01',
      'S01E02',
      'S01E03',
    ]);
    expect(episodesInRange(ORDER, ['S01E03..S01E02'])).toEqual(['S01E02', 'S01E03']);
  });
  it('keeps ids that hold dashes whole, and splits ranges of them at the right dash', () => {
    expect(episodesInRange(ORDER, ['tos-02'])).toEqual(['tos-02']);
    expect(episodesInRange(ORDER, ['S01E03-tos-02'])).toEqual(['S01E03', 'tos-01', 'tos-02']);
  });
  it('names an unknown episode', () => {
    expect(() => episodesInRange(ORDER, ['S09E01'])).toThrow('no episode "S09E01" in this canon');
  });
});
