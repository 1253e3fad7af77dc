import { describe, expect, it } from 'vitest';
import { detectCues, draftSentences } from './claim-sentences.js';

const at = (draft: string) => draftSentences(draft).map((s) => [s.line, s.column, s.text]);

describe('draftSentences', () => {
  it('gives each sentence its line and column, across soft-wrapped lines', () => {
    const draft = 'okay so. Ianto never says it to Jack,\nnot once! He does though.\n';
    expect(at(draft)).toEqual([
      [1, 1, 'okay so.'],
      [1, 10, 'Ianto never says it to Jack, not once!'],
      [2, 11, 'He does though.'],
    ]);
  });

  it('skips front matter, code, HTML comments and tags, images and link URLs', () => {
    const draft = [
      '---',
      'title: never again',
      '---',
      '# the coffee thing',
      '',
      '<p>Jack *never* kisses [Ianto](https://example.com/never.html).</p>',
      '',
      '```',
      'never in code',
      '```',
      '<!-- more -->',
      '![never](img.png) Gwen hugs `never` Jack.',
    ].join('\n');
    expect(at(draft)).toEqual([
      [4, 3, 'the coffee thing'],
      [6, 4, 'Jack never kisses Ianto .'],
      [12, 19, 'Gwen hugs Jack.'],
    ]);
  });

  it('splits list items and keeps a question inside brackets in its sentence', () => {
    const draft = '- the first time\n- the last time (honestly? the worst) he hugs him.\n';
    expect(at(draft)).toEqual([
      [1, 3, 'the first time'],
      [2, 3, 'the last time (honestly? the worst) he hugs him.'],
    ]);
  });

  it('does not end a sentence at an abbreviation or a lower-case ellipsis', () => {
    expect(at('Mr. Jones is the only one who... well. Yes.')).toEqual([
      [1, 1, 'Mr. Jones is the only one who... well.'],
      [1, 40, 'Yes.'],
    ]);
  });

  it('counts columns in characters, not UTF-16 units', () => {
    expect(at('💔 ok. Jack never hugs him.')[1]).toEqual([1, 7, 'Jack never hugs him.']);
  });

  it('numbers paragraphs so a pronoun can look back only inside its own', () => {
    const s = draftSentences('Jack waits. He hugs Ianto.\n\nHe never does.');
    expect(s.map((x) => x.paragraph)).toEqual([0, 0, 1]);
  });
});

describe('detectCues', () => {
  const cues = (s: string) => detectCues(s).map((c) => [c.cue, c.quantifier, c.text]);

  it('finds the cues of the issue with the quantifier each suggests', () => {
    expect(cues('The only time Jack kisses Ianto is in Fog.')).toEqual([
      ['the only time', 'only', 'The only time'],
    ]);
    expect(cues('Name one other time he cries!')).toEqual([
      ['name one other time', 'only', 'Name one other time'],
    ]);
    expect(cues('He never, not once, says it.')).toEqual([
      ['never', 'never', 'never'],
      ['not once', 'never', 'not once'],
    ]);
    expect(cues('He hugs Lisa more in one episode than Jack in two series.')).toEqual([
      ['more ... than', 'compare', 'more in one episode than'],
    ]);
    expect(cues('Every time he leaves, Ianto always waits.')).toEqual([
      ['every time', null, 'Every time'],
      ['always', null, 'always'],
    ]);
    expect(cues('the first kiss, and the last time they hug')).toEqual([
      ['the first time', 'first', 'the first kiss'],
      ['the last time', 'last', 'the last time'],
    ]);
    expect(cues('the one time he does, and no other episode')).toEqual([
      ['the one time', 'only', 'the one time'],
      ['no other', 'only', 'no other episode'],
    ]);
  });

  it('leaves out "not only", "if only", "never mind" and a bare "once"', () => {
    expect(cues('Not only that, but if only he had. Never mind. Once upon a time.')).toEqual([]);
  });
});
