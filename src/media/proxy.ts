import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { ReceiptsError } from '../domain/errors.js';
import type { MediaProbe } from '../domain/media.js';
import { parseFfmpegProgress } from './parse-ffmpeg-progress.js';
import type { MediaRunOptions } from './probe.js';
import { runFfmpeg } from './run-ffmpeg.js';

/**
 * A browser-playable copy of a video: H.264 (yuv420p) and AAC in an MP4 with the index at the
 * front. Debian Chromium plays H.264/AAC MP4, VP8/VP9 WebM and AV1, not HEVC, MPEG-4 Part 2,
 * AC-3 or Matroska (STACK-NOTES.md), so an episode in any of those gets a proxy to watch; the
 * original stays what frames and GIFs are rendered from.
 */

/** Bumped whenever the proxy arguments change what a proxy looks like (part of its cache key). */
export const PROXY_ARGS_VERSION = 'proxy v1 x264-veryfast-crf23 aac-160k';

// Codecs by ffprobe's names. H.264 only in 8-bit 4:2:0: Chromium's software decoder refuses
// High 10 and 4:2:2/4:4:4 profiles.
const MP4_VIDEO = new Set(['h264', 'av1', 'vp9']);
const MP4_AUDIO = new Set(['aac', 'mp3', 'opus', 'flac']);
const WEBM_VIDEO = new Set(['vp8', 'vp9', 'av1']);
const WEBM_AUDIO = new Set(['vorbis', 'opus']);
const PLAIN_PIXELS = new Set(['yuv420p', 'yuvj420p']);

export interface Playability {
  readonly playable: boolean;
  /** Why not, in words for the page ("HEVC video", "Matroska container"); null when playable. */
  readonly reason: string | null;
}

const CODEC_NAMES: Readonly<Record<string, string>> = {
  hevc: 'HEVC',
  h264: 'H.264',
  mpeg4: 'MPEG-4 Part 2',
  msmpeg4v3: 'MS MPEG-4 v3',
  mpeg2video: 'MPEG-2',
  ac3: 'AC-3',
  eac3: 'E-AC-3',
  dts: 'DTS',
  truehd: 'TrueHD',
};
const named = (codec: string) => CODEC_NAMES[codec] ?? codec;

/**
 * Whether Chromium plays a video as it is, from its probe and file name (ffprobe calls both
 * Matroska and WebM `matroska,webm`; the extension tells them apart). Pure.
 */
export function browserPlayability(probe: MediaProbe, file: string): Playability {
  const formats = probe.container.split(',');
  const ext = extname(file).toLowerCase();
  const v = probe.video;
  const a = probe.audio;
  const no = (reason: string): Playability => ({ playable: false, reason });
  const isMp4 = formats.includes('mp4') && ['.mp4', '.m4v', '.mov'].includes(ext);
  const isWebm = formats.includes('webm') && ext === '.webm';
  if (!isMp4 && !isWebm) return no(`${containerName(formats, ext)} container`);
  const videoOk = (isMp4 ? MP4_VIDEO : WEBM_VIDEO).has(v.codec);
  if (!videoOk) return no(`${named(v.codec)} video`);
  if (v.codec === 'h264' && v.pixelFormat !== null && !PLAIN_PIXELS.has(v.pixelFormat)) {
    return no(`H.264 in ${v.pixelFormat}`);
  }
  if (a !== null && !(isMp4 ? MP4_AUDIO : WEBM_AUDIO).has(a.codec)) {
    return no(`${named(a.codec)} audio`);
  }
  return { playable: true, reason: null };
}

function containerName(formats: readonly string[], ext: string): string {
  if (ext === '.mkv' || formats.includes('matroska')) return 'Matroska';
  if (ext === '.avi' || formats.includes('avi')) return 'AVI';
  return ext === '' ? (formats[0] ?? 'unknown') : ext.slice(1).toUpperCase();
}

/** What ffmpeg is to do, stream by stream; copying is lossless and takes seconds. */
export interface ProxyPlan {
  readonly input: string;
  readonly output: string;
  readonly durationMs: number;
  readonly video: 'copy' | 'h264';
  /** null: the source has no audio. */
  readonly audio: 'copy' | 'aac' | null;
  readonly videoStream: number;
  readonly audioStream: number | null;
}

/**
 * Plan a proxy of `input` at `output`: streams MP4 can hold as Chromium plays them are copied
 * (an H.264 + AC-3 .mkv only has its audio encoded), the rest re-encoded. Pure.
 */
export function planProxy(input: string, probe: MediaProbe, output: string): ProxyPlan {
  const v = probe.video;
  const copyVideo =
    v.codec === 'h264' && (v.pixelFormat === null || PLAIN_PIXELS.has(v.pixelFormat));
  const a = probe.audio;
  return {
    input,
    output,
    durationMs: probe.durationMs,
    video: copyVideo ? 'copy' : 'h264',
    audio: a === null ? null : a.codec === 'aac' ? 'copy' : 'aac',
    videoStream: v.index,
    audioStream: a?.index ?? null,
  };
}

/** The ffmpeg arguments (without the binary) of a plan, writing to `target`. Pure. */
export function proxyArgs(plan: ProxyPlan, target: string): string[] {
  const video =
    plan.video === 'copy'
      ? ['-c:v', 'copy']
      : [
          ...['-c:v', 'libx264', '-preset', 'veryfast', '-crf', '23'],
          // yuv420p needs even sizes; odd ones lose a pixel row or column.
          ...['-vf', 'scale=trunc(iw/2)*2:trunc(ih/2)*2', '-pix_fmt', 'yuv420p'],
        ];
  const audio =
    plan.audio === null
      ? ['-an']
      : plan.audio === 'copy'
        ? ['-c:a', 'copy']
        : ['-c:a', 'aac', '-b:a', '160k', '-ac', '2'];
  return [
    ...['-nostdin', '-hide_banner', '-v', 'error', '-nostats', '-progress', 'pipe:2', '-y'],
    ...['-i', plan.input],
    ...['-map', `0:${plan.videoStream}`],
    ...(plan.audioStream === null ? [] : ['-map', `0:${plan.audioStream}`]),
    ...video,
    ...audio,
    ...['-sn', '-dn', '-map_metadata', '-1', '-movflags', '+faststart', '-f', 'mp4'],
    target,
  ];
}

export interface ProxyRunOptions extends MediaRunOptions {
  /** Percentage done (0-100). */
  readonly onProgress?: (percent: number) => void;
}

/**
 * Run a plan: ffmpeg writes a temp file beside the output, renamed into place only when
 * complete, so a half-made proxy is never served. CANCELLED when `signal` aborts (nothing kept).
 */
export async function makeProxy(plan: ProxyPlan, options: ProxyRunOptions = {}): Promise<void> {
  mkdirSync(dirname(plan.output), { recursive: true });
  const temp = join(
    dirname(plan.output),
    `.${basename(plan.output)}.${randomBytes(4).toString('hex')}.part`,
  );
  try {
    await runFfmpeg({
      tool: 'ffmpeg',
      args: proxyArgs(plan, temp),
      file: plan.input,
      output: temp,
      signal: options.signal,
      onCommand: options.onCommand,
      onStderrLine: (line) => {
        const p = parseFfmpegProgress(line, plan.durationMs);
        if (p !== null) options.onProgress?.(p);
      },
    });
    if (options.signal?.aborted) {
      throw new ReceiptsError('CANCELLED', 'The playable copy was cancelled; nothing was kept.', {
        file: plan.input,
      });
    }
    if (!existsSync(temp) || statSync(temp).size === 0) {
      throw new ReceiptsError('MEDIA_UNREADABLE', 'ffmpeg wrote no playable copy.', {
        file: plan.input,
      });
    }
    renameSync(temp, plan.output);
  } finally {
    rmSync(temp, { force: true });
  }
}
