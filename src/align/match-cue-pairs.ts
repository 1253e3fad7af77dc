import type { Cue } from '../domain/cue.js';
import type { Ms } from '../domain/time.js';
import { normaliseTokens } from './normalise-text.js';
import { buildStream, Vocabulary } from './token-stream.js';
import { alignWords } from './word-alignment.js';

/** The start of one cue in each of two files that say the same words. */
export interface TimePair {
  readonly source: Ms;
  readonly target: Ms;
}

// Two cues are a pair when this share of each one's words match the other's.
const MIN_SHARE = 0.6;

/** Source cues (`cueIndex` groups, parts joined) with their words. */
function sourceCues(cues: readonly Cue[]): { startMs: Ms; tokens: string[] }[] {
  const out: { startMs: Ms; tokens: string[] }[] = [];
  let last = -1;
  for (const c of cues) {
    const tokens = c.sound ? [] : normaliseTokens(c.text);
    if (c.cueIndex === last && out.length > 0) out[out.length - 1]!.tokens.push(...tokens);
    else out.push({ startMs: c.startMs, tokens });
    last = c.cueIndex;
  }
  return out.filter((c) => c.tokens.length > 0);
}

/**
 * Pair the cues of two subtitle files of the same content by their words: the two word
 * streams are aligned monotonically (`alignWords`), and two cues pair when most words of
 * each (and at least two) match words of the other. Cues split or merged differently in
 * the two files do not pair; that is fine, a time fit needs pairs, not all of them.
 */
export function matchCuePairs(source: readonly Cue[], target: readonly Cue[]): TimePair[] {
  const a = sourceCues(source);
  const b = sourceCues(target);
  const vocab = new Vocabulary();
  const sa = buildStream(
    a.map((c) => c.tokens),
    vocab,
  );
  const sb = buildStream(
    b.map((c) => c.tokens),
    vocab,
  );
  const words = alignWords(sa.ids, sb.ids, vocab.stemTable());
  const pairs: TimePair[] = [];
  let j = 0;
  b.forEach((cue, k) => {
    const tally = new Map<number, number>();
    for (const end = j + sb.lengths[k]!; j < end; j++) {
      const i = words.matchOfB[j]!;
      if (i >= 0) tally.set(sa.unit[i]!, (tally.get(sa.unit[i]!) ?? 0) + 1);
    }
    let bestUnit = -1;
    let bestCount = 0;
    for (const [unit, n] of tally) {
      if (n > bestCount) {
        bestUnit = unit;
        bestCount = n;
      }
    }
    const other = a[bestUnit];
    if (!other || bestCount < 2) return;
    if (bestCount < MIN_SHARE * cue.tokens.length || bestCount < MIN_SHARE * other.tokens.length) {
      return;
    }
    pairs.push({ source: other.startMs, target: cue.startMs });
  });
  return pairs;
}
