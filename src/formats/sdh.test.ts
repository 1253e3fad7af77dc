import { describe, expect, it } from 'vitest';
import { plainLine, tidyLine, type RichLine } from './rich-text.js';
import { splitSdh, wholeCue } from './sdh.js';

const lines = (...texts: string[]): RichLine[] => texts.map((t) => tidyLine(plainLine(t)));
const italic = (text: string): RichLine => plainLine(text, true);

/** speaker | text of each part, for compact tables. */
function read(...texts: string[]): string[] {
  return splitSdh(lines(...texts), null).map(
    (p) => `${p.speaker ?? '-'} | ${p.text}${p.sound ? ' (sound)' : ''}`,
  );
}

describe('splitSdh: speaker labels', () => {
  it.each([
    ['JACK: Hello.', 'JACK | Hello.'],
    ['JACK HARKNESS: Hello.', 'JACK HARKNESS | Hello.'],
    ['MAN #2: Over here!', 'MAN #2 | Over here!'],
    ['DR. CRANE: Yes?', 'DR. CRANE | Yes?'],
    ["O'BRIEN: Aye.", "O'BRIEN | Aye."],
    ['JACK (ON PHONE): Where are you?', 'JACK | Where are you?'],
    ['NILES & FRASIER: Dad!', 'NILES & FRASIER | Dad!'],
    ['Jack: Hello.', 'Jack | Hello.'],
    ['Jack Harkness: Hello.', 'Jack Harkness | Hello.'],
    ['Dr. Crane: Yes?', 'Dr. Crane | Yes?'],
    ['Jean-Luc: Engage.', 'Jean-Luc | Engage.'],
  ])('reads %j as a label', (line, expected) => {
    expect(read(line)).toEqual([expected]);
  });

  it.each([
    ['Note: this is prose.'],
    ['NOTE: this is prose.'],
    ['OK: fine.'],
    ['PREVIOUSLY ON TORCHWOOD: ...'],
    ['We meet at 10:30.'],
    ['10:30: the meeting.'],
    ['I: a single letter.'],
    ['See http://example.com'],
    ['Phil Patterson: the sane choice.'],
    ['Jack Harkness Was Here Today: too many words.'],
    ['Ratio 3:1 in favour.'],
  ])('does not read %j as a label', (line) => {
    expect(read(line)).toEqual([`- | ${line}`]);
  });

  it('accepts a Capitalised label only at the start of the cue or of a dash part', () => {
    expect(read('Well, then.', 'Jack: Hello.')).toEqual(['- | Well, then. Jack: Hello.']);
    expect(read('Well, then.', '- Jack: Hello.')).toEqual(['- | Well, then.', 'Jack | Hello.']);
  });

  it('starts a new part at an all-capitals label on a later line', () => {
    expect(read('JACK: Hello.', 'IANTO: Hi.')).toEqual(['JACK | Hello.', 'IANTO | Hi.']);
  });

  it('keeps a label with nothing after it as text', () => {
    expect(read('JACK:')).toEqual(['- | JACK:']);
    expect(read('JACK:', 'Hello there.')).toEqual(['JACK | Hello there.']);
  });

  it('finds a label after a leading sound description', () => {
    expect(read('[sighs] JACK: I know.')).toEqual(['JACK | I know.']);
  });

  it('prefers a label to the voice or cue speaker, and falls back to them', () => {
    const voiced: RichLine[] = [{ runs: [{ text: 'Hello.', italic: false }], voice: 'Jack' }];
    expect(splitSdh(voiced, 'Name')[0]?.speaker).toBe('Jack');
    expect(splitSdh(lines('Hello.'), 'Name')[0]?.speaker).toBe('Name');
    expect(splitSdh(lines('IANTO: Hello.'), 'Name')[0]?.speaker).toBe('IANTO');
  });
});

describe('splitSdh: dialogue dashes', () => {
  it('splits lines that open with a dash, with or without a space', () => {
    expect(read('- Yes.', '-No.')).toEqual(['- | Yes.', '- | No.']);
    expect(read('\u2013 Yes.', '\u2014 No.')).toEqual(['- | Yes.', '- | No.']);
  });

  it('splits "- Yes. - No." on one line after sentence-final punctuation only', () => {
    expect(read('- Yes. - No.')).toEqual(['- | Yes.', '- | No.']);
    expect(read('- Wait - what?')).toEqual(['- | Wait - what?']);
  });

  it('keeps an undashed first line as its own part and continuation lines with their dash', () => {
    expect(read('so I said', '- Really?', 'with a second line')).toEqual([
      '- | so I said',
      '- | Really? with a second line',
    ]);
  });

  it('does not split at a double dash, which marks an interruption', () => {
    expect(read('-- and then he left.')).toEqual(['- | -- and then he left.']);
  });

  it('closes and reopens italics that span dash parts', () => {
    const parts = splitSdh([italic('- Yes.'), italic('- No.')], null);
    expect(parts.map((p) => p.styled)).toEqual(['<i>Yes.</i>', '<i>No.</i>']);
  });

  it('drops a part that is only a dash', () => {
    expect(read('- Yes.', '-')).toEqual(['- | Yes. -']);
    expect(read('- Yes.', '- \u2013')).toEqual(['- | Yes.']);
  });
});

describe('splitSdh: sound descriptions', () => {
  it('makes a part of only descriptions a sound part with their words as text', () => {
    expect(read('[door slams]')).toEqual(['- | door slams (sound)']);
    expect(read('(LAUGHS)')).toEqual(['- | LAUGHS (sound)']);
    expect(read('[thunder]', '[rain]')).toEqual(['- | thunder rain (sound)']);
    expect(read('[door slams', 'in the distance]')).toEqual([
      '- | door slams in the distance (sound)',
    ]);
  });

  it('keeps the speaker of a labelled sound part', () => {
    expect(read('- MAN: (laughs)', '- Stop it.')).toEqual(['MAN | laughs (sound)', '- | Stop it.']);
  });

  it('removes descriptions within speech from text, keeping them in styled', () => {
    const [part] = splitSdh(lines('I know [sighs] you do.'), null);
    expect(part).toEqual({
      text: 'I know you do.',
      styled: 'I know [sighs] you do.',
      speaker: null,
      sound: false,
    });
  });

  it('treats parentheses as a description only at a line start, and not for questions', () => {
    expect(read('(whispering) Come here.')).toEqual(['- | Come here.']);
    expect(read('I said (quietly) no.')).toEqual(['- | I said (quietly) no.']);
    expect(read('(Are you coming?)')).toEqual(['- | (Are you coming?)']);
  });

  it('splits sound-only lines from speech lines', () => {
    expect(read('I know.', '[sighs]', 'Fine.')).toEqual([
      '- | I know.',
      '- | sighs (sound)',
      '- | Fine.',
    ]);
  });

  it('keeps music and punctuation-only lines as text', () => {
    expect(read('\u266a Blue moon \u266a')).toEqual(['- | \u266a Blue moon \u266a']);
    expect(read('...')).toEqual(['- | ...']);
  });
});

describe('wholeCue', () => {
  it('returns the cue as written, one part, or none when empty', () => {
    expect(wholeCue(lines('- JACK: Yes.', '- [sighs] No.'), 'Name')).toEqual([
      {
        text: '- JACK: Yes. - [sighs] No.',
        styled: '- JACK: Yes.\n- [sighs] No.',
        speaker: 'Name',
        sound: false,
      },
    ]);
    expect(wholeCue(lines(''), null)).toEqual([]);
  });
});
