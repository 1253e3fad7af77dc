import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readTranscript } from '../src/formats/read-transcript.js';
import { HAS_SHARED_DATA, sharedData } from './shared-data.js';
import {
  devKey,
  directionsByFile,
  expectNamesIn,
  expectPooledSample,
  readDevSet,
} from './suggest-dev-sets.js';

// The second Frasier stage-direction dev set (test/fixtures/suggest-dev-set-frasier-2.md): its
// labels stay well-formed, apart from the first Frasier set, and anchored to direction lines of
// the real transcripts. The fixture holds no text.

const FOLDER = 'frasier-transcripts-and-srt/data/scripts';
const set = readDevSet('suggest-dev-set-frasier-2.json');
const first = readDevSet('suggest-dev-set-frasier.json');

describe('the second Frasier suggest dev set fixture', () => {
  it('holds at least 120 distinct directions, at most 2 per episode, from all 11 seasons', () => {
    expect(set.folder).toBe(FOLDER);
    expect(set.directions.length).toBeGreaterThanOrEqual(120);
    expect(new Set(set.directions.map(devKey)).size).toBe(set.directions.length);
    const perEpisode = new Map<string, number>();
    for (const d of set.directions) perEpisode.set(d.file, (perEpisode.get(d.file) ?? 0) + 1);
    expect(perEpisode.size).toBeGreaterThanOrEqual(40);
    expect(Math.max(...perEpisode.values())).toBeLessThanOrEqual(2);
    const seasons = new Set(set.directions.map((d) => d.file.slice(0, 2)));
    expect(seasons.size).toBe(11);
  });

  it('shares no direction with the first Frasier set, and few of its episodes', () => {
    expect(first.folder).toBe(FOLDER);
    const taken = new Set(first.directions.map(devKey));
    expect(set.directions.filter((d) => taken.has(devKey(d))).map(devKey)).toEqual([]);
    // Episodes of the first set were drawn only once a pool had run out of other episodes.
    const firstEpisodes = new Set(first.directions.map((d) => d.file));
    const reused = set.directions.filter((d) => firstEpisodes.has(d.file)).length;
    expect(reused).toBeLessThanOrEqual(set.directions.length * 0.05);
  });

  it('uses the shared terms, parts and tags; mixes acts, look-alikes and random ones', () => {
    expectPooledSample(set.directions, 5);
  });
});

describe.skipIf(!HAS_SHARED_DATA)('the second Frasier dev set against the real transcripts', () => {
  const read = (file: string) => {
    const path = sharedData(...FOLDER.split('/'), file);
    return { lines: readTranscript(readFileSync(path), path).parts[0]!.transcript.lines, path };
  };

  it('points every entry at the first line of a stage direction, naming people of that episode', () => {
    for (const [file, entries] of directionsByFile(set.directions)) {
      const { lines, path } = read(file);
      const actionStarts = new Set(lines.filter((l) => l.kind === 'action').map((l) => l.line));
      const text = readFileSync(path, 'utf8').toUpperCase();
      for (const d of entries) {
        expect(actionStarts.has(d.line), devKey(d)).toBe(true);
        expectNamesIn(text, d);
      }
    }
  });

  it('tags as inline exactly the directions inside a speech', () => {
    for (const [file, entries] of directionsByFile(set.directions)) {
      const { lines } = read(file);
      const inSpeech = new Set(
        lines.filter((l) => l.kind === 'action' && l.speaker !== null).map((l) => l.line),
      );
      for (const d of entries) {
        expect(d.tags.includes('inline'), devKey(d)).toBe(inSpeech.has(d.line));
      }
    }
  });
});
