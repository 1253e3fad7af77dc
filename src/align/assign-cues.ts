import type { CueAlignment } from '../domain/alignment.js';
import { STOP_WORDS } from './stop-words.js';
import type { WordAlignment } from './word-alignment.js';
import type { TokenStream } from './token-stream.js';

/** A transcript dialogue line as the assignment sees it. */
export interface LineUnit {
  readonly seq: number;
  readonly speaker: string;
  readonly tokens: readonly string[];
}

/** A cue as the assignment sees it; sound cues and cues without words have no tokens. */
export interface CueUnit {
  readonly seq: number;
  readonly tokens: readonly string[];
}

// A cue takes its lines from shared words when at least this share of its words matched
// (or MIN_MATCHED_WORDS of them did); fewer is what chance gives between unrelated text.
const MIN_MATCHED_SHARE = 0.4;
const MIN_MATCHED_WORDS = 4;
// A line is one of the cue's lines when it holds this many of the cue's matched words, or
// this share of them: two speakers in one cue, not a stray common word.
const LINE_MIN_WEIGHT = 1.5;
const LINE_MIN_SHARE = 0.45;
// Similar wording (content words count more) that lets an unmatched cue take a line.
const MIN_SIMILARITY = 0.5;
const NEIGHBOUR_CONFIDENCE = 0.45;
const SPEAKER_ONLY_CONFIDENCE = 0.35;

/**
 * Give each cue its transcript lines and speakers. First from the word alignment (words
 * of the cue matched to words of lines); then, for cues left over, from similar wording
 * among the lines allowed by order (between the lines of the matched cues before and
 * after), and failing that from the neighbours: a cue between two cues of the same line
 * is part of that line; a cue between two lines of one speaker, with no other speaker's
 * line between, is that speaker's. Everything stays monotonic: a cue never takes a line
 * before a line of an earlier cue.
 */
export function assignCues(
  cues: readonly CueUnit[],
  lines: readonly LineUnit[],
  cueStream: TokenStream,
  lineStream: TokenStream,
  words: WordAlignment,
): CueAlignment[] {
  // Line indexes (into `lines`) per cue, from the words; null when not matched.
  const byWords = fromWords(cues, cueStream, lineStream, words);
  const out: CueAlignment[] = cues.map((c, k) => {
    const found = byWords[k];
    if (!found) return none(c.seq);
    return make(c.seq, found.lines, lines, found.confidence, 'words');
  });
  fillGaps(cues, lines, byWords, out);
  return out;
}

interface Found {
  readonly lines: number[];
  readonly confidence: number;
}

function fromWords(
  cues: readonly CueUnit[],
  cueStream: TokenStream,
  lineStream: TokenStream,
  words: WordAlignment,
): (Found | null)[] {
  const out: (Found | null)[] = cues.map(() => null);
  let j = 0;
  cues.forEach((c, k) => {
    const n = cueStream.lengths[k]!;
    const tally = new Map<number, number>();
    let matched = 0;
    for (const end = j + n; j < end; j++) {
      const i = words.matchOfB[j]!;
      if (i < 0) continue;
      const w = words.weightOfB[j]!;
      const line = lineStream.unit[i]!;
      tally.set(line, (tally.get(line) ?? 0) + w);
      matched += w;
    }
    if (n === 0 || (matched < MIN_MATCHED_SHARE * n && matched < MIN_MATCHED_WORDS)) return;
    const kept = [...tally]
      .filter(([, w]) => w >= LINE_MIN_WEIGHT || w >= LINE_MIN_SHARE * matched)
      .map(([line]) => line)
      .sort((x, y) => x - y);
    if (kept.length === 0) return;
    // A one-word cue ("Yes.") matches many lines equally well; trust it less.
    const confidence = Math.min(1, matched / (n + 0.5));
    out[k] = { lines: kept, confidence: Math.max(0.5, confidence) };
  });
  return out;
}

/** Assign the cues `fromWords` left over, walking each run between two matched cues. */
function fillGaps(
  cues: readonly CueUnit[],
  lines: readonly LineUnit[],
  byWords: readonly (Found | null)[],
  out: CueAlignment[],
): void {
  let prevLine = -1;
  for (let k = 0; k < cues.length; k++) {
    const found = byWords[k];
    if (found) {
      prevLine = found.lines[found.lines.length - 1]!;
      continue;
    }
    const cue = cues[k]!;
    if (cue.tokens.length === 0) continue;
    let nextLine = lines.length;
    for (let n = k + 1; n < cues.length; n++) {
      const f = byWords[n];
      if (f) {
        nextLine = f.lines[0]!;
        break;
      }
    }
    // At either end of the file, look a few lines beyond the last known one only.
    const lo = prevLine < 0 ? Math.max(0, nextLine - 3) : prevLine;
    const hi = nextLine >= lines.length ? Math.min(lines.length - 1, lo + 3) : nextLine;
    let best = -1;
    let bestSim = MIN_SIMILARITY;
    for (let l = lo; l <= hi; l++) {
      const sim = similarity(cue.tokens, lines[l]!.tokens);
      if (sim >= bestSim) {
        best = l;
        bestSim = sim;
      }
    }
    if (best >= 0) {
      out[k] = make(cue.seq, [best], lines, 0.4 + 0.4 * bestSim, 'similarity');
      prevLine = best;
      continue;
    }
    if (prevLine >= 0 && prevLine === nextLine) {
      out[k] = make(cue.seq, [prevLine], lines, NEIGHBOUR_CONFIDENCE, 'neighbours');
      continue;
    }
    if (prevLine >= 0 && nextLine < lines.length) {
      const speaker = lines[prevLine]!.speaker;
      let same = true;
      for (let l = prevLine + 1; l <= nextLine && same; l++) same = lines[l]!.speaker === speaker;
      if (same) {
        out[k] = {
          cueSeq: cue.seq,
          speakers: [speaker],
          lineSeqs: [],
          confidence: SPEAKER_ONLY_CONFIDENCE,
          method: 'neighbours',
        };
      }
    }
  }
}

/** Share of the cue's word weight (content words 1, stop words 0.25) the line also has. */
function similarity(cue: readonly string[], line: readonly string[]): number {
  const have = new Set(line.map(stem));
  let total = 0;
  let shared = 0;
  for (const t of new Set(cue)) {
    const w = STOP_WORDS.has(t) ? 0.25 : 1;
    total += w;
    if (have.has(stem(t))) shared += w;
  }
  return total === 0 ? 0 : shared / total;
}

const stem = (w: string): string => (w.length > 4 ? w.slice(0, Math.max(4, w.length - 3)) : w);

function make(
  cueSeq: number,
  lineIdx: readonly number[],
  lines: readonly LineUnit[],
  confidence: number,
  method: CueAlignment['method'],
): CueAlignment {
  const speakers: string[] = [];
  for (const l of lineIdx) {
    const s = lines[l]!.speaker;
    if (!speakers.includes(s)) speakers.push(s);
  }
  return {
    cueSeq,
    speakers,
    lineSeqs: lineIdx.map((l) => lines[l]!.seq),
    confidence: Math.round(confidence * 1000) / 1000,
    method,
  };
}

function none(cueSeq: number): CueAlignment {
  return { cueSeq, speakers: [], lineSeqs: [], confidence: 0, method: 'none' };
}
