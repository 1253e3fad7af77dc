import {
  compareCounts,
  type Claim,
  type Coverage,
  type Evidence,
  type VerdictKind,
} from '../domain/claim.js';

/** What judging a claim needs, all gathered beforehand: judging is pure. */
export interface JudgeInput {
  readonly claim: Claim;
  /** The pattern in words ("Jack initiating kiss with Rose"), and the second one for compare. */
  readonly what: string;
  readonly otherWhat?: string;
  /** Matches in the order the claim counts in (broadcast or story order). */
  readonly matches: readonly Evidence[];
  readonly otherMatches?: readonly Evidence[];
  readonly coverage: Coverage;
  readonly unread: readonly Evidence[];
  /** Position of an episode in the order the claim counts in. */
  readonly position: (episode: string) => number;
  /** "including 3 unreviewed suggestions" or "" — said wherever a count is given. */
  readonly suggestedNote: (evidence: readonly Evidence[]) => string;
}

export interface Judgement {
  readonly verdict: VerdictKind;
  readonly counterexamples: readonly Evidence[];
  readonly explanation: string;
}

/** The verdict on a claim: never more than the covered, read part of the canon supports. */
export function judge(input: JudgeInput): Judgement {
  switch (input.claim.quantifier) {
    case 'never':
      return judgeNever(input);
    case 'only':
      return judgeOnly(input);
    case 'first':
    case 'last':
      return judgeFirstLast(input);
    case 'count':
      return judgeCount(input);
    case 'compare':
      return judgeCompare(input);
    case 'find':
      return judgeFind(input);
  }
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** `S01E13 (file.txt:120)`: where a match is, for sentences. */
export function placeOf(e: Evidence): string {
  return e.source === null ? e.episode : `${e.episode} (${e.source.file}:${e.source.line})`;
}

/** Why "it never happens" cannot be said yet: uncovered episodes and unread directions. */
function gaps(c: Coverage, unread: readonly Evidence[]): string {
  const out: string[] = [];
  if (c.missing.length > 0) {
    const some = c.missing.slice(0, 3).join(', ') + (c.missing.length > 3 ? ', ...' : '');
    out.push(`${plural(c.missing.length, 'episode')} of ${c.inRange} not covered (${some})`);
  }
  if (unread.length > 0) {
    out.push(
      `${plural(unread.length, 'stage direction')} that may describe it no moment records yet (first ${placeOf(unread[0]!)})`,
    );
  }
  return out.join(' and ');
}

const isClean = (i: JudgeInput): boolean =>
  i.coverage.missing.length === 0 && i.unread.length === 0;

function judgeNever(i: JudgeInput): Judgement {
  if (i.matches.length > 0) {
    return {
      verdict: 'contradicted',
      counterexamples: i.matches,
      explanation: `Contradicted: ${i.what} happens ${plural(i.matches.length, 'time')}${i.suggestedNote(i.matches)}, first in ${placeOf(i.matches[0]!)}.`,
    };
  }
  if (isClean(i)) {
    return {
      verdict: 'supported',
      counterexamples: [],
      explanation: `Supported: no ${i.what} in any of the ${plural(i.coverage.inRange, 'episode')} in range, all covered (${i.coverage.basis}).`,
    };
  }
  return {
    verdict: 'insufficient-coverage',
    counterexamples: [],
    explanation: `Not enough to say never: no ${i.what} found, but ${gaps(i.coverage, i.unread)}.`,
  };
}

/** The matches an `only`/`find` claim points at (`at`), and the others. */
function splitReferred(i: JudgeInput): { referred: Evidence[]; others: Evidence[] } {
  const at = i.claim.at;
  if (at === undefined || (at.moment === undefined && at.episode === undefined)) {
    return { referred: [], others: [...i.matches] };
  }
  const isReferred = (e: Evidence): boolean =>
    at.moment !== undefined
      ? e.id === at.moment
      : e.episode.toLowerCase() === at.episode!.toLowerCase();
  return {
    referred: i.matches.filter(isReferred),
    others: i.matches.filter((e) => !isReferred(e)),
  };
}

function judgeOnly(i: JudgeInput): Judgement {
  const pointed = i.claim.at !== undefined;
  const { referred, others } = splitReferred(i);
  // Without a reference the claim is "exactly once": the first match stands for "the one".
  const one = pointed ? referred : i.matches.slice(0, 1);
  const rest = pointed ? others : i.matches.slice(1);
  if (rest.length > 0) {
    return {
      verdict: 'contradicted',
      counterexamples: rest,
      explanation: `Contradicted: ${i.what} happens ${plural(i.matches.length, 'time')}${i.suggestedNote(i.matches)}; another is in ${placeOf(rest[0]!)}.`,
    };
  }
  if (one.length === 0) {
    return {
      verdict: isClean(i) ? 'no-evidence' : 'insufficient-coverage',
      counterexamples: [],
      explanation: isClean(i)
        ? `No evidence: ${i.what} never happens in the ${plural(i.coverage.inRange, 'covered episode')}${pointed ? ', not even where the claim points' : ''}.`
        : `Not enough to say: no ${i.what} found${pointed ? ' where the claim points' : ''}, and ${gaps(i.coverage, i.unread)}.`,
    };
  }
  if (isClean(i)) {
    return {
      verdict: 'supported',
      counterexamples: [],
      explanation: `Supported: ${i.what} happens only in ${placeOf(one[0]!)}${i.suggestedNote(one)}, and every episode in range is covered (${i.coverage.basis}).`,
    };
  }
  return {
    verdict: 'insufficient-coverage',
    counterexamples: [],
    explanation: `Not enough to say "only": ${i.what} is found once, in ${placeOf(one[0]!)}, but ${gaps(i.coverage, i.unread)}.`,
  };
}

function judgeFirstLast(i: JudgeInput): Judgement {
  const first = i.claim.quantifier === 'first';
  const word = first ? 'first' : 'last';
  const pos = (e: string): number => (first ? i.position(e) : -i.position(e));
  // Matches arrive in counting order; the extreme one is at the start (first) or end (last).
  const extreme = first ? i.matches[0] : i.matches[i.matches.length - 1];
  const atEp = i.claim.at?.episode;
  const bound = atEp ?? extreme?.episode;
  // Only gaps before (first) or after (last) the point in question matter.
  const before = (ep: string): boolean => bound !== undefined && pos(ep) < pos(bound);
  const boundHasMatch = extreme !== undefined && extreme.episode === bound;
  const matters = (ep: string): boolean =>
    bound === undefined || before(ep) || (ep === bound && !boundHasMatch);
  const missing = i.coverage.missing.filter(matters);
  const unread = i.unread.filter((e) => matters(e.episode));
  const scoped = { ...i, coverage: { ...i.coverage, missing }, unread };
  if (extreme !== undefined && atEp !== undefined && before(extreme.episode)) {
    return {
      verdict: 'contradicted',
      counterexamples: [extreme],
      explanation: `Contradicted: the ${word} ${i.what} is in ${placeOf(extreme)}${i.suggestedNote([extreme])}, not ${atEp}.`,
    };
  }
  if (
    extreme === undefined ||
    (atEp !== undefined && extreme.episode.toLowerCase() !== atEp.toLowerCase())
  ) {
    const atCovered =
      atEp === undefined || !i.coverage.missing.some((m) => m.toLowerCase() === atEp.toLowerCase());
    if (extreme !== undefined && atCovered && i.unread.every((e) => e.episode !== atEp)) {
      return {
        verdict: 'contradicted',
        counterexamples: [extreme],
        explanation: `Contradicted: there is no ${i.what} in ${atEp!}; the ${word} is in ${placeOf(extreme)}.`,
      };
    }
    const clean = isClean(scoped);
    return {
      verdict: clean ? 'no-evidence' : 'insufficient-coverage',
      counterexamples: [],
      explanation: clean
        ? `No evidence: ${i.what} does not happen in the ${plural(i.coverage.inRange, 'covered episode')}.`
        : `Not enough to say: no ${i.what} found${atEp === undefined ? '' : ` in ${atEp}`}, and ${gaps(scoped.coverage, scoped.unread)}.`,
    };
  }
  if (isClean(scoped)) {
    return {
      verdict: 'supported',
      counterexamples: [],
      explanation: `Supported: the ${word} ${i.what} is in ${placeOf(extreme)}${i.suggestedNote([extreme])}, and every episode ${first ? 'before' : 'after'} it is covered.`,
    };
  }
  return {
    verdict: 'insufficient-coverage',
    counterexamples: [],
    explanation: `Not enough to say: the ${word} ${i.what} found is in ${placeOf(extreme)}, but ${gaps(scoped.coverage, scoped.unread)}.`,
  };
}

function judgeCount(i: JudgeInput): Judgement {
  const n = i.matches.length;
  const { op, value } = i.claim;
  const complete = isClean(i);
  const counted = `${i.what} happens ${plural(n, 'time')}${i.suggestedNote(i.matches)}`;
  if (op === undefined || value === undefined) {
    if (n === 0) {
      return {
        verdict: complete ? 'no-evidence' : 'insufficient-coverage',
        counterexamples: [],
        explanation: complete
          ? `No evidence: ${i.what} does not happen in the ${plural(i.coverage.inRange, 'covered episode')}.`
          : `Not enough to count: none found, and ${gaps(i.coverage, i.unread)}.`,
      };
    }
    return {
      verdict: complete ? 'supported' : 'insufficient-coverage',
      counterexamples: [],
      explanation: complete
        ? `Counted: ${counted}, in ${plural(new Set(i.matches.map((e) => e.episode)).size, 'episode')}.`
        : `At least: ${counted} so far, but ${gaps(i.coverage, i.unread)}.`,
    };
  }
  const holds = compareCounts(n, op, value);
  // Uncovered episodes can only add matches: the count found is a lower bound.
  const settled =
    complete ||
    (holds
      ? op === '>' || op === '>=' || (op === '!=' && n > value)
      : op === '<' || op === '<=' || (op === '=' && n > value));
  const claimText = `${op} ${value}`;
  if (!settled) {
    return {
      verdict: 'insufficient-coverage',
      counterexamples: [],
      explanation: `Not enough to say: ${counted} so far (claimed ${claimText}), but ${gaps(i.coverage, i.unread)}.`,
    };
  }
  return {
    verdict: holds ? 'supported' : 'contradicted',
    counterexamples: holds || op === '>' || op === '>=' ? [] : i.matches,
    explanation: `${holds ? 'Supported' : 'Contradicted'}: ${counted}${complete ? '' : ' at least'} (claimed ${claimText}).`,
  };
}

function judgeCompare(i: JudgeInput): Judgement {
  const a = i.matches.length;
  const b = i.otherMatches?.length ?? 0;
  const op = i.claim.op ?? '>';
  const holds = compareCounts(a, op, b);
  const counts = `${i.what}: ${a}${i.suggestedNote(i.matches)}; ${i.otherWhat ?? 'the other'}: ${b}${i.suggestedNote(i.otherMatches ?? [])}`;
  if (!isClean(i)) {
    return {
      verdict: 'insufficient-coverage',
      counterexamples: [],
      explanation: `Not enough to compare: ${counts} so far, but ${gaps(i.coverage, i.unread)}.`,
    };
  }
  return {
    verdict: holds ? 'supported' : 'contradicted',
    counterexamples: [],
    explanation: `${holds ? 'Supported' : 'Contradicted'}: ${counts} (claimed first ${op} second).`,
  };
}

function judgeFind(i: JudgeInput): Judgement {
  const { others } = splitReferred(i);
  if (others.length > 0) {
    return {
      verdict: 'supported',
      counterexamples: [],
      explanation: `Found ${plural(others.length, 'time')}${i.claim.at === undefined ? '' : ' other than the one named'}${i.suggestedNote(others)}: first in ${placeOf(others[0]!)}.`,
    };
  }
  const clean = isClean(i);
  return {
    verdict: clean ? 'no-evidence' : 'insufficient-coverage',
    counterexamples: [],
    explanation: clean
      ? `No evidence: no${i.claim.at === undefined ? '' : ' other'} ${i.what} in the ${plural(i.coverage.inRange, 'covered episode')}.`
      : `None found, but ${gaps(i.coverage, i.unread)}.`,
  };
}
