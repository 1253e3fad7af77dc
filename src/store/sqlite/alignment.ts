import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { nameKey } from '../../domain/canon.js';
import type { AlignmentReport } from '../../domain/alignment.js';
import { ReceiptsError } from '../../domain/errors.js';
import type {
  AlignmentInfo,
  EpisodeAlignmentInput,
  RetimeInput,
  RetimingInfo,
} from '../alignment-store.js';
import { inTransaction } from './transactions.js';
import type { LibrarySchema } from './schema.js';

/**
 * Alignment and retiming in SQLite. Both rewrite columns of existing line rows; a cue whose
 * speaker changes is taken out of the FTS index and put back (external content: FTS5 must
 * be told the old values), and the per-source speaker counts are recomputed.
 */
export interface AlignmentContext {
  readonly db: Kysely<LibrarySchema>;
  readonly raw: BetterSqlite3.Database;
  readonly now: () => Date;
}

interface SourceSpan {
  readonly id: number;
  readonly first_id: number;
  readonly span: number;
  readonly role: 'subtitle' | 'transcript';
  readonly episode_id: string;
}

async function sourceByPath(
  ctx: AlignmentContext,
  seriesId: string,
  path: string,
): Promise<SourceSpan> {
  const row = await ctx.db
    .selectFrom('sources')
    .select(['id', 'first_id', 'span', 'role', 'episode_id'])
    .where('series_id', '=', seriesId)
    .where('path', '=', path)
    .executeTakeFirst();
  if (!row) throw new ReceiptsError('NOT_FOUND', `${path} is not in the library.`, { file: path });
  return row;
}

function statements(raw: BetterSqlite3.Database) {
  const fts = (op: string) =>
    raw.prepare(
      `INSERT INTO lines_fts (${op === 'delete' ? 'lines_fts, ' : ''}rowid, text, speaker_token, kind_token)
       SELECT ${op === 'delete' ? "'delete', " : ''}id, text, speaker_token, kind_token FROM lines WHERE id = ?`,
    );
  return {
    ftsDelete: fts('delete'),
    ftsInsert: fts('insert'),
    setCueSpeaker: raw.prepare(
      `UPDATE lines SET speaker_label = ?, speaker_id = ?, aligned_speakers = ?, align_confidence = ?
       WHERE id = ?`,
    ),
    setLineTime: raw.prepare(
      'UPDATE lines SET start_ms = ?, end_ms = ?, time_estimated = ? WHERE id = ?',
    ),
    speakerId: raw.prepare<[string], { id: number }>('SELECT id FROM speakers WHERE key = ?'),
    speakerAdd: raw.prepare<[string, string], { id: number }>(
      'INSERT INTO speakers (key, label) VALUES (?, ?) RETURNING id',
    ),
    forgetSpeakers: raw.prepare(`DELETE FROM source_speakers WHERE source_id = ?`),
    recountSpeakers: raw.prepare(
      `INSERT INTO source_speakers (source_id, speaker_id, lines, spoken)
       SELECT ?, speaker_id, count(*), sum(kind IN ('cue', 'dialogue')) FROM lines
       WHERE id BETWEEN ? AND ? AND speaker_id IS NOT NULL GROUP BY speaker_id`,
    ),
  };
}

function recountSpeakers(ops: ReturnType<typeof statements>, s: SourceSpan): void {
  ops.forgetSpeakers.run(s.id);
  ops.recountSpeakers.run(s.id, s.first_id, s.first_id + s.span - 1);
}

/** Clears the alignment of one episode inside the caller's transaction; true if there was one. */
export async function clearEpisodeAlignment(
  ctx: AlignmentContext,
  seriesId: string,
  episodeId: string,
): Promise<boolean> {
  const ops = statements(ctx.raw);
  const sources = await ctx.db
    .selectFrom('sources')
    .select(['id', 'first_id', 'span', 'role', 'episode_id'])
    .where('series_id', '=', seriesId)
    .where('episode_id', '=', episodeId)
    .execute();
  for (const s of sources) {
    const last = s.first_id + s.span - 1;
    if (s.role === 'subtitle') {
      const ids = ctx.raw
        .prepare<[number, number], { id: number }>(
          'SELECT id FROM lines WHERE id BETWEEN ? AND ? AND aligned_speakers IS NOT NULL',
        )
        .all(s.first_id, last)
        .map((r) => r.id);
      if (ids.length === 0) continue;
      for (const id of ids) ops.ftsDelete.run(id);
      for (const id of ids) ops.setCueSpeaker.run(null, null, null, null, id);
      for (const id of ids) ops.ftsInsert.run(id);
      recountSpeakers(ops, s);
    } else {
      ctx.raw
        .prepare(
          `UPDATE lines SET start_ms = NULL, end_ms = NULL, time_estimated = NULL
           WHERE id BETWEEN ? AND ? AND time_estimated IS NOT NULL`,
        )
        .run(s.first_id, last);
    }
  }
  const r = await ctx.db
    .deleteFrom('alignments')
    .where('series_id', '=', seriesId)
    .where('episode_id', '=', episodeId)
    .executeTakeFirst();
  return r.numDeletedRows > 0n;
}

export async function saveAlignment(
  ctx: AlignmentContext,
  input: EpisodeAlignmentInput,
): Promise<void> {
  await inTransaction(ctx.raw, async () => {
    const subtitle = await sourceByPath(ctx, input.seriesId, input.subtitlePath);
    const transcript = await sourceByPath(ctx, input.seriesId, input.transcriptPath);
    for (const s of [subtitle, transcript]) {
      if (s.episode_id !== input.episodeId) {
        throw new ReceiptsError(
          'INTERNAL',
          `A source of ${s.episode_id} was aligned as ${input.episodeId}.`,
        );
      }
    }
    await clearEpisodeAlignment(ctx, input.seriesId, input.episodeId);
    const ops = statements(ctx.raw);
    const inRange = (s: SourceSpan, seq: number) => {
      if (!Number.isInteger(seq) || seq < 0 || seq >= s.span) {
        throw new ReceiptsError('INTERNAL', `Alignment names line ${seq}, outside its source.`);
      }
      return s.first_id + seq;
    };

    // Only cues whose file names no speaker take the transcript's.
    const own = new Set(
      ctx.raw
        .prepare<[number, number], { id: number }>(
          'SELECT id FROM lines WHERE id BETWEEN ? AND ? AND speaker_label IS NOT NULL',
        )
        .all(subtitle.first_id, subtitle.first_id + subtitle.span - 1)
        .map((r) => r.id),
    );
    const speakerIds = new Map<string, number | null>();
    const speakerIdOf = (label: string) => {
      let id = speakerIds.get(label);
      if (id === undefined) {
        const key = nameKey(label);
        id = key === '' ? null : (ops.speakerId.get(key) ?? ops.speakerAdd.get(key, label))!.id;
        speakerIds.set(label, id);
      }
      return id;
    };
    const cues = input.cues
      .filter((c) => c.speakers.length > 0)
      .map((c) => ({ ...c, id: inRange(subtitle, c.seq) }))
      .filter((c) => !own.has(c.id));
    for (const c of cues) ops.ftsDelete.run(c.id);
    for (const c of cues) {
      const label = c.speakers[0]!;
      ops.setCueSpeaker.run(
        label,
        speakerIdOf(label),
        JSON.stringify(c.speakers),
        c.confidence,
        c.id,
      );
    }
    for (const c of cues) ops.ftsInsert.run(c.id);
    recountSpeakers(ops, subtitle);

    for (const l of input.lines) {
      ops.setLineTime.run(l.startMs, l.endMs, l.estimated ? 1 : 0, inRange(transcript, l.seq));
    }
    await ctx.db
      .insertInto('alignments')
      .values({
        series_id: input.seriesId,
        episode_id: input.episodeId,
        subtitle_path: input.subtitlePath,
        transcript_path: input.transcriptPath,
        cue_match: input.report.cueMatchRatio,
        line_match: input.report.lineMatchRatio,
        report: JSON.stringify(input.report),
        aligned_at: ctx.now().toISOString(),
      })
      .execute();
  });
}

export async function clearAlignment(
  ctx: AlignmentContext,
  seriesId: string,
  episodeId: string,
): Promise<boolean> {
  return inTransaction(ctx.raw, () => clearEpisodeAlignment(ctx, seriesId, episodeId));
}

export async function listAlignments(
  ctx: AlignmentContext,
  seriesId: string,
): Promise<AlignmentInfo[]> {
  const rows = await ctx.db
    .selectFrom('alignments as a')
    .leftJoin('episodes as e', (j) =>
      j.onRef('e.series_id', '=', 'a.series_id').onRef('e.id', '=', 'a.episode_id'),
    )
    .selectAll('a')
    .where('a.series_id', '=', seriesId)
    .orderBy('e.position')
    .execute();
  return rows.map((r) => ({
    episodeId: r.episode_id,
    subtitlePath: r.subtitle_path,
    transcriptPath: r.transcript_path,
    cueMatch: r.cue_match,
    lineMatch: r.line_match,
    report: JSON.parse(r.report) as AlignmentReport,
    alignedAt: r.aligned_at,
  }));
}

export async function retime(
  ctx: AlignmentContext,
  input: RetimeInput,
): Promise<RetimingInfo & { clamped: number }> {
  if (!(input.scale > 0) || !Number.isFinite(input.scale) || !Number.isFinite(input.offsetMs)) {
    throw new ReceiptsError('USAGE', 'A retiming needs a positive scale and a finite offset.');
  }
  return inTransaction(ctx.raw, async () => {
    const s = await sourceByPath(ctx, input.seriesId, input.path);
    if (s.role !== 'subtitle') {
      throw new ReceiptsError('USAGE', `${input.path} is a transcript; only subtitles have times.`);
    }
    const last = s.first_id + s.span - 1;
    ctx.raw
      .prepare(
        `UPDATE lines SET file_start_ms = coalesce(file_start_ms, start_ms),
           file_end_ms = coalesce(file_end_ms, end_ms) WHERE id BETWEEN ? AND ?`,
      )
      .run(s.first_id, last);
    const clamped = ctx.raw
      .prepare<[number, number, number, number], { n: number }>(
        'SELECT count(*) AS n FROM lines WHERE id BETWEEN ? AND ? AND ? * file_start_ms + ? < 0',
      )
      .get(s.first_id, last, input.scale, input.offsetMs)!.n;
    ctx.raw
      .prepare(
        `UPDATE lines SET start_ms = max(0, CAST(round(@scale * file_start_ms + @offset) AS INTEGER)),
           end_ms = max(0, CAST(round(@scale * file_end_ms + @offset) AS INTEGER))
         WHERE id BETWEEN @first AND @last`,
      )
      .run({ scale: input.scale, offset: input.offsetMs, first: s.first_id, last });
    await clearEpisodeAlignment(ctx, input.seriesId, s.episode_id);
    const retimedAt = ctx.now().toISOString();
    const row = {
      series_id: input.seriesId,
      path: input.path,
      scale: input.scale,
      offset_ms: input.offsetMs,
      method: input.method,
      reference: input.reference,
      retimed_at: retimedAt,
    };
    await ctx.db
      .insertInto('retimings')
      .values(row)
      .onConflict((oc) => oc.columns(['series_id', 'path']).doUpdateSet(row))
      .execute();
    return { ...input, episodeId: s.episode_id, retimedAt, clamped };
  });
}

export async function undoRetime(
  ctx: AlignmentContext,
  seriesId: string,
  path: string,
): Promise<boolean> {
  return inTransaction(ctx.raw, async () => {
    const s = await sourceByPath(ctx, seriesId, path);
    const r = await ctx.db
      .deleteFrom('retimings')
      .where('series_id', '=', seriesId)
      .where('path', '=', path)
      .executeTakeFirst();
    if (r.numDeletedRows === 0n) return false;
    ctx.raw
      .prepare(
        `UPDATE lines SET start_ms = file_start_ms, end_ms = file_end_ms,
           file_start_ms = NULL, file_end_ms = NULL
         WHERE id BETWEEN ? AND ? AND file_start_ms IS NOT NULL`,
      )
      .run(s.first_id, s.first_id + s.span - 1);
    await clearEpisodeAlignment(ctx, seriesId, s.episode_id);
    return true;
  });
}

export async function listRetimings(
  ctx: AlignmentContext,
  seriesId: string,
): Promise<RetimingInfo[]> {
  const rows = await ctx.db
    .selectFrom('retimings as r')
    .innerJoin('sources as s', (j) =>
      j.onRef('s.series_id', '=', 'r.series_id').onRef('s.path', '=', 'r.path'),
    )
    .select([
      'r.path',
      'r.scale',
      'r.offset_ms',
      'r.method',
      'r.reference',
      'r.retimed_at',
      's.episode_id',
    ])
    .where('r.series_id', '=', seriesId)
    .orderBy('r.path')
    .execute();
  return rows.map((r) => ({
    seriesId,
    path: r.path,
    episodeId: r.episode_id,
    scale: r.scale,
    offsetMs: r.offset_ms,
    method: r.method as RetimeInput['method'],
    reference: r.reference,
    retimedAt: r.retimed_at,
  }));
}
