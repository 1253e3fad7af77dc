import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { episodeVtt } from '../../app/subtitle-tools.js';
import { episodeVideoPath } from '../../app/workbench-episode.js';
import { ReceiptsError } from '../../domain/errors.js';
import type { CanonStore } from '../../store/canon-store.js';
import { sendError } from '../error-reply.js';
import { parseRange } from '../http-range.js';
import { parseInput } from '../validate.js';
import { episodeParams } from './library-routes.js';

const VIDEO_TYPES: Readonly<Record<string, string>> = {
  '.mp4': 'video/mp4',
  '.m4v': 'video/mp4',
  '.mov': 'video/quicktime',
  '.webm': 'video/webm',
  '.mkv': 'video/x-matroska',
  '.ogv': 'video/ogg',
};

/**
 * An episode's video (with HTTP Range, which video elements need to seek) and its subtitles
 * as WebVTT with speakers. The file is found from the episode's ids in the library, so a
 * client can never name a path: there is nothing to traverse.
 */
export function registerMediaRoutes(app: FastifyInstance, deps: { store: CanonStore }): void {
  const { store } = deps;

  app.get('/api/series/:series/episodes/:episode/video', async (request, reply) => {
    const p = parseInput(episodeParams, request.params, 'params');
    const file = await episodeVideoPath(store, p.series, p.episode);
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) {
      throw new ReceiptsError(
        'MEDIA_NOT_FOUND',
        `${p.episode}: its video file is missing (moved, renamed, or an unmounted disk).`,
      );
    }
    const size = info.size;
    reply
      .header('accept-ranges', 'bytes')
      .header(
        'content-type',
        VIDEO_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
      )
      .header('last-modified', info.mtime.toUTCString())
      .header('cache-control', 'no-cache');
    const range = parseRange(request.headers.range, size);
    if (range === 'unsatisfiable') {
      reply.header('content-range', `bytes */${size}`);
      return sendError(
        reply,
        new ReceiptsError(
          'BAD_RANGE',
          `${request.headers.range ?? ''} is not a byte range of ${p.episode}'s video (${size} bytes).`,
        ),
      );
    }
    if (range === null) {
      return reply.header('content-length', size).send(createReadStream(file));
    }
    return reply
      .code(206)
      .header('content-range', `bytes ${range.start}-${range.end}/${size}`)
      .header('content-length', range.end - range.start + 1)
      .send(createReadStream(file, { start: range.start, end: range.end }));
  });

  app.get('/api/series/:series/episodes/:episode/subtitles.vtt', async (request, reply) => {
    const p = parseInput(episodeParams, request.params, 'params');
    const vtt = await episodeVtt(store, p.series, p.episode);
    return reply.type('text/vtt; charset=utf-8').header('cache-control', 'no-cache').send(vtt.text);
  });
}
