import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestLibrary } from '../../app/moments-test-canon.js';
import { ReceiptsError } from '../../domain/errors.js';
import type { SearchRequest } from '../../domain/search.js';
import type { CanonStore } from '../canon-store.js';
import { startSearchPool, type SearchPool } from './search-pool.js';

const request = (query: string): SearchRequest => ({
  query,
  filters: {},
  order: 'canon',
  limit: 20,
  offset: 0,
  context: 1,
});

describe('a pool of search threads', () => {
  let lib: { dir: string; store: CanonStore; remove: () => Promise<void> };
  let pool: SearchPool | null;

  beforeAll(async () => {
    lib = await openTestLibrary('receipts-search-pool-');
    pool = await startSearchPool(join(lib.dir, 'library.db'), 2);
  }, 60_000);
  afterAll(async () => {
    await pool?.close();
    await lib.remove();
  });

  it('answers what the store answers, as JSON, from several threads at once', async () => {
    expect(pool).not.toBeNull();
    const queries = ['Jack', 'kisses', '"I love you"', 'coffee', 'Jack', 'Rose'];
    const answers = await Promise.all(queries.map((q) => pool!.search(request(q))));
    for (const [i, q] of queries.entries()) {
      expect(JSON.parse(answers[i]!)).toEqual(
        JSON.parse(JSON.stringify(await lib.store.search(request(q)))),
      );
    }
    expect(answers.some((a) => (JSON.parse(a) as { total: number }).total > 0)).toBe(true);
  });

  it('raises the search error again with its code', async () => {
    const e = await pool!.search(request('"')).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ReceiptsError);
    expect(e).toMatchObject({ code: 'QUERY_INVALID' });
  });

  it('gives up (null) when the library cannot be opened', async () => {
    expect(await startSearchPool(join(lib.dir, 'no-such-folder', 'library.db'), 1)).toBeNull();
  });
});
