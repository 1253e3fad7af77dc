import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HAS_SHARED_DATA, REPO_ROOT, sharedData } from './shared-data.js';

// The cross-series stage-direction dev set (test/fixtures/suggest-dev-set-startrek.md): its
// labels stay well-formed and anchored to the real pages. The fixture holds no page text.

const FOLDER = 'star-trek-chakoteya-raw-html/transcripts';
const ACTIONS = ['kiss', 'hug', 'touch-face', 'cradle-neck', 'hold-hands', 'caress'];
const TERMS = [...ACTIONS, 'handshake', 'slap', 'punch', 'shove', 'grab'];

interface Direction {
  readonly file: string;
  readonly line: number;
  readonly events: readonly {
    readonly action: string;
    readonly initiator: string | null;
    readonly recipients: readonly string[];
    readonly mutual: boolean;
  }[];
  readonly uncertain: boolean;
  readonly tags: readonly string[];
}

const set = JSON.parse(
  readFileSync(join(REPO_ROOT, 'test', 'fixtures', 'suggest-dev-set-startrek.json'), 'utf8'),
) as { folder: string; directions: readonly Direction[] };
const key = (d: Direction): string => `${d.file}:${d.line}`;

describe('the Star Trek suggest dev set fixture', () => {
  it('holds 80 to 120 distinct directions of the Star Trek pages', () => {
    expect(set.folder).toBe(FOLDER);
    expect(set.directions.length).toBeGreaterThanOrEqual(80);
    expect(set.directions.length).toBeLessThanOrEqual(120);
    expect(new Set(set.directions.map(key)).size).toBe(set.directions.length);
  });

  it('uses the shared terms, and gives mutual events no initiator', () => {
    for (const d of set.directions) {
      expect(d.tags.includes('multiple'), key(d)).toBe(d.events.length > 1);
      for (const e of d.events) {
        expect(TERMS, key(d)).toContain(e.action);
        expect(e.recipients.length, key(d)).toBeGreaterThan(0);
        if (e.mutual) expect(e.initiator, key(d)).toBeNull();
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
      expect(lines(d.file)[d.line - 1], key(d)).toContain('(');
    }
  });

  it('names only people who appear on that page', () => {
    for (const d of set.directions) {
      const upper = lines(d.file).join('\n').toUpperCase();
      for (const e of d.events) {
        for (const n of [e.initiator, ...e.recipients]) {
          if (n !== null && n !== 'GUARDS' && n !== 'MEDICS') expect(upper, key(d)).toContain(n);
        }
      }
    }
  });
});
