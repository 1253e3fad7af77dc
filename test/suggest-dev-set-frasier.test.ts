import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readTranscript } from '../src/formats/read-transcript.js';
import { HAS_SHARED_DATA, sharedData } from './shared-data.js';
import {
  DEV_SET_TERMS as TERMS,
  devKey,
  directionsByFile,
  expectActsShare,
  expectNamesIn,
  readDevSet,
} from './suggest-dev-sets.js';

// The third stage-direction dev set (test/fixtures/suggest-dev-set-frasier.md): its labels stay
// well-formed and anchored to direction lines of the real transcripts. The fixture holds no text.

const FOLDER = 'frasier-transcripts-and-srt/data/scripts';
const set = readDevSet('suggest-dev-set-frasier.json');

describe('the Frasier suggest dev set fixture', () => {
  it('holds at least 120 distinct directions from at least 40 episodes', () => {
    expect(set.folder).toBe(FOLDER);
    expect(set.directions.length).toBeGreaterThanOrEqual(120);
    expect(new Set(set.directions.map(devKey)).size).toBe(set.directions.length);
    expect(new Set(set.directions.map((d) => d.file)).size).toBeGreaterThanOrEqual(40);
  });

  it('uses the shared terms, and gives mutual events no initiator', () => {
    for (const d of set.directions) {
      for (const e of d.events) {
        expect(TERMS, devKey(d)).toContain(e.action);
        expect(e.recipients.length, devKey(d)).toBeGreaterThan(0);
        if (e.mutual) expect(e.initiator, devKey(d)).toBeNull();
      }
    }
  });

  it('mixes directions with acts, look-alikes without, and random ones', () => {
    expectActsShare(set.directions);
    const random = set.directions.filter((d) => d.tags.includes('random')).length;
    expect(random).toBeGreaterThanOrEqual(20);
  });
});

describe.skipIf(!HAS_SHARED_DATA)('the Frasier dev set against the real transcripts', () => {
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
});
