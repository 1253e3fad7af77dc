import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addAviToEpisode2,
  hasFfmpeg,
  makeLibrary,
  type TestLibrary,
} from '../../../test/e2e/make-library.js';
import { ingestCanon } from '../../app/ingest-canon.js';
import { defaultWorkbenchCaches } from '../../app/workbench-clips.js';
import { JobRunner } from '../../app/workbench-jobs.js';
import type { ApiError, ClipRenderResult, JobSnapshot, PlaybackView } from '../api-types.js';
import { buildServer } from '../build-server.js';

const CAN_RUN = hasFfmpeg();
const EP1 = '/api/series/the-lighthouse/episodes/S01E01';
const EP2 = '/api/series/the-lighthouse/episodes/S01E02';
const TOKEN = 't';
const headers = { 'x-receipts-token': TOKEN };

let lib: TestLibrary;
let app: FastifyInstance;
const jobs = new JobRunner();
const cache = mkdtempSync(join(tmpdir(), 'receipts-clip-cache-'));

const errorOf = (body: string) => (JSON.parse(body) as ApiError).error;

/** Wait for a job to end and read it. */
async function finished(id: string): Promise<JobSnapshot> {
  await jobs.idle();
  return (await app.inject({ url: `/api/jobs/${id}` })).json<JobSnapshot>();
}

beforeAll(async () => {
  if (!CAN_RUN) return;
  lib = await makeLibrary('real');
  addAviToEpisode2(lib.dir, 1, '160x90');
  await ingestCanon(join(lib.dir, 'lighthouse', 'canon.yaml'), lib.store, { cwd: lib.dir });
  app = await buildServer({
    store: lib.store,
    token: TOKEN,
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

describe.skipIf(!CAN_RUN)('episode frames', () => {
  it('answers a small JPEG of the time asked, then the same from the cache', async () => {
    const first = await app.inject({ url: `${EP1}/frame`, query: { at: '13600', width: '160' } });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.headers['content-type']).toBe('image/jpeg');
    expect(first.rawPayload.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff]))).toBe(true);
    expect(first.headers['x-receipts-cache']).toBe('miss');
    const again = await app.inject({ url: `${EP1}/frame`, query: { at: '13600', width: '160' } });
    expect(again.headers['x-receipts-cache']).toBe('hit');
    expect(again.headers.etag).toBe(first.headers.etag);
    expect(again.rawPayload.equals(first.rawPayload)).toBe(true);
  });

  it('answers 400 naming the field of a bad query', async () => {
    const none = await app.inject({ url: `${EP1}/frame` });
    expect(none.statusCode).toBe(400);
    expect(errorOf(none.body).message).toBe('query.at: give the time of the frame in ms');
    const wide = await app.inject({ url: `${EP1}/frame`, query: { at: '0', width: '5000' } });
    expect(errorOf(wide.body).message).toBe('query.width: width must be at most 1920');
    const crop = await app.inject({ url: `${EP1}/frame`, query: { at: '0', crop: 'round' } });
    expect(errorOf(crop.body).message).toBe('query.crop: crop must be full or square');
    const late = await app.inject({ url: `${EP1}/frame`, query: { at: '999000' } });
    expect(late.statusCode).toBe(400);
    expect(errorOf(late.body).message).toMatch(/after the video ends/);
  });

  it('answers 404 at once for an unknown episode', async () => {
    const started = performance.now();
    const r = await app.inject({
      url: '/api/series/the-lighthouse/episodes/S09E09/frame',
      query: { at: '0' },
    });
    expect(r.statusCode).toBe(404);
    expect(errorOf(r.body).code).toBe('NOT_FOUND');
    expect(performance.now() - started).toBeLessThan(500);
  });
});

describe.skipIf(!CAN_RUN)('rendering a clip as a job', () => {
  const body = {
    series: 'the-lighthouse',
    episode: 'S01E01',
    from: 13_000,
    to: 14_000,
    width: 177,
    format: 'gif',
  };

  it('renders a GIF with progress and serves it by its id', async () => {
    const start = await app.inject({
      method: 'POST',
      url: '/api/jobs/render',
      payload: body,
      headers,
    });
    expect(start.statusCode, start.body).toBe(202);
    const job = start.json<JobSnapshot>();
    expect(job).toMatchObject({
      kind: 'render',
      label: 'render S01E01 0:13.000-0:14.000 as a 177 px GIF',
    });
    const done = await finished(job.id);
    expect(done.error).toBeNull();
    expect(done.progress).toMatchObject({ done: 100, total: 100 });
    const clip = done.result as ClipRenderResult;
    expect(clip).toMatchObject({
      format: 'gif',
      width: 177,
      height: 100,
      fps: 10,
      frames: 10,
      maxBytes: 10_000_000,
      budgetSteps: [],
      fileName: 'S01E01-0m13s.gif',
    });
    expect(clip.id).toMatch(/^[0-9a-f]{64}\.gif$/);
    const file = await app.inject({ url: clip.url });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('image/gif');
    expect(file.rawPayload.subarray(0, 6).toString('latin1')).toBe('GIF89a');
    expect(file.rawPayload).toHaveLength(clip.bytes);
  });

  it('needs the session token', async () => {
    const r = await app.inject({ method: 'POST', url: '/api/jobs/render', payload: body });
    expect(r.statusCode).toBe(403);
    expect(errorOf(r.body).code).toBe('FORBIDDEN');
  });

  it('answers 400 naming the field before queueing anything', async () => {
    const before = jobs.list().length;
    const cases: [Record<string, unknown>, string][] = [
      [{ ...body, to: 12_000 }, 'body.to: to must be after from'],
      [{ ...body, width: 10 }, 'body.width: width must be at least 32'],
      [{ ...body, format: 'avi' }, 'body.format: format must be gif, webp or mp4'],
      [{ ...body, maxBytes: 10 }, 'body.maxBytes: maxBytes must be at least 1000 (1 KB)'],
    ];
    for (const [payload, message] of cases) {
      const r = await app.inject({ method: 'POST', url: '/api/jobs/render', payload, headers });
      expect(r.statusCode, message).toBe(400);
      expect(errorOf(r.body).message).toBe(message);
    }
    expect(jobs.list()).toHaveLength(before);
  });

  it('answers 404 for an unknown episode, and for a clip id it never made', async () => {
    const r = await app.inject({
      method: 'POST',
      url: '/api/jobs/render',
      payload: { ...body, episode: 'S09E09' },
      headers,
    });
    expect(r.statusCode).toBe(404);
    const clip = await app.inject({ url: `/api/clips/${'0'.repeat(64)}.gif` });
    expect(clip.statusCode).toBe(404);
    const path = await app.inject({ url: '/api/clips/..%2F..%2Fetc%2Fpasswd' });
    expect(path.statusCode).toBe(400);
    expect(errorOf(path.body).message).toBe('params.id: not a clip id');
  });
});

describe.skipIf(!CAN_RUN)('videos Chromium cannot play', () => {
  it('says an H.264 MP4 plays as it is', async () => {
    const r = await app.inject({ url: `${EP1}/playback` });
    expect(r.json<PlaybackView>()).toEqual({ kind: 'original', reason: null, job: null });
    const none = await app.inject({
      method: 'POST',
      url: '/api/jobs/proxy',
      payload: { series: 'the-lighthouse', episode: 'S01E01' },
      headers,
    });
    expect(none.statusCode).toBe(400);
  });

  it('makes an H.264/AAC MP4 of an MPEG-4 Part 2 AVI as a job, then serves it with Range', async () => {
    const before = (await app.inject({ url: `${EP2}/playback` })).json<PlaybackView>();
    expect(before).toEqual({ kind: 'needs-proxy', reason: 'AVI container', job: null });
    const payload = { series: 'the-lighthouse', episode: 'S01E02' };
    const start = await app.inject({ method: 'POST', url: '/api/jobs/proxy', payload, headers });
    expect(start.statusCode, start.body).toBe(202);
    const job = start.json<JobSnapshot>();
    // Asked again while it runs: the same job, not a second one.
    const twice = await app.inject({ method: 'POST', url: '/api/jobs/proxy', payload, headers });
    expect(twice.json<JobSnapshot>().id).toBe(job.id);
    const done = await finished(job.id);
    expect(done).toMatchObject({ state: 'done', progress: { done: 100 } });
    const after = (await app.inject({ url: `${EP2}/playback` })).json<PlaybackView>();
    expect(after.kind).toBe('proxy');
    const video = await app.inject({ url: `${EP2}/video`, headers: { range: 'bytes=0-99' } });
    expect(video.statusCode).toBe(206);
    expect(video.headers['content-type']).toBe('video/mp4');
    expect(video.rawPayload.subarray(4, 8).toString('latin1')).toBe('ftyp');
  });

  it('needs the token to start a playable copy', async () => {
    const r = await app.inject({
      method: 'POST',
      url: '/api/jobs/proxy',
      payload: { series: 'the-lighthouse', episode: 'S01E02' },
    });
    expect(r.statusCode).toBe(403);
  });
});
