import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './shared-data.js';
import { CLI, expectCleanFailure, inProcessRunner } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'receipts-cli-'));
const db = join(dir, 'library.db');
const example = join(dir, 'lighthouse');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const receipts = inProcessRunner(db, dir);

/** What the library holds, minus its file size (SQLite may grow the file without changing content). */
async function libraryState() {
  const { dbBytes: _size, ...stats } = JSON.parse(
    (await receipts('stats', '--json')).out,
  ) as Record<string, unknown>;
  return {
    stats,
    episodes: (await receipts('episodes', '--json')).out,
    characters: (await receipts('characters', '--json')).out,
  };
}

beforeAll(() => {
  cpSync(join(REPO_ROOT, 'examples/lighthouse'), example, { recursive: true });
});

describe('receipts CLI on the bundled example', () => {
  it('tells a new user to ingest before searching', () => {
    const r = spawnSync(
      process.execPath,
      [...CLI, '--db', join(dir, 'new.db'), 'search', 'hello'],
      {
        encoding: 'utf8',
      },
    );
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('The library is empty: run `receipts ingest <canon.yaml>` first.\n');
  });

  it('ingests a canon and reports what it added', async () => {
    const r = await receipts('ingest', 'lighthouse/canon.yaml');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('The Lighthouse (the-lighthouse): 2 episodes');
    expect(r.out).toContain('sources: 4 added, 0 changed, 0 unchanged, 0 removed');
  });

  it('changes nothing when the same files are ingested again', async () => {
    const r = await receipts('ingest', 'lighthouse/canon.yaml');
    expect(r.out).toContain('sources: 0 added, 0 changed, 4 unchanged, 0 removed');
    expect(r.out).toMatch(/lines: 0 written, 0 removed/);
  });

  it('finds a quoted line with speaker, episode, time and source', async () => {
    const r = await receipts('search', '"would you miss me"');
    expect(r.code).toBe(0);
    expect(r.out).toContain('The Lighthouse · S01E01 The Lamp Room');
    expect(r.out).toMatch(/0:13\.600 .*Would you miss me/);
    expect(r.out).toMatch(/Mara Quinn\s+Would you miss me.*The Lamp Room\.txt:\d+/);
  });

  it('counts matching lines up to --count, or all of them', async () => {
    const few = await receipts('search', 'the', '--limit', '1', '--count', '2');
    expect(few.out).toMatch(/1-1 of 2\+ matching lines\n$/);
    const all = await receipts('search', 'the', '--limit', '1', '--count', 'all');
    expect(all.out).toMatch(/1-1 of \d+ matching lines\n$/);
    expectCleanFailure(await receipts('search', 'the', '--count', 'lots'), 64, /--count: count/);
  });

  it('says when relevance order scored every match', async () => {
    const r = await receipts('search', 'miss me', '--rank');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/1-\d+ of \d+ matching lines, most relevant first\n$/);
  });

  it('filters by a speaker alias and prints JSON for scripts', async () => {
    const r = await receipts('search', 'love', '--speaker', 'Tom', '--json');
    const result = JSON.parse(r.out) as { groups: { hits: { speaker: string; text: string }[] }[] };
    const hits = result.groups.flatMap((g) => g.hits);
    expect(hits.length).toBeGreaterThan(0);
    for (const h of hits) expect(h.speaker).toBe('Tomas Reyes');
  });

  it('lists episodes, characters and stats', async () => {
    expect((await receipts('episodes')).out).toMatch(/S01E02\s+Fog Signal/);
    expect((await receipts('characters')).out).toMatch(/Mara Quinn\s+\d+\s+2\s+MARA, Mara/);
    expect((await receipts('stats')).out).toMatch(/episodes\s+2/);
  });

  it('aligns transcripts with subtitles: cues get speakers, lines get times', async () => {
    const before = await receipts(
      'search',
      'keep the light',
      '--kind',
      'cue',
      '--speaker',
      'Tomas',
    );
    expect(before.out).not.toContain('keep the light');
    const r = await receipts('align', '--all');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/S01E01\s+cues 100\.0% \(6\/6\)\s+lines 100\.0% \(6\/6\)/);
    expect(r.out).toContain('aligned 2, not matching 0, skipped 0 of 2 episodes');
    const cue = await receipts('search', 'keep the light', '--kind', 'cue', '--speaker', 'Tomas');
    expect(cue.out).toMatch(/0:10\.300\s+Tomas Reyes\s+.*Someone has to keep the light/);
    // The transcript line now has the time of the cue that says it.
    const line = await receipts('search', 'keep the light', '--kind', 'dialogue', '--json');
    const [hit] = (JSON.parse(line.out) as { groups: { hits: { startMs: number }[] }[] }).groups[0]!
      .hits;
    expect(hit!.startMs).toBe(10_300);
  });

  it('exports WebVTT with the aligned speakers as voices', async () => {
    const r = await receipts('export', 'vtt', 'S01E01');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^WEBVTT\n\nNOTE S01E01, from subs\/The Lighthouse - 01x01/);
    expect(r.out).toContain('NOTE Speakers from aligning with transcripts/');
    expect(r.out).toContain(
      '00:00:10.300 --> 00:00:13.100\n<v Tomas Reyes><i>Someone has to keep the light.</i></v>',
    );
    expect(r.out).toContain(
      '- <v Tomas Reyes>I had to walk round by the cliffs.</v>\n- <v Mara Quinn>',
    );
  });

  it('retimes subtitles by an offset, and undoes it exactly', async () => {
    const at = async () => {
      const out = (await receipts('search', 'keep the light', '--kind', 'cue', '--json')).out;
      return (JSON.parse(out) as { groups: { hits: { startMs: number }[] }[] }).groups[0]!.hits[0]!
        .startMs;
    };
    expect(await at()).toBe(10_300);
    const r = await receipts('retime', 'S01E01', '--offset', '+1.5');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/t' = 1\.000000 t \+ 1\.500 s \(from offset/);
    expect(await at()).toBe(11_800);
    expect((await receipts('retime', '--list')).out).toMatch(
      /S01E01\s+subs\/The Lighthouse - 01x01/,
    );
    expect((await receipts('retime', 'S01E01', '--undo')).out).toMatch(/times are back/);
    expect(await at()).toBe(10_300);
    expectCleanFailure(await receipts('retime', 'S01E01', '--offset', 'soon'), 64, /not an offset/);
    expectCleanFailure(
      await receipts('retime', 'S01E01', '--anchor', '0:01=0:02'),
      64,
      /exactly two --anchor/,
    );
  });

  it('names an unknown episode to align, and asks for episodes or --all', async () => {
    expectCleanFailure(
      await receipts('align', 'S09E09'),
      69,
      /No episode S09E09 in the-lighthouse/,
    );
    expectCleanFailure(await receipts('align'), 64, /Name one or more episodes .* or pass --all/);
  });
});

describe('receipts CLI on bad input', () => {
  it('names a missing manifest', async () => {
    expectCleanFailure(
      await receipts('ingest', 'nope/canon.yaml'),
      66,
      /nope\/canon\.yaml: file not found/,
    );
  });

  it('names the manifest path and line of a missing subtitle file, and writes nothing', async () => {
    const before = await libraryState();
    writeFileSync(
      join(dir, 'missing.yaml'),
      'title: Missing\nepisodes:\n  - id: S01E01\n    subtitles: [gone.srt]\n',
    );
    expectCleanFailure(
      await receipts('ingest', 'missing.yaml'),
      66,
      /missing\.yaml:4: episodes\[0\]\.subtitles\[0\]: gone\.srt: file not found/,
    );
    expect(await libraryState()).toEqual(before);
  });

  it('rejects duplicate episode ids', async () => {
    writeFileSync(join(dir, 'dup.yaml'), 'title: Dup\nepisodes:\n  - id: S01E01\n  - id: S01E01\n');
    expectCleanFailure(
      await receipts('ingest', 'dup.yaml'),
      65,
      /dup\.yaml:4: episodes\[1\]\.id: duplicate episode id/,
    );
  });

  it('names the file and line of a malformed timestamp, and writes nothing', async () => {
    const before = await libraryState();
    writeFileSync(
      join(dir, 'bad.srt'),
      '1\n00:00:01,000 --> 00:00:02,000\nHello\n\n2\n00:00:03,000 --> 00:0x:04,000\nWorld\n',
    );
    writeFileSync(
      join(dir, 'bad.yaml'),
      'title: The Lighthouse\nid: the-lighthouse\nepisodes:\n  - id: S01E01\n    subtitles: [bad.srt]\n',
    );
    expectCleanFailure(await receipts('ingest', 'bad.yaml'), 65, /bad\.srt:6[: ]/);
    expect(await libraryState()).toEqual(before);
  });

  it('refuses empty and binary files by name', async () => {
    writeFileSync(join(dir, 'empty.srt'), '');
    writeFileSync(
      join(dir, 'empty.yaml'),
      'title: E\nepisodes:\n  - id: S01E01\n    subtitles: [empty.srt]\n',
    );
    expectCleanFailure(await receipts('ingest', 'empty.yaml'), 65, /empty\.srt: .*empty/);
    writeFileSync(
      join(dir, 'binary.srt'),
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48]),
    );
    writeFileSync(
      join(dir, 'binary.yaml'),
      'title: B\nepisodes:\n  - id: S01E01\n    subtitles: [binary.srt]\n',
    );
    expectCleanFailure(await receipts('ingest', 'binary.yaml'), 65, /binary\.srt: .*binary/);
  });

  it('refuses a database file that is not a database', () => {
    const garbage = join(dir, 'garbage.db');
    writeFileSync(garbage, 'this is not a database, it is a shopping list\n'.repeat(200));
    const r = spawnSync(process.execPath, [...CLI, '--db', garbage, 'stats'], {
      encoding: 'utf8',
    });
    expect(r.status).toBe(74);
    expect(r.stderr).toMatch(/garbage\.db/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('explains a bad query or option', async () => {
    expectCleanFailure(await receipts('search', '"unclosed'), 64, /quote/i);
    expectCleanFailure(await receipts('search', 'x', '--kind', 'cues'), 64, /--kind/);
    expectCleanFailure(await receipts('search', 'x', '--limt', '2'), 64, /unknown option --limt/);
    expect((await receipts('frobnicate')).code).toBe(64);
  });

  it('reads a dashed word in a query as an exclusion, not an option', async () => {
    const total = async (...args: string[]) =>
      (JSON.parse((await receipts('search', ...args, '--json')).out) as { total: number }).total;
    const all = await total('the');
    const some = await total('the', '-lamp');
    expect(some).toBeGreaterThan(0);
    expect(some).toBeLessThan(all);
    expect(await total('the', 'lamp')).toBe(all - some);
  });
});
