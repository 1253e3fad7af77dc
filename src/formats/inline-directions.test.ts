import { describe, expect, it } from 'vitest';
import {
  collapseSpace,
  findEmbeddedLabel,
  isQualifierTerm,
  parseCapsLabel,
  parseLabelWithoutColon,
  splitInlineDirections,
  joinSourceLines,
  locateInlineDirections,
  TranscriptLinesBuilder,
} from './inline-directions.js';

describe('splitInlineDirections', () => {
  it('splits the words around a direction, in the order they occur', () => {
    expect(splitInlineDirections('You were worth the wait. (hugs him) Shall we go?', '(')).toEqual([
      { kind: 'speech', text: 'You were worth the wait.' },
      { kind: 'direction', text: 'hugs him' },
      { kind: 'speech', text: 'Shall we go?' },
    ]);
  });

  it('reads Frasier square brackets and drops a trailing colon inside them', () => {
    expect(splitInlineDirections('[dryly:] Charming. [to Roz] Next caller.', '[')).toEqual([
      { kind: 'direction', text: 'dryly' },
      { kind: 'speech', text: 'Charming.' },
      { kind: 'direction', text: 'to Roz' },
      { kind: 'speech', text: 'Next caller.' },
    ]);
  });

  it('makes the rest of the line a direction when the bracket never closes', () => {
    expect(splitInlineDirections('Wait here. (she runs off', '(')).toEqual([
      { kind: 'speech', text: 'Wait here.' },
      { kind: 'direction', text: 'she runs off' },
    ]);
  });

  it('keeps nested parentheses inside one direction and drops punctuation left between two', () => {
    expect(splitInlineDirections('(sighs (loudly)). (sits)', '(')).toEqual([
      { kind: 'direction', text: 'sighs (loudly)' },
      { kind: 'direction', text: 'sits' },
    ]);
  });

  it('treats a brace typo like a parenthesis', () => {
    expect(splitInlineDirections('{waves} Bye!', '(')).toEqual([
      { kind: 'direction', text: 'waves' },
      { kind: 'speech', text: 'Bye!' },
    ]);
  });
});

describe('parseCapsLabel', () => {
  it('reads a name, a qualifier and the words', () => {
    expect(parseCapsLabel('NURSE [on monitor]: Ward three, please.')).toEqual({
      speaker: 'NURSE',
      qualifier: 'on monitor',
      rest: 'Ward three, please.',
    });
  });

  it('accepts the qualifier typos and spacing the transcribers left', () => {
    expect(parseCapsLabel('GUARD [OC}: Halt.')?.qualifier).toBe('OC');
    expect(parseCapsLabel('GUARD [OC: Halt.')?.qualifier).toBe('OC');
    expect(parseCapsLabel('GUARD (OC): Halt.')?.qualifier).toBe('OC');
    expect(parseCapsLabel('GUARD [OC] : Halt.')?.rest).toBe('Halt.');
  });

  it('reads names with digits, punctuation and a few lower-case letters', () => {
    expect(parseCapsLabel('ROBOT 2: Beep.')?.speaker).toBe('ROBOT 2');
    expect(parseCapsLabel("O'HARA: Aye.")?.speaker).toBe("O'HARA");
    expect(parseCapsLabel('McKAY: Yes.')?.speaker).toBe('McKAY');
    expect(parseCapsLabel('ANNA + BEN: Now!')?.speaker).toBe('ANNA + BEN');
    expect(parseCapsLabel('4471: Ready.')?.speaker).toBe('4471');
  });

  it('accepts a semicolon, a doubled colon or a missing space after a name in capitals', () => {
    expect(parseCapsLabel('HOLT; Move.')?.rest).toBe('Move.');
    expect(parseCapsLabel('HOLT:: Move.')?.rest).toBe('Move.');
    expect(parseCapsLabel('HOLT:Move.')?.rest).toBe('Move.');
  });

  it('refuses prose that happens to hold a colon', () => {
    expect(parseCapsLabel('Error: file missing')).toBeNull();
    expect(parseCapsLabel('I said: no')).toBeNull();
    expect(parseCapsLabel('(He reads: STOP)')).toBeNull();
    expect(parseCapsLabel('Time 12:30 now')).toBeNull();
    expect(parseCapsLabel('[Bridge]')).toBeNull();
  });

  it('in strict mode refuses any lower-case letter', () => {
    expect(parseCapsLabel('McKAY: Yes.', true)).toBeNull();
  });
});

describe('parseLabelWithoutColon', () => {
  it('accepts a known speaker whose colon was forgotten', () => {
    expect(parseLabelWithoutColon('HOLT Over here.', new Set(['HOLT']))).toEqual({
      speaker: 'HOLT',
      qualifier: null,
      rest: 'Over here.',
    });
  });

  it('accepts an unknown name when a qualifier gives the shape away', () => {
    expect(parseLabelWithoutColon('HOLT [on radio] Over.', new Set())?.qualifier).toBe('on radio');
  });

  it('refuses an unknown name and a run of capitals', () => {
    expect(parseLabelWithoutColon('HOLT Over here.', new Set())).toBeNull();
    expect(parseLabelWithoutColon('TO BE CONTINUED', new Set(['TO']))).toBeNull();
  });
});

describe('findEmbeddedLabel', () => {
  it('finds a second speaker run into a line after the end of a sentence', () => {
    const text = "We can't stay, Tom. TOM: Then we go now.";
    const found = findEmbeddedLabel(text);
    expect(found?.at).toBe(text.indexOf('TOM:'));
    expect(found?.label).toEqual({ speaker: 'TOM', qualifier: null, rest: 'Then we go now.' });
  });

  it('ignores a colon that follows ordinary words', () => {
    expect(findEmbeddedLabel('The list reads: eggs, milk.')).toBeNull();
    expect(findEmbeddedLabel('Say it. Now: go.')).toBeNull();
  });
});

describe('isQualifierTerm', () => {
  it('knows where a voice comes from, whatever the case and dots', () => {
    expect(isQualifierTerm('v.o.')).toBe(true);
    expect(isQualifierTerm('O.S.')).toBe(true);
    expect(isQualifierTerm('on phone')).toBe(true);
    expect(isQualifierTerm('laughs')).toBe(false);
  });
});

describe('collapseSpace', () => {
  it('turns runs of white space into one space and trims', () => {
    expect(collapseSpace('  a\tb \n c  ')).toBe('a b c');
    expect(collapseSpace('a\u00a0\u00a0b')).toBe('a b');
    expect(collapseSpace('plain text')).toBe('plain text');
  });
});

describe('TranscriptLinesBuilder', () => {
  it('numbers lines densely and gives every piece of a turn the same source line', () => {
    const b = new TranscriptLinesBuilder();
    b.scene(1, 'Garden');
    b.speech(3, 'ANNA', null, 'Look. (points) There!', '(');
    b.action(4, 'They leave.');
    expect(b.lines).toEqual([
      { kind: 'scene', seq: 0, line: 1, text: 'Garden' },
      { kind: 'dialogue', seq: 1, line: 3, speaker: 'ANNA', qualifier: null, text: 'Look.' },
      { kind: 'action', seq: 2, line: 3, text: 'points', speaker: 'ANNA' },
      { kind: 'dialogue', seq: 3, line: 3, speaker: 'ANNA', qualifier: null, text: 'There!' },
      { kind: 'action', seq: 4, line: 4, text: 'They leave.', speaker: null },
    ]);
  });

  it('takes a leading voice direction as the qualifier', () => {
    const b = new TranscriptLinesBuilder();
    b.speech(1, 'Caller', null, '[v.o.] Hello? [static] Anyone?', '[');
    expect(b.lines.map((l) => (l.kind === 'dialogue' ? l.qualifier : l.text))).toEqual([
      'v.o.',
      'static',
      'v.o.',
    ]);
  });

  it('drops empty turns and actions without a word in them', () => {
    const b = new TranscriptLinesBuilder();
    b.speech(1, 'ANNA', null, '', '(');
    b.action(2, '---');
    b.action(3, '(?)');
    expect(b.lines).toEqual([]);
    expect(b.dialogueCount).toBe(0);
  });
});

describe('locateInlineDirections', () => {
  it('tells where each piece starts, a direction at its opening bracket', () => {
    expect(locateInlineDirections('Hi. (waves) Bye.', '(')).toEqual([
      { kind: 'speech', text: 'Hi.', at: 0 },
      { kind: 'direction', text: 'waves', at: 4 },
      { kind: 'speech', text: 'Bye.', at: 11 },
    ]);
  });
});

describe('joinSourceLines', () => {
  it('joins collapsed lines with one space and maps every index back to its source line', () => {
    const j = joinSourceLines([
      { text: ' ab  c ', line: 4 },
      { text: '   ', line: 5 },
      { text: 'de', line: 7 },
    ]);
    expect(j.text).toBe('ab c de');
    expect([0, 3, 4, 5, 6].map(j.lineAt)).toEqual([4, 4, 4, 7, 7]);
  });

  it('gives the turn its own line when a direction in it opens on a later source line', () => {
    const b = new TranscriptLinesBuilder();
    const j = joinSourceLines([
      { text: 'Come', line: 2 },
      { text: 'here. (hugs', line: 3 },
      { text: 'her) Good.', line: 4 },
    ]);
    b.speech(2, 'ANNA', null, j.text, '(', j.lineAt);
    expect(b.lines.map((l) => `${l.line} ${l.text}`)).toEqual([
      '2 Come here.',
      '3 hugs her',
      '2 Good.',
    ]);
  });
});
