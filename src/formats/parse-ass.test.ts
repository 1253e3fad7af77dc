import { describe, expect, it } from 'vitest';
import { styledOf } from './rich-text.js';
import { assTextToLines, parseAss } from './parse-ass.js';

const styled = (
  text: string,
  baseItalic = false,
  styles = new Map<string, boolean>(),
  wrap2 = false,
) => assTextToLines(text, baseItalic, styles, wrap2).map(styledOf);

describe('assTextToLines', () => {
  it('reads \\N as a line break, \\n as a space (a break under WrapStyle 2), \\h as a space', () => {
    expect(styled('one\\Ntwo\\nthree\\hfour')).toEqual(['one', 'two three four']);
    expect(styled('one\\ntwo', false, new Map(), true)).toEqual(['one', 'two']);
  });

  it('follows \\i1, \\i0, a bare \\i and \\r back to the style default', () => {
    expect(styled('{\\i1}a{\\i0} b {\\i1}c{\\i} d')).toEqual(['<i>a</i> b <i>c</i> d']);
    expect(styled('a {\\i0}b{\\r} c', true)).toEqual(['<i>a </i>b<i> c</i>']);
    expect(styled('a {\\rThoughts}b', false, new Map([['Thoughts', true]]))).toEqual([
      'a <i>b</i>',
    ]);
  });

  it('ignores tags that only start like \\i or \\p (\\iclip, \\pos, \\pbo)', () => {
    expect(styled('{\\iclip(0,0,10,10)\\pos(1,2)\\pbo3}Text')).toEqual(['Text']);
  });

  it('drops drawing commands between \\p1 and \\p0 and keeps the text after', () => {
    expect(styled('{\\p1}m 0 0 l 10 0 10 10{\\p0}Sign')).toEqual(['Sign']);
  });

  it('drops comments in braces and keeps an unclosed brace as text', () => {
    expect(styled('Hi{TL note: a pun} there {oops')).toEqual(['Hi there {oops']);
  });
});

describe('parseAss', () => {
  const head = '[Script Info]\nScriptType: v4.00+\n\n[Events]\n';

  it('finds columns by the Format line, so reordered and SSA columns work', () => {
    const { cues } = parseAss(
      `${head}Format: Start, End, Text\nDialogue: 0:00:01.00,0:00:02.00,Text, with, commas\n`,
      'x.ass',
    );
    expect(cues.map((c) => [c.startMs, c.endMs, c.lines.map(styledOf)])).toEqual([
      [1000, 2000, ['Text, with, commas']],
    ]);
  });

  it('reads Dialogue lines without a Format line with the standard columns, noting it', () => {
    const { cues, findings } = parseAss(
      `${head}Dialogue: 0,0:00:01.00,0:00:02.00,Default,Ianto,0,0,0,,Coffee?\n`,
      'x.ass',
    );
    expect(cues.map((c) => [c.speaker, c.line])).toEqual([['Ianto', 5]]);
    expect(findings.map((f) => f.ruleId)).toEqual(['ass-no-format']);
  });

  it('skips Comment, Picture and Command events and the [Fonts] section', () => {
    const { cues } = parseAss(
      `${head}Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\nComment: 0,0:00:01.00,0:00:02.00,Default,,0,0,0,,no\nCommand: 0,0:00:01.00,0:00:02.00,Default,,0,0,0,,no\nDialogue: 0,0:00:03.00,0:00:04.00,Default,,0,0,0,,yes\n\n[Fonts]\nfontname: a.ttf\nDialogue: 0,0:00:05.00,0:00:06.00,Default,,0,0,0,,not an event\n`,
      'x.ass',
    );
    expect(cues.map((c) => c.lines.map(styledOf).join())).toEqual(['yes']);
  });

  it('uses the Default style for an unknown style, ignoring leading asterisks', () => {
    const { cues } = parseAss(
      `[V4+ Styles]\nFormat: Name, Italic\nStyle: *Default,-1\n\n${head}Format: Start, End, Style, Text\nDialogue: 0:00:01.00,0:00:02.00,Missing,Slanted\n`,
      'x.ass',
    );
    expect(cues[0]?.lines.map(styledOf)).toEqual(['<i>Slanted</i>']);
  });

  it('rejects a Dialogue line that ends before it starts, naming line and column', () => {
    expect(() =>
      parseAss(`${head}Format: Start, End, Text\nDialogue: 0:00:03.00,0:00:02.00,Hi\n`, 'x.ass'),
    ).toThrow(
      expect.objectContaining({
        code: 'SUBTITLE_MALFORMED',
        place: { file: 'x.ass', line: 6, column: 22 },
      }),
    );
  });
});
