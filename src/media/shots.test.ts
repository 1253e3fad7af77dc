import { describe, expect, it } from 'vitest';
import type { MediaProbe } from '../domain/media.js';
import { THUMB_BYTES } from './shot-detect.js';
import {
  planShots,
  shotsArgs,
  shotsFromThumbnails,
  SHOTS_METHOD,
  type ShotsPlan,
} from './shots.js';

const probe = (over: Partial<MediaProbe['video']> = {}, durationMs = 70_542): MediaProbe => ({
  container: 'matroska,webm',
  durationMs,
  sizeBytes: 3_451_423,
  bitRate: null,
  video: {
    index: 0,
    codec: 'vp8',
    pixelFormat: 'yuv420p',
    width: 800,
    height: 332,
    sar: { num: 1, den: 1 },
    rotation: 0,
    displayWidth: 800,
    displayHeight: 332,
    frameRate: { num: 24, den: 1 },
    variableFrameRate: false,
    frames: null,
    ...over,
  },
  audio: null,
});

const planOf = (p: MediaProbe): ShotsPlan => {
  const r = planShots('ep 1.webm', p);
  if (!r.ok) throw new Error(r.reasons.join('; '));
  return r.plan;
};

describe('planShots', () => {
  it('plans on the video stream at its own frame rate', () => {
    expect(planOf(probe({ index: 2 }))).toEqual({
      file: 'ep 1.webm',
      videoStream: 2,
      durationMs: 70_542,
      frameRate: { num: 24, den: 1 },
      resample: false,
    });
  });

  it('resamples a variable-rate video to its average rate', () => {
    const plan = planOf(probe({ variableFrameRate: true, frameRate: { num: 1793, den: 60 } }));
    expect(plan.resample).toBe(true);
    expect(shotsArgs(plan)).toContain('fps=1793/60,scale=8:4:flags=area,format=yuv444p');
  });

  it('gives every reason a plan cannot be made', () => {
    expect(planShots('x.mkv', probe({ frameRate: { num: 1, den: 5 } }, 0))).toEqual({
      ok: false,
      reasons: [
        'the video has no duration',
        "its frame rate (1/5) is not a video's (1-240 frames/s)",
      ],
    });
  });
});

describe('shotsArgs', () => {
  it('decodes only the planned stream into 8x4 thumbnails on stdout, with progress on stderr', () => {
    expect(shotsArgs(planOf(probe()))).toEqual([
      '-nostdin',
      '-hide_banner',
      '-v',
      'error',
      '-nostats',
      '-progress',
      'pipe:2',
      '-skip_loop_filter',
      'all',
      '-i',
      'ep 1.webm',
      '-map',
      '0:0',
      '-an',
      '-sn',
      '-dn',
      '-vf',
      'scale=8:4:flags=area,format=yuv444p',
      '-f',
      'rawvideo',
      'pipe:1',
    ]);
  });
});

describe('shotsFromThumbnails', () => {
  it('times cuts by frame number at the plan rate', () => {
    const plan = planOf(probe({ frameRate: { num: 24_000, den: 1001 } }, 5000));
    const bytes = new Uint8Array(120 * THUMB_BYTES);
    bytes.fill(200, 48 * THUMB_BYTES); // frames 48.. are bright: one cut
    const shots = shotsFromThumbnails(bytes, plan);
    expect(shots).toEqual({
      frameRate: { num: 24_000, den: 1001 },
      frames: 120,
      durationMs: 5000,
      cuts: [{ frame: 48, ms: 2002 }],
      fades: [],
      method: SHOTS_METHOD,
    });
  });
});
