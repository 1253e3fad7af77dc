import { describe, expect, it } from 'vitest';
import { ffmpegReason, formatCommand, isProgressLine, shellQuote } from './ffmpeg-output.js';

describe('formatCommand', () => {
  it('quotes only the arguments a shell would split or expand', () => {
    expect(
      formatCommand('ffmpeg', [
        '-i',
        'My Show/S01E01 (HD).mkv',
        '-vf',
        "select='gt(scene,0.4)'",
        '-f',
        'null',
        '-',
      ]),
    ).toBe(`ffmpeg -i 'My Show/S01E01 (HD).mkv' -vf 'select='\\''gt(scene,0.4)'\\''' -f null -`);
  });

  it('quotes an empty argument', () => {
    expect(shellQuote('')).toBe("''");
    expect(shellQuote('scale=8:4:flags=area,format=yuv444p')).toBe(
      'scale=8:4:flags=area,format=yuv444p',
    );
  });
});

describe('ffmpegReason', () => {
  it('keeps the demuxer message and ffmpeg conclusion, without prefixes or the file name', () => {
    expect(
      ffmpegReason(
        [
          '[mov,mp4,m4a,3gp,3g2,mj2 @ 0x55b0182c51c0] moov atom not found',
          'text.mp4: Invalid data found when processing input',
        ],
        'text.mp4',
      ),
    ).toBe('moov atom not found; Invalid data found when processing input');
  });

  it('skips progress lines and repeated messages', () => {
    expect(
      ffmpegReason([
        'frame=1',
        'out_time_us=41667',
        'progress=continue',
        '[vp8 @ 0x5611] Discarding interframe without a prior keyframe!',
        '[vp8 @ 0x5611] Discarding interframe without a prior keyframe!',
      ]),
    ).toBe('Discarding interframe without a prior keyframe!');
    expect(ffmpegReason(['progress=end'])).toBe('no reason given');
  });

  it('recognises both kinds of progress output', () => {
    expect(isProgressLine('frame=   24 fps=0.0 q=-0.0 Lsize=N/A time=00:00:01.00')).toBe(true);
    expect(isProgressLine('out_time=00:00:00.041667')).toBe(true);
    expect(isProgressLine('Error opening input file x.mkv.')).toBe(false);
  });
});
