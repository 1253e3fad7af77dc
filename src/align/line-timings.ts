import type { CueAlignment, LineTiming } from '../domain/alignment.js';
import type { Cue } from '../domain/cue.js';
import type { TranscriptLine } from '../domain/transcript.js';

/**
 * Time every transcript line. A dialogue line said by cues spans from the first of them
 * to the end of the last (`estimated: false`). Every other line (scene heading, stage
 * direction, unmatched dialogue) shares out evenly the time between the timed lines
 * around it (`estimated: true`): before the first timed line from the first cue, after
 * the last one until the last cue ends. Estimated spans never go backwards in time.
 */
export function lineTimings(
  lines: readonly TranscriptLine[],
  cues: readonly Cue[],
  assigned: readonly CueAlignment[],
): LineTiming[] {
  const cueSeqsOf = new Map<number, number[]>();
  for (const a of assigned) {
    for (const l of a.lineSeqs) {
      const list = cueSeqsOf.get(l);
      if (list) list.push(a.cueSeq);
      else cueSeqsOf.set(l, [a.cueSeq]);
    }
  }
  const cueBySeq = new Map(cues.map((c) => [c.seq, c]));
  const timed: (LineTiming | null)[] = lines.map((line) => {
    const seqs = cueSeqsOf.get(line.seq);
    if (line.kind !== 'dialogue' || !seqs) return null;
    let start = Infinity;
    let end = -Infinity;
    for (const s of seqs) {
      const c = cueBySeq.get(s);
      if (!c) continue;
      start = Math.min(start, c.startMs);
      end = Math.max(end, c.endMs);
    }
    if (start === Infinity) return null;
    return { lineSeq: line.seq, startMs: start, endMs: end, estimated: false, cueSeqs: seqs };
  });
  let first = Infinity;
  let last = 0;
  for (const c of cues) {
    first = Math.min(first, c.startMs);
    last = Math.max(last, c.endMs);
  }
  if (first === Infinity) first = 0;

  const out: LineTiming[] = [];
  let k = 0;
  let prevEnd = first;
  while (k < lines.length) {
    const t = timed[k];
    if (t) {
      out.push(t);
      prevEnd = Math.max(prevEnd, t.endMs);
      k++;
      continue;
    }
    let n = k;
    while (n < lines.length && !timed[n]) n++;
    const next = timed[n];
    const lo = next ? Math.min(prevEnd, next.startMs) : prevEnd;
    const hi = next ? next.startMs : Math.max(prevEnd, last);
    const count = n - k;
    for (let r = 0; r < count; r++) {
      out.push({
        lineSeq: lines[k + r]!.seq,
        startMs: Math.round(lo + ((hi - lo) * r) / count),
        endMs: Math.round(lo + ((hi - lo) * (r + 1)) / count),
        estimated: true,
        cueSeqs: [],
      });
    }
    k = n;
  }
  return out;
}
