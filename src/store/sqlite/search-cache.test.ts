import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SearchRequest, SearchResult } from '../../domain/search.js';
import { SearchCache } from './search-cache.js';

const request = (query: string): SearchRequest => ({
  query,
  filters: {},
  order: 'canon',
  limit: 20,
  offset: 0,
  context: 1,
});

describe('SearchCache', () => {
  let dir: string;
  let db: Database.Database;
  let searches: string[];
  const search = (q: string) => () => {
    searches.push(q);
    const result: SearchResult = {
      groups: [],
      total: searches.length,
      totalCapped: false,
      rankedCandidates: null,
    };
    return Promise.resolve(result);
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'receipts-search-cache-'));
    db = new Database(join(dir, 'library.db'));
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE t (x)');
    searches = [];
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers a repeated request from the cache, and a different one afresh', async () => {
    const cache = new SearchCache(db, 10);
    const first = await cache.get(request('tea'), search('tea'));
    expect(await cache.get(request('tea'), search('tea'))).toBe(first);
    await cache.get({ ...request('tea'), offset: 20 }, search('tea, page 2'));
    expect(searches).toEqual(['tea', 'tea, page 2']);
  });

  it('forgets everything when this connection writes', async () => {
    const cache = new SearchCache(db, 10);
    await cache.get(request('tea'), search('tea'));
    db.prepare('INSERT INTO t VALUES (1)').run();
    await cache.get(request('tea'), search('tea'));
    expect(searches).toEqual(['tea', 'tea']);
  });

  it('forgets everything when another connection commits', async () => {
    const cache = new SearchCache(db, 10);
    await cache.get(request('tea'), search('tea'));
    const other = new Database(join(dir, 'library.db'));
    other.prepare('INSERT INTO t VALUES (2)').run();
    other.close();
    await cache.get(request('tea'), search('tea'));
    expect(searches).toEqual(['tea', 'tea']);
  });

  it('keeps the most recently used requests up to its capacity', async () => {
    const cache = new SearchCache(db, 2);
    await cache.get(request('a'), search('a'));
    await cache.get(request('b'), search('b'));
    await cache.get(request('a'), search('a')); // a is now the most recent
    await cache.get(request('c'), search('c')); // evicts b
    await cache.get(request('a'), search('a'));
    await cache.get(request('b'), search('b'));
    expect(searches).toEqual(['a', 'b', 'c', 'b']);
  });

  it('keeps nothing at capacity 0, and no failed search', async () => {
    const off = new SearchCache(db, 0);
    await off.get(request('tea'), search('tea'));
    await off.get(request('tea'), search('tea'));
    const on = new SearchCache(db, 10);
    const failing = () => Promise.reject(new Error('bad query'));
    await expect(on.get(request('"'), failing)).rejects.toThrow('bad query');
    await on.get(request('"'), search('"'));
    expect(searches).toEqual(['tea', 'tea', '"']);
  });
});
