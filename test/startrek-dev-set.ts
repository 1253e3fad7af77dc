import { describe, expect, it } from 'vitest';
import { HAS_SHARED_DATA } from './shared-data.js';
import {
  countsByTermAndTag,
  type DEV_SET_TAGS as TAGS,
  devKey,
  expectApart,
  expectDistinctSpread,
  expectHtmlAnchors,
  expectNamesOnPages,
  expectOnlyLabels,
  expectPooledSample,
  expectSoundLabels,
  readDevSet,
  ORDINALS,
  CARDINALS,
} from './suggest-dev-sets.js';

// The checks of a Star Trek stage-direction dev set drawn like the seventh one and after: 120
// directions, well-formed, apart from every earlier Star Trek set (no shared direction; pages
// may be shared), anchored to direction lines of the real pages. Each set's test file gives
// its number and what its .md states of its draw and its counts.

const FOLDER = 'star-trek-chakoteya-raw-html/transcripts';

/** What a set's .md states of its draw and its labels. */
export interface StarTrekStated {
  /** Distinct pages, and how many of them give 2 entries (when the .md says). */
  readonly pages: number;
  readonly pagesWithTwo?: number;
  readonly perSeries: Record<string, number>;
  /** Pages the earlier sets use; the entries from the others, their pages and keyword ones. */
  readonly usedPages: number;
  readonly fresh: { readonly entries: number; readonly pages: number; readonly keyword: string[] };
  /** Look-alikes with no event that carry a cue of no act (`expectPooledSample`). */
  readonly noAct: number;
  readonly random: { readonly count: number; readonly withEvents: string[] };
  readonly keywordWithEvents: number;
  /** Keyword entries from The Animated Series, when the .md says. */
  readonly keywordFromTas?: number;
  readonly events: number;
  readonly withEvents: number;
  readonly mutual: number;
  /** Events with neither an initiator nor mutual participants (an agentless passive). */
  readonly agentless: number;
  readonly parts: string[];
  readonly perAction: Record<string, number>;
  readonly perTag: Record<(typeof TAGS)[number], number>;
}

/** Declare the tests of the `n`th Star Trek dev set (`suggest-dev-set-startrek-N.json`). */
export function describeStarTrekSet(n: number, stated: StarTrekStated): void {
  const nth = ORDINALS[n]!;
  const set = readDevSet(`suggest-dev-set-startrek-${n}.json`);
  const earlier = [
    'suggest-dev-set-startrek.json',
    ...Array.from({ length: n - 2 }, (_, i) => `suggest-dev-set-startrek-${i + 2}.json`),
  ].map((file) => readDevSet(file));
  const { fresh } = stated;

  describe(`the ${nth} Star Trek suggest dev set fixture`, () => {
    it('holds 120 distinct directions, at most 2 per page, from all six series', () => {
      expect(set.folder).toBe(FOLDER);
      expect(set.directions.length).toBe(120);
      const perFile = expectDistinctSpread(set.directions, 2);
      expect(perFile.size).toBe(stated.pages);
      if (stated.pagesWithTwo !== undefined)
        expect([...perFile.values()].filter((k) => k === 2).length).toBe(stated.pagesWithTwo);
      const perSeries: Record<string, number> = {};
      for (const d of set.directions) {
        const s = d.file.split('/')[0]!;
        perSeries[s] = (perSeries[s] ?? 0) + 1;
      }
      expect(perSeries).toEqual(stated.perSeries);
    });

    it(`shares no direction with the first ${CARDINALS[n - 1]} Star Trek sets`, () => {
      expectApart(FOLDER, set.directions, earlier);
    });

    const drawn =
      fresh.entries === 0
        ? `takes every entry from pages the earlier sets use, since they use all ${stated.usedPages}`
        : `takes ${fresh.entries} ${fresh.entries === 1 ? 'entry' : 'entries'} from pages no ` +
          `earlier set uses and ` +
          `${120 - fresh.entries} from pages they use`;
    it(drawn, () => {
      // The first pass (pages no earlier set uses) comes before the second (their pages).
      const usedPages = new Set(earlier.flatMap((s) => s.directions.map((d) => d.file)));
      expect(usedPages.size).toBe(stated.usedPages);
      const unused = set.directions.filter((d) => !usedPages.has(d.file));
      expect(unused.length).toBe(fresh.entries);
      expect(new Set(unused.map((d) => d.file)).size).toBe(fresh.pages);
      expect(unused.filter((d) => !d.tags.includes('random')).map(devKey)).toEqual(fresh.keyword);
    });

    it('uses the shared terms, parts and tags, and holds only file, line and labels', () => {
      for (const d of set.directions) expectSoundLabels(d);
      expectOnlyLabels(set.directions, /^(ds9|ent|tas|tng|tos|voy)\/[A-Za-z0-9]+\.htm$/);
    });

    it('mixes acts, look-alikes and random ones in the shares its .md states', () => {
      expectPooledSample(set.directions, stated.noAct);
      const random = set.directions.filter((d) => d.tags.includes('random'));
      expect(random.length).toBe(stated.random.count);
      expect(random.filter((d) => d.events.length > 0).map(devKey)).toEqual(
        stated.random.withEvents,
      );
      const keyword = set.directions.filter((d) => !d.tags.includes('random'));
      expect(keyword.filter((d) => d.events.length > 0).length).toBe(stated.keywordWithEvents);
      if (stated.keywordFromTas !== undefined)
        expect(keyword.filter((d) => d.file.startsWith('tas/')).length).toBe(stated.keywordFromTas);
      const noAct = set.directions.filter(
        (d) => d.events.length === 0 && d.tags.includes('negation'),
      );
      expect(noAct.length).toBe(stated.noAct);
    });

    it('holds the counts its .md states', () => {
      const { perAction, perTag } = countsByTermAndTag(set.directions);
      const events = set.directions.flatMap((d) => d.events);
      expect(events.length).toBe(stated.events);
      expect(set.directions.filter((d) => d.events.length > 0).length).toBe(stated.withEvents);
      expect(set.directions.filter((d) => d.uncertain).length).toBe(0);
      expect(events.filter((e) => e.mutual).length).toBe(stated.mutual);
      expect(events.filter((e) => e.initiator === null && !e.mutual).length).toBe(stated.agentless);
      expect(events.flatMap((e) => (e.part === undefined ? [] : [e.part])).sort()).toEqual(
        stated.parts,
      );
      expect(perAction).toEqual(stated.perAction);
      expect(perTag).toEqual(stated.perTag);
    });
  });

  if (!HAS_SHARED_DATA) {
    console.warn(
      `[receipts] ../shared/data is absent: the ${nth} Star Trek dev set is not checked against the real pages.`,
    );
  }

  describe.skipIf(!HAS_SHARED_DATA)(`the ${nth} Star Trek dev set against the real pages`, () => {
    it('points every entry at the line of a "(" that the reader reads as a direction', () => {
      expectHtmlAnchors(FOLDER, set.directions);
    });

    it('names only people who appear on that page', () => {
      expectNamesOnPages(FOLDER, set.directions);
    });
  });
}
