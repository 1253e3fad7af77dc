import { describe, expect, it } from 'vitest';
import { HAS_SHARED_DATA } from './shared-data.js';
import {
  countsByTermAndTag,
  type DEV_SET_TAGS as TAGS,
  devKey,
  expectActsShare,
  expectOnlyLabels,
  expectSoundLabels,
  expectTextAnchors,
  readDevSet,
} from './suggest-dev-sets.js';

// The second Doctor Who stage-direction dev set (test/fixtures/suggest-dev-set-doctorwho-2.md):
// labels made on directions the suggester was never tuned on. They stay well-formed, apart
// from the first Doctor Who set, and anchored to direction lines of the real transcripts.
// The fixture holds no transcript text.

const FOLDER = 'doctor-who-chakoteya-angewzhao/data-raw/doctor_who_transcripts';
const set = readDevSet('suggest-dev-set-doctorwho-2.json');
const first = readDevSet('suggest-dev-set.json');

/** Counts stated in suggest-dev-set-doctorwho-2.md; a fixture that loses or gains labels fails. */
const EXPECTED_EVENTS: Record<string, number> = {
  kiss: 12,
  hug: 13,
  'touch-face': 0,
  'cradle-neck': 0,
  'hold-hands': 3,
  caress: 1,
  handshake: 8,
  slap: 5,
  punch: 11,
  shove: 12,
  grab: 22,
};
const EXPECTED_TAGS: Record<(typeof TAGS)[number], number> = {
  pronoun: 41,
  inline: 4,
  coordinated: 12,
  passive: 11,
  group: 7,
  multiple: 15,
  negation: 17,
  object: 41,
  random: 40,
};

const era = (file: string): number => Number(/^doctor_(\d+)\//.exec(file)?.[1]);

describe('the second Doctor Who suggest dev set fixture', () => {
  it('holds at least 120 distinct directions, at most 2 per file, from at least 60 files', () => {
    expect(Object.keys(set).sort()).toEqual(['directions', 'folder']);
    expect(set.folder).toBe(FOLDER);
    expect(set.directions.length).toBeGreaterThanOrEqual(120);
    expect(new Set(set.directions.map(devKey)).size).toBe(set.directions.length);
    const perFile = new Map<string, number>();
    for (const d of set.directions) perFile.set(d.file, (perFile.get(d.file) ?? 0) + 1);
    expect(perFile.size).toBeGreaterThanOrEqual(60);
    expect(Math.max(...perFile.values())).toBeLessThanOrEqual(2);
  });

  it('spreads over the classic and the modern series', () => {
    expect(set.directions.filter((d) => era(d.file) <= 8).length).toBeGreaterThanOrEqual(60);
    expect(set.directions.filter((d) => era(d.file) >= 9).length).toBeGreaterThanOrEqual(40);
    expect(new Set(set.directions.map((d) => era(d.file))).size).toBe(13);
  });

  it('shares no (file, line) with the first Doctor Who set', () => {
    expect(first.folder).toBe(FOLDER);
    const taken = new Set(first.directions.map(devKey));
    for (const d of set.directions) expect(taken.has(devKey(d)), devKey(d)).toBe(false);
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
    expect(random).toBeGreaterThanOrEqual(30);
    expect(set.directions.filter((d) => d.tags.includes('negation')).length).toBeGreaterThan(10);
    expect(set.directions.filter((d) => d.uncertain).length).toBeLessThanOrEqual(5);
  });

  it('matches the counts per term and per tag stated in suggest-dev-set-doctorwho-2.md', () => {
    const { perAction, perTag } = countsByTermAndTag(set.directions);
    expect(perAction).toEqual(EXPECTED_EVENTS);
    expect(perTag).toEqual(EXPECTED_TAGS);
  });
});

describe.skipIf(!HAS_SHARED_DATA)('the second Doctor Who dev set against the transcripts', () => {
  it('points every entry at a direction line of the reader, naming people of that file', () => {
    expectTextAnchors(FOLDER, set.directions);
  });
});
