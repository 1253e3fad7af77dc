import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isReceiptsError } from '../domain/errors.js';
import type { ParsedTranscript, TranscriptDialect } from '../domain/transcript.js';
import { parseAs, readTranscript } from './read-transcript.js';

// Bounded runs keep the file well under 10 s (RECEIPTS_PROPERTY_RUNS=5000 for a deeper
// search); a single read over MAX_MS_PER_READ is a hang-like bug (a regex backtracking trap).
const RUNS = Number(process.env.RECEIPTS_PROPERTY_RUNS ?? 150);
const MAX_MS_PER_READ = 1000;

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** Small made-up samples of each dialect, the seeds for mutation. */
const SEEDS: Record<TranscriptDialect, string> = {
  'chakoteya-text': [
    '**A Seed**  ',
    '',
    'Original Airdate: 1 Jan, 2000  ',
    '',
    '_**[Hall]**_',
    '',
    '(Rain. ANNA waits',
    'by the door.)  ',
    'ANNA [OC]: Hello? (knocks) Anyone? BEN: Here!  ',
    'BEN; Coming.  ',
    'Sing a song  ',
    '__**Episode Two**__',
    '{Garden]',
    '<Back to the episode listing',
  ].join('\n'),
  'chakoteya-html': [
    '<!DOCTYPE html><html><head><title>t</title></head><body>',
    '<p><font size="5"><b>A Seed</b></font><br>Original Airdate: 1 Jan, 2000<br></p>',
    '<table><tr><td><b>[Hall]</b><p>ANNA [on screen]: Hi &amp; bye. <br/>',
    'BEN: (a Vulcan) Red',
    'alert. <rb>(The lights dim) <br>CAROL',
    '[OC]: Here.</p></td></tr></table><span id="season" value="2"></span>',
  ].join('\n'),
  csv: [
    'Episode,Season,Title,Location,Speaker,Context,Text',
    '1,1,Seed,hall,Anna,,"Hello, there."',
    '1,1,Seed,hall,Ben,reads,"Line one',
    'line two"',
    '1,1,Seed,yard,,Ben leaves,',
    '2,1,Next,hall,Narrator,,"CAROL [OC}: Here."',
  ].join('\n'),
  frasier: [
    '[1.1]A Seed',
    'Original Airdate on NBC: 1st January 2000.',
    'ANNA BELL.................................SOMEONE',
    'Transcript {fan}',
    '',
    'Act One.',
    'Scene One - Hall',
    'Anna waits.',
    '',
    '   Anna: [knocks] Hello?  Is anyone',
    '         there? [v.o.] Hm.',
    '    Ben: Here!',
    'CUT TO:',
    'Legal Stuff',
  ].join('\n'),
};

const DIALECTS = Object.keys(SEEDS) as TranscriptDialect[];

/** The invariants every reader promises for what it returns. */
function checkTranscript(t: ParsedTranscript, sourceLines: number): void {
  t.lines.forEach((l, i) => {
    expect(l.seq).toBe(i);
    expect(Number.isInteger(l.line) && l.line >= 1 && l.line <= sourceLines).toBe(true);
    expect(l.text.trim()).toBe(l.text);
    expect(l.text).not.toBe('');
    if (l.kind === 'dialogue') {
      expect(l.speaker.trim()).not.toBe('');
      if (l.qualifier !== null) expect(l.qualifier).not.toBe('');
    }
  });
}

/** Read, and check the outcome: parts that keep the invariants, or a located ReceiptsError. */
function readChecked(bytes: Uint8Array, file: string, dialect?: TranscriptDialect): void {
  const started = performance.now();
  try {
    const r = readTranscript(bytes, file, dialect ? { dialect } : {});
    const lines = new TextDecoder().decode(bytes).split(/\r\n|[\r\n\u0085\u2028\u2029]/).length;
    expect(r.parts.length).toBeGreaterThan(0);
    for (const p of r.parts) checkTranscript(p.transcript, lines);
    for (const f of r.findings) expect(f.place.file).toBe(file);
  } catch (e) {
    if (!isReceiptsError(e)) throw e;
    expect(e.code).not.toBe('INTERNAL');
    expect(e.place.file).toBe(file);
  }
  expect(performance.now() - started).toBeLessThan(MAX_MS_PER_READ);
}

type Edit =
  | { kind: 'delete'; at: number; len: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'duplicate'; at: number; len: number };

/** Edits that real files suffer: cut, doubled, inserted junk, lost line breaks. */
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), len: fc.nat({ max: 40 }) }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.string({ maxLength: 12 }),
  }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.constantFrom(
      ...['(', ')', '[', ']', '{', '}', ':', ': ', '  \n', '\n\n', '**', '_', '<br>', '<b>'],
      ...['"', ',', '\t', '\u00a0', 'ANNA: ', '   Ben: ', '\\-', '[v.o.] '],
    ),
  }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), len: fc.nat({ max: 80 }) }),
);

function mutate(seed: string, edits: readonly Edit[]): string {
  let s = seed;
  for (const e of edits) {
    const at = s.length === 0 ? 0 : e.at % (s.length + 1);
    if (e.kind === 'delete') s = s.slice(0, at) + s.slice(at + e.len);
    else if (e.kind === 'insert') s = s.slice(0, at) + e.text + s.slice(at);
    else s = s.slice(0, at) + s.slice(at, at + e.len) + s.slice(at);
  }
  return s;
}

describe('readTranscript on hostile input', () => {
  it('reads arbitrary bytes or refuses them with a located ReceiptsError', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 600 }),
        fc.constantFrom('x.txt', 'x.htm', 'x.csv', 'x'),
        (bytes, file) => {
          readChecked(bytes, file);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('reads arbitrary text in every dialect, or refuses it with a located ReceiptsError', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 400 }),
        fc.constantFrom(...DIALECTS),
        (text, dialect) => {
          readChecked(utf8(text), 'x.txt', dialect);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('reads every mutation of each dialect sample without crashing', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...DIALECTS),
        fc.array(edit, { maxLength: 8 }),
        (dialect, edits) => {
          const text = mutate(SEEDS[dialect], edits);
          if (text.trim() === '') return;
          readChecked(utf8(text), `seed.${dialect}`);
          readChecked(utf8(text), `seed.${dialect}`, dialect);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('reads the unmutated samples as the dialect they are', () => {
    for (const dialect of DIALECTS) {
      const r = readTranscript(utf8(SEEDS[dialect]), 'seed');
      expect(r.parts[0]!.transcript.dialect).toBe(dialect);
    }
  });

  it('stays linear on long pathological lines', () => {
    const patterns = [
      '('.repeat(200_000),
      'x]: '.repeat(50_000),
      'ANNA: '.repeat(40_000),
      `ANNA: ${'. BOB: ('.repeat(25_000)}`,
      `${'A'.repeat(100_000)}: x`,
      `a${' '.repeat(200_000)}b`,
      `${'**'.repeat(50_000)}\n${'_'.repeat(100_000)}`,
      `Name${'.'.repeat(100_000)}`,
      `[${'['.repeat(100_000)}`,
      `{${'a}{'.repeat(50_000)}`,
      `${'KIM\n'.repeat(20_000)}[OC]: x`,
      // htmlparser2 itself slows down quadratically on thousands of unclosed nested tags
      // (its open-element stack), so this one stays at a depth a real page never reaches.
      `${'<b>'.repeat(5_000)}${'<br'.repeat(30_000)}`,
      `Speaker,Text\n${'A,"b""c"\n'.repeat(20_000)}`,
    ];
    for (const text of patterns) {
      for (const dialect of DIALECTS) {
        const started = performance.now();
        try {
          parseAs(dialect, text, 'long.txt');
        } catch (e) {
          if (!isReceiptsError(e)) throw e;
        }
        expect(
          performance.now() - started,
          `${dialect} on ${JSON.stringify(text.slice(0, 12))}`,
        ).toBeLessThan(MAX_MS_PER_READ);
      }
    }
  });
});
