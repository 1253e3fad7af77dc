import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CanonStore } from '../store/canon-store.js';
import { openSqliteStore } from '../store/sqlite/canon-store.js';
import { ingestCanon } from './ingest-canon.js';
import { rejectionOf } from '../../test/receipts-error.js';

let dir: string;
let store: CanonStore;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'receipts-ingest-'));
  store = await openSqliteStore(join(dir, 'library.db'));
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

function write(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

const srt = (...texts: string[]) =>
  texts.map((t, i) => `${i + 1}\n00:00:0${i},000 --> 00:00:0${i},900\n${t}\n`).join('\n');

function manifest(episodes: string): string {
  return write(
    'canon.yaml',
    `title: Test Show\ncharacters:\n  Jack Harkness: [JACK]\nepisodes:\n${episodes}`,
  );
}

async function search(query: string) {
  const r = await store.search({
    query,
    filters: {},
    order: 'canon',
    limit: 50,
    offset: 0,
    context: 0,
  });
  return r.groups.flatMap((g) =>
    g.hits.map((h) => ({ episode: g.episode.id, speaker: h.speaker, text: h.text })),
  );
}

describe('ingestCanon', () => {
  it('adds unlisted speakers as characters and keeps them when their file is unchanged', async () => {
    write('a.srt', srt('JACK: Hello there.', 'GWEN: Hello yourself.'));
    write('b.srt', srt('OWEN: Morning.'));
    const m = manifest(
      '  - id: S01E01\n    subtitles: [a.srt]\n  - id: S01E02\n    subtitles: [b.srt]\n',
    );
    await ingestCanon(m, store, { cwd: dir });
    const names = async () => (await store.listCharacters()).map((c) => [c.name, c.unlisted]);
    const first = await names();
    expect(first).toEqual([
      ['Jack Harkness', false],
      ['Gwen', true],
      ['Owen', true],
    ]);
    write('b.srt', srt('OWEN: Evening.'));
    const report = await ingestCanon(m, store, { cwd: dir });
    expect(report.summary).toMatchObject({ sourcesChanged: 1, sourcesUnchanged: 1 });
    expect(await names()).toEqual(first);
    expect(await search('evening')).toEqual([
      { episode: 'S01E02', speaker: 'Owen', text: 'Evening.' },
    ]);
    expect(await search('morning')).toEqual([]);
  });

  it('re-reads a file that moved to another episode and drops files no longer listed', async () => {
    write('a.srt', srt('Alpha line.'));
    write('b.srt', srt('Beta line.'));
    await ingestCanon(
      manifest('  - id: S01E01\n    subtitles: [a.srt, b.srt]\n  - id: S01E02\n'),
      store,
      { cwd: dir },
    );
    const report = await ingestCanon(
      manifest('  - id: S01E01\n  - id: S01E02\n    subtitles: [a.srt]\n'),
      store,
      { cwd: dir },
    );
    expect(report.summary).toMatchObject({
      sourcesChanged: 1,
      sourcesRemoved: 1,
      sourcesUnchanged: 0,
    });
    expect(await search('alpha')).toEqual([
      { episode: 'S01E02', speaker: null, text: 'Alpha line.' },
    ]);
    expect(await search('beta')).toEqual([]);
  });

  it('fails on warnings with --strict and leaves the library as it was', async () => {
    write('a.srt', srt('Fine.'));
    const m = manifest('  - id: S01E01\n    subtitles: [a.srt]\n');
    await ingestCanon(m, store, { cwd: dir });
    write(
      'a.srt',
      '1\n00:00:01,000 --> 00:00:03,000\nOne.\n\n2\n00:00:02,000 --> 00:00:04,000\nOverlapping.\n',
    );
    const e = await rejectionOf(ingestCanon(m, store, { cwd: dir, strict: true }));
    expect(e.toLine()).toMatch(/a\.srt:\d+: .*overlap/i);
    expect(await search('fine')).toHaveLength(1);
    expect(await search('overlapping')).toEqual([]);
    // Without --strict the same file goes in, with the warning reported.
    const report = await ingestCanon(m, store, { cwd: dir });
    expect(report.findings.some((f) => f.ruleId === 'overlapping-cues')).toBe(true);
    expect(await search('overlapping')).toHaveLength(1);
  });

  it('selects one episode of a multi-episode CSV and explains a missing part', async () => {
    write(
      'all.csv',
      'Episode,Season,Title,Location,Speaker,Context,Text\n1,1,One,bridge,Kirk,,First words.\n2,1,Two,bridge,Spock,,Second words.\n',
    );
    await ingestCanon(
      manifest(
        '  - id: S01E01\n    transcripts: [{ file: all.csv, part: 1 }]\n  - id: S01E02\n    transcripts: [{ file: all.csv, part: 2 }]\n',
      ),
      store,
      { cwd: dir },
    );
    expect(await search('words')).toEqual([
      { episode: 'S01E01', speaker: 'Kirk', text: 'First words.' },
      { episode: 'S01E02', speaker: 'Spock', text: 'Second words.' },
    ]);
    const missing = await rejectionOf(
      ingestCanon(
        manifest('  - id: S01E01\n    transcripts: [{ file: all.csv, part: 9 }]\n'),
        store,
        { cwd: dir },
      ),
    );
    expect(missing.toLine()).toMatch(/all\.csv: no part "9" in this file \(it has 1, 2\)/);
    const whole = await rejectionOf(
      ingestCanon(manifest('  - id: S01E01\n    transcripts: [all.csv]\n'), store, { cwd: dir }),
    );
    expect(whole.toLine()).toMatch(/holds 2 episodes: name one with `part:`/);
  });

  it('rejects a file listed twice, naming both places', async () => {
    write('a.srt', srt('Hi.'));
    const e = await rejectionOf(
      ingestCanon(
        manifest(
          '  - id: S01E01\n    subtitles: [a.srt]\n  - id: S01E02\n    subtitles: [a.srt]\n',
        ),
        store,
        { cwd: dir },
      ),
    );
    expect(e.toLine()).toBe(
      'canon.yaml:8: episodes[1].subtitles[0]: a.srt is listed twice (also at episodes[0].subtitles[0])',
    );
  });
});

describe('the canon codebook', () => {
  const withCodebook = (yaml: string) => {
    write('codebook.yaml', yaml);
    return write(
      'canon.yaml',
      `title: Test Show\ncodebook: codebook.yaml\nepisodes:\n  - id: S01E01\n    subtitles: [a.srt]\n`,
    );
  };

  it('stores a valid codebook with the series, and none means the default', async () => {
    write('a.srt', srt('Hello.'));
    await ingestCanon(manifest('  - id: S01E01\n    subtitles: [a.srt]\n'), store, { cwd: dir });
    expect((await store.listSeries())[0]!.codebook).toBeNull();
    const yaml = 'id: tw\nextends: default\ntiers:\n  action:\n    terms:\n      salute: {}\n';
    await ingestCanon(withCodebook(yaml), store, { cwd: dir });
    expect((await store.listSeries())[0]!.codebook).toBe(yaml);
  });

  it('refuses a broken codebook, naming its file and line, and changes nothing', async () => {
    write('a.srt', srt('Hello.'));
    const e = await rejectionOf(
      ingestCanon(
        withCodebook(
          'id: tw\ntiers:\n  action:\n    terms:\n      a: { parent: b }\n      b: { parent: a }\n',
        ),
        store,
        { cwd: dir },
      ),
    );
    expect(e.code).toBe('CODEBOOK_INVALID');
    expect(e.place.file).toBe('codebook.yaml');
    expect(e.place.line).toBe(5); // the first term of the cycle
    expect(await store.listSeries()).toEqual([]);
  });
});

describe('videos', () => {
  it('keeps the absolute path of each episode video for the media commands', async () => {
    write('a.srt', srt('Hello.'));
    write('e1.mkv', 'not really a video');
    await ingestCanon(
      manifest('  - id: S01E01\n    video: e1.mkv\n    subtitles: [a.srt]\n  - id: S01E02\n'),
      store,
      { cwd: dir },
    );
    const episodes = await store.listEpisodes();
    expect(episodes.map((e) => e.video)).toEqual([join(dir, 'e1.mkv'), null]);
  });
});
