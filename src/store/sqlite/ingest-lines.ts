import type BetterSqlite3 from 'better-sqlite3';
import { nameKey } from '../../domain/canon.js';
import { ReceiptsError } from '../../domain/errors.js';
import { LINE_KINDS, type LineKind } from '../../domain/search.js';
import type { IngestBatch, LineInput } from '../canon-store.js';
import type { IngestContext } from './ingest.js';
import type { Move, Placed } from './ingest-layout.js';

/**
 * The bulk part of an ingest: lines in through one prepared better-sqlite3 statement, the FTS
 * index kept in step by hand (external content: FTS5 does not see writes to lines).
 */
export type Statements = ReturnType<typeof statements>;

/** Lines indexed per FTS statement during ingest, at most (and progress granularity). */
const FTS_CHUNK = 20_000;

/**
 * Lines per INSERT statement. Each run has a fixed cost (the call into the driver); 32 rows per
 * statement took the 668k-row real-data insert from 2.2 s to 1.6 s.
 */
const LINES_PER_INSERT = 32;
const LINE_COLUMNS = 13;
const KINDS: ReadonlySet<string> = new Set<LineKind>(LINE_KINDS);
const LINE_INSERT = `INSERT INTO lines (id, source_id, kind, seq, line, start_ms, end_ms,
  speaker_label, speaker_id, qualifier, text, styled, sound) VALUES `;
const LINE_VALUES = `(${Array<string>(LINE_COLUMNS).fill('?').join(', ')})`;

export function statements(raw: BetterSqlite3.Database) {
  return {
    insertLine: raw.prepare(LINE_INSERT + LINE_VALUES),
    insertLines: raw.prepare(
      LINE_INSERT + Array<string>(LINES_PER_INSERT).fill(LINE_VALUES).join(', '),
    ),
    ftsInsert: both(
      raw.prepare(
        `INSERT INTO lines_fts (rowid, text, speaker_token, kind_token)
         SELECT id, text, speaker_token, kind_token FROM lines WHERE id BETWEEN ? AND ?`,
      ),
      raw.prepare(
        `INSERT INTO scenes_fts (rowid, text)
         SELECT id, text FROM lines WHERE id BETWEEN ? AND ? AND kind = 'scene'`,
      ),
    ),
    // External content: FTS5 must be told the old values to remove them from the index.
    ftsDelete: both(
      raw.prepare(
        `INSERT INTO lines_fts (lines_fts, rowid, text, speaker_token, kind_token)
         SELECT 'delete', id, text, speaker_token, kind_token FROM lines WHERE id BETWEEN ? AND ?`,
      ),
      raw.prepare('DELETE FROM scenes_fts WHERE rowid BETWEEN ? AND ?'),
    ),
    linesDelete: raw.prepare('DELETE FROM lines WHERE id BETWEEN ? AND ?'),
    // Two steps through negative ids, so that moves never collide with each other.
    linesShift: raw.prepare('UPDATE lines SET id = -(id + ?) WHERE id BETWEEN ? AND ?'),
    linesUnflip: raw.prepare('UPDATE lines SET id = -id WHERE id < 0'),
    speakerId: raw.prepare<[string], { id: number }>('SELECT id FROM speakers WHERE key = ?'),
    speakerAdd: raw.prepare<[string, string], { id: number }>(
      'INSERT INTO speakers (key, label) VALUES (?, ?) RETURNING id',
    ),
    speakersGc: raw.prepare(
      'DELETE FROM speakers WHERE id NOT IN (SELECT speaker_id FROM source_speakers)',
    ),
  };
}

/** The lines index and the scene-heading index (migration 8), kept in step for an id range. */
function both(lines: BetterSqlite3.Statement, scenes: BetterSqlite3.Statement) {
  return {
    run(lo: bigint, hi: bigint): void {
      lines.run(lo, hi);
      scenes.run(lo, hi);
    },
  };
}

/** Inclusive id range of a source, as bigint (see line-ids.ts). */
export function idRange(firstId: number, span: number): [bigint, bigint] {
  return [BigInt(firstId), BigInt(firstId + span - 1)];
}

export function moveSources(ops: Statements, moves: readonly Move[]): void {
  if (moves.length === 0) return;
  for (const m of moves) ops.ftsDelete.run(...idRange(m.row.first_id, m.row.span));
  for (const m of moves)
    ops.linesShift.run(m.to - m.row.first_id, ...idRange(m.row.first_id, m.row.span));
  ops.linesUnflip.run();
  for (const m of moves) ops.ftsInsert.run(...idRange(m.to, m.row.span));
}

/**
 * Writes the new sources: first every sources row and speaker key (statements that open
 * savepoints), then per source its lines and their FTS entries, then the per-speaker counts.
 */
export async function insertSources(
  { db }: IngestContext,
  ops: Statements,
  seriesId: string,
  unsorted: readonly Placed[],
  keptIds: readonly number[],
  stamp: string,
  batch: IngestBatch,
): Promise<number> {
  const added = [...unsorted].sort((a, b) => a.firstId - b.firstId);
  const speakerOf = new Map<string, number | null>();
  for (const { source } of added) {
    for (const l of source.lines) {
      if (l.speakerLabel === null || speakerOf.has(l.speakerLabel)) continue;
      const key = nameKey(l.speakerLabel);
      const id =
        key === '' ? null : (ops.speakerId.get(key) ?? ops.speakerAdd.get(key, l.speakerLabel))!.id;
      speakerOf.set(l.speakerLabel, id);
    }
  }

  const rows = added.map(({ source: src, firstId, span }) => {
    const counts: Record<LineKind, number> = { cue: 0, dialogue: 0, action: 0, scene: 0 };
    for (const l of src.lines) if (l.kind in counts) counts[l.kind]++;
    return {
      series_id: seriesId,
      path: src.path,
      hash: src.hash,
      episode_id: src.episodeId,
      role: src.role,
      format: src.format,
      encoding: src.encoding,
      language: src.language,
      ingested_at: stamp,
      first_id: firstId,
      span,
      cue_lines: counts.cue,
      dialogue_lines: counts.dialogue,
      action_lines: counts.action,
      scene_lines: counts.scene,
    };
  });
  const idOf = new Map<string, number>();
  for (let i = 0; i < rows.length; i += 1000) {
    const chunk = rows.slice(i, i + 1000);
    await db.insertInto('sources').values(chunk).execute();
    const ids = await db
      .selectFrom('sources')
      .select(['id', 'path'])
      .where('series_id', '=', seriesId)
      .where(
        'path',
        'in',
        chunk.map((r) => r.path),
      )
      .execute();
    for (const r of ids) idOf.set(r.path, r.id);
  }
  const sourceIds = added.map((p) => idOf.get(p.source.path)!);

  // One FTS statement per run of new sources with no kept source between them (one for a
  // fresh series), cut every FTS_CHUNK lines so that progress still moves: each FTS statement
  // costs ~65 us on top of its rows, which for 50-line sources was a quarter of the ingest.
  const kept = [...keptIds].sort((a, b) => a - b);
  const keptBetween = (lo: number, hi: number) => kept.some((id) => id > lo && id < hi);
  const lineRows = new LineBuffer(ops);
  let pending: Placed[] = [];
  let pendingLines = 0;
  const flush = () => {
    lineRows.flush(); // the FTS statement reads the lines it indexes
    let run: Placed[] = [];
    const index = () => {
      if (run.length === 0) return;
      const last = run[run.length - 1]!;
      ops.ftsInsert.run(BigInt(run[0]!.firstId), BigInt(last.firstId + last.span - 1));
      run = [];
    };
    for (const p of pending) {
      const prev = run[run.length - 1];
      if (prev && keptBetween(prev.firstId, p.firstId)) index();
      run.push(p);
    }
    index();
    for (const p of pending) batch.onSourceWritten?.(p.source.path, p.source.lines.length);
    pending = [];
    pendingLines = 0;
  };

  let written = 0;
  const perSpeaker: { source_id: number; speaker_id: number; lines: number; spoken: number }[] = [];
  added.forEach((placed, i) => {
    const src = placed.source;
    const sourceId = sourceIds[i]!;
    const counts = new Map<number, { lines: number; spoken: number }>();
    for (const l of src.lines) {
      const speakerId = l.speakerLabel === null ? null : speakerOf.get(l.speakerLabel)!;
      lineRows.add(src.path, l, placed.firstId + l.seq, sourceId, speakerId);
      if (speakerId !== null) {
        const c = counts.get(speakerId) ?? { lines: 0, spoken: 0 };
        c.lines++;
        if (l.kind === 'dialogue' || l.kind === 'cue') c.spoken++;
        counts.set(speakerId, c);
      }
    }
    for (const [speaker_id, c] of counts)
      perSpeaker.push({ source_id: sourceId, speaker_id, ...c });
    written += src.lines.length;
    pending.push(placed);
    pendingLines += src.lines.length;
    if (pendingLines >= FTS_CHUNK) flush();
  });
  flush();

  for (let i = 0; i < perSpeaker.length; i += 5000) {
    await db
      .insertInto('source_speakers')
      .values(perSpeaker.slice(i, i + 5000))
      .execute();
  }
  return written;
}

/** Collects line rows and inserts them LINES_PER_INSERT at a time. */
class LineBuffer {
  private readonly values: unknown[] = [];
  private readonly origin: { path: string; line: LineInput }[] = [];

  constructor(private readonly ops: Statements) {}

  add(path: string, l: LineInput, id: number, sourceId: number, speakerId: number | null): void {
    // The table has no CHECK constraints (migration 7, for speed): the kind is checked here.
    if (!KINDS.has(l.kind)) {
      throw new ReceiptsError(
        'INTERNAL',
        `Cannot store line ${l.line} (seq ${l.seq}, ${String(l.kind)}): kind must be one of ${[...KINDS].join(', ')}.`,
        { file: path, line: l.line },
      );
    }
    this.values.push(
      id,
      sourceId,
      l.kind,
      l.seq,
      l.line,
      l.startMs,
      l.endMs,
      l.speakerLabel,
      speakerId,
      l.qualifier,
      l.text,
      l.styled,
      l.sound ? 1 : 0,
    );
    this.origin.push({ path, line: l });
    if (this.origin.length === LINES_PER_INSERT) {
      this.insert(this.ops.insertLines, 0, LINES_PER_INSERT);
      this.values.length = 0;
      this.origin.length = 0;
    }
  }

  flush(): void {
    for (let i = 0; i < this.origin.length; i++) this.insert(this.ops.insertLine, i, 1);
    this.values.length = 0;
    this.origin.length = 0;
  }

  private insert(stmt: BetterSqlite3.Statement, from: number, count: number): void {
    const args = this.values.slice(from * LINE_COLUMNS, (from + count) * LINE_COLUMNS);
    try {
      stmt.run(args);
    } catch (e) {
      // The statement failed as a whole (nothing of it stays): find the row to blame.
      if (count > 1) {
        for (let i = from; i < from + count; i++) this.insert(this.ops.insertLine, i, 1);
      }
      const { path, line: l } = this.origin[from]!;
      const why = e instanceof Error ? e.message : String(e);
      throw new ReceiptsError(
        'INTERNAL',
        `Cannot store line ${l.line} (seq ${l.seq}, ${l.kind}): ${why}.`,
        { file: path, line: l.line },
        { cause: e },
      );
    }
  }
}
