import type { MismatchReason } from '../domain/alignment.js';
import { stopWordShare } from './stop-words.js';

/**
 * Below this share of shared word trigrams, a subtitle file and a transcript are judged
 * to tell different things. Measured on Frasier season 2: same-episode pairs share
 * 0.54-0.74 of the subtitles' trigrams, different episodes 0.01-0.04. A transcript the
 * reader only partly understood (data/scripts/0912.txt, reflowed) still shares 0.11.
 */
export const MIN_SHARED_TRIGRAMS = 0.08;

/** The verdict on whether two texts can be aligned at all. */
export interface ContentCheck {
  /** Null when the texts belong together. */
  readonly reason: MismatchReason | null;
  readonly message: string;
  readonly sharedTrigrams: number;
}

/** Distinct word trigrams of a token sequence, as `a b c` strings. */
export function trigrams(tokens: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 2 < tokens.length; i++) {
    out.add(`${tokens[i]} ${tokens[i + 1]} ${tokens[i + 2]}`);
  }
  return out;
}

/**
 * Judge whether subtitle words and transcript words (each the whole file's dialogue in
 * order) say the same thing: both must have words, and enough of the subtitles' word
 * trigrams must occur in the transcript. When they do not, a clear gap in the share of
 * English function words names a different language as the likely cause.
 */
export function checkContent(
  subtitleTokens: readonly string[],
  transcriptTokens: readonly string[],
): ContentCheck {
  if (subtitleTokens.length === 0) {
    return {
      reason: 'no-subtitle-dialogue',
      message: 'the subtitle file has no dialogue to align (no cues with words)',
      sharedTrigrams: 0,
    };
  }
  if (transcriptTokens.length === 0) {
    return {
      reason: 'no-transcript-dialogue',
      message: 'the transcript has no dialogue to align (no speaker lines with words)',
      sharedTrigrams: 0,
    };
  }
  const sub = trigrams(subtitleTokens);
  const tra = trigrams(transcriptTokens);
  let shared = 0;
  for (const t of sub) if (tra.has(t)) shared++;
  // Fewer than three words: nothing to measure, so trust the caller's pairing.
  const sharedTrigrams = sub.size === 0 ? 1 : shared / sub.size;
  const pct = (x: number): string => `${Math.round(x * 100)}%`;
  if (sharedTrigrams >= MIN_SHARED_TRIGRAMS) {
    return { reason: null, message: 'the files say the same thing', sharedTrigrams };
  }
  const sEn = stopWordShare(subtitleTokens);
  const tEn = stopWordShare(transcriptTokens);
  if (Math.max(sEn, tEn) >= 0.25 && Math.min(sEn, tEn) < 0.08) {
    return {
      reason: 'different-language',
      message: `the files seem to be in different languages: English function words are ${pct(sEn)} of the subtitles and ${pct(tEn)} of the transcript`,
      sharedTrigrams,
    };
  }
  return {
    reason: 'different-content',
    message: `the files say different things: only ${pct(sharedTrigrams)} of the subtitles' word trigrams occur in the transcript (at least ${pct(MIN_SHARED_TRIGRAMS)} expected for the same episode)`,
    sharedTrigrams,
  };
}
