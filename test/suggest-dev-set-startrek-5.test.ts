import { describe, expect, it } from 'vitest';
import { HAS_SHARED_DATA } from './shared-data.js';
import {
  countsByTermAndTag,
  expectApart,
  expectDistinctSpread,
  expectHtmlAnchors,
  expectNamesOnPages,
  expectOnlyLabels,
  expectPooledSample,
  readDevSet,
} from './suggest-dev-sets.js';

// The fifth Star Trek stage-direction dev set (test/fixtures/suggest-dev-set-startrek-5.md): its
// labels stay well-formed, apart from the first four Star Trek sets (no shared direction, no
// shared page), and anchored to direction lines of the real pages. The fixture holds no page
// text.

const FOLDER = 'star-trek-chakoteya-raw-html/transcripts';
const set = readDevSet('suggest-dev-set-startrek-5.json');
const earlier = [
  readDevSet('suggest-dev-set-startrek.json'),
  readDevSet('suggest-dev-set-startrek-2.json'),
  readDevSet('suggest-dev-set-startrek-3.json'),
  readDevSet('suggest-dev-set-startrek-4.json'),
];

describe('the fifth Star Trek suggest dev set fixture', () => {
  it('holds at least 120 distinct directions, at most 2 per page, from all six series', () => {
    expect(set.folder).toBe(FOLDER);
    expect(set.directions.length).toBeGreaterThanOrEqual(120);
    expectDistinctSpread(set.directions, 2);
    const series = new Set(set.directions.map((d) => d.file.split('/')[0]));
    expect([...series].sort()).toEqual(['ds9', 'ent', 'tas', 'tng', 'tos', 'voy']);
  });

  it('shares no direction and no page with the first four Star Trek sets', () => {
    expectApart(FOLDER, set.directions, earlier, true);
  });

  it('uses the shared terms, parts and tags; mixes acts, look-alikes and random ones', () => {
    expectPooledSample(set.directions, 4);
    expectOnlyLabels(set.directions, /^(ds9|ent|tas|tng|tos|voy)\/[A-Za-z0-9]+\.htm$/);
  });

  it('holds the counts its .md states', () => {
    const { perAction, perTag } = countsByTermAndTag(set.directions);
    expect(set.directions.length).toBe(150);
    expect(set.directions.flatMap((d) => d.events).length).toBe(71);
    expect(set.directions.filter((d) => d.events.length > 0).length).toBe(57);
    expect(set.directions.filter((d) => d.uncertain).length).toBe(0);
    expect(perAction).toEqual({
      kiss: 16,
      hug: 9,
      'touch-face': 0,
      'cradle-neck': 0,
      'hold-hands': 2,
      caress: 2,
      handshake: 0,
      slap: 2,
      punch: 16,
      shove: 10,
      grab: 14,
    });
    expect(perTag).toEqual({
      pronoun: 39,
      inline: 29,
      coordinated: 15,
      passive: 10,
      group: 2,
      multiple: 11,
      negation: 12,
      object: 23,
      random: 52,
    });
  });
});

if (!HAS_SHARED_DATA) {
  console.warn(
    '[receipts] ../shared/data is absent: the fifth Star Trek dev set is not checked against the real pages.',
  );
}

describe.skipIf(!HAS_SHARED_DATA)('the fifth Star Trek dev set against the real pages', () => {
  it('points every entry at the line of a "(" that the reader reads as a direction', () => {
    expectHtmlAnchors(FOLDER, set.directions);
  });

  it('names only people who appear on that page', () => {
    expectNamesOnPages(FOLDER, set.directions);
  });
});
