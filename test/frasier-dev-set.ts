import { describe, expect, it } from 'vitest';
import { HAS_SHARED_DATA } from './shared-data.js';
import {
  countsByTermAndTag,
  type DEV_SET_TAGS as TAGS,
  devKey,
  expectApart,
  expectDistinctSpread,
  expectOnlyLabels,
  expectPooledSample,
  expectScriptAnchors,
  readDevSet,
  ORDINALS,
  CARDINALS,
} from './suggest-dev-sets.js';

// The checks of a Frasier stage-direction dev set drawn like the fourth one and after: 120
// directions from all 11 seasons, well-formed, apart from every earlier Frasier set, anchored
// to direction lines of the real transcripts. Each set's test file gives its number and what
// its .md states.

const FOLDER = 'frasier-transcripts-and-srt/data/scripts';

/** What a set's .md states of its draw and its labels. */
export interface FrasierStated {
  /** Distinct episodes, and how many of them give 2 entries. */
  readonly episodes: number;
  readonly episodesWithTwo: number;
  /** Look-alikes with no event that carry a cue of no act (`expectPooledSample`). */
  readonly noAct: number;
  readonly events: number;
  readonly mutual: number;
  readonly withEvents: number;
  readonly random: number;
  readonly perAction: Record<string, number>;
  readonly perTag: Record<(typeof TAGS)[number], number>;
}

/** Declare the tests of the `n`th Frasier dev set (`suggest-dev-set-frasier-N.json`). */
export function describeFrasierSet(n: number, stated: FrasierStated): void {
  const nth = ORDINALS[n]!;
  const name = `suggest-dev-set-frasier-${n}`;
  const set = readDevSet(`${name}.json`);
  const earlier = [
    'suggest-dev-set-frasier.json',
    ...Array.from({ length: n - 2 }, (_, i) => `suggest-dev-set-frasier-${i + 2}.json`),
  ].map((file) => readDevSet(file));

  describe(`the ${nth} Frasier suggest dev set fixture`, () => {
    it('holds 120 distinct directions, at most 2 per episode, from all 11 seasons', () => {
      expect(set.folder).toBe(FOLDER);
      expect(set.directions.length).toBe(120);
      const perEpisode = expectDistinctSpread(set.directions, 2);
      expect(perEpisode.size).toBe(stated.episodes);
      expect([...perEpisode.values()].filter((k) => k === 2).length).toBe(stated.episodesWithTwo);
      const seasons = new Set(set.directions.map((d) => d.file.slice(0, 2)));
      expect(seasons.size).toBe(11);
    });

    it('holds only file, line and labels', () => {
      expectOnlyLabels(set.directions, /^\d{4}\.txt$/);
    });

    it(`shares no direction with the first ${CARDINALS[n - 1]} Frasier sets`, () => {
      expectApart(FOLDER, set.directions, earlier);
      // Those sets use every episode but 0912.txt, which no set draws from (running prose), so
      // every entry comes from the second pass over episodes already used.
      const usedEpisodes = new Set(earlier.flatMap((s) => s.directions.map((d) => d.file)));
      expect(set.directions.filter((d) => !usedEpisodes.has(d.file)).map(devKey)).toEqual([]);
      expect(set.directions.filter((d) => d.file === '0912.txt').map(devKey)).toEqual([]);
    });

    it('uses the shared terms, parts and tags; mixes acts, look-alikes and random ones', () => {
      expectPooledSample(set.directions, stated.noAct);
      const events = set.directions.flatMap((d) => d.events);
      expect(events.length).toBe(stated.events);
      expect(events.filter((e) => e.mutual).length).toBe(stated.mutual);
      expect(events.filter((e) => !e.mutual && e.initiator === null)).toEqual([]);
      expect(set.directions.filter((d) => d.events.length > 0).length).toBe(stated.withEvents);
      expect(set.directions.filter((d) => d.tags.includes('random')).length).toBe(stated.random);
      expect(set.directions.filter((d) => d.uncertain)).toEqual([]);
    });

    it(`matches the counts per term and per tag stated in ${name}.md`, () => {
      const { perAction, perTag } = countsByTermAndTag(set.directions);
      expect(perAction).toEqual(stated.perAction);
      expect(perTag).toEqual(stated.perTag);
    });
  });

  if (!HAS_SHARED_DATA) {
    console.warn(
      `[receipts] ../shared/data is absent: the ${nth} Frasier dev set is not checked against the transcripts.`,
    );
  }

  describe.skipIf(!HAS_SHARED_DATA)(
    `the ${nth} Frasier dev set against the real transcripts`,
    () => {
      it('points every entry at a direction of the reader, inline exactly in a speech, naming people of that episode', () => {
        expectScriptAnchors(FOLDER, set.directions);
      });
    },
  );
}
