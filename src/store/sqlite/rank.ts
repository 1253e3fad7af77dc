import { phraseOccurrences, tokenize, type QueryPhrase } from '../../domain/search-query.js';

/**
 * BM25 over a bounded candidate set, computed here rather than with FTS5's bm25().
 *
 * FTS5's bm25() first counts every row that matches each phrase (for the IDF), whatever the
 * LIMIT: about 14 ms for "you" on a million lines even for one row. Scoring our own candidates
 * costs about 1 us per candidate instead. Term frequency and length come from the candidate's
 * own tokens (the same tokenizer as the index); the IDF of each phrase comes from a match count
 * capped at `dfCap`, so common phrases share one low IDF and rare phrases still weigh more,
 * which is what decides the order when a line must contain all of them.
 */
export interface RankStats {
  /** Lines in the library. */
  readonly docs: number;
  /** Average tokens per line. */
  readonly avgTokens: number;
}

const K1 = 1.2;
const B = 0.75;

/** IDF of a phrase seen in `df` lines (a lower bound when capped). */
export function idf(docs: number, df: number): number {
  return Math.log(1 + (docs - df + 0.5) / (df + 0.5));
}

/** BM25 score of a text for the query's positive phrases, with one IDF per phrase. */
export function bm25(
  text: string,
  phrases: readonly QueryPhrase[],
  idfs: readonly number[],
  stats: RankStats,
): number {
  const tokens = tokenize(text);
  const norm = K1 * (1 - B + (B * tokens.length) / Math.max(stats.avgTokens, 1));
  let score = 0;
  for (let i = 0; i < phrases.length; i++) {
    const tf = phraseOccurrences(tokens, phrases[i]!).length;
    if (tf > 0) score += (idfs[i] ?? 1) * ((tf * (K1 + 1)) / (tf + norm));
  }
  return score;
}

/**
 * Reads FTS5's "averages" record (row 1 of the `_data` table: varints of the row count and of
 * the token count of each column) to get the library's size and average line length without a
 * scan. Documented in the FTS5 source as part of its stable file format.
 */
export function parseFtsAverages(block: Uint8Array | null | undefined): RankStats | null {
  if (!block || block.length === 0) return null;
  let at = 0;
  const varint = (): number => {
    // The SQLite 3 varint: big-endian, 7 bits a byte, a ninth byte holds 8 bits.
    let value = 0;
    for (let i = 0; i < 9 && at < block.length; i++) {
      const byte = block[at++]!;
      if (i === 8) return value * 256 + byte;
      value = value * 128 + (byte & 0x7f);
      if ((byte & 0x80) === 0) return value;
    }
    return value;
  };
  const docs = varint();
  const textTokens = varint();
  if (docs <= 0) return { docs: 0, avgTokens: 1 };
  return { docs, avgTokens: textTokens / docs };
}
