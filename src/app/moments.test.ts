import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CanonStore } from '../store/canon-store.js';
import { ingestCanon } from './ingest-canon.js';
import { editMoment } from './moments-edit.js';
import { openTestLibrary, TEST_CANON, writeTestCanon } from './moments-test-canon.js';
import { addMoment, listMoments, removeMoment, reviewMoments, showMoment } from './moments.js';
import { rejectionOf } from '../../test/receipts-error.js';

let dir: string;
let store: CanonStore;
let remove: () => Promise<void>;

beforeEach(async () => {
  ({ dir, store, remove } = await openTestLibrary('receipts-moments-'));
});
afterEach(() => remove());

const who = { author: 'tester' };
const add = (fields: Record<string, unknown>) => addMoment(store, fields, who);

describe('addMoment', () => {
  it('stores canonical names resolved through aliases, the term a synonym names and its tier', async () => {
    const m = await add({
      episode: 's01e01',
      term: 'snogs',
      initiator: 'Mr Jones',
      recipients: 'captain jack',
      from: '41:12.3',
      to: '1:02:03.250',
      readings: 'romantic,longing',
      part: 'Lips',
    });
    expect(m).toMatchObject({
      seriesId: TEST_CANON.id,
      episode: 'S01E01',
      term: 'kiss',
      tier: 'action',
      initiator: 'Ianto Jones',
      recipients: ['Jack Harkness'],
      mutual: false,
      startMs: 2_472_300,
      endMs: 3_723_250,
      anchorSeq: null,
      part: 'lips',
      // `romantic` is a synonym of love; the reading tier is open, so `longing` is kept.
      readings: ['love', 'longing'],
      review: 'confirmed',
      author: 'tester',
      provenance: { kind: 'person' },
      version: 1,
    });
  });

  it('refuses a moment after the end of the episode once its video has been probed', async () => {
    await add({ episode: 'S01E01', term: 'kiss', initiator: 'Ianto', from: '50:00', to: '50:02' });
    await store.saveProbe({
      seriesId: TEST_CANON.id,
      episodeId: 'S01E01',
      file: { path: join(dir, 'e1.mkv'), sizeBytes: 1000, mtimeMs: 1 },
      probe: {
        container: 'matroska,webm',
        durationMs: 2_940_125,
        sizeBytes: 1000,
        bitRate: null,
        video: {
          index: 0,
          codec: 'h264',
          pixelFormat: 'yuv420p',
          width: 720,
          height: 576,
          sar: { num: 1, den: 1 },
          rotation: 0,
          displayWidth: 720,
          displayHeight: 576,
          frameRate: { num: 25, den: 1 },
          variableFrameRate: false,
          frames: null,
        },
        audio: null,
      },
    });
    const e = await rejectionOf(
      add({ episode: 'S01E01', term: 'kiss', initiator: 'Ianto', from: '50:00', to: '50:02' }),
    );
    expect(e.code).toBe('MOMENT_INVALID');
    expect(e.message).toMatch(/50:02\.000 is after the end of the episode's video \(49:00\.125\)/);
    expect((await listMoments(store, {})).moments).toHaveLength(1);
  });

  it('reads times in milliseconds with a unit and as numbers', async () => {
    const a = await add({ episode: 'S01E01', term: 'hug', initiator: 'Jack', from: '2472300ms' });
    const b = await add({
      episode: 'S01E01',
      term: 'hug',
      initiator: 'Jack',
      from: 1500,
      to: 2500,
    });
    expect([a.startMs, a.endMs, b.startMs, b.endMs]).toEqual([2_472_300, null, 1500, 2500]);
  });

  it('anchors a moment to a transcript line, keeping the file and line', async () => {
    const m = await add({
      episode: 'S01E01',
      term: 'kiss',
      initiator: 'Ianto',
      recipients: 'Jack',
      line: TEST_CANON.kissLine,
    });
    const source = (await store.episodeSources(TEST_CANON.id, 'S01E01'))[0]!;
    const direction = source.lines.find((l) => l.line === TEST_CANON.kissLine)!;
    expect(direction.kind).toBe('action');
    expect(m.anchorSeq).toBe(direction.seq);
    expect(m.provenance).toEqual({
      kind: 'person',
      file: TEST_CANON.episode1,
      line: TEST_CANON.kissLine,
    });
  });

  it('anchors to the direction inside a speech rather than the speech', async () => {
    const m = await add({
      episode: 'S01E01',
      term: 'hug',
      initiator: 'Jack',
      recipients: 'Ianto',
      line: TEST_CANON.hugLine,
    });
    const source = (await store.episodeSources(TEST_CANON.id, 'S01E01'))[0]!;
    const on = source.lines.filter((l) => l.line === TEST_CANON.hugLine);
    expect(on.map((l) => l.kind)).toEqual(['dialogue', 'action']);
    expect(m.anchorSeq).toBe(on[1]!.seq);
  });

  it('gives a mutual moment no initiator and every participant as a recipient', async () => {
    const m = await add({
      episode: 'S01E02',
      term: 'shakes hands',
      initiator: 'GWEN',
      recipients: ['Jack'],
      mutual: true,
      line: 10,
    });
    expect(m).toMatchObject({
      term: 'handshake',
      initiator: null,
      recipients: ['Gwen Cooper', 'Jack Harkness'],
      mutual: true,
    });
  });

  it.each([
    [{ term: 'kiss', initiator: 'Jack', from: '1:00' }, 'episode', /give the episode/],
    [
      { episode: 'S09E99', term: 'kiss', initiator: 'Jack', from: '1:00' },
      'episode',
      /no episode "S09E99" in Hub Three/,
    ],
    [
      { episode: 'S01E01', term: 'kizz', initiator: 'Jack', from: '1:00' },
      'term',
      /no term "kizz".*closest: kiss/,
    ],
    [{ episode: 'S01E01', term: 'love', initiator: 'Jack', from: '1:00' }, 'term', /is a reading/],
    [
      { episode: 'S01E01', term: 'kiss', tier: 'gaze', initiator: 'Jack', from: '1:00' },
      'tier',
      /kiss, a term of tier "action", not "gaze"/,
    ],
    [
      { episode: 'S01E01', term: 'kiss', tier: 'smell', initiator: 'Jack', from: '1:00' },
      'tier',
      /no tier "smell"/,
    ],
    [
      { episode: 'S01E01', term: 'kiss', initiator: 'Janto', from: '1:00' },
      'initiator',
      /no character "Janto" in Hub Three; closest: Ianto Jones/,
    ],
    [
      { episode: 'S01E01', term: 'kiss', initiator: 'Jack', recipients: 'Gwne', from: '1:00' },
      'recipients',
      /no character "Gwne".*closest: Gwen Cooper/,
    ],
    [
      { episode: 'S01E01', term: 'kiss', initiator: 'Jack', recipients: 'Jack', from: '1:00' },
      'recipients',
      /cannot also be a recipient/,
    ],
    [{ episode: 'S01E01', term: 'kiss', from: '1:00' }, 'initiator', /name who takes part/],
    [
      { episode: 'S01E01', term: 'kiss', recipients: 'Jack', mutual: true, from: '1:00' },
      'recipients',
      /at least two participants/,
    ],
    [
      { episode: 'S01E01', term: 'kiss', initiator: 'Jack', from: 'noon' },
      'from',
      /"noon" is not a time/,
    ],
    [
      { episode: 'S01E01', term: 'kiss', initiator: 'Jack', from: '1:00', to: '0:59' },
      'to',
      /before the start/,
    ],
    [
      { episode: 'S01E01', term: 'kiss', initiator: 'Jack', to: '0:59' },
      'from',
      /an end needs a start/,
    ],
    [
      { episode: 'S01E01', term: 'kiss', initiator: 'Jack' },
      'from',
      /needs a time .* or a transcript line/,
    ],
    [
      { episode: 'S01E01', term: 'kiss', initiator: 'Jack', from: '1:00', line: 10 },
      'line',
      /not both/,
    ],
    [{ episode: 'S01E01', term: 'kiss', initiator: 'Jack', line: 11.5 }, 'line', /whole number/],
    [
      { episode: 'S01E01', term: 'kiss', initiator: 'Jack', line: 14 },
      'line',
      /line 14 of transcripts\/s01e01\.txt starts no speech or direction; the nearest start at lines 13 \(direction\) and 15 \(scene\)/,
    ],
    [
      { episode: 'S01E01', term: 'kiss', initiator: 'Jack', line: 10, file: 'other.txt' },
      'file',
      /no transcript "other.txt"/,
    ],
  ])('refuses %j naming the field', async (fields, field, message) => {
    const e = await rejectionOf(add(fields));
    expect(e.code).toBe('MOMENT_INVALID');
    expect(e.place.path).toBe(field);
    expect(e.message).toMatch(message);
    expect(await store.listMoments({})).toEqual([]);
  });
});

describe('listMoments', () => {
  it('expands a term to its whole subtree and keeps canon order', async () => {
    await add({ episode: 'S01E02', term: 'hug', initiator: 'Gwen', recipients: 'Ianto', line: 8 });
    await add({ episode: 'S01E01', term: 'slap', initiator: 'Gwen', recipients: 'Jack', line: 13 });
    await add({
      episode: 'S01E01',
      term: 'kiss',
      initiator: 'Ianto',
      recipients: 'Jack',
      line: 10,
    });
    const page = await listMoments(store, { term: 'affection' });
    expect(page.moments.map((m) => `${m.episode} ${m.term}`)).toEqual([
      'S01E01 kiss',
      'S01E02 hug',
    ]);
    const conflict = await listMoments(store, { term: 'violence', episode: 's01e01' });
    expect(conflict.moments.map((m) => m.term)).toEqual(['slap']);
  });

  it('refuses a filter that names no term or episode', async () => {
    expect((await rejectionOf(listMoments(store, { term: 'kizz' }))).code).toBe('QUERY_INVALID');
    expect((await rejectionOf(listMoments(store, { episode: 'S02E01' }))).code).toBe(
      'QUERY_INVALID',
    );
    expect((await rejectionOf(listMoments(store, { review: 'maybe' }))).message).toMatch(
      /suggested/,
    );
  });

  it('asks which series when the library holds several, naming them', async () => {
    const other = join(dir, 'other');
    const manifest = writeTestCanon(other);
    writeFileSync(manifest, readFileSync(manifest, 'utf8').replace(/^id: .*$/m, 'id: hub-four'));
    await ingestCanon(manifest, store, { cwd: other });
    const e = await rejectionOf(listMoments(store, {}));
    expect(e.code).toBe('USAGE');
    expect(e.message).toMatch(/--series \(hub-four, hub-three\)|--series \(hub-three, hub-four\)/);
    expect((await listMoments(store, { series: 'hub-four' })).moments).toEqual([]);
  });
});

describe('editMoment', () => {
  it('changes only the fields given and bumps the version', async () => {
    const m = await add({
      episode: 'S01E01',
      term: 'kiss',
      initiator: 'Ianto',
      recipients: 'Jack',
      line: 10,
    });
    const r = await editMoment(
      store,
      m.id,
      { term: 'hug', readings: 'guilt' },
      { author: 'editor' },
    );
    expect(r.changed).toEqual(['term', 'readings']);
    expect(r.moment).toMatchObject({
      term: 'hug',
      readings: ['guilt'],
      version: 2,
      author: 'editor',
    });
    expect(r.moment.initiator).toBe('Ianto Jones');
  });

  it('refuses a change made against a version someone else moved on (MOMENT_STALE)', async () => {
    const m = await add({
      episode: 'S01E01',
      term: 'kiss',
      initiator: 'Ianto',
      recipients: 'Jack',
      line: 10,
    });
    const read = await showMoment(store, m.id);
    await editMoment(store, m.id, { note: 'first' }, { author: 'a' });
    const e = await rejectionOf(
      editMoment(store, m.id, { note: 'second' }, { ifVersion: read.version, author: 'b' }),
    );
    expect(e.code).toBe('MOMENT_STALE');
    expect(e.message).toMatch(/at version 2, not 1/);
    expect((await showMoment(store, m.id)).note).toBe('first');
  });

  it('makes a moment mutual and back, asking for an initiator to undo it', async () => {
    const m = await add({
      episode: 'S01E01',
      term: 'hug',
      initiator: 'Jack',
      recipients: 'Ianto',
      line: 18,
    });
    const mutual = await editMoment(store, m.id, { mutual: true }, { author: null });
    expect(mutual.moment).toMatchObject({
      initiator: null,
      recipients: ['Jack Harkness', 'Ianto Jones'],
      mutual: true,
    });
    const e = await rejectionOf(editMoment(store, m.id, { mutual: false }, { author: null }));
    expect(e.place.path).toBe('initiator');
    const back = await editMoment(
      store,
      m.id,
      { mutual: false, initiator: 'ianto' },
      { author: null },
    );
    expect(back.moment).toMatchObject({
      initiator: 'Ianto Jones',
      recipients: ['Jack Harkness'],
      mutual: false,
    });
  });

  it('refuses to move a moment to another episode and edits that change nothing', async () => {
    const m = await add({
      episode: 'S01E01',
      term: 'kiss',
      initiator: 'Ianto',
      recipients: 'Jack',
      line: 10,
    });
    expect(
      (await rejectionOf(editMoment(store, m.id, { episode: 'S01E02' }, who))).place.path,
    ).toBe('episode');
    expect((await rejectionOf(editMoment(store, m.id, {}, who))).code).toBe('USAGE');
    const same = await editMoment(store, m.id, { term: 'kisses' }, who);
    expect(same.changed).toEqual([]);
    expect(same.moment.version).toBe(1);
  });
});

describe('reviewMoments and removeMoment', () => {
  it('changes nothing when one of the ids is unknown', async () => {
    const m = await add({
      episode: 'S01E01',
      term: 'kiss',
      initiator: 'Ianto',
      recipients: 'Jack',
      line: 10,
    });
    expect((await rejectionOf(reviewMoments(store, [m.id, '999'], 'rejected', 'r'))).code).toBe(
      'NOT_FOUND',
    );
    expect((await showMoment(store, m.id)).review).toBe('confirmed');
    const [rejected] = await reviewMoments(store, [m.id], 'rejected', 'r');
    expect(rejected).toMatchObject({ review: 'rejected', author: 'r', version: 2 });
  });

  it('removes a moment only at the version given', async () => {
    const m = await add({
      episode: 'S01E01',
      term: 'kiss',
      initiator: 'Ianto',
      recipients: 'Jack',
      line: 10,
    });
    await editMoment(store, m.id, { note: 'seen' }, who);
    expect((await rejectionOf(removeMoment(store, m.id, 1))).code).toBe('MOMENT_STALE');
    await removeMoment(store, m.id, 2);
    expect((await rejectionOf(showMoment(store, m.id))).code).toBe('NOT_FOUND');
  });
});
