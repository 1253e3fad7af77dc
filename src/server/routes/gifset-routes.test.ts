import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasFfmpeg, makeLibrary, type TestLibrary } from '../../../test/e2e/make-library.js';
import type { GifsetLayout } from '../../app/gifset.js';
import { defaultWorkbenchCaches } from '../../app/workbench-clips.js';
import { JobRunner } from '../../app/workbench-jobs.js';
import type { ApiError, GifsetView, JobSnapshot } from '../api-types.js';
import { buildServer } from '../build-server.js';

const CAN_RUN = hasFfmpeg();
const headers = { 'x-receipts-token': 't' };

let lib: TestLibrary;
let app: FastifyInstance;
const jobs = new JobRunner();
const cache = mkdtempSync(join(tmpdir(), 'receipts-gifset-cache-'));

const errorOf = (body: string) => (JSON.parse(body) as ApiError).error;

const TWO = {
  series: 'the-lighthouse',
  clips: [
    { episode: 'S01E01', from: 13_000, to: 14_000 },
    { episode: 'S01E01', from: 4_500, to: 5_500 },
  ],
  perRow: 2,
  maxBytes: 2_000_000,
};

beforeAll(async () => {
  if (!CAN_RUN) return;
  lib = await makeLibrary('real');
  app = await buildServer({
    store: lib.store,
    token: 't',
    jobs,
    webRoot: null,
    caches: defaultWorkbenchCaches(cache),
  });
}, 60_000);

afterAll(async () => {
  await app?.close();
  await lib?.dispose();
  rmSync(cache, { recursive: true, force: true });
});

const post = (payload: object) =>
  app.inject({ method: 'POST', url: '/api/jobs/gifset', payload, headers });

/** Queue a gifset, wait for its job to end and read it. */
async function build(payload: object): Promise<JobSnapshot> {
  const start = await post(payload);
  expect(start.statusCode, start.body).toBe(202);
  await jobs.idle();
  return (await app.inject({ url: `/api/jobs/${start.json<JobSnapshot>().id}` })).json();
}

describe.skipIf(!CAN_RUN)('building a gifset as a job', () => {
  let set: GifsetView;

  it('renders two GIFs alike, in one row, with the progress of the whole set', async () => {
    const start = await post(TWO);
    expect(start.json<JobSnapshot>()).toMatchObject({
      kind: 'gifset',
      label: 'render a gifset of 2 GIFs, 2 per row, 268 px',
    });
    await jobs.idle();
    const done = (
      await app.inject({ url: `/api/jobs/${start.json<JobSnapshot>().id}` })
    ).json<JobSnapshot>();
    expect(done.error).toBeNull();
    expect(done.progress).toMatchObject({ done: 100, total: 100, label: 'GIF 2 of 2' });
    set = done.result as GifsetView;
    expect(set.id).toMatch(/^[0-9a-f]{24}$/);
    expect(set.rows).toEqual([['S01E01-set-01.gif', 'S01E01-set-02.gif']]);
    expect(set.gifs.map((g) => [g.episode, g.startMs, g.endMs, g.width, g.height])).toEqual([
      ['S01E01', 13_000, 14_000, 268, 151],
      ['S01E01', 4_500, 5_500, 268, 151],
    ]);
    expect(set.gifs.every((g) => g.fps === 10 && g.frames === 10)).toBe(true);
    expect(set.totalBytes).toBe(set.gifs[0]!.bytes + set.gifs[1]!.bytes);
    expect(set).toMatchObject({ width: 268, fps: 10, maxBytes: 2_000_000 });
    expect(set.layoutUrl).toBe(`/api/gifsets/${set.id}/S01E01-set.gifset.json`);
  });

  it('serves each GIF and the layout by the set id', async () => {
    const gif = await app.inject({ url: set.gifs[1]!.url });
    expect(gif.statusCode).toBe(200);
    expect(gif.headers['content-type']).toBe('image/gif');
    expect(gif.rawPayload.subarray(0, 6).toString('latin1')).toBe('GIF89a');
    expect(gif.rawPayload.length).toBe(set.gifs[1]!.bytes);
    const layout = (await app.inject({ url: set.layoutUrl })).json<GifsetLayout>();
    expect(layout.rows).toEqual(set.rows);
    expect(layout.files.map((f) => f.fromMs)).toEqual([13_000, 4_500]);
  });

  it('gives the same set the same id, and another order another one', async () => {
    const again = (await build(TWO)).result as GifsetView;
    expect(again.id).toBe(set.id);
    const swapped = (await build({ ...TWO, clips: [...TWO.clips].reverse() })).result as GifsetView;
    expect(swapped.id).not.toBe(set.id);
    expect(swapped.gifs.map((g) => g.startMs)).toEqual([4_500, 13_000]);
    // Each set is renamed into place when complete; no build folder is left behind.
    expect(readdirSync(join(cache, 'workbench-clips', 'gifsets')).sort()).toEqual(
      [set.id, swapped.id].sort(),
    );
  });

  it('lays three clips out three across at 177 px', async () => {
    const three = await build({
      ...TWO,
      perRow: 3,
      clips: [...TWO.clips, { episode: 'S01E01', from: 9_000, to: 10_000 }],
    });
    const view = three.result as GifsetView;
    expect(view.rows).toHaveLength(1);
    expect(view.gifs.map((g) => g.width)).toEqual([177, 177, 177]);
  });
});

describe.skipIf(!CAN_RUN)('refusing a gifset that cannot be made', () => {
  it('answers 400 naming the field of a bad body', async () => {
    const one = await post({ ...TWO, clips: TWO.clips.slice(0, 1) });
    expect(one.statusCode).toBe(400);
    expect(errorOf(one.body).message).toBe('body.clips: a gifset needs at least two clips');
    const backwards = await post({
      ...TWO,
      clips: [TWO.clips[0], { episode: 'S01E01', from: 5000, to: 4000 }],
    });
    expect(errorOf(backwards.body).message).toBe('body.clips.1.to: to must be after from');
    const rows = await post({ ...TWO, perRow: 4 });
    expect(errorOf(rows.body).message).toBe('body.perRow: perRow must be 1, 2 or 3');
    const eleven = await post({ ...TWO, clips: Array.from({ length: 11 }, () => TWO.clips[0]) });
    expect(errorOf(eleven.body).message).toBe('body.clips: a gifset holds at most 10 clips');
  });

  it('answers 404 at once for an episode without video, queueing nothing', async () => {
    const before = jobs.list().length;
    const r = await post({ ...TWO, clips: [TWO.clips[0], { ...TWO.clips[0], episode: 'S01E02' }] });
    expect(r.statusCode).toBe(404);
    expect(jobs.list()).toHaveLength(before);
  });

  it('needs the session token', async () => {
    const r = await app.inject({ method: 'POST', url: '/api/jobs/gifset', payload: TWO });
    expect(r.statusCode).toBe(403);
  });

  it('serves only files of a set, never a path', async () => {
    const unknown = await app.inject({ url: `/api/gifsets/${'0'.repeat(24)}/a-01.gif` });
    expect(unknown.statusCode).toBe(404);
    const climb = await app.inject({ url: `/api/gifsets/${'0'.repeat(24)}/..%2Flibrary.db` });
    expect(climb.statusCode).toBe(400);
    expect(errorOf(climb.body).message).toBe('params.file: not a file of a gifset');
  });
});
