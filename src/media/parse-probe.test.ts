import { describe, expect, it } from 'vitest';
import { ReceiptsError } from '../domain/errors.js';
import type { MediaProbe } from '../domain/media.js';
import { checkComplete, parseLastPacketMs, parseProbeJson, parseRational } from './parse-probe.js';

/** ffprobe JSON with one video stream (overridable) and optional extra streams. */
function probeJson(video: Record<string, unknown>, extra: unknown[] = [], format = {}): string {
  return JSON.stringify({
    streams: [
      {
        index: 0,
        codec_name: 'h264',
        codec_type: 'video',
        width: 1920,
        height: 1080,
        pix_fmt: 'yuv420p',
        sample_aspect_ratio: '1:1',
        r_frame_rate: '24000/1001',
        avg_frame_rate: '24000/1001',
        disposition: { default: 1, attached_pic: 0 },
        ...video,
      },
      ...extra,
    ],
    format: {
      format_name: 'matroska,webm',
      duration: '1420.091000',
      size: '734003200',
      bit_rate: '4134965',
      ...format,
    },
  });
}

const errorOf = (fn: () => unknown): ReceiptsError => {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ReceiptsError);
    return e as ReceiptsError;
  }
  throw new Error('expected an error');
};

describe('parseProbeJson', () => {
  it('reads the facts of a real WebM film clip (ffprobe 5.1 output)', () => {
    const text = `{
      "streams": [
        { "index": 0, "codec_name": "vp8", "codec_type": "video", "width": 800, "height": 332,
          "sample_aspect_ratio": "399:400", "display_aspect_ratio": "399:166", "pix_fmt": "yuv420p",
          "r_frame_rate": "24/1", "avg_frame_rate": "24/1", "time_base": "1/1000",
          "start_time": "0.000000", "disposition": { "default": 1, "attached_pic": 0 } },
        { "index": 1, "codec_name": "vorbis", "codec_type": "audio", "sample_rate": "44100",
          "channels": 2, "r_frame_rate": "0/0", "avg_frame_rate": "0/0" }
      ],
      "format": { "filename": "clip.webm", "format_name": "matroska,webm", "duration": "70.542000",
        "size": "3451423", "bit_rate": "391418", "probe_score": 100 }
    }`;
    expect(parseProbeJson(text, 'clip.webm')).toEqual<MediaProbe>({
      container: 'matroska,webm',
      durationMs: 70_542,
      sizeBytes: 3_451_423,
      bitRate: 391_418,
      video: {
        index: 0,
        codec: 'vp8',
        pixelFormat: 'yuv420p',
        width: 800,
        height: 332,
        sar: { num: 399, den: 400 },
        rotation: 0,
        displayWidth: 798,
        displayHeight: 332,
        frameRate: { num: 24, den: 1 },
        variableFrameRate: false,
        frames: null,
      },
      audio: { index: 1, codec: 'vorbis', channels: 2, sampleRate: 44_100 },
    });
  });

  it('flags a variable frame rate and counts in the average rate', () => {
    const p = parseProbeJson(
      probeJson({ r_frame_rate: '30/1', avg_frame_rate: '1793/60', nb_frames: '1793' }),
      'phone.mp4',
    );
    expect(p.video.variableFrameRate).toBe(true);
    expect(p.video.frameRate).toEqual({ num: 1793, den: 60 });
    expect(p.video.frames).toBe(1793);
    // A constant-rate file whose average is off by a rounding error is not variable.
    const cfr = parseProbeJson(probeJson({ avg_frame_rate: '34045000/1420091' }), 'a.mkv');
    expect(cfr.video.variableFrameRate).toBe(false);
  });

  it('falls back to the base rate when there is no average', () => {
    const p = parseProbeJson(probeJson({ avg_frame_rate: '0/0', r_frame_rate: '25/1' }), 'a.ts');
    expect(p.video.frameRate).toEqual({ num: 25, den: 1 });
    expect(p.video.variableFrameRate).toBe(false);
  });

  it('turns a display-matrix rotation into a clockwise quarter turn and swaps the display size', () => {
    const p = parseProbeJson(
      probeJson({
        width: 1920,
        height: 1080,
        side_data_list: [
          {
            side_data_type: 'Display Matrix',
            displaymatrix: '\n00000000:            0       65536           0\n',
            rotation: -90,
          },
        ],
      }),
      'portrait.mp4',
    );
    expect(p.video.rotation).toBe(90);
    expect([p.video.displayWidth, p.video.displayHeight]).toEqual([1080, 1920]);
    const upside = parseProbeJson(probeJson({ side_data_list: [{ rotation: 180 }] }), 'b.mp4');
    expect(upside.video.rotation).toBe(180);
    expect([upside.video.displayWidth, upside.video.displayHeight]).toEqual([1920, 1080]);
  });

  it('reads the legacy rotate tag', () => {
    expect(parseProbeJson(probeJson({ tags: { rotate: '270' } }), 'old.mov').video.rotation).toBe(
      270,
    );
  });

  it('applies an anamorphic sample aspect ratio to the display width', () => {
    const p = parseProbeJson(
      probeJson({ width: 720, height: 576, sample_aspect_ratio: '64:45' }),
      'dvd.mkv',
    );
    expect(p.video.sar).toEqual({ num: 64, den: 45 });
    expect([p.video.displayWidth, p.video.displayHeight]).toEqual([1024, 576]);
    const unknown = parseProbeJson(probeJson({ sample_aspect_ratio: '0:1' }), 'x.mkv');
    expect(unknown.video.sar).toEqual({ num: 1, den: 1 });
  });

  it('reads the frame count a Matroska muxer left in the tags', () => {
    const p = parseProbeJson(probeJson({ tags: { NUMBER_OF_FRAMES: '34045' } }), 'a.mkv');
    expect(p.video.frames).toBe(34_045);
  });

  it('has no audio facts for a silent file', () => {
    expect(parseProbeJson(probeJson({}), 'silent.mkv').audio).toBeNull();
  });

  it('refuses a file without a video stream, naming it', () => {
    const audioOnly = JSON.stringify({
      streams: [{ index: 0, codec_type: 'audio', codec_name: 'mp3' }],
      format: { duration: '200.0' },
    });
    const e = errorOf(() => parseProbeJson(audioOnly, 'song.mp3'));
    expect(e.code).toBe('MEDIA_UNREADABLE');
    expect(e.toLine()).toBe('song.mp3: ffprobe cannot read it: no video stream.');
    // Cover art is a "video" stream of one picture, not a video.
    const coverArt = JSON.stringify({
      streams: [
        { index: 0, codec_type: 'audio', codec_name: 'mp3' },
        { index: 1, codec_type: 'video', codec_name: 'mjpeg', disposition: { attached_pic: 1 } },
      ],
      format: { duration: '200.0' },
    });
    expect(errorOf(() => parseProbeJson(coverArt, 'song.mp3')).message).toMatch(/no video stream/);
  });

  it('refuses output with no streams, no duration or no JSON', () => {
    expect(errorOf(() => parseProbeJson('{}', 'x.mkv')).message).toMatch(/no streams at all/);
    expect(
      errorOf(() => parseProbeJson(probeJson({}, [], { duration: 'N/A' }), 'x.h264')).message,
    ).toMatch(/no duration/);
    expect(errorOf(() => parseProbeJson('', 'x.mkv')).message).toMatch(/not JSON/);
    expect(
      errorOf(() => parseProbeJson(probeJson({ width: 0, avg_frame_rate: '0/0' }), 'x.mkv'))
        .message,
    ).toMatch(/no size or frame rate/);
  });
});

describe('parseRational', () => {
  it('reads both separators and refuses zero parts', () => {
    expect(parseRational('30000/1001')).toEqual({ num: 30_000, den: 1001 });
    expect(parseRational('4:3')).toEqual({ num: 4, den: 3 });
    expect(parseRational('0/0')).toBeNull();
    expect(parseRational('N/A')).toBeNull();
    expect(parseRational(undefined)).toBeNull();
  });
});

describe('truncated files', () => {
  const probe = parseProbeJson(probeJson({}, [], { duration: '70.542000' }), 'clip.webm');

  it('reads the last packet time from ffprobe csv output', () => {
    expect(parseLastPacketMs('17.000000\n17.042000\n')).toBe(17_042);
    expect(parseLastPacketMs('70.375000,K__\n70.417000,___\n')).toBe(70_417);
    expect(parseLastPacketMs('')).toBeNull();
    expect(parseLastPacketMs('N/A\n')).toBeNull();
  });

  it('accepts a file whose video runs to its stated duration', () => {
    expect(() => checkComplete(probe, 70_417, 'clip.webm')).not.toThrow();
  });

  it('says where the video data of a cut-short file stops', () => {
    const e = errorOf(() => checkComplete(probe, 17_042, 'clip.webm'));
    expect(e.code).toBe('MEDIA_TRUNCATED');
    expect(e.toLine()).toBe(
      'clip.webm: The file is cut short: its header says 1:10.542, but its video data stops at 0:17.042.',
    );
  });

  it('treats no readable packet near the end as cut short', () => {
    expect(errorOf(() => checkComplete(probe, null, 'clip.mp4')).message).toMatch(
      /no video data can be read near its end/,
    );
  });
});
