import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import envPaths from 'env-paths';
import { DEFAULT_MAX_BYTES } from '../media/budget.js';
import { FORMAT_EXTENSION } from '../media/gif-args.js';
import type { CanonStore } from '../store/canon-store.js';
import { defaultOutputName, renderGif, type GifRequest } from './gif.js';
import { pickSeries } from './pick-series.js';
import { episodeVideo } from './probe.js';
import type { ClipRenderResult } from './workbench-types.js';

/**
 * Stills and clips for the workbench, through the same app as `receipts frame` and `receipts
 * gif` (renderGif): a frame for a search hit or a clip preview, and a GIF/WebP/MP4 render the
 * page shows and offers to download. Everything is found by episode ids; a finished clip is
 * served back by its content hash, never by a path the client names.
 */

/** Where the workbench's media lives. */
export interface WorkbenchCaches {
  /** renderGif's cache of renders keyed by their inputs (`receipts gif` shares it). */
  readonly renders: string;
  /** Finished clips the page can fetch, each named `<hash>.<ext>`. */
  readonly clips: string;
  /** Playable copies of videos Chromium cannot play (app/proxy.ts). */
  readonly proxies: string;
}

/** The user's cache folders (`receipts/renders`, `receipts/workbench-clips`, `receipts/proxies`). */
export function defaultWorkbenchCaches(root = envPaths('receipts', { suffix: '' }).cache) {
  return {
    renders: join(root, 'renders'),
    clips: join(root, 'workbench-clips'),
    proxies: join(root, 'proxies'),
  } satisfies WorkbenchCaches;
}

export type CropChoice = 'full' | 'square';

export interface FrameRequest {
  readonly series: string;
  readonly episode: string;
  readonly atMs: number;
  readonly width: number;
  readonly crop?: CropChoice;
  /** Burn in the subtitle spoken at that time (off for search thumbnails). */
  readonly captions?: boolean;
  readonly speakers?: boolean;
}

export interface FrameImage {
  readonly jpeg: Buffer;
  /** Content hash of the render's inputs: an ETag. */
  readonly key: string;
  /** True when the render cache had it. */
  readonly cached: boolean;
}

// A search page asks for up to fifty thumbnails at once; two ffmpegs at a time keep two
// cores usable for everything else.
const FRAME_SLOTS = 2;
let framesRunning = 0;
const frameWaiting: (() => void)[] = [];

async function inFrameSlot<T>(work: () => Promise<T>): Promise<T> {
  if (framesRunning >= FRAME_SLOTS) await new Promise<void>((r) => frameWaiting.push(r));
  framesRunning++;
  try {
    return await work();
  } finally {
    framesRunning--;
    frameWaiting.shift()?.();
  }
}

/**
 * A JPEG still of an episode at `atMs` (`receipts frame`), through the render cache. An
 * unknown episode or one without video fails at once, before waiting for a render slot.
 */
export async function episodeFrame(
  store: CanonStore,
  request: FrameRequest,
  caches: WorkbenchCaches,
  options: { readonly signal?: AbortSignal } = {},
): Promise<FrameImage> {
  await episodeVideo(store, (await pickSeries(store, request.series)).id, request.episode);
  return inFrameSlot(async () => {
    const work = mkdtempSync(join(tmpdir(), 'receipts-frame-'));
    try {
      const made = await renderGif(
        store,
        {
          seriesId: request.series,
          source: {
            kind: 'range',
            episodeId: request.episode,
            startMs: request.atMs,
            endMs: request.atMs + 1,
          },
          width: request.width,
          crop: { kind: request.crop ?? 'full' },
          format: 'jpg',
          noCaptions: request.captions !== true,
          speakers: request.speakers === true,
          out: join(work, 'frame.jpg'),
        },
        { cacheDir: caches.renders, signal: options.signal },
      );
      return { jpeg: readFileSync(made.path), key: made.key, cached: made.cached };
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
}

export type ClipFormatChoice = 'gif' | 'webp' | 'mp4';

export interface ClipRenderRequest {
  readonly series: string;
  readonly episode: string;
  readonly fromMs: number;
  readonly toMs: number;
  readonly width: number;
  readonly crop: CropChoice;
  /** Frames per second; default the source's, at most 15 for GIF and WebP. */
  readonly fps?: number;
  readonly captions: boolean;
  readonly speakers: boolean;
  /** GIF size budget in bytes (default 10 MB); other formats have none. */
  readonly maxBytes?: number;
  readonly format: ClipFormatChoice;
}

const CLIP_ID = /^[0-9a-f]{64}\.(gif|webp|mp4)$/u;

/**
 * Render a clip of an episode (`receipts gif`) and keep it where the page can fetch it by id:
 * the render's content hash and extension. The file is renamed into place when complete.
 */
export async function renderEpisodeClip(
  store: CanonStore,
  request: ClipRenderRequest,
  caches: WorkbenchCaches,
  options: { readonly signal?: AbortSignal; readonly onProgress?: (percent: number) => void } = {},
): Promise<ClipRenderResult> {
  const ext = FORMAT_EXTENSION[request.format];
  mkdirSync(caches.clips, { recursive: true });
  const temp = join(caches.clips, `.render-${randomBytes(6).toString('hex')}.${ext}`);
  const gif: GifRequest = {
    seriesId: request.series,
    source: {
      kind: 'range',
      episodeId: request.episode,
      startMs: request.fromMs,
      endMs: request.toMs,
    },
    width: request.width,
    crop: { kind: request.crop },
    ...(request.fps === undefined ? {} : { fps: request.fps }),
    format: request.format,
    noCaptions: !request.captions,
    speakers: request.speakers,
    maxBytes: request.maxBytes ?? DEFAULT_MAX_BYTES,
    out: temp,
  };
  try {
    const made = await renderGif(store, gif, {
      cacheDir: caches.renders,
      ...(options.signal === undefined ? {} : { signal: options.signal }),
      ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
    });
    const id = `${made.key}.${ext}`;
    renameSync(temp, join(caches.clips, id));
    return {
      id,
      url: `/api/clips/${id}`,
      fileName: defaultOutputName(made.episode, made.startMs, made.format),
      format: request.format,
      bytes: made.bytes,
      width: made.width,
      height: made.height,
      fps: made.fps,
      frames: made.frames,
      series: made.series,
      episode: made.episode,
      startMs: made.startMs,
      endMs: made.endMs,
      captions: made.captioned.length,
      budgetSteps: made.budgetSteps,
      maxBytes: request.format === 'gif' ? (request.maxBytes ?? DEFAULT_MAX_BYTES) : null,
      cached: made.cached,
    };
  } finally {
    rmSync(temp, { force: true });
  }
}

/** The file of a finished clip by its id, or null for an id that is malformed or unknown. */
export function clipFile(caches: WorkbenchCaches, id: string): string | null {
  if (!CLIP_ID.test(id)) return null;
  const file = join(caches.clips, id);
  return existsSync(file) ? file : null;
}
