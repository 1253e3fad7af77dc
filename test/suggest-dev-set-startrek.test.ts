import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HAS_SHARED_DATA, sharedData } from './shared-data.js';
import { DEV_SET_TERMS as TERMS, devKey, readDevSet } from './suggest-dev-sets.js';

// The cross-series stage-direction dev set (test/fixtures/suggest-dev-set-startrek.md): its
// labels stay well-formed and anchored to the real pages. The fixture holds no page text.

const FOLDER = 'star-trek-chakoteya-raw-html/transcripts';
const set = readDevSet('suggest-dev-set-startrek.json');

describe('the Star Trek suggest dev set fixture', () => {
  it('holds 80 to 120 distinct directions of the Star Trek pages', () => {
    expect(set.folder).toBe(FOLDER);
    expect(set.directions.length).toBeGreaterThanOrEqual(80);
    expect(set.directions.length).toBeLessThanOrEqual(120);
    expect(new Set(set.directions.map(devKey)).size).toBe(set.directions.length);
  });

  it('uses the shared terms, and gives mutual events no initiator', () => {
    for (const d of set.directions) {
      expect(d.tags.includes('multiple'), devKey(d)).toBe(d.events.length > 1);
      for (const e of d.events) {
        expect(TERMS, devKey(d)).toContain(e.action);
        expect(e.recipients.length, devKey(d)).toBeGreaterThan(0);
        if (e.mutual) expect(e.initiator, devKey(d)).toBeNull();
      }
    }
  });

  it('has about 40 % random entries', () => {
    const random = set.directions.filter((d) => d.tags.includes('random')).length;
    expect(random / set.directions.length).toBeGreaterThan(0.3);
    expect(random / set.directions.length).toBeLessThan(0.5);
  });
});

describe.skipIf(!HAS_SHARED_DATA)('the Star Trek dev set against the real pages', () => {
  // Lines as the HTML reader counts them: CR, CRLF and LF each end one.
  const lines = (file: string): string[] =>
    readFileSync(sharedData(...FOLDER.split('/'), file), 'latin1').split(/\r\n|\r|\n/);

  it('points every entry at a line that opens a parenthesis', () => {
    for (const d of set.directions) {
      expect(lines(d.file)[d.line - 1], devKey(d)).toContain('(');
    }
  });

  it('names only people who appear on that page', () => {
    for (const d of set.directions) {
      const upper = lines(d.file).join('\n').toUpperCase();
      for (const e of d.events) {
        for (const n of [e.initiator, ...e.recipients]) {
          if (n !== null && n !== 'GUARDS' && n !== 'MEDICS') expect(upper, devKey(d)).toContain(n);
        }
      }
    }
  });
});
