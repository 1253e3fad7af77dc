import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { parseMaxBytes } from '../../app/gif-options.js';
import { renderGifset, type GifsetResult } from '../../app/gifset.js';
import { pickSeries } from '../../app/pick-series.js';
import { episodeVideo } from '../../app/probe.js';
import type { WorkbenchCaches } from '../../app/workbench-clips.js';
import type { JobRunner } from '../../app/workbench-jobs.js';
import { ReceiptsError } from '../../domain/errors.js';
import type { CanonStore } from '../../store/canon-store.js';
import type { GifsetView } from '../api-types.js';
import { sendFileWithRange } from '../send-file.js';
import { parseInput } from '../validate.js';
import { captionFields, crop, fps, id, maxBytes, ms, width } from './clip-fields.js';

/** Tumblr's widths for one, two and three GIFs across. */
const ROW_WIDTHS: Readonly<Record<number, number>> = { 1: 540, 2: 268, 3: 177 };

// The app's budget when none is given (10 MB), without the CLI's environment variable.
const DEFAULT_BUDGET = parseMaxBytes(undefined, {});

const clip = z
  .object({ episode: id('episode'), from: ms('from'), to: ms('to') })
  .refine((c) => c.to > c.from, { path: ['to'], message: 'to must be after from' });

const gifsetBody = z.object({
  series: id('series'),
  clips: z
    .array(clip, { error: 'clips must be a list of {episode, from, to}' })
    .min(2, 'a gifset needs at least two clips')
    // Tumblr's photo sets hold at most ten images.
    .max(10, 'a gifset holds at most 10 clips'),
  perRow: z
    .number({ error: 'perRow must be 1, 2 or 3' })
    .int('perRow must be 1, 2 or 3')
    .min(1, 'perRow must be 1, 2 or 3')
    .max(3, 'perRow must be 1, 2 or 3')
    .default(2),
  /** Default: the Tumblr width for `perRow` GIFs across. */
  width: width.optional(),
  crop: crop.default('full'),
  fps: fps.optional(),
  ...captionFields,
  maxBytes: maxBytes.default(DEFAULT_BUDGET),
});

const SET_ID = /^[0-9a-f]{24}$/u;

const fileParams = z.object({
  id: z.string().regex(SET_ID, 'not a gifset id'),
  file: z.string().regex(/^\w[\w.-]*\.(gif|json)$/u, 'not a file of a gifset'),
});

/**
 * Gifsets as `receipts gifset` makes them: POST queues a `gifset` job that renders two or
 * more ranges alike (renderGifset) into a folder of the clip cache named by the renders'
 * hashes; GET serves the set's GIFs and its layout file by that id and their names.
 */
export function registerGifsetRoutes(
  app: FastifyInstance,
  deps: { store: CanonStore; jobs: JobRunner; caches: WorkbenchCaches },
): void {
  const { store, jobs, caches } = deps;
  const setsDir = join(caches.clips, 'gifsets');

  app.post('/api/jobs/gifset', async (request, reply) => {
    const b = parseInput(gifsetBody, request.body, 'body');
    const series = await pickSeries(store, b.series);
    // Checked now, so a wrong id or a missing video is a 404 at once, not a failed job.
    for (const episode of new Set(b.clips.map((c) => c.episode))) {
      await episodeVideo(store, series.id, episode);
    }
    const gifWidth = b.width ?? ROW_WIDTHS[b.perRow] ?? 268;
    const label = `render a gifset of ${b.clips.length} GIFs, ${b.perRow} per row, ${gifWidth} px`;
    const job = jobs.start('gifset', label, async (ctx) => {
      mkdirSync(setsDir, { recursive: true });
      const work = join(setsDir, `.build-${randomBytes(6).toString('hex')}`);
      mkdirSync(work);
      try {
        const made = await renderGifset(
          store,
          {
            seriesId: series.id,
            sources: b.clips.map((c) => ({
              kind: 'range' as const,
              episodeId: c.episode,
              startMs: c.from,
              endMs: c.to,
            })),
            width: gifWidth,
            ...(b.fps === undefined ? {} : { fps: b.fps }),
            crop: { kind: b.crop },
            noCaptions: !b.captions,
            speakers: b.speakers,
            maxBytes: b.maxBytes,
            perRow: b.perRow,
            outDir: work,
          },
          {
            cacheDir: caches.renders,
            signal: ctx.signal,
            onProgress: (percent) => {
              const gif = Math.min(
                b.clips.length,
                Math.floor((percent * b.clips.length) / 100) + 1,
              );
              ctx.progress(Math.floor(percent), 100, `GIF ${gif} of ${b.clips.length}`);
            },
          },
        );
        const setId = setIdOf(made, b.perRow);
        const target = join(setsDir, setId);
        // The same renders make the same files: a set built before is kept as it is.
        if (existsSync(target)) rmSync(work, { recursive: true, force: true });
        else renameSync(work, target);
        return gifsetView(made, { id: setId, series: series.id, perRow: b.perRow }, b.maxBytes);
      } finally {
        rmSync(work, { recursive: true, force: true });
      }
    });
    return reply.code(202).send(job);
  });

  app.get('/api/gifsets/:id/:file', async (request, reply) => {
    const p = parseInput(fileParams, request.params, 'params');
    const file = join(setsDir, p.id, p.file);
    if (!existsSync(file)) {
      throw new ReceiptsError(
        'NOT_FOUND',
        `There is no ${p.file} in that gifset (build it again).`,
      );
    }
    const json = p.file.endsWith('.json');
    return sendFileWithRange(request, reply, file, {
      what: p.file,
      contentType: json ? 'application/json; charset=utf-8' : 'image/gif',
      // The folder is named by the hash of its renders: the same id is always the same bytes.
      cache: 'private, max-age=31536000, immutable',
    });
  });
}

/** The set's id: a hash of its renders' keys and layout, so the same set gets the same id. */
function setIdOf(made: GifsetResult, perRow: number): string {
  const keys = made.made.map((m) => m.key);
  const files = made.layout.files.map((f) => f.file);
  return createHash('sha256')
    .update(JSON.stringify({ keys, files, perRow }))
    .digest('hex')
    .slice(0, 24);
}

/** What the job answers: the set as made, with the URLs its files are served at. */
function gifsetView(
  made: GifsetResult,
  set: { readonly id: string; readonly series: string; readonly perRow: number },
  budget: number,
): GifsetView {
  const base = `/api/gifsets/${set.id}`;
  const layoutFile = basename(made.layoutPath);
  return {
    ...set,
    rows: made.layout.rows,
    gifs: made.layout.files.map((f, i) => ({
      file: f.file,
      url: `${base}/${f.file}`,
      episode: f.episode,
      startMs: f.fromMs,
      endMs: f.toMs,
      bytes: f.bytes,
      width: f.width,
      height: f.height,
      fps: made.made[i]?.fps ?? made.fps,
      frames: made.made[i]?.frames ?? 0,
      budgetSteps: made.budgetSteps[i] ?? [],
    })),
    layoutFile,
    layoutUrl: `${base}/${layoutFile}`,
    totalBytes: made.totalBytes,
    width: made.width,
    fps: made.fps,
    maxBytes: budget,
  };
}
