import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ReceiptsError } from '../domain/errors.js';
import type { CanonStore } from '../store/canon-store.js';
import { openSqliteStore } from '../store/sqlite/canon-store.js';
import { ingestCanon } from './ingest-canon.js';
import { reviewMoments } from './moments.js';
import { TEST_CANON, writeTestCanon } from './moments-test-canon.js';
import { suggestForEpisodes } from './suggest.js';

let dir: string;
let store: CanonStore;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'receipts-suggest-'));
  store = await openSqliteStore(join(dir, 'library.db'));
  await ingestCanon(writeTestCanon(dir), store, { cwd: dir });
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const brief = (m: {
  episode: string;
  term: string;
  initiator: string | null;
  recipients: readonly string[];
  review: string;
}) => `${m.episode} ${m.term} ${m.initiator ?? '*'}>${m.recipients.join('+')} ${m.review}`;

describe('suggestForEpisodes', () => {
  it('stores what the directions say as suggestions with their rule, file, line and text', async () => {
    const report = await suggestForEpisodes(store, { all: true });
    expect(report).toMatchObject({ episodes: 2, transcripts: 2, directions: 6, replaced: 0 });
    expect(report.added).toBe(report.suggestions.length);
    const kiss = report.suggestions.find((s) => s.action === 'kiss')!;
    expect(kiss).toMatchObject({
      episode: 'S01E01',
      source: { file: TEST_CANON.episode1, line: TEST_CANON.kissLine },
      initiator: 'Ianto Jones',
      recipients: ['Jack Harkness'],
      mutual: false,
      text: 'Ianto kisses Jack.',
      review: 'suggested',
    });
    const stored = await store.getMoment(kiss.id!);
    expect(stored).toMatchObject({
      term: 'kiss',
      tier: 'action',
      review: 'suggested',
      author: null,
      anchorSeq: kiss.seq,
      provenance: {
        kind: 'rule',
        rule: kiss.rule,
        file: TEST_CANON.episode1,
        line: TEST_CANON.kissLine,
      },
      confidence: kiss.confidence,
      sourceText: 'Ianto kisses Jack.',
    });
  });

  it('keeps reviewed moments when run again, and does not suggest them again', async () => {
    const first = await suggestForEpisodes(store, { all: true });
    const kiss = first.suggestions.find((s) => s.action === 'kiss')!;
    const slap = first.suggestions.find((s) => s.action === 'slap')!;
    await reviewMoments(store, [kiss.id!], 'confirmed', 'me');
    await reviewMoments(store, [slap.id!], 'rejected', 'me');
    const again = await suggestForEpisodes(store, { all: true });
    expect(again.suggestions.length).toBe(first.suggestions.length);
    expect(again).toMatchObject({
      added: first.suggestions.length - 2,
      replaced: first.suggestions.length - 2,
      alreadyReviewed: 2,
    });
    expect(again.suggestions.find((s) => s.action === 'kiss')).toMatchObject({
      id: kiss.id,
      review: 'confirmed',
    });
    expect(again.suggestions.find((s) => s.action === 'slap')).toMatchObject({
      id: slap.id,
      review: 'rejected',
    });
    const all = await store.listMoments({});
    expect(all).toHaveLength(first.suggestions.length);
    expect(all.filter((m) => m.review !== 'suggested').map(brief)).toEqual([
      'S01E01 kiss Ianto Jones>Jack Harkness confirmed',
      'S01E01 slap Gwen Cooper>Jack Harkness rejected',
    ]);
  });

  it('replaces the suggestions of the one episode it reads and no other', async () => {
    await suggestForEpisodes(store, { all: true });
    const before = await store.listMoments({ episodeIds: ['S01E01'] });
    const second = await suggestForEpisodes(store, { episode: 's01e02' });
    expect(second.episodes).toBe(1);
    expect(second.suggestions.every((s) => s.episode === 'S01E02')).toBe(true);
    expect(await store.listMoments({ episodeIds: ['S01E01'] })).toEqual(before);
  });

  it('asks for an episode or --all, and names an unknown episode', async () => {
    const codes: string[] = [];
    for (const request of [{}, { all: true, episode: 'S01E01' }, { episode: 'S05E05' }]) {
      try {
        await suggestForEpisodes(store, request);
      } catch (e) {
        if (e instanceof ReceiptsError) codes.push(e.code);
      }
    }
    expect(codes).toEqual(['USAGE', 'USAGE', 'NOT_FOUND']);
  });
});
