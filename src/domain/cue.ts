import type { Ms } from './time.js';

/**
 * One speaker's part of a subtitle cue. A source cue `- Yes. - No.` becomes two Cues
 * with the same times and `cueIndex`, parts 0 and 1 (SDH dialogue dashes).
 */
export interface Cue {
  /** Order within the file after splitting, 0-based, dense. */
  readonly seq: number;
  /** Index of the source cue in the file, 0-based. */
  readonly cueIndex: number;
  /** Part within the source cue (dialogue dash split), 0-based. */
  readonly part: number;
  readonly startMs: Ms;
  readonly endMs: Ms;
  /** Plain text for search: no markup, no speaker label, lines joined with a space. */
  readonly text: string;
  /** Display text: line breaks kept as `\n`, italics kept as `<i>..</i>`, nothing else. */
  readonly styled: string;
  /** Speaker as written in the file (WebVTT voice, ASS Name, SDH `JACK:` label), not resolved. */
  readonly speaker: string | null;
  /** True when the part is only a sound description such as `[door slams]`. */
  readonly sound: boolean;
  /** 1-based line in the source file where the cue's timing line is. */
  readonly line: number;
}

export type SubtitleFormat = 'srt' | 'vtt' | 'ass';
