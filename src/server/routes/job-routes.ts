import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { alignEpisodes } from '../../app/align-episodes.js';
import { ingestCanon } from '../../app/ingest-canon.js';
import { pickEpisodes, pickSeries } from '../../app/pick-series.js';
import type { JobContext, JobRunner } from '../../app/workbench-jobs.js';
import { suggestJob } from '../../app/workbench-moments.js';
import type { JobSnapshot } from '../../app/workbench-types.js';
import { ReceiptsError } from '../../domain/errors.js';
import type { CanonStore } from '../../store/canon-store.js';
import { parseInput } from '../validate.js';

const alignBody = z.object({
  series: z.string().trim().min(1, 'give a series id').optional(),
  episodes: z
    .array(z.string().trim().min(1), { error: 'episodes must be a list of ids' })
    .default([]),
  all: z.boolean({ error: 'all must be true or false' }).default(false),
});

const ingestBody = z.object({
  manifest: z
    .string({ error: 'give the path of a canon.yaml in manifest' })
    .trim()
    .min(1, 'give the path of a canon.yaml'),
  strict: z.boolean({ error: 'strict must be true or false' }).default(false),
});

const suggestBody = z.object({
  series: z.string().trim().min(1, 'give a series id').optional(),
  episode: z.string().trim().min(1, 'give an episode id').optional(),
  all: z.boolean({ error: 'all must be true or false' }).default(false),
});

const jobParams = z.object({ id: z.string().uuid('not a job id') });

/** Stop between steps when the job was cancelled; the use cases keep only finished steps. */
function stopIfCancelled(ctx: JobContext): void {
  if (ctx.signal.aborted) throw new ReceiptsError('CANCELLED', 'The job was cancelled.');
}

/**
 * Long work as jobs: POST starts one (202 with the queued job), GET reads it, DELETE
 * cancels it, and /events streams its progress as server-sent events until it ends.
 */
export function registerJobRoutes(
  app: FastifyInstance,
  deps: { store: CanonStore; jobs: JobRunner; cwd: string },
): void {
  const { store, jobs } = deps;

  app.post('/api/jobs/align', async (request, reply) => {
    const b = parseInput(alignBody, request.body, 'body');
    // Checked before queueing, so a bad id is a 4xx now rather than a failed job later.
    const series = await pickSeries(store, b.series);
    const ids = await pickEpisodes(store, series.id, b.episodes, b.all);
    const job = jobs.start('align', `align ${ids.length} episode(s) of ${series.title}`, (ctx) =>
      alignEpisodes(store, series.id, ids, (p) => {
        stopIfCancelled(ctx);
        ctx.progress(p.done, p.total, p.episodeId);
      }),
    );
    return reply.code(202).send(job);
  });

  app.post('/api/jobs/ingest', async (request, reply) => {
    const b = parseInput(ingestBody, request.body, 'body');
    const manifest = resolve(deps.cwd, b.manifest);
    // Checked now, so a mistyped path is a 404 at once, named as the user typed it.
    if (!(await stat(manifest).catch(() => null))?.isFile()) {
      throw new ReceiptsError('FILE_NOT_FOUND', `${b.manifest}: no such file`, {
        path: 'body.manifest',
      });
    }
    const job = jobs.start('ingest', `ingest ${b.manifest}`, (ctx) =>
      // Ingest is one transaction: stopping part-way leaves the library as it was.
      ingestCanon(manifest, store, {
        cwd: deps.cwd,
        strict: b.strict,
        onProgress: (p) => {
          stopIfCancelled(ctx);
          ctx.progress(p.done, p.total, `${p.phase} ${p.file}`);
        },
      }),
    );
    return reply.code(202).send(job);
  });

  app.post('/api/jobs/suggest', async (request, reply) => {
    const b = parseInput(suggestBody, request.body, 'body');
    const series = await pickSeries(store, b.series);
    const ids = await pickEpisodes(
      store,
      series.id,
      b.episode === undefined ? [] : [b.episode],
      b.all,
    );
    const job = jobs.start(
      'suggest',
      `suggest moments in ${b.all ? 'every episode' : ids.join(', ')} of ${series.title}`,
      (ctx) =>
        // Replacing the suggestions is one transaction: a cancelled job leaves the old ones.
        suggestJob(
          store,
          { series: series.id, ...(b.all ? { all: true } : { episode: ids[0]! }) },
          (p) => {
            stopIfCancelled(ctx);
            ctx.progress(p.done, p.total, p.episode);
          },
        ),
    );
    return reply.code(202).send(job);
  });

  app.get('/api/jobs', (_request, reply) => reply.send({ jobs: jobs.list() }));

  app.get('/api/jobs/:id', (request, reply) => reply.send(findJob(jobs, request.params)));

  app.delete('/api/jobs/:id', (request, reply) => {
    const job = findJob(jobs, request.params);
    return reply.send({ cancelled: jobs.cancel(job.id) });
  });

  app.get('/api/jobs/:id/events', (request, reply) => {
    const job = findJob(jobs, request.params);
    // Server-sent events: one `job` event per change, the stream ends with the job.
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache',
      connection: 'keep-alive',
      'x-content-type-options': 'nosniff',
    });
    let unsubscribe = () => {};
    const send = (j: JobSnapshot) => {
      res.write(`event: job\ndata: ${JSON.stringify(j)}\n\n`);
      if (j.state === 'done' || j.state === 'failed') {
        unsubscribe();
        res.end();
      }
    };
    unsubscribe = jobs.subscribe(job.id, send);
    request.raw.on('close', () => unsubscribe());
    send(job);
  });
}

function findJob(jobs: JobRunner, params: unknown): JobSnapshot {
  const { id } = parseInput(jobParams, params, 'params');
  const job = jobs.get(id);
  if (!job)
    throw new ReceiptsError(
      'NOT_FOUND',
      `There is no job ${id} (finished jobs are kept for a while only).`,
    );
  return job;
}
