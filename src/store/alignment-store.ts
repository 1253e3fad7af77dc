import type { AlignmentReport } from '../domain/alignment.js';

/**
 * The alignment part of the persistence seam: who says each cue and when each transcript
 * line happens (results of src/align), and retimings of subtitle files. Each write is one
 * transaction. Re-ingesting a file of an episode clears that episode's alignment, and a
 * changed subtitle file loses its retiming (both were made for the old content).
 */
export interface AlignmentStore {
  /**
   * Store one episode's alignment, replacing any earlier one: cue speakers (searchable, for
   * cues whose file names no speaker), transcript line times, and the report.
   */
  saveAlignment(input: EpisodeAlignmentInput): Promise<void>;
  /** Remove an episode's alignment; false when it had none. */
  clearAlignment(seriesId: string, episodeId: string): Promise<boolean>;
  listAlignments(seriesId: string): Promise<readonly AlignmentInfo[]>;
  /**
   * Retime a subtitle source: every cue's time as written in the file goes through
   * `t' = max(0, round(scale * t + offsetMs))`, replacing any earlier retiming of the file.
   * Clears the episode's alignment (its times changed).
   */
  retime(input: RetimeInput): Promise<RetimingInfo & { readonly clamped: number }>;
  /** Put a retimed source back to the times in its file; false when it was not retimed. */
  undoRetime(seriesId: string, path: string): Promise<boolean>;
  listRetimings(seriesId: string): Promise<readonly RetimingInfo[]>;
}

export interface EpisodeAlignmentInput {
  readonly seriesId: string;
  readonly episodeId: string;
  /** Stored source paths of the two files aligned. */
  readonly subtitlePath: string;
  readonly transcriptPath: string;
  /** By the cue's seq in the subtitle source. */
  readonly cues: readonly {
    readonly seq: number;
    readonly speakers: readonly string[];
    readonly confidence: number;
  }[];
  /** By the line's seq in the transcript source. */
  readonly lines: readonly {
    readonly seq: number;
    readonly startMs: number;
    readonly endMs: number;
    readonly estimated: boolean;
  }[];
  readonly report: AlignmentReport;
}

export interface AlignmentInfo {
  readonly episodeId: string;
  readonly subtitlePath: string;
  readonly transcriptPath: string;
  readonly cueMatch: number;
  readonly lineMatch: number;
  readonly report: AlignmentReport;
  readonly alignedAt: string;
}

export interface RetimeInput {
  readonly seriesId: string;
  /** Stored path of the subtitle source. */
  readonly path: string;
  readonly scale: number;
  readonly offsetMs: number;
  /** How the map was made: `offset`, `anchors`, or `fit` (aligned to another file). */
  readonly method: 'offset' | 'anchors' | 'fit';
  /** For `fit`: the file the cues were aligned to. */
  readonly reference: string | null;
}

export interface RetimingInfo extends RetimeInput {
  readonly episodeId: string;
  readonly retimedAt: string;
}
