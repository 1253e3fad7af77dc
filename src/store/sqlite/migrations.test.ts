import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import type { SearchFilters } from '../../domain/search.js';
import type { LineInput, SourceInput } from '../canon-store.js';
import { openSqliteStore } from './canon-store.js';
import { MIGRATIONS } from './migrations.js';

const dir = mkdtempSync(join(tmpdir(), 'receipts-migrations-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const KINDS = ['cue', 'dialogue', 'action', 'scene'] as const;

function source(path: string, episodeId: string, texts: readonly string[]): SourceInput {
  const lines: LineInput[] = texts.map((text, seq) => ({
    kind: KINDS[seq % KINDS.length]!,
    seq,
    line: seq + 1,
    startMs: seq * 1000,
    endMs: null,
    speakerLabel: seq % 3 === 0 ? null : seq % 3 === 1 ? 'ANN' : 'Bob',
    qualifier: null,
    text,
    styled: null,
    sound: seq % 5 === 0,
  }));
  return {
    path,
    hash: path,
    episodeId,
    role: 'transcript',
    format: 'csv',
    encoding: 'UTF-8',
    language: null,
    lines,
  };
}

/** A library as the schema before the `lines` rewrite (migration 7) left it. */
function libraryBeforeLinesRewrite(file: string): void {
  const db = new Database(file);
  for (const m of MIGRATIONS.filter((x) => x.version < 7)) {
    db.exec(m.sql);
    db.pragma(`user_version = ${m.version}`);
  }
  db.close();
}

describe('migrations 7 and 8 (lines without CHECK constraints, scene headings indexed)', () => {
  it('upgrades a library with lines, keeping rows, FTS index and filters intact', async () => {
    const file = join(dir, 'old.db');
    libraryBeforeLinesRewrite(file);
    // Written by the current code into the old table: the insert uses the same columns.
    let store = await openSqliteStore(join(dir, 'new.db'));
    const texts = ['Hello there', 'the kitchen', 'You know what', 'INT. TARDIS', 'hello again'];
    const batch = {
      series: { id: 's', title: 'S', manifest: 'canon.yaml' },
      episodes: [{ id: 'E1', season: 1, number: 1, title: null, airDate: null, storyOrder: null }],
      characters: [{ name: 'Ann', aliases: ['ANN'], unlisted: false }],
      sources: [source('E1.txt', 'E1', texts)],
      keep: [],
    };
    await store.applyIngest(batch);
    await store.close();
    const fresh = new Database(join(dir, 'new.db'), { readonly: true });
    const old = new Database(file);
    old.exec(`ATTACH '${join(dir, 'new.db')}' AS n`);
    for (const t of ['series', 'episodes', 'characters', 'aliases', 'speakers', 'sources']) {
      old.exec(`INSERT INTO main.${t} SELECT * FROM n.${t}`);
    }
    const base = `id, source_id, kind, seq, line, start_ms, end_ms, speaker_label, speaker_id,
      qualifier, text, styled, sound`;
    old.exec(`INSERT INTO main.lines (${base}) SELECT ${base} FROM n.lines`);
    old.exec(`INSERT INTO main.source_speakers SELECT * FROM n.source_speakers`);
    old.exec(`INSERT INTO lines_fts (rowid, text, speaker_token, kind_token)
      SELECT id, text, speaker_token, kind_token FROM main.lines`);
    const tokensBefore = old
      .prepare('SELECT id, kind_token, speaker_token FROM main.lines ORDER BY id')
      .all();
    old.exec('DETACH n');
    old.close();

    store = await openSqliteStore(file);
    // The texts of the hits, in canon order.
    const hitTexts = async (query: string, filters: SearchFilters): Promise<string[]> => {
      const r = await store.search({
        query,
        filters,
        order: 'canon',
        limit: 10,
        offset: 0,
        context: 0,
      });
      return r.groups.flatMap((g) => g.hits.map((h) => h.text));
    };
    expect(await hitTexts('hello', { kinds: ['cue'] })).toEqual(['Hello there', 'hello again']);
    expect(await hitTexts('the*', { speaker: 'Ann' })).toEqual(['the kitchen']);
    // Migration 8 indexed the scene heading on its own, and a heading search reads that index.
    expect(await hitTexts('tardis', { kinds: ['scene'] })).toEqual(['INT. TARDIS']);
    await store.close();

    const db = new Database(file);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.at(-1)!.version);
    expect(db.prepare('SELECT * FROM lines ORDER BY id').all()).toEqual(
      fresh.prepare('SELECT * FROM lines ORDER BY id').all(),
    );
    expect(db.prepare('SELECT id, kind_token, speaker_token FROM lines ORDER BY id').all()).toEqual(
      tokensBefore,
    );
    const ddl = db.prepare(`SELECT sql FROM sqlite_schema WHERE name = 'lines'`).pluck().get();
    expect(ddl).not.toMatch(/CHECK/u);
    db.prepare(`INSERT INTO lines_fts (lines_fts, rank) VALUES ('integrity-check', 1)`).run();
    expect(db.prepare('SELECT rowid FROM scenes_fts').pluck().all()).toEqual(
      db.prepare(`SELECT id FROM lines WHERE kind = 'scene'`).pluck().all(),
    );
    db.close();
    fresh.close();
  });
});
