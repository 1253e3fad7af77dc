import type { MediaProbe, ShotList } from '../domain/media.js';

/**
 * The media part of the persistence seam: what probing and shot detection found in each
 * episode's video. Facts are keyed by the file's path, size and modification time, so a
 * replaced or re-encoded file is analysed again instead of trusted.
 */
export interface MediaStore {
  /** The facts stored for an episode's video, or null when it was never probed. */
  mediaFacts(seriesId: string, episodeId: string): Promise<StoredMediaFacts | null>;
  /**
   * Store a probe, replacing the episode's facts. Shots stored for the same file (path, size
   * and mtime) are kept; for any other file they are dropped.
   */
  saveProbe(input: ProbeInput): Promise<void>;
  /**
   * Store the shots of the file whose probe is stored. NOT_FOUND when the episode has no
   * stored probe of that same file (probe first).
   */
  saveShots(input: ShotsInput): Promise<void>;
}

/** Which file the facts are about: a different size or mtime means a different file. */
export interface MediaFileKey {
  readonly path: string;
  readonly sizeBytes: number;
  readonly mtimeMs: number;
}

export interface ProbeInput {
  readonly seriesId: string;
  readonly episodeId: string;
  readonly file: MediaFileKey;
  readonly probe: MediaProbe;
}

export interface ShotsInput {
  readonly seriesId: string;
  readonly episodeId: string;
  readonly file: MediaFileKey;
  readonly shots: ShotList;
}

export interface StoredMediaFacts {
  readonly seriesId: string;
  readonly episodeId: string;
  readonly file: MediaFileKey;
  readonly probe: MediaProbe;
  /** ISO time of the probe. */
  readonly probedAt: string;
  readonly shots: ShotList | null;
  readonly shotsAt: string | null;
}

/** True when stored facts are about exactly this file. */
export function sameMediaFile(a: MediaFileKey, b: MediaFileKey): boolean {
  return a.path === b.path && a.sizeBytes === b.sizeBytes && a.mtimeMs === b.mtimeMs;
}
