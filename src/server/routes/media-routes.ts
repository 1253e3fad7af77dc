import { extname } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { playableFile } from '../../app/proxy.js';
import { episodeVtt } from '../../app/subtitle-tools.js';
import type { CanonStore } from '../../store/canon-store.js';
import { sendFileWithRange } from '../send-file.js';
import { parseInput } from '../validate.js';
import { episodeParams } from './library-routes.js';

const VIDEO_TYPES: Readonly<Record<string, string>> = {
  '.mp4': 'video/mp4',
  '.m4v': 'video/mp4',
  '.mov': 'video/quicktime',
  '.webm': 'video/webm',
  '.mkv': 'video/x-matroska',
  '.avi': 'video/x-msvideo',
  '.ogv': 'video/ogg',
};

/**
 * An episode's video (with HTTP Range, which video elements need to seek) and its subtitles
 * as WebVTT with speakers. The file is found from the episode's ids in the library, so a
 * client can never name a path: there is nothing to traverse. When a playable copy of the
 * video has been made (clip-routes.ts, app/proxy.ts), that copy is what plays.
 */
export function registerMediaRoutes(
  app: FastifyInstance,
  deps: { store: CanonStore; proxies: string },
): void {
  const { store } = deps;

  app.get('/api/series/:series/episodes/:episode/video', async (request, reply) => {
    const p = parseInput(episodeParams, request.params, 'params');
    const { file, proxy } = await playableFile(store, p.series, p.episode, deps.proxies);
    return sendFileWithRange(request, reply, file, {
      what: `${p.episode}'s video`,
      contentType: proxy
        ? 'video/mp4'
        : (VIDEO_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream'),
    });
  });

  app.get('/api/series/:series/episodes/:episode/subtitles.vtt', async (request, reply) => {
    const p = parseInput(episodeParams, request.params, 'params');
    const vtt = await episodeVtt(store, p.series, p.episode);
    return reply.type('text/vtt; charset=utf-8').header('cache-control', 'no-cache').send(vtt.text);
  });
}
