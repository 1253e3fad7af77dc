import { ReceiptsError } from '../domain/errors.js';
import { formatTimecode } from '../domain/time.js';
import type { AudioStreamFacts, MediaProbe, Rational, VideoStreamFacts } from '../domain/media.js';

/**
 * ffprobe's JSON (`-print_format json -show_format -show_streams`) as MediaProbe. Pure: the
 * tests feed it literal JSON. Throws MEDIA_UNREADABLE naming the file when there is no video
 * stream, no usable frame rate or no duration.
 */
export function parseProbeJson(text: string, file: string): MediaProbe {
  const unreadable = (why: string) =>
    new ReceiptsError('MEDIA_UNREADABLE', `ffprobe cannot read it: ${why}.`, { file });
  let json: ProbeJson;
  try {
    json = JSON.parse(text) as ProbeJson;
  } catch {
    throw unreadable('its output is not JSON');
  }
  const streams: readonly StreamJson[] = Array.isArray(json.streams) ? json.streams : [];
  const videoJson = streams.find(
    (s) => s.codec_type === 'video' && s.disposition?.attached_pic !== 1,
  );
  if (videoJson === undefined) {
    throw unreadable(streams.length === 0 ? 'no streams at all' : 'no video stream');
  }
  const video = parseVideo(videoJson);
  if (video === null) throw unreadable('the video stream has no size or frame rate');
  const format = json.format ?? {};
  const seconds = num(format.duration) ?? num(videoJson.duration);
  if (seconds === null || seconds <= 0) throw unreadable('no duration');
  const audioJson = streams.find((s) => s.codec_type === 'audio');
  return {
    container: format.format_name ?? 'unknown',
    durationMs: Math.round(seconds * 1000),
    sizeBytes: num(format.size) ?? 0,
    bitRate: num(format.bit_rate),
    video,
    audio: audioJson === undefined ? null : parseAudio(audioJson),
  };
}

/** A ratio `a/b` or `a:b`; null for `0/0`, `N/A` or anything not positive. */
export function parseRational(text: string | undefined): Rational | null {
  const m = /^(\d+)[/:](\d+)$/.exec(text ?? '');
  if (!m) return null;
  const r = { num: Number(m[1]), den: Number(m[2]) };
  return r.num > 0 && r.den > 0 ? r : null;
}

// A file is variable-rate when its average rate and base rate differ by more than this.
const VFR_TOLERANCE = 0.002;

function parseVideo(s: StreamJson): VideoStreamFacts | null {
  const width = s.width ?? 0;
  const height = s.height ?? 0;
  const avg = parseRational(s.avg_frame_rate);
  const base = parseRational(s.r_frame_rate);
  const frameRate = avg ?? base;
  if (width <= 0 || height <= 0 || frameRate === null) return null;
  const variableFrameRate =
    avg !== null &&
    base !== null &&
    Math.abs(avg.num / avg.den / (base.num / base.den) - 1) > VFR_TOLERANCE;
  const sar = parseRational(s.sample_aspect_ratio) ?? { num: 1, den: 1 };
  const rotation = parseRotation(s);
  const sarWidth = Math.round((width * sar.num) / sar.den);
  const turned = rotation === 90 || rotation === 270;
  return {
    index: s.index ?? 0,
    codec: s.codec_name ?? 'unknown',
    pixelFormat: s.pix_fmt ?? null,
    width,
    height,
    sar,
    rotation,
    displayWidth: turned ? height : sarWidth,
    displayHeight: turned ? sarWidth : height,
    frameRate,
    variableFrameRate,
    frames: num(s.nb_frames) ?? num(s.tags?.NUMBER_OF_FRAMES) ?? null,
  };
}

/**
 * Clockwise rotation a player applies. ffmpeg 5 reports the display matrix as a
 * counter-clockwise `rotation` in side data; older files carry a clockwise `rotate` tag.
 */
function parseRotation(s: StreamJson): VideoStreamFacts['rotation'] {
  const matrix = s.side_data_list?.find((d) => typeof d.rotation === 'number');
  const clockwise = matrix?.rotation !== undefined ? -matrix.rotation : (num(s.tags?.rotate) ?? 0);
  const quarter = (((Math.round(clockwise / 90) * 90) % 360) + 360) % 360;
  return quarter as VideoStreamFacts['rotation'];
}

function parseAudio(s: StreamJson): AudioStreamFacts {
  return {
    index: s.index ?? 0,
    codec: s.codec_name ?? 'unknown',
    channels: s.channels ?? null,
    sampleRate: num(s.sample_rate),
  };
}

function num(v: string | number | undefined): number | null {
  if (v === undefined || v === '' || v === 'N/A') return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
}

/** The parts of ffprobe's JSON read here. */
interface ProbeJson {
  readonly streams?: readonly StreamJson[];
  readonly format?: {
    readonly format_name?: string;
    readonly duration?: string;
    readonly size?: string;
    readonly bit_rate?: string;
  };
}

interface StreamJson {
  readonly index?: number;
  readonly codec_name?: string;
  readonly codec_type?: string;
  readonly width?: number;
  readonly height?: number;
  readonly pix_fmt?: string;
  readonly sample_aspect_ratio?: string;
  readonly r_frame_rate?: string;
  readonly avg_frame_rate?: string;
  readonly duration?: string;
  readonly nb_frames?: string;
  readonly channels?: number;
  readonly sample_rate?: string;
  readonly disposition?: { readonly attached_pic?: number };
  readonly tags?: { readonly rotate?: string; readonly NUMBER_OF_FRAMES?: string };
  readonly side_data_list?: readonly {
    readonly side_data_type?: string;
    readonly rotation?: number;
  }[];
}

/** The largest packet time (ms) in ffprobe's `-show_entries packet=pts_time -of csv=p=0` output. */
export function parseLastPacketMs(csv: string): number | null {
  let last: number | null = null;
  for (const line of csv.split(/\r?\n/u)) {
    const t = num(line.trim().split(',')[0]);
    if (t !== null) last = Math.max(last ?? 0, Math.round(t * 1000));
  }
  return last;
}

// Video data may stop this much before the container's duration (audio runs longer, the
// last frame lasts a while) without the file being cut short.
const TRUNCATION_SLACK_MS = 2000;

/**
 * MEDIA_TRUNCATED when the last video packet (null: none could be read near the end) is well
 * before the duration the header gives: an interrupted download or copy.
 */
export function checkComplete(probe: MediaProbe, lastPacketMs: number | null, file: string): void {
  if (lastPacketMs !== null && lastPacketMs >= probe.durationMs - TRUNCATION_SLACK_MS) return;
  const where =
    lastPacketMs === null
      ? 'no video data can be read near its end'
      : `its video data stops at ${formatTimecode(lastPacketMs)}`;
  throw new ReceiptsError(
    'MEDIA_TRUNCATED',
    `The file is cut short: its header says ${formatTimecode(probe.durationMs)}, but ${where}.`,
    { file, timeMs: lastPacketMs ?? undefined },
  );
}
