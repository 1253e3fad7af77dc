import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import envPaths from 'env-paths';
import { markUsed } from '../media/cache-trim.js';
import type { VideoFileKey } from '../media/probe.js';
import {
  browserPlayability,
  makeProxy,
  planProxy,
  PROXY_ARGS_VERSION,
  type ProxyRunOptions,
} from '../media/proxy.js';
import type { CanonStore } from '../store/canon-store.js';
import { pickSeries } from './pick-series.js';
import { episodeVideo, probeEpisode } from './probe.js';

/** The user's folder of playable copies (beside the render cache). */
export function defaultProxyCache(): string {
  return join(envPaths('receipts', { suffix: '' }).cache, 'proxies');
}

/**
 * Where the proxy of a video lives: keyed by the video's path, size and modification time and
 * the proxy arguments, so a replaced or edited file gets a new copy and a stale one is never
 * served. The proxy can always be rebuilt; deleting the folder only costs time.
 */
export function proxyPath(cacheDir: string, video: VideoFileKey): string {
  const { path, sizeBytes, mtimeMs } = video;
  const key = createHash('sha256')
    .update(JSON.stringify({ video: { path, sizeBytes, mtimeMs }, args: PROXY_ARGS_VERSION }))
    .digest('hex');
  return join(cacheDir, `${key}.mp4`);
}

/** How the page can play an episode's video. */
export type Playback =
  | { readonly kind: 'original'; readonly file: string }
  | { readonly kind: 'proxy'; readonly file: string; readonly reason: string }
  | { readonly kind: 'needs-proxy'; readonly file: string; readonly reason: string };

/**
 * Whether an episode's video plays in the browser as it is (from its probe: stored facts, else
 * ffprobe), else whether its proxy is made. NOT_FOUND / MEDIA_NOT_FOUND as `probeEpisode`.
 */
export async function episodePlayback(
  store: CanonStore,
  seriesId: string,
  episodeId: string,
  cacheDir: string,
  options: ProxyRunOptions = {},
): Promise<Playback> {
  const series = await pickSeries(store, seriesId);
  const probed = await probeEpisode(store, { seriesId: series.id, episodeId, ...options });
  const verdict = browserPlayability(probed.probe, probed.file.path);
  if (verdict.playable) return { kind: 'original', file: probed.file.path };
  const file = proxyPath(cacheDir, probed.file);
  const reason = verdict.reason ?? 'not playable';
  if (!existsSync(file)) return { kind: 'needs-proxy', file, reason };
  markUsed(file); // opened again: kept longer when the cache is trimmed
  return { kind: 'proxy', file, reason };
}

/**
 * The file to stream for an episode's video without probing: its proxy when one is made, else
 * the original. Cheap (a stat and a hash), so every Range request can ask.
 */
export async function playableFile(
  store: CanonStore,
  seriesId: string,
  episodeId: string,
  cacheDir: string,
): Promise<{ readonly file: string; readonly proxy: boolean }> {
  const series = await pickSeries(store, seriesId);
  const { file } = await episodeVideo(store, series.id, episodeId);
  const proxy = proxyPath(cacheDir, file);
  return existsSync(proxy) ? { file: proxy, proxy: true } : { file: file.path, proxy: false };
}

/** Make the proxy of an episode's video unless it is playable or made; answers its path. */
export async function buildEpisodeProxy(
  store: CanonStore,
  seriesId: string,
  episodeId: string,
  cacheDir: string,
  options: ProxyRunOptions = {},
): Promise<Playback> {
  const playback = await episodePlayback(store, seriesId, episodeId, cacheDir, options);
  if (playback.kind !== 'needs-proxy') {
    options.onProgress?.(100);
    return playback;
  }
  const probed = await probeEpisode(store, { seriesId, episodeId, ...options });
  await makeProxy(planProxy(probed.file.path, probed.probe, playback.file), options);
  return { kind: 'proxy', file: playback.file, reason: playback.reason };
}
