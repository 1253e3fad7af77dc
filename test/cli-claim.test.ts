import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_CANON, writeTestCanon } from '../src/app/moments-test-canon.js';
import { expectCleanFailure, inProcessRunner } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'receipts-cli-claim-'));
const receipts = inProcessRunner(join(dir, 'library.db'), dir);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeAll(async () => {
  writeTestCanon(dir);
  expect((await receipts('ingest', 'canon.yaml')).code).toBe(0);
  expect((await receipts('suggest', '--all')).code).toBe(0);
}, 60_000);

describe('receipts claim', () => {
  it('prints the verdict, its sentence, the counter-example with file:line, and coverage', async () => {
    const r = await receipts('claim', 'never Ianto kiss Jack', '--include-suggested');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^contradicted {2}Contradicted: Ianto Jones initiating Kiss with Jack/);
    expect(r.out).toContain(`${TEST_CANON.episode1}:${TEST_CANON.kissLine}`);
    expect(r.out).toContain('coverage: 2 of 2 episodes in range');
  });

  it('gives JSON with the fields scripts rely on, from a JSON claim', async () => {
    const claim = { quantifier: 'never', pattern: { action: 'slap', initiator: 'Gwen' } };
    const r = await receipts('claim', '--json-claim', JSON.stringify(claim), '--json');
    expect(r.code).toBe(0);
    const v = JSON.parse(r.out) as Record<string, unknown>;
    expect(Object.keys(v)).toEqual(
      expect.arrayContaining(['verdict', 'count', 'evidence', 'counterexamples', 'coverage']),
    );
    // Nothing is confirmed and no episode is marked reviewed: never cannot be said.
    expect(v).toMatchObject({ verdict: 'insufficient-coverage', count: 0 });
  });

  it('says no to claims it cannot read, in one line', async () => {
    expectCleanFailure(
      await receipts('claim', 'never Iantoo kiss Jack'),
      64,
      /"Iantoo" is neither a character of this canon nor a codebook term; closest: Ianto/,
    );
    expectCleanFailure(
      await receipts('claim', '--json-claim', '{"quantifier":'),
      64,
      /not valid JSON/,
    );
    expectCleanFailure(await receipts('claim'), 64, /give a claim/);
  });
});

describe('receipts moments done', () => {
  it('refuses while suggestions wait for review, then marks and lists episodes', async () => {
    expectCleanFailure(await receipts('moments', 'done', 'S01E02'), 64, /still wait for review/);
    const list = await receipts(
      'moments',
      'list',
      '--episode',
      'S01E02',
      '--review',
      'suggested',
      '--json',
    );
    const ids = (JSON.parse(list.out) as { id: string }[]).map((m) => m.id);
    expect((await receipts('moments', 'review', ...ids, '--accept')).code).toBe(0);
    const done = await receipts('moments', 'done', 'S01E02', '--author', 'tea');
    expect(done.out).toBe('Marked 1 episode as reviewed for every tier: S01E02\n');
    expect((await receipts('moments', 'done', '--list')).out).toMatch(/S01E02\s+yes\s+\* \(tea\)/);
    const v = JSON.parse(
      (await receipts('claim', 'never Gwen kiss Jack in S01E02', '--json')).out,
    ) as {
      verdict: string;
    };
    expect(v.verdict).toBe('supported');
  });
});
