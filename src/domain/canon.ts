/** Series, episodes and characters: the canon's skeleton. */

export interface Episode {
  /** Stable id, unique within a series, e.g. `S02E03`. */
  readonly id: string;
  readonly season: number | null;
  readonly number: number | null;
  readonly title: string | null;
  /** ISO date `YYYY-MM-DD` when known. */
  readonly airDate: string | null;
  /** Position in story order when it differs from broadcast order. */
  readonly storyOrder: number | null;
}

export interface Character {
  readonly name: string;
  readonly aliases: readonly string[];
  /** True for speakers met in transcripts that the manifest does not list. */
  readonly unlisted: boolean;
}

/** Case-, space- and punctuation-insensitive key for matching names and aliases. */
export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Resolves speaker labels to canonical character names through aliases.
 * `THE DOCTOR`, `Doctor` and `doctor` all resolve to `The Doctor` when listed as aliases;
 * the canonical name is always its own alias.
 */
export class CharacterIndex {
  private readonly byKey = new Map<string, string>();

  constructor(characters: readonly Character[]) {
    for (const c of characters) {
      for (const n of [c.name, ...c.aliases]) {
        const k = nameKey(n);
        if (k && !this.byKey.has(k)) this.byKey.set(k, c.name);
      }
    }
  }

  /** The canonical name for a label, or null when no character has it. */
  resolve(label: string): string | null {
    return this.byKey.get(nameKey(label)) ?? null;
  }
}

/** `JACK HARKNESS` -> `Jack Harkness`, for unlisted speakers first seen in capitals. */
export function displayName(label: string): string {
  const t = label.trim().replace(/\s+/g, ' ');
  if (t !== t.toUpperCase()) return t;
  return t
    .toLowerCase()
    .replace(/(^|[\s'-])(\p{L})/gu, (_m, pre: string, ch: string) => pre + ch.toUpperCase());
}
