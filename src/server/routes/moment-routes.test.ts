import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeLibrary, type TestLibrary } from '../../../test/e2e/make-library.js';
import { JobRunner } from '../../app/workbench-jobs.js';
import type { ApiError, EpisodeMoments, JobSnapshot } from '../api-types.js';
import { buildServer } from '../build-server.js';

let lib: TestLibrary;
let app: FastifyInstance;
const jobs = new JobRunner();
const TOKEN = 'test-token';
const headers = { 'x-receipts-token': TOKEN };
const EPISODE = '/api/series/the-lighthouse/episodes/S01E01';

beforeAll(async () => {
  lib = await makeLibrary('fake');
  app = await buildServer({ store: lib.store, token: TOKEN, webRoot: null, jobs, author: 'ed' });
});

afterAll(async () => {
  await app.close();
  await lib.dispose();
});

const errorOf = (body: string) => (JSON.parse(body) as ApiError).error;
const momentsOf = async () =>
  (await app.inject({ url: `${EPISODE}/moments` })).json<EpisodeMoments>();

interface Moment {
  id: string;
  version: number;
  review: string;
  term: string;
  author: string | null;
}

async function add(payload: Record<string, unknown>): Promise<Moment> {
  const r = await app.inject({ method: 'POST', url: `${EPISODE}/moments`, payload, headers });
  expect(r.statusCode, r.body).toBe(201);
  return r.json<Moment>();
}

describe('suggesting moments as a job', () => {
  it('reads the episode and stores its suggestions, placed at their line when aligned', async () => {
    const r = await app.inject({
      method: 'POST',
      url: '/api/jobs/suggest',
      payload: { series: 'the-lighthouse', episode: 'S01E01' },
      headers,
    });
    expect(r.statusCode).toBe(202);
    await jobs.idle();
    const job = jobs.get(r.json<JobSnapshot>().id)!;
    expect(job).toMatchObject({ state: 'done', result: { added: 1, episodes: 1 } });
    const view = await momentsOf();
    expect(view.suggested).toBe(true);
    expect(view.moments).toHaveLength(1);
    expect(view.moments[0]).toMatchObject({
      term: 'hold-hands',
      review: 'suggested',
      initiator: 'Tomas Reyes',
      recipients: ['Mara Quinn'],
      sourceText: 'He takes her hand.',
      at: { from: 'line' },
    });
    expect(view.moments[0]!.lineId).not.toBeNull();
    expect(view.tiers.map((t) => t.id)).toEqual(['action', 'gaze', 'register', 'reading']);
    // Those with the most lines in the episode first: the form's number keys reach them.
    expect(view.characters).toEqual(['Tomas Reyes', 'Mara Quinn']);
    expect(view.frameRate).toBeNull();
  });

  it('answers 400 naming the field, and 404 for an episode that is not there', async () => {
    const bad = await app.inject({
      method: 'POST',
      url: '/api/jobs/suggest',
      payload: { episode: 'S01E01', all: 'yes' },
      headers,
    });
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad.body).message).toBe('body.all: all must be true or false');
    const none = await app.inject({
      method: 'POST',
      url: '/api/jobs/suggest',
      payload: { episode: 'S09E09' },
      headers,
    });
    expect(none.statusCode).toBe(404);
  });
});

describe('the moment routes', () => {
  it('asks every change for the session token', async () => {
    const changes = [
      { method: 'POST' as const, url: `${EPISODE}/moments`, payload: { term: 'kiss' } },
      { method: 'PATCH' as const, url: '/api/moments/1', payload: { version: 1 } },
      { method: 'DELETE' as const, url: '/api/moments/1?version=1' },
      { method: 'POST' as const, url: '/api/moments/1/review', payload: { version: 1 } },
      { method: 'POST' as const, url: `${EPISODE}/reviewed`, payload: {} },
    ];
    for (const c of changes) {
      const r = await app.inject(c);
      expect(r.statusCode, c.url).toBe(403);
      expect(errorOf(r.body).message).toMatch(/x-receipts-token/);
    }
  });

  it('adds a moment a person made, at times, signed by the server author', async () => {
    const m = await add({
      term: 'look-away',
      initiator: 'Tomas',
      recipients: ['MARA'],
      from: 9_000,
      to: 10_500,
    });
    expect(m).toMatchObject({ term: 'look-away', review: 'confirmed', author: 'ed', version: 1 });
    const placed = (await momentsOf()).moments.find((x) => x.id === m.id);
    expect(placed).toMatchObject({
      tier: 'gaze',
      initiator: 'Tomas Reyes',
      recipients: ['Mara Quinn'],
      at: { startMs: 9_000, endMs: 10_500, from: 'times' },
    });
  });

  it('answers 400 naming the field of a malformed moment, 422 for one the canon refuses', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{}, 'body.term: term must be text'],
      [{ term: 'kiss', from: -5 }, 'body.from: from must not be negative'],
      [{ term: 'kiss', from: 1.5 }, 'body.from: from must be whole milliseconds'],
      [{ term: 'kiss', recipients: 'Mara' }, 'body.recipients: recipients must be a list of names'],
    ];
    for (const [payload, message] of cases) {
      const r = await app.inject({ method: 'POST', url: `${EPISODE}/moments`, payload, headers });
      expect(r.statusCode, JSON.stringify(payload)).toBe(400);
      expect(errorOf(r.body).message).toBe(message);
    }
    const unknown = await app.inject({
      method: 'POST',
      url: `${EPISODE}/moments`,
      payload: { term: 'kiss', initiator: 'Nobody', from: 1000 },
      headers,
    });
    expect(unknown.statusCode).toBe(422);
    expect(errorOf(unknown.body)).toMatchObject({ code: 'MOMENT_INVALID' });
    expect(errorOf(unknown.body).message).toMatch(/^initiator: /);
  });

  it('edits at the version read, and answers 409 with the reason when it moved on', async () => {
    const m = await add({ term: 'stare', initiator: 'Mara', recipients: ['Tomas'], from: 2000 });
    const ok = await app.inject({
      method: 'PATCH',
      url: `/api/moments/${m.id}`,
      payload: { version: m.version, term: 'glance', note: 'brief' },
      headers,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ moment: { term: 'glance', version: 2 } });
    const stale = await app.inject({
      method: 'PATCH',
      url: `/api/moments/${m.id}`,
      payload: { version: m.version, term: 'stare' },
      headers,
    });
    expect(stale.statusCode).toBe(409);
    expect(errorOf(stale.body).code).toBe('MOMENT_STALE');
    const noVersion = await app.inject({
      method: 'PATCH',
      url: `/api/moments/${m.id}`,
      payload: { term: 'stare' },
      headers,
    });
    expect(noVersion.statusCode).toBe(400);
    expect(errorOf(noVersion.body).message).toMatch(/^body\.version: /);
  });

  it('deletes at the version read only', async () => {
    const m = await add({ term: 'hug', initiator: 'Mara', recipients: ['Tomas'], from: 3000 });
    const url = `/api/moments/${m.id}`;
    const noVersion = await app.inject({ method: 'DELETE', url, headers });
    expect(noVersion.statusCode).toBe(400);
    expect(errorOf(noVersion.body).message).toMatch(/^query\.version: /);
    const stale = await app.inject({ method: 'DELETE', url: `${url}?version=7`, headers });
    expect(stale.statusCode).toBe(409);
    const ok = await app.inject({ method: 'DELETE', url: `${url}?version=1`, headers });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ removed: { id: m.id } });
    const gone = await app.inject({ method: 'DELETE', url: `${url}?version=1`, headers });
    expect(gone.statusCode).toBe(404);
  });

  it('refuses to mark the episode reviewed while suggestions wait, then accepts one', async () => {
    const refused = await app.inject({
      method: 'POST',
      url: `${EPISODE}/reviewed`,
      payload: {},
      headers,
    });
    expect(refused.statusCode).toBe(400);
    expect(errorOf(refused.body).message).toMatch(/1 suggestion in S01E01 still wait/);
    const s = (await momentsOf()).moments.find((x) => x.review === 'suggested')!;
    const url = `/api/moments/${s.id}/review`;
    const bad = await app.inject({
      method: 'POST',
      url,
      payload: { version: s.version, review: 'maybe' },
      headers,
    });
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad.body).message).toBe('body.review: review must be confirmed or rejected');
    const stale = await app.inject({
      method: 'POST',
      url,
      payload: { version: s.version + 1, review: 'confirmed' },
      headers,
    });
    expect(stale.statusCode).toBe(409);
    const ok = await app.inject({
      method: 'POST',
      url,
      payload: { version: s.version, review: 'confirmed' },
      headers,
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ review: 'confirmed', author: 'ed' });
    const marked = await app.inject({
      method: 'POST',
      url: `${EPISODE}/reviewed`,
      payload: {},
      headers,
    });
    expect(marked.statusCode, marked.body).toBe(200);
    expect((await momentsOf()).reviewed).toEqual([{ tier: '*', by: 'ed' }]);
  });
});

describe('finding moments for the composer', () => {
  it('lists confirmed moments whose description holds every word, in any case', async () => {
    const m = await add({
      term: 'stare',
      initiator: 'Tomas',
      recipients: ['Mara'],
      from: 6000,
      to: 7000,
      note: 'across the lamp room',
    });
    const find = async (q: string) => {
      const r = await app.inject({ url: '/api/moments', query: { q } });
      expect(r.statusCode, r.body).toBe(200);
      return r.json<{ id: string; termLabel: string; episode: string }[]>();
    };
    const found = await find('LAMP stare tomas');
    expect(found.map((x) => x.id)).toEqual([m.id]);
    expect(found[0]).toMatchObject({ episode: 'S01E01', termLabel: 'Stare' });
    expect(await find('lamp stare Gwen')).toEqual([]);
    // Suggestions are not offered: a post cites what a person has reviewed.
    const all = await find('');
    expect(all.length).toBeGreaterThan(0);
    const view = await momentsOf();
    const suggested = view.moments.filter((x) => x.review === 'suggested').map((x) => x.id);
    expect(all.map((x) => x.id).filter((id) => suggested.includes(id))).toEqual([]);
  });

  it('answers 400 naming the field of a bad limit', async () => {
    const r = await app.inject({ url: '/api/moments', query: { limit: '500' } });
    expect(r.statusCode).toBe(400);
    expect(errorOf(r.body).message).toBe('query.limit: limit must be at most 100');
  });
});
