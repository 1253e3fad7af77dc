import { nameKey } from '../domain/canon.js';
import type { CodebookIndex, CodebookTerm } from '../domain/codebook.js';
import { ReceiptsError } from '../domain/errors.js';
import { parseTimecode, type Ms, formatTimecode } from '../domain/time.js';
import { closestHint, closestNames } from './moments-closest.js';
import type { SeriesContext } from './moments-series.js';

/** The tier whose terms say what a moment is read as (`love`, `guilt`). */
export const READING_TIER = 'reading';

/** A problem with one field of a moment: MOMENT_INVALID, the field as its path. */
export function invalid(field: string, message: string): ReceiptsError {
  return new ReceiptsError('MOMENT_INVALID', message, { path: field });
}

/**
 * The codebook term a word names (an id, label or synonym), in `tier` when given. The
 * reading tier is not a moment's term (readings go in `readings`).
 */
export function resolveTerm(codebook: CodebookIndex, word: string, tier?: string): CodebookTerm {
  if (tier !== undefined && codebook.tier(tier) === null) {
    const tiers = codebook.codebook.tiers.map((t) => t.id);
    throw invalid('tier', `no tier "${tier}" in the codebook (${tiers.join(', ')})`);
  }
  const found = codebook.term(word) ?? codebook.lookup(word);
  let term = found;
  // Term ids are unique, but a synonym may be claimed in one tier and wanted from another.
  if (tier !== undefined && found !== null && found.tier !== tier) {
    term = synonymIn(codebook, word, tier);
    if (term === null) {
      throw invalid(
        'tier',
        `"${word}" is ${found.id}, a term of tier "${found.tier}", not "${tier}"`,
      );
    }
  }
  if (term === null) {
    const pool = codebook.codebook.terms
      .filter((t) => t.tier !== READING_TIER && (tier === undefined || t.tier === tier))
      .map((t) => t.id);
    const where = tier === undefined ? 'the codebook' : `tier "${tier}"`;
    throw invalid('term', `no term "${word}" in ${where}${closestHint(word, pool)}`);
  }
  if (term.tier === READING_TIER) {
    throw invalid('term', `"${term.id}" is a reading, not an act: give it with --readings`);
  }
  return term;
}

/** A term of `tier` that has `word` among its synonyms (when another tier claimed the lookup). */
function synonymIn(codebook: CodebookIndex, word: string, tier: string): CodebookTerm | null {
  const k = nameKey(word);
  return (
    codebook
      .termsOf(tier)
      .find((t) => [t.id, t.label, ...t.synonyms].some((s) => nameKey(s) === k)) ?? null
  );
}

/**
 * Readings as term ids of the reading tier. A word the tier does not know is kept (as a
 * lower-case id) only when the tier is open.
 */
export function resolveReadings(codebook: CodebookIndex, words: readonly string[]): string[] {
  if (words.length === 0) return [];
  const tier = codebook.tier(READING_TIER);
  if (tier === null) throw invalid('readings', 'the codebook has no reading tier');
  const known = codebook.termsOf(READING_TIER);
  const out: string[] = [];
  for (const w of words) {
    const k = nameKey(w);
    const term = known.find((t) => [t.id, t.label, ...t.synonyms].some((s) => nameKey(s) === k));
    const id = term?.id ?? (tier.open ? k.replace(/ /g, '-') : null);
    if (id === null) {
      throw invalid(
        'readings',
        `no reading "${w}" in the codebook, and its reading tier is closed${closestHint(
          w,
          known.map((t) => t.id),
        )}`,
      );
    }
    if (!out.includes(id)) out.push(id);
  }
  return out;
}

/**
 * The canonical name of a character named by any alias (`IANTO`, `Mr Jones` -> `Ianto Jones`),
 * or MOMENT_INVALID naming the field and the closest known names.
 */
export function resolveCharacter(ctx: SeriesContext, field: string, label: string): string {
  const name = ctx.names.resolve(label);
  if (name !== null) return name;
  const canonical = new Map<string, string>();
  for (const c of ctx.characters) {
    for (const n of [c.name, ...c.aliases]) if (!canonical.has(n)) canonical.set(n, c.name);
  }
  const near = [
    ...new Set(closestNames(label, canonical.keys(), 12).map((n) => canonical.get(n)!)),
  ].slice(0, 3);
  throw invalid(
    field,
    `no character "${label}" in ${ctx.series.title}` +
      (near.length === 0 ? '' : `; closest: ${near.join(', ')}`),
  );
}

/**
 * A time from a flag or JSON: a number is ms; text is `41:12.3`, `1:02:03.250`, seconds
 * (`2472.3`) or ms with a unit (`2472300ms`).
 */
export function parseMomentTime(field: string, value: string | number): Ms {
  if (typeof value === 'number') {
    if (Number.isInteger(value) && value >= 0) return value;
    throw invalid(field, `${value} is not a time in whole milliseconds`);
  }
  const ms = /^(\d+)\s*ms$/i.exec(value.trim());
  const parsed = ms ? Number(ms[1]) : parseTimecode(value);
  if (parsed === null) {
    throw invalid(
      field,
      `"${value}" is not a time (write 41:12.3, 1:02:03.250, 2472.3 or 2472300ms)`,
    );
  }
  return parsed;
}

/**
 * Start and end in order (end >= start >= 0), and within the episode when the length of its
 * video is known (`receipts probe` stores it).
 */
export function checkSpan(
  startMs: Ms | null,
  endMs: Ms | null,
  durationMs: Ms | null = null,
): void {
  if (endMs !== null && startMs === null) throw invalid('from', 'an end needs a start (--from)');
  if (startMs !== null && endMs !== null && endMs < startMs) {
    throw invalid('to', `the end (${endMs} ms) is before the start (${startMs} ms)`);
  }
  const last = endMs ?? startMs;
  if (durationMs !== null && last !== null && last > durationMs) {
    throw invalid(
      endMs === null ? 'from' : 'to',
      `${formatTimecode(last)} is after the end of the episode's video (${formatTimecode(durationMs)})`,
    );
  }
}

/** Who takes part, checked: initiator and recipients as canonical names, by the mutual rule. */
export interface People {
  readonly initiator: string | null;
  readonly recipients: readonly string[];
  readonly mutual: boolean;
}

/** Resolve the names given for a new moment, then apply the mutual rule (see shapePeople). */
export function resolvePeople(
  ctx: SeriesContext,
  initiatorLabel: string | null,
  recipientLabels: readonly string[],
  mutual: boolean,
): People {
  const initiator =
    initiatorLabel === null ? null : resolveCharacter(ctx, 'initiator', initiatorLabel);
  const recipients = recipientLabels.map((r) => resolveCharacter(ctx, 'recipients', r));
  return shapePeople(initiator, recipients, mutual);
}

/**
 * The mutual rule on canonical names: a mutual moment has no initiator and every participant
 * (at least two) among its recipients; otherwise the initiator is not also a recipient.
 * A moment names at least one person; repeated names count once.
 */
export function shapePeople(
  initiator: string | null,
  names: readonly string[],
  mutual: boolean,
): People {
  const recipients = [...new Set(names)];
  if (mutual) {
    const all = initiator === null ? recipients : [...new Set([initiator, ...recipients])];
    if (all.length < 2) {
      throw invalid('recipients', 'a mutual moment needs at least two participants');
    }
    return { initiator: null, recipients: all, mutual: true };
  }
  if (initiator !== null && recipients.includes(initiator)) {
    throw invalid('recipients', `${initiator} is the initiator and cannot also be a recipient`);
  }
  if (initiator === null && recipients.length === 0) {
    throw invalid('initiator', 'name who takes part (--initiator and/or --recipients)');
  }
  return { initiator, recipients, mutual: false };
}
