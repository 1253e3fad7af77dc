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
} from './suggest-dev-sets.js';

// The eighth Doctor Who stage-direction dev set (test/fixtures/suggest-dev-set-doctorwho-8.md):
// labels made before any rule saw these directions. They stay well-formed, apart from the
// first seven Doctor Who sets, and anchored to direction lines of the real transcripts.
// The fixture holds no transcript text.

const FOLDER = 'doctor-who-chakoteya-angewzhao/data-raw/doctor_who_transcripts';
const set = readDevSet('suggest-dev-set-doctorwho-8.json');
// The first seven Doctor Who sets.
const earlier = [
  'suggest-dev-set.json',
  ...[2, 3, 4, 5, 6, 7].map((n) => `suggest-dev-set-doctorwho-${n}.json`),
].map((name) => readDevSet(name));

/** Counts stated in suggest-dev-set-doctorwho-8.md; a fixture that loses or gains labels fails. */
const EXPECTED_EVENTS: Record<string, number> = {
  kiss: 8,
  hug: 7,
  'touch-face': 1,
  'cradle-neck': 0,
  'hold-hands': 1,
  caress: 0,
  handshake: 0,
  slap: 5,
  punch: 5,
  shove: 11,
  grab: 16,
};
const EXPECTED_TAGS: Record<(typeof TAGS)[number], number> = {
  pronoun: 24,
  inline: 4,
  coordinated: 6,
  passive: 10,
  group: 6,
  multiple: 4,
  negation: 12,
  object: 34,
  random: 38,
};

const era = (file: string): number => Number(/^doctor_(\d+)\//.exec(file)?.[1]);

describe('the eighth Doctor Who suggest dev set fixture', () => {
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

  it('shares no (file, line) with the first seven Doctor Who sets', () => {
    expectApart(FOLDER, set.directions, earlier);
  });

  it('holds only file, line and labels, never transcript text', () => {
    expectOnlyLabels(set.directions, /^doctor_\d+\/[^/]+\.txt$/);
  });

  it('uses the shared terms, tags and body parts, and gives mutual events no initiator', () => {
    for (const d of set.directions) expectSoundLabels(d);
  });

  it('mixes directions with acts, look-alikes without, and random ones; few uncertain', () => {
    expectActsShare(set.directions);
    const random = set.directions.filter((d) => d.tags.includes('random')).length;
    expect(random).toBeGreaterThanOrEqual(24);
    expect(set.directions.filter((d) => d.tags.includes('negation')).length).toBeGreaterThanOrEqual(
      3,
    );
    expect(set.directions.filter((d) => d.uncertain).length).toBeLessThanOrEqual(5);
  });

  it('matches the counts per term and per tag stated in suggest-dev-set-doctorwho-8.md', () => {
    const { perAction, perTag } = countsByTermAndTag(set.directions);
    expect(perAction).toEqual(EXPECTED_EVENTS);
    expect(perTag).toEqual(EXPECTED_TAGS);
  });
});

if (!HAS_SHARED_DATA) {
  console.warn(
    '[receipts] ../shared/data is absent: the eighth Doctor Who set is not checked against the transcripts.',
  );
}

describe.skipIf(!HAS_SHARED_DATA)('the eighth Doctor Who dev set against the transcripts', () => {
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
