import type { Character, Episode } from '../domain/canon.js';
import type { LineKind, SearchRequest, SearchResult } from '../domain/search.js';
import type { Ms } from '../domain/time.js';
import type { AlignmentStore } from './alignment-store.js';
import type { MediaStore } from './media-store.js';
import type { MomentStore } from './moment-store.js';

/**
 * The persistence seam. The app needs only these methods; `sqlite/` implements them
 * (and `postgres/` will). Every adapter runs the same test suite (canon-store.contract.ts).
 */
export interface CanonStore extends MomentStore, AlignmentStore, MediaStore {
  /** Content hashes of the sources stored for a series, keyed by source path. */
  sourceHashes(seriesId: string): Promise<ReadonlyMap<string, string>>;
  /**
   * Distinct speaker labels in the given stored sources of a series (as first written), so
   * an ingest that keeps those sources can still list their unlisted speakers.
   */
  speakerLabels(seriesId: string, paths: readonly string[]): Promise<readonly string[]>;
  /**
   * Apply one ingest run in a single transaction: upsert the series, replace its episode
   * list and characters, replace the rows of each changed source, delete sources that are
   * neither changed nor kept. Any failure leaves the store exactly as it was.
   */
  applyIngest(batch: IngestBatch): Promise<IngestSummary>;
  /**
   * The stored sources of one episode (subtitles, then transcripts, by path), each with its
   * lines in order: what alignment and suggestions read. NOT_FOUND for an unknown episode.
   */
  episodeSources(seriesId: string, episodeId: string): Promise<readonly StoredSource[]>;
  search(request: SearchRequest): Promise<SearchResult>;
  listSeries(): Promise<readonly SeriesInfo[]>;
  listEpisodes(seriesId?: string): Promise<readonly EpisodeInfo[]>;
  listCharacters(seriesId?: string): Promise<readonly CharacterInfo[]>;
  stats(seriesId?: string): Promise<LibraryStats>;
  close(): Promise<void>;
}

export interface SeriesInput {
  /** Slug, unique in the library. */
  readonly id: string;
  readonly title: string;
  /** Path of the manifest the series came from (provenance). */
  readonly manifest: string;
  /** The canon's own codebook as YAML text (already validated); absent or null: the default. */
  readonly codebook?: string | null;
}

export interface IngestBatch {
  readonly series: SeriesInput;
  /** Every episode in canon order (the manifest's order); position defines canon order. */
  readonly episodes: readonly (Episode & { readonly video?: string | null })[];
  /** Listed characters plus unlisted speakers discovered in this run's sources. */
  readonly characters: readonly Character[];
  /** New or changed sources with their parsed rows. */
  readonly sources: readonly SourceInput[];
  /** Paths of stored sources that are unchanged and must be kept as they are. */
  readonly keep: readonly string[];
  /** Called after each source is written, for progress bars. */
  readonly onSourceWritten?: (path: string, lines: number) => void;
}

export interface SourceInput {
  /** Path as given in the manifest (relative to it): the source's identity. */
  readonly path: string;
  /** sha256 of the file's bytes. */
  readonly hash: string;
  readonly episodeId: string;
  readonly role: 'subtitle' | 'transcript';
  /** `srt`, `vtt`, `ass`, or a transcript dialect. */
  readonly format: string;
  /** Detected text encoding, e.g. `UTF-8`, `windows-1252`. */
  readonly encoding: string;
  readonly language: string | null;
  readonly lines: readonly LineInput[];
}

export interface LineInput {
  readonly kind: LineKind;
  /** Dense order within the source. */
  readonly seq: number;
  /** 1-based line in the source file. */
  readonly line: number;
  readonly startMs: Ms | null;
  readonly endMs: Ms | null;
  /** Speaker label as written; resolved to a character through aliases at query time. */
  readonly speakerLabel: string | null;
  readonly qualifier: string | null;
  readonly text: string;
  /** Display text (italics, line breaks) where it differs from `text`. */
  readonly styled: string | null;
  /** A subtitle part that only describes a sound (`[door slams]`). */
  readonly sound: boolean;
}

export interface StoredSource {
  readonly path: string;
  readonly role: 'subtitle' | 'transcript';
  readonly format: string;
  readonly encoding: string;
  readonly language: string | null;
  readonly lines: readonly StoredLine[];
}

export interface StoredLine extends LineInput {
  /** The line's id in the library (canon order); changes when its source is re-ingested. */
  readonly id: number;
}

export interface IngestSummary {
  readonly seriesId: string;
  readonly sourcesAdded: number;
  readonly sourcesChanged: number;
  readonly sourcesUnchanged: number;
  readonly sourcesRemoved: number;
  readonly linesWritten: number;
  readonly linesRemoved: number;
  readonly episodes: number;
  readonly characters: number;
}

export interface SeriesInfo {
  readonly id: string;
  readonly title: string;
  readonly manifest: string;
  readonly episodes: number;
  readonly lines: number;
  readonly ingestedAt: string;
  /** The canon's own codebook (YAML), or null for the default. */
  readonly codebook: string | null;
}

export interface EpisodeInfo extends Episode {
  readonly seriesId: string;
  /** Absolute path of the episode's video file, or null. */
  readonly video: string | null;
  /** Position in canon order within the series, 0-based. */
  readonly position: number;
  readonly cues: number;
  readonly transcriptLines: number;
  readonly sources: readonly {
    readonly path: string;
    readonly role: 'subtitle' | 'transcript';
    readonly format: string;
    readonly language: string | null;
    readonly encoding: string;
  }[];
}

export interface CharacterInfo extends Character {
  readonly seriesId: string;
  /** Dialogue lines and cues attributed to the character. */
  readonly lines: number;
  /** Episodes the character speaks in. */
  readonly episodes: number;
}

export interface LibraryStats {
  readonly series: number;
  readonly episodes: number;
  readonly characters: number;
  readonly unlistedCharacters: number;
  readonly sources: number;
  readonly linesByKind: Readonly<Record<LineKind, number>>;
  readonly topSpeakers: readonly { readonly name: string; readonly lines: number }[];
  readonly dbBytes: number | null;
}
