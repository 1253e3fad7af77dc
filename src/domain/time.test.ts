import { describe, expect, it } from 'vitest';
import { formatTimecode, parseTimecode } from './time.js';

describe('timecodes', () => {
  it('parses the forms people type', () => {
    expect(parseTimecode('41:12.3')).toBe(2_472_300);
    expect(parseTimecode('1:02:03,456')).toBe(3_723_456);
    expect(parseTimecode('00:00:09,801')).toBe(9_801);
    expect(parseTimecode('12.5')).toBe(12_500);
    expect(parseTimecode('12.5s')).toBe(12_500);
  });

  it('rejects what is not a timecode', () => {
    for (const t of ['', 'abc', '1:60', '1:61:00', '-1:00', '1:2:3:4'])
      expect(parseTimecode(t)).toBeNull();
  });

  it('formats ms for display and round-trips', () => {
    expect(formatTimecode(2_472_300)).toBe('41:12.300');
    expect(formatTimecode(3_723_456)).toBe('1:02:03.456');
    expect(formatTimecode(5_000, { fraction: false })).toBe('0:05');
    for (const ms of [0, 999, 59_999, 3_600_000, 36_000_001])
      expect(parseTimecode(formatTimecode(ms))).toBe(ms);
  });
});
