import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CanonStore } from '../store/canon-store.js';
import { checkClaim, openClaimSession, readClaim } from './check-claim.js';
import { markReviewed } from './moments-done.js';
import { openTestLibrary, TEST_CANON } from './moments-test-canon.js';
import { listMoments, reviewMoments } from './moments.js';
import { suggestForEpisodes } from './suggest.js';
import { rejectionOf } from '../../test/receipts-error.js';

let store: CanonStore;
let remove: () => Promise<void>;

beforeEach(async () => {
  ({ store, remove } = await openTestLibrary('receipts-claims-'));
});
afterEach(() => remove());

async function check(text: string, includeSuggested = false) {
  const session = await openClaimSession(store, { includeSuggested });
  return checkClaim(store, session, readClaim(session, text));
}

describe('checkClaim on moments', () => {
  it('will not say never before anyone has read the episodes, and names the direction to read', async () => {
    const v = await check('never Ianto kiss Jack');
    expect(v.verdict).toBe('insufficient-coverage');
    expect(v.coverage).toMatchObject({ episodes: 2, inRange: 2, covered: 0 });
    expect(v.unread.map((e) => e.source)).toEqual([
      { file: TEST_CANON.episode1, line: TEST_CANON.kissLine },
    ]);
    expect(v.explanation).toContain('2 episodes of 2 not covered (S01E01, S01E02)');
  });

  it('counts suggestions as evidence when asked, and cites the direction', async () => {
    await suggestForEpisodes(store, { all: true });
    const v = await check('never Ianto kiss Jack', true);
    expect(v.verdict).toBe('contradicted');
    expect(v.counterexamples).toMatchObject([
      {
        episode: 'S01E01',
        episodeTitle: 'Rain',
        review: 'suggested',
        source: { file: TEST_CANON.episode1, line: TEST_CANON.kissLine },
        text: 'Ianto kisses Jack.',
      },
    ]);
    expect(v.explanation).toContain('1 of them unreviewed suggestions');
    // The suggester read both episodes, and no direction names Gwen kissing Jack.
    expect((await check('never Gwen kiss Jack', true)).verdict).toBe('supported');
    // Without --include-suggested nothing is confirmed and nothing is covered.
    expect((await check('never Ianto kiss Jack')).verdict).toBe('insufficient-coverage');
  });

  it('supports "only" once people confirmed the moments and marked the episodes reviewed', async () => {
    await suggestForEpisodes(store, { all: true });
    const refused = await rejectionOf(
      markReviewed(store, { episodes: [], all: true, author: 'me' }),
    );
    expect(refused.message).toMatch(/suggestions in S01E01, S01E02 still wait for review/);
    const pending = await listMoments(store, { review: 'suggested' });
    await reviewMoments(
      store,
      pending.moments.map((m) => m.id),
      'confirmed',
      'me',
    );
    await markReviewed(store, { episodes: [], all: true, author: 'me' });
    const only = await check('only Ianto kiss Jack at S01E01');
    expect(only.verdict).toBe('supported');
    expect(only.coverage.basis).toBe('episodes a person marked as fully reviewed for action');
    const affection = await check('count affection >= 3');
    expect(affection).toMatchObject({ verdict: 'supported', count: 3 });
    const slap = await check('first Gwen slap Jack at S01E02');
    expect(slap.verdict).toBe('contradicted');
    expect(slap.counterexamples[0]?.episode).toBe('S01E01');
    const json = await check(
      '{"quantifier":"compare","pattern":{"action":"hug","initiator":"Gwen"},"other":{"action":"hug","initiator":"Jack"},"op":"="}',
    );
    expect(json.verdict).toBe('supported');
  });
});

describe('checkClaim on dialogue', () => {
  it('finds who says a phrase, to whom (the next speaker), from the transcript', async () => {
    const v = await check('never Ianto says "I know"');
    expect(v.verdict).toBe('contradicted');
    expect(v.counterexamples).toMatchObject([
      { kind: 'dialogue', speaker: 'Ianto Jones', listener: 'Gwen Cooper', basis: ['transcript'] },
    ]);
    expect(v.coverage.basis).toBe('episodes with a transcript or subtitles');
    expect(v.restsOn).toEqual(['transcript']);
    expect((await check('never Ianto says "I know" to Jack')).verdict).toBe('supported');
    expect((await check('find Jack says "come back"')).count).toBe(1);
  });
});

describe('checkClaim: bad claims', () => {
  it('names unknown characters, terms and episodes with the closest ones', async () => {
    expect((await rejectionOf(check('never Iantoo kiss Jack'))).message).toMatch(
      /"Iantoo" is neither a character of this canon nor a codebook term; closest: Ianto/,
    );
    const term = await rejectionOf(
      check('{"quantifier":"never","pattern":{"action":"kissing-ish"}}'),
    );
    expect(term.toLine()).toMatch(
      /^pattern\.action: no term "kissing-ish" in the codebook; closest: .*kiss/,
    );
    const ep = await rejectionOf(check('only Ianto kiss Jack at S01E09'));
    expect(ep.toLine()).toMatch(/^at\.episode: no episode "S01E09"/);
    const json = await rejectionOf(check('{"quantifier": "never",'));
    expect(json.message).toMatch(/^the claim is not valid JSON/);
    const field = await rejectionOf(
      check('{"quantifier":"never","pattern":{"recipients":"Jack"}}'),
    );
    expect(field.toLine()).toMatch(/^pattern\.recipients: /);
  });
});
