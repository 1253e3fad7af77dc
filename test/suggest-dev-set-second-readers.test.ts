import { describe, expect, it } from 'vitest';
import { readDevSet, expectSoundEvents, devKey } from './suggest-dev-sets.js';

// Second readers' labels (BENCHMARKS.md, "Two readers of the same directions"): the
// directions of the dev sets below labelled again by someone who did not see the first labels, to
// measure how far two careful readers agree. Same directions in the same order as the set
// they read again; sound events; the counts the benchmark reports.

const SETS: { name: string; events: Record<string, number>; withActs: number }[] = [
  {
    name: 'doctorwho-4',
    events: {
      kiss: 11,
      hug: 11,
      'hold-hands': 2,
      handshake: 8,
      slap: 6,
      punch: 8,
      shove: 10,
      grab: 18,
    },
    withActs: 64,
  },
  {
    name: 'startrek-4',
    events: {
      kiss: 17,
      hug: 11,
      'touch-face': 1,
      'hold-hands': 5,
      handshake: 8,
      slap: 4,
      punch: 18,
      shove: 11,
      grab: 21,
    },
    withActs: 80,
  },
  {
    name: 'doctorwho-10',
    events: {
      kiss: 11,
      hug: 8,
      'touch-face': 1,
      slap: 2,
      punch: 9,
      shove: 6,
      grab: 16,
    },
    withActs: 49,
  },
  {
    name: 'doctorwho-11',
    events: { kiss: 11, hug: 4, 'hold-hands': 4, slap: 5, punch: 2, shove: 11, grab: 19 },
    withActs: 46,
  },
  {
    name: 'startrek-11',
    events: {
      kiss: 14,
      hug: 10,
      'touch-face': 1,
      'hold-hands': 4,
      caress: 1,
      slap: 6,
      punch: 17,
      shove: 11,
      grab: 18,
    },
    withActs: 60,
  },
  {
    name: 'frasier-9',
    events: {
      kiss: 17,
      hug: 13,
      'touch-face': 1,
      'hold-hands': 2,
      caress: 1,
      handshake: 8,
      slap: 4,
      punch: 1,
      shove: 5,
      grab: 5,
    },
    withActs: 47,
  },
  {
    name: 'doctorwho-12',
    events: { kiss: 9, hug: 8, 'hold-hands': 1, punch: 12, shove: 5, grab: 13 },
    withActs: 41,
  },
  {
    name: 'startrek-12',
    events: {
      kiss: 12,
      hug: 13,
      'touch-face': 2,
      'hold-hands': 1,
      caress: 3,
      slap: 6,
      punch: 16,
      shove: 10,
      grab: 14,
    },
    withActs: 62,
  },
  {
    name: 'frasier-10',
    events: {
      kiss: 13,
      hug: 18,
      'touch-face': 1,
      'cradle-neck': 1,
      'hold-hands': 2,
      caress: 2,
      handshake: 10,
      slap: 3,
      punch: 2,
      shove: 6,
      grab: 4,
    },
    withActs: 54,
  },
  {
    name: 'frasier-11',
    events: {
      kiss: 14,
      hug: 16,
      'hold-hands': 1,
      caress: 1,
      handshake: 10,
      slap: 4,
      punch: 2,
      shove: 8,
      grab: 4,
    },
    withActs: 54,
  },
  {
    name: 'doctorwho-13',
    events: { kiss: 12, hug: 4, 'hold-hands': 2, caress: 1, punch: 15, shove: 8, grab: 18 },
    withActs: 50,
  },
  {
    name: 'startrek-13',
    events: {
      kiss: 16,
      hug: 14,
      'touch-face': 1,
      'cradle-neck': 1,
      'hold-hands': 1,
      handshake: 1,
      slap: 1,
      punch: 12,
      shove: 6,
      grab: 16,
    },
    withActs: 57,
  },
  {
    name: 'frasier-12',
    events: {
      kiss: 15,
      hug: 18,
      'hold-hands': 3,
      caress: 1,
      handshake: 12,
      slap: 4,
      punch: 2,
      shove: 5,
      grab: 1,
    },
    withActs: 55,
  },
  {
    name: 'startrek-14',
    events: { kiss: 15, hug: 13, 'hold-hands': 1, punch: 16, shove: 9, grab: 19 },
    withActs: 57,
  },
  {
    name: 'doctorwho-14',
    events: { kiss: 2, hug: 8, punch: 7, shove: 10, grab: 17 },
    withActs: 33,
  },
  {
    name: 'frasier-13',
    events: {
      kiss: 15,
      hug: 15,
      'touch-face': 1,
      'hold-hands': 1,
      caress: 1,
      handshake: 10,
      punch: 6,
      shove: 5,
      grab: 3,
    },
    withActs: 52,
  },
  {
    name: 'startrek-15',
    events: {
      kiss: 12,
      hug: 8,
      'touch-face': 1,
      'hold-hands': 1,
      caress: 1,
      handshake: 1,
      punch: 15,
      shove: 6,
      grab: 16,
    },
    withActs: 54,
  },
  {
    name: 'doctorwho-15',
    events: { kiss: 1, hug: 7, 'hold-hands': 1, handshake: 1, punch: 8, shove: 13, grab: 20 },
    withActs: 36,
  },
  {
    name: 'doctorwho-16',
    events: { kiss: 1, hug: 8, 'hold-hands': 3, slap: 2, punch: 6, shove: 9, grab: 19 },
    withActs: 41,
  },
  {
    name: 'startrek-16',
    events: {
      kiss: 13,
      hug: 7,
      'hold-hands': 3,
      caress: 3,
      handshake: 3,
      punch: 16,
      shove: 8,
      grab: 18,
    },
    withActs: 55,
  },
  {
    name: 'frasier-14',
    events: {
      kiss: 14,
      hug: 13,
      'touch-face': 1,
      'hold-hands': 3,
      caress: 3,
      handshake: 10,
      punch: 5,
      shove: 4,
      grab: 3,
    },
    withActs: 52,
  },
];

describe.each(SETS)('second reader of suggest-dev-set-$name', ({ name, events, withActs }) => {
  const first = readDevSet(`suggest-dev-set-${name}.json`);
  const again = readDevSet(`suggest-dev-set-${name}.second-reader.json`);

  it('reads the same directions, in the same order', () => {
    expect(again.folder).toBe(first.folder);
    expect(again.directions.map(devKey)).toEqual(first.directions.map(devKey));
  });

  it('labels sound events, as many as the benchmark reports', () => {
    const counts: Record<string, number> = {};
    for (const d of again.directions) {
      expectSoundEvents(d);
      for (const e of d.events) counts[e.action] = (counts[e.action] ?? 0) + 1;
    }
    expect(counts).toEqual(events);
    expect(again.directions.filter((d) => d.events.length > 0)).toHaveLength(withActs);
  });
});
