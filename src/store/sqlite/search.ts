import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { ReceiptsError } from '../../domain/errors.js';
import {
  LINE_KINDS,
  MAX_COUNT,
  type LineKind,
  type SearchRequest,
  type SearchResult,
} from '../../domain/search.js';
import {
  parseSearchQuery,
  positivePhrases,
  type QueryPhrase,
  type SearchQuery,
} from '../../domain/search-query.js';
import type { Catalog } from './catalog.js';
import { bm25, idf, type RankStats } from './rank.js';
import type { LibrarySchema } from './schema.js';
import {
  candidatesFrom,
  countUpTo,
  idsUpTo,
  pageIds,
  prepared,
  type Candidate,
  type FtsMatch,
} from './search-fts.js';
import { buildGroups } from './search-results.js';
import { resolveScope, segments, strata, type Segment } from './search-scope.js';

/**
 * Search over the FTS5 index. Every path does bounded work, whatever the query:
 *
 * - canon order is rowid order (line-ids.ts), so the page is `ORDER BY rowid LIMIT n` and
 *   FTS5 stops after n matches; series, season and episode filters are rowid ranges, kind and
 *   speaker are FTS tokens intersected inside FTS5 (cost: the smaller posting list, e.g. 3 ms
 *   for "the" among 25,000 scene headings of 1M lines), never a row-by-row check over all
 *   matches of a common word;
 * - the total is counted up to `countCap` and reported as capped beyond it;
 * - relevance ranks every match when there are at most `rankCandidates`; beyond that it ranks
 *   a sample of `rankSample`: the first matches of each of RANK_STRATA equal slices of the
 *   scope's episodes, so a common word ranks lines from the whole canon. The price: for a
 *   common word the best line of the library may not be in the sample. Each candidate costs
 *   about 2-5 us (finding it, reading its text, scoring it); 2,000 would take 5-10 ms. See
 *   rank.ts for why FTS5's own bm25() is not used.
 * - snippets, grouping and context are built from the returned rows only.
 */
export interface SearchLimits {
  /** Matches counted before the total is reported as capped. */
  readonly countCap: number;
  /** Matches ranked exactly, all of them, for relevance order. */
  readonly rankCandidates: number;
  /** Candidates sampled across the scope when there are more matches than that. */
  readonly rankSample: number;
}

/**
 * Counting 1,000 matches of "I don't know" on 1M lines takes ~0.4 ms, 10,000 took 4 ms: the
 * cap is what keeps common phrases within a millisecond. Beyond 200 matches relevance order
 * ranks a sample either way; a sample of 100 rather than 200 took "you" on 1M lines from 1.84
 * to 0.79 ms.
 */
export const DEFAULT_SEARCH_LIMITS: SearchLimits = {
  countCap: 1000,
  rankCandidates: 200,
  rankSample: 100,
};
export const MAX_LIMIT = 1000;
export const MAX_OFFSET = 10_000;
export const MAX_CONTEXT = 50;
const RANK_STRATA = 4;
/**
 * Up to this count cap one statement reading the matching ids gives both the page and the
 * count, where otherwise a page and a count are two FTS5 queries. On 1M lines, typed searches
 * counting to 100 took 11 % less time; to 500, 4 % less; to 1,000, 4 % more.
 */
const READ_IDS_UP_TO = 500;
/** Above this count cap a prefix query counts as other queries do, instead of reading its ids. */
const MAX_IDS_AT_ONCE = 10_000;
/** Per-phrase match count cap for the IDF of multi-phrase relevance queries. */
const DF_CAP = 200;

export interface SearchContext {
  readonly db: Kysely<LibrarySchema>;
  /** The same connection, for the statements of the search path (search-fts.ts). */
  readonly raw: BetterSqlite3.Database;
  readonly catalog: Catalog;
  readonly limits: SearchLimits;
  readonly rankStats: () => Promise<RankStats>;
}

export async function searchLines(
  ctx: SearchContext,
  request: SearchRequest,
): Promise<SearchResult> {
  const query = parseSearchQuery(request.query, { asYouType: request.asYouType ?? false });
  const { limit, offset, context, order, countCap } = checkRequest(request);
  const kinds = checkKinds(request.filters.kinds);
  const parts = resolveScope(ctx.raw, ctx.catalog, request.filters);
  const text = textExpression(query);
  const match = (seg: Segment): FtsMatch =>
    // Scene headings alone have their own index (no speaker is ever a heading's).
    kinds?.length === 1 && kinds[0] === 'scene' && seg.speakerIds === null
      ? { table: 'scenes_fts', expr: text }
      : { table: 'lines_fts', expr: matchExpression(text, kinds, seg.speakerIds) };
  const segs = segments(parts, ctx.catalog);

  // Counted up to `cap`: at `cap` there may be more, and `total` is a lower bound. Counting
  // returns one number per segment; materialising 1,000 ids as row objects cost 5x more.
  const cap = Math.max(countCap ?? ctx.limits.countCap, offset + limit);
  let total: number;
  let page: number[];
  let rankedCandidates: number | null = null;
  if (
    order === 'canon' &&
    (cap <= READ_IDS_UP_TO || (mergesPrefix(query) && cap <= MAX_IDS_AT_ONCE))
  ) {
    const ids = idsUpTo(ctx.raw, segs, match, cap);
    page = ids.slice(offset, offset + limit);
    total = ids.length;
  } else if (order === 'canon') {
    const found = pageIds(ctx.raw, segs, match, offset, limit);
    page = found.ids;
    // A short page is the end of the matches: the total is known without counting, which
    // halves the cost of a filter that leaves few matches of a common word.
    total =
      page.length < limit ? found.skipped + page.length : countUpTo(ctx.raw, segs, match, cap);
  } else {
    total = countUpTo(ctx.raw, segs, match, cap);
    const candidates =
      total < cap && total <= ctx.limits.rankCandidates
        ? sampleCandidates(ctx.raw, [segs], match, ctx.limits.rankCandidates)
        : sampleCandidates(ctx.raw, strata(parts, RANK_STRATA), match, ctx.limits.rankSample);
    rankedCandidates = candidates.length;
    const ranked = await rank(ctx, query, candidates, total);
    page = ranked.slice(offset, offset + limit);
  }
  const totalCapped = total >= cap;
  const groups = buildGroups(ctx, query, page, context);
  return { groups, total, totalCapped, rankedCandidates };
}

/**
 * Whether FTS5 must merge the doclists of every term a prefix stands for: the index holds
 * 3-character prefixes (migrations.ts), so any other prefix length is merged at query time.
 */
function mergesPrefix(query: SearchQuery): boolean {
  const phrases = [...query.required.flatMap((c) => c.anyOf), ...query.excluded];
  return phrases.some((p) => p.prefix && [...p.tokens[p.tokens.length - 1]!].length !== 3);
}

function checkRequest(r: SearchRequest) {
  const int = (name: string, v: number, min: number, max: number): number => {
    if (!Number.isInteger(v) || v < min || v > max) {
      throw new ReceiptsError(
        'QUERY_INVALID',
        `${name} must be a whole number from ${min} to ${max}.`,
      );
    }
    return v;
  };
  if (r.order !== 'canon' && r.order !== 'relevance') {
    throw new ReceiptsError(
      'QUERY_INVALID',
      `order must be canon or relevance, not "${String(r.order)}".`,
    );
  }
  if (r.filters.season !== undefined) int('season', r.filters.season, 0, 1_000_000);
  return {
    countCap: r.countUpTo === undefined ? undefined : int('count', r.countUpTo, 1, MAX_COUNT),
    limit: int('limit', r.limit, 1, MAX_LIMIT),
    offset: int('offset', r.offset, 0, MAX_OFFSET),
    context: int('context', r.context, 0, MAX_CONTEXT),
    order: r.order,
  };
}

function checkKinds(kinds: readonly LineKind[] | undefined): readonly LineKind[] | null {
  if (kinds === undefined) return null;
  const bad = kinds.filter((k) => !LINE_KINDS.includes(k));
  if (kinds.length === 0 || bad.length > 0) {
    throw new ReceiptsError(
      'QUERY_INVALID',
      `kinds must name one or more of ${LINE_KINDS.join(', ')}${bad.length ? ` (not ${bad.join(', ')})` : ''}.`,
    );
  }
  const set = new Set(kinds);
  return set.size === LINE_KINDS.length ? null : [...set];
}

const ftsString = (s: string): string => `"${s.replaceAll('"', '""')}"`;

/**
 * The FTS5 expression for the query, restricted to the text column. Each phrase goes to FTS5
 * as the user wrote it, quoted, so FTS5 tokenizes it exactly as it tokenized the lines.
 */
export function textExpression(query: SearchQuery): string {
  const phrase = (p: QueryPhrase) => ftsString(p.text) + (p.prefix ? ' *' : '');
  let expr = query.required
    .map((c) =>
      c.anyOf.length === 1 ? phrase(c.anyOf[0]!) : `(${c.anyOf.map(phrase).join(' OR ')})`,
    )
    .join(' AND ');
  for (const p of query.excluded) expr = `(${expr}) NOT ${phrase(p)}`;
  return `text : (${expr})`;
}

/** The FTS tokens of kinds and speakers: see the generated columns in migrations.ts. */
const KIND_TOKEN: Record<LineKind, string> = {
  cue: '\uE001',
  dialogue: '\uE002',
  action: '\uE003',
  scene: '\uE004',
};
const speakerToken = (id: number) =>
  String.fromCharCode(0xe000 + (id % 4096), 0xf000 + Math.floor(id / 4096));

function matchExpression(
  text: string,
  kinds: readonly LineKind[] | null,
  speakerIds: readonly number[] | null,
): string {
  let m = text;
  if (kinds) m += ` AND kind_token : (${kinds.map((k) => ftsString(KIND_TOKEN[k])).join(' OR ')})`;
  if (speakerIds) {
    m += ` AND speaker_token : (${speakerIds.map((id) => ftsString(speakerToken(id))).join(' OR ')})`;
  }
  return m;
}

/**
 * The first matches of each stratum, an equal share of the candidate budget each; the share
 * of a stratum with fewer matches goes to the others in further rounds (each round reads on
 * from where the stratum stopped), so the budget is used whenever there are enough matches.
 */
function sampleCandidates(
  raw: BetterSqlite3.Database,
  layers: readonly Segment[][],
  match: (s: Segment) => FtsMatch,
  budget: number,
): Candidate[] {
  const out: Candidate[] = [];
  const cursors = layers.map((segs) => ({ segs, seg: 0, after: -1n }));
  let active = cursors;
  while (active.length > 0 && out.length < budget) {
    const quota = Math.ceil((budget - out.length) / active.length);
    const next: typeof active = [];
    for (const c of active) {
      let got = 0;
      while (c.seg < c.segs.length && got < quota && out.length < budget) {
        const seg = c.segs[c.seg]!;
        const lo = c.after >= seg.range.lo ? c.after + 1n : seg.range.lo;
        const want = Math.min(quota - got, budget - out.length);
        const rows = candidatesFrom(raw, match(seg), lo, seg, want);
        out.push(...rows);
        got += rows.length;
        if (rows.length < want) c.seg++;
        else c.after = BigInt(rows[rows.length - 1]!.id);
      }
      if (c.seg < c.segs.length) next.push(c);
    }
    active = next;
  }
  return out;
}

/**
 * Candidate ids by BM25, best first; ties in canon order. `total` is the query's match count
 * (capped): a phrase every match must contain occurs in at least that many lines.
 */
async function rank(
  ctx: SearchContext,
  query: SearchQuery,
  candidates: Candidate[],
  total: number,
): Promise<number[]> {
  const stats = await ctx.rankStats();
  const phrases = positivePhrases(query);
  const alone = new Set(query.required.filter((c) => c.anyOf.length === 1).map((c) => c.anyOf[0]));
  // A phrase required on its own in a query with DF_CAP matches or more has a capped count
  // too: no need to count it.
  const count = (p: QueryPhrase) =>
    total >= DF_CAP && alone.has(p) ? DF_CAP : phraseCount(ctx.raw, p);
  const idfs =
    phrases.length < 2
      ? phrases.map(() => 1) // one phrase: its IDF scales every score alike
      : phrases.map((p) => idf(stats.docs, count(p)));
  return candidates
    .map((c) => ({ id: c.id, score: bm25(c.text, phrases, idfs, stats) }))
    .sort((a, b) => b.score - a.score || a.id - b.id)
    .map((c) => c.id);
}

function phraseCount(raw: BetterSqlite3.Database, p: QueryPhrase): number {
  const expr = textExpression({ required: [{ anyOf: [p] }], excluded: [] });
  const row = prepared(
    raw,
    'SELECT count(*) AS n FROM (SELECT 1 FROM lines_fts WHERE lines_fts MATCH ? LIMIT ?)',
  ).get(expr, DF_CAP) as { n: number } | undefined;
  return row?.n ?? 0;
}
