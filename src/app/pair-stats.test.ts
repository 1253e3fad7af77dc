import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ReceiptsError } from '../domain/errors.js';
import type { CanonStore } from '../store/canon-store.js';
import { openSqliteStore } from '../store/sqlite/canon-store.js';
import { ingestCanon } from './ingest-canon.js';
import { addMoment, reviewMoments } from './moments.js';
import { TEST_CANON, writeTestCanon } from './moments-test-canon.js';
import { pairStats } from './pair-stats.js';
import { suggestForEpisodes } from './suggest.js';

let dir: string;
let store: CanonStore;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'receipts-pairs-'));
  store = await openSqliteStore(join(dir, 'library.db'));
  await ingestCanon(writeTestCanon(dir), store, { cwd: dir });
  const add = (fields: Record<string, unknown>) => addMoment(store, fields, { author: 't' });
  await add({
    episode: 'S01E01',
    term: 'kiss',
    initiator: 'Ianto',
    recipients: 'Jack',
    line: TEST_CANON.kissLine,
  });
  await add({
    episode: 'S01E01',
    term: 'hug',
    initiator: 'Ianto',
    recipients: 'Jack',
    from: '1:00',
  });
  await add({
    episode: 'S01E02',
    term: 'hug',
    mutual: true,
    recipients: 'Jack,Ianto',
    from: '2:00',
  });
  await add({
    episode: 'S01E02',
    term: 'slap',
    initiator: 'Gwen',
    recipients: 'Jack',
    from: '3:00',
  });
  const rejected = await add({
    episode: 'S01E02',
    term: 'kiss',
    initiator: 'Gwen',
    recipients: 'Jack',
    from: '4:00',
  });
  await reviewMoments(store, [rejected.id], 'rejected', 't');
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const rows = (r: Awaited<ReturnType<typeof pairStats>>) =>
  r.pairs.map(
    (p) =>
      `${p.episode ? `${p.episode} ` : ''}${p.term} ${p.initiator}${p.mutual ? '<->' : '->'}${p.recipient} ${p.count}`,
  );

describe('pairStats', () => {
  it('counts a subtree together, confirmed moments only, a mutual pair apart', async () => {
    const r = await pairStats(store, { term: 'affection' });
    expect(rows(r)).toEqual([
      'affection Ianto Jones->Jack Harkness 2',
      'affection Ianto Jones<->Jack Harkness 1',
    ]);
    expect(r.moments).toBe(3);
  });

  it('counts per term, per episode, within a tier', async () => {
    const r = await pairStats(store, { tier: 'action', perEpisode: true });
    expect(rows(r)).toEqual([
      'S01E01 hug Ianto Jones->Jack Harkness 1',
      'S01E01 kiss Ianto Jones->Jack Harkness 1',
      'S01E02 hug Ianto Jones<->Jack Harkness 1',
      'S01E02 slap Gwen Cooper->Jack Harkness 1',
    ]);
  });

  it('adds unreviewed suggestions when asked, never rejected moments', async () => {
    await suggestForEpisodes(store, { all: true });
    const confirmed = await pairStats(store, { term: 'kiss' });
    const withSuggested = await pairStats(store, { term: 'kisses', includeSuggested: true });
    expect(rows(confirmed)).toEqual(['kiss Ianto Jones->Jack Harkness 1']);
    // The suggester reads the same kiss at line 10: a second, unreviewed count of it.
    expect(rows(withSuggested)).toEqual(['kiss Ianto Jones->Jack Harkness 2']);
  });

  it('refuses an unknown format or term', async () => {
    for (const input of [{ format: 'xml' }, { term: 'kizz' }]) {
      await expect(pairStats(store, input)).rejects.toSatisfy(
        (e) => e instanceof ReceiptsError && e.code === 'QUERY_INVALID',
      );
    }
  });
});
