import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { ReceiptsError } from '../../domain/errors.js';
import type { CanonStore, IngestBatch, LineInput } from '../canon-store.js';
import { describeAlignmentStoreContract } from '../alignment-store.contract.js';
import { describeCanonStoreContract } from '../canon-store.contract.js';
import { describeMediaStoreContract } from '../media-store.contract.js';
import { describeMomentStoreContract } from '../moment-store.contract.js';
import { openSqliteStore, type SqliteStoreOptions } from './canon-store.js';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations.js';

const dir = mkdtempSync(join(tmpdir(), 'receipts-store-'));
let n = 0;
const tempFile = () => join(dir, `library-${n++}.db`);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describeCanonStoreContract('SQLite', () => openSqliteStore(tempFile()));
describeMomentStoreContract('SQLite', () => openSqliteStore(tempFile()));
describeAlignmentStoreContract('SQLite', () => openSqliteStore(tempFile()));
describeMediaStoreContract('SQLite', () => openSqliteStore(tempFile()));

async function errorOf(p: Promise<unknown>): Promise<ReceiptsError> {
  const e: unknown = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(ReceiptsError);
  return e as ReceiptsError;
}

function cues(texts: readonly string[], speakerLabel: string | null = null): LineInput[] {
  return texts.map((text, seq) => ({
    kind: 'cue',
    seq,
    line: seq * 4 + 1,
    startMs: seq * 1000,
    endMs: seq * 1000 + 900,
    speakerLabel,
    qualifier: null,
    text,
    styled: null,
    sound: false,
  }));
}

/** Three episodes, a subtitle and a transcript each. */
function smallBatch(order: readonly string[] = ['E1', 'E2', 'E3']): IngestBatch {
  return {
    series: { id: 's', title: 'S', manifest: 'canon.yaml' },
    episodes: order.map((id, i) => ({
      id,
      season: 1,
      number: i + 1,
      title: null,
      airDate: null,
      storyOrder: null,
    })),
    characters: [{ name: 'Ann', aliases: ['ANN'], unlisted: false }],
    sources: ['E1', 'E2', 'E3'].flatMap((e) => [
      {
        path: `${e}.srt`,
        hash: `h-${e}`,
        episodeId: e,
        role: 'subtitle' as const,
        format: 'srt',
        encoding: 'UTF-8',
        language: 'en',
        lines: cues([`hello from ${e}`, 'filler', `bye from ${e}`], 'ANN'),
      },
      {
        path: `${e}.txt`,
        hash: `t-${e}`,
        episodeId: e,
        role: 'transcript' as const,
        format: 'csv',
        encoding: 'UTF-8',
        language: null,
        // A scene heading, so that the heading index is checked through every change too.
        lines: cues([`transcript hello ${e}`, `Hall of ${e}`]).map((l, i) => ({
          ...l,
          kind: i === 0 ? ('dialogue' as const) : ('scene' as const),
        })),
      },
    ]),
    keep: [],
  };
}

/** Every row of every table, and FTS5's own consistency check against the lines. */
function rawDump(file: string) {
  ftsIntegrity(file); // a command FTS5 runs as an insert: not on a read-only connection
  const db = new Database(file, { readonly: true });
  try {
    const tables = db
      .prepare(
        `SELECT name FROM sqlite_schema WHERE type = 'table'
           AND name NOT LIKE 'lines_fts%' AND name NOT LIKE 'scenes_fts%' ORDER BY name`,
      )
      .pluck()
      .all() as string[];
    return {
      ...Object.fromEntries(
        tables.map((t) => [t, db.prepare(`SELECT * FROM "${t}" ORDER BY 1, 2`).all()]),
      ),
      sceneIndex: db.prepare('SELECT rowid FROM scenes_fts ORDER BY rowid').pluck().all(),
    };
  } finally {
    db.close();
  }
}

function ftsIntegrity(file: string): void {
  const db = new Database(file);
  try {
    db.prepare(`INSERT INTO lines_fts (lines_fts, rank) VALUES ('integrity-check', 1)`).run();
    db.prepare(`INSERT INTO scenes_fts (scenes_fts, rank) VALUES ('integrity-check', 1)`).run();
    // The heading index holds exactly the scene headings.
    const indexed = db.prepare('SELECT rowid FROM scenes_fts ORDER BY rowid').pluck().all();
    const headings = db.prepare(`SELECT id FROM lines WHERE kind = 'scene' ORDER BY id`).pluck();
    expect(indexed).toEqual(headings.all());
  } finally {
    db.close();
  }
}

async function withStore<T>(
  file: string,
  fn: (s: CanonStore) => Promise<T>,
  options: SqliteStoreOptions = {},
): Promise<T> {
  const store = await openSqliteStore(file, options);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

const search = (store: CanonStore, query: string, order: 'canon' | 'relevance' = 'canon') =>
  store.search({ query, filters: {}, order, limit: 20, offset: 0, context: 0 });

describe('openSqliteStore', () => {
  it('refuses a file that is not a database, naming it', async () => {
    const file = tempFile();
    writeFileSync(file, Buffer.from('not a database, just bytes\n'.repeat(200)));
    const e = await errorOf(openSqliteStore(file));
    expect(e.code).toBe('DB_UNREADABLE');
    expect(e.place.file).toBe(file);
  });

  it('refuses a path it cannot open', async () => {
    expect((await errorOf(openSqliteStore(join(dir, 'missing-dir', 'x.db')))).code).toBe(
      'DB_UNREADABLE',
    );
    expect((await errorOf(openSqliteStore(dir))).code).toBe('DB_UNREADABLE');
    expect((await errorOf(openSqliteStore(tempFile(), { readonly: true }))).code).toBe(
      'DB_UNREADABLE',
    );
  });

  it('refuses a library written by a newer Receipts', async () => {
    const file = tempFile();
    await withStore(file, async () => {});
    const db = new Database(file);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    expect((await errorOf(openSqliteStore(file))).message).toMatch(/newer/);
  });

  it('records applied migrations and applies them once', async () => {
    const file = tempFile();
    await withStore(file, async () => {});
    await withStore(file, async () => {});
    const db = new Database(file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.prepare('SELECT version FROM schema_migrations').pluck().all()).toEqual(
      MIGRATIONS.map((m) => m.version),
    );
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('reports DB_BUSY when another process holds the write lock, and changes nothing', async () => {
    const file = tempFile();
    await withStore(file, (s) => s.applyIngest(smallBatch()));
    const before = rawDump(file);
    const other = new Database(file);
    other.exec('BEGIN IMMEDIATE');
    try {
      await withStore(
        file,
        async (s) => {
          expect((await search(s, 'hello')).total).toBe(6); // readers are not blocked
          const e = await errorOf(s.applyIngest({ ...smallBatch(), sources: [], keep: [] }));
          expect(e.code).toBe('DB_BUSY');
          expect(e.place.file).toBe(file);
        },
        { busyTimeoutMs: 50 },
      );
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect(rawDump(file)).toEqual(before);
  });
});

describe('SQLite store', () => {
  it('writes nothing at all when a batch is re-applied with every source kept', async () => {
    const file = tempFile();
    await withStore(file, (s) => s.applyIngest(smallBatch()));
    const before = rawDump(file);
    const all = smallBatch();
    await withStore(file, (s) =>
      s.applyIngest({ ...all, sources: [], keep: all.sources.map((x) => x.path) }),
    );
    expect(rawDump(file)).toEqual(before);
  });

  it('names the line a multi-row insert failed on, and changes nothing', async () => {
    const file = tempFile();
    await withStore(file, (s) => s.applyIngest(smallBatch()));
    const before = rawDump(file);
    const all = smallBatch();
    const lines = cues(Array.from({ length: 100 }, (_, i) => `line ${i}`));
    // Seq 42 (file line 169) has a kind the store refuses, within the second 32-row statement.
    lines[42] = { ...lines[42]!, kind: 'bogus' as never };
    const bad = { ...all.sources[0]!, path: 'E1b.srt', lines };
    const e = await errorOf(
      withStore(file, (s) => s.applyIngest({ ...all, sources: [...all.sources, bad] })),
    );
    expect(e.message).toMatch(/^Cannot store line 169 \(seq 42, bogus\)/u);
    expect(e.place).toMatchObject({ file: 'E1b.srt', line: 169 });
    expect(rawDump(file)).toEqual(before);
  });

  it('keeps the FTS index consistent through replace, move, reorder and removal', async () => {
    const file = tempFile();
    const all = smallBatch();
    const paths = all.sources.map((x) => x.path);
    await withStore(file, async (s) => {
      await s.applyIngest({ ...all, sources: all.sources.filter((x) => x.episodeId !== 'E2') });
      // a subtitle that sorts before the kept one moves it within the episode
      const extra = { ...all.sources[0]!, path: 'E3.a.srt', episodeId: 'E3', hash: 'x' };
      await s.applyIngest({
        ...all,
        sources: [...all.sources.filter((x) => x.episodeId === 'E2'), extra],
        keep: paths.filter((p) => !p.startsWith('E2')),
      });
      ftsIntegrity(file);
      await s.applyIngest({
        ...smallBatch(['E3', 'E1', 'E2']),
        sources: [],
        keep: [...paths, 'E3.a.srt'],
      });
      ftsIntegrity(file);
      const r = await search(s, 'hello');
      expect(r.groups.map((g) => `${g.episode.id} ${g.hits[0]!.source.file}`)).toEqual([
        'E3 E3.a.srt',
        'E3 E3.srt',
        'E3 E3.txt',
        'E1 E1.srt',
        'E1 E1.txt',
        'E2 E2.srt',
        'E2 E2.txt',
      ]);
      const ids = r.groups.map((g) => g.hits[0]!.id);
      expect(ids).toEqual([...ids].sort((a, b) => a - b)); // ids are canon order
      await s.applyIngest({ ...smallBatch(['E3', 'E1', 'E2']), sources: [], keep: ['E1.srt'] });
      ftsIntegrity(file);
      expect((await search(s, 'hello')).total).toBe(1);
    });
  });

  it('sees another connection ingest without reopening', async () => {
    const file = tempFile();
    await withStore(file, async (reader) => {
      expect(await reader.listSeries()).toEqual([]);
      await withStore(file, (writer) => writer.applyIngest(smallBatch()));
      expect((await reader.listSeries()).map((s) => s.id)).toEqual(['s']);
      expect((await search(reader, 'hello')).total).toBe(6);
    });
  });

  it('serialises a search issued during an ingest', async () => {
    const file = tempFile();
    await withStore(file, async (s) => {
      const ingest = s.applyIngest(smallBatch());
      const during = search(s, 'hello');
      await ingest;
      expect((await during).total).toBe(6);
    });
  });

  it('caps counts and relevance candidates at the configured limits', async () => {
    const file = tempFile();
    const many = smallBatch();
    const big = {
      ...many.sources[0]!,
      path: 'big.srt',
      lines: cues(Array.from({ length: 3000 }, (_, i) => `echo number ${i}`)),
    };
    await withStore(
      file,
      async (s) => {
        await s.applyIngest({ ...many, sources: [big] });
        const r = await search(s, 'echo');
        expect([r.total, r.totalCapped]).toEqual([100, true]);
        const ranked = await search(s, 'echo', 'relevance');
        expect(ranked.rankedCandidates).toBe(30);
        expect([ranked.total, ranked.totalCapped]).toEqual([100, true]);
        const deepRequest = {
          query: 'echo',
          filters: {},
          order: 'canon' as const,
          limit: 10,
          offset: 500,
          context: 0,
        };
        const deep = await s.search(deepRequest);
        expect(deep.groups[0]!.hits[0]!.text).toBe('echo number 500');
        expect(deep.total).toBe(510);
        // Counting to 500 or less, one statement reads the matching ids; beyond, a page and a
        // count are two: the same hits either way.
        const upTo = (countUpTo: number) => s.search({ ...deepRequest, offset: 40, countUpTo });
        const [read, counted] = [await upTo(100), await upTo(1000)];
        expect(read.groups[0]!.hits[0]!.text).toBe('echo number 40');
        expect(read.groups).toEqual(counted.groups);
        expect([read.total, counted.total]).toEqual([100, 1000]);
        // A prefix the index does not hold reads its ids in one statement: the same answers.
        for (const query of ['echo*', 'numbe*']) {
          const p = await s.search({ ...deepRequest, query });
          expect(p.groups[0]!.hits.map((h) => h.text)).toEqual(
            deep.groups[0]!.hits.map((h) => h.text),
          );
          expect([p.total, p.totalCapped]).toEqual([510, true]);
          expect([(await search(s, query)).total, (await search(s, query)).totalCapped]).toEqual([
            100,
            true,
          ]);
        }
        const few = await s.search({ ...deepRequest, query: 'echo* 2999*', offset: 0 });
        expect(few.groups.flatMap((g) => g.hits.map((h) => h.text))).toEqual(['echo number 2999']);
        expect([few.total, few.totalCapped]).toEqual([1, false]);
      },
      { countCap: 100, rankCandidates: 40, rankSample: 30 },
    );
  });

  it('reports the file size', async () => {
    const file = tempFile();
    await withStore(file, async (s) => {
      await s.applyIngest(smallBatch());
      expect((await s.stats()).dbBytes).toBeGreaterThan(4096);
    });
  });
});
