import { afterEach, describe, expect, it } from 'vitest';
import type { CanonStore } from './canon-store.js';
import type { NewMoment } from './moment-store.js';
import { rejectionOf } from '../../test/receipts-error.js';

/**
 * Moments behaviour every adapter must have, through the public interface only. `open`
 * returns a fresh, empty store each time; the suite closes what it opens.
 */
export function describeMomentStoreContract(name: string, open: () => Promise<CanonStore>): void {
  describe(`MomentStore contract: ${name}`, () => {
    const opened: CanonStore[] = [];
    const fresh = async () => {
      const store = await open();
      opened.push(store);
      await store.applyIngest({
        series: { id: 'tw', title: 'Torchwood', manifest: 'canon.yaml' },
        episodes: ['S01E01', 'S01E02', 'S01E03'].map((id, i) => ({
          id,
          season: 1,
          number: i + 1,
          title: null,
          airDate: null,
          storyOrder: null,
        })),
        characters: [],
        sources: [],
        keep: [],
      });
      return store;
    };
    afterEach(async () => {
      for (const s of opened.splice(0)) await s.close();
    });

    const moment = (over: Partial<NewMoment> = {}): NewMoment => ({
      seriesId: 'tw',
      episode: 'S01E02',
      startMs: 61_250,
      endMs: 63_000,
      anchorSeq: null,
      tier: 'action',
      term: 'kiss',
      initiator: 'Ianto Jones',
      recipients: ['Jack Harkness'],
      mutual: false,
      part: 'lips',
      readings: ['love'],
      note: 'cradles his neck',
      author: 'tea',
      provenance: { kind: 'person' },
      review: 'confirmed',
      confidence: null,
      sourceText: null,
      ...over,
    });
    const suggestion = (line: number, over: Partial<NewMoment> = {}): NewMoment =>
      moment({
        startMs: null,
        endMs: null,
        anchorSeq: line,
        author: null,
        note: null,
        readings: [],
        provenance: { kind: 'rule', rule: 'act.verb', file: 'tw/1x02.txt', line },
        review: 'suggested',
        confidence: 0.9,
        sourceText: '(Ianto kisses Jack.)',
        ...over,
      });

    it('stores a moment with every field and gives it an id, version 1 and timestamps', async () => {
      const store = await fresh();
      const m = await store.addMoment(moment());
      expect(m).toMatchObject({ ...moment(), version: 1 });
      expect(m.id).toMatch(/^\d+$/);
      expect(m.createdAt).toBe(m.updatedAt);
      expect(await store.getMoment(m.id)).toEqual(m);
      expect(await store.getMoment('nope')).toBeNull();
      expect(await store.getMoment('999')).toBeNull();
    });

    it('lists moments in canon order and filters them', async () => {
      const store = await fresh();
      const late = await store.addMoment(moment({ episode: 'S01E03', term: 'hug' }));
      const second = await store.addMoment(moment({ startMs: 90_000, endMs: 91_000 }));
      const first = await store.addMoment(moment({ startMs: 10_000, endMs: 11_000 }));
      const early = await store.addMoment(moment({ episode: 'S01E01', review: 'suggested' }));
      const ids = (ms: readonly { id: string }[]) => ms.map((m) => m.id);
      expect(ids(await store.listMoments({}))).toEqual(ids([early, first, second, late]));
      expect(ids(await store.listMoments({ terms: ['hug', 'slap'] }))).toEqual([late.id]);
      expect(ids(await store.listMoments({ episodeIds: ['S01E01'] }))).toEqual([early.id]);
      expect(ids(await store.listMoments({ review: ['suggested'] }))).toEqual([early.id]);
      expect(await store.listMoments({ terms: [] })).toEqual([]);
      expect(ids(await store.listMoments({ limit: 2, offset: 1 }))).toEqual(ids([first, second]));
    });

    it('applies an edit made against the current version and bumps it', async () => {
      const store = await fresh();
      const m = await store.addMoment(moment());
      const edited = await store.updateMoment(m.id, 1, { term: 'hug', recipients: ['Gwen'] });
      expect(edited).toMatchObject({ term: 'hug', recipients: ['Gwen'], note: m.note, version: 2 });
      expect(await store.getMoment(m.id)).toEqual(edited);
    });

    it('refuses an edit or removal made against a stale version, changing nothing', async () => {
      const store = await fresh();
      const m = await store.addMoment(moment());
      await store.updateMoment(m.id, 1, { note: 'first edit' });
      const stale = await rejectionOf(store.updateMoment(m.id, 1, { note: 'second edit' }));
      expect(stale.code).toBe('MOMENT_STALE');
      expect(stale.message).toMatch(/version 2, not 1/);
      expect((await rejectionOf(store.removeMoment(m.id, 1))).code).toBe('MOMENT_STALE');
      expect(await store.getMoment(m.id)).toMatchObject({ note: 'first edit', version: 2 });
      expect((await rejectionOf(store.updateMoment('999', 1, {}))).code).toBe('NOT_FOUND');
      await store.removeMoment(m.id, 2);
      expect(await store.getMoment(m.id)).toBeNull();
      expect((await rejectionOf(store.removeMoment(m.id, 2))).code).toBe('NOT_FOUND');
    });

    it('replaces unreviewed suggestions and keeps what people reviewed', async () => {
      const store = await fresh();
      const typed = await store.addMoment(moment());
      expect(
        await store.replaceSuggestions('tw', ['S01E02'], [suggestion(10), suggestion(20)]),
      ).toEqual({ added: 2, removed: 0, alreadyReviewed: 0 });
      const [s10] = await store.listMoments({ review: ['suggested'] });
      await store.updateMoment(s10!.id, 1, { review: 'rejected' });
      // A second run: line 10 was rejected (not proposed again), 20 is replaced, 30 is new.
      expect(
        await store.replaceSuggestions(
          'tw',
          ['S01E02'],
          [suggestion(10), suggestion(20), suggestion(30)],
        ),
      ).toEqual({ added: 2, removed: 1, alreadyReviewed: 1 });
      const all = await store.listMoments({ episodeIds: ['S01E02'] });
      expect(all.map((m) => [m.provenance.line ?? null, m.review])).toEqual([
        [null, 'confirmed'],
        [10, 'rejected'],
        [20, 'suggested'],
        [30, 'suggested'],
      ]);
      expect(all[0]).toEqual(typed);
      expect(all[2]).toMatchObject({ confidence: 0.9, sourceText: '(Ianto kisses Jack.)' });
      // Other episodes are untouched.
      await store.replaceSuggestions('tw', ['S01E03'], []);
      expect(await store.listMoments({ episodeIds: ['S01E02'] })).toHaveLength(4);
    });

    it('records the episodes the suggester read and those people reviewed completely', async () => {
      const store = await fresh();
      // An episode whose directions gave no suggestion still counts as read.
      await store.replaceSuggestions('tw', ['S01E01', 'S01E02'], [suggestion(10)]);
      await store.setReviewed('tw', ['S01E02'], 'action', true, 'tea');
      const passes = await store.annotationPasses('tw');
      expect(passes.map((p) => [p.episode, p.tier, p.kind, p.by])).toEqual([
        ['S01E01', '*', 'suggested', null],
        ['S01E02', '*', 'suggested', null],
        ['S01E02', 'action', 'reviewed', 'tea'],
      ]);
      expect(passes.every((p) => !Number.isNaN(Date.parse(p.at)))).toBe(true);
      // Marking again refreshes; unmarking removes only the person's pass.
      await store.setReviewed('tw', ['S01E02'], 'action', true, 'ianto');
      expect((await store.annotationPasses('tw'))[2]?.by).toBe('ianto');
      await store.setReviewed('tw', ['S01E02'], 'action', false, null);
      expect((await store.annotationPasses('tw')).map((p) => p.kind)).toEqual([
        'suggested',
        'suggested',
      ]);
      expect(await store.annotationPasses('other')).toEqual([]);
    });
  });
}
