import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReceiptsError } from '../src/domain/errors.js';
import { probeVideo } from '../src/media/probe.js';
import { runFfmpeg } from '../src/media/run-ffmpeg.js';
import { makeSampleVideo, SAMPLE } from '../src/media/sample-video.js';
import { detectShots, planShots, type ShotsPlan } from '../src/media/shots.js';

// Real ffmpeg on videos generated from lavfi sources: self-contained, no media files needed.
const dir = mkdtempSync(join(tmpdir(), 'receipts-media-'));
const sample = join(dir, 'sample.mkv');
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeAll(() => makeSampleVideo(sample), 60_000);

async function errorOf(p: Promise<unknown>): Promise<ReceiptsError> {
  const e: unknown = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(ReceiptsError);
  return e as ReceiptsError;
}

const planFor = async (file: string): Promise<ShotsPlan> => {
  const r = planShots(file, await probeVideo(file));
  if (!r.ok) throw new Error(r.reasons.join('; '));
  return r.plan;
};

/** ffmpeg writing `seconds` of a lavfi source to `output` with extra output options. */
const encode = (output: string, seconds: number, extra: string[] = []) =>
  runFfmpeg({
    tool: 'ffmpeg',
    file: output,
    output,
    args: [
      ...['-nostdin', '-v', 'error', '-y', '-f', 'lavfi'],
      ...['-i', `testsrc=size=160x90:rate=25:duration=${seconds}`],
      ...extra,
      ...['-c:v', 'libx264', '-preset', 'ultrafast', output],
    ],
  });

describe('probing real files', () => {
  it('reads duration, frame rate, size and codec of a generated video', async () => {
    const p = await probeVideo(sample);
    expect(p).toMatchObject({
      container: 'matroska,webm',
      durationMs: SAMPLE.durationMs,
      audio: null,
      video: {
        codec: 'h264',
        width: 160,
        height: 90,
        frameRate: SAMPLE.rate,
        variableFrameRate: false,
        rotation: 0,
      },
    });
  });

  it('reads a sample aspect ratio set at encoding', async () => {
    const file = join(dir, 'anamorphic.mkv');
    await encode(file, 1, ['-vf', 'setsar=64/45']);
    const p = await probeVideo(file);
    expect(p.video.sar).toEqual({ num: 64, den: 45 });
    expect(p.video.displayWidth).toBe(228);
  });

  it('names a missing file', async () => {
    const e = await errorOf(probeVideo(join(dir, 'nope.mkv')));
    expect(e.code).toBe('MEDIA_NOT_FOUND');
    expect(e.place.file).toBe(join(dir, 'nope.mkv'));
  });

  it("gives ffmpeg's own reason, on one line, for a file that is not a video", async () => {
    const file = join(dir, 'junk.mp4');
    writeFileSync(file, 'this is not a video\n'.repeat(50));
    const e = await errorOf(probeVideo(file));
    expect(e.code).toBe('MEDIA_UNREADABLE');
    expect(e.toLine()).toMatch(/junk\.mp4: ffprobe cannot read it: .*Invalid data found/);
    expect(e.toLine()).not.toContain('\n');
  });

  it('says where a cut-short file stops', async () => {
    const whole = join(dir, 'whole.mkv');
    await encode(whole, 20);
    const bytes = readFileSync(whole);
    const cut = join(dir, 'cut.mkv');
    writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length * 0.4)));
    expect((await probeVideo(whole)).durationMs).toBe(20_000);
    const e = await errorOf(probeVideo(cut));
    expect(e.code).toBe('MEDIA_TRUNCATED');
    expect(e.message).toMatch(/header says 0:20\.000, but its video data stops at 0:0\d\.\d{3}/);
  });
});

describe('finding shots with ffmpeg', () => {
  it('finds the cuts of the sample at their exact frames, and its fades', async () => {
    const progress: number[] = [];
    const commands: string[] = [];
    const shots = await detectShots(await planFor(sample), {
      onProgress: (p) => progress.push(p),
      onCommand: (c) => commands.push(c),
    });
    expect(shots.frames).toBe(SAMPLE.frames);
    expect(shots.cuts).toEqual(SAMPLE.cuts.map((frame) => ({ frame, ms: frame * 40 })));
    const [out, fadeIn] = shots.fades;
    expect(shots.fades).toHaveLength(2);
    expect(out).toMatchObject({ kind: 'out' });
    expect(out!.startFrame).toBeGreaterThanOrEqual(SAMPLE.fadeOut.from);
    expect(out!.startFrame).toBeLessThanOrEqual(SAMPLE.fadeOut.from + 2);
    expect(out!.endFrame).toBeLessThanOrEqual(SAMPLE.fadeOut.to);
    expect(fadeIn).toMatchObject({ kind: 'in' });
    expect(fadeIn!.startFrame).toBeGreaterThanOrEqual(SAMPLE.fadeIn.from);
    expect(fadeIn!.endFrame).toBeGreaterThanOrEqual(SAMPLE.fadeIn.to);
    expect(progress.at(-1)).toBe(100);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(commands).toEqual([
      expect.stringMatching(/^ffmpeg .* -i \S+sample\.mkv .*rawvideo pipe:1$/),
    ]);
  });

  it('stops ffmpeg when the signal aborts', async () => {
    const long = join(dir, 'long.mkv');
    await encode(long, 60);
    const controller = new AbortController();
    const e = await errorOf(
      detectShots(await planFor(long), {
        signal: controller.signal,
        onProgress: () => controller.abort(),
      }),
    );
    expect(e.code).toBe('CANCELLED');
  });

  it('leaves no partial output file when an encode is cancelled', async () => {
    const output = join(dir, 'partial.mkv');
    const controller = new AbortController();
    const run = runFfmpeg({
      tool: 'ffmpeg',
      file: 'testsrc',
      output,
      signal: controller.signal,
      args: [
        ...['-nostdin', '-v', 'error', '-progress', 'pipe:2', '-y', '-f', 'lavfi'],
        ...['-i', 'testsrc=size=320x240:rate=25:duration=600', '-c:v', 'libx264', output],
      ],
      onStderrLine: (line) => {
        if (line.startsWith('out_time_us=') && existsSync(output)) controller.abort();
      },
    });
    expect((await errorOf(run)).code).toBe('CANCELLED');
    expect(existsSync(output)).toBe(false);
  });

  it('refuses to start when the signal has already aborted', async () => {
    const e = await errorOf(
      runFfmpeg({ tool: 'ffprobe', args: ['-version'], file: sample, signal: AbortSignal.abort() }),
    );
    expect(e.code).toBe('CANCELLED');
  });

  it('says how to install ffmpeg when it is missing', async () => {
    const before = process.env.RECEIPTS_FFPROBE;
    process.env.RECEIPTS_FFPROBE = join(dir, 'no-such-ffprobe');
    const run = runFfmpeg({ tool: 'ffprobe', args: ['-version'], file: sample });
    if (before === undefined) delete process.env.RECEIPTS_FFPROBE;
    else process.env.RECEIPTS_FFPROBE = before;
    const e = await errorOf(run);
    expect(e.code).toBe('MEDIA_TOOL_MISSING');
    expect(e.message).toMatch(/install-system-packages\.sh/);
  });
});
