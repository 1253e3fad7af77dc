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

// The ninth Star Trek stage-direction dev set (test/fixtures/suggest-dev-set-startrek-9.md): its
// labels stay well-formed, apart from the first eight Star Trek sets (no shared direction; pages
// are shared, since those sets use all 683 pages), and anchored to direction lines of the real
// pages. The fixture holds no page text.

const FOLDER = 'star-trek-chakoteya-raw-html/transcripts';
const set = readDevSet('suggest-dev-set-startrek-9.json');
const earlier = [
  readDevSet('suggest-dev-set-startrek.json'),
  readDevSet('suggest-dev-set-startrek-2.json'),
  readDevSet('suggest-dev-set-startrek-3.json'),
  readDevSet('suggest-dev-set-startrek-4.json'),
  readDevSet('suggest-dev-set-startrek-5.json'),
  readDevSet('suggest-dev-set-startrek-6.json'),
  readDevSet('suggest-dev-set-startrek-7.json'),
  readDevSet('suggest-dev-set-startrek-8.json'),
];

describe('the ninth Star Trek suggest dev set fixture', () => {
  it('holds 120 distinct directions, at most 2 per page, from all six series', () => {
    expect(set.folder).toBe(FOLDER);
    expect(set.directions.length).toBe(120);
    const perFile = expectDistinctSpread(set.directions, 2);
    expect(perFile.size).toBe(108);
    expect([...perFile.values()].filter((n) => n === 2).length).toBe(12);
    const perSeries: Record<string, number> = {};
    for (const d of set.directions) {
      const s = d.file.split('/')[0]!;
      perSeries[s] = (perSeries[s] ?? 0) + 1;
    }
    expect(perSeries).toEqual({ ds9: 31, ent: 16, tas: 3, tng: 27, tos: 16, voy: 27 });
  });

  it('shares no direction with the first eight Star Trek sets', () => {
    expectApart(FOLDER, set.directions, earlier);
  });

  it('takes every entry from pages the earlier sets use, since they use all 683', () => {
    // No page is left for a first pass: every pool drew in the second pass only.
    const usedPages = new Set(earlier.flatMap((s) => s.directions.map((d) => d.file)));
    expect(usedPages.size).toBe(683);
    expect(set.directions.filter((d) => !usedPages.has(d.file)).map(devKey)).toEqual([]);
  });

  it('uses the shared terms, parts and tags, and holds only file, line and labels', () => {
    for (const d of set.directions) expectSoundLabels(d);
    expectOnlyLabels(set.directions, /^(ds9|ent|tas|tng|tos|voy)\/[A-Za-z0-9]+\.htm$/);
  });

  it('mixes acts, look-alikes and random ones in the shares its .md states', () => {
    expectPooledSample(set.directions, 3);
    const random = set.directions.filter((d) => d.tags.includes('random'));
    // 32 random places, and the 2 the touch pool left (TAS alone had keyword quota left).
    expect(random.length).toBe(34);
    expect(random.filter((d) => d.events.length > 0).map(devKey)).toEqual([
      'tng/125.htm:935',
      'tos/58.htm:257',
    ]);
    const keyword = set.directions.filter((d) => !d.tags.includes('random'));
    expect(keyword.length).toBe(86);
    expect(keyword.filter((d) => d.events.length > 0).length).toBe(61);
    expect(keyword.filter((d) => d.file.startsWith('tas/')).length).toBe(0);
    const noAct = set.directions.filter(
      (d) => d.events.length === 0 && d.tags.includes('negation'),
    );
    expect(noAct.length).toBe(3);
  });

  it('holds the counts its .md states', () => {
    const { perAction, perTag } = countsByTermAndTag(set.directions);
    const events = set.directions.flatMap((d) => d.events);
    expect(events.length).toBe(75);
    expect(set.directions.filter((d) => d.events.length > 0).length).toBe(63);
    expect(set.directions.filter((d) => d.uncertain).length).toBe(0);
    expect(events.filter((e) => e.mutual).length).toBe(14);
    expect(events.filter((e) => e.initiator === null && !e.mutual).length).toBe(0);
    expect(events.flatMap((e) => (e.part === undefined ? [] : [e.part])).sort()).toEqual([
      'cheek',
      'cheek',
      'face',
      'face',
      'hair',
      'hand',
      'hand',
      'neck',
      'neck',
    ]);
    expect(perAction).toEqual({
      kiss: 12,
      hug: 12,
      'touch-face': 0,
      'cradle-neck': 0,
      'hold-hands': 1,
      caress: 3,
      handshake: 7,
      slap: 6,
      punch: 10,
      shove: 9,
      grab: 15,
    });
    expect(perTag).toEqual({
      pronoun: 50,
      inline: 24,
      coordinated: 20,
      passive: 6,
      group: 3,
      multiple: 12,
      negation: 8,
      object: 21,
      random: 34,
    });
  });
});

if (!HAS_SHARED_DATA) {
  console.warn(
    '[receipts] ../shared/data is absent: the ninth Star Trek dev set is not checked against the real pages.',
  );
}

describe.skipIf(!HAS_SHARED_DATA)('the ninth Star Trek dev set against the real pages', () => {
  it('points every entry at the line of a "(" that the reader reads as a direction', () => {
    expectHtmlAnchors(FOLDER, set.directions);
  });

  it('names only people who appear on that page', () => {
    expectNamesOnPages(FOLDER, set.directions);
  });
});
