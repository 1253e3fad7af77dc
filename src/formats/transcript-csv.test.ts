import { describe, expect, it } from 'vitest';
import { ReceiptsError } from '../domain/errors.js';
import { parseTranscriptCsv } from './transcript-csv.js';
import { brief } from '../../test/transcript-brief.js';

const CSV = [
  'Episode,Season,Title,Location,Speaker,Context,Text', // 1
  '1,1,First Light,deck,Mara,,Check the relays.', // 2
  '1,1,First Light,deck,Ode,reads,"Seven lines, all green."', // 3
  '1,1,First Light,deck,,Ode turns and trips over a crate,', // 4
  '1,1,First Light,galley,Mara,,"Coffee. (sips) Better.', // 5
  'Much better."', // 6
  '', // 7
  '1,1,First Light,galley,Narrator,,"TEK [OC}: Galley, report."', // 8
  '1,1,First Light,galley,Narrator,,{Cargo hold]', // 9
  '1,1,First Light,galley,Narrator,,"Ship\'s log, day one. All quiet."', // 10
  '2,1,Second Wind,deck,Ode,,We made it.', // 11
].join('\n');

describe('parseTranscriptCsv', () => {
  const r = parseTranscriptCsv(CSV, 'eps.csv');

  it('makes one part per (Season, Episode) in file order, keyed by the Episode value', () => {
    expect(r.parts.map((p) => [p.key, p.season, p.number, p.title])).toEqual([
      ['1', 1, 1, 'First Light'],
      ['2', 1, 2, 'Second Wind'],
    ]);
    expect(r.parts[0]!.transcript.dialect).toBe('csv');
    expect(r.parts[0]!.transcript.title).toBe('First Light');
  });

  it('reads locations as scenes, context as a direction before the words, and rows without a speaker as action', () => {
    expect(brief(r.parts[0]!.transcript.lines)).toEqual([
      '2 [deck]',
      '2 Mara: Check the relays.',
      '3 (reads) ~Ode',
      '3 Ode: Seven lines, all green.',
      '4 (Ode turns and trips over a crate)',
      '5 [galley]',
      '5 Mara: Coffee.',
      '5 (sips) ~Mara',
      '5 Mara: Better. Much better.',
      '8 TEK [OC]: Galley, report.',
      '9 [Cargo hold]',
      "10 Narrator: Ship's log, day one. All quiet.",
    ]);
    expect(brief(r.parts[1]!.transcript.lines)).toEqual(['11 [deck]', '11 Ode: We made it.']);
  });

  it('numbers each part from 0', () => {
    for (const p of r.parts) {
      expect(p.transcript.lines.map((l) => l.seq)).toEqual(p.transcript.lines.map((_, i) => i));
    }
  });

  it('reports a Narrator row given back to the speaker its text names', () => {
    expect(r.findings).toEqual([
      expect.objectContaining({
        ruleId: 'csv/narrator-label',
        place: { file: 'eps.csv', line: 8 },
      }),
    ]);
  });

  it('appends rows of an episode that comes back later to its first part', () => {
    const csv = 'Episode,Season,Speaker,Text\n1,1,A,one\n2,1,B,two\n1,1,C,three';
    const p = parseTranscriptCsv(csv);
    expect(p.parts.map((x) => x.transcript.lines.length)).toEqual([2, 1]);
  });

  it('makes a single part keyed null when there is no Episode column', () => {
    const p = parseTranscriptCsv('Speaker,Text\nA,Hello');
    expect(p.parts.map((x) => x.key)).toEqual([null]);
  });

  it('refuses a header without Speaker and Text, naming line 1', () => {
    expect(() => parseTranscriptCsv('a,b,c\n1,2,3', 'x.csv')).toThrow(
      expect.objectContaining({ code: 'TRANSCRIPT_MALFORMED', place: { file: 'x.csv', line: 1 } }),
    );
  });

  it('refuses a quote that is never closed, naming its line', () => {
    let caught: unknown;
    try {
      parseTranscriptCsv('Speaker,Text\nA,"open\nand on', 'q.csv');
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(ReceiptsError);
    expect((caught as ReceiptsError).code).toBe('TRANSCRIPT_MALFORMED');
    expect((caught as ReceiptsError).place.line).toBeGreaterThanOrEqual(2);
  });
});
