import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readTranscript } from '../src/formats/read-transcript.js';
import { brief, DEFAULT_CODEBOOK } from '../src/nlp/test-helpers.js';
import { suggestMoments } from '../src/nlp/suggest-moments.js';
import { HAS_SHARED_DATA, sharedData } from './shared-data.js';

// Real Doctor Who transcripts in ../shared/data (never copied here). The expected acts were
// checked by reading the directions at those lines; the full measurement against the
// hand-labelled dev set is bench/suggest-eval.ts.

const DW = ['doctor-who-chakoteya-angewzhao', 'data-raw', 'doctor_who_transcripts'];

function suggestFor(...parts: string[]): string[] {
  const path = sharedData(...DW, ...parts);
  const lines = readTranscript(readFileSync(path), path).parts[0]!.transcript.lines;
  return suggestMoments({
    episode: 'E',
    file: parts.join('/'),
    lines,
    characters: [],
    codebook: DEFAULT_CODEBOOK,
  })
    .filter((s) => s.tier === 'action')
    .map(brief);
}

describe.skipIf(!HAS_SHARED_DATA)('suggestions on real Doctor Who transcripts', () => {
  it('finds the farewell kisses and the handshake of The Parting of the Ways', () => {
    const got = suggestFor('doctor_9', '27_13_the_parting_of_the_ways.txt');
    expect(got).toEqual(
      expect.arrayContaining([
        // Lynda thanks the Doctor, he answers, then "(They shake hands and Lynda moves away.)":
        // the two who were just talking, not Jack, who speaks next.
        '200 handshake *DOCTOR+LYNDA @hand',
        '203 kiss JACK>ROSE',
        '205 kiss JACK>DOCTOR',
        '747 kiss DOCTOR>ROSE',
      ]),
    );
  });

  it('reads a whole episode quickly and only names people of the transcript or its directions', () => {
    const started = performance.now();
    const got = suggestFor('doctor_10', '28_0_the_christmas_invasion.txt');
    expect(performance.now() - started).toBeLessThan(5000);
    // `?>`: an act with no doer named (`hit on the nose`).
    for (const s of got)
      expect(s).toMatch(/^\d+ [a-z-]+ (\*|\?>|[A-Z0-9 '.-]+>)[A-Z0-9 '.+-]+( @[a-z]+)?$/);
    // `(Group hug.)` is read as mutual among the people of the conversation around it.
    expect(got.filter((s) => s.startsWith('958 hug *'))).toHaveLength(1);
  });

  it('reads a creature named by its kind as a doer, and a pronoun as the topic before it', () => {
    // Line 1665: a Cyberman seizes and beats a man, then is tackled by another.
    const got = suggestFor('doctor_2', '5_1_the_tomb_of_the_cybermen.txt');
    expect(got.filter((s) => s.startsWith('1665 '))).toEqual([
      '1665 grab CYBERMAN>KLIEG',
      '1665 punch CYBERMAN>KLIEG',
      '1665 grab TOBERMAN>CYBERMAN',
    ]);
  });
});
