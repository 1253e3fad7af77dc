import { describe, expect, it } from 'vitest';
import { looksLikeTiming, parseAssTime, parseSrtTiming, parseVttTiming } from './cue-timing.js';

describe('parseSrtTiming', () => {
  it.each([
    ['00:00:01,000 --> 00:00:02,500', 1000, 2500],
    ['01:02:03,004 --> 01:02:04,000', 3_723_004, 3_724_000],
    ['00:00:01.5 --> 00:00:02.25', 1500, 2250],
    ['0:00:01,000-->0:00:02,000', 1000, 2000],
    ['00:01,000 --> 00:02,000', 1000, 2000],
    ['00:00:01 --> 00:00:10', 1000, 10_000],
    ['00:00:01,000 --> 00:00:02,000 X1:100 X2:200 Y1:10 Y2:20', 1000, 2000],
    ['  00:00:01,000   -->   00:00:02,000  ', 1000, 2000],
  ])('reads %j', (line, startMs, endMs) => {
    expect(parseSrtTiming(line)).toEqual({ ok: true, startMs, endMs });
  });

  it.each([
    ['00:00:0x,000 --> 00:00:02,000', 'malformed start time `00:00:0x,000`', 1],
    ['00:00:01,000 --> 00:61:02,000', 'malformed end time `00:61:02,000`', 18],
    ['-00:00:01,000 --> 00:00:02,000', 'negative start time `-00:00:01,000`', 1],
    ['00:00:01,000 -->', 'the cue has no end time', 17],
    ['00:00:03,000 --> 00:00:02,000', 'the cue ends at 0:02.000, before it starts at 0:03.000', 18],
  ])('rejects %j: %s', (line, reason, column) => {
    const r = parseSrtTiming(line);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.reason.startsWith(reason)).toBe(true);
      expect(r.column).toBe(column);
    }
  });
});

describe('parseVttTiming', () => {
  it.each([
    ['00:01.000 --> 00:02.000', 1000, 2000],
    ['1:00:01.000 --> 1:00:02.000 line:80% align:start', 3_601_000, 3_602_000],
    ['00:01.000 --> 00:02.000line:40%', 1000, 2000],
    ['00:01.000\t-->\t00:02.000', 1000, 2000],
    ['00:01.000 --> 00:01.000', 1000, 1000],
  ])('reads %j', (line, startMs, endMs) => {
    expect(parseVttTiming(line)).toEqual({ ok: true, startMs, endMs });
  });

  it.each([
    ['00:01,000 --> 00:02.000'],
    ['00:01.00 --> 00:02.000'],
    ['60:00.000 --> 61:00.000'],
    ['000:00.000 --> 00:02.000'],
    ['00:01.000 --> -00:02.000'],
  ])('rejects %j as the WebVTT spec does', (line) => {
    expect(parseVttTiming(line).ok).toBe(false);
  });
});

describe('parseAssTime', () => {
  it('reads centiseconds, milliseconds and whole seconds', () => {
    expect(parseAssTime('0:00:01.50')).toBe(1500);
    expect(parseAssTime(' 1:02:03.456 ')).toBe(3_723_456);
    expect(parseAssTime('0:00:07')).toBe(7000);
    expect(parseAssTime('0:00:07.5')).toBe(7500);
  });

  it('rejects what is not an ASS time', () => {
    for (const t of ['', '0:0x:01.00', '-0:00:01.00', '0:00:61.00', '00:01.00']) {
      expect(parseAssTime(t), t).toBeNull();
    }
  });
});

describe('looksLikeTiming', () => {
  it('sees a timing line meant as one, even malformed, and not dialogue with an arrow', () => {
    expect(looksLikeTiming('00:00:0x,000 --> 00:00:02,000')).toBe(true);
    expect(looksLikeTiming('-1 --> 2')).toBe(true);
    expect(looksLikeTiming('I --> you')).toBe(false);
    expect(looksLikeTiming('00:00:01,000 -> 00:00:02,000')).toBe(false);
    expect(looksLikeTiming('00:00:01,000 -> 00:00:02,000', true)).toBe(true);
    expect(looksLikeTiming('00:00:01,000 \u2192 00:00:02,000', true)).toBe(true);
  });
});
