import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { pickSeries } from '../../app/pick-series.js';
import { episodeVideo } from '../../app/probe.js';
import { buildEpisodeProxy, episodePlayback } from '../../app/proxy.js';
import {
  clipFile,
  episodeFrame,
  renderEpisodeClip,
  type WorkbenchCaches,
} from '../../app/workbench-clips.js';
import type { JobRunner } from '../../app/workbench-jobs.js';
import type { JobSnapshot, PlaybackView } from '../../app/workbench-types.js';
import { ReceiptsError } from '../../domain/errors.js';
import { formatTimecode } from '../../domain/time.js';
import type { CanonStore } from '../../store/canon-store.js';
import { sendFileWithRange } from '../send-file.js';
import { abortOnClose, parseInput, queryFlag, queryInt } from '../validate.js';
import { captionFields, crop, fps, id, maxBytes, ms, width } from './clip-fields.js';
import { episodeParams } from './library-routes.js';

const frameQuery = z.object({
  at: queryInt('at', 0, 100 * 3600 * 1000).optional(),
  width: queryInt('width', 32, 1920).default(177),
  crop: crop.default('full'),
  captions: queryFlag('captions'),
  speakers: queryFlag('speakers'),
});

const episodeBody = z.object({ series: id('series'), episode: id('episode') });

const renderBody = episodeBody
  .extend({
    from: ms('from'),
    to: z.number({ error: 'to must be a time in ms' }).int('to must be whole ms'),
    width: width.default(540),
    crop: crop.default('full'),
    fps: fps.optional(),
    ...captionFields,
    maxBytes: maxBytes.optional(),
    format: z
      .enum(['gif', 'webp', 'mp4'], { error: 'format must be gif, webp or mp4' })
      .default('gif'),
  })
  .superRefine((b, ctx) => {
    if (b.to <= b.from)
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'to must be after from' });
  });

const clipParams = z.object({
  id: z.string().regex(/^[0-9a-f]{64}\.(gif|webp|mp4)$/u, 'not a clip id'),
});

const CLIP_TYPES: Readonly<Record<string, string>> = {
  gif: 'image/gif',
  webp: 'image/webp',
  mp4: 'video/mp4',
};

/**
 * Stills, clips and playable copies: a JPEG frame of an episode (search thumbnails, the clip
 * preview), a clip render as a job and the clip by its id, and the proxy of a video Chromium
 * cannot play (its state, and the job that makes it). Everything is found by episode ids.
 */
export function registerClipRoutes(
  app: FastifyInstance,
  deps: { store: CanonStore; jobs: JobRunner; caches: WorkbenchCaches },
): void {
  const { store, jobs, caches } = deps;
  // One proxy job per video file, however many pages ask.
  const proxyJobs = new Map<string, string>();
  const runningProxy = (file: string): JobSnapshot | null => {
    const jobId = proxyJobs.get(file);
    const job = jobId === undefined ? null : jobs.get(jobId);
    return job !== null && (job.state === 'queued' || job.state === 'running') ? job : null;
  };

  app.get('/api/series/:series/episodes/:episode/frame', async (request, reply) => {
    const p = parseInput(episodeParams, request.params, 'params');
    const q = parseInput(frameQuery, request.query, 'query');
    if (q.at === undefined) {
      throw new ReceiptsError('USAGE', 'give the time of the frame in ms', { path: 'query.at' });
    }
    const image = await episodeFrame(
      store,
      {
        series: p.series,
        episode: p.episode,
        atMs: q.at,
        width: q.width,
        crop: q.crop,
        captions: q.captions === 'true',
        speakers: q.speakers === 'true',
      },
      caches,
      { signal: abortOnClose(reply) },
    );
    return reply
      .type('image/jpeg')
      .header('cache-control', 'private, max-age=300')
      .header('etag', `"${image.key}"`)
      .header('x-receipts-cache', image.cached ? 'hit' : 'miss')
      .send(image.jpeg);
  });

  app.get('/api/series/:series/episodes/:episode/playback', async (request) => {
    const p = parseInput(episodeParams, request.params, 'params');
    const playback = await episodePlayback(store, p.series, p.episode, caches.proxies);
    const view: PlaybackView = {
      kind: playback.kind,
      reason: playback.kind === 'original' ? null : playback.reason,
      job: runningProxy(playback.file),
    };
    return view;
  });

  app.post('/api/jobs/proxy', async (request, reply) => {
    const b = parseInput(episodeBody, request.body, 'body');
    const series = await pickSeries(store, b.series);
    const playback = await episodePlayback(store, series.id, b.episode, caches.proxies);
    if (playback.kind === 'original') {
      throw new ReceiptsError('USAGE', `${b.episode}'s video plays as it is: it needs no copy.`);
    }
    const running = runningProxy(playback.file);
    if (running !== null) return reply.code(202).send(running);
    const job = jobs.start(
      'proxy',
      `make a playable copy of ${b.episode} (${playback.reason})`,
      async (ctx) => {
        const made = await buildEpisodeProxy(store, series.id, b.episode, caches.proxies, {
          signal: ctx.signal,
          onProgress: (percent) => ctx.progress(Math.floor(percent), 100, 'encoding'),
        });
        return { kind: made.kind };
      },
    );
    proxyJobs.set(playback.file, job.id);
    return reply.code(202).send(job);
  });

  app.post('/api/jobs/render', async (request, reply) => {
    const b = parseInput(renderBody, request.body, 'body');
    const series = await pickSeries(store, b.series);
    // Checked now, so a wrong id or a missing video is a 404 at once, not a failed job.
    await episodeVideo(store, series.id, b.episode);
    const label =
      `render ${b.episode} ${formatTimecode(b.from)}-${formatTimecode(b.to)} ` +
      `as a ${b.width} px ${b.format.toUpperCase()}`;
    const job = jobs.start('render', label, (ctx) =>
      renderEpisodeClip(
        store,
        {
          series: series.id,
          episode: b.episode,
          fromMs: b.from,
          toMs: b.to,
          width: b.width,
          crop: b.crop,
          ...(b.fps === undefined ? {} : { fps: b.fps }),
          captions: b.captions,
          speakers: b.speakers,
          ...(b.maxBytes === undefined ? {} : { maxBytes: b.maxBytes }),
          format: b.format,
        },
        caches,
        {
          signal: ctx.signal,
          onProgress: (percent) => ctx.progress(Math.floor(percent), 100, 'rendering'),
        },
      ),
    );
    return reply.code(202).send(job);
  });

  app.get('/api/clips/:id', async (request, reply) => {
    const { id: clip } = parseInput(clipParams, request.params, 'params');
    const file = clipFile(caches, clip);
    if (file === null) {
      throw new ReceiptsError('NOT_FOUND', `There is no clip ${clip} (render it again).`);
    }
    return sendFileWithRange(request, reply, file, {
      what: `clip ${clip}`,
      contentType: CLIP_TYPES[clip.split('.')[1] ?? ''] ?? 'application/octet-stream',
      // Named by the hash of its inputs: the same id is always the same bytes.
      cache: 'private, max-age=31536000, immutable',
    });
  });
}
