import { describe, expect, it } from 'vitest';
import {
  chooseSubtitleFormat,
  formatFromFileName,
  sniffSubtitleFormat,
} from './subtitle-format.js';

describe('formatFromFileName', () => {
  it('knows .srt, .vtt, .ass and .ssa in any case', () => {
    expect(['a.srt', 'b.VTT', 'c.ass', 'd.ssa', 'e.txt', 'noext'].map(formatFromFileName)).toEqual([
      'srt',
      'vtt',
      'ass',
      'ass',
      null,
      null,
    ]);
  });
});

describe('sniffSubtitleFormat', () => {
  it.each([
    ['WEBVTT\n\n00:01.000 --> 00:02.000\nHi', 'vtt'],
    ['WEBVTT - Title\n', 'vtt'],
    ['\n\nWEBVTT\n', 'vtt'],
    ['\uFEFFWEBVTT', 'vtt'],
    ['[Script Info]\nTitle: x', 'ass'],
    ['; comment\n[Events]\nDialogue: 0,0:00:01.00,0:00:02.00,,,0,0,0,,Hi', 'ass'],
    ['1\n00:00:01,000 --> 00:00:02,000\nHi', 'srt'],
    ['1\n00:00:0x,000 --> 00:00:02,000\nHi', 'srt'],
    ['00:01.000 --> 00:02.000\nHi', 'timed'],
    ['00:00:01.000 --> 00:00:02.000\nHi', 'timed'],
    ['WEBVTTX\n', null],
    ['Hello --> world', null],
    ['Just text.', null],
  ])('reads %j as %s', (text, expected) => {
    expect(sniffSubtitleFormat(text)).toBe(expected);
  });
});

describe('chooseSubtitleFormat', () => {
  it('lets a content signature win over the hint', () => {
    expect(chooseSubtitleFormat('vtt', 'srt')).toBe('vtt');
    expect(chooseSubtitleFormat('ass', null)).toBe('ass');
  });

  it('uses the hint only to tell SRT from a WebVTT file missing its signature', () => {
    expect(chooseSubtitleFormat('timed', 'vtt')).toBe('vtt');
    expect(chooseSubtitleFormat('timed', null)).toBe('srt');
    expect(chooseSubtitleFormat('timed', 'ass')).toBe('srt');
  });

  it('gives up on content with no signature at all', () => {
    expect(chooseSubtitleFormat(null, 'srt')).toBeNull();
  });
});
