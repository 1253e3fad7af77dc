import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MediaProbe } from '../src/domain/media.js';
import { captionsAss, captionsForClip } from '../src/media/captions-ass.js';
import { planClip, type ClipPlan, type ClipRequest } from '../src/media/clip-plan.js';
import { probeVideo, videoFileKey } from '../src/media/probe.js';
import { renderClip } from '../src/media/render-clip.js';
import { runFfmpeg } from '../src/media/run-ffmpeg.js';
import { makeSampleVideo } from '../src/media/sample-video.js';

const dir = mkdtempSync(join(tmpdir(), 'receipts-gif-render-'));
// Quotes, colons, commas and brackets: the caption file's path must be escaped for ffmpeg.
const awkward = join(dir, "it's: a, [test]");
const video = join(dir, 'sample.mkv');
const cache = join(dir, 'cache');
let probe: MediaProbe;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeAll(async () => {
  mkdirSync(awkward);
  await makeSampleVideo(video);
  probe = await probeVideo(video);
}, 60_000);

function plan(over: Partial<ClipRequest> = {}): ClipPlan {
  const r = planClip({ file: video, startMs: 1000, endMs: 3000, width: 268, ...over }, probe);
  if (!r.ok) throw new Error(r.problems.join('; '));
  return r.plan;
}

const caption = (p: ClipPlan) =>
  captionsAss(
    captionsForClip(
      [{ startMs: 1200, endMs: 2600, styled: '<i>Hildy!</i>\nHow are you?', speaker: 'Walter' }],
      p.startMs,
      p.durationMs,
    ),
    { width: p.width, height: p.height, speakers: true },
  );

/** What ffprobe says of a file: format, codec, size and counted frames. */
async function facts(file: string) {
  const { stdout } = await runFfmpeg({
    tool: 'ffprobe',
    file,
    args: [
      ...['-v', 'error', '-count_frames', '-select_streams', 'v:0'],
      ...['-show_entries', 'format=format_name:stream=codec_name,width,height,nb_read_frames'],
      ...['-of', 'json', file],
    ],
  });
  const j = JSON.parse(stdout.toString('utf8')) as {
    format: { format_name: string };
    streams: { codec_name: string; width: number; height: number; nb_read_frames: string }[];
  };
  const s = j.streams[0]!;
  return {
    format: j.format.format_name,
    codec: s.codec_name,
    width: s.width,
    height: s.height,
    frames: Number(s.nb_read_frames),
  };
}

const leftovers = (folder: string) => readdirSync(folder).filter((f) => f.endsWith('.part'));

describe('renderClip on a generated video', () => {
  it('renders a captioned 2 s GIF of the planned size and frame count, leaving no temp file', async () => {
    const p = plan();
    const out = join(awkward, 'clip.gif');
    const percents: number[] = [];
    const made = await renderClip(
      { plan: p, video: videoFileKey(video), captions: caption(p), output: out },
      { cacheDir: cache, tempDir: awkward, onProgress: (x) => percents.push(x) },
    );
    expect(made).toMatchObject({ width: 268, height: 151, fps: 15, frames: 30, cached: false });
    expect(await facts(out)).toEqual({
      format: 'gif',
      codec: 'gif',
      width: 268,
      height: 151,
      frames: 30,
    });
    expect(percents.at(-1)).toBe(100);
    expect(leftovers(awkward)).toEqual([]);
    expect(readdirSync(awkward)).toEqual(['clip.gif']); // the caption folder is gone too
  });

  it('burns the caption in: captioned frames differ from uncaptioned ones', async () => {
    const p = plan({ format: 'png' });
    const a = join(dir, 'with.png');
    const b = join(dir, 'without.png');
    const v = videoFileKey(video);
    const withCaption = captionsAss(
      [{ startMs: 0, endMs: 1000, styled: 'A LINE', speaker: null }],
      { width: p.width, height: p.height, speakers: false },
    );
    const one = await renderClip({ plan: p, video: v, captions: withCaption, output: a });
    const two = await renderClip({ plan: p, video: v, captions: null, output: b });
    expect(await facts(a)).toMatchObject({ codec: 'png', width: 268, height: 151, frames: 1 });
    expect(one.bytes).not.toBe(two.bytes);
  });

  it('copies a repeat render from the cache', async () => {
    const p = plan();
    const out = join(dir, 'again.gif');
    const request = { plan: p, video: videoFileKey(video), captions: caption(p), output: out };
    const first = await renderClip(request, { cacheDir: join(dir, 'cache-2') });
    const started = performance.now();
    const second = await renderClip(request, { cacheDir: join(dir, 'cache-2') });
    expect(first.cached).toBe(false);
    expect(second.cached).toBe(true);
    expect(second.bytes).toBe(first.bytes);
    expect(second.frames).toBe(first.frames);
    expect(performance.now() - started).toBeLessThan(200);
  });

  it('renders MP4 as H.264 and WebP as an animation of the planned size', async () => {
    const v = videoFileKey(video);
    const mp4 = plan({ format: 'mp4' });
    await renderClip({ plan: mp4, video: v, captions: caption(mp4), output: join(dir, 'c.mp4') });
    expect(await facts(join(dir, 'c.mp4'))).toMatchObject({
      codec: 'h264',
      width: 268,
      height: 150,
      frames: 50,
    });
    // ffmpeg cannot decode animated WebP: read the RIFF header's canvas size and ANIM chunk.
    const webp = plan({ format: 'webp' });
    await renderClip({ plan: webp, video: v, captions: null, output: join(dir, 'c.webp') });
    const bytes = readFileSync(join(dir, 'c.webp'));
    expect(bytes.toString('latin1', 0, 4) + bytes.toString('latin1', 8, 16)).toBe('RIFFWEBPVP8X');
    expect(bytes.readUIntLE(24, 3) + 1).toBe(268);
    expect(bytes.readUIntLE(27, 3) + 1).toBe(151);
    expect(bytes.includes(Buffer.from('ANIM'))).toBe(true);
  });

  it('leaves nothing when the render is cancelled', async () => {
    const folder = join(dir, 'cancelled');
    mkdirSync(folder);
    const controller = new AbortController();
    const p = plan({ startMs: 0, endMs: 6800, width: 540, fps: 25 });
    const rendering = renderClip(
      { plan: p, video: videoFileKey(video), captions: caption(p), output: join(folder, 'x.gif') },
      {
        signal: controller.signal,
        cacheDir: join(folder, 'cache'),
        onProgress: () => controller.abort(),
      },
    );
    setTimeout(() => controller.abort(), 100);
    await expect(rendering).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(readdirSync(folder)).toEqual([]);
  });

  it('refuses a range outside the video and one of no length before ffmpeg runs', () => {
    const outside = planClip({ file: video, startMs: 6000, endMs: 9000 }, probe);
    expect(outside).toEqual({
      ok: false,
      problems: ['the end (0:09.000) is after the video ends (0:06.800)'],
    });
    const empty = planClip({ file: video, startMs: 3000, endMs: 3000 }, probe);
    expect(empty.ok).toBe(false);
  });

  it('reports a missing video by name', async () => {
    await expect(probeVideo(join(dir, 'gone.mkv'))).rejects.toMatchObject({
      code: 'MEDIA_NOT_FOUND',
    });
  });
});
