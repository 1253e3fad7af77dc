import type { Generated, GeneratedAlways } from 'kysely';
import type { LineKind } from '../../domain/search.js';

/**
 * Row types of the library database, for kysely. The DDL is in migrations.ts; this file and
 * the latest migration describe the same tables. The FTS5 table `lines_fts` is queried with
 * raw `sql` only and has no type here.
 */
export interface LibrarySchema {
  series: SeriesTable;
  episodes: EpisodesTable;
  characters: CharactersTable;
  aliases: AliasesTable;
  speakers: SpeakersTable;
  sources: SourcesTable;
  source_speakers: SourceSpeakersTable;
  lines: LinesTable;
  moments: MomentsTable;
  alignments: AlignmentsTable;
  retimings: RetimingsTable;
  media_facts: MediaFactsTable;
  annotation_passes: AnnotationPassesTable;
  schema_migrations: SchemaMigrationsTable;
}

export interface SeriesTable {
  id: string;
  /** 1.. in order of first ingest; the high bits of every line id of the series. Never changes. */
  ord: number;
  title: string;
  manifest: string;
  /** ISO timestamp of the last ingest that changed anything. */
  ingested_at: string;
  /** The canon's own codebook (YAML), NULL for the default. */
  codebook: string | null;
}

export interface EpisodesTable {
  series_id: string;
  id: string;
  /** Canon order within the series, 0-based and dense. */
  position: number;
  season: number | null;
  number: number | null;
  title: string | null;
  air_date: string | null;
  story_order: number | null;
  /** Absolute path of the episode's video file, when the manifest names one. */
  video: string | null;
}

export interface CharactersTable {
  id: Generated<number>;
  series_id: string;
  /** Order in the ingest batch (manifest order, then unlisted speakers). */
  ord: number;
  name: string;
  /** JSON array of the aliases as written. */
  aliases: string;
  unlisted: number;
}

/** nameKey(alias or name) -> character, first character wins a shared key. */
export interface AliasesTable {
  series_id: string;
  key: string;
  character_id: number;
}

/** One row per distinct nameKey of a speaker label; lines point here and FTS indexes the id. */
export interface SpeakersTable {
  id: Generated<number>;
  key: string;
  /** The first label seen with this key, for speakers that resolve to no character. */
  label: string;
}

export interface SourcesTable {
  id: Generated<number>;
  series_id: string;
  path: string;
  hash: string;
  episode_id: string;
  role: 'subtitle' | 'transcript';
  format: string;
  encoding: string;
  language: string | null;
  ingested_at: string;
  /** Line id of seq 0: the source's lines have ids first_id + seq. */
  first_id: number;
  /** max(seq) + 1: the source owns ids [first_id, first_id + span). */
  span: number;
  cue_lines: number;
  dialogue_lines: number;
  action_lines: number;
  scene_lines: number;
}

/** Lines per (source, speaker): what listCharacters and stats count, without scanning lines. */
export interface SourceSpeakersTable {
  source_id: number;
  speaker_id: number;
  /** All lines with this speaker. */
  lines: number;
  /** Dialogue lines and cues only. */
  spoken: number;
}

export interface LinesTable {
  /** Canon order: see line-ids.ts. */
  id: number;
  source_id: number;
  kind: LineKind;
  seq: number;
  line: number;
  start_ms: number | null;
  end_ms: number | null;
  speaker_label: string | null;
  speaker_id: number | null;
  qualifier: string | null;
  text: string;
  styled: string | null;
  sound: number;
  /** Generated: the FTS tokens that kind and speaker filters match (see migrations.ts). */
  kind_token: GeneratedAlways<string>;
  speaker_token: GeneratedAlways<string | null>;
  /** JSON array of transcript speakers when alignment set this cue's speaker. */
  aligned_speakers: string | null;
  align_confidence: number | null;
  /** Transcript lines timed by alignment: 0 from the cues that say it, 1 estimated. */
  time_estimated: number | null;
  /** A retimed cue's times as the file has them. */
  file_start_ms: number | null;
  file_end_ms: number | null;
}

export interface SchemaMigrationsTable {
  version: number;
  name: string;
  applied_at: string;
}

export interface MomentsTable {
  id: Generated<number>;
  series_id: string;
  episode_id: string;
  start_ms: number | null;
  end_ms: number | null;
  anchor_seq: number | null;
  tier: string;
  term: string;
  initiator: string | null;
  /** JSON array of names. */
  recipients: string;
  mutual: number;
  part: string | null;
  /** JSON array of reading term ids. */
  readings: string;
  note: string | null;
  author: string | null;
  provenance: 'person' | 'rule' | 'import';
  rule: string | null;
  source_file: string | null;
  source_line: number | null;
  source_text: string | null;
  confidence: number | null;
  review: 'suggested' | 'confirmed' | 'rejected';
  created_at: string;
  updated_at: string;
  version: number;
}

export interface AlignmentsTable {
  series_id: string;
  episode_id: string;
  subtitle_path: string;
  transcript_path: string;
  cue_match: number;
  line_match: number;
  /** JSON AlignmentReport. */
  report: string;
  aligned_at: string;
}

export interface RetimingsTable {
  series_id: string;
  path: string;
  scale: number;
  offset_ms: number;
  method: string;
  reference: string | null;
  retimed_at: string;
}

export interface MediaFactsTable {
  series_id: string;
  episode_id: string;
  /** Absolute path of the video, with its size and mtime: the key the facts are valid for. */
  path: string;
  size_bytes: number;
  mtime_ms: number;
  /** JSON MediaProbe. */
  probe: string;
  probed_at: string;
  /** JSON ShotList, NULL until shots are detected for this file. */
  shots: string | null;
  shots_at: string | null;
}

/** Episodes the suggester read, or a person reviewed completely, per tier ('*': all). */
export interface AnnotationPassesTable {
  series_id: string;
  episode_id: string;
  tier: string;
  kind: 'suggested' | 'reviewed';
  by: string | null;
  at: string;
}
