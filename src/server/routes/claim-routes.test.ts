import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeLibrary, type TestLibrary } from '../../../test/e2e/make-library.js';
import { suggestForEpisodes } from '../../app/suggest.js';
import type { ApiError, ClaimCheckView, DraftCheckView } from '../api-types.js';
import { buildServer } from '../build-server.js';

let lib: TestLibrary;
let app: FastifyInstance;
const TOKEN = 'test-token';

beforeAll(async () => {
  lib = await makeLibrary('fake');
  await suggestForEpisodes(lib.store, { all: true });
  app = await buildServer({ store: lib.store, token: TOKEN, webRoot: null });
});

afterAll(async () => {
  await app.close();
  await lib.dispose();
});

const errorOf = (body: string) => (JSON.parse(body) as ApiError).error;

describe('checking a claim', () => {
  it('answers the verdict with its counter-examples when suggestions count', async () => {
    const r = await app.inject({
      url: '/api/claim',
      query: { text: 'never Mara kiss Tomas', suggested: 'true' },
    });
    expect(r.statusCode, r.body).toBe(200);
    const { series, verdict } = r.json<ClaimCheckView>();
    expect(series.id).toBe('the-lighthouse');
    expect(verdict.verdict).toBe('contradicted');
    expect(verdict.counterexamples[0]).toMatchObject({
      episode: 'S01E02',
      text: 'Mara kisses Tomas.',
      review: 'suggested',
    });
    expect(verdict.coverage).toMatchObject({ inRange: 2, covered: 2 });
  });

  it('does not claim more than its coverage without suggestions', async () => {
    const r = await app.inject({ url: '/api/claim', query: { text: 'never Mara kiss Tomas' } });
    const { verdict } = r.json<ClaimCheckView>();
    expect(verdict.verdict).toBe('insufficient-coverage');
    expect(verdict.coverage.missing).toEqual(['S01E01', 'S01E02']);
    expect(verdict.unread.map((e) => e.text)).toContain('Mara kisses Tomas.');
  });

  it('answers 400 naming the field, or the part of the claim it cannot read', async () => {
    const none = await app.inject({ url: '/api/claim' });
    expect(none.statusCode).toBe(400);
    expect(errorOf(none.body)).toMatchObject({ code: 'CLAIM_INVALID' });
    expect(errorOf(none.body).message).toMatch(/^query\.text: /);
    const flag = await app.inject({
      url: '/api/claim',
      query: { text: 'never Mara kiss Tomas', suggested: 'yes' },
    });
    expect(errorOf(flag.body).message).toBe('query.suggested: suggested must be true or false');
    const unknown = await app.inject({ url: '/api/claim', query: { text: 'never Zed kiss Mara' } });
    expect(unknown.statusCode).toBe(400);
    expect(errorOf(unknown.body).code).toBe('CLAIM_INVALID');
  });
});

describe('checking a pasted draft', () => {
  const url = '/api/drafts/check';
  const headers = { 'x-receipts-token': TOKEN };

  it('finds the claim sentences with their place and verdict', async () => {
    const r = await app.inject({
      method: 'POST',
      url,
      payload: {
        text: 'Fog Signal is lovely.\n\nMara never kisses Tomas.\n',
        includeSuggested: true,
      },
      headers,
    });
    expect(r.statusCode, r.body).toBe(200);
    const view = r.json<DraftCheckView>();
    expect(view.findings).toHaveLength(1);
    expect(view.findings[0]).toMatchObject({
      line: 3,
      column: 1,
      sentence: 'Mara never kisses Tomas.',
      severity: 'error',
      verdict: { verdict: 'contradicted' },
    });
  });

  it('needs the token, and names the field of a bad body', async () => {
    const none = await app.inject({ method: 'POST', url, payload: { text: 'x' } });
    expect(none.statusCode).toBe(403);
    const empty = await app.inject({ method: 'POST', url, payload: { text: '' }, headers });
    expect(empty.statusCode).toBe(400);
    expect(errorOf(empty.body).message).toBe('body.text: paste the draft to check');
  });
});
