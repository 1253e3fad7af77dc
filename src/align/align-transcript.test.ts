import { describe, expect, it } from 'vitest';
import type { Alignment, AlignmentResult } from '../domain/alignment.js';
import { alignTranscript } from './align-transcript.js';
import { makeCues, makeTranscript } from '../../test/make-episode.js';

function aligned(r: AlignmentResult): Alignment {
  if (r.kind !== 'aligned') throw new Error(`expected an alignment, got: ${r.message}`);
  return r;
}

const SCRIPT = makeTranscript([
  '[Cafe Nervosa]',
  'Niles and Frasier sit at a table.',
  'NILES: So I said to the gardener, Yoshi, I do not want a rock garden. If I want to rake gravel every ten minutes for inner peace, I will move to Yokohama.',
  'FRASIER: Oh, I am sorry, Niles, I did not realise you had stopped talking.',
  'NILES: You have not heard a word I said.',
  'FRASIER: Well, Niles, you are a psychiatrist, you know how it is when people go on about their mundane lives.',
  'The waitress arrives.',
  'WAITRESS: You guys ready to order?',
  'FRASIER: Two cafe latte supremos, please.',
  'NILES: And a large piece of cheesecake for me.',
]);

const CUES = makeCues([
  ['So I said to the gardener, "Yoshi, I do not want a rock garden.', 10_000, 13_000],
  ['"If I want to rake gravel every ten minutes for inner peace,', 13_500, 16_000],
  ['"I\'ll move to Yokohama."', 16_200, 18_000],
  ["Sorry, Niles. I didn't realise you'd stopped talking.", 19_000, 21_000],
  ["You haven't heard a word!", 21_500, 23_000],
  ["You're a shrink. You know how it is", 23_500, 25_000],
  ['when people go on about their mundane lives.', 25_200, 27_000],
  ['You guys ready?', 30_000, 31_000],
  ['Two cafe latte supremos.', 30_000, 31_000, { part: 1 }],
  ['And a large piece of cheesecake for me.', 32_000, 34_000],
]);

describe('alignTranscript', () => {
  it('gives every cue of a line split over several cues that line and its speaker', () => {
    const r = aligned(alignTranscript(CUES, SCRIPT));
    for (const k of [0, 1, 2]) {
      expect(r.cues[k]).toMatchObject({ speakers: ['NILES'], lineSeqs: [2], method: 'words' });
    }
    expect(r.lines[2]).toEqual({
      lineSeq: 2,
      startMs: 10_000,
      endMs: 18_000,
      estimated: false,
      cueSeqs: [0, 1, 2],
    });
  });

  it('tells apart the two speakers of one cue split by dialogue dashes', () => {
    const r = aligned(alignTranscript(CUES, SCRIPT));
    expect(CUES[7]!.cueIndex).toBe(CUES[8]!.cueIndex);
    expect(r.cues[7]!.speakers).toEqual(['WAITRESS']);
    expect(r.cues[8]!.speakers).toEqual(['FRASIER']);
  });

  it('gives a cue that holds two lines without dashes both speakers in order', () => {
    const script = makeTranscript([
      'MARTIN: Nothing matches in this whole place.',
      "FRASIER: Well, it is a style of decorating. It's eclectic.",
      'MARTIN: It is your money, son.',
    ]);
    const cues = makeCues([
      ["Nothing matches in this whole place. It's a style of decorating.", 1000, 4000],
      ["It's eclectic.", 4000, 5000],
      ["It's your money, son.", 5000, 6000],
    ]);
    const r = aligned(alignTranscript(cues, script));
    expect(r.cues[0]).toMatchObject({ speakers: ['MARTIN', 'FRASIER'], lineSeqs: [0, 1] });
    expect(r.cues[1]!.speakers).toEqual(['FRASIER']);
  });

  it('matches condensed and paraphrased subtitles to their lines', () => {
    const r = aligned(alignTranscript(CUES, SCRIPT));
    expect(r.cues[3]).toMatchObject({ speakers: ['FRASIER'], lineSeqs: [3] });
    expect(r.cues[4]).toMatchObject({ speakers: ['NILES'], lineSeqs: [4] });
    expect(r.cues[5]).toMatchObject({ speakers: ['FRASIER'], lineSeqs: [5] });
    expect(r.report.cueMatchRatio).toBe(1);
  });

  it('places scene headings and stage directions between their timed neighbours', () => {
    const r = aligned(alignTranscript(CUES, SCRIPT));
    // Before the first line: from the first cue to the first timed line (both 10 s).
    expect(r.lines[0]).toMatchObject({ estimated: true, startMs: 10_000, endMs: 10_000 });
    // The waitress arrives between Frasier's line (ends 27 s) and hers (starts 30 s).
    expect(r.lines[6]).toMatchObject({ estimated: true, startMs: 27_000, endMs: 30_000 });
  });

  it('reports a line no cue says, times it between its neighbours, and keeps order', () => {
    const cues = CUES.filter((c) => c.seq !== 4).map((c, seq) => ({ ...c, seq }));
    const r = aligned(alignTranscript(cues, SCRIPT));
    expect(r.report.unmatchedLineSeqs).toEqual([4]);
    expect(r.report.lineMatchRatio).toBeCloseTo(6 / 7, 3);
    expect(r.lines[4]).toMatchObject({ estimated: true, startMs: 21_000, endMs: 23_500 });
    expect(r.cues[4]!.speakers).toEqual(['FRASIER']);
  });

  it('leaves an ad-lib between two speakers without a speaker', () => {
    const cues = makeCues([
      ...CUES.slice(0, 4).map((c) => [c.text, c.startMs, c.endMs] as const),
      ['Hold the phone, somebody get the parrot out of here.', 21_100, 21_400],
      ...CUES.slice(4).map((c) => [c.text, c.startMs, c.endMs, { part: c.part }] as const),
    ]);
    const r = aligned(alignTranscript(cues, SCRIPT));
    expect(r.cues[4]).toMatchObject({ speakers: [], lineSeqs: [], method: 'none' });
    expect(r.report.matchedCues).toBe(r.report.dialogueCues - 1);
    expect(r.cues[5]!.speakers).toEqual(['NILES']);
  });

  it('gives sound cues no speaker and leaves them out of the counts', () => {
    const cues = makeCues([
      ['door bell rings', 9_000, 9_500, { sound: true }],
      ...CUES.map((c) => [c.text, c.startMs, c.endMs, { part: c.part }] as const),
    ]);
    const r = aligned(alignTranscript(cues, SCRIPT));
    expect(r.cues[0]).toMatchObject({ speakers: [], lineSeqs: [], confidence: 0 });
    expect(r.report.dialogueCues).toBe(CUES.length);
  });

  it('returns one entry per cue and per line, in input order', () => {
    const r = aligned(alignTranscript(CUES, SCRIPT));
    expect(r.cues.map((c) => c.cueSeq)).toEqual(CUES.map((c) => c.seq));
    expect(r.lines.map((l) => l.lineSeq)).toEqual(SCRIPT.map((l) => l.seq));
  });

  it('refuses to align files of different episodes', () => {
    const other = makeTranscript([
      'MARTIN: Where is the remote control? I had it a minute ago.',
      'DAPHNE: It is under Eddie, Mr Crane. He has been sitting on it all morning.',
      'MARTIN: Good boy, Eddie. Now give it back.',
    ]);
    const r = alignTranscript(CUES, other);
    expect(r).toMatchObject({ kind: 'mismatch', reason: 'different-content' });
    expect(r.kind === 'mismatch' && r.sharedTrigrams).toBeLessThan(0.08);
  });

  it('names a different language as the likely cause', () => {
    const german = makeCues([
      ['Also sagte ich zum Gärtner: Yoshi, ich will keinen Steingarten.', 10_000, 13_000],
      ['Wenn ich alle zehn Minuten Kies harken will,', 13_500, 16_000],
      ['ziehe ich nach Yokohama.', 16_200, 18_000],
      ['Entschuldige, Niles. Ich dachte, du wärst fertig.', 19_000, 21_000],
    ]);
    expect(alignTranscript(german, SCRIPT)).toMatchObject({
      kind: 'mismatch',
      reason: 'different-language',
    });
  });

  it('says which side is empty instead of aligning nothing', () => {
    expect(alignTranscript([], SCRIPT)).toMatchObject({ reason: 'no-subtitle-dialogue' });
    const soundOnly = makeCues([['music', 0, 1000, { sound: true }]]);
    expect(alignTranscript(soundOnly, SCRIPT)).toMatchObject({ reason: 'no-subtitle-dialogue' });
    expect(alignTranscript(CUES, [])).toMatchObject({ reason: 'no-transcript-dialogue' });
    const directionsOnly = makeTranscript(['[Cafe Nervosa]', 'They sit.']);
    expect(alignTranscript(CUES, directionsOnly)).toMatchObject({
      reason: 'no-transcript-dialogue',
    });
  });

  it('reports a run of cues it could not place as a low-confidence span', () => {
    const cues = makeCues([
      ...CUES.slice(0, 3).map((c) => [c.text, c.startMs, c.endMs] as const),
      ['Completely different words here.', 18_100, 18_300],
      ['Nobody wrote these down anywhere.', 18_300, 18_600],
      ['A third unexpected remark.', 18_600, 18_900],
      ...CUES.slice(3).map((c) => [c.text, c.startMs, c.endMs, { part: c.part }] as const),
    ]);
    const r = aligned(alignTranscript(cues, SCRIPT));
    expect(r.report.lowConfidence).toHaveLength(1);
    expect(r.report.lowConfidence[0]).toMatchObject({
      firstCueSeq: 3,
      lastCueSeq: 5,
      startMs: 18_100,
      endMs: 18_900,
    });
  });
});
