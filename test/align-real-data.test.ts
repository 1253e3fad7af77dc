import { beforeAll, describe, expect, it } from 'vitest';
import type { Alignment } from '../src/domain/alignment.js';
import type { Cue } from '../src/domain/cue.js';
import { HAS_SHARED_DATA, sharedData } from './shared-data.js';
import { alignTranscript } from '../src/align/align-transcript.js';
import { readFrasierSubtitle, readFrasierTranscript } from './frasier-data.js';

// Frasier in ../shared/data/frasier-transcripts-and-srt. Expected speakers were read off
// the files (the transcript line and the cue text side by side).

const root = (): string => sharedData('frasier-transcripts-and-srt');

function align(subtitles: string, transcript: string): { cues: readonly Cue[]; r: Alignment } {
  const cues = readFrasierSubtitle(root(), subtitles);
  const { lines } = readFrasierTranscript(root(), transcript);
  const r = alignTranscript(cues, lines);
  if (r.kind !== 'aligned') throw new Error(r.message);
  return { cues, r };
}

const speakerOf = (cues: readonly Cue[], r: Alignment, text: string): readonly string[] => {
  const cue = cues.find((c) => c.text.startsWith(text));
  if (!cue) throw new Error(`no cue starts with ${text}`);
  return r.cues[cue.seq]!.speakers;
};

describe.skipIf(!HAS_SHARED_DATA)('alignTranscript on Frasier (../shared/data)', () => {
  describe('1.01 The Good Son: 01/Episode_1.srt with scripts/0101.txt', () => {
    let ep: { cues: readonly Cue[]; r: Alignment };
    beforeAll(() => {
      ep = align('data/subtitles/series/01/Episode_1.srt', 'data/scripts/0101.txt');
    });

    it('matches nearly all cues and dialogue lines', () => {
      expect(ep.r.report.cueMatchRatio).toBeGreaterThan(0.95);
      expect(ep.r.report.lineMatchRatio).toBeGreaterThan(0.95);
    });

    it('gives the opening cues the speakers of the transcript', () => {
      const { cues, r } = ep;
      expect(speakerOf(cues, r, 'Listen to yourself, Bob.')).toEqual(['Frasier']);
      expect(speakerOf(cues, r, 'Yes. On line four')).toEqual(['Roz']);
      expect(speakerOf(cues, r, "'I've been feeling sort of")).toEqual(['Russell']);
      expect(speakerOf(cues, r, 'No, we cut to the news 30 seconds ago.')).toEqual(['Roz']);
    });

    it('tells apart the two speakers of a dashed cue', () => {
      const { cues, r } = ep;
      const you = cues.find((c) => c.text === 'You hated sports.')!;
      const so = cues.find((c) => c.cueIndex === you.cueIndex && c.part === 1)!;
      expect(so.text).toBe('So does he!');
      expect(r.cues[you.seq]!.speakers).toEqual(['Niles']);
      expect(r.cues[so.seq]!.speakers).toEqual(['Frasier']);
    });

    it("times Frasier's long opening speech from its first cue to its last", () => {
      const { cues, r } = ep;
      const speech = r.lines.find((l) => l.cueSeqs.includes(0))!;
      expect(speech).toMatchObject({ estimated: false, startMs: cues[0]!.startMs });
      expect(speech.cueSeqs).toEqual([0, 1, 2]);
      // The inline direction [polite] that follows falls between the speech and the next cue.
      const polite = r.lines[speech.lineSeq + 1]!;
      expect(polite.estimated).toBe(true);
      expect(polite.startMs).toBeGreaterThanOrEqual(cues[2]!.endMs);
      expect(polite.endMs).toBeLessThanOrEqual(cues[3]!.startMs);
    });
  });

  it('aligns 3.10 (03/Episode_10.srt with scripts/0310.txt) speaker by speaker', () => {
    const { cues, r } = align('data/subtitles/series/03/Episode_10.srt', 'data/scripts/0310.txt');
    expect(r.report.cueMatchRatio).toBeGreaterThan(0.9);
    expect(speakerOf(cues, r, 'This is Dr. Frasier Crane.')).toEqual(['Frasier']);
    expect(speakerOf(cues, r, "I'll count you down.")).toEqual(['Roz']);
    expect(speakerOf(cues, r, 'I have a built in mental stopwatch.')).toEqual(['Frasier']);
    expect(speakerOf(cues, r, "I'll bet you 20 bucks")).toEqual(['Roz']);
  });

  it('refuses 02/Episode_2.srt with scripts/0202.txt: the file holds episode 2.10', () => {
    const cues = readFrasierSubtitle(root(), 'data/subtitles/series/02/Episode_2.srt');
    const wrong = readFrasierTranscript(root(), 'data/scripts/0202.txt').lines;
    const right = readFrasierTranscript(root(), 'data/scripts/0210.txt').lines;
    const r = alignTranscript(cues, wrong);
    expect(r).toMatchObject({ kind: 'mismatch', reason: 'different-content' });
    // Measured 0.037 against 0202; 0210, the episode it holds, aligns.
    expect(r.kind === 'mismatch' && r.sharedTrigrams).toBeLessThan(0.05);
    expect(alignTranscript(cues, right).kind).toBe('aligned');
  });
});
