import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ComposeMedia } from '../../app/compose.js';
import type { WorkbenchCaches } from '../../app/workbench-clips.js';
import {
  composeRunFile,
  composeText,
  PLACEHOLDER_RUN,
  placeholderSvg,
} from '../../app/workbench-compose.js';
import type { JobRunner } from '../../app/workbench-jobs.js';
import { COMPOSE_TARGETS } from '../../compose/target.js';
import { ReceiptsError } from '../../domain/errors.js';
import type { CanonStore } from '../../store/canon-store.js';
import { sendFileWithRange } from '../send-file.js';
import { abortOnClose, parseInput } from '../validate.js';

const composeBody = z.object({
  text: z
    .string({ error: 'give the post (Markdown) in text' })
    .max(500_000, 'a post is at most 500,000 characters'),
  to: z.enum(COMPOSE_TARGETS, { error: `to must be one of ${COMPOSE_TARGETS.join(', ')}` }),
  baseUrl: z
    .url({ protocol: /^https?$/, error: 'baseUrl must be an http(s) URL' })
    .max(2000)
    .optional(),
  render: z.boolean({ error: 'render must be true or false' }).optional(),
  series: z.string().trim().min(1, 'give a series id').max(200).optional(),
  includeSuggested: z.boolean({ error: 'includeSuggested must be true or false' }).optional(),
});

const mediaParams = z.object({
  run: z.string().regex(/^([0-9a-f]{24}|placeholder)$/u, 'not a compose run'),
  file: z.string().regex(/^[\w.-]+\.gif$/u, 'not a GIF file name'),
});

/**
 * The composer: a post typed in the page composed for a target (a preview with placeholders
 * at once; the GIFs rendered only when asked, as a job), and the GIFs of a composition.
 */
export function registerComposeRoutes(
  app: FastifyInstance,
  deps: { store: CanonStore; jobs: JobRunner; caches: WorkbenchCaches; media?: ComposeMedia },
): void {
  const { store, jobs, caches } = deps;
  const runsDir = join(caches.clips, 'compose-runs');

  app.post('/api/compose', async (request, reply) => {
    const b = parseInput(composeBody, request.body, 'body');
    const post = {
      text: b.text,
      to: b.to,
      ...(b.baseUrl === undefined ? {} : { baseUrl: b.baseUrl }),
      ...(b.series === undefined ? {} : { series: b.series }),
      includeSuggested: b.includeSuggested ?? false,
    };
    if (b.render !== true) {
      // Aborted when the client goes away: a newer preview replaced this one.
      return composeText(store, post, { runsDir: null, signal: abortOnClose(reply) });
    }
    const job = jobs.start('compose', `render the GIFs of the post (${b.to})`, (ctx) =>
      composeText(store, post, {
        runsDir,
        cacheDir: caches.renders,
        ...(deps.media === undefined ? {} : { media: deps.media }),
        signal: ctx.signal,
        onProgress: (p) =>
          ctx.progress(
            Math.min(p.total * 100, (p.index - 1) * 100 + Math.floor(p.percent)),
            p.total * 100,
            `${p.label} (${p.index} of ${p.total})`,
          ),
      }),
    );
    return reply.code(202).send(job);
  });

  app.get('/api/compose/media/:run/:file', async (request, reply) => {
    const p = parseInput(mediaParams, request.params, 'params');
    if (p.run === PLACEHOLDER_RUN) {
      return reply
        .type('image/svg+xml')
        .header('cache-control', 'private, max-age=300')
        .send(placeholderSvg(p.file));
    }
    const file = composeRunFile(runsDir, p.run, p.file);
    if (file === null) {
      throw new ReceiptsError('NOT_FOUND', `There is no ${p.file} (render the GIFs again).`);
    }
    return sendFileWithRange(request, reply, file, {
      what: p.file,
      contentType: 'image/gif',
      cache: 'private, max-age=31536000, immutable',
    });
  });
}
