import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ingestCanon } from '../src/app/ingest-canon.js';
import type { CanonStore } from '../src/store/canon-store.js';
import { openSqliteStore } from '../src/store/sqlite/canon-store.js';
import { REPO_ROOT } from './shared-data.js';
import { writeSyntheticCanon } from './synthetic-canon.js';

const dir = mkdtempSync(join(tmpdir(), 'receipts-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Everything a user could see of the library, to compare before and after. */
async function snapshot(store: CanonStore) {
  const search = await store.search({
    query: 'you',
    filters: {},
    order: 'canon',
    limit: 5,
    offset: 0,
    context: 0,
  });
  return {
    stats: { ...(await store.stats()), dbBytes: null },
    episodes: await store.listEpisodes(),
    characters: await store.listCharacters(),
    search,
  };
}

describe('an ingest killed midway', () => {
  it('leaves the library exactly as it was', async () => {
    const db = join(dir, 'library.db');
    const v1 = writeSyntheticCanon(join(dir, 'v1'), { episodes: 2, cues: 50, title: 'Crash Test' });
    let store = await openSqliteStore(db);
    await ingestCanon(v1, store);
    const before = await snapshot(store);
    await store.close();

    // The same series, now much bigger: the child is killed while writing it.
    const v2 = writeSyntheticCanon(join(dir, 'v2'), {
      episodes: 30,
      cues: 400,
      title: 'Crash Test',
      marker: 'zebra',
    });
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(REPO_ROOT, 'test/fixtures/ingest-child.ts'), v2, db],
      {
        cwd: REPO_ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const outcome = await new Promise<{
      killed: boolean;
      signal: NodeJS.Signals | null;
      code: number | null;
    }>((resolve) => {
      let killed = false;
      child.stdout.on('data', (d: Buffer) => {
        if (d.toString().includes('WRITING')) {
          killed = child.kill('SIGKILL');
        }
      });
      child.on('exit', (code, signal) => resolve({ killed, signal, code }));
    });
    expect(stderr).toBe('');
    expect(outcome).toMatchObject({ killed: true, signal: 'SIGKILL' });

    store = await openSqliteStore(db);
    const after = await snapshot(store);
    expect(after).toEqual(before);
    const zebra = await store.search({
      query: 'zebra',
      filters: {},
      order: 'canon',
      limit: 5,
      offset: 0,
      context: 0,
    });
    expect(zebra.total).toBe(0);

    // And the library still works: the same ingest, uninterrupted, completes.
    const report = await ingestCanon(v2, store);
    expect(report.summary.episodes).toBe(30);
    expect(
      (
        await store.search({
          query: 'zebra',
          filters: {},
          order: 'canon',
          limit: 50,
          offset: 0,
          context: 0,
        })
      ).total,
    ).toBe(30);
    await store.close();
  });
});
