import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeLibrary, type TestLibrary } from '../../../test/e2e/make-library.js';
import type { ComposeMedia } from '../../app/compose.js';
import { defaultWorkbenchCaches } from '../../app/workbench-clips.js';
import { PLACEHOLDER_MEDIA } from '../../app/workbench-compose.js';
import { JobRunner } from '../../app/workbench-jobs.js';
import type { ApiError, ComposeView, JobSnapshot } from '../api-types.js';
import { buildServer } from '../build-server.js';

let lib: TestLibrary;
let app: FastifyInstance;
const jobs = new JobRunner();
const TOKEN = 'test-token';
const headers = { 'x-receipts-token': TOKEN };
const url = '/api/compose';

/** Renders nothing real: writes a few bytes where the GIF goes, as the placeholders' size. */
const FAKE_MEDIA: ComposeMedia = {
  renderGif: async (store, request, options) => {
    options.onProgress?.(100);
    writeFileSync(request.out!, 'GIF89a');
    return { ...(await PLACEHOLDER_MEDIA.renderGif(store, request, options)), bytes: 6 };
  },
  renderGifset: (store, request, options) =>
    PLACEHOLDER_MEDIA.renderGifset(store, request, options),
};

const POST = [
  '# Fog',
  '',
  'She asks :quote{text="Would you miss me" episode=S01E01} and waits.',
  '',
  '::gif{quote="Would you miss me" episode=S01E01}',
  '',
  '::claim{text="never Mara kiss Tomas"}',
  '',
  'And :quote{text="nobody ever says this"} here.',
  '',
].join('\n');

beforeAll(async () => {
  lib = await makeLibrary('fake');
  app = await buildServer({
    store: lib.store,
    token: TOKEN,
    webRoot: null,
    jobs,
    caches: defaultWorkbenchCaches(join(lib.dir, 'cache')),
    composeMedia: FAKE_MEDIA,
  });
});

afterAll(async () => {
  await app.close();
  await lib.dispose();
});

const errorOf = (body: string) => (JSON.parse(body) as ApiError).error;

describe('composing a post typed in the workbench', () => {
  it('answers the output for the target, a preview with placeholders, and the findings', async () => {
    const r = await app.inject({
      method: 'POST',
      url,
      payload: { text: POST, to: 'html' },
      headers,
    });
    expect(r.statusCode, r.body).toBe(200);
    const view = r.json<ComposeView>();
    expect(view).toMatchObject({ target: 'html', series: 'the-lighthouse', rendered: false });
    expect(view.fileName).toBe('post.html');
    expect(view.text).toContain('Would you miss me');
    expect(view.text).toContain('src="post-01.gif"');
    expect(view.preview).toContain('src="/api/compose/media/placeholder/post-01.gif"');
    expect(view.gifs).toHaveLength(1);
    const quote = view.findings.find((f) => f.rule === 'quote');
    expect(quote).toMatchObject({ line: 9, column: 5, severity: 'error' });
    expect(quote?.reason).toMatch(/nobody ever says this/);
    const svg = await app.inject({ url: view.gifs[0]!.url });
    expect(svg.statusCode).toBe(200);
    expect(svg.headers['content-type']).toMatch(/^image\/svg\+xml/);
  });

  it('answers NPF JSON for tumblr', async () => {
    const r = await app.inject({
      method: 'POST',
      url,
      payload: { text: POST, to: 'tumblr', baseUrl: 'https://example.org/gifs/' },
      headers,
    });
    expect(r.statusCode, r.body).toBe(200);
    const view = r.json<ComposeView>();
    const npf = JSON.parse(view.text) as { content: { type: string }[] };
    expect(npf.content.map((b) => b.type)).toContain('image');
    expect(view.text).toContain('https://example.org/gifs/post-01.gif');
    expect(view.fileName).toBe('post.npf.json');
  });

  it('renders the GIFs only when asked, as a job, and serves them', async () => {
    const r = await app.inject({
      method: 'POST',
      url,
      payload: { text: POST, to: 'html', render: true },
      headers,
    });
    expect(r.statusCode, r.body).toBe(202);
    await jobs.idle();
    const job = jobs.get(r.json<JobSnapshot>().id)!;
    expect(job.state, JSON.stringify(job.error)).toBe('done');
    const view = job.result as ComposeView;
    expect(view.rendered).toBe(true);
    expect(view.preview).toContain(view.gifs[0]!.url);
    const gif = await app.inject({ url: view.gifs[0]!.url });
    expect(gif.statusCode).toBe(200);
    expect(gif.body).toBe('GIF89a');
    const missing = await app.inject({ url: '/api/compose/media/0123456789abcdef01234567/x.gif' });
    expect(missing.statusCode).toBe(404);
    const bad = await app.inject({ url: '/api/compose/media/..%2F..%2Fetc/passwd' });
    expect(bad.statusCode).toBe(400);
  });

  it('needs the token, and names the field of a bad body', async () => {
    const none = await app.inject({ method: 'POST', url, payload: { text: 'x', to: 'html' } });
    expect(none.statusCode).toBe(403);
    const to = await app.inject({
      method: 'POST',
      url,
      payload: { text: 'x', to: 'pdf' },
      headers,
    });
    expect(to.statusCode).toBe(400);
    expect(errorOf(to.body).message).toBe('body.to: to must be one of html, tumblr, ao3, markdown');
    const base = await app.inject({
      method: 'POST',
      url,
      payload: { text: 'x', to: 'ao3', baseUrl: 'javascript:alert(1)' },
      headers,
    });
    expect(errorOf(base.body).message).toBe('body.baseUrl: baseUrl must be an http(s) URL');
    const text = await app.inject({ method: 'POST', url, payload: { to: 'html' }, headers });
    expect(errorOf(text.body).message).toMatch(/^body\.text: /);
  });
});
