import type BetterSqlite3 from 'better-sqlite3';
import { ReceiptsError } from '../../domain/errors.js';
import { LINES_WITHOUT_CHECKS } from './migration-lines.js';

/**
 * Versioned schema changes, applied in order when a library is opened.
 *
 * Our own runner on `PRAGMA user_version` rather than kysely's Migrator: the check and the
 * upgrade happen under one `BEGIN IMMEDIATE`, so two processes opening an old library at once
 * cannot both apply a migration (kysely's SQLite adapter takes no lock across processes and
 * begins a deferred transaction); DDL and the version bump commit atomically; and a library
 * from a newer Receipts is refused instead of being written with an older schema. Every
 * applied migration is also recorded in `schema_migrations` with its name and time.
 *
 * Never edit a released migration: add a new one.
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'library: series, episodes, characters, sources, lines, FTS5 index',
    sql: `
      CREATE TABLE schema_migrations (
        version INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        applied_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE series (
        id TEXT PRIMARY KEY,
        ord INTEGER NOT NULL UNIQUE CHECK (ord BETWEEN 1 AND 131071),
        title TEXT NOT NULL,
        manifest TEXT NOT NULL,
        ingested_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE episodes (
        series_id TEXT NOT NULL REFERENCES series (id) ON DELETE CASCADE,
        id TEXT NOT NULL,
        position INTEGER NOT NULL CHECK (position BETWEEN 0 AND 65535),
        season INTEGER,
        number INTEGER,
        title TEXT,
        air_date TEXT,
        story_order REAL,
        PRIMARY KEY (series_id, id),
        UNIQUE (series_id, position)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE characters (
        id INTEGER PRIMARY KEY,
        series_id TEXT NOT NULL REFERENCES series (id) ON DELETE CASCADE,
        ord INTEGER NOT NULL,
        name TEXT NOT NULL,
        aliases TEXT NOT NULL,
        unlisted INTEGER NOT NULL CHECK (unlisted IN (0, 1)),
        UNIQUE (series_id, name)
      ) STRICT;

      CREATE TABLE aliases (
        series_id TEXT NOT NULL,
        key TEXT NOT NULL,
        character_id INTEGER NOT NULL REFERENCES characters (id) ON DELETE CASCADE,
        PRIMARY KEY (series_id, key)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX aliases_key ON aliases (key);
      CREATE INDEX aliases_character ON aliases (character_id);

      CREATE TABLE speakers (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL UNIQUE,
        label TEXT NOT NULL
      ) STRICT;

      CREATE TABLE sources (
        id INTEGER PRIMARY KEY,
        series_id TEXT NOT NULL,
        path TEXT NOT NULL,
        hash TEXT NOT NULL,
        episode_id TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('subtitle', 'transcript')),
        format TEXT NOT NULL,
        encoding TEXT NOT NULL,
        language TEXT,
        ingested_at TEXT NOT NULL,
        first_id INTEGER NOT NULL,
        span INTEGER NOT NULL,
        cue_lines INTEGER NOT NULL,
        dialogue_lines INTEGER NOT NULL,
        action_lines INTEGER NOT NULL,
        scene_lines INTEGER NOT NULL,
        UNIQUE (series_id, path),
        FOREIGN KEY (series_id, episode_id) REFERENCES episodes (series_id, id)
          DEFERRABLE INITIALLY DEFERRED
      ) STRICT;
      CREATE INDEX sources_episode ON sources (series_id, episode_id);

      CREATE TABLE source_speakers (
        source_id INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
        speaker_id INTEGER NOT NULL REFERENCES speakers (id),
        lines INTEGER NOT NULL,
        spoken INTEGER NOT NULL,
        PRIMARY KEY (source_id, speaker_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX source_speakers_speaker ON source_speakers (speaker_id);

      -- No foreign key to sources: it would need an index on source_id (about 19 MB and 15 %
      -- of ingest time per million lines). A source owns the id range [first_id, first_id +
      -- span), and the adapter deletes and moves lines by that range.
      CREATE TABLE lines (
        id INTEGER PRIMARY KEY,
        source_id INTEGER NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('cue', 'dialogue', 'action', 'scene')),
        seq INTEGER NOT NULL,
        line INTEGER NOT NULL,
        start_ms INTEGER,
        end_ms INTEGER,
        speaker_label TEXT,
        speaker_id INTEGER,
        qualifier TEXT,
        text TEXT NOT NULL,
        styled TEXT,
        sound INTEGER NOT NULL CHECK (sound IN (0, 1)),
        -- Filter tokens for FTS5, spelled with a private-use character (U+E000...) that the
        -- tokenizer keeps and no subtitle contains, so that a filter's posting list holds the
        -- filter alone: 'd' or '12' would share theirs with every "I'd" and "12" in the text.
        -- One character for a kind, two for a speaker id: too short for prefix-index entries.
        kind_token TEXT GENERATED ALWAYS AS
          (char(57344 + instr('cdas', substr(kind, 1, 1)))) VIRTUAL,
        speaker_token TEXT GENERATED ALWAYS AS (iif(speaker_id IS NULL, NULL,
          char(57344 + speaker_id % 4096, 61440 + speaker_id / 4096))) VIRTUAL
      ) STRICT;

      -- External content: the index only, text stays in lines (a plain FTS5 table would store
      -- it twice). Speaker and kind are indexed as tokens so that filters are intersected
      -- inside FTS5 rather than checked row by row. prefix='3' makes a 3-letter prefix one
      -- lookup instead of a merge of every matching term ("the*" 42 ms -> 0.05 ms, +45 % index);
      -- longer prefixes merge (about 2 ms for "what*"): a 4-letter index as well cost 15 % of
      -- ingest speed. columnsize=0 drops the per-row sizes only bm25() reads, and bm25() is not
      -- used (see rank.ts).
      CREATE VIRTUAL TABLE lines_fts USING fts5 (
        text, speaker_token, kind_token,
        content = 'lines', content_rowid = 'id',
        tokenize = 'unicode61 remove_diacritics 2',
        prefix = '3', columnsize = 0
      );
    `,
  },
  {
    version: 2,
    name: 'FTS5 index: 16 MB of pending index data before a flush',
    // FTS5 writes its in-memory index out as a new segment every `hashsize` bytes (1 MB by
    // default) and merges segments as it goes. 16 MB cut indexing the 668k real-data lines
    // from 2.5 s to 1.9 s (64 MB: no better, and a longer commit). The setting is stored in
    // lines_fts_config, hence a migration.
    sql: `INSERT INTO lines_fts (lines_fts, rank) VALUES ('hashsize', 16777216);`,
  },
  {
    version: 3,
    name: 'moments: annotations, suggestions and imports',
    // No foreign key to episodes: re-ingesting a manifest that drops an episode must never
    // delete what people wrote about it. Lists (recipients, readings) are JSON arrays; counts
    // over them are computed by the app on at most a few thousand moments per series.
    sql: `
      CREATE TABLE moments (
        id INTEGER PRIMARY KEY,
        series_id TEXT NOT NULL,
        episode_id TEXT NOT NULL,
        start_ms INTEGER,
        end_ms INTEGER,
        anchor_seq INTEGER,
        tier TEXT NOT NULL,
        term TEXT NOT NULL,
        initiator TEXT,
        recipients TEXT NOT NULL,
        mutual INTEGER NOT NULL CHECK (mutual IN (0, 1)),
        part TEXT,
        readings TEXT NOT NULL,
        note TEXT,
        author TEXT,
        provenance TEXT NOT NULL CHECK (provenance IN ('person', 'rule', 'import')),
        rule TEXT,
        source_file TEXT,
        source_line INTEGER,
        source_text TEXT,
        confidence REAL,
        review TEXT NOT NULL CHECK (review IN ('suggested', 'confirmed', 'rejected')),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        version INTEGER NOT NULL,
        CHECK (end_ms IS NULL OR start_ms IS NULL OR end_ms >= start_ms)
      ) STRICT;
      CREATE INDEX moments_episode ON moments (series_id, episode_id);
      -- The canon's own codebook (YAML as written, validated at ingest); NULL: the default.
      ALTER TABLE series ADD COLUMN codebook TEXT;
    `,
  },
  {
    version: 4,
    name: 'alignment of transcripts with subtitles, and retiming',
    // Alignment results live on the lines themselves, so that they move with their rows when
    // ingest renumbers an episode and vanish with them when a file is re-ingested. A cue's
    // speaker_label/speaker_id (and FTS speaker token) are set from the alignment when the
    // subtitle file names no speaker; aligned_speakers marks that. Retimed cues keep their
    // times as written in the file in file_start_ms/file_end_ms, so a retiming is undone exactly.
    sql: `
      ALTER TABLE lines ADD COLUMN aligned_speakers TEXT;
      ALTER TABLE lines ADD COLUMN align_confidence REAL;
      ALTER TABLE lines ADD COLUMN time_estimated INTEGER;
      ALTER TABLE lines ADD COLUMN file_start_ms INTEGER;
      ALTER TABLE lines ADD COLUMN file_end_ms INTEGER;
      -- The episode's video, as an absolute path: media is read long after ingest.
      ALTER TABLE episodes ADD COLUMN video TEXT;
      CREATE TABLE alignments (
        series_id TEXT NOT NULL,
        episode_id TEXT NOT NULL,
        subtitle_path TEXT NOT NULL,
        transcript_path TEXT NOT NULL,
        cue_match REAL NOT NULL,
        line_match REAL NOT NULL,
        report TEXT NOT NULL,
        aligned_at TEXT NOT NULL,
        PRIMARY KEY (series_id, episode_id)
      ) STRICT;
      CREATE TABLE retimings (
        series_id TEXT NOT NULL,
        path TEXT NOT NULL,
        scale REAL NOT NULL,
        offset_ms REAL NOT NULL,
        method TEXT NOT NULL,
        reference TEXT,
        retimed_at TEXT NOT NULL,
        PRIMARY KEY (series_id, path)
      ) STRICT;
    `,
  },
  {
    version: 5,
    name: 'media facts: probe results and shots of episode videos',
    // One row per episode; path, size and mtime say which file the facts describe, so a
    // replaced video is analysed again. No foreign key: ingest rewrites the episode list.
    sql: `
      CREATE TABLE media_facts (
        series_id TEXT NOT NULL,
        episode_id TEXT NOT NULL,
        path TEXT NOT NULL,
        size_bytes INTEGER NOT NULL,
        mtime_ms INTEGER NOT NULL,
        probe TEXT NOT NULL,
        probed_at TEXT NOT NULL,
        shots TEXT,
        shots_at TEXT,
        PRIMARY KEY (series_id, episode_id)
      ) STRICT;
    `,
  },
  {
    version: 6,
    name: 'annotation passes: which episodes the suggester read and people fully reviewed',
    // Claims need to know which episodes can be relied on: "never" is only as good as the
    // episodes that were read. Tier '*' is every tier. Libraries where suggest already ran
    // count those episodes as read (an episode whose directions gave no suggestion is not
    // known until suggest runs again).
    sql: `
      CREATE TABLE annotation_passes (
        series_id TEXT NOT NULL,
        episode_id TEXT NOT NULL,
        tier TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('suggested', 'reviewed')),
        by TEXT,
        at TEXT NOT NULL,
        PRIMARY KEY (series_id, episode_id, tier, kind)
      ) STRICT, WITHOUT ROWID;
      INSERT OR IGNORE INTO annotation_passes (series_id, episode_id, tier, kind, by, at)
        SELECT DISTINCT series_id, episode_id, '*', 'suggested', NULL, MIN(created_at)
        FROM moments WHERE provenance = 'rule' GROUP BY series_id, episode_id;
    `,
  },
  LINES_WITHOUT_CHECKS,
  {
    version: 8,
    name: 'scene headings indexed on their own',
    // A word among scene headings alone (`TARDIS`, kind = scene) made FTS5 seek the word's
    // whole posting list once per heading: 2.5 ms on 1M lines for `the` among 25,000
    // headings. Headings are a few per cent of the lines, so their own index answers it from
    // a posting list of headings only. Contentless, and deleted from by rowid: the index
    // holds headings only, which an external-content table over lines could not (and
    // contentless delete needs the row sizes kept).
    sql: `
      CREATE VIRTUAL TABLE scenes_fts USING fts5 (
        text,
        content = '', contentless_delete = 1,
        tokenize = 'unicode61 remove_diacritics 2',
        prefix = '3'
      );
      INSERT INTO scenes_fts (rowid, text) SELECT id, text FROM lines WHERE kind = 'scene';
    `,
  },
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

/**
 * Brings the database up to SCHEMA_VERSION. Throws DB_UNREADABLE when it was written by a
 * newer Receipts, or when it needs an upgrade but was opened read-only.
 */
export function migrate(db: BetterSqlite3.Database, file: string, now: () => Date): void {
  const version = () => db.pragma('user_version', { simple: true }) as number;
  const tooNew = (v: number) =>
    new ReceiptsError(
      'DB_UNREADABLE',
      `The library uses schema version ${v}, newer than this Receipts knows (${SCHEMA_VERSION}); upgrade Receipts.`,
      { file },
    );

  const seen = version();
  if (seen > SCHEMA_VERSION) throw tooNew(seen);
  if (seen === SCHEMA_VERSION) return;
  if (db.readonly) {
    throw new ReceiptsError(
      'DB_UNREADABLE',
      `The library needs a schema upgrade (${seen} -> ${SCHEMA_VERSION}) and was opened read-only.`,
      { file },
    );
  }

  db.exec('BEGIN IMMEDIATE');
  try {
    const current = version(); // another process may have migrated while we waited
    if (current > SCHEMA_VERSION) throw tooNew(current);
    for (const m of MIGRATIONS) {
      if (m.version <= current) continue;
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        m.version,
        m.name,
        now().toISOString(),
      );
      db.pragma(`user_version = ${m.version}`);
    }
    db.exec('COMMIT');
  } catch (e) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw e;
  }
}
