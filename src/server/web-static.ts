import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { PAGE_STYLE } from '../compose/to-html.js';

/** The composer's HTML preview (an iframe's srcdoc, under this policy) carries its stylesheet. */
const PREVIEW_STYLE = `'sha256-${createHash('sha256').update(PAGE_STYLE).digest('base64')}'`;

/**
 * The page may load only what this server sends: its own scripts, styles, video and
 * subtitles. Nothing inline but the preview's known stylesheet, nothing from elsewhere, and
 * no framing by other sites.
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  `style-src 'self' ${PREVIEW_STYLE}`,
  "img-src 'self' data:",
  "media-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

const NOT_BUILT = `<!doctype html><meta charset="utf-8"><title>Receipts</title>
<p>The workbench UI is not built. Run <code>npm run build</code>, then start <code>receipts serve</code> again.
The API answers under <code>/api/</code>.</p>`;

/**
 * Serve the built web UI (Vite's output) from `root`, with security headers on every answer.
 * The UI routes with `#/...`, so the server needs no fallback to index.html.
 */
export async function registerWebStatic(app: FastifyInstance, root: string | null): Promise<void> {
  app.addHook('onSend', async (_request, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('content-security-policy', CSP);
  });
  if (root !== null && existsSync(join(root, 'index.html'))) {
    await app.register(fastifyStatic, { root, prefix: '/', index: ['index.html'] });
    return;
  }
  app.get('/', async (_request, reply) => reply.type('text/html; charset=utf-8').send(NOT_BUILT));
}
