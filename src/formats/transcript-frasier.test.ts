import { describe, expect, it } from 'vitest';
import { parseFrasierLabel, parseFrasierTranscript } from './transcript-frasier.js';
import { brief } from '../../test/transcript-brief.js';

/** A made-up episode in the kacl780.net layout. */
const SCRIPT = [
  '', // 1
  '[3.14]The Borrowed Piano', // 2
  '', // 3
  'The Borrowed Piano                          Written by A. Writer', // 4
  '=====================================================================', // 5
  'Production Code: 3.14.', // 6
  'Original Airdate on NBC: 2nd March 2096.', // 7
  '', // 8
  'Cast List [in order of appearance]', // 9
  '', // 10
  'HUGO BELL.........................................SOMEONE FAMOUS', // 11
  'IRIS BELL...........................................SOMEONE ELSE', // 12
  '', // 13
  'Guest Callers', // 14
  ' AN ACTOR as Walter', // 15
  '', // 16
  'Transcript {a fan}', // 17
  '', // 18
  'Act One.', // 19
  '', // 20
  'THE PIANO', // 21
  '', // 22
  'Scene One - The Apartment', // 23
  'Hugo is at the window.  Iris comes in carrying', // 24
  'a very small piano.', // 25
  '', // 26
  '   Hugo: [turning] Is that a piano?  Tell me that is not', // 27
  '         a piano. [she nods] Oh, dear.', // 28
  '   Iris: It was free!', // 29
  '', // 30
  '', // 31
  '         Well, nearly free.', // 32
  ' Walter: [v.o.] Hello?  Is this the radio?', // 33
  '', // 34
  'CUT TO:', // 35
  'Reset to: Kitchen', // 36
  '', // 37
  "Frasier's Apartment:", // 38
  'They sit.', // 39
  '', // 40
  'FADE OUT', // 41
  '', // 42
  'Guest Appearances', // 43
  '', // 44
  ' Guest Starring', // 45
  ' A PERSON as Mrs. Lowe', // 46
  '', // 47
  'Legal Stuff', // 48
  '   Hugo: This is not part of the episode.', // 49
].join('\n');

describe('parseFrasierTranscript', () => {
  const r = parseFrasierTranscript(SCRIPT, '0314.txt');

  it('reads title, season, episode, air date and cast from the header and footer', () => {
    expect(r.transcript.dialect).toBe('frasier');
    expect(r.transcript.title).toBe('The Borrowed Piano');
    expect([r.season, r.number]).toEqual([3, 14]);
    expect(r.transcript.airDate).toBe('2nd March 2096');
    expect(r.transcript.cast).toEqual(['HUGO BELL', 'IRIS BELL', 'Walter', 'Mrs. Lowe']);
  });

  it('reads acts, scenes, prose, hanging-indent speeches and their bracketed directions', () => {
    expect(brief(r.transcript.lines)).toEqual([
      '19 [Act One]',
      '21 (THE PIANO)',
      '23 [Scene One - The Apartment]',
      '24 (Hugo is at the window. Iris comes in carrying a very small piano.)',
      '27 (turning) ~Hugo',
      '27 Hugo: Is that a piano? Tell me that is not a piano.',
      '28 (she nods) ~Hugo',
      '27 Hugo: Oh, dear.',
      '29 Iris: It was free! Well, nearly free.',
      '33 Walter [v.o.]: Hello? Is this the radio?',
      '35 (CUT TO:)',
      '36 [Reset to: Kitchen]',
      "38 [Frasier's Apartment]",
      '39 (They sit.)',
      '41 (FADE OUT)',
    ]);
  });

  it('numbers lines densely from 0', () => {
    expect(r.transcript.lines.map((l) => l.seq)).toEqual(r.transcript.lines.map((_, i) => i));
  });

  it('gives a direction inside a speech the source line where its bracket opens', () => {
    const p = parseFrasierTranscript(
      [
        'Transcript {x}',
        'Ann: One line of words,',
        '     a second line. [she sits',
        '     down slowly]',
        '',
        '     After a blank line. [waves]',
      ].join('\n'),
    );
    expect(brief(p.transcript.lines)).toEqual([
      '2 Ann: One line of words, a second line.',
      '3 (she sits down slowly) ~Ann',
      '2 Ann: After a blank line.',
      '6 (waves) ~Ann',
    ]);
  });

  it('reads a paragraph that opens with a transition and runs on into the next line as one', () => {
    const p = parseFrasierTranscript(
      [
        'Transcript {x}',
        'Cut to outside.  Hugo hands the paper to a',
        'crowd of staffers, and gets a hug from Iris.',
        '',
        'CUT TO: the kitchen.',
        'Iris is cooking.',
        '',
        'Reset to: the hall as Hugo',
        'comes in.',
      ].join('\n'),
    );
    expect(brief(p.transcript.lines)).toEqual([
      '2 (Cut to outside. Hugo hands the paper to a crowd of staffers, and gets a hug from Iris.)',
      '5 (CUT TO: the kitchen.)',
      '6 (Iris is cooking.)',
      // A scene heading stays one, whatever follows it.
      '8 [Reset to: the hall as Hugo]',
      '9 (comes in.)',
    ]);
  });

  it('without a `Transcript {author}` line, starts at the first act, scene or speaker', () => {
    const p = parseFrasierTranscript('[1.2]Short\n\nScene One - Bar\n  Ann: Hi.\n', 's.txt');
    expect(p.transcript.title).toBe('Short');
    expect(brief(p.transcript.lines)).toEqual(['3 [Scene One - Bar]', '4 Ann: Hi.']);
    expect(p.findings.map((f) => f.ruleId)).toEqual(['frasier/no-header']);
  });

  it('takes the title from the next line when the episode mark stands alone', () => {
    expect(
      parseFrasierTranscript('[2.3]\nOwn Line\nTranscript {x}\nAnn: Hi.').transcript.title,
    ).toBe('Own Line');
  });
});

describe('parseFrasierLabel', () => {
  it('reads capitalised names, joint speakers and numbered extras', () => {
    expect(parseFrasierLabel('  Mrs. Lowe: Yes?', 2)?.speaker).toBe('Mrs. Lowe');
    expect(parseFrasierLabel('Ann/Bob: No!', 0)?.speaker).toBe('Ann/Bob');
    expect(parseFrasierLabel('Patron #2: More.', 0)?.speaker).toBe('Patron #2');
    expect(parseFrasierLabel('Woman In Hall: Shh.', 0)?.speaker).toBe('Woman In Hall');
  });

  it('refuses transitions, header fields and prose with a colon', () => {
    expect(parseFrasierLabel('CUT TO: the bar', 0)).toBeNull();
    expect(parseFrasierLabel('DISSOLVE TO Later: the bar', 0)).toBeNull();
    expect(parseFrasierLabel('Production Code: 1.1', 0)).toBeNull();
    expect(parseFrasierLabel('They hurry out.  CUT TO:', 0)).toBeNull();
    expect(parseFrasierLabel('The time: noon', 0)).toBeNull();
  });
});
