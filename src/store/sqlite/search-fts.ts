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

/**
 * What to ask FTS5: an expression, and the index that answers it: `lines_fts` (every line),
 * or `scenes_fts` (scene headings alone, migration 8) when only headings are wanted.
 */
export interface FtsMatch {
  readonly table: 'lines_fts' | 'scenes_fts';
  readonly expr: string;
}

const COUNT = (t: string) => `SELECT count(*) AS n FROM (
  SELECT 1 FROM ${t} WHERE ${t} MATCH ? AND rowid BETWEEN ? AND ? LIMIT ?)`;
const PAGE = (t: string) => `SELECT rowid AS id FROM ${t}
  WHERE ${t} MATCH ? AND rowid BETWEEN ? AND ? ORDER BY rowid LIMIT ? OFFSET ?`;
const IDS = (t: string) => `SELECT rowid FROM ${t}
  WHERE ${t} MATCH ? AND rowid BETWEEN ? AND ? ORDER BY rowid LIMIT ?`;
// Joining lines is 40 % faster than reading text through the external-content table.
const CANDIDATES = (t: string) => `SELECT l.id, l.text FROM ${t} f JOIN lines l ON l.id = f.rowid
  WHERE ${t} MATCH ? AND f.rowid BETWEEN ? AND ? ORDER BY f.rowid LIMIT ?`;

/** Matches of `match` within one id range, counted up to `cap`. */
export function countIn(
  raw: BetterSqlite3.Database,
  match: FtsMatch,
  seg: Segment,
  cap: number,
): number {
  const row = prepared(raw, COUNT(match.table)).get(match.expr, seg.range.lo, seg.range.hi, cap) as
    { n: number } | undefined;
  return row?.n ?? 0;
}

/** Matches in the segments, counted up to `cap`. */
export function countUpTo(
  raw: BetterSqlite3.Database,
  segs: readonly Segment[],
  match: (s: Segment) => FtsMatch,
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
  match: (s: Segment) => FtsMatch,
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
    const m = match(seg);
    const rows = prepared(raw, PAGE(m.table)).all(
      m.expr,
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
 * 4.1 ms for `what*` on 1M lines). Other queries read ids this way up to a count of 500;
 * beyond, the count and the page are cheaper (search.ts).
 */
export function idsUpTo(
  raw: BetterSqlite3.Database,
  segs: readonly Segment[],
  match: (s: Segment) => FtsMatch,
  cap: number,
): number[] {
  const ids: number[] = [];
  for (const seg of segs) {
    if (ids.length >= cap) break;
    const m = match(seg);
    const st = prepared(raw, IDS(m.table), 'pluck');
    for (const id of st.all(m.expr, seg.range.lo, seg.range.hi, cap - ids.length) as number[]) {
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
  match: FtsMatch,
  lo: bigint,
  seg: Segment,
  want: number,
): Candidate[] {
  return prepared(raw, CANDIDATES(match.table)).all(
    match.expr,
    lo,
    seg.range.hi,
    want,
  ) as Candidate[];
}
