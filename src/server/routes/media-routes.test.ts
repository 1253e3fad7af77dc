import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeLibrary, type TestLibrary } from '../../../test/e2e/make-library.js';
import { buildServer } from '../build-server.js';

let lib: TestLibrary;
let app: FastifyInstance;
const VIDEO = '/api/series/the-lighthouse/episodes/S01E01/video';

beforeAll(async () => {
  lib = await makeLibrary('fake');
  app = await buildServer({ store: lib.store, webRoot: null });
});
afterAll(async () => {
  await app.close();
  await lib.dispose();
});

describe('episode video', () => {
  it('serves the whole file with Accept-Ranges when no range is asked', async () => {
    const r = await app.inject({ url: VIDEO });
    expect(r.statusCode).toBe(200);
    expect(r.headers['accept-ranges']).toBe('bytes');
    expect(r.headers['content-type']).toBe('video/mp4');
    expect(r.rawPayload.equals(readFileSync(lib.video))).toBe(true);
  });

  it('answers a byte range with 206 and Content-Range', async () => {
    const r = await app.inject({ url: VIDEO, headers: { range: 'bytes=100-199' } });
    expect(r.statusCode).toBe(206);
    expect(r.headers['content-range']).toBe('bytes 100-199/1000');
    expect(r.headers['content-length']).toBe('100');
    expect(r.rawPayload.equals(readFileSync(lib.video).subarray(100, 200))).toBe(true);
    const tail = await app.inject({ url: VIDEO, headers: { range: 'bytes=990-' } });
    expect(tail.headers['content-range']).toBe('bytes 990-999/1000');
    expect(tail.rawPayload).toHaveLength(10);
  });

  it('answers 416 with the file size for a range outside the file', async () => {
    for (const range of ['bytes=1000-', 'bytes=50-10', 'bytes=x-y']) {
      const r = await app.inject({ url: VIDEO, headers: { range } });
      expect(r.statusCode, range).toBe(416);
      expect(r.headers['content-range']).toBe('bytes */1000');
      expect(r.json()).toMatchObject({ error: { code: 'BAD_RANGE' } });
    }
  });

  it('answers 404 for an episode without video', async () => {
    const r = await app.inject({ url: '/api/series/the-lighthouse/episodes/S01E02/video' });
    expect(r.statusCode).toBe(404);
    expect(r.json()).toMatchObject({ error: { code: 'MEDIA_NOT_FOUND' } });
  });

  it('never reads a path from the URL', async () => {
    const tries = [
      '/api/series/the-lighthouse/episodes/..%2F..%2F..%2Fetc%2Fpasswd/video',
      '/api/series/..%2F..%2Fetc/episodes/passwd/video',
      '/api/series/the-lighthouse/episodes/S01E01/..%2F..%2F..%2Fetc%2Fpasswd',
      '/../../../../etc/passwd',
      '/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
      '/api/series/the-lighthouse/episodes/%2Fetc%2Fpasswd/video',
    ];
    for (const url of tries) {
      const r = await app.inject({ url });
      expect(r.statusCode, url).toBeGreaterThanOrEqual(400);
      expect(r.body, url).not.toMatch(/root:/);
    }
  });
});

describe('episode subtitles', () => {
  it('serves WebVTT with the speakers alignment found', async () => {
    const r = await app.inject({ url: '/api/series/the-lighthouse/episodes/S01E01/subtitles.vtt' });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('text/vtt; charset=utf-8');
    expect(r.body).toMatch(/^WEBVTT/);
    expect(r.body).toContain('<v Mara Quinn>Would you miss me');
  });
});
