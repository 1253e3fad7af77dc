import type { Suggestion } from '../domain/moment.js';
import { word } from './act-words.js';
import type { Clause } from './clauses.js';
import type { Resolved } from './resolve-refs.js';

export const JOINS: ReadonlySet<string> = new Set(['joins', 'join', 'joined']);
// What one joins: the act itself (`joins the hug`), or `in`.
const GROUP_ACTS = new Set(['hug', 'embrace', 'cuddle']);

/**
 * `Bill hugs the Doctor. Nardole joins in.`: someone who joins in (or joins the hug) right
 * after a hug of the same direction hugs everyone in it. Null when the clause says no such
 * thing, or the one joining is already in the hug.
 */
export function joinsIn(
  clause: Clause,
  subject: Resolved | null,
  before: readonly Suggestion[],
): Suggestion | null {
  const last = before[before.length - 1];
  if (last === undefined || last.action !== 'hug' || subject?.names.length !== 1) return null;
  const items = clause.items;
  const at = items.findIndex((it) => JOINS.has(word(it)));
  if (at < 0) return null;
  const next = word(items[at + 1]);
  if (next !== 'in' && !(next === 'the' && GROUP_ACTS.has(word(items[at + 2])))) return null;
  const joiner = subject.names[0]!;
  // `Kit and Mara hug Owen, then Ana joins in`: one hug of three, read as two acts.
  const same = (s: Suggestion): boolean =>
    s.action === 'hug' && s.recipients.join('+') === last.recipients.join('+');
  let first = before.length - 1;
  while (first > 0 && same(before[first - 1]!)) first--;
  const doers = before.slice(first).flatMap((s) => (s.initiator === null ? [] : [s.initiator]));
  const hugged = [...new Set([...doers, ...last.recipients])];
  if (hugged.includes(joiner)) return null;
  return {
    ...last,
    initiator: joiner,
    recipients: hugged,
    mutual: false,
    part: null,
    confidence: Math.min(last.confidence, 0.8),
    rule: 'act.joins-in',
  };
}
