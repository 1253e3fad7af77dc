import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { MediaProbe } from '../domain/media.js';
import { probeVideo } from './probe.js';
import { browserPlayability, makeProxy, planProxy, proxyArgs } from './proxy.js';

function probeOf(
  container: string,
  video: string,
  audio: string | null,
  pixelFormat = 'yuv420p',
): MediaProbe {
  return {
    container,
    durationMs: 2000,
    sizeBytes: 1000,
    bitRate: null,
    video: {
      index: 0,
      codec: video,
      pixelFormat,
      width: 160,
      height: 90,
      sar: { num: 1, den: 1 },
      rotation: 0,
      displayWidth: 160,
      displayHeight: 90,
      frameRate: { num: 25, den: 1 },
      variableFrameRate: false,
      frames: null,
    },
    audio: audio === null ? null : { index: 1, codec: audio, channels: 2, sampleRate: 48000 },
  };
}

const MP4 = 'mov,mp4,m4a,3gp,3g2,mj2';
const MKV = 'matroska,webm';

describe('which videos Chromium plays', () => {
  it('plays H.264/AAC MP4 and VP9/Opus WebM as they are', () => {
    expect(browserPlayability(probeOf(MP4, 'h264', 'aac'), 'a.mp4').playable).toBe(true);
    expect(browserPlayability(probeOf(MKV, 'vp9', 'opus'), 'a.webm').playable).toBe(true);
    expect(browserPlayability(probeOf(MP4, 'av1', null), 'a.mp4').playable).toBe(true);
  });

  it('names what it cannot play: HEVC, 10-bit H.264, AC-3, Matroska, AVI', () => {
    const reason = (p: MediaProbe, f: string) => browserPlayability(p, f).reason;
    expect(reason(probeOf(MP4, 'hevc', 'aac'), 'a.mp4')).toBe('HEVC video');
    expect(reason(probeOf(MP4, 'h264', 'aac', 'yuv420p10le'), 'a.mp4')).toBe(
      'H.264 in yuv420p10le',
    );
    expect(reason(probeOf(MP4, 'h264', 'ac3'), 'a.mp4')).toBe('AC-3 audio');
    expect(reason(probeOf(MKV, 'h264', 'aac'), 'a.mkv')).toBe('Matroska container');
    expect(reason(probeOf('avi', 'mpeg4', 'mp3'), 'a.avi')).toBe('AVI container');
  });
});

describe('planning a playable copy', () => {
  it('copies the streams MP4 holds as Chromium plays them and encodes the rest', () => {
    const mkv = planProxy('in.mkv', probeOf(MKV, 'h264', 'ac3'), 'out.mp4');
    expect(mkv).toMatchObject({ video: 'copy', audio: 'aac', videoStream: 0, audioStream: 1 });
    const args = proxyArgs(mkv, 'out.part');
    expect(args.join(' ')).toContain('-map 0:0 -map 0:1 -c:v copy -c:a aac -b:a 160k -ac 2');
    expect(args.slice(-3)).toEqual(['-f', 'mp4', 'out.part']);
    const hevc = planProxy('in.mp4', probeOf(MP4, 'hevc', null), 'out.mp4');
    expect(hevc).toMatchObject({ video: 'h264', audio: null, audioStream: null });
    expect(proxyArgs(hevc, 'x').join(' ')).toMatch(/-c:v libx264 .* -pix_fmt yuv420p -an/);
  });
});

const HAS_X265 =
  spawnSync('ffmpeg', ['-hide_banner', '-encoders'], { encoding: 'utf8' }).stdout?.includes(
    'libx265',
  ) ?? false;

describe.skipIf(!HAS_X265)('making a playable copy', () => {
  const dir = mkdtempSync(join(tmpdir(), 'receipts-proxy-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('turns a tiny HEVC file into H.264 MP4 with progress, leaving no temp file', async () => {
    const input = join(dir, 'hevc.mp4');
    const made = spawnSync(
      'ffmpeg',
      [
        ...['-v', 'error', '-f', 'lavfi', '-i', 'testsrc=duration=1:size=160x90:rate=10'],
        ...['-c:v', 'libx265', '-preset', 'ultrafast', '-x265-params', 'log-level=error'],
        ...['-pix_fmt', 'yuv420p', '-y', input],
      ],
      { encoding: 'utf8' },
    );
    expect(made.status, made.stderr).toBe(0);
    const probe = await probeVideo(input);
    expect(browserPlayability(probe, input)).toEqual({ playable: false, reason: 'HEVC video' });
    const output = join(dir, 'cache', 'proxy.mp4');
    const seen: number[] = [];
    await makeProxy(planProxy(input, probe, output), { onProgress: (p) => seen.push(p) });
    expect(seen.at(-1)).toBe(100);
    const copy = await probeVideo(output);
    expect(copy.video.codec).toBe('h264');
    expect(browserPlayability(copy, output).playable).toBe(true);
    expect(readdirSync(join(dir, 'cache'))).toEqual(['proxy.mp4']);
  });

  it('keeps nothing when cancelled', async () => {
    const output = join(dir, 'cancelled', 'proxy.mp4');
    const input = join(dir, 'hevc.mp4');
    const probe = await probeVideo(input);
    const controller = new AbortController();
    controller.abort();
    await expect(
      makeProxy(planProxy(input, probe, output), { signal: controller.signal }),
    ).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(existsSync(output)).toBe(false);
    expect(readdirSync(join(dir, 'cancelled'))).toEqual([]);
  });
});
