/**
 * Fan transcripts become an ordered list of scene headings, dialogue and stage directions.
 * `seq` is dense and 0-based within one transcript; `line` is the 1-based source line.
 */
export type TranscriptLine = SceneLine | DialogueLine | ActionLine;

export interface SceneLine {
  readonly kind: 'scene';
  readonly seq: number;
  readonly line: number;
  /** The location as written, brackets removed: `Hallway`, `Saratoga - Bridge`. */
  readonly text: string;
}

export interface DialogueLine {
  readonly kind: 'dialogue';
  readonly seq: number;
  readonly line: number;
  /** Speaker as written, qualifier removed, not yet resolved to a character: `DOCTOR`. */
  readonly speaker: string;
  /** `OC`, `on screen`, `on scanner`...: kept apart from the name. */
  readonly qualifier: string | null;
  /** The spoken words, inline directions removed. */
  readonly text: string;
}

export interface ActionLine {
  readonly kind: 'action';
  readonly seq: number;
  readonly line: number;
  readonly text: string;
  /** For a direction found inside a dialogue line: that line's speaker. */
  readonly speaker: string | null;
}

export type TranscriptDialect = 'chakoteya-text' | 'chakoteya-html' | 'csv' | 'frasier';

export interface ParsedTranscript {
  readonly dialect: TranscriptDialect;
  /** Title and air date when the file states them (header block). */
  readonly title: string | null;
  readonly airDate: string | null;
  /** Cast names listed in a header block, as written. */
  readonly cast: readonly string[];
  readonly lines: readonly TranscriptLine[];
}
