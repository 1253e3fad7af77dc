import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { QUANTIFIERS, type Claim, type Coverage, type Evidence } from '../domain/claim.js';
import { judge, type JudgeInput } from './judge.js';

const EPISODES = ['E1', 'E2', 'E3', 'E4'];
const ev = (episode: string, line = 1, review = 'confirmed'): Evidence => ({
  kind: 'moment',
  id: `${episode}:${line}`,
  episode,
  episodeTitle: null,
  startMs: null,
  endMs: null,
  source: { file: `${episode}.txt`, line },
  text: 'Ianto kisses Jack.',
  review,
});
const coverage = (missing: string[] = []): Coverage => ({
  episodes: EPISODES.length,
  inRange: EPISODES.length,
  covered: EPISODES.length - missing.length,
  missing,
  basis: 'test',
});
const input = (claim: Partial<Claim>, over: Partial<JudgeInput> = {}): JudgeInput => ({
  claim: { quantifier: 'never', pattern: {}, ...claim },
  what: 'Ianto initiating kiss with Jack',
  matches: [],
  coverage: coverage(),
  unread: [],
  position: (e) => EPISODES.indexOf(e),
  suggestedNote: () => '',
  ...over,
});

describe('judge: never', () => {
  it('is contradicted by any match, which becomes the counter-example', () => {
    const j = judge(input({}, { matches: [ev('E2')] }));
    expect(j.verdict).toBe('contradicted');
    expect(j.counterexamples).toEqual([ev('E2')]);
    expect(j.explanation).toMatch(/^Contradicted: .* 1 time, first in E2 \(E2.txt:1\)\.$/);
  });
  it('is supported only when every episode is covered and no direction is left unread', () => {
    expect(judge(input({})).verdict).toBe('supported');
    const gap = judge(input({}, { coverage: coverage(['E3']) }));
    expect(gap.verdict).toBe('insufficient-coverage');
    expect(gap.explanation).toContain('1 episode of 4 not covered (E3)');
    const unread = judge(input({}, { unread: [ev('E1', 9)] }));
    expect(unread.verdict).toBe('insufficient-coverage');
    expect(unread.explanation).toContain('E1 (E1.txt:9)');
  });
});

describe('judge: only', () => {
  it('without a reference means exactly once', () => {
    expect(judge(input({ quantifier: 'only' }, { matches: [ev('E2')] })).verdict).toBe('supported');
    const two = judge(input({ quantifier: 'only' }, { matches: [ev('E1'), ev('E3')] }));
    expect(two.verdict).toBe('contradicted');
    expect(two.counterexamples).toEqual([ev('E3')]);
    expect(judge(input({ quantifier: 'only' })).verdict).toBe('no-evidence');
  });
  it('with a reference, any match elsewhere contradicts it', () => {
    const claim = { quantifier: 'only' as const, at: { episode: 'E3' } };
    expect(judge(input(claim, { matches: [ev('E3'), ev('E3', 2)] })).verdict).toBe('supported');
    const other = judge(input(claim, { matches: [ev('E1'), ev('E3')] }));
    expect(other.verdict).toBe('contradicted');
    expect(other.counterexamples).toEqual([ev('E1')]);
  });
  it('is not supported while episodes are missing, even with the one match found', () => {
    const j = judge(
      input({ quantifier: 'only' }, { matches: [ev('E2')], coverage: coverage(['E4']) }),
    );
    expect(j.verdict).toBe('insufficient-coverage');
  });
});

describe('judge: first and last', () => {
  it('contradicts a claimed first when an earlier one exists', () => {
    const j = judge(
      input({ quantifier: 'first', at: { episode: 'E3' } }, { matches: [ev('E2'), ev('E3')] }),
    );
    expect(j.verdict).toBe('contradicted');
    expect(j.counterexamples).toEqual([ev('E2')]);
  });
  it('needs only the episodes before the first (after the last) covered', () => {
    const after = { matches: [ev('E2')], coverage: coverage(['E4']) };
    expect(judge(input({ quantifier: 'first', at: { episode: 'E2' } }, after)).verdict).toBe(
      'supported',
    );
    const before = { matches: [ev('E2')], coverage: coverage(['E1']) };
    expect(judge(input({ quantifier: 'first' }, before)).verdict).toBe('insufficient-coverage');
    expect(judge(input({ quantifier: 'last' }, before)).verdict).toBe('supported');
  });
  it('contradicts a claimed episode that is covered and has no match', () => {
    const j = judge(input({ quantifier: 'last', at: { episode: 'E4' } }, { matches: [ev('E1')] }));
    expect(j.verdict).toBe('contradicted');
    const unknown = judge(
      input(
        { quantifier: 'last', at: { episode: 'E4' } },
        { matches: [ev('E1')], coverage: coverage(['E4']) },
      ),
    );
    expect(unknown.verdict).toBe('insufficient-coverage');
  });
});

describe('judge: count and compare', () => {
  const n = (k: number) => Array.from({ length: k }, (_, i) => ev('E1', i + 1));
  it('treats counts under incomplete coverage as lower bounds', () => {
    const gap = { coverage: coverage(['E4']) };
    const at = (op: Claim['op'], value: number, found: number) =>
      judge(input({ quantifier: 'count', op, value }, { ...gap, matches: n(found) })).verdict;
    expect(at('>=', 2, 3)).toBe('supported');
    expect(at('>=', 4, 3)).toBe('insufficient-coverage');
    expect(at('<', 3, 3)).toBe('contradicted');
    expect(at('=', 2, 3)).toBe('contradicted');
    expect(at('=', 4, 3)).toBe('insufficient-coverage');
    expect(at('=', 3, 3)).toBe('insufficient-coverage');
  });
  it('settles exactly under full coverage', () => {
    const j = judge(input({ quantifier: 'count', op: '=', value: 4 }, { matches: n(3) }));
    expect(j.verdict).toBe('contradicted');
    expect(judge(input({ quantifier: 'count' }, { matches: n(3) })).explanation).toMatch(
      /^Counted: .* 3 times, in 1 episode\.$/,
    );
  });
  it('compares only when both sides are fully covered', () => {
    const claim = { quantifier: 'compare' as const, op: '>' as const };
    const both = { matches: n(3), otherMatches: n(1) };
    expect(judge(input(claim, both)).verdict).toBe('supported');
    expect(judge(input({ ...claim, op: '<' }, both)).verdict).toBe('contradicted');
    expect(judge(input(claim, { ...both, coverage: coverage(['E2']) })).verdict).toBe(
      'insufficient-coverage',
    );
  });
});

describe('judge: find', () => {
  it('lists the others than the one pointed at', () => {
    const claim = { quantifier: 'find' as const, at: { episode: 'E1' } };
    expect(judge(input(claim, { matches: [ev('E1'), ev('E3')] })).verdict).toBe('supported');
    expect(judge(input(claim, { matches: [ev('E1')] })).verdict).toBe('no-evidence');
    expect(judge(input(claim, { matches: [ev('E1')], coverage: coverage(['E2']) })).verdict).toBe(
      'insufficient-coverage',
    );
  });
});

describe('judge never overreaches', () => {
  it('supports only/never only on full coverage with nothing unread', () => {
    const episode = fc.constantFrom(...EPISODES);
    fc.assert(
      fc.property(
        fc.constantFrom(...QUANTIFIERS),
        fc.array(episode, { maxLength: 4 }),
        fc.uniqueArray(episode, { maxLength: 4 }),
        fc.array(episode, { maxLength: 2 }),
        fc.option(episode, { nil: undefined }),
        (quantifier, found, missing, unread, at) => {
          const order = (a: string, b: string) => EPISODES.indexOf(a) - EPISODES.indexOf(b);
          const j = judge(
            input(
              { quantifier, ...(at === undefined ? {} : { at: { episode: at } }) },
              {
                matches: found.sort(order).map((e, i) => ev(e, i)),
                otherMatches: [],
                coverage: coverage(missing),
                unread: unread.map((e) => ev(e, 99)),
              },
            ),
          );
          if (j.verdict === 'supported' && (quantifier === 'never' || quantifier === 'only')) {
            expect(missing).toEqual([]);
            expect(unread).toEqual([]);
          }
          if (j.verdict === 'contradicted' && quantifier === 'never') {
            expect(found.length).toBeGreaterThan(0);
          }
          expect(j.explanation).toMatch(/^[A-Z].*\.$/);
        },
      ),
    );
  });
});
