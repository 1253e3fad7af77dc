import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeLibrary, type TestLibrary } from '../../../test/e2e/make-library.js';
import { JobRunner } from '../../app/workbench-jobs.js';
import type { JobSnapshot } from '../api-types.js';
import { buildServer } from '../build-server.js';

let lib: TestLibrary;
let app: FastifyInstance;
const jobs = new JobRunner();
const headers = { 'x-receipts-token': 't' };

beforeAll(async () => {
  lib = await makeLibrary('fake');
  app = await buildServer({ store: lib.store, token: 't', jobs, cwd: lib.dir });
});
afterAll(async () => {
  await app.close();
  await lib.dispose();
});

/** The `job` events of a server-sent event stream. */
function events(body: string): JobSnapshot[] {
  return body
    .split('\n\n')
    .filter((block) => block.startsWith('event: job\n'))
    .map((block) => JSON.parse(block.slice('event: job\ndata: '.length)) as JobSnapshot);
}

describe('jobs', () => {
  it('aligns episodes as a job and streams its progress until it ends', async () => {
    const start = await app.inject({
      method: 'POST',
      url: '/api/jobs/align',
      payload: { episodes: ['S01E02'] },
      headers,
    });
    expect(start.statusCode).toBe(202);
    const job = start.json<JobSnapshot>();
    expect(job).toMatchObject({ kind: 'align', state: 'queued' });
    const stream = await app.inject({ url: `/api/jobs/${job.id}/events` });
    expect(stream.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    const seen = events(stream.body);
    expect(seen.at(-1)).toMatchObject({ state: 'done', progress: { done: 1, total: 1 } });
    expect(seen.at(-1)!.result).toEqual([
      expect.objectContaining({ episodeId: 'S01E02', status: 'aligned' }),
    ]);
    const read = await app.inject({ url: `/api/jobs/${job.id}` });
    expect(read.json()).toMatchObject({ id: job.id, state: 'done' });
  });

  it('refuses unknown episodes before queueing anything', async () => {
    const r = await app.inject({
      method: 'POST',
      url: '/api/jobs/align',
      payload: { episodes: ['S07E07'] },
      headers,
    });
    expect(r.statusCode).toBe(404);
    expect(r.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });

  it('ingests a canon.yaml as a job, relative to the folder the server started in', async () => {
    const ok = await app.inject({
      method: 'POST',
      url: '/api/jobs/ingest',
      payload: { manifest: 'lighthouse/canon.yaml' },
      headers,
    });
    expect(ok.statusCode).toBe(202);
    await jobs.idle();
    const done = (
      await app.inject({ url: `/api/jobs/${ok.json<JobSnapshot>().id}` })
    ).json<JobSnapshot>();
    expect(done.error).toBeNull();
    expect(done).toMatchObject({ state: 'done', result: { summary: { sourcesUnchanged: 4 } } });
  });

  it('refuses a manifest path that is not a file before queueing anything', async () => {
    const before = jobs.list().length;
    const r = await app.inject({
      method: 'POST',
      url: '/api/jobs/ingest',
      payload: { manifest: 'missing/canon.yaml' },
      headers,
    });
    expect(r.statusCode).toBe(404);
    expect(r.json()).toMatchObject({
      error: { code: 'FILE_NOT_FOUND', message: 'body.manifest: missing/canon.yaml: no such file' },
    });
    expect(jobs.list()).toHaveLength(before);
  });

  it('fails the job, not the request, when the manifest is invalid', async () => {
    writeFileSync(join(lib.dir, 'bad.yaml'), 'title: [unclosed\n');
    const r = await app.inject({
      method: 'POST',
      url: '/api/jobs/ingest',
      payload: { manifest: 'bad.yaml' },
      headers,
    });
    const stream = await app.inject({ url: `/api/jobs/${r.json<JobSnapshot>().id}/events` });
    expect(events(stream.body).at(-1)).toMatchObject({
      state: 'failed',
      error: { code: 'MANIFEST_INVALID' },
    });
  });

  it('cancels a queued job on DELETE with the token', async () => {
    jobs.start('test', 'slow', () => new Promise((r) => setTimeout(r, 50)));
    const queued = await app.inject({
      method: 'POST',
      url: '/api/jobs/align',
      payload: { all: true },
      headers,
    });
    const id = queued.json<JobSnapshot>().id;
    const r = await app.inject({ method: 'DELETE', url: `/api/jobs/${id}`, headers });
    expect(r.json()).toEqual({ cancelled: true });
    await jobs.idle();
    expect(jobs.get(id)).toMatchObject({ state: 'failed', error: { code: 'CANCELLED' } });
  });

  it('answers 404 for an unknown job and 400 for a malformed id', async () => {
    const unknown = await app.inject({ url: '/api/jobs/00000000-0000-4000-8000-000000000000' });
    expect(unknown.statusCode).toBe(404);
    const malformed = await app.inject({ url: '/api/jobs/abc/events' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toMatchObject({ error: { message: 'params.id: not a job id' } });
  });
});
