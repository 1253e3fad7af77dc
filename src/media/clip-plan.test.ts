import { describe, expect, it } from 'vitest';
import type { MediaProbe } from '../domain/media.js';
import { parseCrop, planClip, type ClipRequest } from './clip-plan.js';

const probe = (over: Partial<MediaProbe['video']> = {}, durationMs = 10_000): MediaProbe => ({
  container: 'matroska,webm',
  durationMs,
  sizeBytes: 1000,
  bitRate: null,
  audio: null,
  video: {
    index: 0,
    codec: 'h264',
    pixelFormat: 'yuv420p',
    width: 640,
    height: 480,
    sar: { num: 1, den: 1 },
    rotation: 0,
    displayWidth: 640,
    displayHeight: 480,
    frameRate: { num: 25, den: 1 },
    variableFrameRate: false,
    frames: 250,
    ...over,
  },
});

const req = (over: Partial<ClipRequest> = {}): ClipRequest => ({
  file: 'ep.mkv',
  startMs: 2000,
  endMs: 4000,
  ...over,
});

function plan(r: ClipRequest, p = probe()) {
  const result = planClip(r, p);
  if (!result.ok) throw new Error(result.problems.join('; '));
  return result.plan;
}

function problems(r: ClipRequest, p = probe()) {
  const result = planClip(r, p);
  return result.ok ? [] : result.problems;
}

describe('planClip', () => {
  it('plans a 540 px GIF at 15 fps by default, height from the aspect ratio', () => {
    const p = plan(req());
    expect(p).toMatchObject({ format: 'gif', width: 540, height: 405, fps: 15, frames: 30 });
    expect(p).toMatchObject({ startMs: 2000, endMs: 4000, durationMs: 2000, crop: null });
  });

  it('keeps odd sizes for GIF but makes them even for MP4', () => {
    expect(plan(req({ width: 177 }))).toMatchObject({ width: 177, height: 133 });
    expect(plan(req({ width: 177, format: 'mp4' }))).toMatchObject({ width: 178, height: 134 });
  });

  it('pads both edges and clamps the padding to the video', () => {
    expect(plan(req({ padMs: 500 }))).toMatchObject({ startMs: 1500, endMs: 4500 });
    expect(plan(req({ startMs: 200, endMs: 9800, padMs: 500 }))).toMatchObject({
      startMs: 0,
      endMs: 10_000,
    });
  });

  it('moves an edge onto a cut just inside the clip when snapping', () => {
    const p = plan(req({ cuts: [{ frame: 55, ms: 2200 }] }));
    expect(p.startMs).toBe(2200);
    expect(p.snapped).toEqual({ trimmedStart: 5, trimmedEnd: 0 });
    expect(p.requested).toEqual({ startMs: 2000, endMs: 4000 });
  });

  it('crops a centred square and a custom rectangle', () => {
    expect(plan(req({ crop: { kind: 'square' } }))).toMatchObject({
      crop: { width: 480, height: 480, x: 80, y: 0 },
      height: 540,
    });
    const r = parseCrop('320x240+10+20');
    expect(r).toEqual({ kind: 'rect', width: 320, height: 240, x: 10, y: 20 });
    expect(plan(req({ crop: r!, width: 268 }))).toMatchObject({ height: 201 });
  });

  it('resizes to the display shape when the pixels are not square', () => {
    const p = plan(
      req({ width: 540 }),
      probe({ width: 720, height: 480, sar: { num: 32, den: 27 }, displayWidth: 853 }),
    );
    expect(p.squarePixels).toBe(false);
    expect(p.display).toEqual({ width: 853, height: 480 });
    expect(p.height).toBe(304);
  });

  it('uses the rotated display size of a portrait phone video', () => {
    const p = plan(req(), probe({ rotation: 90, displayWidth: 480, displayHeight: 640 }));
    expect(p).toMatchObject({ width: 540, height: 720 });
  });

  it('plans a still as one frame at its time', () => {
    const p = plan(req({ format: 'png', startMs: 9990, endMs: 0 }));
    expect(p).toMatchObject({ frames: 1, startMs: 9990, format: 'png' });
  });

  it('refuses a range outside the video, of no length, or too long', () => {
    expect(problems(req({ startMs: 12_000, endMs: 13_000 }))).toEqual([
      'the start (0:12.000) is after the video ends (0:10.000)',
    ]);
    expect(problems(req({ endMs: 11_000 }))[0]).toMatch(/end \(0:11\.000\) is after the video/);
    expect(problems(req({ startMs: -1 }))[0]).toMatch(/before the video begins/);
    expect(problems(req({ endMs: 2000 }))).toEqual([
      'the clip has no length (from 0:02.000 to 0:02.000)',
    ]);
    expect(problems(req({ endMs: 1000 }))[0]).toMatch(/no length/);
    expect(problems(req({ endMs: 70_000 }), probe({}, 100_000))[0]).toMatch(/at most 1:00/);
  });

  it('reports every bad option at once', () => {
    const found = problems(
      req({ width: 5, fps: 0, crop: { kind: 'rect', width: 700, height: 100, x: 0, y: 0 } }),
    );
    expect(found).toHaveLength(3);
    expect(found.join('\n')).toMatch(/width/);
    expect(found.join('\n')).toMatch(/frame rate/);
    expect(found.join('\n')).toMatch(/does not fit the 640x480 frame/);
  });

  it('reads crop text or says it is not one', () => {
    expect(parseCrop('Square')).toEqual({ kind: 'square' });
    expect(parseCrop('full')).toEqual({ kind: 'full' });
    expect(parseCrop('300x300')).toBeNull();
  });
});
