import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HAS_SHARED_DATA, REPO_ROOT, sharedData } from './shared-data.js';
import { DEV_SET_PARTS as PARTS, DEV_SET_TAGS as TAGS } from './suggest-dev-sets.js';

// The hand-labelled stage-direction dev set (test/fixtures/suggest-dev-set.md): these tests
// keep the labels well-formed and anchored to the real transcripts, so the interaction
// suggester is measured against sound ground truth. The fixture holds no transcript text.

const FIXTURE = join(REPO_ROOT, 'test', 'fixtures', 'suggest-dev-set.json');
const FOLDER = 'doctor-who-chakoteya-angewzhao/data-raw/doctor_who_transcripts';

const ACTIONS = [
  'kiss',
  'hug',
  'touch-face',
  'cradle-neck',
  'hold-hands',
  'caress',
  'handshake',
  'slap',
  'punch',
  'shove',
  'grab',
] as const;
interface LabelledEvent {
  readonly action: string;
  readonly initiator: string | null;
  readonly recipients: readonly string[];
  readonly mutual: boolean;
  readonly part?: string;
}

interface LabelledDirection {
  readonly file: string;
  readonly line: number;
  readonly events: readonly LabelledEvent[];
  readonly uncertain: boolean;
  readonly tags: readonly string[];
}

interface DevSet {
  readonly folder: string;
  readonly directions: readonly LabelledDirection[];
}

/** Counts stated in suggest-dev-set.md; a fixture that loses or gains labels fails here. */
const EXPECTED_EVENTS: Record<(typeof ACTIONS)[number], number> = {
  kiss: 32,
  hug: 26,
  'touch-face': 3,
  'cradle-neck': 1,
  'hold-hands': 9,
  caress: 3,
  handshake: 5,
  slap: 4,
  punch: 7,
  shove: 15,
  grab: 22,
};
const EXPECTED_TAGS: Record<(typeof TAGS)[number], number> = {
  pronoun: 66,
  inline: 25,
  coordinated: 18,
  passive: 13,
  group: 9,
  multiple: 13,
  negation: 21,
  object: 64,
  random: 112,
};

/** The keys an event may carry besides the optional `part`. */
const EMPTY_EVENT: LabelledEvent = { action: '', initiator: null, recipients: [], mutual: false };

const devSet = JSON.parse(readFileSync(FIXTURE, 'utf8')) as DevSet;
const directions = devSet.directions;
const events = directions.flatMap((d) => d.events);
const era = (file: string): number => Number(/^doctor_(\d+)\//.exec(file)?.[1]);
const key = (d: LabelledDirection): string => `${d.file}:${d.line}`;
const isName = (s: unknown): boolean =>
  typeof s === 'string' && s.length > 0 && s === s.toUpperCase() && s.trim() === s;

describe('the suggest dev set fixture', () => {
  it('names the Doctor Who transcript folder and holds at least 200 directions', () => {
    expect(Object.keys(devSet).sort()).toEqual(['directions', 'folder']);
    expect(devSet.folder).toBe(FOLDER);
    expect(directions.length).toBeGreaterThanOrEqual(200);
  });

  it('draws on at least 40 files from both the classic and the modern era', () => {
    const files = new Set(directions.map((d) => d.file));
    expect(files.size).toBeGreaterThanOrEqual(40);
    expect(directions.filter((d) => era(d.file) <= 8).length).toBeGreaterThanOrEqual(50);
    expect(directions.filter((d) => era(d.file) >= 9).length).toBeGreaterThanOrEqual(50);
  });

  it('lists each (file, line) once', () => {
    const keys = directions.map(key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('holds only file, line and labels, never transcript text', () => {
    for (const d of directions) {
      expect(Object.keys(d).sort(), key(d)).toEqual([
        'events',
        'file',
        'line',
        'tags',
        'uncertain',
      ]);
      expect(d.file, key(d)).toMatch(/^doctor_\d+\/[^/]+\.txt$/);
      expect(Number.isInteger(d.line) && d.line > 0, key(d)).toBe(true);
      expect(typeof d.uncertain, key(d)).toBe('boolean');
      for (const e of d.events) {
        expect(
          Object.keys(e).every((k) => k === 'part' || k in EMPTY_EVENT),
          key(d),
        ).toBe(true);
      }
    }
  });

  it('uses only the shared term ids, tags and body parts', () => {
    for (const d of directions) {
      for (const t of d.tags) expect(TAGS, key(d)).toContain(t);
      expect(new Set(d.tags).size, key(d)).toBe(d.tags.length);
      for (const e of d.events) {
        expect(ACTIONS, key(d)).toContain(e.action);
        if (e.part !== undefined) expect(PARTS, key(d)).toContain(e.part);
      }
    }
  });

  it('gives mutual events no initiator and every event upper-case named recipients', () => {
    for (const d of directions) {
      for (const e of d.events) {
        expect(typeof e.mutual, key(d)).toBe('boolean');
        expect(e.recipients.length, key(d)).toBeGreaterThan(0);
        expect(e.recipients.every(isName), key(d)).toBe(true);
        if (e.mutual) {
          expect(e.initiator, key(d)).toBeNull();
          expect(e.recipients.length, key(d)).toBeGreaterThanOrEqual(2);
        } else if (e.initiator !== null) {
          expect(isName(e.initiator), key(d)).toBe(true);
          expect(e.recipients, key(d)).not.toContain(e.initiator);
        }
      }
    }
  });

  it('tags a direction multiple exactly when it states more than one event', () => {
    for (const d of directions) {
      expect(d.tags.includes('multiple'), key(d)).toBe(d.events.length > 1);
    }
  });

  it('keeps uncertain entries rare', () => {
    expect(directions.filter((d) => d.uncertain).length).toBeLessThanOrEqual(5);
  });

  it('matches the counts per term and per tag stated in suggest-dev-set.md', () => {
    const perAction = Object.fromEntries(
      ACTIONS.map((a) => [a, events.filter((e) => e.action === a).length]),
    );
    const perTag = Object.fromEntries(
      TAGS.map((t) => [t, directions.filter((d) => d.tags.includes(t)).length]),
    );
    expect(perAction).toEqual(EXPECTED_EVENTS);
    expect(perTag).toEqual(EXPECTED_TAGS);
  });
});

describe.skipIf(!HAS_SHARED_DATA)('the suggest dev set against the real transcripts', () => {
  const cache = new Map<string, { lines: string[]; upper: string }>();
  function transcript(file: string): { lines: string[]; upper: string } {
    let t = cache.get(file);
    if (!t) {
      const text = readFileSync(sharedData(...FOLDER.split('/'), file), 'utf8');
      t = { lines: text.split('\n'), upper: text.toUpperCase() };
      cache.set(file, t);
    }
    return t;
  }

  it('points every entry at an existing file and a line that opens a parenthesis', () => {
    for (const d of directions) {
      const line = transcript(d.file).lines[d.line - 1];
      expect(line, key(d)).toBeDefined();
      expect(line, key(d)).toContain('(');
    }
  });

  it('opens each direction on a parenthesis that closes within a few lines', () => {
    for (const d of directions) {
      const { lines } = transcript(d.file);
      const from = lines[d.line - 1] ?? '';
      const rest = [from.slice(from.indexOf('(')), ...lines.slice(d.line, d.line + 12)].join('\n');
      expect(rest, key(d)).toMatch(/^\([^]*?\)/);
    }
  });

  it('tags as inline only directions that follow words on their line', () => {
    for (const d of directions.filter((x) => x.tags.includes('inline'))) {
      const line = transcript(d.file).lines[d.line - 1] ?? '';
      expect(line.slice(0, line.indexOf('(')), key(d)).toMatch(/[A-Za-z]/);
    }
  });

  it('names only people who appear in that transcript, as a speaker or in its text', () => {
    for (const d of directions) {
      const { upper } = transcript(d.file);
      for (const e of d.events) {
        for (const name of [e.initiator, ...e.recipients]) {
          if (name !== null) expect(upper.includes(name), `${key(d)} ${name}`).toBe(true);
        }
      }
    }
  });
});
