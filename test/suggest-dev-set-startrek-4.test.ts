import { describe, expect, it } from 'vitest';
import { HAS_SHARED_DATA } from './shared-data.js';
import {
  expectApart,
  expectDistinctSpread,
  expectHtmlAnchors,
  expectNamesOnPages,
  expectPooledSample,
  readDevSet,
} from './suggest-dev-sets.js';

// The fourth Star Trek stage-direction dev set (test/fixtures/suggest-dev-set-startrek-4.md): its
// labels stay well-formed, apart from the first three Star Trek sets (no shared direction, no
// shared page), and anchored to direction lines of the real pages. The fixture holds no page
// text.

const FOLDER = 'star-trek-chakoteya-raw-html/transcripts';
const set = readDevSet('suggest-dev-set-startrek-4.json');
const earlier = [
  readDevSet('suggest-dev-set-startrek.json'),
  readDevSet('suggest-dev-set-startrek-2.json'),
  readDevSet('suggest-dev-set-startrek-3.json'),
];

describe('the fourth Star Trek suggest dev set fixture', () => {
  it('holds at least 120 distinct directions, at most 2 per page, from all six series', () => {
    expect(set.folder).toBe(FOLDER);
    expect(set.directions.length).toBeGreaterThanOrEqual(120);
    expectDistinctSpread(set.directions, 2);
    const series = new Set(set.directions.map((d) => d.file.split('/')[0]));
    expect([...series].sort()).toEqual(['ds9', 'ent', 'tas', 'tng', 'tos', 'voy']);
  });

  it('shares no direction and no page with the first three Star Trek sets', () => {
    expectApart(FOLDER, set.directions, earlier, true);
  });

  it('uses the shared terms, parts and tags; mixes acts, look-alikes and random ones', () => {
    expectPooledSample(set.directions, 4);
  });
});

if (!HAS_SHARED_DATA) {
  console.warn(
    '[receipts] ../shared/data is absent: the fourth Star Trek dev set is not checked against the real pages.',
  );
}

describe.skipIf(!HAS_SHARED_DATA)('the fourth Star Trek dev set against the real pages', () => {
  it('points every entry at the line of a "(" that the reader reads as a direction', () => {
    expectHtmlAnchors(FOLDER, set.directions);
  });

  it('names only people who appear on that page', () => {
    expectNamesOnPages(FOLDER, set.directions);
  });
});
