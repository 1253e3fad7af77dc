/**
 * Words as small integers, so alignment compares numbers. A stream is the concatenation of
 * many units' tokens (transcript lines or cues) with, for each token, the unit it came from.
 */

/** Word ids and, for each id, the id of its crude stem (`calls`, `called` -> `call`). */
export class Vocabulary {
  private readonly ids = new Map<string, number>();
  private readonly stems: number[] = [];
  private readonly stemIds = new Map<string, number>();

  /** The id of `word`, added when new. */
  id(word: string): number {
    let id = this.ids.get(word);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(word, id);
      const stem = stemOf(word);
      let s = this.stemIds.get(stem);
      if (s === undefined) {
        s = this.stemIds.size;
        this.stemIds.set(stem, s);
      }
      this.stems.push(s);
    }
    return id;
  }

  get size(): number {
    return this.ids.size;
  }

  /** Stem id of every word id, indexed by word id. */
  stemTable(): Int32Array {
    return Int32Array.from(this.stems);
  }
}

function stemOf(word: string): string {
  if (word.length < 5) return word;
  const m = /^(.{3,}?)(?:ing|ed|es|s|ly|er|y)$/.exec(word);
  return m?.[1] ?? word;
}

/** Tokens of many units, back to back. */
export interface TokenStream {
  /** Word id of each token. */
  readonly ids: Int32Array;
  /** Index (into the units given) of the unit each token came from. */
  readonly unit: Int32Array;
  /** Number of tokens of each unit. */
  readonly lengths: Int32Array;
}

/** Concatenate units' tokens into one stream of word ids. */
export function buildStream(units: readonly (readonly string[])[], vocab: Vocabulary): TokenStream {
  let total = 0;
  for (const u of units) total += u.length;
  const ids = new Int32Array(total);
  const unit = new Int32Array(total);
  const lengths = new Int32Array(units.length);
  let k = 0;
  units.forEach((tokens, u) => {
    lengths[u] = tokens.length;
    for (const t of tokens) {
      ids[k] = vocab.id(t);
      unit[k] = u;
      k++;
    }
  });
  return { ids, unit, lengths };
}
