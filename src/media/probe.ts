import { statSync } from 'node:fs';
import { ReceiptsError } from '../domain/errors.js';
import type { MediaProbe } from '../domain/media.js';
import { checkComplete, parseLastPacketMs, parseProbeJson } from './parse-probe.js';
import { runFfmpeg } from './run-ffmpeg.js';

export interface MediaRunOptions {
  readonly signal?: AbortSignal;
  /** Receives each exact command line before it runs (`--verbose`). */
  readonly onCommand?: (command: string) => void;
}

/** ffprobe arguments for the format and streams of `file`, as JSON. */
export function probeArgs(file: string): string[] {
  return ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', file];
}

// How far before the stated end the truncation check starts reading video packets.
const TAIL_MS = 5000;

/** ffprobe arguments listing the times of the video packets from `fromMs` to the end. */
export function packetTailArgs(file: string, fromMs: number): string[] {
  return [
    ...['-v', 'error', '-select_streams', 'v:0'],
    ...['-read_intervals', `${(Math.max(0, fromMs) / 1000).toFixed(3)}%`],
    ...['-show_entries', 'packet=pts_time', '-of', 'csv=p=0', file],
  ];
}

/** Size and modification time of a video, the key under which its facts are stored. */
export interface VideoFileKey {
  readonly path: string;
  readonly sizeBytes: number;
  readonly mtimeMs: number;
}

/** Stat a video file: MEDIA_NOT_FOUND when it is missing, MEDIA_UNREADABLE for a folder. */
export function videoFileKey(path: string): VideoFileKey {
  let st;
  try {
    st = statSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new ReceiptsError('MEDIA_NOT_FOUND', 'The video file does not exist.', { file: path });
    }
    throw new ReceiptsError('MEDIA_UNREADABLE', `The video file cannot be read (${code}).`, {
      file: path,
    });
  }
  if (!st.isFile()) {
    throw new ReceiptsError('MEDIA_UNREADABLE', 'This is not a file.', { file: path });
  }
  return { path, sizeBytes: st.size, mtimeMs: Math.round(st.mtimeMs) };
}

/**
 * Probe a video: its format and streams, then a read of the packets near its end, so a file
 * cut short is reported (MEDIA_TRUNCATED) before anything long runs on it.
 */
export async function probeVideo(file: string, options: MediaRunOptions = {}): Promise<MediaProbe> {
  videoFileKey(file);
  const run = { file, signal: options.signal, onCommand: options.onCommand } as const;
  const { stdout } = await runFfmpeg({ ...run, tool: 'ffprobe', args: probeArgs(file) });
  const probe = parseProbeJson(stdout.toString('utf8'), file);
  const tail = await runFfmpeg({
    ...run,
    tool: 'ffprobe',
    args: packetTailArgs(file, probe.durationMs - TAIL_MS),
  });
  checkComplete(probe, parseLastPacketMs(tail.stdout.toString('utf8')), file);
  return probe;
}
