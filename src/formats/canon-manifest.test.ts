import { describe, expect, it } from 'vitest';
import { ReceiptsError } from '../domain/errors.js';
import { parseManifest, readManifest, slugify, stringifyManifest } from './canon-manifest.js';

const good = `title: Torchwood
characters:
  Jack Harkness: [JACK, Captain Jack]
  Ianto Jones: IANTO
  Gwen Cooper:
episodes:
  - id: S02E03
    season: 2
    number: 3
    title: To the Last Man
    airDate: 2008-01-30
    video: video/tw-2x03.mkv
    subtitles:
      - subs/tw-2x03.srt
      - file: subs/tw-2x03.fr.srt
        language: fr
    transcripts:
      - file: tos.csv
        dialect: csv
        part: 3
`;

function errorOf(text: string): ReceiptsError {
  try {
    parseManifest(text, 'canon.yaml');
  } catch (e) {
    if (e instanceof ReceiptsError) return e;
    throw e;
  }
  throw new Error('expected the manifest to be rejected');
}

describe('parseManifest', () => {
  it('reads a full manifest with short and long forms', () => {
    const m = parseManifest(good, 'canon.yaml');
    expect(m.id).toBe('torchwood');
    expect(m.characters).toEqual([
      { name: 'Jack Harkness', aliases: ['JACK', 'Captain Jack'] },
      { name: 'Ianto Jones', aliases: ['IANTO'] },
      { name: 'Gwen Cooper', aliases: [] },
    ]);
    const e = m.episodes[0]!;
    expect(e).toMatchObject({
      id: 'S02E03',
      season: 2,
      number: 3,
      airDate: '2008-01-30',
      storyOrder: null,
    });
    expect(e.subtitles).toEqual([
      { file: 'subs/tw-2x03.srt', language: null, cues: null },
      { file: 'subs/tw-2x03.fr.srt', language: 'fr', cues: null },
    ]);
    expect(e.transcripts).toEqual([{ file: 'tos.csv', dialect: 'csv', part: '3' }]);
  });

  it('names the manifest path and YAML line of a bad field', () => {
    const e = errorOf(good.replace('dialect: csv', 'dialect: docx'));
    expect(e.code).toBe('MANIFEST_INVALID');
    expect(e.place).toMatchObject({
      file: 'canon.yaml',
      line: 19,
      path: 'episodes[0].transcripts[0].dialect',
    });
  });

  it('rejects duplicate episode ids, naming the second one', () => {
    const e = errorOf(`${good}  - id: s02e03\n`);
    expect(e.message).toContain('duplicate episode id');
    expect(e.place.path).toBe('episodes[1].id');
    expect(e.place.line).toBe(21);
  });

  it('rejects unknown keys, which are usually typos', () => {
    expect(errorOf(good.replace('airDate', 'airdate')).place.path).toBe('episodes[0]');
  });

  it('rejects an empty subtitle entry and a manifest without episodes', () => {
    expect(errorOf(good.replace('- subs/tw-2x03.srt', '- ""')).place.path).toBe(
      'episodes[0].subtitles[0].file',
    );
    expect(errorOf('title: X\nepisodes: []\n').place.path).toBe('episodes');
  });

  it('reports YAML syntax errors with their line', () => {
    const e = errorOf('title: X\nepisodes:\n  - id: [S01\n');
    expect(e.message).toMatch(/not valid YAML/);
    expect(e.place.line).toBeGreaterThanOrEqual(3);
  });

  it('finds the line of any path for errors found later', () => {
    const { lineOf } = readManifest(good, 'canon.yaml');
    expect(lineOf(['episodes', 0, 'subtitles', 1])).toBe(15);
    expect(lineOf(['episodes', 0, 'video'])).toBe(12);
  });

  it('round-trips through stringifyManifest', () => {
    const m = parseManifest(good, 'canon.yaml');
    const text = stringifyManifest(m, 'written by a test');
    expect(text).toMatch(/^# written by a test\n/);
    expect(text).toContain('Jack Harkness: [ JACK, Captain Jack ]');
    expect(parseManifest(text, 'again.yaml')).toEqual(m);
    const rooted = { ...m, root: '../media' };
    expect(parseManifest(stringifyManifest(rooted), 'rooted.yaml')).toEqual(rooted);
  });
});

describe('slugify', () => {
  it('makes ids from titles', () => {
    expect(slugify('Doctor Who (2005)')).toBe('doctor-who-2005');
    expect(slugify('Amélie & Friends')).toBe('amelie-friends');
    expect(slugify('!!!')).toBe('series');
  });
});

describe('subtitle cue ranges', () => {
  it('reads and writes a file split between two episodes, and refuses a bad range', () => {
    const text = `title: T\nepisodes:\n  - id: A\n    subtitles: [{ file: x.srt, cues: 1-419 }]\n  - id: B\n    subtitles: [{ file: x.srt, cues: 420- }]\n`;
    const m = parseManifest(text, 'canon.yaml');
    expect(m.episodes.map((e) => e.subtitles[0]!.cues)).toEqual(['1-419', '420-']);
    expect(parseManifest(stringifyManifest(m), 'again.yaml')).toEqual(m);
    expect(() => parseManifest(text.replace('420-', 'from 420'), 'canon.yaml')).toThrow(
      expect.objectContaining({
        message: expect.stringMatching(/must be a cue range/) as unknown,
        place: expect.objectContaining({
          line: 6,
          path: 'episodes[1].subtitles[0].cues',
        }) as unknown,
      }),
    );
  });
});
