import { CharacterIndex, displayName, nameKey, type Character } from '../domain/canon.js';
import type { Manifest } from '../formats/canon-manifest.js';
import type { SourceInput } from '../store/canon-store.js';

/**
 * The manifest's characters, plus every speaker label (of new, changed and kept sources) that no listed
 * character answers to, added as an unlisted character (labels that differ only in case
 * or punctuation are one character).
 */
export function charactersOf(manifest: Manifest, labels: Iterable<string | null>): Character[] {
  const listed: Character[] = manifest.characters.map((c) => ({
    name: c.name,
    aliases: c.aliases,
    unlisted: false,
  }));
  const index = new CharacterIndex(listed);
  const unlisted = new Map<string, Set<string>>();
  // A run passes every line's label (668k for two real series): resolve each distinct one once.
  const seen = new Set<string | null>();
  for (const label of labels) {
    if (seen.has(label)) continue;
    seen.add(label);
    if (label === null || index.resolve(label) !== null) continue;
    const key = nameKey(label);
    if (!key) continue;
    let set = unlisted.get(key);
    if (!set) unlisted.set(key, (set = new Set()));
    set.add(label);
  }
  // The canonical name is its own alias, so an unlisted character needs no alias list: every
  // label variant ("JACK", "Jack") shares its key. Listing variants would make the stored
  // characters depend on which sources were re-read in this run.
  const found = [...unlisted.values()].map((labels) => ({
    name: displayName(pickLabel([...labels])),
    aliases: [],
    unlisted: true,
  }));
  return [...listed, ...found.sort((a, b) => a.name.localeCompare(b.name))];
}

/**
 * The label to name an unlisted character by: one without stray punctuation around it (a
 * transcript typo `.DOCTOR` must not name the Doctor), written in mixed case ("McCoy") rather
 * than capitals ("MCCOY"); then the first in order.
 */
export function pickLabel(labels: string[]): string {
  const sorted = labels.sort();
  const clean = sorted.filter((l) => /^[\p{L}\p{N}].*[\p{L}\p{N}]$|^[\p{L}\p{N}]$/u.test(l));
  const pool = clean.length ? clean : sorted;
  return pool.find((l) => l !== l.toUpperCase()) ?? pool[0]!;
}

/** The distinct speaker labels of parsed sources (a few hundred, out of every line's label). */
export function speakerLabelsOf(sources: readonly SourceInput[]): Set<string> {
  const labels = new Set<string>();
  for (const s of sources)
    for (const l of s.lines) if (l.speakerLabel !== null) labels.add(l.speakerLabel);
  return labels;
}
