import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeLibrary, type TestLibrary } from '../../test/e2e/make-library.js';
import type { ApiError, EpisodeView, LibraryOverview, SearchResult } from './api-types.js';
import { startSearchPool } from '../store/sqlite/search-pool.js';
import { buildServer } from './build-server.js';

let lib: TestLibrary;
let app: FastifyInstance;
const web = mkdtempSync(join(tmpdir(), 'receipts-web-'));
const TOKEN = 'test-token';

beforeAll(async () => {
  lib = await makeLibrary('fake');
  writeFileSync(join(web, 'index.html'), '<!doctype html><title>Receipts</title>');
  app = await buildServer({ store: lib.store, token: TOKEN, webRoot: web });
});
afterAll(async () => {
  await app.close();
  await lib.dispose();
  rmSync(web, { recursive: true, force: true });
});

const errorOf = (body: string) => (JSON.parse(body) as ApiError).error;

describe('the workbench server guards', () => {
  it('refuses a Host that is not this machine (DNS rebinding)', async () => {
    for (const host of ['evil.example', 'evil.example:80', 'localhost.evil.example']) {
      const r = await app.inject({ url: '/api/library', headers: { host } });
      expect(r.statusCode, host).toBe(403);
      expect(errorOf(r.body).code).toBe('FORBIDDEN');
    }
    const page = await app.inject({ url: '/', headers: { host: 'evil.example' } });
    expect(page.statusCode).toBe(403);
  });

  it('accepts localhost, 127.0.0.1 and [::1] on the port it listens on', async () => {
    const server = await buildServer({ store: lib.store, token: TOKEN, port: 4321 });
    for (const host of ['localhost:4321', '127.0.0.1:4321', '[::1]:4321']) {
      expect((await server.inject({ url: '/api/session', headers: { host } })).statusCode).toBe(
        200,
      );
    }
    const other = await server.inject({ url: '/api/session', headers: { host: 'localhost:9999' } });
    expect(other.statusCode).toBe(403);
    await server.close();
  });

  it('asks changes for the session token the page gets from /api/session', async () => {
    const session = await app.inject({ url: '/api/session' });
    expect(session.json()).toMatchObject({ token: TOKEN });
    const none = await app.inject({
      method: 'POST',
      url: '/api/jobs/align',
      payload: { all: true },
    });
    expect(none.statusCode).toBe(403);
    expect(errorOf(none.body).message).toMatch(/x-receipts-token/);
    const wrong = await app.inject({
      method: 'POST',
      url: '/api/jobs/align',
      payload: { all: true },
      headers: { 'x-receipts-token': 'test-tokeN' },
    });
    expect(wrong.statusCode).toBe(403);
    const del = await app.inject({ method: 'DELETE', url: '/api/jobs/x' });
    expect(del.statusCode).toBe(403);
  });

  it('makes a fresh random token per server when none is given', async () => {
    const a = await buildServer({ store: lib.store });
    const b = await buildServer({ store: lib.store });
    const ta = (await a.inject({ url: '/api/session' })).json<{ token: string }>().token;
    const tb = (await b.inject({ url: '/api/session' })).json<{ token: string }>().token;
    expect(ta).toMatch(/^[\w-]{32}$/);
    expect(ta).not.toBe(tb);
    await Promise.all([a.close(), b.close()]);
  });
});

describe('the workbench API', () => {
  it('lists the library with what each episode has', async () => {
    const r = await app.inject({ url: '/api/library' });
    expect(r.statusCode).toBe(200);
    const { series } = r.json<LibraryOverview>();
    expect(series).toHaveLength(1);
    const [s] = series;
    expect(s!.episodes.map((e) => [e.id, e.video, e.aligned?.cueMatch])).toEqual([
      ['S01E01', true, 1],
      ['S01E02', false, 1],
    ]);
    expect(s!.characters.map((c) => c.name)).toContain('Mara Quinn');
    // Paths of media files stay on the server.
    expect(r.body).not.toContain('S01E01.mp4');
  });

  it('finds lines with speaker, episode and time, filtered by speaker alias and kind', async () => {
    const r = await app.inject({
      url: '/api/search',
      query: { q: '"miss me"', speaker: 'MARA', kind: 'cue' },
    });
    expect(r.statusCode).toBe(200);
    const result = r.json<SearchResult>();
    expect(result.total).toBe(1);
    const hit = result.groups[0]!.hits[0]!;
    expect(hit).toMatchObject({ kind: 'cue', speaker: 'Mara Quinn', startMs: 13_600 });
    expect(result.groups[0]!.episode.id).toBe('S01E01');
  });

  it('counts matching lines up to what is asked, or all of them', async () => {
    const total = async (query: Record<string, string>) => {
      const r = await app.inject({ url: '/api/search', query: { q: 'the', limit: '1', ...query } });
      expect(r.statusCode).toBe(200);
      const { total, totalCapped } = r.json<SearchResult>();
      return { total, totalCapped };
    };
    const all = await total({ count: 'all' });
    expect(all.total).toBeGreaterThan(3);
    expect(all.totalCapped).toBe(false);
    expect(await total({})).toEqual(all); // fewer than the default cap of 1,000
    expect(await total({ count: '2' })).toEqual({ total: 2, totalCapped: true });
    // A prefix the index does not hold takes another path: the same answers.
    expect(await total({ q: 'ligh*', count: '2' })).toEqual({ total: 2, totalCapped: true });
  });

  it('reads the query as typed when the page says it is typing (an open quote)', async () => {
    const query = { q: '"miss me', speaker: 'MARA' };
    const typed = await app.inject({ url: '/api/search', query: { ...query, typing: 'true' } });
    expect(typed.statusCode).toBe(200);
    const closed = await app.inject({ url: '/api/search', query: { ...query, q: '"miss me"' } });
    expect(typed.json<SearchResult>().total).toBe(closed.json<SearchResult>().total);
    expect(typed.json<SearchResult>().total).toBeGreaterThan(0);
    const finished = await app.inject({ url: '/api/search', query });
    expect(finished.statusCode).toBe(400);
    expect(errorOf(finished.body).message).toMatch(/quote opened at column 1 is not closed/);
  });

  it('answers 400 naming the field when the query is wrong', async () => {
    const cases: [Record<string, string>, RegExp][] = [
      [{}, /^query\.q: /],
      [{ q: 'miss', limit: 'lots' }, /^query\.limit: limit must be a number/],
      [{ q: 'miss', limit: '5000' }, /^query\.limit: limit must be at most 200/],
      [{ q: 'miss', kind: 'song' }, /^query\.kind: kind must be one or more of cue, dialogue/],
      [{ q: 'miss', episode: 'S01E01..' }, /^query\.episode: write one episode id/],
      [{ q: 'miss', count: 'lots' }, /^query\.count: count must be a whole number or all$/],
      [{ q: 'miss', count: '0' }, /^query\.count: count must be at least 1$/],
    ];
    for (const [query, message] of cases) {
      const r = await app.inject({ url: '/api/search', query });
      expect(r.statusCode, JSON.stringify(query)).toBe(400);
      expect(errorOf(r.body)).toMatchObject({ code: 'QUERY_INVALID' });
      expect(errorOf(r.body).message).toMatch(message);
    }
  });

  it('answers 400 naming the field of a bad body, and for a body that is not JSON', async () => {
    const headers = { 'x-receipts-token': TOKEN };
    const r = await app.inject({
      method: 'POST',
      url: '/api/jobs/align',
      payload: { all: 'yes' },
      headers,
    });
    expect(r.statusCode).toBe(400);
    expect(errorOf(r.body).message).toBe('body.all: all must be true or false');
    const broken = await app.inject({
      method: 'POST',
      url: '/api/jobs/align',
      payload: '{"all":',
      headers: { ...headers, 'content-type': 'application/json' },
    });
    expect(broken.statusCode).toBe(400);
  });

  it('shows an episode with its aligned transcript lines', async () => {
    const r = await app.inject({ url: '/api/series/the-lighthouse/episodes/S01E01' });
    expect(r.statusCode).toBe(200);
    const view = r.json<EpisodeView>();
    expect(view).toMatchObject({
      video: true,
      linesFrom: 'transcript',
      previous: null,
      next: 'S01E02',
    });
    expect(view.lines.find((l) => l.text.startsWith('Would you miss me'))).toMatchObject({
      speaker: 'Mara Quinn',
      startMs: 13_600,
    });
  });

  it('answers 404 for an unknown series, episode or route', async () => {
    const cases = [
      '/api/series/the-lighthouse/episodes/S09E09',
      '/api/series/nope/episodes/S01E01',
      '/api/nothing-here',
    ];
    for (const url of cases) {
      const r = await app.inject({ url });
      expect(r.statusCode, url).toBe(404);
      expect(errorOf(r.body).code).toBe('NOT_FOUND');
    }
  });

  it('serves the built page with headers that keep other sites out', async () => {
    const r = await app.inject({ url: '/' });
    expect(r.statusCode).toBe(200);
    expect(r.body).toContain('<title>Receipts</title>');
    expect(r.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(r.headers['x-content-type-options']).toBe('nosniff');
  });

  it('says how to build the page when the UI is not built', async () => {
    const bare = await buildServer({ store: lib.store, webRoot: null });
    const r = await bare.inject({ url: '/' });
    expect(r.body).toContain('npm run build');
    await bare.close();
  });
});

describe('search through a pool of search threads', () => {
  it('answers the same as searching in the server thread, errors included', async () => {
    const pool = await startSearchPool(join(lib.dir, 'library.db'), 1);
    expect(pool).not.toBeNull();
    const pooled = await buildServer({ store: lib.store, token: TOKEN, searchPool: pool! });
    try {
      const queries: Record<string, string>[] = [
        { q: '"miss me"', speaker: 'MARA', kind: 'cue' },
        { q: 'lamp', context: '2' },
        { q: '"miss me', typing: 'true' },
        { q: '"' },
      ];
      for (const query of queries) {
        const a = await app.inject({ url: '/api/search', query });
        const b = await pooled.inject({ url: '/api/search', query });
        expect(b.statusCode, JSON.stringify(query)).toBe(a.statusCode);
        expect(b.headers['content-type']).toMatch(/^application\/json/);
        expect(b.json()).toEqual(a.json());
      }
    } finally {
      await pooled.close();
      await pool!.close();
    }
  });
});
