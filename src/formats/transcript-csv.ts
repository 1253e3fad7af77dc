import { parse } from 'csv-parse/sync';
import { ReceiptsError, type Finding } from '../domain/errors.js';
import type { TranscriptPart } from './read-transcript.js';
import {
  collapseSpace,
  finding,
  parseCapsLabel,
  TranscriptLinesBuilder,
} from './inline-directions.js';

/** The columns we read; only Speaker and Text are required. */
const COLUMNS = ['episode', 'season', 'title', 'location', 'speaker', 'context', 'text'] as const;
type Column = (typeof COLUMNS)[number];

interface Group {
  readonly key: string | null;
  readonly season: number | null;
  readonly number: number | null;
  readonly title: string | null;
  readonly out: TranscriptLinesBuilder;
  location: string;
}

/**
 * Read a structured transcript CSV, `Episode,Season,Title,Location,Speaker,Context,Text`,
 * one row per line of dialogue, many episodes per file. Rows are grouped by
 * (Season, Episode) in file order; each group is a part keyed by its Episode value.
 *
 * - A change of `Location` is a scene line.
 * - A row without `Speaker` is an action (its `Context`, or its `Text`).
 * - `Context` on a speaker's row is the parenthetical the CSV's maker cut from the start of
 *   the line (`reads`, `to McCoy`, `drawing his phaser`): it becomes an action attached to
 *   the speaker, before the dialogue, exactly as the chakoteya HTML reader reads
 *   `SPEAKER: (reads) ...`. Directions left inside `Text` are split out the same way.
 * - `Narrator` rows whose text still starts with a label (`BOYCE [OC}: Boyce here.`) are
 *   given back to that speaker, and `{Bridge]` rows become scene lines.
 *
 * `line` is the CSV's physical line where the record starts. Throws TRANSCRIPT_MALFORMED
 * when the header lacks Speaker or Text, or the CSV itself cannot be parsed.
 */
export function parseTranscriptCsv(
  text: string,
  file = '<csv>',
): { parts: TranscriptPart[]; findings: Finding[] } {
  const findings: Finding[] = [];
  let records: string[][];
  try {
    // No `info` and no `skip_empty_lines`: both cost time, and with every line (blank ones
    // come back as `[""]`) a record's line is simply counted.
    records = parse(text, { bom: true, relax_column_count: true, relax_quotes: true });
  } catch (e) {
    const line = (e as { lines?: unknown }).lines;
    throw new ReceiptsError(
      'TRANSCRIPT_MALFORMED',
      `not a readable CSV: ${(e as Error).message}`,
      typeof line === 'number' ? { file, line } : { file },
      { cause: e },
    );
  }
  let r = 0;
  let line = 1;
  while (r < records.length && isEmptyRecord(records[r]!)) line += 1 + countBreaks(records[r++]!);
  const head = records[r];
  if (head === undefined) {
    throw new ReceiptsError('TRANSCRIPT_MALFORMED', 'the CSV has no rows', { file });
  }
  const index = columnIndex(head);
  if (index.speaker < 0 || index.text < 0) {
    throw new ReceiptsError(
      'TRANSCRIPT_MALFORMED',
      'the CSV header has no Speaker and Text columns (expected Episode,Season,Title,Location,Speaker,Context,Text)',
      { file, line },
    );
  }
  const groups = new Map<string, Group>();
  const cell = (row: string[], c: Column): string => {
    const i = index[c];
    return i < 0 ? '' : collapseSpace(row[i] ?? '');
  };
  line += 1 + countBreaks(head);
  for (r++; r < records.length; r++) {
    const row = records[r]!;
    const start = line;
    line += 1 + countBreaks(row);
    if (isEmptyRecord(row)) continue;
    const episode = cell(row, 'episode');
    const season = cell(row, 'season');
    const id = `${season}\u0000${episode}`;
    let group = groups.get(id);
    if (group === undefined) {
      group = {
        key: episode === '' ? null : episode,
        season: toInt(season),
        number: toInt(episode),
        title: cell(row, 'title') || null,
        out: new TranscriptLinesBuilder(),
        location: '',
      };
      groups.set(id, group);
    }
    readRow(
      group,
      start,
      cell(row, 'location'),
      cell(row, 'speaker'),
      cell(row, 'context'),
      cell(row, 'text'),
      findings,
      file,
    );
  }
  const parts: TranscriptPart[] = [];
  for (const g of groups.values()) {
    parts.push({
      key: g.key,
      season: g.season,
      number: g.number,
      title: g.title,
      transcript: g.out.build('csv', g.title, null, []),
    });
  }
  return { parts, findings };
}

function readRow(
  g: Group,
  line: number,
  location: string,
  speaker: string,
  context: string,
  text: string,
  findings: Finding[],
  file: string,
): void {
  if (location !== '' && location !== g.location) {
    g.location = location;
    g.out.scene(line, location);
  }
  if (speaker === '') {
    g.out.action(line, context);
    g.out.action(line, text);
    return;
  }
  if (speaker.toLowerCase() === 'narrator' && context === '') {
    const c = text.charCodeAt(0);
    if ((c === 91 || c === 123) && (text.endsWith(']') || text.endsWith('}'))) {
      g.out.scene(line, text.slice(1, -1));
      return;
    }
    const label = parseCapsLabel(text);
    if (label !== null) {
      findings.push(
        finding(
          'info',
          'csv/narrator-label',
          `a Narrator row starts with ${label.speaker}'s label`,
          file,
          line,
        ),
      );
      g.out.speech(line, label.speaker, label.qualifier, label.rest, '(');
      return;
    }
  }
  g.out.speech(line, speaker, null, context === '' ? text : `(${context}) ${text}`, '(');
}

function columnIndex(header: readonly string[]): Record<Column, number> {
  const names = header.map((h) => h.trim().toLowerCase());
  const index = {} as Record<Column, number>;
  for (const c of COLUMNS) index[c] = names.indexOf(c);
  return index;
}

function isEmptyRecord(row: readonly string[]): boolean {
  return row.every((f) => f.trim() === '');
}

function countBreaks(row: readonly string[]): number {
  let n = 0;
  for (const field of row) {
    for (let i = field.indexOf('\n'); i !== -1; i = field.indexOf('\n', i + 1)) n++;
  }
  return n;
}

function toInt(value: string): number | null {
  return /^\d{1,6}$/.test(value) ? Number.parseInt(value, 10) : null;
}
