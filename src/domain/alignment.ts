import type { Ms } from './time.js';

/**
 * The result of aligning one episode's transcript with one subtitle file: who says each
 * cue, and when each transcript line happens. Pure values; see src/align/align-transcript.ts.
 */

/** What the alignment says about one Cue (one speaker part of a source cue). */
export interface CueAlignment {
  /** `Cue.seq` of the cue. */
  readonly cueSeq: number;
  /** Speaker labels as written in the transcript (`DialogueLine.speaker`), in line order. */
  readonly speakers: readonly string[];
  /**
   * `TranscriptLine.seq` of the dialogue lines whose words the cue says, ascending.
   * Empty when no line matched; `speakers` may then still hold an inferred speaker.
   */
  readonly lineSeqs: readonly number[];
  /** 0..1: how sure the assignment is; 0 when there is no speaker. */
  readonly confidence: number;
  /** How the assignment was made: from shared words, from similar wording, from neighbours. */
  readonly method: 'words' | 'similarity' | 'neighbours' | 'none';
}

/** When one transcript line (of any kind) happens. */
export interface LineTiming {
  /** `TranscriptLine.seq` of the line. */
  readonly lineSeq: number;
  readonly startMs: Ms;
  readonly endMs: Ms;
  /**
   * False for a dialogue line timed from the cues that say it; true for scene headings,
   * stage directions and unmatched dialogue, placed between their timed neighbours.
   */
  readonly estimated: boolean;
  /** `Cue.seq` of the cues that say the line; empty when `estimated`. */
  readonly cueSeqs: readonly number[];
}

/** A run of consecutive dialogue cues whose speakers are unsure (or unknown). */
export interface LowConfidenceSpan {
  readonly firstCueSeq: number;
  readonly lastCueSeq: number;
  readonly startMs: Ms;
  readonly endMs: Ms;
  /** Mean confidence over the run's cues. */
  readonly confidence: number;
}

/** How much of each side found a counterpart. */
export interface AlignmentReport {
  /** Cues with words to match: not sound descriptions, not empty after normalising. */
  readonly dialogueCues: number;
  /** Of those, cues matched to at least one transcript line. */
  readonly matchedCues: number;
  /** `matchedCues / dialogueCues`, 0..1. */
  readonly cueMatchRatio: number;
  readonly dialogueLines: number;
  /** Dialogue lines said by at least one cue. */
  readonly matchedLines: number;
  /** `matchedLines / dialogueLines`, 0..1. */
  readonly lineMatchRatio: number;
  /** `seq` of dialogue lines no cue says (cut lines, or lines the subtitles paraphrase away). */
  readonly unmatchedLineSeqs: readonly number[];
  readonly lowConfidence: readonly LowConfidenceSpan[];
}

/** A made alignment. `cues` has one entry per input cue, `lines` one per transcript line. */
export interface Alignment {
  readonly kind: 'aligned';
  readonly cues: readonly CueAlignment[];
  readonly lines: readonly LineTiming[];
  readonly report: AlignmentReport;
}

/** Why two files were judged not to belong together. */
export type MismatchReason =
  'no-subtitle-dialogue' | 'no-transcript-dialogue' | 'different-language' | 'different-content';

/** The two files do not say the same thing: no alignment is made up. */
export interface AlignmentMismatch {
  readonly kind: 'mismatch';
  readonly reason: MismatchReason;
  /** One sentence for a person, with the measured numbers. */
  readonly message: string;
  /**
   * Share (0..1) of the subtitles' distinct word trigrams that the transcript also has.
   * Same-episode pairs measure well above the threshold, other episodes well below.
   */
  readonly sharedTrigrams: number;
}

export type AlignmentResult = Alignment | AlignmentMismatch;
