import { nameKey } from '../domain/canon.js';
import { ORDINALS } from '../domain/ordinals.js';
import { TITLES, type Gender } from './words.js';

/** A character the suggester may name: the canon's name and aliases, a gender when known. */
export interface CharacterInput {
  readonly name: string;
  readonly aliases: readonly string[];
  readonly gender?: Gender | null;
}

/**
 * Names of the canon's characters by key, with titles and a leading `the` dropped
 * (`the Doctor` -> DOCTOR, `Captain Jack` -> JACK when only one character is Jack).
 */
export class PeopleIndex {
  private readonly byKey = new Map<string, string>();
  private readonly genders = new Map<string, Gender>();
  private readonly aliases = new Map<string, readonly string[]>();
  // Each name's first word (without a title), for short forms (`Sam` for SAMANTHA).
  private readonly firstWords: { word: string; name: string }[] = [];

  constructor(characters: readonly CharacterInput[]) {
    const loose = new Map<string, string | null>();
    for (const c of characters) {
      if (c.gender) this.genders.set(c.name, c.gender);
      this.aliases.set(c.name, [...(this.aliases.get(c.name) ?? []), ...c.aliases]);
      for (const n of [c.name, ...c.aliases]) {
        const k = nameKey(n);
        if (k === '') continue;
        if (!this.byKey.has(k)) this.byKey.set(k, c.name);
        const words = k.split(' ');
        const bare = words.filter((w, i) => !(i === 0 && (w === 'the' || TITLES.has(w))));
        if (bare[0] !== undefined) this.firstWords.push({ word: bare[0], name: c.name });
        // A name's words alone (`MRS LLOYD` -> `lloyd`), only when no other character claims them.
        for (const w of bare.length > 1 ? [bare.join(' '), bare[0]!] : [bare.join(' ')]) {
          if (w === '' || w === k) continue;
          const before = loose.get(w);
          loose.set(w, before === undefined || before === c.name ? c.name : null);
        }
      }
    }
    for (const [k, name] of loose) if (name !== null && !this.byKey.has(k)) this.byKey.set(k, name);
  }

  /** The canonical name for words as written (`the Doctor`, `Rose`), or null. */
  resolve(words: string): string | null {
    const key = nameKey(words);
    const k = key.replace(/^the /, '');
    const found = this.byKey.get(key) ?? this.byKey.get(k);
    if (found !== undefined) return found;
    // `the Second Elder` is the speaker labelled 2ND ELDER, as labels write ordinals.
    const space = k.indexOf(' ');
    const numbered = space < 0 ? undefined : ORDINALS.get(k.slice(0, space));
    return numbered === undefined ? null : (this.byKey.get(numbered + k.slice(space)) ?? null);
  }

  /**
   * The one character whose first name a short form begins (`Sam` -> SAMANTHA, `Vic` ->
   * VICTORIA), or null when none or several do.
   */
  shortFor(word: string): string | null {
    const w = word.toLowerCase();
    if (w.length < 3) return null;
    const found = new Set(
      this.firstWords
        .filter((f) => f.word.length > w.length && f.word.startsWith(w))
        .map((f) => f.name),
    );
    return found.size === 1 ? [...found][0]! : null;
  }

  /** The other names a character goes by (`Beverly` for CRUSHER). */
  aliasesOf(name: string): readonly string[] {
    return this.aliases.get(name) ?? [];
  }

  /** A gender given with the characters, if any. */
  givenGender(name: string): Gender | null {
    return this.genders.get(name) ?? null;
  }
}
