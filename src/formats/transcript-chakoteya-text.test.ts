import { describe, expect, it } from 'vitest';
import { parseChakoteyaText } from './transcript-chakoteya-text.js';
import { brief } from '../../test/transcript-brief.js';

/** A made-up episode in the html2text dialect: two trailing spaces mark a <br>. */
const SAMPLE = [
  '**The Lighthouse**  ', // 1
  '  ', // 2
  'Original Airdate: 4 Apr, 2099  ', // 3
  '', // 4
  '**[Lamp room]**', // 5
  '', // 6
  '(A storm. The keeper climbs the stairs.)  ', // 7
  'KEEPER: Who left the lamp out? Nobody answers me, not the gulls, not the', // 8
  'sea, not the boy.  ', // 9
  'BOY [OC]: I did!  ', // 10
  'KEEPER: Then light it. (hands him a match) Quickly now.  ', // 11
  '(The boy strikes the match. It', // 12
  'flares.)  ', // 13
  'BOY: Done.', // 14
  '', // 15
  '**[Shore]**', // 16
  '', // 17
  'MOTHER: Supper is ready. BOY: Coming!  ', // 18
  '<Back to the episode listing', // 19
  'KEEPER: This is after the footer.', // 20
].join('\n');

describe('parseChakoteyaText', () => {
  const r = parseChakoteyaText(SAMPLE, 'lighthouse.txt');

  it('reads the title and air date from the header', () => {
    expect(r.transcript.dialect).toBe('chakoteya-text');
    expect(r.transcript.title).toBe('The Lighthouse');
    expect(r.transcript.airDate).toBe('4 Apr, 2099');
    expect(r.transcript.cast).toEqual([]);
  });

  it('reads scenes, dialogue with qualifiers and directions, joining hard-wrapped lines', () => {
    expect(brief(r.transcript.lines)).toEqual([
      '5 [Lamp room]',
      '7 (A storm. The keeper climbs the stairs.)',
      '8 KEEPER: Who left the lamp out? Nobody answers me, not the gulls, not the sea, not the boy.',
      '10 BOY [OC]: I did!',
      '11 KEEPER: Then light it.',
      '11 (hands him a match) ~KEEPER',
      '11 KEEPER: Quickly now.',
      '12 (The boy strikes the match. It flares.)',
      '14 BOY: Done.',
      '16 [Shore]',
      '18 MOTHER: Supper is ready.',
      '18 BOY: Coming!',
    ]);
  });

  it("gives an inline direction the source line where its bracket opens, not the turn's first", () => {
    const text = [
      'ANNA: The words of a long speech run on and on, over the wrap at the end', // 1
      'of a line. (kisses her) And more words after it, wrapping once again onto', // 2
      'a third line (turns', // 3
      'away) and ending.  ', // 4
      '(A direction that', // 5
      'wraps.) (A second one on the same line.)  ', // 6
    ].join('\n');
    const lines = parseChakoteyaText(text, 'wrap.txt').transcript.lines;
    expect(brief(lines)).toEqual([
      '1 ANNA: The words of a long speech run on and on, over the wrap at the end of a line.',
      '2 (kisses her) ~ANNA',
      '1 ANNA: And more words after it, wrapping once again onto a third line',
      '3 (turns away) ~ANNA',
      '1 ANNA: and ending.',
      '5 (A direction that wraps.)',
      '6 (A second one on the same line.)',
    ]);
  });

  it('numbers lines densely from 0', () => {
    expect(r.transcript.lines.map((l) => l.seq)).toEqual(r.transcript.lines.map((_, i) => i));
  });

  it('reports a speaker run into the middle of a line', () => {
    expect(r.findings).toContainEqual(
      expect.objectContaining({
        ruleId: 'transcript/run-in-speaker',
        place: { file: 'lighthouse.txt', line: 18 },
      }),
    );
  });

  it('strips html2text markup: split bold, italics, escapes, a heading broken over lines', () => {
    const text = [
      '**Title**',
      '',
      '**[Farm** **house]  ',
      '**  ',
      '_ANNA: Look \\- there. _Really_ there._',
      'BEN: A Maitland_Family sign.',
      '__**Episode Two**__',
      'ANNA: Again.',
    ].join('\n');
    expect(brief(parseChakoteyaText(text).transcript.lines)).toEqual([
      '3 [Farmhouse]',
      '5 ANNA: Look - there. Really there.',
      '6 BEN: A Maitland_Family sign.',
      '7 [Episode Two]',
      '8 ANNA: Again.',
    ]);
  });

  it('starts a new line at a speaker label even when the <br> was lost', () => {
    const text = 'ANNA: One thing\nBEN: Another thing  ';
    expect(brief(parseChakoteyaText(text).transcript.lines)).toEqual([
      '1 ANNA: One thing',
      '2 BEN: Another thing',
    ]);
  });

  it('keeps a wrapped line that starts with a direction inside the turn', () => {
    const text = 'ANNA: Come here, there are no trees in a\n(she pauses) garden.  ';
    expect(brief(parseChakoteyaText(text).transcript.lines)).toEqual([
      '1 ANNA: Come here, there are no trees in a',
      '2 (she pauses) ~ANNA',
      '1 ANNA: garden.',
    ]);
  });

  it('reads unlabelled lines right after a turn as more of it (a song), and as action after a break', () => {
    const text = [
      'SINGER: Row, row, row your boat  ',
      'Gently down the stream  ',
      '',
      'A sign reads Closed.  ',
    ].join('\n');
    const p = parseChakoteyaText(text, 's.txt');
    expect(brief(p.transcript.lines)).toEqual([
      '1 SINGER: Row, row, row your boat',
      '2 SINGER: Gently down the stream',
      '4 (A sign reads Closed.)',
    ]);
    expect(p.findings.map((f) => f.ruleId)).toEqual(['transcript/continued-turn']);
  });

  it('gives a label its speaker back when the colon was forgotten', () => {
    const text = 'ANNA: Hello.  \nBEN: Hi.  \nANNA Goodbye then.  ';
    const p = parseChakoteyaText(text);
    expect(brief(p.transcript.lines).at(-1)).toBe('3 ANNA: Goodbye then.');
    expect(p.findings.map((f) => f.ruleId)).toContain('transcript/missing-colon');
  });

  it('ends a direction that never closes at the blank line, and says so', () => {
    const text = '(The door opens\nslowly  \n\nANNA: Who is it?';
    const p = parseChakoteyaText(text, 'd.txt');
    expect(brief(p.transcript.lines)).toEqual(['1 (The door opens slowly)', '4 ANNA: Who is it?']);
    expect(p.findings).toContainEqual(
      expect.objectContaining({
        ruleId: 'transcript/unclosed-direction',
        place: { file: 'd.txt', line: 1 },
      }),
    );
  });

  it('ends an open direction where a speaker label is run into it', () => {
    const text = '(Anna waits by the door. BEN: Are you coming?  ';
    expect(brief(parseChakoteyaText(text).transcript.lines)).toEqual([
      '1 (Anna waits by the door.)',
      '1 BEN: Are you coming?',
    ]);
  });

  it('ends a direction never closed where a new `(` opens a sentence, on its line or the next', () => {
    const text = [
      '(Anna enters, followed by Ben.  ',
      '(The dog jumps up at Ben then runs off.)  ',
      '(Ben sits down. (He reads. Anna waits.)  ',
      '(Ben looks at the clock (a gift) and sighs.)  ',
    ].join('\n');
    expect(brief(parseChakoteyaText(text).transcript.lines)).toEqual([
      '1 (Anna enters, followed by Ben.)',
      '2 (The dog jumps up at Ben then runs off.)',
      '3 (Ben sits down.)',
      '3 (He reads. Anna waits.)',
      '4 (Ben looks at the clock (a gift) and sighs.)',
    ]);
  });

  it('reads a label after a stray `>` in an open direction as a new speech', () => {
    const text = '(Anna and Ben enter> ANNA: Here it is!  \nBEN: Good.  ';
    expect(brief(parseChakoteyaText(text).transcript.lines)).toEqual([
      '1 (Anna and Ben enter>)',
      '1 ANNA: Here it is!',
      '2 BEN: Good.',
    ]);
  });

  it('reads a speech that opens with a stray `(`, and a known speaker run into a direction', () => {
    const text = [
      'BEN: Hello.  ',
      '(ANNA: Are you all right?  ',
      '(Anna sits by the door BEN: Thanks.  ',
    ].join('\n');
    expect(brief(parseChakoteyaText(text).transcript.lines)).toEqual([
      '1 BEN: Hello.',
      '2 ANNA: Are you all right?',
      '3 (Anna sits by the door)',
      '3 BEN: Thanks.',
    ]);
    // Capitals after a word are a speaker only when someone speaks under that name.
    expect(brief(parseChakoteyaText('(A sign says DANGER: keep out  ').transcript.lines)).toEqual([
      '1 (A sign says DANGER: keep out)',
    ]);
  });

  it('reads a heading with words after it and a direction with a speaker after it', () => {
    const text = '[Kitchen] ANNA: Tea?  \n(She pours.) BEN: Thanks.  ';
    expect(brief(parseChakoteyaText(text).transcript.lines)).toEqual([
      '1 [Kitchen]',
      '1 ANNA: Tea?',
      '2 (She pours.)',
      '2 BEN: Thanks.',
    ]);
  });

  it("skips a transcriber's note with a finding", () => {
    const p = parseChakoteyaText("Transcriber's note: audio only.\nANNA: Hi.");
    expect(brief(p.transcript.lines)).toEqual(['2 ANNA: Hi.']);
    expect(p.findings[0]?.ruleId).toBe('transcript/transcriber-note');
  });
});
