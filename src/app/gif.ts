import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import envPaths from 'env-paths';
import { ReceiptsError } from '../domain/errors.js';
import type { ShotCut } from '../domain/media.js';
import {
  captionsAss,
  captionsForClip,
  parseCustomCaption,
  type CaptionLine,
} from '../media/captions-ass.js';
import { planClip, type ClipFormat, type ClipRequest } from '../media/clip-plan.js';
import { DEFAULT_MAX_BYTES, type StepTaken } from '../media/budget.js';
import { checkFontFamily } from '../media/fonts.js';
import { renderWithinBudget } from '../media/budget-render.js';
import { FORMAT_EXTENSION } from '../media/gif-args.js';
import { renderClip, type RenderClipOptions, type RenderedClip } from '../media/render-clip.js';
import type { CanonStore } from '../store/canon-store.js';
import { pickSeries } from './pick-series.js';
import { probeEpisode } from './probe.js';
import { episodeShots } from './shots.js';
import { cuesOf, mainSources } from './stored-lines.js';
import { clipSource, type ClipSource } from './gif-source.js';

export type { ClipSource } from './gif-source.js';

/** Everything `receipts gif` and `receipts frame` are asked for, already parsed. */
export interface GifRequest {
  readonly seriesId?: string;
  readonly source: ClipSource;
  readonly padMs?: number;
  readonly snap?: boolean;
  readonly width?: number;
  readonly crop?: ClipRequest['crop'];
  readonly fps?: number;
  readonly format?: ClipFormat;
  readonly sharpen?: boolean;
  readonly color?: ClipRequest['color'];
  /** Prefix captions with the speaker's name. */
  readonly speakers?: boolean;
  /** Caption font family (default Liberation Sans); must be installed (checked with fc-list). */
  readonly font?: string;
  /** Custom captions (`text` or `FROM-TO=text`) instead of the episode's cues. */
  readonly captions?: readonly string[];
  /** No captions at all. */
  readonly noCaptions?: boolean;
  /** Size budget of a GIF in bytes (default 10 MB, Tumblr's limit); other formats have none. */
  readonly maxBytes?: number;
  /** Output file (default: `<episode>-<time>.<ext>` in `cwd`). */
  readonly out?: string;
  readonly cwd?: string;
}

export interface GifRunOptions extends Omit<RenderClipOptions, 'cacheDir'> {
  /** Default: the user's cache folder (`receipts/renders`); null for no cache. */
  readonly cacheDir?: string | null;
}

export interface GifResult extends RenderedClip {
  readonly series: string;
  readonly episode: string;
  readonly format: ClipFormat;
  readonly startMs: number;
  readonly endMs: number;
  readonly snapped: { readonly trimmedStart: number; readonly trimmedEnd: number } | null;
  readonly captioned: readonly CaptionLine[];
  /** Steps taken to meet the size budget, each with the size after it; empty when it fit. */
  readonly budgetSteps: readonly StepTaken[];
}

/** The user's render cache folder. */
export function defaultRenderCache(): string {
  return join(envPaths('receipts', { suffix: '' }).cache, 'renders');
}

/** `S01E02-41m12s.gif`: episode and start time, for a default output name. */
export function defaultOutputName(episodeId: string, startMs: number, format: ClipFormat): string {
  const s = Math.floor(startMs / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const two = (n: number) => String(n).padStart(2, '0');
  const time = h > 0 ? `${h}h${two(m)}m${two(s % 60)}s` : `${m}m${two(s % 60)}s`;
  return `${episodeId}-${time}.${FORMAT_EXTENSION[format]}`;
}

/**
 * Render a captioned clip (or a still) of an episode: resolve the range (times, a quote or a
 * moment), probe the video, snap to cuts when asked, plan (every problem reported before
 * ffmpeg starts), caption with the cues spoken in the range, render through the cache.
 */
export async function renderGif(
  store: CanonStore,
  request: GifRequest,
  options: GifRunOptions = {},
): Promise<GifResult> {
  const run = { signal: options.signal, onCommand: options.onCommand };
  // First, so a font that is not installed fails before ffmpeg starts or anything is written.
  const font = request.font === undefined ? undefined : await checkFontFamily(request.font, run);
  const series = await pickSeries(store, request.seriesId);
  const range = await clipSource(store, series.id, request.source);
  const episodeId = range.episodeId;
  const still = request.format === 'png' || request.format === 'jpg';
  // A still of a quote or moment shows its middle, where the line is surely on screen.
  const startMs =
    still && request.source.kind !== 'range'
      ? Math.round((range.startMs + range.endMs) / 2)
      : range.startMs;
  let cuts: readonly ShotCut[] | null = null;
  if (request.snap === true) {
    cuts = (await episodeShots(store, { seriesId: series.id, episodeId, ...run })).shots.cuts;
  }
  const probed = await probeEpisode(store, { seriesId: series.id, episodeId, ...run });
  const planned = planClip(
    {
      file: probed.file.path,
      startMs,
      endMs: range.endMs,
      padMs: request.padMs,
      cuts,
      width: request.width,
      crop: request.crop,
      fps: request.fps,
      format: request.format,
      sharpen: request.sharpen,
      color: request.color,
    },
    probed.probe,
  );
  if (!planned.ok) {
    throw new ReceiptsError(
      'USAGE',
      `Cannot render ${episodeId}: ${planned.problems.join('; ')}.`,
      {
        file: probed.file.path,
        timeMs: startMs,
      },
    );
  }
  const plan = planned.plan;
  const captioned = await captionLines(store, series.id, episodeId, request, plan);
  const captionsFor = (p: { readonly width: number; readonly height: number }) =>
    captioned.length === 0
      ? null
      : captionsAss(captioned, {
          width: p.width,
          height: p.height,
          speakers: request.speakers === true,
          font,
        });
  const captions = captionsFor(plan);

  const cwd = request.cwd ?? process.cwd();
  const output = resolve(
    cwd,
    request.out ?? defaultOutputName(episodeId, plan.startMs, plan.format),
  );
  if (!existsSync(dirname(output)) || !statSync(dirname(output)).isDirectory()) {
    throw new ReceiptsError('FILE_UNWRITABLE', 'The folder for the output does not exist.', {
      file: output,
    });
  }
  const runOptions = {
    ...options,
    cacheDir: options.cacheDir === undefined ? defaultRenderCache() : options.cacheDir,
  };
  const video = probed.file;
  const made =
    plan.format === 'gif'
      ? await renderWithinBudget(
          { plan, video, captionsFor, output, maxBytes: request.maxBytes ?? DEFAULT_MAX_BYTES },
          runOptions,
        )
      : { ...(await renderClip({ plan, video, captions, output }, runOptions)), steps: [] };
  return {
    ...made,
    series: series.id,
    episode: episodeId,
    format: plan.format,
    startMs: plan.startMs,
    endMs: plan.endMs,
    snapped: plan.snapped,
    captioned,
    budgetSteps: made.steps,
  };
}

/** The captions of a clip, in clip time: custom ones, or the episode's subtitle cues. */
async function captionLines(
  store: CanonStore,
  seriesId: string,
  episodeId: string,
  request: GifRequest,
  plan: { readonly startMs: number; readonly durationMs: number },
): Promise<CaptionLine[]> {
  if (request.noCaptions === true) return [];
  if (request.captions !== undefined && request.captions.length > 0) {
    return request.captions.map((text) => {
      const line = parseCustomCaption(text, plan.durationMs);
      if (line === null) {
        throw new ReceiptsError(
          'USAGE',
          `The caption "${text}" is timed outside the clip (0-${plan.durationMs / 1000} s).`,
        );
      }
      return line;
    });
  }
  const { subtitle } = mainSources(await store.episodeSources(seriesId, episodeId));
  if (subtitle === null) return [];
  const cues = cuesOf(subtitle)
    .filter((c) => !c.sound)
    .map((c) => ({ startMs: c.startMs, endMs: c.endMs, styled: c.styled, speaker: c.speaker }));
  return captionsForClip(cues, plan.startMs, plan.durationMs);
}
