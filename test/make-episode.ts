import type { Cue } from '../src/domain/cue.js';
import type { TranscriptLine } from '../src/domain/transcript.js';

/** A cue for tests: `[text, startMs, endMs?, { part?, sound? }]`, seq and cueIndex in order. */
export type CueSpec = readonly [string, number, number?, { part?: number; sound?: boolean }?];

/** Cues from specs; a spec with `part > 0` shares the previous cue's index and times. */
export function makeCues(specs: readonly CueSpec[]): Cue[] {
  const out: Cue[] = [];
  let cueIndex = -1;
  specs.forEach(([text, startMs, endMs, opts], seq) => {
    const part = opts?.part ?? 0;
    if (part === 0) cueIndex++;
    out.push({
      seq,
      cueIndex,
      part,
      startMs,
      endMs: endMs ?? startMs + 2000,
      text,
      styled: text,
      speaker: null,
      sound: opts?.sound ?? false,
      line: 1 + cueIndex * 4,
    });
  });
  return out;
}

/**
 * Transcript lines from a compact script: `SPEAKER: words` is dialogue, `[Place]` a scene
 * heading, anything else a stage direction. Each entry is on its own source line.
 */
export function makeTranscript(script: readonly string[]): TranscriptLine[] {
  return script.map((row, seq): TranscriptLine => {
    const line = seq + 1;
    const scene = /^\[(.*)\]$/.exec(row);
    if (scene) return { kind: 'scene', seq, line, text: scene[1] ?? '' };
    const said = /^([A-Z][A-Za-z ]*): (.*)$/.exec(row);
    if (said) {
      return { kind: 'dialogue', seq, line, speaker: said[1]!, qualifier: null, text: said[2]! };
    }
    return { kind: 'action', seq, line, text: row, speaker: null };
  });
}
