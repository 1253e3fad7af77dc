import { describe, expect, it } from 'vitest';
import { parseFfmpegProgress, parseFfmpegTime } from './parse-ffmpeg-progress.js';

describe('parseFfmpegTime', () => {
  it('reads the microseconds of a -progress block', () => {
    expect(parseFfmpegTime('out_time_us=41667')).toBe(42);
    expect(parseFfmpegTime('out_time_us=70542000')).toBe(70_542);
  });

  it('reads the clock time of a -progress block and of a status line', () => {
    expect(parseFfmpegTime('out_time=00:00:00.041667')).toBe(42);
    expect(
      parseFfmpegTime(
        'frame=   24 fps=0.0 q=-0.0 Lsize=N/A time=00:00:01.00 bitrate=N/A speed=20.6x    ',
      ),
    ).toBe(1000);
    expect(
      parseFfmpegTime('frame= 1691 fps=812 q=-0.0 size=N/A time=01:02:03.50 bitrate=N/A'),
    ).toBe(3_723_500);
  });

  it('treats the negative time before the first frame as zero', () => {
    expect(parseFfmpegTime('out_time=-577014:32:22.775808')).toBe(0);
  });

  it('says when ffmpeg has finished', () => {
    expect(parseFfmpegTime('progress=end')).toBe('end');
    expect(parseFfmpegTime('progress=continue')).toBeNull();
  });

  it('ignores lines that carry no time', () => {
    for (const line of [
      'frame=24',
      'fps=0.00',
      'bitrate=  18.4kbits/s',
      'out_time_us=N/A',
      'out_time=N/A',
      '[matroska,webm @ 0x562f21949600] File ended prematurely',
      '',
    ]) {
      expect(parseFfmpegTime(line)).toBeNull();
    }
  });
});

describe('parseFfmpegProgress', () => {
  it('gives the share of the duration done, with one decimal', () => {
    expect(parseFfmpegProgress('out_time_us=35271000', 70_542)).toBe(50);
    expect(parseFfmpegProgress('out_time=00:00:00.041667', 70_542)).toBe(0.1);
  });

  it('never passes 100 and ends at 100', () => {
    expect(parseFfmpegProgress('out_time_us=71000000', 70_542)).toBe(100);
    expect(parseFfmpegProgress('progress=end', 0)).toBe(100);
  });

  it('has no percentage without a duration', () => {
    expect(parseFfmpegProgress('out_time_us=1000000', 0)).toBeNull();
    expect(parseFfmpegProgress('speed=6.14x', 1000)).toBeNull();
  });
});
