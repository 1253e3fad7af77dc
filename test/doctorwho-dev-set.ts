import { describe, expect, it } from 'vitest';
import { HAS_SHARED_DATA } from './shared-data.js';
import {
  countsByTermAndTag,
  type DEV_SET_TAGS as TAGS,
  expectActsShare,
  expectApart,
  expectDistinctSpread,
  expectOnlyLabels,
  expectNoTwinCopies,
  expectSoundLabels,
  expectTextAnchors,
  readDevSet,
  ORDINALS,
  CARDINALS,
} from './suggest-dev-sets.js';

// The checks of a Doctor Who stage-direction dev set drawn like the sixth one and after: 120
// directions, well-formed, apart from every earlier Doctor Who set, anchored to direction lines
// of the real transcripts. Each set's test file gives only its number and the counts its .md
// states.

const FOLDER = 'doctor-who-chakoteya-angewzhao/data-raw/doctor_who_transcripts';

/** The counts a set's .md states: events per term and directions per tag. */
export interface StatedCounts {
  readonly events: Record<string, number>;
  readonly tags: Record<(typeof TAGS)[number], number>;
  /**
   * Directions with an act, stated where fewer than the usual third hold one (the fourteenth
   * set, drawn when the kiss, handshake and slap words were used up).
   */
  readonly withActs?: number;
}

const era = (file: string): number => Number(/^doctor_(\d+)\//.exec(file)?.[1]);

/** Declare the tests of the `n`th Doctor Who dev set (`suggest-dev-set-doctorwho-N.json`). */
export function describeDoctorWhoSet(n: number, stated: StatedCounts): void {
  const name = `suggest-dev-set-doctorwho-${n}`;
  const nth = ORDINALS[n]!;
  const set = readDevSet(`${name}.json`);
  const earlier = [
    'suggest-dev-set.json',
    ...Array.from({ length: n - 2 }, (_, i) => `suggest-dev-set-doctorwho-${i + 2}.json`),
  ].map((file) => readDevSet(file));

  describe(`the ${nth} Doctor Who suggest dev set fixture`, () => {
    it('holds 120 distinct directions, at most 2 per file, from at least 60 files', () => {
      expect(Object.keys(set).sort()).toEqual(['directions', 'folder']);
      expect(set.folder).toBe(FOLDER);
      expect(set.directions.length).toBe(120);
      expect(expectDistinctSpread(set.directions, 2).size).toBeGreaterThanOrEqual(60);
    });

    it('spreads over the classic and the modern series', () => {
      expect(set.directions.filter((d) => era(d.file) <= 8).length).toBeGreaterThanOrEqual(60);
      expect(set.directions.filter((d) => era(d.file) >= 9).length).toBeGreaterThanOrEqual(35);
      expect(new Set(set.directions.map((d) => era(d.file))).size).toBe(13);
    });

    it(`shares no (file, line) with the first ${CARDINALS[n - 1]} Doctor Who sets`, () => {
      expectApart(FOLDER, set.directions, earlier);
    });

    it('holds only file, line and labels, never transcript text', () => {
      expectOnlyLabels(set.directions, /^doctor_\d+\/[^/]+\.txt$/);
    });

    it('uses the shared terms, tags and body parts, and gives mutual events no initiator', () => {
      for (const d of set.directions) expectSoundLabels(d);
    });

    it('mixes directions with acts, look-alikes without, and random ones; few uncertain', () => {
      if (stated.withActs === undefined) expectActsShare(set.directions);
      else expect(set.directions.filter((d) => d.events.length > 0)).toHaveLength(stated.withActs);
      const random = set.directions.filter((d) => d.tags.includes('random')).length;
      expect(random).toBeGreaterThanOrEqual(24);
      const negation = set.directions.filter((d) => d.tags.includes('negation')).length;
      expect(negation).toBeGreaterThanOrEqual(3);
      expect(set.directions.filter((d) => d.uncertain).length).toBeLessThanOrEqual(5);
    });

    it(`matches the counts per term and per tag stated in ${name}.md`, () => {
      const { perAction, perTag } = countsByTermAndTag(set.directions);
      expect(perAction).toEqual(stated.events);
      expect(perTag).toEqual(stated.tags);
    });
  });

  if (!HAS_SHARED_DATA) {
    console.warn(
      `[receipts] ../shared/data is absent: the ${nth} Doctor Who set is not checked against the transcripts.`,
    );
  }

  describe.skipIf(!HAS_SHARED_DATA)(`the ${nth} Doctor Who dev set against the transcripts`, () => {
    it('points every entry at a direction line of the reader, naming people of that file', () => {
      expectTextAnchors(FOLDER, set.directions);
    });

    it('holds no direction an earlier set holds in a copy of the same file', () => {
      expectNoTwinCopies(
        FOLDER,
        set.directions,
        earlier.flatMap((s) => s.directions),
      );
    });
  });
}
