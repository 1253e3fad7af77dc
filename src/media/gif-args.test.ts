import { describe, expect, it } from 'vitest';
import type { ClipPlan } from './clip-plan.js';
import {
  escapeFilterGraph,
  escapeFilterValue,
  paletteStage,
  renderArgs,
  subtitlesFilter,
  videoFilters,
} from './gif-args.js';

const base: ClipPlan = {
  file: 'ep 1.mkv',
  videoStream: 0,
  format: 'gif',
  startMs: 2500,
  endMs: 4500,
  durationMs: 2000,
  requested: { startMs: 2500, endMs: 4500 },
  snapped: null,
  display: { width: 640, height: 480 },
  squarePixels: true,
  crop: null,
  width: 540,
  height: 405,
  fps: 15,
  frames: 30,
  sharpen: false,
  color: null,
};

describe('ffmpeg arguments for a clip', () => {
  it('escapes a path for the filter option and the graph', () => {
    expect(escapeFilterValue("C:\\it's")).toBe("C\\:\\\\it\\'s");
    expect(escapeFilterGraph('a,b;[c]')).toBe('a\\,b\\;\\[c\\]');
    expect(subtitlesFilter("/clips/it's: a, [b]/c.ass")).toBe(
      "subtitles=filename=/clips/it\\\\\\'s\\\\: a\\, \\[b\\]/c.ass",
    );
  });

  it('renders a GIF with one palette, mapped without dithering, in one graph', () => {
    expect(renderArgs(base, '/w/c.ass', 'out.part')).toEqual([
      ...['-nostdin', '-hide_banner', '-v', 'error', '-nostats', '-progress', 'pipe:2', '-y'],
      ...['-ss', '2.500', '-t', '2.000', '-i', 'ep 1.mkv'],
      '-filter_complex',
      '[0:0]fps=15,scale=540:405:flags=lanczos,setsar=1,subtitles=filename=/w/c.ass,' +
        'split[a][b];[a]palettegen[p];[b][p]paletteuse=dither=none[out]',
      ...['-map', '[out]', '-an', '-sn', '-dn', '-map_metadata', '-1'],
      ...['-loop', '0', '-f', 'gif', 'out.part'],
    ]);
  });

  it('builds the palette stage with the colours and dither asked', () => {
    expect(paletteStage(64, 'bayer')).toBe(
      'split[a][b];[a]palettegen=max_colors=64[p];[b][p]paletteuse=dither=bayer:bayer_scale=5',
    );
    expect(paletteStage(256, 'none')).toBe(
      'split[a][b];[a]palettegen[p];[b][p]paletteuse=dither=none',
    );
  });

  it('orders square pixels, crop, rate, size, sharpen, colour and captions', () => {
    const plan: ClipPlan = {
      ...base,
      squarePixels: false,
      display: { width: 853, height: 480 },
      crop: { width: 480, height: 480, x: 186, y: 0 },
      sharpen: true,
      color: { brightness: 0.05, contrast: 1.1, saturation: 1.2 },
    };
    expect(videoFilters(plan, null)).toEqual([
      'scale=853:480,setsar=1',
      'crop=480:480:186:0',
      'fps=15',
      'scale=540:405:flags=lanczos,setsar=1',
      'unsharp=5:5:0.8:5:5:0',
      'eq=brightness=0.05:contrast=1.1:saturation=1.2',
    ]);
  });

  it('encodes MP4 as H.264 yuv420p with faststart and WebP with libwebp_anim', () => {
    const mp4 = renderArgs({ ...base, format: 'mp4' }, null, 'o');
    expect(mp4.join(' ')).toContain(
      '-c:v libx264 -preset medium -crf 23 -pix_fmt yuv420p -movflags +faststart -f mp4 o',
    );
    expect(mp4.join(' ')).not.toContain('palettegen');
    const webp = renderArgs({ ...base, format: 'webp' }, null, 'o');
    expect(webp.join(' ')).toContain('-c:v libwebp_anim -lossless 0 -q:v 75 -loop 0 -f webp o');
  });

  it('writes one frame for a still, without a duration or a rate filter', () => {
    const png = renderArgs({ ...base, format: 'png', frames: 1 }, null, 'o');
    expect(png).not.toContain('-t');
    expect(png.join(' ')).toContain('[0:0]scale=540:405:flags=lanczos,setsar=1[out]');
    expect(png.join(' ')).toContain('-frames:v 1 -c:v png -f image2 -update 1 o');
    const jpg = renderArgs({ ...base, format: 'jpg', frames: 1 }, null, 'o');
    expect(jpg.join(' ')).toContain('-c:v mjpeg -q:v 2');
  });
});
