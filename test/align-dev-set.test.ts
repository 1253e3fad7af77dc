import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DialogueLine } from '../src/domain/transcript.js';
import { readSubtitlesSync } from '../src/formats/read-subtitles.js';
import { readTranscript } from '../src/formats/read-transcript.js';
import { HAS_SHARED_DATA, REPO_ROOT, sharedData } from './shared-data.js';

// The hand-labelled alignment dev set (test/fixtures/align-dev-set/README.md): these tests
// keep the fixtures honest against the real files, so an aligner is measured on sound labels.

const DIR = join(REPO_ROOT, 'test', 'fixtures', 'align-dev-set');
const DATA_SET = 'frasier-transcripts-and-srt';

interface LabelledCue {
  readonly cueIndex: number;
  readonly part: number;
  readonly speakers: readonly string[];
  readonly lines: readonly number[];
}

interface DevEpisode {
  readonly subtitles: string;
  readonly transcript: string;
  readonly cues: readonly LabelledCue[];
}

/** Counts stated in the README; a fixture that loses or gains labels fails here. */
const EXPECTED: Record<
  string,
  { parts: number; withSpeaker: number; noLines: number; two: number }
> = {
  '0116': { parts: 321, withSpeaker: 315, noLines: 7, two: 0 },
  '0310': { parts: 338, withSpeaker: 336, noLines: 2, two: 6 },
  '0501': { parts: 335, withSpeaker: 331, noLines: 19, two: 0 },
};

function episodeIds(): string[] {
  return readdirSync(DIR)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -'.json'.length))
    .sort();
}

function load(id: string): DevEpisode {
  return JSON.parse(readFileSync(join(DIR, `${id}.json`), 'utf8')) as DevEpisode;
}

const isIndex = (n: unknown): boolean => Number.isInteger(n) && (n as number) >= 0;

describe('the alignment dev set fixtures', () => {
  it('holds the episodes the README lists and no others', () => {
    expect(episodeIds()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(episodeIds())('%s holds only indices, labels and line numbers, no text', (id) => {
    const ep = load(id);
    expect(Object.keys(ep).sort()).toEqual(['cues', 'subtitles', 'transcript']);
    expect(ep.transcript).toBe(`data/scripts/${id}.txt`);
    expect(ep.subtitles).toMatch(/^data\/subtitles\/series\/\d\d\/Episode_\d+\.srt$/);
    for (const c of ep.cues) {
      const where = `${id} cue ${c.cueIndex}.${c.part}`;
      expect(Object.keys(c).sort(), where).toEqual(['cueIndex', 'lines', 'part', 'speakers']);
      expect(isIndex(c.cueIndex) && isIndex(c.part), where).toBe(true);
      expect(c.speakers.length, where).toBeLessThanOrEqual(2);
      expect(new Set(c.speakers).size, where).toBe(c.speakers.length);
      expect(
        c.lines.every((n) => Number.isInteger(n) && n > 0),
        where,
      ).toBe(true);
      expect(
        [...c.lines].sort((a, b) => a - b),
        where,
      ).toEqual(c.lines);
      if (c.lines.length > 0) expect(c.speakers.length, where).toBeGreaterThan(0);
    }
  });

  it.each(episodeIds())('%s has the counts the README states', (id) => {
    const cues = load(id).cues;
    expect({
      parts: cues.length,
      withSpeaker: cues.filter((c) => c.speakers.length > 0).length,
      noLines: cues.filter((c) => c.lines.length === 0).length,
      two: cues.filter((c) => c.speakers.length === 2).length,
    }).toEqual(EXPECTED[id]);
  });
});

describe.skipIf(!HAS_SHARED_DATA)('the alignment dev set against ../shared/data', () => {
  it.each(episodeIds())('%s labels every cue part readSubtitles returns, in order', (id) => {
    const ep = load(id);
    const path = sharedData(DATA_SET, ep.subtitles);
    const cues = readSubtitlesSync(readFileSync(path), ep.subtitles).cues;
    expect(ep.cues.map((c) => `${c.cueIndex}.${c.part}`)).toEqual(
      cues.map((c) => `${c.cueIndex}.${c.part}`),
    );
  });

  it.each(episodeIds())('%s names only dialogue lines spoken by a labelled speaker', (id) => {
    const ep = load(id);
    const path = sharedData(DATA_SET, ep.transcript);
    const lines = readTranscript(readFileSync(path), ep.transcript).parts[0]!.transcript.lines;
    const dialogue = lines.filter((l): l is DialogueLine => l.kind === 'dialogue');
    const speakersOf = new Map<number, Set<string>>();
    for (const l of dialogue)
      speakersOf.set(l.line, (speakersOf.get(l.line) ?? new Set()).add(l.speaker));
    const known = new Set(dialogue.map((l) => l.speaker));
    for (const c of ep.cues) {
      const where = `${id} cue ${c.cueIndex}.${c.part}`;
      for (const s of c.speakers) expect(known.has(s), `${where}: ${s}`).toBe(true);
      for (const n of c.lines) {
        const said = [...(speakersOf.get(n) ?? [])];
        expect(said.length, `${where}: line ${n} is no dialogue line`).toBeGreaterThan(0);
        expect(
          said.some((s) => c.speakers.includes(s)),
          `${where}: line ${n} is spoken by ${said.join('/')}`,
        ).toBe(true);
      }
      // Every labelled speaker is backed by a named line, unless the cue has no counterpart.
      if (c.lines.length > 0) {
        const backed = new Set(c.lines.flatMap((n) => [...(speakersOf.get(n) ?? [])]));
        for (const s of c.speakers)
          expect(backed.has(s), `${where}: ${s} says none of its lines`).toBe(true);
      }
    }
  });

  it.each(episodeIds())('%s names transcript lines in the order the cues are spoken', (id) => {
    // Subtitles keep the order of speech, so a label pointing back before the last one is a slip.
    let last = 0;
    for (const c of load(id).cues) {
      const first = c.lines[0];
      if (first === undefined) continue;
      expect(first, `${id} cue ${c.cueIndex}.${c.part}`).toBeGreaterThanOrEqual(last);
      last = c.lines[c.lines.length - 1] ?? first;
    }
  });
});
