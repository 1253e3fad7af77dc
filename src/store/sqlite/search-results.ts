import type BetterSqlite3 from 'better-sqlite3';
import {
  HIGHLIGHT,
  type LineKind,
  type LineView,
  type SearchGroup,
  type SearchHit,
} from '../../domain/search.js';
import { findMatches, type SearchQuery } from '../../domain/search-query.js';
import type { Catalog } from './catalog.js';
import { lineFacts, type LineFacts } from './line-facts.js';
import { prepared } from './search-fts.js';

/** The rows of a result page, with snippets, grouping and context. */

// Rows as arrays (better-sqlite3's raw mode) in this column order, each turned straight into
// the view the result carries: an object per row and another per view cost more than reading
// the row. Sources and speaker names come from memos (line-facts.ts) rather than joins: the
// joins made the loader 1.4x slower, and a page shares a few of each.
const LOAD_LINES = `SELECT id, source_id, kind, seq, line, start_ms, end_ms, time_estimated,
    speaker_id, speaker_label, aligned_speakers, qualifier, text
  FROM lines WHERE id IN (SELECT value FROM json_each(?))`;

type LineRow = [
  id: number,
  sourceId: number,
  kind: LineKind,
  seq: number,
  line: number,
  startMs: number | null,
  endMs: number | null,
  timeEstimated: number | null,
  speakerId: number | null,
  speakerLabel: string | null,
  alignedSpeakers: string | null,
  qualifier: string | null,
  text: string,
];

/** A line as results show it, with what grouping needs to know about it. */
interface Loaded {
  readonly view: LineView;
  readonly sourceId: number;
  readonly seq: number;
}

/** Lines by id, with their source and the speaker resolved through the series' aliases. */
function loadLines(
  raw: BetterSqlite3.Database,
  facts: LineFacts,
  ids: readonly number[],
): Map<number, Loaded> {
  const out = new Map<number, Loaded>();
  if (ids.length === 0) return out;
  const rows = prepared(raw, LOAD_LINES, 'raw').all(JSON.stringify(ids)) as LineRow[];
  for (const [
    id,
    sourceId,
    kind,
    seq,
    line,
    startMs,
    endMs,
    estimated,
    speakerId,
    label,
    aligned,
    qualifier,
    text,
  ] of rows) {
    const source = facts.source(sourceId);
    const character = speakerId === null ? null : facts.characterName(source.seriesId, speakerId);
    const view: LineView = {
      id,
      kind,
      seq,
      startMs,
      endMs,
      estimatedTime: estimated === 1,
      speaker: character ?? label,
      alignedSpeaker: aligned !== null,
      qualifier,
      text,
      source: { file: source.path, line },
    };
    out.set(id, { view, sourceId, seq });
  }
  return out;
}

/** Text with each match wrapped in HIGHLIGHT markers. */
export function highlight(text: string, query: SearchQuery): string {
  let out = '';
  let at = 0;
  for (const m of findMatches(text, query)) {
    out += text.slice(at, m.start) + HIGHLIGHT.open + text.slice(m.start, m.end) + HIGHLIGHT.close;
    at = m.end;
  }
  return out + text.slice(at);
}

/**
 * Hits in result order, grouped when consecutive hits are adjacent lines of one source, with
 * `context` lines before and after each group. Context never repeats a line already shown
 * (a hit, or context of an earlier group), so overlapping groups read like `grep -C`.
 */
export function buildGroups(
  ctx: { readonly raw: BetterSqlite3.Database; readonly catalog: Catalog },
  query: SearchQuery,
  page: readonly number[],
  context: number,
): SearchGroup[] {
  const wanted = new Set<number>();
  for (const id of page) for (let d = -context; d <= context; d++) wanted.add(id + d);
  const facts = lineFacts(ctx.raw, ctx.catalog);
  const rows = loadLines(ctx.raw, facts, [...wanted]);

  const runs: Loaded[][] = [];
  for (const id of page) {
    const row = rows.get(id);
    if (!row) continue;
    const run = runs[runs.length - 1];
    const prev = run?.[run.length - 1];
    if (run && prev && prev.sourceId === row.sourceId && row.seq === prev.seq + 1) run.push(row);
    else runs.push([row]);
  }

  const hitIds = new Set(page);
  const shown = new Set<number>();
  const around = (from: number, step: number, source: number): LineView[] => {
    const out: LineView[] = [];
    for (let k = 1; k <= context; k++) {
      const id = from + k * step;
      const r = rows.get(id);
      if (!r || r.sourceId !== source || hitIds.has(id) || shown.has(id)) break;
      out.push(r.view);
    }
    return step < 0 ? out.reverse() : out;
  };

  return runs.map((run) => {
    const first = run[0]!;
    const last = run[run.length - 1]!;
    const before = around(first.view.id, -1, first.sourceId);
    const after = around(last.view.id, 1, last.sourceId);
    for (const v of before) shown.add(v.id);
    for (const v of after) shown.add(v.id);
    for (const r of run) shown.add(r.view.id);
    const { seriesId, episodeId } = facts.source(first.sourceId);
    const series = ctx.catalog.byId.get(seriesId);
    const episode = series?.episodeById.get(episodeId);
    const hits: SearchHit[] = run.map((r) => ({
      ...r.view,
      snippet: highlight(r.view.text, query),
    }));
    return {
      series: { id: seriesId, title: series?.title ?? seriesId },
      episode: {
        id: episodeId,
        title: episode?.title ?? null,
        season: episode?.season ?? null,
        number: episode?.number ?? null,
      },
      hits,
      before,
      after,
    };
  });
}
