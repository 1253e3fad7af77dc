import { describe, expect, it } from 'vitest';
import { CodebookIndex, type Codebook } from '../domain/codebook.js';
import { ReceiptsError } from '../domain/errors.js';
import { editDistance } from '../domain/edit-distance.js';
import { closestNames } from './moments-closest.js';
import { parseMomentTime, resolveReadings, shapePeople } from './moments-validate.js';

const codebook = (open: boolean): CodebookIndex => {
  const book: Codebook = {
    id: 'test',
    label: 'Test',
    tiers: [
      { id: 'action', label: 'Action', description: null, open: false },
      { id: 'reading', label: 'Reading', description: null, open },
    ],
    terms: [
      { id: 'kiss', tier: 'action', label: 'Kiss', parent: null, synonyms: [], description: null },
      {
        id: 'love',
        tier: 'reading',
        label: 'Love',
        parent: null,
        synonyms: ['romance'],
        description: null,
      },
    ],
  };
  return new CodebookIndex(book);
};

function thrown(fn: () => unknown): ReceiptsError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ReceiptsError) return e;
    throw e;
  }
  throw new Error('expected a ReceiptsError');
}

describe('resolveReadings', () => {
  it('turns synonyms into reading ids and keeps new readings only when the tier is open', () => {
    expect(resolveReadings(codebook(true), ['Romance', 'Slow Burn', 'love'])).toEqual([
      'love',
      'slow-burn',
    ]);
    const e = thrown(() => resolveReadings(codebook(false), ['romance', 'lust']));
    expect(e.code).toBe('MOMENT_INVALID');
    expect(e.place.path).toBe('readings');
    expect(e.message).toMatch(/no reading "lust".*closed/);
  });
});

describe('parseMomentTime', () => {
  it('reads timecodes, seconds and milliseconds', () => {
    expect(parseMomentTime('from', '41:12.3')).toBe(2_472_300);
    expect(parseMomentTime('from', '1:02:03.250')).toBe(3_723_250);
    expect(parseMomentTime('from', '2472.3')).toBe(2_472_300);
    expect(parseMomentTime('from', '2472300ms')).toBe(2_472_300);
    expect(parseMomentTime('from', 1234)).toBe(1234);
    expect(thrown(() => parseMomentTime('to', -5)).place.path).toBe('to');
    expect(thrown(() => parseMomentTime('to', '1:75')).message).toMatch(/not a time/);
  });
});

describe('shapePeople', () => {
  it('folds the initiator of a mutual act into its participants, once each', () => {
    expect(shapePeople('Jack', ['Ianto', 'Jack', 'Ianto'], true)).toEqual({
      initiator: null,
      recipients: ['Jack', 'Ianto'],
      mutual: true,
    });
    expect(shapePeople(null, ['Ianto', 'Ianto'], false)).toEqual({
      initiator: null,
      recipients: ['Ianto'],
      mutual: false,
    });
  });
});

describe('closestNames', () => {
  it('ranks near spellings and names that start with the word, ignoring case', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(closestNames('janto', ['Ianto Jones', 'IANTO', 'Jack', 'Gwen'])).toEqual([
      'IANTO',
      'Jack',
    ]);
    expect(closestNames('Ian', ['Ianto Jones', 'Rhys'])).toEqual(['Ianto Jones']);
    expect(closestNames('zzz', ['Ianto Jones'])).toEqual([]);
  });
});
