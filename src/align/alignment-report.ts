import type {
  AlignmentReport,
  CueAlignment,
  LineTiming,
  LowConfidenceSpan,
} from '../domain/alignment.js';
import type { Cue } from '../domain/cue.js';
import type { TranscriptLine } from '../domain/transcript.js';

/** Which cues are unsure: below `below` confidence, in runs of at least `minRun` cues. */
export interface LowConfidenceOptions {
  readonly below: number;
  readonly minRun: number;
}

/**
 * Sum up an alignment: matched shares of cues (those with words) and of dialogue lines,
 * the dialogue lines no cue says, and runs of unsure cues (sound cues and cues without
 * words neither count nor break a run).
 */
export function alignmentReport(
  cues: readonly Cue[],
  hasWords: (cue: Cue) => boolean,
  lines: readonly TranscriptLine[],
  assigned: readonly CueAlignment[],
  timings: readonly LineTiming[],
  low: LowConfidenceOptions,
): AlignmentReport {
  let dialogueCues = 0;
  let matchedCues = 0;
  const spans: LowConfidenceSpan[] = [];
  let run: { cues: Cue[]; sum: number } = { cues: [], sum: 0 };
  const close = (): void => {
    const first = run.cues[0];
    const lastCue = run.cues[run.cues.length - 1];
    if (first && lastCue && run.cues.length >= low.minRun) {
      spans.push({
        firstCueSeq: first.seq,
        lastCueSeq: lastCue.seq,
        startMs: Math.min(...run.cues.map((c) => c.startMs)),
        endMs: Math.max(...run.cues.map((c) => c.endMs)),
        confidence: Math.round((run.sum / run.cues.length) * 1000) / 1000,
      });
    }
    run = { cues: [], sum: 0 };
  };
  cues.forEach((cue, k) => {
    if (!hasWords(cue)) return;
    dialogueCues++;
    const a = assigned[k]!;
    if (a.lineSeqs.length > 0) matchedCues++;
    if (a.confidence < low.below) {
      run.cues.push(cue);
      run.sum += a.confidence;
    } else close();
  });
  close();
  const timed = new Set(timings.filter((t) => !t.estimated).map((t) => t.lineSeq));
  const dialogue = lines.filter((l) => l.kind === 'dialogue');
  const unmatchedLineSeqs = dialogue.filter((l) => !timed.has(l.seq)).map((l) => l.seq);
  const matchedLines = dialogue.length - unmatchedLineSeqs.length;
  return {
    dialogueCues,
    matchedCues,
    cueMatchRatio: ratio(matchedCues, dialogueCues),
    dialogueLines: dialogue.length,
    matchedLines,
    lineMatchRatio: ratio(matchedLines, dialogue.length),
    unmatchedLineSeqs,
    lowConfidence: spans,
  };
}

const ratio = (n: number, d: number): number => (d === 0 ? 0 : Math.round((n / d) * 1000) / 1000);
