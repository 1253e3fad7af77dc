import type { ClipFormat, ClipPlan } from './clip-plan.js';

/**
 * ffmpeg arguments for a clip plan: pure, built from lists and `null`s, tested without running
 * ffmpeg. The GIF encoder is one filter graph: palettegen (one palette for the clip) and
 * paletteuse without dithering. bench/gif-quality.ts chose it on the real clips (BENCHMARKS.md
 * "GIF quality"): against bayer:5 it has a higher SSIM with fewer bytes on both (CPU the same
 * within noise), and it matches the diff/sierra2_4a baseline on grainy film at 0.99x its bytes.
 * Grain and camera noise already break up banding (a clean synthetic gradient showed none
 * either), so a dither pattern only costs bytes and SSIM.
 */

/**
 * The palette stage of a GIF: one palette with `colors` entries counted on every frame, then
 * each frame mapped to it with `dither` (the budget's encodings share it with the default).
 */
export function paletteStage(colors: number, dither: 'none' | 'bayer'): string {
  const gen = colors === 256 ? 'palettegen' : `palettegen=max_colors=${colors}`;
  const use =
    dither === 'bayer' ? 'paletteuse=dither=bayer:bayer_scale=5' : 'paletteuse=dither=none';
  return `split[a][b];[a]${gen}[p];[b][p]${use}`;
}

/** Bumped whenever the arguments change what a render looks like (part of the cache key). */
export const RENDER_ARGS_VERSION = 'gif-args v2 palettegen+dither-none';

/** The file extension of each format. */
export const FORMAT_EXTENSION: Readonly<Record<ClipFormat, string>> = {
  gif: 'gif',
  webp: 'webp',
  mp4: 'mp4',
  png: 'png',
  jpg: 'jpg',
};

/** Escape a value for a filter option (`\`, `'`, `:`), the first of ffmpeg's two levels. */
export function escapeFilterValue(value: string): string {
  return value.replace(/[\\':]/gu, '\\$&');
}

/** Escape text for a filter graph description (`\`, `'`, `[`, `]`, `,`, `;`), the second level. */
export function escapeFilterGraph(text: string): string {
  return text.replace(/[\\'[\],;]/gu, '\\$&');
}

/** The `subtitles` filter reading `assFile`, its path escaped for both levels. */
export function subtitlesFilter(assFile: string): string {
  return `subtitles=filename=${escapeFilterGraph(escapeFilterValue(assFile))}`;
}

/** The picture filters, in order: square pixels, crop, rate, size, sharpen, colour, captions. */
export function videoFilters(plan: ClipPlan, assFile: string | null): string[] {
  const c = plan.crop;
  const { color } = plan;
  const still = plan.format === 'png' || plan.format === 'jpg';
  return [
    plan.squarePixels ? null : `scale=${plan.display.width}:${plan.display.height},setsar=1`,
    c === null ? null : `crop=${c.width}:${c.height}:${c.x}:${c.y}`,
    still ? null : `fps=${plan.fps}`,
    `scale=${plan.width}:${plan.height}:flags=lanczos,setsar=1`,
    plan.sharpen ? 'unsharp=5:5:0.8:5:5:0' : null,
    color === null
      ? null
      : `eq=brightness=${color.brightness}:contrast=${color.contrast}:saturation=${color.saturation}`,
    assFile === null ? null : subtitlesFilter(assFile),
  ].filter((f) => f !== null);
}

const seconds = (ms: number) => (ms / 1000).toFixed(3);

/** The encoder arguments of each format; the muxer is named since the temp file has no extension. */
function encoderArgs(format: ClipFormat): string[] {
  switch (format) {
    case 'gif':
      return ['-loop', '0', '-f', 'gif'];
    case 'webp':
      return ['-c:v', 'libwebp_anim', '-lossless', '0', '-q:v', '75', '-loop', '0', '-f', 'webp'];
    case 'mp4':
      return [
        ...['-c:v', 'libx264', '-preset', 'medium', '-crf', '23', '-pix_fmt', 'yuv420p'],
        ...['-movflags', '+faststart', '-f', 'mp4'],
      ];
    case 'png':
      return ['-frames:v', '1', '-c:v', 'png', '-f', 'image2', '-update', '1'];
    case 'jpg':
      return ['-frames:v', '1', '-c:v', 'mjpeg', '-q:v', '2', '-f', 'image2', '-update', '1'];
  }
}

/**
 * The whole ffmpeg command (without the binary) rendering `plan` to `output`, captions burned
 * in from `assFile` when given. Seeking before `-i` is exact when re-encoding and restarts
 * timestamps at 0, which is the time base of the captions. Progress goes to stderr.
 */
export function renderArgs(plan: ClipPlan, assFile: string | null, output: string): string[] {
  const filters = videoFilters(plan, assFile).join(',');
  const graph =
    plan.format === 'gif'
      ? `[0:${plan.videoStream}]${filters},${paletteStage(256, 'none')}[out]`
      : `[0:${plan.videoStream}]${filters}[out]`;
  const still = plan.format === 'png' || plan.format === 'jpg';
  return [
    ...['-nostdin', '-hide_banner', '-v', 'error', '-nostats', '-progress', 'pipe:2', '-y'],
    ...['-ss', seconds(plan.startMs)],
    ...(still ? [] : ['-t', seconds(plan.durationMs)]),
    ...['-i', plan.file],
    ...['-filter_complex', graph, '-map', '[out]', '-an', '-sn', '-dn'],
    ...['-map_metadata', '-1'],
    ...encoderArgs(plan.format),
    output,
  ];
}
