import type BetterSqlite3 from 'better-sqlite3';
import { sql, type Kysely, type Selectable } from 'kysely';
import { ReceiptsError } from '../../domain/errors.js';
import type {
  MomentChange,
  MomentQuery,
  NewMoment,
  StoredMoment,
  SuggestionSummary,
} from '../moment-store.js';
import { recordPasses } from './annotation-passes.js';
import { inTransaction } from './transactions.js';
import type { LibrarySchema, MomentsTable } from './schema.js';

/** Moments in SQLite: one row each, lists as JSON, versions checked in the UPDATE itself. */
export interface MomentsContext {
  readonly db: Kysely<LibrarySchema>;
  readonly raw: BetterSqlite3.Database;
  readonly now: () => Date;
}

type Row = Selectable<MomentsTable>;

const DEFAULT_LIST_LIMIT = 10_000;

function toMoment(r: Row): StoredMoment {
  return {
    id: String(r.id),
    seriesId: r.series_id,
    episode: r.episode_id,
    startMs: r.start_ms,
    endMs: r.end_ms,
    anchorSeq: r.anchor_seq,
    tier: r.tier,
    term: r.term,
    initiator: r.initiator,
    recipients: JSON.parse(r.recipients) as string[],
    mutual: r.mutual === 1,
    part: r.part,
    readings: JSON.parse(r.readings) as string[],
    note: r.note,
    author: r.author,
    provenance: {
      kind: r.provenance,
      ...(r.rule === null ? {} : { rule: r.rule }),
      ...(r.source_file === null ? {} : { file: r.source_file }),
      ...(r.source_line === null ? {} : { line: r.source_line }),
    },
    review: r.review,
    confidence: r.confidence,
    sourceText: r.source_text,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: r.version,
  };
}

function toRow(m: NewMoment, now: string): Omit<Row, 'id'> {
  return {
    series_id: m.seriesId,
    episode_id: m.episode,
    start_ms: m.startMs,
    end_ms: m.endMs,
    anchor_seq: m.anchorSeq,
    tier: m.tier,
    term: m.term,
    initiator: m.initiator,
    recipients: JSON.stringify(m.recipients),
    mutual: m.mutual ? 1 : 0,
    part: m.part,
    readings: JSON.stringify(m.readings),
    note: m.note,
    author: m.author,
    provenance: m.provenance.kind,
    rule: m.provenance.rule ?? null,
    source_file: m.provenance.file ?? null,
    source_line: m.provenance.line ?? null,
    source_text: m.sourceText,
    confidence: m.confidence,
    review: m.review,
    created_at: now,
    updated_at: now,
    version: 1,
  };
}

/** Ids are row numbers shown as text; anything else names no moment. */
function rowId(id: string): number | null {
  return /^[1-9][0-9]{0,15}$/.test(id) ? Number(id) : null;
}

const notFound = (id: string) =>
  new ReceiptsError('NOT_FOUND', `There is no moment ${id} in the library.`);

export async function addMoment(ctx: MomentsContext, m: NewMoment): Promise<StoredMoment> {
  const row = await ctx.db
    .insertInto('moments')
    .values(toRow(m, ctx.now().toISOString()))
    .returningAll()
    .executeTakeFirstOrThrow();
  return toMoment(row);
}

export async function getMoment(ctx: MomentsContext, id: string): Promise<StoredMoment | null> {
  const n = rowId(id);
  if (n === null) return null;
  const row = await ctx.db.selectFrom('moments').selectAll().where('id', '=', n).executeTakeFirst();
  return row ? toMoment(row) : null;
}

export async function listMoments(
  ctx: MomentsContext,
  q: MomentQuery,
): Promise<readonly StoredMoment[]> {
  let query = ctx.db
    .selectFrom('moments as m')
    .leftJoin('episodes as e', (j) =>
      j.onRef('e.series_id', '=', 'm.series_id').onRef('e.id', '=', 'm.episode_id'),
    )
    .selectAll('m');
  if (q.seriesId !== undefined) query = query.where('m.series_id', '=', q.seriesId);
  if (q.episodeIds !== undefined) query = query.where('m.episode_id', 'in', nonEmpty(q.episodeIds));
  if (q.terms !== undefined) query = query.where('m.term', 'in', nonEmpty(q.terms));
  if (q.tier !== undefined) query = query.where('m.tier', '=', q.tier);
  if (q.review !== undefined) query = query.where('m.review', 'in', nonEmpty(q.review));
  // Canon order: the episode's place in the series (episodes no longer in the manifest last),
  // then the transcript line a moment is anchored to, then its time.
  const rows = await query
    .orderBy('m.series_id')
    .orderBy(sql`coalesce(e.position, 1e9)`)
    .orderBy('m.episode_id')
    .orderBy(sql`coalesce(m.anchor_seq, -1)`)
    .orderBy(sql`coalesce(m.start_ms, -1)`)
    .orderBy('m.id')
    .limit(q.limit ?? DEFAULT_LIST_LIMIT)
    .offset(q.offset ?? 0)
    .execute();
  return rows.map(toMoment);
}

// `IN ()` is a syntax error in SQLite; a list that cannot match keeps the query valid.
const nonEmpty = <T>(xs: readonly T[]): readonly T[] =>
  xs.length > 0 ? xs : ([null] as unknown as readonly T[]);

export async function updateMoment(
  ctx: MomentsContext,
  id: string,
  expectedVersion: number,
  change: MomentChange,
): Promise<StoredMoment> {
  const n = rowId(id);
  if (n === null) throw notFound(id);
  const set: Partial<Omit<Row, 'id'>> = {};
  if (change.startMs !== undefined) set.start_ms = change.startMs;
  if (change.endMs !== undefined) set.end_ms = change.endMs;
  if (change.anchorSeq !== undefined) set.anchor_seq = change.anchorSeq;
  if (change.tier !== undefined) set.tier = change.tier;
  if (change.term !== undefined) set.term = change.term;
  if (change.initiator !== undefined) set.initiator = change.initiator;
  if (change.recipients !== undefined) set.recipients = JSON.stringify(change.recipients);
  if (change.mutual !== undefined) set.mutual = change.mutual ? 1 : 0;
  if (change.part !== undefined) set.part = change.part;
  if (change.readings !== undefined) set.readings = JSON.stringify(change.readings);
  if (change.note !== undefined) set.note = change.note;
  if (change.author !== undefined) set.author = change.author;
  if (change.review !== undefined) set.review = change.review;
  // The version check is part of the UPDATE, so no other writer can slip in between.
  const row = await ctx.db
    .updateTable('moments')
    .set({ ...set, updated_at: ctx.now().toISOString(), version: sql`version + 1` })
    .where('id', '=', n)
    .where('version', '=', expectedVersion)
    .returningAll()
    .executeTakeFirst();
  if (row) return toMoment(row);
  throw await staleOrMissing(ctx, id, n, expectedVersion);
}

export async function removeMoment(
  ctx: MomentsContext,
  id: string,
  expectedVersion: number,
): Promise<void> {
  const n = rowId(id);
  if (n === null) throw notFound(id);
  const r = await ctx.db
    .deleteFrom('moments')
    .where('id', '=', n)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  if (r.numDeletedRows === 0n) throw await staleOrMissing(ctx, id, n, expectedVersion);
}

async function staleOrMissing(
  ctx: MomentsContext,
  id: string,
  n: number,
  expected: number,
): Promise<ReceiptsError> {
  const current = await ctx.db
    .selectFrom('moments')
    .select('version')
    .where('id', '=', n)
    .executeTakeFirst();
  if (!current) return notFound(id);
  return new ReceiptsError(
    'MOMENT_STALE',
    `Moment ${id} is at version ${current.version}, not ${expected}: someone changed it since; show it again and redo the change.`,
  );
}

/** What makes two rule suggestions the same act: where it was read, the term, who. */
function suggestionKey(m: {
  source_file: string | null;
  source_line: number | null;
  term: string;
  initiator: string | null;
  recipients: string;
  mutual: number;
}): string {
  const who = (JSON.parse(m.recipients) as string[]).slice().sort();
  return JSON.stringify([m.source_file, m.source_line, m.term, m.initiator, who, m.mutual]);
}

export async function replaceSuggestions(
  ctx: MomentsContext,
  seriesId: string,
  episodeIds: readonly string[],
  suggestions: readonly NewMoment[],
): Promise<SuggestionSummary> {
  const now = ctx.now().toISOString();
  return inTransaction(ctx.raw, () =>
    swapSuggestions(ctx.db, seriesId, episodeIds, suggestions, now),
  );
}

async function swapSuggestions(
  trx: Kysely<LibrarySchema>,
  seriesId: string,
  episodeIds: readonly string[],
  suggestions: readonly NewMoment[],
  now: string,
): Promise<SuggestionSummary> {
  const scope = trx
    .selectFrom('moments')
    .where('series_id', '=', seriesId)
    .where('episode_id', 'in', nonEmpty(episodeIds))
    .where('provenance', '=', 'rule');
  const reviewed = await scope
    .select(['source_file', 'source_line', 'term', 'initiator', 'recipients', 'mutual'])
    .where('review', '!=', 'suggested')
    .execute();
  const seen = new Set(reviewed.map(suggestionKey));
  const removed = await trx
    .deleteFrom('moments')
    .where('series_id', '=', seriesId)
    .where('episode_id', 'in', nonEmpty(episodeIds))
    .where('provenance', '=', 'rule')
    .where('review', '=', 'suggested')
    .executeTakeFirst();
  const rows = suggestions.map((s) => toRow(s, now)).filter((r) => !seen.has(suggestionKey(r)));
  // 500 rows of 25 columns stay under SQLite's 32,766 bound parameters.
  for (let i = 0; i < rows.length; i += 500) {
    await trx
      .insertInto('moments')
      .values(rows.slice(i, i + 500))
      .execute();
  }
  await recordPasses(trx, seriesId, episodeIds, '*', 'suggested', null, now);
  return {
    added: rows.length,
    removed: Number(removed.numDeletedRows),
    alreadyReviewed: suggestions.length - rows.length,
  };
}
