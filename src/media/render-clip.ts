import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ReceiptsError } from '../domain/errors.js';
import type { ClipPlan } from './clip-plan.js';
import { FORMAT_EXTENSION, RENDER_ARGS_VERSION, renderArgs } from './gif-args.js';
import { parseFfmpegProgress } from './parse-ffmpeg-progress.js';
import type { MediaRunOptions, VideoFileKey } from './probe.js';
import { placeCopy, readCacheEntry, tempBeside, writeCacheEntry } from './render-cache.js';
import { runFfmpeg } from './run-ffmpeg.js';

export interface RenderClipRequest {
  readonly plan: ClipPlan;
  /** The source video as stat'ed now (part of the cache key). */
  readonly video: VideoFileKey;
  /** The ASS document to burn in, or null for no captions. */
  readonly captions: string | null;
  /** Where the result goes; written to a temp file beside it, then renamed into place. */
  readonly output: string;
}

export interface RenderClipOptions extends MediaRunOptions {
  /** Percentage done (0-100). */
  readonly onProgress?: (percent: number) => void;
  /** Folder of finished renders keyed by their inputs; null: no cache. */
  readonly cacheDir?: string | null;
  /** Folder for the caption file while ffmpeg runs (default: the system's temp folder). */
  readonly tempDir?: string;
}

/** What a render made. */
export interface RenderedClip {
  readonly path: string;
  readonly bytes: number;
  readonly width: number;
  readonly height: number;
  readonly fps: number;
  readonly frames: number;
  /** True when the result was copied from the cache. */
  readonly cached: boolean;
  readonly key: string;
}

/** sha256 of everything that decides the output's bytes: video identity, plan, captions, encoder. */
export function renderKey(request: Omit<RenderClipRequest, 'output'>): string {
  const { path, sizeBytes, mtimeMs } = request.video;
  return createHash('sha256')
    .update(
      JSON.stringify({
        video: { path, sizeBytes, mtimeMs },
        plan: request.plan,
        captions: request.captions,
        encoder: RENDER_ARGS_VERSION,
      }),
    )
    .digest('hex');
}

interface CacheEntry {
  readonly frames: number;
}

/**
 * Run a plan: ffmpeg writes a temp file beside the output (removed when it fails or is
 * cancelled), which is renamed into place only when complete; a render already in the cache is
 * copied instead. Rejects with CANCELLED when `signal` aborts, leaving no file behind.
 */
export async function renderClip(
  request: RenderClipRequest,
  options: RenderClipOptions = {},
): Promise<RenderedClip> {
  const { plan, output } = request;
  const key = renderKey(request);
  const cacheFile =
    options.cacheDir == null
      ? null
      : join(options.cacheDir, `${key}.${FORMAT_EXTENSION[plan.format]}`);
  const made = (frames: number, cached: boolean): RenderedClip => ({
    path: output,
    bytes: statSync(output).size,
    width: plan.width,
    height: plan.height,
    fps: plan.fps,
    frames,
    cached,
    key,
  });
  const cancelled = () =>
    new ReceiptsError('CANCELLED', 'The render was cancelled; nothing was kept.', {
      file: plan.file,
    });

  const hit =
    cacheFile === null
      ? null
      : readCacheEntry<CacheEntry>(cacheFile, (e) => typeof e.frames === 'number');
  if (hit !== null && cacheFile !== null) {
    if (options.signal?.aborted) throw cancelled();
    placeCopy(cacheFile, output);
    options.onProgress?.(100);
    return made(hit.frames, true);
  }

  const work = mkdtempSync(join(options.tempDir ?? tmpdir(), 'receipts-render-'));
  const temp = tempBeside(output);
  try {
    let assFile: string | null = null;
    if (request.captions !== null) {
      assFile = join(work, 'captions.ass');
      writeFileSync(assFile, request.captions, 'utf8');
    }
    let frames = 0;
    await runFfmpeg({
      tool: 'ffmpeg',
      args: renderArgs(plan, assFile, temp),
      file: plan.file,
      output: temp,
      signal: options.signal,
      onCommand: options.onCommand,
      onStderrLine: (line) => {
        const f = /^frame=(\d+)$/u.exec(line.trim());
        if (f) frames = Number(f[1]);
        const p = parseFfmpegProgress(line, plan.durationMs);
        if (p !== null) options.onProgress?.(p);
      },
    });
    if (options.signal?.aborted) throw cancelled();
    if (!existsSync(temp) || statSync(temp).size === 0) {
      throw new ReceiptsError('MEDIA_UNREADABLE', 'ffmpeg wrote no frames for this range.', {
        file: plan.file,
        timeMs: plan.startMs,
      });
    }
    renameSync(temp, output);
    if (cacheFile !== null) writeCacheEntry(cacheFile, output, { frames });
    return made(frames, false);
  } finally {
    rmSync(temp, { force: true });
    rmSync(work, { recursive: true, force: true });
  }
}
