import { formatTimecode } from '../domain/time.js';
import { fps as rateFps, type MediaProbe, type ShotCut } from '../domain/media.js';
import { snapToCuts } from './snap-to-cuts.js';

/** Tumblr's photo-set widths: one GIF across, two side by side, three side by side. */
export const WIDTH_PRESETS = { single: 540, two: 268, three: 177 } as const;

/** What part of the (display-shaped) frame is kept. */
export type Crop =
  | { readonly kind: 'full' }
  | { readonly kind: 'square' }
  | {
      readonly kind: 'rect';
      readonly width: number;
      readonly height: number;
      readonly x: number;
      readonly y: number;
    };

export type ClipFormat = 'gif' | 'webp' | 'mp4' | 'png' | 'jpg';
export const STILL_FORMATS: readonly ClipFormat[] = ['png', 'jpg'];

/** Simple colour adjustment, as ffmpeg's `eq` filter takes it (1 / 0 / 1 is no change). */
export interface ColorAdjust {
  readonly brightness: number;
  readonly contrast: number;
  readonly saturation: number;
}

export interface ClipRequest {
  readonly file: string;
  readonly startMs: number;
  /** Exclusive end. For a still, ignored (one frame at `startMs`). */
  readonly endMs: number;
  /** Added before the start and after the end, clamped to the video. */
  readonly padMs?: number;
  /** Snap the edges to these cuts (see snapToCuts); null or absent: no snapping. */
  readonly cuts?: readonly ShotCut[] | null;
  /** Output width in pixels (default 540). */
  readonly width?: number;
  readonly crop?: Crop;
  /** Output frame rate (default: the source's, at most 15 for GIF and WebP). */
  readonly fps?: number;
  readonly format?: ClipFormat;
  readonly sharpen?: boolean;
  readonly color?: ColorAdjust | null;
}

/** A crop rectangle in display pixels (square pixels, rotation applied). */
export interface CropRect {
  readonly width: number;
  readonly height: number;
  readonly x: number;
  readonly y: number;
}

/** A validated render: every number ffmpeg needs, nothing left to decide. */
export interface ClipPlan {
  readonly file: string;
  readonly videoStream: number;
  readonly format: ClipFormat;
  readonly startMs: number;
  readonly endMs: number;
  readonly durationMs: number;
  /** The range asked for, before padding and snapping. */
  readonly requested: { readonly startMs: number; readonly endMs: number };
  /** Frames of a neighbouring shot dropped at each edge by snapping; null when not snapped. */
  readonly snapped: { readonly trimmedStart: number; readonly trimmedEnd: number } | null;
  /** The source's display size; when it differs from the coded size the frame is resized first. */
  readonly display: { readonly width: number; readonly height: number };
  readonly squarePixels: boolean;
  /** Null when the whole frame is kept. */
  readonly crop: CropRect | null;
  readonly width: number;
  readonly height: number;
  readonly fps: number;
  /** Frames the output should hold (1 for a still). */
  readonly frames: number;
  readonly sharpen: boolean;
  readonly color: ColorAdjust | null;
}

export type ClipPlanResult =
  | { readonly ok: true; readonly plan: ClipPlan }
  | { readonly ok: false; readonly problems: readonly string[] };

/** Longest clip Receipts renders: a GIF past a minute is never what a reader wants. */
export const MAX_CLIP_MS = 60_000;
const MIN_WIDTH = 32;
const MAX_WIDTH = 1920;

const even = (n: number) => Math.max(2, 2 * Math.round(n / 2));

/**
 * A render plan from a request and the probed facts of the video, or every reason the request
 * cannot be rendered. Pure: range checks against the probed duration, padding, snapping to
 * cuts, width, crop, frame rate, format; output pixels are square whatever the source's SAR
 * (ffmpeg's autorotation has already turned the frames when they reach the filters).
 */
export function planClip(request: ClipRequest, facts: MediaProbe): ClipPlanResult {
  const problems: string[] = [];
  const format = request.format ?? 'gif';
  const still = STILL_FORMATS.includes(format);
  const v = facts.video;
  const sourceFps = rateFps(v.frameRate);
  const frameMs = sourceFps > 0 ? 1000 / sourceFps : 40;
  const duration = facts.durationMs;
  const tc = (ms: number) => formatTimecode(ms);

  const startMs = Math.round(request.startMs);
  const endMs = still ? Math.round(startMs + frameMs) : Math.round(request.endMs);
  if (!Number.isFinite(startMs) || !Number.isFinite(endMs))
    problems.push('the times are not numbers');
  if (startMs < 0) problems.push(`the start (${tc(startMs)}) is before the video begins`);
  if (startMs >= duration) {
    problems.push(`the start (${tc(startMs)}) is after the video ends (${tc(duration)})`);
  } else if (!still && endMs > duration + frameMs) {
    problems.push(`the end (${tc(endMs)}) is after the video ends (${tc(duration)})`);
  }
  if (!still && endMs <= startMs) {
    problems.push(`the clip has no length (from ${tc(startMs)} to ${tc(endMs)})`);
  }
  const pad = request.padMs ?? 0;
  if (!(pad >= 0) || pad > 10_000) problems.push(`padding must be 0-10 s (got ${pad} ms)`);

  const width = request.width ?? WIDTH_PRESETS.single;
  if (!Number.isInteger(width) || width < MIN_WIDTH || width > MAX_WIDTH) {
    problems.push(`the width must be a whole number of pixels, ${MIN_WIDTH}-${MAX_WIDTH}`);
  }
  const display = { width: v.displayWidth, height: v.displayHeight };
  const crop = cropRect(request.crop ?? { kind: 'full' }, display, problems);
  const outFps =
    request.fps ?? (format === 'gif' || format === 'webp' ? Math.min(15, sourceFps) : sourceFps);
  if (!(outFps > 0 && outFps <= 60)) problems.push(`the frame rate must be 1-60 (got ${outFps})`);
  const color = request.color ?? null;
  if (color !== null) {
    if (!(color.brightness >= -1 && color.brightness <= 1)) problems.push('brightness is -1..1');
    if (!(color.contrast >= 0 && color.contrast <= 3)) problems.push('contrast is 0..3');
    if (!(color.saturation >= 0 && color.saturation <= 3)) problems.push('saturation is 0..3');
  }
  if (problems.length > 0) return { ok: false, problems };

  let start = Math.max(0, startMs - (still ? 0 : pad));
  let end = still ? endMs : Math.min(duration, endMs + pad);
  let snapped: ClipPlan['snapped'] = null;
  if (!still && request.cuts != null) {
    const s = snapToCuts({ startMs: start, endMs: end }, request.cuts, v.frameRate);
    start = s.startMs;
    end = s.endMs;
    snapped = { trimmedStart: s.trimmedStart, trimmedEnd: s.trimmedEnd };
  }
  if (end - start > MAX_CLIP_MS) {
    return {
      ok: false,
      problems: [`the clip is ${tc(end - start)} long; at most ${tc(MAX_CLIP_MS)} is rendered`],
    };
  }
  const kept = crop ?? { width: display.width, height: display.height };
  // libx264 with yuv420p needs even sizes; GIF, WebP and stills keep the width asked for.
  const fit = format === 'mp4' ? even : (n: number) => Math.max(1, Math.round(n));
  const outWidth = fit(width);
  const height = fit((outWidth * kept.height) / kept.width);
  return {
    ok: true,
    plan: {
      file: request.file,
      videoStream: v.index,
      format,
      startMs: start,
      endMs: end,
      durationMs: end - start,
      requested: { startMs, endMs },
      snapped,
      display,
      squarePixels: display.width === v.width && display.height === v.height,
      crop,
      width: outWidth,
      height,
      fps: outFps,
      frames: still ? 1 : Math.max(1, Math.round(((end - start) * outFps) / 1000)),
      sharpen: request.sharpen ?? false,
      color,
    },
  };
}

function cropRect(
  crop: Crop,
  display: { readonly width: number; readonly height: number },
  problems: string[],
): CropRect | null {
  if (crop.kind === 'full') return null;
  if (crop.kind === 'square') {
    const side = Math.min(display.width, display.height);
    return {
      width: side,
      height: side,
      x: Math.floor((display.width - side) / 2),
      y: Math.floor((display.height - side) / 2),
    };
  }
  const { width, height, x, y } = crop;
  if (
    ![width, height, x, y].every((n) => Number.isInteger(n) && n >= 0) ||
    width < 16 ||
    height < 16
  ) {
    problems.push('a crop is whole pixels, at least 16x16');
  } else if (x + width > display.width || y + height > display.height) {
    problems.push(
      `the crop ${width}x${height}+${x}+${y} does not fit the ${display.width}x${display.height} frame`,
    );
  }
  return { width, height, x, y };
}

/** Parse `full`, `square` or `WxH+X+Y`; null when the text is none of them. */
export function parseCrop(text: string): Crop | null {
  const t = text.trim().toLowerCase();
  if (t === 'full') return { kind: 'full' };
  if (t === 'square') return { kind: 'square' };
  const m = /^(\d+)x(\d+)\+(\d+)\+(\d+)$/.exec(t);
  if (!m) return null;
  return {
    kind: 'rect',
    width: Number(m[1]),
    height: Number(m[2]),
    x: Number(m[3]),
    y: Number(m[4]),
  };
}
