import { frameToMs, type MediaProbe, type Rational, type ShotList } from '../domain/media.js';
import { parseFfmpegProgress } from './parse-ffmpeg-progress.js';
import type { MediaRunOptions } from './probe.js';
import { runFfmpeg } from './run-ffmpeg.js';
import {
  DEFAULT_CUT_OPTIONS,
  findFades,
  meanLuma,
  pickCuts,
  THUMB_BYTES,
  THUMB_COLS,
  THUMB_ROWS,
  transitionScores,
} from './shot-detect.js';

/** Name and version of the detector; stored with results so a new version recomputes them. */
export const SHOTS_METHOD = 'thumb8x4-q30-r3 v1';

export interface ShotsPlan {
  readonly file: string;
  readonly videoStream: number;
  readonly durationMs: number;
  /** The rate frame numbers count in. */
  readonly frameRate: Rational;
  /** Variable-rate video is resampled to its average rate so frame n is at n / rate. */
  readonly resample: boolean;
}

export type PlanResult =
  | { readonly ok: true; readonly plan: ShotsPlan }
  | { readonly ok: false; readonly reasons: readonly string[] };

/** A plan for finding the shots of a probed video, or the reasons there can be none. */
export function planShots(file: string, probe: MediaProbe): PlanResult {
  const reasons: string[] = [];
  const rate = probe.video.frameRate;
  const perSecond = rate.num / rate.den;
  if (probe.durationMs <= 0) reasons.push('the video has no duration');
  if (!(perSecond >= 1 && perSecond <= 240)) {
    reasons.push(`its frame rate (${rate.num}/${rate.den}) is not a video's (1-240 frames/s)`);
  }
  if (reasons.length > 0) return { ok: false, reasons };
  return {
    ok: true,
    plan: {
      file,
      videoStream: probe.video.index,
      durationMs: probe.durationMs,
      frameRate: rate,
      resample: probe.video.variableFrameRate,
    },
  };
}

/** ffmpeg arguments that write every frame as an 8x4 YUV 4:4:4 thumbnail to stdout. */
export function shotsArgs(plan: ShotsPlan): string[] {
  const filters = [
    plan.resample ? `fps=${plan.frameRate.num}/${plan.frameRate.den}` : null,
    `scale=${THUMB_COLS}:${THUMB_ROWS}:flags=area`,
    'format=yuv444p',
  ].filter((f) => f !== null);
  return [
    ...['-nostdin', '-hide_banner', '-v', 'error', '-nostats', '-progress', 'pipe:2'],
    // The deblocking filter is invisible at 8x4 and costs decoding time.
    ...['-skip_loop_filter', 'all', '-i', plan.file],
    ...['-map', `0:${plan.videoStream}`, '-an', '-sn', '-dn'],
    ...['-vf', filters.join(','), '-f', 'rawvideo', 'pipe:1'],
  ];
}

/** Cuts and fades from the thumbnail bytes ffmpeg wrote for a plan. */
export function shotsFromThumbnails(bytes: Uint8Array, plan: ShotsPlan): ShotList {
  const frames = Math.floor(bytes.length / THUMB_BYTES);
  const rate = plan.frameRate;
  const cuts = pickCuts(transitionScores(bytes, DEFAULT_CUT_OPTIONS.reach));
  return {
    frameRate: rate,
    frames,
    durationMs: plan.durationMs,
    cuts: cuts.map((frame) => ({ frame, ms: frameToMs(frame, rate) })),
    fades: findFades(meanLuma(bytes)).map((f) => ({
      ...f,
      startMs: frameToMs(f.startFrame, rate),
      endMs: frameToMs(f.endFrame, rate),
    })),
    method: SHOTS_METHOD,
  };
}

export interface ShotsRunOptions extends MediaRunOptions {
  /** Percentage done (0-100), from ffmpeg's progress output. */
  readonly onProgress?: (percent: number) => void;
}

/** Run a plan: decode the video once into thumbnails and find its cuts and fades. */
export async function detectShots(
  plan: ShotsPlan,
  options: ShotsRunOptions = {},
): Promise<ShotList> {
  const { stdout } = await runFfmpeg({
    tool: 'ffmpeg',
    args: shotsArgs(plan),
    file: plan.file,
    signal: options.signal,
    onCommand: options.onCommand,
    onStderrLine: (line) => {
      const p = parseFfmpegProgress(line, plan.durationMs);
      if (p !== null) options.onProgress?.(p);
    },
  });
  return shotsFromThumbnails(stdout, plan);
}
