import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alignTranscript } from './align-transcript.js';
import { makeCues, makeTranscript, type CueSpec } from '../../test/make-episode.js';

const WORDS =
  'coffee niles frasier daphne martin eddie chair radio sherry opera wine seattle boston the a you i is not what tonight lunch dinner brother father'.split(
    ' ',
  );

const line = fc.record({
  speaker: fc.constantFrom('FRASIER', 'NILES', 'MARTIN'),
  words: fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 12 }),
  direction: fc.boolean(),
});

/** A transcript and cues cut from its words, with words dropped and ad-libs added. */
const episode = fc
  .record({
    lines: fc.array(line, { minLength: 1, maxLength: 30 }),
    cut: fc.array(fc.integer({ min: 1, max: 8 }), { minLength: 100, maxLength: 100 }),
    drop: fc.array(fc.boolean(), { minLength: 400, maxLength: 400 }),
    adlib: fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 100, maxLength: 100 }),
    gaps: fc.array(fc.integer({ min: 0, max: 3000 }), { minLength: 100, maxLength: 100 }),
  })
  .map(({ lines, cut, drop, adlib, gaps }) => {
    const script: string[] = [];
    for (const l of lines) {
      if (l.direction) script.push('He looks around.');
      script.push(`${l.speaker}: ${l.words.join(' ')}`);
    }
    const words = lines.flatMap((l) => l.words).filter((_, k) => !drop[k % drop.length] || k % 3);
    const specs: CueSpec[] = [];
    let t = 0;
    for (let k = 0, n = 0; k < words.length; n++) {
      const size = cut[n % cut.length]!;
      const dur = 500 + size * 200;
      if (adlib[n % adlib.length] === 0) {
        specs.push(['zebra quantum xylophone', t, t + 700]);
        t += 800;
      }
      specs.push([words.slice(k, k + size).join(' '), t, t + dur]);
      t += dur + gaps[n % gaps.length]!;
      k += size;
    }
    return { transcript: makeTranscript(script), cues: makeCues(specs) };
  });

describe('alignTranscript on generated episodes', () => {
  it('is total: one entry per cue and per line, in order, with sane spans and confidences', () => {
    fc.assert(
      fc.property(episode, ({ transcript, cues }) => {
        const r = alignTranscript(cues, transcript);
        if (r.kind === 'mismatch') return;
        expect(r.cues.map((c) => c.cueSeq)).toEqual(cues.map((c) => c.seq));
        expect(r.lines.map((l) => l.lineSeq)).toEqual(transcript.map((l) => l.seq));
        for (const c of r.cues) {
          expect(c.confidence).toBeGreaterThanOrEqual(0);
          expect(c.confidence).toBeLessThanOrEqual(1);
          expect(c.speakers.length === 0).toBe(c.confidence === 0);
        }
        for (const l of r.lines) {
          expect(l.startMs).toBeLessThanOrEqual(l.endMs);
          expect(Number.isInteger(l.startMs) && Number.isInteger(l.endMs)).toBe(true);
          expect(l.estimated).toBe(l.cueSeqs.length === 0);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('is monotonic: a later cue never says an earlier line, and line starts never go back', () => {
    fc.assert(
      fc.property(episode, ({ transcript, cues }) => {
        const r = alignTranscript(cues, transcript);
        if (r.kind === 'mismatch') return;
        let highest = -1;
        for (const c of r.cues) {
          if (c.lineSeqs.length === 0) continue;
          expect(c.lineSeqs[0]!).toBeGreaterThanOrEqual(highest);
          expect([...c.lineSeqs].sort((x, y) => x - y)).toEqual(c.lineSeqs);
          highest = c.lineSeqs[c.lineSeqs.length - 1]!;
        }
        let start = -Infinity;
        for (const l of r.lines) {
          expect(l.startMs).toBeGreaterThanOrEqual(start);
          start = l.startMs;
        }
      }),
      { numRuns: 200 },
    );
  });

  it('matches most cues cut from a transcript to a line', () => {
    fc.assert(
      fc.property(episode, ({ transcript, cues }) => {
        const r = alignTranscript(cues, transcript);
        if (r.kind === 'mismatch') return;
        if (r.report.dialogueCues < 5) return;
        expect(r.report.matchedCues).toBeGreaterThanOrEqual(r.report.dialogueCues / 2);
      }),
      { numRuns: 200 },
    );
  });
});
