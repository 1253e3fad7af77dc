import { describe, expect, it } from 'vitest';
import { HAS_SHARED_DATA } from './shared-data.js';
import {
  countsByTermAndTag,
  devKey,
  expectOnlyLabels,
  expectPooledSample,
  expectScriptAnchors,
  readDevSet,
} from './suggest-dev-sets.js';

// The third Frasier stage-direction dev set (test/fixtures/suggest-dev-set-frasier-3.md): its
// labels stay well-formed, apart from the first two Frasier sets, and anchored to direction
// lines of the real transcripts. The fixture holds no text.

const FOLDER = 'frasier-transcripts-and-srt/data/scripts';
const set = readDevSet('suggest-dev-set-frasier-3.json');
// The counts stated in suggest-dev-set-frasier-3.md.
const EXPECTED_EVENTS = {
  kiss: 15,
  hug: 20,
  'touch-face': 1,
  'cradle-neck': 0,
  'hold-hands': 1,
  caress: 1,
  handshake: 8,
  slap: 4,
  punch: 2,
  shove: 10,
  grab: 2,
};
const EXPECTED_TAGS = {
  pronoun: 52,
  inline: 48,
  coordinated: 5,
  passive: 1,
  group: 1,
  multiple: 7,
  negation: 10,
  object: 38,
  random: 45,
};
const earlier = [
  readDevSet('suggest-dev-set-frasier.json'),
  readDevSet('suggest-dev-set-frasier-2.json'),
];

describe('the third Frasier suggest dev set fixture', () => {
  it('holds 150 distinct directions, at most 2 per episode, from all 11 seasons', () => {
    expect(set.folder).toBe(FOLDER);
    expect(set.directions.length).toBe(150);
    expect(new Set(set.directions.map(devKey)).size).toBe(set.directions.length);
    const perEpisode = new Map<string, number>();
    for (const d of set.directions) perEpisode.set(d.file, (perEpisode.get(d.file) ?? 0) + 1);
    expect(perEpisode.size).toBe(100);
    expect(Math.max(...perEpisode.values())).toBeLessThanOrEqual(2);
    const seasons = new Set(set.directions.map((d) => d.file.slice(0, 2)));
    expect(seasons.size).toBe(11);
  });

  it('holds only file, line and labels', () => {
    expectOnlyLabels(set.directions, /^\d{4}\.txt$/);
  });

  it('shares no direction with the first two Frasier sets, and favours their unused episodes', () => {
    const taken = new Set<string>();
    const usedEpisodes = new Set<string>();
    for (const s of earlier) {
      expect(s.folder).toBe(FOLDER);
      for (const d of s.directions) {
        taken.add(devKey(d));
        usedEpisodes.add(d.file);
      }
    }
    expect(set.directions.filter((d) => taken.has(devKey(d))).map(devKey)).toEqual([]);
    // Episodes of the earlier sets were drawn only once a pool had run out of other episodes.
    const fresh = set.directions.filter((d) => !usedEpisodes.has(d.file));
    expect(fresh.length).toBe(76);
    expect(new Set(fresh.map((d) => d.file)).size).toBe(38);
  });

  it('uses the shared terms, parts and tags; mixes acts, look-alikes and random ones', () => {
    expectPooledSample(set.directions, 5);
    const events = set.directions.flatMap((d) => d.events);
    expect(events.length).toBe(64);
    expect(set.directions.filter((d) => d.events.length > 0).length).toBe(56);
    expect(set.directions.filter((d) => d.tags.includes('random')).length).toBe(45);
    expect(set.directions.filter((d) => d.uncertain)).toEqual([]);
  });

  it('matches the counts per term and per tag stated in suggest-dev-set-frasier-3.md', () => {
    const { perAction, perTag } = countsByTermAndTag(set.directions);
    expect(perAction).toEqual(EXPECTED_EVENTS);
    expect(perTag).toEqual(EXPECTED_TAGS);
  });
});

if (!HAS_SHARED_DATA) {
  console.warn(
    '[receipts] ../shared/data is absent: the third Frasier dev set is not checked against the transcripts.',
  );
}

describe.skipIf(!HAS_SHARED_DATA)('the third Frasier dev set against the real transcripts', () => {
  it('points every entry at a direction of the reader, inline exactly in a speech, naming people of that episode', () => {
    expectScriptAnchors(FOLDER, set.directions);
  });
});
