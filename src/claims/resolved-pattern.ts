import type { Moment } from '../domain/moment.js';

/**
 * A claim pattern with every name made canonical, every term expanded to its subtree and the
 * episode range made explicit: what matching needs, with no lookups left to do.
 */
export interface ResolvedPattern {
  /** The term and everything under it, or null for any act. */
  readonly terms: ReadonlySet<string> | null;
  /** The tier of the term (coverage is per tier), or null. */
  readonly tier: string | null;
  readonly initiator: string | null;
  readonly recipients: readonly string[];
  readonly participants: readonly string[];
  readonly mutual: boolean | null;
  readonly part: string | null;
  /** One set per reading named: the reading and its subtree; each must be met. */
  readonly readings: readonly ReadonlySet<string>[];
  readonly says: string | null;
  readonly listener: string | null;
  /** Episode ids in range, canon order. */
  readonly episodes: readonly string[];
}

/** Whether a moment is an instance of the pattern (a `says` pattern matches no moment). */
export function momentMatches(
  m: Moment,
  p: ResolvedPattern,
  inRange: ReadonlySet<string>,
): boolean {
  if (p.says !== null || !inRange.has(m.episode)) return false;
  if (p.terms !== null && !p.terms.has(m.term)) return false;
  if (p.initiator !== null && m.initiator !== p.initiator) return false;
  if (!p.recipients.every((r) => m.recipients.includes(r))) return false;
  if (p.participants.length > 0) {
    const involved = new Set([...m.recipients, ...(m.initiator === null ? [] : [m.initiator])]);
    if (!p.participants.every((x) => involved.has(x))) return false;
  }
  if (p.mutual !== null && m.mutual !== p.mutual) return false;
  if (p.part !== null && (m.part ?? '').toLowerCase() !== p.part.toLowerCase()) return false;
  return p.readings.every((set) => m.readings.some((r) => set.has(r)));
}

/** Everyone a pattern names, for finding stage directions that mention them. */
export function namedPeople(p: ResolvedPattern): string[] {
  const out = [...(p.initiator === null ? [] : [p.initiator]), ...p.recipients, ...p.participants];
  return [...new Set(out)];
}

/** "Jack → Rose kiss", "Rose says "I love you" to the Doctor": a pattern in a few words. */
export function describePattern(p: ResolvedPattern, termLabel: string | null): string {
  if (p.says !== null) {
    const who = p.initiator ?? (p.participants.length > 0 ? p.participants.join(' or ') : 'anyone');
    const to = p.listener === null ? '' : ` to ${p.listener}`;
    return `${who} saying "${p.says}"${to}`;
  }
  const act = termLabel ?? 'any act';
  const parts: string[] = [];
  if (p.initiator !== null) parts.push(`${p.initiator} initiating`);
  parts.push(p.mutual === true ? `a mutual ${act}` : act);
  if (p.recipients.length > 0) parts.push(`with ${joinNames(p.recipients)}`);
  if (p.participants.length > 0) parts.push(`between ${joinNames(p.participants)}`);
  if (p.part !== null) parts.push(`(${p.part})`);
  return parts.join(' ');
}

/** `A`, `A and B`, `A, B and C`. */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]!}`;
}
