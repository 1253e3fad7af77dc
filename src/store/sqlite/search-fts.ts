import type BetterSqlite3 from 'better-sqlite3';
import type { Segment } from './search-scope.js';

/**
 * The FTS5 statements of the search path, run through better-sqlite3 statements prepared once
 * per connection. Going through kysely prepared (and compiled) every statement again on every
 * call: about 0.1 ms for the line loader alone, a tenth of the 1 ms a search may take.
 */
const cache = new WeakMap<BetterSqlite3.Database, Map<string, BetterSqlite3.Statement>>();

/**
 * The statement for `sql` on this connection, prepared on first use; `raw` returns rows as
 * arrays, `pluck` the first column of each.
 */
export function prepared(
  raw: BetterSqlite3.Database,
  sql: string,
  mode: 'objects' | 'raw' | 'pluck' = 'objects',
): BetterSqlite3.Statement {
  let byText = cache.get(raw);
  if (!byText) cache.set(raw, (byText = new Map<string, BetterSqlite3.Statement>()));
  const key = `${mode}:${sql}`;
  let st = byText.get(key);
  if (!st) {
    st = raw.prepare(sql);
    if (mode === 'raw') st.raw();
    if (mode === 'pluck') st.pluck();
    byText.set(key, st);
  }
  return st;
}

const COUNT = `SELECT count(*) AS n FROM (
  SELECT 1 FROM lines_fts WHERE lines_fts MATCH ? AND rowid BETWEEN ? AND ? LIMIT ?)`;
const PAGE = `SELECT rowid AS id FROM lines_fts
  WHERE lines_fts MATCH ? AND rowid BETWEEN ? AND ? ORDER BY rowid LIMIT ? OFFSET ?`;
const IDS = `SELECT rowid FROM lines_fts
  WHERE lines_fts MATCH ? AND rowid BETWEEN ? AND ? ORDER BY rowid LIMIT ?`;
// Joining lines is 40 % faster than reading text through the external-content table.
const CANDIDATES = `SELECT l.id, l.text FROM lines_fts f JOIN lines l ON l.id = f.rowid
  WHERE lines_fts MATCH ? AND f.rowid BETWEEN ? AND ? ORDER BY f.rowid LIMIT ?`;

/** Matches of `match` within one id range, counted up to `cap`. */
export function countIn(
  raw: BetterSqlite3.Database,
  match: string,
  seg: Segment,
  cap: number,
): number {
  const row = prepared(raw, COUNT).get(match, seg.range.lo, seg.range.hi, cap) as
    { n: number } | undefined;
  return row?.n ?? 0;
}

/** Matches in the segments, counted up to `cap`. */
export function countUpTo(
  raw: BetterSqlite3.Database,
  segs: readonly Segment[],
  match: (s: Segment) => string,
  cap: number,
): number {
  let n = 0;
  for (const seg of segs) {
    if (n >= cap) break;
    n += countIn(raw, match(seg), seg, cap - n);
  }
  return n;
}

/**
 * Matching ids offset..offset+limit in canon order, the offset carried across segments, and
 * how many matches were skipped before them (less than `offset` when there are fewer).
 */
export function pageIds(
  raw: BetterSqlite3.Database,
  segs: readonly Segment[],
  match: (s: Segment) => string,
  offset: number,
  limit: number,
): { ids: number[]; skipped: number } {
  const ids: number[] = [];
  let skip = offset;
  for (const seg of segs) {
    if (ids.length >= limit) break;
    if (skip > 0) {
      const here = countIn(raw, match(seg), seg, skip);
      if (here < skip) {
        skip -= here;
        continue;
      }
    }
    const rows = prepared(raw, PAGE).all(
      match(seg),
      seg.range.lo,
      seg.range.hi,
      limit - ids.length,
      skip,
    ) as { id: number }[];
    skip = 0;
    for (const r of rows) ids.push(r.id);
  }
  return { ids, skipped: offset - skip };
}

/**
 * Up to `cap` matching ids in canon order, in one statement per segment. For a prefix that
 * the index does not hold, FTS5 merges every matching term's doclist before it returns a row,
 * once per statement: reading 1,000 ids once cost half of a page plus a count (2.1 against
 * 4.1 ms for `what*` on 1M lines). For other queries the count and the page are cheaper.
 */
export function idsUpTo(
  raw: BetterSqlite3.Database,
  segs: readonly Segment[],
  match: (s: Segment) => string,
  cap: number,
): number[] {
  const ids: number[] = [];
  const st = prepared(raw, IDS, 'pluck');
  for (const seg of segs) {
    if (ids.length >= cap) break;
    for (const id of st.all(match(seg), seg.range.lo, seg.range.hi, cap - ids.length) as number[]) {
      ids.push(id);
    }
  }
  return ids;
}

export interface Candidate {
  readonly id: number;
  readonly text: string;
}

/**
 * Up to `want` matches with their text from `lo` (inclusive) to the end of the segment, in
 * canon order.
 */
export function candidatesFrom(
  raw: BetterSqlite3.Database,
  match: string,
  lo: bigint,
  seg: Segment,
  want: number,
): Candidate[] {
  return prepared(raw, CANDIDATES).all(match, lo, seg.range.hi, want) as Candidate[];
}
