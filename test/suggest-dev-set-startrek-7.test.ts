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

// The seventh Star Trek stage-direction dev set (test/fixtures/suggest-dev-set-startrek-7.md): its
// labels stay well-formed, apart from the first six Star Trek sets (no shared direction; pages
// may be shared, since those sets use 670 of the 683 pages), and anchored to direction lines of
// the real pages. The fixture holds no page text.

const FOLDER = 'star-trek-chakoteya-raw-html/transcripts';
const set = readDevSet('suggest-dev-set-startrek-7.json');
const earlier = [
  readDevSet('suggest-dev-set-startrek.json'),
  readDevSet('suggest-dev-set-startrek-2.json'),
  readDevSet('suggest-dev-set-startrek-3.json'),
  readDevSet('suggest-dev-set-startrek-4.json'),
  readDevSet('suggest-dev-set-startrek-5.json'),
  readDevSet('suggest-dev-set-startrek-6.json'),
];

describe('the seventh Star Trek suggest dev set fixture', () => {
  it('holds 120 distinct directions, at most 2 per page, from all six series', () => {
    expect(set.folder).toBe(FOLDER);
    expect(set.directions.length).toBe(120);
    const perFile = expectDistinctSpread(set.directions, 2);
    expect(perFile.size).toBe(99);
    const perSeries: Record<string, number> = {};
    for (const d of set.directions) {
      const s = d.file.split('/')[0]!;
      perSeries[s] = (perSeries[s] ?? 0) + 1;
    }
    expect(perSeries).toEqual({ ds9: 31, ent: 16, tas: 3, tng: 27, tos: 16, voy: 27 });
  });

  it('shares no direction with the first six Star Trek sets', () => {
    expectApart(FOLDER, set.directions, earlier);
  });

  it('takes 22 entries from pages no earlier set uses and 98 from pages they use', () => {
    // The first pass (pages no earlier set uses) comes before the second (their pages).
    const usedPages = new Set(earlier.flatMap((s) => s.directions.map((d) => d.file)));
    expect(usedPages.size).toBe(670);
    const fresh = set.directions.filter((d) => !usedPages.has(d.file));
    expect(fresh.length).toBe(22);
    expect(new Set(fresh.map((d) => d.file)).size).toBe(12);
    // Only 2 of the unused pages' directions match an act word; the other 20 are random.
    expect(fresh.filter((d) => !d.tags.includes('random')).map(devKey)).toEqual([
      'voy/318.htm:1036',
      'voy/604.htm:459',
    ]);
  });

  it('uses the shared terms, parts and tags, and holds only file, line and labels', () => {
    for (const d of set.directions) expectSoundLabels(d);
    expectOnlyLabels(set.directions, /^(ds9|ent|tas|tng|tos|voy)\/[A-Za-z0-9]+\.htm$/);
  });

  it('mixes acts, look-alikes and random ones in the shares its .md states', () => {
    expectPooledSample(set.directions, 9);
    const random = set.directions.filter((d) => d.tags.includes('random'));
    expect(random.length).toBe(32);
    expect(random.filter((d) => d.events.length > 0).map(devKey)).toEqual(['tos/77.htm:1358']);
    const keyword = set.directions.filter((d) => !d.tags.includes('random'));
    expect(keyword.filter((d) => d.events.length > 0).length).toBe(55);
    const noAct = set.directions.filter(
      (d) => d.events.length === 0 && d.tags.includes('negation'),
    );
    expect(noAct.length).toBe(9);
  });

  it('holds the counts its .md states', () => {
    const { perAction, perTag } = countsByTermAndTag(set.directions);
    const events = set.directions.flatMap((d) => d.events);
    expect(events.length).toBe(74);
    expect(set.directions.filter((d) => d.events.length > 0).length).toBe(56);
    expect(set.directions.filter((d) => d.uncertain).length).toBe(0);
    expect(events.filter((e) => e.mutual).length).toBe(12);
    expect(events.filter((e) => e.initiator === null && !e.mutual).length).toBe(1);
    expect(events.flatMap((e) => (e.part === undefined ? [] : [e.part])).sort()).toEqual([
      'face',
      'face',
      'face',
      'lips',
      'neck',
      'neck',
    ]);
    expect(perAction).toEqual({
      kiss: 11,
      hug: 9,
      'touch-face': 0,
      'cradle-neck': 0,
      'hold-hands': 0,
      caress: 4,
      handshake: 6,
      slap: 4,
      punch: 15,
      shove: 4,
      grab: 21,
    });
    expect(perTag).toEqual({
      pronoun: 42,
      inline: 28,
      coordinated: 12,
      passive: 8,
      group: 5,
      multiple: 15,
      negation: 10,
      object: 21,
      random: 32,
    });
  });
});

if (!HAS_SHARED_DATA) {
  console.warn(
    '[receipts] ../shared/data is absent: the seventh Star Trek dev set is not checked against the real pages.',
  );
}

describe.skipIf(!HAS_SHARED_DATA)('the seventh Star Trek dev set against the real pages', () => {
  it('points every entry at the line of a "(" that the reader reads as a direction', () => {
    expectHtmlAnchors(FOLDER, set.directions);
  });

  it('names only people who appear on that page', () => {
    expectNamesOnPages(FOLDER, set.directions);
  });
});
