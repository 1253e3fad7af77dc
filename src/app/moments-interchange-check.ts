import { basename } from 'node:path';
import { ReceiptsError } from '../domain/errors.js';
import type { ImportedMoment } from '../formats/eaf-moments.js';
import type { NewMoment, StoredMoment } from '../store/moment-store.js';
import type { SeriesContext } from './moments-series.js';
import {
  checkSpan,
  parseMomentTime,
  resolveCharacter,
  resolveReadings,
  resolveTerm,
  shapePeople,
} from './moments-validate.js';

/**
 * Checking moments read from an annotation file as `moments add` checks a moment typed in:
 * the same term, time, reading and people rules (moments-validate.ts), with each problem
 * placed at the file and line of its annotation.
 */

/** How names the canon does not know are treated. */
export interface NamePolicy {
  /** Refuse a name that is no character or alias (with the closest names), instead of keeping it. */
  readonly strict: boolean;
  /** Who a moment is by when its annotation names nobody (a tier without PARTICIPANT). */
  readonly participant: string | null;
}

/** A name kept as written because no character or alias has it. */
export interface UnknownName {
  readonly name: string;
  readonly count: number;
  /** The first line of the file that uses it. */
  readonly line: number;
}

/** The outcome of checking every moment: the valid ones, or every problem found. */
export interface CheckedMoments {
  readonly moments: readonly NewMoment[];
  readonly problems: readonly ReceiptsError[];
  readonly unknownNames: readonly UnknownName[];
}

/**
 * Check and normalise imported moments: terms through the codebook, times in order, names
 * through the canon's aliases (unknown ones kept and counted, or refused when strict),
 * the mutual rule, readings of the reading tier, body parts in lower case. Collects every
 * problem instead of stopping at the first, so the report can say how many there are.
 */
export function checkImported(
  ctx: SeriesContext,
  moments: readonly ImportedMoment[],
  file: string,
  policy: NamePolicy,
  durationMs: number | null = null,
): CheckedMoments {
  const unknown = new Map<string, { name: string; count: number; line: number }>();
  const problems: ReceiptsError[] = [];
  const out: NewMoment[] = [];
  for (const m of moments) {
    const line = m.provenance.line;
    try {
      const name = (field: string, label: string): string => {
        const known = ctx.names.resolve(label);
        if (known !== null) return known;
        if (policy.strict) return resolveCharacter(ctx, field, label);
        const kept = label.trim().replace(/\s+/g, ' ');
        const u = unknown.get(kept) ?? { name: kept, count: 0, line: line ?? 1 };
        u.count++;
        unknown.set(kept, u);
        return kept;
      };
      const term = resolveTerm(ctx.codebook, m.term, m.tier);
      const startMs = m.startMs === null ? null : parseMomentTime('from', m.startMs);
      const endMs = m.endMs === null ? null : parseMomentTime('to', m.endMs);
      checkSpan(startMs, endMs, durationMs);
      const nobody = m.initiator === null && m.recipients.length === 0;
      const initiatorLabel = nobody && !m.mutual ? policy.participant : m.initiator;
      const people = shapePeople(
        initiatorLabel === null ? null : name('initiator', initiatorLabel),
        m.recipients.map((r) => name('recipients', r)),
        m.mutual,
      );
      out.push({
        ...m,
        startMs,
        endMs,
        tier: term.tier,
        term: term.id,
        ...people,
        part: m.part ? m.part.trim().toLowerCase() : null,
        readings: resolveReadings(ctx.codebook, m.readings),
        note: m.note || null,
      });
    } catch (e) {
      if (!(e instanceof ReceiptsError)) throw e;
      problems.push(
        new ReceiptsError(
          e.code,
          `${e.place.path === undefined ? '' : `${e.place.path}: `}${e.message}`,
          { file, ...(line === undefined ? {} : { line }) },
          { cause: e },
        ),
      );
    }
  }
  return { moments: out, problems, unknownNames: [...unknown.values()] };
}

/**
 * What makes two imported moments the same: the file they came from (by its name, so a
 * re-import from another folder still matches), tier, term, times and who takes part.
 */
export function importKey(m: NewMoment | StoredMoment): string {
  return JSON.stringify([basename(m.provenance.file ?? ''), contentKey(m)]);
}

/** What a moment says, wherever it came from: tier, term, times and who takes part. */
export function contentKey(m: NewMoment | StoredMoment): string {
  return JSON.stringify([
    m.tier,
    m.term,
    m.startMs,
    m.endMs,
    m.initiator,
    [...m.recipients].sort(),
    m.mutual,
  ]);
}

/** Whether a stored moment was imported from a file of this name. */
export function importedFrom(m: StoredMoment, file: string): boolean {
  return m.provenance.kind === 'import' && basename(m.provenance.file ?? '') === basename(file);
}
