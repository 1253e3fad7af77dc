import { frameToMs, msToFrame, type Rational, type ShotCut } from '../domain/media.js';

export interface ClipRange {
  readonly startMs: number;
  /** Exclusive: the clip shows frames up to the one before `endMs`. */
  readonly endMs: number;
}

export interface SnappedRange extends ClipRange {
  /** First frame of the clip. */
  readonly startFrame: number;
  /** Frame after the last one of the clip (exclusive). */
  readonly endFrame: number;
  /** Frames of a neighbouring shot dropped at the start and at the end. */
  readonly trimmedStart: number;
  readonly trimmedEnd: number;
}

/**
 * Move a clip's edges inside its shot, so a GIF never opens or closes on a few frames of the
 * neighbouring shot. A cut within `maxTrimMs` of an edge moves that edge onto the cut; cuts
 * further inside are kept (the clip then deliberately spans shots). When both edges would
 * move past each other, the larger part of the clip is kept.
 */
export function snapToCuts(
  range: ClipRange,
  cuts: readonly ShotCut[],
  rate: Rational,
  maxTrimMs = 1000,
): SnappedRange {
  const first = msToFrame(range.startMs, rate);
  // The last frame shown before endMs.
  const last = Math.max(first, msToFrame(range.endMs - 1, rate));
  const inside = cuts.map((c) => c.frame).filter((f) => f > first && f <= last);
  const span = (a: number, b: number) => frameToMs(b, rate) - frameToMs(a, rate);

  let start = first;
  let end = last + 1;
  const head = inside[0];
  const tail = inside.at(-1);
  const trimHead = head !== undefined && span(first, head) <= maxTrimMs;
  const trimTail = tail !== undefined && span(tail, last + 1) <= maxTrimMs;
  if (trimHead && trimTail && head === tail) {
    // One cut near both edges: keep the longer side.
    if (head - first > last + 1 - head) end = head;
    else start = head;
  } else {
    if (trimHead) start = head;
    if (trimTail) end = tail;
  }
  return {
    startMs: start === first ? range.startMs : frameToMs(start, rate),
    endMs: end === last + 1 ? range.endMs : frameToMs(end, rate),
    startFrame: start,
    endFrame: end,
    trimmedStart: start - first,
    trimmedEnd: last + 1 - end,
  };
}
