import { MIN_SHARED_TRIGRAMS } from './content-check.js';
import { normaliseTokens } from './normalise-text.js';
import { Vocabulary } from './token-stream.js';

/** A subtitle file to pair: an id, the transcript its name points to, its cues in order. */
export interface SubtitleDoc {
  readonly id: string;
  /** The transcript id its file name claims (e.g. `0101` for `01/Episode_1.srt`), if any. */
  readonly claimedTranscriptId?: string | null;
  /** Cues in file order; a `Cue` fits. Sound cues may be left in or out. */
  readonly cues: readonly { readonly cueIndex: number; readonly text: string }[];
}

/** A transcript to pair: an id and its dialogue texts in order. */
export interface TranscriptDoc {
  readonly id: string;
  readonly texts: readonly string[];
}

export interface ContentPair {
  readonly subtitleId: string;
  readonly transcriptId: string;
  /** Share (0..1) of the subtitles' distinctive word trigrams found in the transcript. */
  readonly score: number;
  /** The score of the next best transcript. */
  readonly runnerUp: number;
}

export interface Misnamed {
  readonly subtitleId: string;
  readonly claimedTranscriptId: string;
  /** What the content says: the transcript (or, for two episodes, the first one). */
  readonly proposedTranscriptId: string;
  readonly score: number;
}

export interface DuplicateGroup {
  /** Subtitle ids whose content is the same episode, in input order. */
  readonly subtitleIds: readonly string[];
  /** Lowest share of distinctive trigrams any two of them have in common. */
  readonly similarity: number;
}

export interface TwoEpisodes {
  readonly subtitleId: string;
  readonly firstTranscriptId: string;
  readonly secondTranscriptId: string;
  /** `cueIndex` of the first cue of the second episode. */
  readonly seamCueIndex: number;
}

export interface ContentPairing {
  /** One per subtitle file whose content matches a transcript, in input order. */
  readonly pairs: readonly ContentPair[];
  /** Subtitle ids that match no transcript. */
  readonly unpaired: readonly string[];
  readonly misnamed: readonly Misnamed[];
  readonly duplicates: readonly DuplicateGroup[];
  readonly twoEpisodes: readonly TwoEpisodes[];
}

// Two subtitle files are the same episode when each has this share of the other's trigrams.
const DUPLICATE_SHARE = 0.5;
// Trigrams in more than this share of transcripts ("i do not know") say nothing of which.
const COMMON_SHARE = 0.05;

/**
 * Decide which subtitle file belongs to which transcript by what they say. Each text
 * becomes a set of normalised word trigrams; trigrams common to many transcripts are
 * ignored; a subtitle file's score for a transcript is the share of its remaining
 * trigrams that the transcript has (on Frasier: same episode 0.44-0.99, another episode
 * under 0.04). Reports files whose content belongs to another transcript than their name
 * claims, groups of subtitle files with the same content, and files holding two episodes
 * back to back with the cue where the second begins.
 */
export function pairByContent(
  subtitles: readonly SubtitleDoc[],
  transcripts: readonly TranscriptDoc[],
): ContentPairing {
  const vocab = new Vocabulary();
  const index = new Map<number, number[]>();
  transcripts.forEach((t, k) => {
    for (const g of trigramSet(t.texts.flatMap(normaliseTokens), vocab)) {
      const list = index.get(g);
      if (list) list.push(k);
      else index.set(g, [k]);
    }
  });
  const maxDf = Math.max(2, Math.ceil(COMMON_SHARE * transcripts.length));
  const distinctive = (g: number): number[] | null => {
    const list = index.get(g);
    return list && list.length > maxDf ? null : (list ?? []);
  };

  const pairs: ContentPair[] = [];
  const unpaired: string[] = [];
  const misnamed: Misnamed[] = [];
  const twoEpisodes: TwoEpisodes[] = [];
  const subtitleSets: Set<number>[] = [];
  for (const sub of subtitles) {
    const cueTokens = sub.cues.map((c) => normaliseTokens(c.text));
    const grams = cueTrigrams(cueTokens, vocab);
    const own = new Set<number>();
    const scores = new Float64Array(transcripts.length);
    for (const per of grams) {
      for (const g of per) {
        const list = distinctive(g);
        if (list === null || own.has(g)) continue;
        own.add(g);
        for (const k of list) scores[k]!++;
      }
    }
    subtitleSets.push(own);
    const ranked = [...scores.keys()].sort((x, y) => scores[y]! - scores[x]!);
    const [first, second] = ranked;
    const share = (k: number | undefined): number =>
      k === undefined || own.size === 0 ? 0 : scores[k]! / own.size;
    if (first === undefined || share(first) < MIN_SHARED_TRIGRAMS) {
      unpaired.push(sub.id);
      continue;
    }
    let proposed = transcripts[first]!.id;
    const claimed = sub.claimedTranscriptId ?? null;
    pairs.push({
      subtitleId: sub.id,
      transcriptId: proposed,
      score: round(share(first)),
      runnerUp: round(share(second)),
    });
    let said = [proposed];
    if (second !== undefined && share(second) >= MIN_SHARED_TRIGRAMS) {
      const two = findSeam(sub, grams, transcripts, index, first, second);
      if (two) {
        twoEpisodes.push(two);
        proposed = two.firstTranscriptId;
        said = [two.firstTranscriptId, two.secondTranscriptId];
      }
    }
    if (claimed !== null && !said.includes(claimed)) {
      misnamed.push({
        subtitleId: sub.id,
        claimedTranscriptId: claimed,
        proposedTranscriptId: proposed,
        score: round(share(first)),
      });
    }
  }
  return {
    pairs,
    unpaired,
    misnamed,
    duplicates: duplicateGroups(subtitles, subtitleSets),
    twoEpisodes,
  };
}

const round = (x: number): number => Math.round(x * 1000) / 1000;

// Trigrams are numbers (three word ids of 17 bits), faster to hash than strings.
const ID_RANGE = 1 << 17;
const key = (vocab: Vocabulary, a: string, b: string, c: string): number =>
  ((vocab.id(a) % ID_RANGE) * ID_RANGE + (vocab.id(b) % ID_RANGE)) * ID_RANGE +
  (vocab.id(c) % ID_RANGE);

/** Distinct word trigrams of a token sequence. */
function trigramSet(tokens: readonly string[], vocab: Vocabulary): Set<number> {
  const out = new Set<number>();
  for (let i = 0; i + 2 < tokens.length; i++) {
    out.add(key(vocab, tokens[i]!, tokens[i + 1]!, tokens[i + 2]!));
  }
  return out;
}

/** Trigrams of the whole cue stream, each given to the cue its first word is in. */
function cueTrigrams(cueTokens: readonly (readonly string[])[], vocab: Vocabulary): number[][] {
  const flat: string[] = [];
  const owner: number[] = [];
  cueTokens.forEach((ts, k) => {
    for (const t of ts) {
      flat.push(t);
      owner.push(k);
    }
  });
  const out: number[][] = cueTokens.map(() => []);
  for (let i = 0; i + 2 < flat.length; i++) {
    out[owner[i]!]!.push(key(vocab, flat[i]!, flat[i + 1]!, flat[i + 2]!));
  }
  return out;
}

/**
 * Two episodes back to back: hits on the best two transcripts each sit in one contiguous
 * half of the file. The seam is the cue that best separates them; the file is two
 * episodes when each side holds most (80%) of its transcript's hits.
 */
function findSeam(
  sub: SubtitleDoc,
  grams: readonly (readonly number[])[],
  transcripts: readonly TranscriptDoc[],
  index: ReadonlyMap<number, number[]>,
  a: number,
  b: number,
): TwoEpisodes | null {
  const diff = grams.map((per) => {
    let d = 0;
    for (const g of per) {
      const list = index.get(g);
      if (!list) continue;
      if (list.includes(a)) d++;
      if (list.includes(b)) d--;
    }
    return d;
  });
  const hitsA = grams.map((per) => per.filter((g) => index.get(g)?.includes(a)).length);
  const hitsB = grams.map((per) => per.filter((g) => index.get(g)?.includes(b)).length);
  const total = diff.reduce((s, d) => s + d, 0);
  // Best seam with `a` first (prefix sum high) or `b` first (prefix sum low).
  let run = 0;
  let hi = { at: 0, sum: 0 };
  let lo = { at: 0, sum: 0 };
  diff.forEach((d, k) => {
    run += d;
    if (run > hi.sum) hi = { at: k + 1, sum: run };
    if (run < lo.sum) lo = { at: k + 1, sum: run };
  });
  const aFirst = hi.sum - (total - hi.sum) >= -lo.sum + (total - lo.sum);
  const seam = aFirst ? hi.at : lo.at;
  const [firstK, secondK] = aFirst ? [a, b] : [b, a];
  const [hitsFirst, hitsSecond] = aFirst ? [hitsA, hitsB] : [hitsB, hitsA];
  const sum = (xs: readonly number[], from: number, to: number): number =>
    xs.slice(from, to).reduce((s, x) => s + x, 0);
  const firstIn = sum(hitsFirst, 0, seam) / Math.max(1, sum(hitsFirst, 0, grams.length));
  const secondIn =
    sum(hitsSecond, seam, grams.length) / Math.max(1, sum(hitsSecond, 0, grams.length));
  const cue = sub.cues[seam];
  if (firstIn < 0.8 || secondIn < 0.8 || !cue) return null;
  return {
    subtitleId: sub.id,
    firstTranscriptId: transcripts[firstK]!.id,
    secondTranscriptId: transcripts[secondK]!.id,
    seamCueIndex: cue.cueIndex,
  };
}

/** Groups of subtitle files that share most distinctive trigrams both ways. */
function duplicateGroups(
  subtitles: readonly SubtitleDoc[],
  sets: readonly Set<number>[],
): DuplicateGroup[] {
  const owners = new Map<number, number[]>();
  sets.forEach((s, k) => {
    for (const g of s) {
      const list = owners.get(g);
      if (list) list.push(k);
      else owners.set(g, [k]);
    }
  });
  const maxOwners = Math.max(4, Math.ceil(COMMON_SHARE * sets.length));
  const rare = sets.map((s) => {
    let n = 0;
    for (const g of s) if (owners.get(g)!.length <= maxOwners) n++;
    return n;
  });
  const groupOf = new Map<number, { members: number[]; similarity: number }>();
  sets.forEach((s, k) => {
    const shared = new Map<number, number>();
    for (const g of s) {
      const list = owners.get(g)!;
      // A trigram many files share is a phrase, not evidence; skipping it keeps this linear.
      if (list.length > maxOwners) continue;
      for (const o of list) if (o > k) shared.set(o, (shared.get(o) ?? 0) + 1);
    }
    for (const [o, n] of shared) {
      const sim = Math.min(n / Math.max(1, rare[k]!), n / Math.max(1, rare[o]!));
      if (sim < DUPLICATE_SHARE) continue;
      const group = groupOf.get(k) ?? { members: [k], similarity: 1 };
      if (!group.members.includes(o)) group.members.push(o);
      group.similarity = Math.min(group.similarity, sim);
      groupOf.set(k, group);
      groupOf.set(o, group);
    }
  });
  const seen = new Set<object>();
  const out: DuplicateGroup[] = [];
  for (const g of groupOf.values()) {
    if (seen.has(g)) continue;
    seen.add(g);
    out.push({
      subtitleIds: [...g.members].sort((x, y) => x - y).map((k) => subtitles[k]!.id),
      similarity: round(g.similarity),
    });
  }
  return out;
}
