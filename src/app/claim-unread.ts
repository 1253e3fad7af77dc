import type { Evidence } from '../domain/claim.js';
import { MAX_QUERY_PHRASES } from '../domain/search-query.js';
import type { StoredMoment } from '../store/moment-store.js';
import type { CanonStore, CharacterInfo } from '../store/canon-store.js';
import type { CodebookIndex } from '../domain/codebook.js';
import { namedPeople, type ResolvedPattern } from '../claims/resolved-pattern.js';
import { allHits } from './claim-evidence.js';

/** Every word that names a term of the pattern's subtree, as search phrases. */
function termPhrases(codebook: CodebookIndex, terms: ReadonlySet<string>): string[] {
  const out = new Set<string>();
  for (const id of terms) {
    const t = codebook.term(id);
    if (t === null) continue;
    for (const s of [t.id, t.label, ...t.synonyms]) {
      // A phrase made of index tokens only: `hold hands`, `kisses`.
      const words = s.toLowerCase().match(/[\p{L}\p{N}]+/gu);
      if (words !== null && words.length > 0) out.add(words.join(' '));
    }
  }
  return [...out];
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whether a direction names the person (any alias as a whole word) or is their own line. */
function mentions(line: { text: string; speaker: string | null }, who: CharacterInfo): boolean {
  if (line.speaker === who.name) return true;
  return [who.name, ...who.aliases].some((n) =>
    new RegExp(`(^|[^\\p{L}])${escape(n)}($|[^\\p{L}])`, 'iu').test(line.text),
  );
}

/**
 * Stage directions that use a word of the act and name everyone the pattern names, but from
 * which no counted moment of the act among those people was read and no person reviewed
 * anything. They
 * may be instances nobody recorded (a pronoun the suggester resolved elsewhere, "about to kiss"
 * it rightly skipped): `never` and `only` cannot be supported while they stand.
 */
export async function unreadDirections(input: {
  store: CanonStore;
  seriesId: string;
  pattern: ResolvedPattern;
  codebook: CodebookIndex;
  characters: readonly CharacterInfo[];
  moments: readonly StoredMoment[];
  counted: ReadonlySet<string>;
  /** Episodes a person marked fully reviewed for the act's tier: their directions were read. */
  reviewed: ReadonlySet<string>;
}): Promise<Evidence[]> {
  const { pattern: p } = input;
  if (p.terms === null || p.says !== null) return [];
  const people = namedPeople(p).map((n) => input.characters.find((c) => c.name === n));
  if (people.some((c) => c === undefined)) return [];
  const inRange = new Set(p.episodes);
  const bySource = new Map<string, StoredMoment[]>();
  for (const m of input.moments) {
    if (m.provenance.file === undefined || m.provenance.line === undefined) continue;
    const k = `${m.provenance.file}:${m.provenance.line}`;
    bySource.set(k, [...(bySource.get(k) ?? []), m]);
  }
  // Read: a person reviewed something from the line, or a counted reading of it found an act
  // of this kind among these same people (the direction of the act was then decided).
  const names = namedPeople(p);
  const read = (file: string, line: number): boolean =>
    (bySource.get(`${file}:${line}`) ?? []).some(
      (m) =>
        m.review !== 'suggested' ||
        (input.counted.has(m.review) &&
          p.terms!.has(m.term) &&
          names.every((n) => m.initiator === n || m.recipients.includes(n))),
    );
  const phrases = termPhrases(input.codebook, p.terms);
  // Narrow the search by the first person named: their names in the text, or their own line
  // (an inline direction such as "(kisses her)" inside their dialogue).
  const lead = people[0];
  const leadNames = lead === undefined ? [] : nameKeys(lead).slice(0, MAX_QUERY_PHRASES / 2);
  const chunk = MAX_QUERY_PHRASES - leadNames.length;
  const quoted = (list: readonly string[]): string => list.map((x) => `"${x}"`).join(' OR ');
  const out: Evidence[] = [];
  const seen = new Set<number>();
  for (let i = 0; i < phrases.length; i += chunk) {
    const acts = quoted(phrases.slice(i, i + chunk));
    const searches =
      lead === undefined
        ? [allHits(input.store, input.seriesId, acts, ['action'])]
        : [
            allHits(input.store, input.seriesId, `${acts} ${quoted(leadNames)}`, ['action']),
            allHits(input.store, input.seriesId, acts, ['action'], lead.name),
          ];
    for (const { hit, group } of (await Promise.all(searches)).flat()) {
      const episode = group.episode.id;
      if (seen.has(hit.id) || !inRange.has(episode) || input.reviewed.has(episode)) continue;
      seen.add(hit.id);
      if (!people.every((c) => mentions(hit, c!))) continue;
      if (read(hit.source.file, hit.source.line)) continue;
      out.push({
        kind: 'moment',
        id: `line:${hit.id}`,
        episode,
        episodeTitle: group.episode.title,
        startMs: hit.startMs,
        endMs: hit.endMs,
        source: hit.source,
        text: hit.text,
      });
    }
  }
  // Two searches per chunk: put the lines back in canon order.
  return out.sort((a, b) => Number(a.id.slice(5)) - Number(b.id.slice(5)));
}

/** A person's name and aliases as index phrases (`the doctor`, `jack harkness`), distinct. */
function nameKeys(c: CharacterInfo): string[] {
  const keys = [c.name, ...c.aliases]
    .map((n) => (n.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).join(' '))
    .filter((k) => k !== '');
  return [...new Set(keys)];
}
