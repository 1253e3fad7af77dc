import { describe, expect, it } from 'vitest';
import { HAS_SHARED_DATA } from './shared-data.js';
import {
  countsByTermAndTag,
  devKey,
  expectApart,
  expectDistinctSpread,
  expectHtmlAnchors,
  expectNamesOnPages,
  expectOnlyLabels,
  expectPooledSample,
  expectSoundLabels,
  readDevSet,
} from './suggest-dev-sets.js';

// The eighth Star Trek stage-direction dev set (test/fixtures/suggest-dev-set-startrek-8.md): its
// labels stay well-formed, apart from the first seven Star Trek sets (no shared direction; pages
// may be shared, since those sets use 682 of the 683 pages), and anchored to direction lines of
// the real pages. The fixture holds no page text.

const FOLDER = 'star-trek-chakoteya-raw-html/transcripts';
const set = readDevSet('suggest-dev-set-startrek-8.json');
const earlier = [
  readDevSet('suggest-dev-set-startrek.json'),
  readDevSet('suggest-dev-set-startrek-2.json'),
  readDevSet('suggest-dev-set-startrek-3.json'),
  readDevSet('suggest-dev-set-startrek-4.json'),
  readDevSet('suggest-dev-set-startrek-5.json'),
  readDevSet('suggest-dev-set-startrek-6.json'),
  readDevSet('suggest-dev-set-startrek-7.json'),
];

describe('the eighth Star Trek suggest dev set fixture', () => {
  it('holds 120 distinct directions, at most 2 per page, from all six series', () => {
    expect(set.folder).toBe(FOLDER);
    expect(set.directions.length).toBe(120);
    const perFile = expectDistinctSpread(set.directions, 2);
    expect(perFile.size).toBe(105);
    const perSeries: Record<string, number> = {};
    for (const d of set.directions) {
      const s = d.file.split('/')[0]!;
      perSeries[s] = (perSeries[s] ?? 0) + 1;
    }
    expect(perSeries).toEqual({ ds9: 31, ent: 16, tas: 3, tng: 27, tos: 16, voy: 27 });
  });

  it('shares no direction with the first seven Star Trek sets', () => {
    expectApart(FOLDER, set.directions, earlier);
  });

  it('takes 1 entry from the one page no earlier set uses and 119 from pages they use', () => {
    // The first pass (the page no earlier set uses) comes before the second (their pages).
    const usedPages = new Set(earlier.flatMap((s) => s.directions.map((d) => d.file)));
    expect(usedPages.size).toBe(682);
    const fresh = set.directions.filter((d) => !usedPages.has(d.file));
    // None of that page's directions matches an act word, and TAS's quota left one place.
    expect(fresh.map(devKey)).toEqual(['tas/TAS004.htm:515']);
    expect(fresh.every((d) => d.tags.includes('random'))).toBe(true);
  });

  it('uses the shared terms, parts and tags, and holds only file, line and labels', () => {
    for (const d of set.directions) expectSoundLabels(d);
    expectOnlyLabels(set.directions, /^(ds9|ent|tas|tng|tos|voy)\/[A-Za-z0-9]+\.htm$/);
  });

  it('mixes acts, look-alikes and random ones in the shares its .md states', () => {
    expectPooledSample(set.directions, 4);
    const random = set.directions.filter((d) => d.tags.includes('random'));
    expect(random.length).toBe(32);
    expect(random.filter((d) => d.events.length > 0).map(devKey)).toEqual(['tos/50.htm:1222']);
    const keyword = set.directions.filter((d) => !d.tags.includes('random'));
    expect(keyword.filter((d) => d.events.length > 0).length).toBe(58);
    const noAct = set.directions.filter(
      (d) => d.events.length === 0 && d.tags.includes('negation'),
    );
    expect(noAct.length).toBe(4);
  });

  it('holds the counts its .md states', () => {
    const { perAction, perTag } = countsByTermAndTag(set.directions);
    const events = set.directions.flatMap((d) => d.events);
    expect(events.length).toBe(75);
    expect(set.directions.filter((d) => d.events.length > 0).length).toBe(59);
    expect(set.directions.filter((d) => d.uncertain).length).toBe(0);
    expect(events.filter((e) => e.mutual).length).toBe(13);
    expect(events.filter((e) => e.initiator === null && !e.mutual).length).toBe(0);
    expect(events.flatMap((e) => (e.part === undefined ? [] : [e.part])).sort()).toEqual([
      'cheek',
      'cheek',
      'face',
      'hair',
      'neck',
      'neck',
    ]);
    expect(perAction).toEqual({
      kiss: 16,
      hug: 8,
      'touch-face': 1,
      'cradle-neck': 0,
      'hold-hands': 1,
      caress: 2,
      handshake: 5,
      slap: 5,
      punch: 14,
      shove: 8,
      grab: 15,
    });
    expect(perTag).toEqual({
      pronoun: 44,
      inline: 22,
      coordinated: 23,
      passive: 8,
      group: 6,
      multiple: 12,
      negation: 8,
      object: 26,
      random: 32,
    });
  });
});

if (!HAS_SHARED_DATA) {
  console.warn(
    '[receipts] ../shared/data is absent: the eighth Star Trek dev set is not checked against the real pages.',
  );
}

describe.skipIf(!HAS_SHARED_DATA)('the eighth Star Trek dev set against the real pages', () => {
  it('points every entry at the line of a "(" that the reader reads as a direction', () => {
    expectHtmlAnchors(FOLDER, set.directions);
  });

  it('names only people who appear on that page', () => {
    expectNamesOnPages(FOLDER, set.directions);
  });
});
