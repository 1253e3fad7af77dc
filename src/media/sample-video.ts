import { runFfmpeg } from './run-ffmpeg.js';

/**
 * A small video made from ffmpeg's own test sources, with cuts and fades at known frames,
 * so tests and benchmarks need no media files. Frame numbers at 25 fps:
 *   0-49 testsrc (a moving pattern), 50-89 SMPTE bars, 90-129 a blue field that fades to
 *   black over frames 110-129, 130-169 testsrc2 fading up from black over 130-144.
 */
export const SAMPLE = {
  rate: { num: 25, den: 1 },
  frames: 170,
  durationMs: 6800,
  cuts: [50, 90],
  fadeOut: { from: 110, to: 129 },
  fadeIn: { from: 130, to: 144 },
} as const;

/** ffmpeg arguments that write the sample video to `output` (H.264 in Matroska). */
export function sampleVideoArgs(output: string, size = '160x90'): string[] {
  const src = (s: string, seconds: number) =>
    [
      '-f',
      'lavfi',
      '-i',
      `${s}${s.includes('=') ? ':' : '='}size=${size}:rate=25:duration=${seconds}`,
    ] as const;
  return [
    ...['-nostdin', '-hide_banner', '-v', 'error', '-y'],
    ...src('testsrc', 2),
    ...src('smptebars', 1.6),
    ...src('color=c=0x3060c0', 1.6),
    ...src('testsrc2', 1.6),
    '-filter_complex',
    '[2]fade=t=out:start_frame=20:nb_frames=19[c];[3]fade=t=in:start_frame=0:nb_frames=15[d];' +
      '[0][1][c][d]concat=n=4:v=1:a=0,format=yuv420p[v]',
    ...['-map', '[v]', '-c:v', 'libx264', '-preset', 'ultrafast', output],
  ];
}

/** Write the sample video to `output`. */
export async function makeSampleVideo(output: string): Promise<void> {
  await runFfmpeg({ tool: 'ffmpeg', args: sampleVideoArgs(output), file: output, output });
}
