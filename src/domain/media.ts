/**
 * What Receipts knows about a video file: the facts ffprobe reports and the shots found in
 * it. Plain, immutable values (no I/O); the store keeps them per episode.
 */

/** A ratio as ffmpeg writes it (`24000/1001`, `399:400`). */
export interface Rational {
  readonly num: number;
  readonly den: number;
}

export interface VideoStreamFacts {
  /** Stream index in the file. */
  readonly index: number;
  readonly codec: string;
  readonly pixelFormat: string | null;
  /** Coded size in pixels, before rotation and sample aspect ratio. */
  readonly width: number;
  readonly height: number;
  /** Sample (pixel) aspect ratio; 1:1 when the file does not say. */
  readonly sar: Rational;
  /** Clockwise rotation a player applies (0, 90, 180, 270). */
  readonly rotation: 0 | 90 | 180 | 270;
  /** Size as displayed: SAR applied to the width, then rotated. */
  readonly displayWidth: number;
  readonly displayHeight: number;
  /** Average frame rate (`avg_frame_rate`, else `r_frame_rate`). */
  readonly frameRate: Rational;
  /** True when frames are not evenly spaced (avg and base rate disagree). */
  readonly variableFrameRate: boolean;
  /** Frame count when the container says; null otherwise. */
  readonly frames: number | null;
}

export interface AudioStreamFacts {
  readonly index: number;
  readonly codec: string;
  readonly channels: number | null;
  readonly sampleRate: number | null;
}

export interface MediaProbe {
  /** Container format names as ffprobe gives them (`matroska,webm`). */
  readonly container: string;
  readonly durationMs: number;
  readonly sizeBytes: number;
  readonly bitRate: number | null;
  readonly video: VideoStreamFacts;
  /** The first audio stream, or null. */
  readonly audio: AudioStreamFacts | null;
}

/** The first frame of a new shot. */
export interface ShotCut {
  readonly ms: number;
  readonly frame: number;
}

/** A fade to black (`out`) or up from black (`in`), first to last frame of the ramp. */
export interface Fade {
  readonly kind: 'in' | 'out';
  readonly startMs: number;
  readonly endMs: number;
  readonly startFrame: number;
  readonly endFrame: number;
}

export interface ShotList {
  /** The frame rate frame numbers count in (the video's, or the resampled rate for VFR). */
  readonly frameRate: Rational;
  readonly frames: number;
  readonly durationMs: number;
  readonly cuts: readonly ShotCut[];
  readonly fades: readonly Fade[];
  /** Detector name and version, so stored results can be recomputed when it changes. */
  readonly method: string;
}

/** Milliseconds of frame `frame` at `rate`, rounded to an integer. */
export function frameToMs(frame: number, rate: Rational): number {
  return Math.round((frame * 1000 * rate.den) / rate.num);
}

/** The frame shown at `ms`: the last one whose (rounded) start time is at or before it. */
export function msToFrame(ms: number, rate: Rational): number {
  let f = Math.max(0, Math.floor((ms * rate.num) / (1000 * rate.den)));
  while (frameToMs(f + 1, rate) <= ms) f++;
  while (f > 0 && frameToMs(f, rate) > ms) f--;
  return f;
}

/** Frames per second as a number. */
export function fps(rate: Rational): number {
  return rate.num / rate.den;
}
