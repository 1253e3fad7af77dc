import type BetterSqlite3 from 'better-sqlite3';
import type { SearchRequest, SearchResult } from '../../domain/search.js';

/**
 * Recent search results, for the searches people repeat: backspacing while typing, paging back,
 * a second tab. Kept only while the library is unchanged: `data_version` moves when another
 * connection commits, `total_changes()` when this one writes (an ingest, an alignment), and any
 * move empties the cache. Results are shared between callers, so they are never mutated.
 */
export class SearchCache {
  private readonly entries = new Map<string, SearchResult>();
  private generation = '';
  private readonly version: BetterSqlite3.Statement;

  constructor(
    raw: BetterSqlite3.Database,
    private readonly capacity: number,
  ) {
    this.version = raw
      .prepare('SELECT (SELECT data_version FROM pragma_data_version), total_changes()')
      .raw();
  }

  /** The cached result of `request`, or `search()`'s, kept for next time. */
  async get(request: SearchRequest, search: () => Promise<SearchResult>): Promise<SearchResult> {
    if (this.capacity <= 0) return search();
    const generation = (this.version.get() as unknown[]).join(':');
    if (generation !== this.generation) {
      this.entries.clear();
      this.generation = generation;
    }
    const key = JSON.stringify(request);
    const hit = this.entries.get(key);
    if (hit) {
      // Most recently used last: Map keeps insertion order, so re-insert.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const result = await search();
    this.entries.set(key, result);
    if (this.entries.size > this.capacity) {
      this.entries.delete(this.entries.keys().next().value!);
    }
    return result;
  }
}
