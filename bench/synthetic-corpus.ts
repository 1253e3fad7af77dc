// The synthetic corpus the search and workbench benchmarks share: 5 series x 100 episodes x
// (1 subtitle + 1 transcript), a Zipf vocabulary of 30,000 words with the common English ones on
// top, 2 % stock phrases ("I don't know"), 40 speakers (Zipf) named by label or alias. Seeded, so
// every run builds the same library.
import { statSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { Character, Episode } from '../src/domain/canon.js';
import type { LineKind } from '../src/domain/search.js';
import type { IngestBatch, LineInput, SourceInput } from '../src/store/canon-store.js';
import { openSqliteStore } from '../src/store/sqlite/canon-store.js';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = rng(20240601);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;

// Spoken English, roughly by frequency; the tail is made-up words (a few with accents).
const COMMON = `the you i to a and it that is what of in me this know no we on not your don't
have for be do it's i'm he my just was are with can all so well there yes come get oh right like
here they about him go out one now but if up her want she think how going at got why who where
can't then them that's see there's tell back good time look us mean sorry something been would
could let's sir doctor okay man never need really because take had from did say an yeah or will as
when by thank please these over down make again doing anything nothing our very way his than
little too more off last first alright into hey much thing life help before people still hello
stop wait find those believe talk course name world trust remember love dead kill long listen two
captain ship after lot maybe since great sure home kind must even fine always around place told
night though better gone gonna`.split(/\s+/u);
const SYLLABLES =
  'ka lo mi ra ten vor shi bel dra qu zen tor ix ul pha ne gri sol ma ve co ri an el os pe tra ku ja fy'.split(
    ' ',
  );
function vocabulary(size: number): string[] {
  const words = [...new Set(COMMON)];
  const seen = new Set(words);
  while (words.length < size) {
    let w = '';
    const n = 2 + Math.floor(random() * 3);
    for (let i = 0; i < n; i++) w += pick(SYLLABLES);
    if (random() < 0.05) w = `${w.slice(0, -1)}é`;
    if (!seen.has(w)) {
      seen.add(w);
      words.push(w);
    }
  }
  return words;
}
function zipf(n: number, s = 1): () => number {
  const cdf = new Float64Array(n);
  let acc = 0;
  for (let i = 0; i < n; i++) cdf[i] = acc += 1 / Math.pow(i + 1, s);
  return () => {
    const x = random() * acc;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const m = (lo + hi) >> 1;
      if (cdf[m]! < x) lo = m + 1;
      else hi = m;
    }
    return lo;
  };
}
const VOCAB = vocabulary(30_000);
const nextWord = zipf(VOCAB.length);
const PHRASES = [
  "I don't know",
  'what are you doing',
  'come on',
  "I'm sorry",
  'are you all right',
  'thank you',
  "let's go",
  'what do you mean',
];
function sentence(): string {
  const n = 2 + Math.floor(random() * 12);
  const words: string[] = [];
  for (let i = 0; i < n; i++) words.push(random() < 0.02 ? pick(PHRASES) : VOCAB[nextWord()]!);
  const t = words.join(' ');
  return t[0]!.toUpperCase() + t.slice(1) + (random() < 0.3 ? '?' : '.');
}

export const SERIES = 5;
export const SEASONS = 5;
export const PER_SEASON = 20;
export const EPISODES = SEASONS * PER_SEASON;
export const NAMES = `Jack Ianto Gwen Owen Toshiko Rhys Andy Suzie Martha Rose Mickey Donna Amy Rory
Clara River Wilf Sarah Harriet Lucy Francine Tish Jackie Pete Adam Reinette Astrid Luke Maria Clyde
Rani Alan Chrissie Ace Mel Peri Tegan Nyssa Adric Romana`.split(/\s+/u);
const nextSpeaker = zipf(NAMES.length, 1.1);

// Rare words and phrases to query, taken from the tail of the vocabulary as the corpus uses them.
export const rareWords: string[] = [];
export const rarePhrases: string[] = [];
let lineCount = 0;
function sampleRare(text: string): void {
  if (rareWords.length >= 40 || lineCount % 997 !== 0) return;
  const words = text.toLowerCase().replace(/[.?]$/u, '').split(' ');
  const at = words.findIndex((w) => VOCAB.indexOf(w) > 5000);
  if (at < 0) return;
  rareWords.push(words[at]!);
  if (at + 1 < words.length) rarePhrases.push(`${words[at]} ${words[at + 1]}`);
}

function episodeId(position: number): string {
  const season = Math.floor(position / PER_SEASON) + 1;
  const number = (position % PER_SEASON) + 1;
  return `S${String(season).padStart(2, '0')}E${String(number).padStart(2, '0')}`;
}

function seriesBatch(s: number, perSource: number): IngestBatch {
  const episodes: Episode[] = Array.from({ length: EPISODES }, (_, p) => ({
    id: episodeId(p),
    season: Math.floor(p / PER_SEASON) + 1,
    number: (p % PER_SEASON) + 1,
    title: `Episode ${p + 1}`,
    airDate: null,
    storyOrder: null,
  }));
  const characters: Character[] = NAMES.map((n) => ({
    name: `${n} ${n}son`,
    aliases: [n.toUpperCase(), `Captain ${n}`],
    unlisted: false,
  }));
  const sources: SourceInput[] = [];
  for (let p = 0; p < EPISODES; p++) {
    for (const role of ['subtitle', 'transcript'] as const) {
      const lines: LineInput[] = [];
      for (let seq = 0; seq < perSource; seq++) {
        const r = random();
        const kind: LineKind =
          role === 'subtitle' ? 'cue' : r < 0.8 ? 'dialogue' : r < 0.95 ? 'action' : 'scene';
        const speaker = kind === 'dialogue' || (kind === 'cue' && r < 0.4) ? nextSpeaker() : -1;
        const text = kind === 'scene' ? `${pick(VOCAB.slice(200, 400))} room` : sentence();
        const name = NAMES[speaker];
        const label =
          name === undefined ? null : random() < 0.9 ? name.toUpperCase() : `Captain ${name}`;
        lines.push({
          kind,
          seq,
          line: seq + 1,
          startMs: kind === 'cue' ? seq * 2000 : null,
          endMs: kind === 'cue' ? seq * 2000 + 1500 : null,
          speakerLabel: label,
          qualifier: null,
          text,
          styled: null,
          sound: false,
        });
        sampleRare(text);
        lineCount++;
      }
      sources.push({
        path: `s${s}/${episodeId(p)}.${role === 'subtitle' ? 'srt' : 'txt'}`,
        hash: `${s}-${p}-${role}`,
        episodeId: episodeId(p),
        role,
        format: role === 'subtitle' ? 'srt' : 'chakoteya-text',
        encoding: 'UTF-8',
        language: null,
        lines,
      });
    }
  }
  return {
    series: { id: `s${s}`, title: `Series ${s}`, manifest: `s${s}/canon.yaml` },
    episodes,
    characters,
    sources,
    keep: [],
  };
}

export interface SyntheticLibrary {
  readonly lines: number;
  readonly perSource: number;
  readonly generateMs: number;
  readonly ingestMs: number;
  /** Library file and WAL right after ingest, and the file after a checkpoint. */
  readonly walBytes: number;
  readonly dbBytes: number;
}

const bytes = (f: string) => {
  try {
    return statSync(f).size;
  } catch {
    return 0;
  }
};

/** Write about `total` lines into a new library at `file` through CanonStore.applyIngest. */
export async function buildSyntheticLibrary(
  file: string,
  total: number,
): Promise<SyntheticLibrary> {
  const perSource = Math.max(1, Math.round(total / (SERIES * EPISODES * 2)));
  const store = await openSqliteStore(file);
  let generateMs = 0;
  let ingestMs = 0;
  for (let s = 1; s <= SERIES; s++) {
    let t = performance.now();
    const batch = seriesBatch(s, perSource);
    generateMs += performance.now() - t;
    t = performance.now();
    await store.applyIngest(batch);
    ingestMs += performance.now() - t;
  }
  const walBytes = bytes(file) + bytes(`${file}-wal`);
  await store.close();
  const db = new Database(file);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return { lines: lineCount, perSource, generateMs, ingestMs, walBytes, dbBytes: bytes(file) };
}
