import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { isReceiptsError } from '../src/domain/errors.js';
import type { DialogueLine, TranscriptLine } from '../src/domain/transcript.js';
import { readTranscript, type ReadTranscriptResult } from '../src/formats/read-transcript.js';
import { HAS_SHARED_DATA, sharedData } from './shared-data.js';

// The real transcripts in ../shared/data (never copied here). Expected numbers were checked
// by hand against the files (grep counts of headings and labels, then reading the misses).

const DW = ['doctor-who-chakoteya-angewzhao', 'data-raw', 'doctor_who_transcripts'];
const ST = ['star-trek-chakoteya-raw-html', 'transcripts'];
const FRASIER = ['frasier-transcripts-and-srt', 'data', 'scripts'];
const TOS_CSV = ['star-trek-tos-chakoteya-csv', 'st-tos-transcripts.csv'];

/** Three Eighth Doctor audio books are prose, not transcripts: no speaker labels at all. */
const PROSE_BOOKS = /^(Bountyl_bounty|DeadTimel_dead_time|PTemplel_the_people's_temple.*)\.txt$/;

function files(parts: readonly string[], ext: RegExp): string[] {
  const dir = sharedData(...parts);
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => ext.test(f))
    .sort()
    .map((f) => join(dir, f));
}

function read(...parts: string[]): ReadTranscriptResult {
  const path = sharedData(...parts);
  return readTranscript(readFileSync(path), path);
}

function lines(r: ReadTranscriptResult, part = 0): readonly TranscriptLine[] {
  return r.parts[part]!.transcript.lines;
}

function count(ls: readonly TranscriptLine[], kind: TranscriptLine['kind']): number {
  return ls.filter((l) => l.kind === kind).length;
}

/** The line right after `l` in its transcript. */
function after(
  ls: readonly TranscriptLine[],
  l: TranscriptLine,
  n = 1,
): TranscriptLine | undefined {
  return ls[l.seq + n];
}

function speakers(ls: readonly TranscriptLine[]): string[] {
  return ls
    .filter((l): l is DialogueLine => l.kind === 'dialogue')
    .map((l) => l.speaker.toUpperCase());
}

/** Longest common subsequence length, for comparing two speaker sequences. */
function lcs(a: readonly string[], b: readonly string[]): number {
  let prev = new Uint32Array(b.length + 1);
  for (const x of a) {
    const cur = new Uint32Array(b.length + 1);
    for (let j = 0; j < b.length; j++)
      cur[j + 1] = x === b[j] ? prev[j]! + 1 : Math.max(prev[j + 1]!, cur[j]!);
    prev = cur;
  }
  return prev[b.length]!;
}

const agreement = (a: readonly string[], b: readonly string[]): number =>
  (2 * lcs(a, b)) / (a.length + b.length);

describe.skipIf(!HAS_SHARED_DATA)('transcript readers on the real data', () => {
  describe('every file of every set', () => {
    it('reads all 360 Doctor Who transcripts: 357 parse, the 3 prose audio books are refused', () => {
      const all = files(DW, /\.txt$/);
      expect(all).toHaveLength(360);
      const refused: string[] = [];
      for (const f of all) {
        try {
          const r = readTranscript(readFileSync(f), f);
          expect(r.parts).toHaveLength(1);
          expect(r.parts[0]!.transcript.dialect).toBe('chakoteya-text');
          expect(count(lines(r), 'dialogue')).toBeGreaterThan(0);
        } catch (e) {
          if (!isReceiptsError(e) || e.code !== 'TRANSCRIPT_MALFORMED') throw e;
          refused.push(f.slice(f.lastIndexOf('/') + 1));
        }
      }
      expect(refused).toHaveLength(3);
      for (const name of refused) expect(name).toMatch(PROSE_BOOKS);
    });

    it('reads all 683 Star Trek pages as chakoteya HTML, each with its season and episode', () => {
      const all = files(ST, /\.htm$/);
      expect(all).toHaveLength(683);
      let dialogue = 0;
      for (const f of all) {
        const r = readTranscript(readFileSync(f), f);
        const p = r.parts[0]!;
        expect(p.transcript.dialect).toBe('chakoteya-html');
        expect(p.title).not.toBeNull();
        expect(p.season).not.toBeNull();
        expect(count(p.transcript.lines, 'dialogue')).toBeGreaterThan(50);
        dialogue += count(p.transcript.lines, 'dialogue');
      }
      // 260,840 when measured; the range allows small parser refinements.
      expect(dialogue).toBeGreaterThan(255_000);
      expect(dialogue).toBeLessThan(265_000);
    });

    it('reads all 264 Frasier transcripts with title, season, episode and air date', () => {
      const all = files(FRASIER, /\.txt$/);
      expect(all).toHaveLength(264);
      for (const f of all) {
        const r = readTranscript(readFileSync(f), f);
        const p = r.parts[0]!;
        expect(p.transcript.dialect).toBe('frasier');
        expect(p.title).not.toBeNull();
        expect(`${p.season}${String(p.number).padStart(2, '0')}`).toBe(
          f.slice(f.lastIndexOf('/') + 1, -4).replace(/^0/, ''),
        );
        // 0912.txt lost its line breaks; every other file has hundreds of turns.
        expect(count(p.transcript.lines, 'dialogue')).toBeGreaterThan(
          f.endsWith('0912.txt') ? 20 : 150,
        );
      }
    });
  });

  describe('Doctor Who (html2text chakoteya)', () => {
    it('has the counts per kind checked by hand in Blink', () => {
      const r = read(...DW, 'doctor_10', '29_10_blink.txt');
      const ls = lines(r);
      expect(r.parts[0]!.title).toBe('Blink');
      expect(r.parts[0]!.transcript.airDate).toBe('9 Jun, 2007');
      expect(count(ls, 'scene')).toBe(46); // 46 `**[...]**` headings
      expect(count(ls, 'dialogue')).toBeGreaterThanOrEqual(400); // 400 labelled lines, +1 split around a direction
      expect(count(ls, 'dialogue')).toBeLessThanOrEqual(406);
      expect(count(ls, 'action')).toBeGreaterThanOrEqual(78); // 80 lines opening with `(`
      expect(count(ls, 'action')).toBeLessThanOrEqual(84);
    });

    it('finds "Are you my mummy?" spoken by the child, off camera, in The Empty Child', () => {
      const ls = lines(read(...DW, 'doctor_9', '27_9_the_empty_child.txt'));
      const hits = ls.filter((l) => l.kind === 'dialogue' && l.text === 'Are you my mummy?');
      expect(hits.length).toBeGreaterThanOrEqual(2);
      expect(hits[0]).toMatchObject({ speaker: 'CHILD', qualifier: 'OC' });
    });

    it('splits Jack\'s line around "(kisses her)" and keeps "(Jack kisses the Doctor.)" as an action', () => {
      const ls = lines(read(...DW, 'doctor_9', '27_13_the_parting_of_the_ways.txt'));
      const line = ls.find(
        (l) => l.kind === 'dialogue' && l.text === 'Rose, you are worth fighting for.',
      )!;
      expect(line).toMatchObject({ speaker: 'JACK', qualifier: null });
      expect(after(ls, line)).toMatchObject({
        kind: 'action',
        text: 'kisses her',
        speaker: 'JACK',
        line: line.line,
      });
      expect(after(ls, line, 2)).toMatchObject({
        kind: 'dialogue',
        speaker: 'JACK',
        line: line.line,
      });
      expect((after(ls, line, 2) as DialogueLine).text).toMatch(/^Wish I'd never met you/);
      expect(ls).toContainEqual(
        expect.objectContaining({ kind: 'action', text: 'Jack kisses the Doctor.', speaker: null }),
      );
    });

    it('reads "IANTO [on scanner]: Doing it now, sir." in Journey\'s End', () => {
      const ls = lines(read(...DW, 'doctor_10', "30_13_journey's_end.txt"));
      expect(ls).toContainEqual(
        expect.objectContaining({
          kind: 'dialogue',
          speaker: 'IANTO',
          qualifier: 'on scanner',
          text: 'Doing it now, sir.',
        }),
      );
    });
  });

  describe('Star Trek (chakoteya HTML)', () => {
    const r = () => read(...ST, 'ds9', '401.htm');

    it('reads Emissary: title, air date, season and episode marks, counts per kind', () => {
      const res = r();
      const p = res.parts[0]!;
      expect(p).toMatchObject({ key: null, season: 1, number: 1, title: 'Emissary' });
      expect(p.transcript.airDate).toBe('3 Jan, 1993');
      // 90 bold headings (one is split over three source lines), ~662 labelled lines.
      expect(count(p.transcript.lines, 'scene')).toBe(90);
      expect(count(p.transcript.lines, 'dialogue')).toBeGreaterThanOrEqual(660);
      expect(count(p.transcript.lines, 'dialogue')).toBeLessThanOrEqual(680);
    });

    it('finds "LOCUTUS [on viewscreen]: Resistance is futile." and the captain described in a direction', () => {
      const ls = lines(r());
      const locutus = ls.find((l) => l.kind === 'dialogue' && l.speaker === 'LOCUTUS')!;
      expect(locutus).toMatchObject({ qualifier: 'on viewscreen', line: 35 });
      expect((locutus as DialogueLine).text).toMatch(/^Resistance is futile\./);
      const vulcan = after(ls, locutus)!;
      expect(vulcan).toMatchObject({ kind: 'action', text: 'a Vulcan', speaker: 'CAPTAIN' });
      expect(after(ls, vulcan)).toMatchObject({ kind: 'dialogue', speaker: 'CAPTAIN' });
    });
  });

  describe('TOS CSV', () => {
    let csv: ReadTranscriptResult;
    beforeAll(() => {
      csv = read(...TOS_CSV);
    });

    it('holds 79 episodes as parts keyed by the Episode column', () => {
      expect(csv.parts).toHaveLength(79);
      expect(csv.parts.map((p) => p.key)).toEqual(
        Array.from({ length: 79 }, (_, i) => String(i + 1)),
      );
      expect(csv.parts[0]).toMatchObject({ season: 1, number: 1, title: 'The Cage' });
    });

    it('starts with the bridge and Spock: "Check the circuit." on CSV line 2', () => {
      expect(lines(csv).slice(0, 3)).toEqual([
        { kind: 'scene', seq: 0, line: 2, text: 'bridge' },
        {
          kind: 'dialogue',
          seq: 1,
          line: 2,
          speaker: 'Spock',
          qualifier: null,
          text: 'Check the circuit.',
        },
        {
          kind: 'dialogue',
          seq: 2,
          line: 3,
          speaker: 'Tyler',
          qualifier: null,
          text: 'All operating, sir.',
        },
      ]);
    });

    it('keeps every one of the 32,245 rows: 3,059 speakerless rows become actions', () => {
      let dialogue = 0;
      let unattributed = 0;
      for (const p of csv.parts) {
        dialogue += count(p.transcript.lines, 'dialogue');
        unattributed += p.transcript.lines.filter(
          (l) => l.kind === 'action' && l.speaker === null,
        ).length;
      }
      expect(unattributed).toBe(3059);
      expect(dialogue).toBeGreaterThan(29_000);
    });

    it('agrees with the raw TOS HTML on who speaks, line by line', () => {
      const html = read(...ST, 'tos', '1.htm');
      const a = speakers(lines(csv, 0));
      const b = speakers(lines(html));
      const rate = agreement(a, b);
      console.log(
        `The Cage: CSV ${a.length} turns, HTML ${b.length} turns, speaker agreement ${rate.toFixed(3)}`,
      );
      expect(rate).toBeGreaterThan(0.99); // 0.999 when measured

      const rates = csv.parts.map((p) =>
        agreement(
          speakers(p.transcript.lines),
          speakers(lines(read(...ST, 'tos', `${p.key}.htm`))),
        ),
      );
      const mean = rates.reduce((x, y) => x + y, 0) / rates.length;
      console.log(
        `all 79 TOS episodes: mean speaker agreement ${mean.toFixed(3)}, lowest ${Math.min(...rates).toFixed(3)}`,
      );
      expect(mean).toBeGreaterThan(0.98); // 0.992 when measured
      expect(Math.min(...rates)).toBeGreaterThan(0.95); // 0.967 when measured
    });
  });

  describe('Frasier', () => {
    it('reads the cast list from the header of The Good Son', () => {
      const t = read(...FRASIER, '0101.txt').parts[0]!.transcript;
      expect(t.title).toBe('The Good Son');
      expect(t.airDate).toBe('16th September 1993');
      expect(t.cast).toEqual(
        expect.arrayContaining([
          'FRASIER CRANE',
          'ROZ DOYLE',
          'NILES CRANE',
          'MARTIN CRANE',
          'DAPHNE MOON',
          'EDDIE',
        ]),
      );
    });

    it("reads Frasier's first line with its bracketed direction and its hanging-indent continuation", () => {
      const ls = lines(read(...FRASIER, '0101.txt'));
      const firmly = ls.find((l) => l.kind === 'action' && l.text === 'firmly')!;
      expect(firmly).toMatchObject({ speaker: 'Frasier' });
      const words = after(ls, firmly) as DialogueLine;
      expect(words).toMatchObject({ kind: 'dialogue', speaker: 'Frasier', line: firmly.line });
      expect(words.text).toMatch(/^Listen to yourself, Bob! You follow her to work, you eavesdrop/);
      expect(words.text).toMatch(/the relationship was over!$/);
    });

    it("takes a leading [v.o.] as the caller's qualifier, and has the counts per kind checked by hand", () => {
      const ls = lines(read(...FRASIER, '0101.txt'));
      expect(ls).toContainEqual(
        expect.objectContaining({ kind: 'dialogue', speaker: 'Russell', qualifier: 'v.o.' }),
      );
      // 9 `Act`/`Scene` markers and `Credits:`; ~231 labels split around ~72 directions.
      expect(count(ls, 'scene')).toBe(10);
      expect(count(ls, 'dialogue')).toBeGreaterThanOrEqual(240);
      expect(count(ls, 'dialogue')).toBeLessThanOrEqual(280);
    });
  });
});
