import type { Suggestion } from '../src/domain/moment.js';

/** One labelled event of a stage-direction dev set (test/fixtures/suggest-dev-set*.json). */
export interface LabelEvent {
  readonly action: string;
  readonly initiator: string | null;
  readonly recipients: readonly string[];
  readonly mutual: boolean;
}

export interface DevSet {
  readonly folder: string;
  readonly directions: readonly {
    readonly file: string;
    readonly line: number;
    readonly events: readonly LabelEvent[];
    readonly uncertain?: boolean;
  }[];
}

export type Half = 'tuning' | 'held-out';

/** The half of a dev set a file belongs to: FNV-1a of its name, even -> tuning. */
export function halfOf(file: string): Half {
  let h = 0x811c9dc5;
  for (const ch of file) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % 2 === 0 ? 'tuning' : 'held-out';
}

/**
 * Whether a labelled event and a suggestion (or a second reader's event) name the same act:
 * the same action, and the same initiator and recipient set, names compared by `key`; when
 * either side is mutual, the same participants instead.
 */
export function matches(
  e: LabelEvent,
  s: Pick<Suggestion, 'action' | 'initiator' | 'recipients' | 'mutual'>,
  key: (n: string) => string,
): boolean {
  if (e.action !== s.action) return false;
  const set = (names: readonly (string | null)[]): string =>
    [...new Set(names.filter((n): n is string => n !== null).map(key))].sort().join('|');
  if (e.mutual || s.mutual) {
    return set([e.initiator, ...e.recipients]) === set([s.initiator, ...s.recipients]);
  }
  return (
    (e.initiator === null ? null : key(e.initiator)) ===
      (s.initiator === null ? null : key(s.initiator)) && set(e.recipients) === set(s.recipients)
  );
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

/** `P 0.958  R 0.904  F1 0.930  (tp 113, fp 5, fn 12)`. */
export function prf(c: Counts): string {
  const p = c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp);
  const r = c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn);
  const f = p + r === 0 ? 0 : (2 * p * r) / (p + r);
  return `P ${p.toFixed(3)}  R ${r.toFixed(3)}  F1 ${f.toFixed(3)}  (tp ${c.tp}, fp ${c.fp}, fn ${c.fn})`;
}
