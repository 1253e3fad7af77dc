import { useEffect, useState } from 'react';

/** One clip collected for a gifset: a range of an episode, and where it came from. */
export interface GifsetItem {
  readonly episode: string;
  readonly fromMs: number;
  readonly toMs: number;
  /** What the range was (`In/out marks`, a moment, `Rendered GIF`). */
  readonly label: string;
}

/** The clips collected for one series' gifset, in order, and the ways to change them. */
export interface GifsetItems {
  readonly items: readonly GifsetItem[];
  /** Add a clip at the end; false when the same range is already in the set. */
  add(item: GifsetItem): boolean;
  /** Move the clip at `index` by `by` places (-1 earlier, +1 later). */
  move(index: number, by: -1 | 1): void;
  remove(index: number): void;
  clear(): void;
}

/** The same range of the same episode: once in a set is enough. */
export const sameClip = (a: GifsetItem, b: GifsetItem) =>
  a.episode === b.episode && a.fromMs === b.fromMs && a.toMs === b.toMs;

const storageKey = (series: string) => `receipts.gifset.${series}`;

/** The stored list, or nothing when it is missing or not a list of clips. */
function load(series: string): GifsetItem[] {
  try {
    const raw: unknown = JSON.parse(localStorage.getItem(storageKey(series)) ?? '[]');
    if (!Array.isArray(raw)) return [];
    return raw.filter(
      (x): x is GifsetItem =>
        typeof x === 'object' &&
        x !== null &&
        typeof (x as GifsetItem).episode === 'string' &&
        Number.isInteger((x as GifsetItem).fromMs) &&
        Number.isInteger((x as GifsetItem).toMs) &&
        typeof (x as GifsetItem).label === 'string',
    );
  } catch {
    return [];
  }
}

/**
 * The gifset being collected for `series`. It lives in the browser's local storage, so clips
 * from several episodes can be gathered while moving between their pages.
 */
export function useGifsetItems(series: string): GifsetItems {
  const [items, setItems] = useState<readonly GifsetItem[]>(() => load(series));
  useEffect(() => {
    localStorage.setItem(storageKey(series), JSON.stringify(items));
  }, [series, items]);
  return {
    items,
    add(item) {
      if (items.some((i) => sameClip(i, item))) return false;
      setItems((now) => [...now, item]);
      return true;
    },
    move(index, by) {
      setItems((now) => {
        const to = index + by;
        if (to < 0 || to >= now.length) return now;
        const next = [...now];
        [next[index], next[to]] = [next[to]!, next[index]!];
        return next;
      });
    },
    remove(index) {
      setItems((now) => now.filter((_, i) => i !== index));
    },
    clear() {
      setItems([]);
    },
  };
}
