import { describe, expect, it } from 'vitest';
import {
  assText,
  assTime,
  captionFontSize,
  captionOutline,
  captionsAss,
  captionsForClip,
  parseCustomCaption,
} from './captions-ass.js';

describe('captions as ASS', () => {
  it('writes times in centiseconds', () => {
    expect(assTime(0)).toBe('0:00:00.00');
    expect(assTime(61_234)).toBe('0:01:01.23');
    expect(assTime(3_723_456)).toBe('1:02:03.46');
    expect(assTime(-50)).toBe('0:00:00.00');
  });

  it('keeps italics and line breaks and defuses braces and backslashes', () => {
    expect(assText('<i>Hildy!</i>\nHow are you?')).toBe('{\\i1}Hildy!{\\i0}\\NHow are you?');
    expect(assText('a {b} c\\n <b>d</b>')).toBe('a (b) c\u29f5n d');
  });

  it('scales the font and outline to the output width', () => {
    expect(captionFontSize(540)).toBe(39);
    expect(captionFontSize(268)).toBe(19);
    expect(captionFontSize(177)).toBe(13);
    expect(captionOutline(540)).toBe(3);
    expect(captionOutline(177)).toBe(1);
  });

  it('shifts cues to the clip, clamps them and drops those outside', () => {
    const cues = [
      { startMs: 500, endMs: 1500, styled: 'before and into', speaker: null },
      { startMs: 2000, endMs: 2500, styled: 'inside', speaker: 'Walter' },
      { startMs: 2900, endMs: 4000, styled: 'past the end', speaker: null },
      { startMs: 5000, endMs: 6000, styled: 'after', speaker: null },
    ];
    expect(captionsForClip(cues, 1000, 2000)).toEqual([
      { startMs: 0, endMs: 500, styled: 'before and into', speaker: null },
      { startMs: 1000, endMs: 1500, styled: 'inside', speaker: 'Walter' },
      { startMs: 1900, endMs: 2000, styled: 'past the end', speaker: null },
    ]);
  });

  it('writes the whole document: style, and parts sharing times stacked in one event', () => {
    const doc = captionsAss(
      [
        { startMs: 0, endMs: 999, styled: '<i>Hildy!</i>', speaker: 'Walter' },
        { startMs: 1000, endMs: 1500, styled: 'Yes.', speaker: 'Hildy' },
        { startMs: 1000, endMs: 1500, styled: 'No.', speaker: null },
      ],
      { width: 540, height: 404, speakers: true },
    );
    expect(doc).toBe(
      [
        '[Script Info]',
        'ScriptType: v4.00+',
        'PlayResX: 540',
        'PlayResY: 404',
        'ScaledBorderAndShadow: yes',
        'WrapStyle: 0',
        '',
        '[V4+ Styles]',
        'Format: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, BackColour, Bold, Italic, Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, BorderStyle, Outline, Shadow, Alignment, MarginL, MarginR, MarginV, Encoding',
        'Style: Caption,Liberation Sans,39,&H00FFFFFF,&H00FFFFFF,&H00000000,&H00000000,0,0,0,0,100,100,0,0,1,3,0,2,20,20,20,1',
        '',
        '[Events]',
        'Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text',
        'Dialogue: 0,0:00:00.00,0:00:01.00,Caption,,0,0,0,,Walter: {\\i1}Hildy!{\\i0}',
        'Dialogue: 0,0:00:01.00,0:00:01.50,Caption,,0,0,0,,Hildy: Yes.\\NNo.',
        '',
      ].join('\n'),
    );
  });

  it('leaves speaker names out unless asked', () => {
    const doc = captionsAss([{ startMs: 0, endMs: 500, styled: 'Hi', speaker: 'Walter' }], {
      width: 268,
      height: 200,
      speakers: false,
      font: 'DejaVu Sans',
    });
    expect(doc).toContain('Style: Caption,DejaVu Sans,19,');
    expect(doc).toContain(',,Hi\n');
  });

  it('reads custom captions for the whole clip or with their own timing', () => {
    expect(parseCustomCaption('Oh no', 3000)).toEqual({
      startMs: 0,
      endMs: 3000,
      styled: 'Oh no',
      speaker: null,
    });
    expect(parseCustomCaption('0.5-2.25=<i>Oh</i> no', 3000)).toEqual({
      startMs: 500,
      endMs: 2250,
      styled: '<i>Oh</i> no',
      speaker: null,
    });
    expect(parseCustomCaption('1-9=clamped', 3000)?.endMs).toBe(3000);
    expect(parseCustomCaption('4-5=outside', 3000)).toBeNull();
  });
});
