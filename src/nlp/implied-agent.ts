import type { Clause } from './clauses.js';
import type { ResolveContext } from './discourse.js';
import type { RawAct } from './raw-act.js';
import { ref, type Ref } from './refs.js';
import { resolveRef, type RefScope, type Resolved } from './resolve-refs.js';

// Links after which a passive follows from the clause before: `and gets pushed`, `but is hit`.
const CONSEQUENCE_LINKS = new Set(['and', 'but', ',', 'then']);

/** Who took part in a clause: its doer, and the people (or their things) it acted on. */
export interface Participants {
  readonly doer: readonly string[];
  readonly others: readonly Ref[];
}

/** The participants of a clause: its resolved subject, and every other person it names. */
export function participantsOf(clause: Clause, subject: Resolved | null): Participants {
  const others: Ref[] = [];
  for (const it of clause.items) {
    if (it.kind !== 'ref' || it.ref === clause.subject || it.ref.kind === 'reciprocal') continue;
    others.push(it.ref);
  }
  return { doer: subject?.names ?? [], others };
}

/**
 * A passive without an agent right after a clause of the same sentence gets the other party
 * of that clause as its agent, as a reader takes it: `He grabs the guard's gun and gets pushed
 * away` (the guard pushes him), `Kit grabs Ana and she is pushed through the door` (Kit pushes
 * her). When the passive's subject is neither party of the clause before, or the clause before
 * has no doer written in the sentence, nothing is implied.
 */
export function impliedAgent(
  act: RawAct,
  subject: Resolved | null,
  link: string | null,
  before: Participants | null,
  ctx: (exclude: readonly string[]) => ResolveContext,
  scope: RefScope,
): RawAct {
  const agentless =
    act.rule === 'act.passive-no-agent' ||
    act.rule === 'act.knocked-no-agent' ||
    act.rule === 'act.gets-no-agent';
  if (!agentless || act.doer !== null || before === null) return act;
  if (subject === null || subject.names.length !== 1) return act;
  const patient = subject.names[0]!;
  // `They struggle before Kit is knocked out`: the two of them, so the other one did it.
  const pair = before.doer.length === 2 && before.doer.includes(patient) && link !== null;
  if (pair && (CONSEQUENCE_LINKS.has(link) || link === 'before' || link === 'until')) {
    const other = before.doer.find((n) => n !== patient)!;
    return { ...act, doer: ref('name', [other]), rule: 'act.passive-implied-agent' };
  }
  // `... before he is strangled`, `as he is hit`: another moment, perhaps another attacker.
  if (link === null || !CONSEQUENCE_LINKS.has(link)) return act;
  if (before.doer.length === 1 && before.doer[0] === patient) {
    for (const o of [...before.others].reverse()) {
      const r = resolveRef(o, ctx([patient]), scope, false);
      if (r === null || r.names.length !== 1 || r.names[0] === patient) continue;
      const doer = ref('name', [...r.names], { role: o.role });
      return { ...act, doer, rule: 'act.passive-implied-agent' };
    }
    return act;
  }
  if (before.doer.length !== 1 || before.doer[0] === patient) return act;
  const actedOn = before.others.some((o) => {
    const r = resolveRef(o, ctx(before.doer), scope, false);
    return r !== null && r.names.includes(patient);
  });
  if (!actedOn) return act;
  return { ...act, doer: ref('name', [before.doer[0]!]), rule: 'act.passive-implied-agent' };
}
