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
import { prepared } from './search-fts.js';

/** The rows of a result page, with snippets, grouping and context. */

interface LineRow {
  readonly id: number;
  readonly source_id: number;
  readonly kind: LineKind;
  readonly seq: number;
  readonly line: number;
  readonly start_ms: number | null;
  readonly end_ms: number | null;
  readonly speaker_label: string | null;
  readonly time_estimated: number | null;
  readonly aligned_speakers: string | null;
  readonly character: string | null;
  readonly qualifier: string | null;
  readonly text: string;
  readonly path: string;
  readonly series_id: string;
  readonly episode_id: string;
}

const LOAD_LINES = `SELECT l.id, l.source_id, l.kind, l.seq, l.line, l.start_ms, l.end_ms,
    l.speaker_label, l.time_estimated, l.aligned_speakers, c.name AS character, l.qualifier,
    l.text, s.path, s.series_id, s.episode_id
  FROM lines l
  JOIN sources s ON s.id = l.source_id
  LEFT JOIN speakers sp ON sp.id = l.speaker_id
  LEFT JOIN aliases a ON a.series_id = s.series_id AND a.key = sp.key
  LEFT JOIN characters c ON c.id = a.character_id
  WHERE l.id IN (SELECT value FROM json_each(?))`;

/** Lines by id with their source and the speaker resolved through the series' aliases. */
function loadLines(raw: BetterSqlite3.Database, ids: readonly number[]): Map<number, LineRow> {
  if (ids.length === 0) return new Map();
  const rows = prepared(raw, LOAD_LINES).all(JSON.stringify(ids)) as LineRow[];
  return new Map(rows.map((r) => [r.id, r]));
}

function view(r: LineRow): LineView {
  return {
    id: r.id,
    kind: r.kind,
    seq: r.seq,
    startMs: r.start_ms,
    endMs: r.end_ms,
    estimatedTime: r.time_estimated === 1,
    speaker: r.character ?? r.speaker_label,
    alignedSpeaker: r.aligned_speakers !== null,
    qualifier: r.qualifier,
    text: r.text,
    source: { file: r.path, line: r.line },
  };
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
  const rows = loadLines(ctx.raw, [...wanted]);

  const runs: LineRow[][] = [];
  for (const id of page) {
    const row = rows.get(id);
    if (!row) continue;
    const run = runs[runs.length - 1];
    const prev = run?.[run.length - 1];
    if (run && prev && prev.source_id === row.source_id && row.seq === prev.seq + 1) run.push(row);
    else runs.push([row]);
  }

  const hitIds = new Set(page);
  const shown = new Set<number>();
  const around = (from: number, step: number, source: number): LineView[] => {
    const out: LineView[] = [];
    for (let k = 1; k <= context; k++) {
      const r = rows.get(from + k * step);
      if (!r || r.source_id !== source || hitIds.has(r.id) || shown.has(r.id)) break;
      out.push(view(r));
    }
    return step < 0 ? out.reverse() : out;
  };

  return runs.map((run) => {
    const first = run[0]!;
    const last = run[run.length - 1]!;
    const before = around(first.id, -1, first.source_id);
    const after = around(last.id, 1, last.source_id);
    for (const v of [...before, ...after]) shown.add(v.id);
    for (const r of run) shown.add(r.id);
    const series = ctx.catalog.byId.get(first.series_id);
    const episode = series?.episodeById.get(first.episode_id);
    const hits: SearchHit[] = run.map((r) => ({ ...view(r), snippet: highlight(r.text, query) }));
    return {
      series: { id: first.series_id, title: series?.title ?? first.series_id },
      episode: {
        id: first.episode_id,
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
