import type { Suggestion } from '../domain/moment.js';
import { word } from './act-words.js';
import type { Clause } from './clauses.js';
import type { Ref } from './refs.js';
import type { Resolved } from './resolve-refs.js';

const DOING = new Set(['do', 'does', 'did', 'doing']);
// What one does to someone the same act with: `does the same to Madeline`, `with him`.
const TO_WHOM = new Set(['to', 'with']);

/**
 * `Mezoti hugs Seven, then the twins do the same`, `Lilith kisses Brian. Frasier does the same
 * to Madeline`, `Worf takes her hand. She does the same with him`: the subject does the act
 * of the clause just before (`before`) again, to the person named after `to` or `with`, else
 * to the same people. One suggestion per doer; none when the clause says no such thing, or
 * nobody is left to do it to. (`Sisko shoots one, then O'Brien does likewise`: the clause
 * before suggested nothing, so neither does this one.)
 */
export function doesTheSame(
  clause: Clause,
  subject: Resolved | null,
  before: readonly Suggestion[],
  resolve: (r: Ref, exclude: readonly string[]) => Resolved | null,
): Suggestion[] {
  const last = before[before.length - 1];
  if (last === undefined || last.mutual || subject === null || subject.names.length === 0)
    return [];
  const items = clause.items;
  const at = items.findIndex((it) => DOING.has(word(it)));
  if (at < 0) return [];
  const same = word(items[at + 1]) === 'the' && word(items[at + 2]) === 'same';
  if (!same && word(items[at + 1]) !== 'likewise') return [];
  const end = same ? at + 3 : at + 2;
  const doers = subject.names;
  const named = items[end + 1];
  let recipients: readonly string[];
  if (TO_WHOM.has(word(items[end])) && named?.kind === 'ref') {
    recipients = resolve(named.ref, doers)?.names ?? [];
  } else {
    // `Rose kisses Jack. He does the same`: back to her.
    const back = last.recipients.some((n) => doers.includes(n));
    recipients = back && last.initiator !== null ? [last.initiator] : last.recipients;
  }
  return doers.flatMap((doer) => {
    const to = recipients.filter((n) => n !== doer);
    if (to.length === 0) return [];
    return [
      {
        ...last,
        initiator: doer,
        recipients: to,
        confidence: Math.min(last.confidence, 0.8),
        rule: 'act.does-the-same',
      },
    ];
  });
}
