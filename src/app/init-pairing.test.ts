import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../store/sqlite/canon-store.js';
import { ingestCanon } from './ingest-canon.js';
import { scanCanonFolder, writeManifest } from './init-canon.js';

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'receipts-pairing-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

// Each episode talks about its own things, so its words tell it apart from the others.
const TOPICS = [
  ['lighthouse', 'lamp', 'storm', 'keeper', 'harbour', 'gulls', 'fog', 'rocks'],
  ['bakery', 'bread', 'flour', 'oven', 'morning', 'sourdough', 'baker', 'crust'],
  ['museum', 'painting', 'thief', 'alarm', 'gallery', 'frame', 'guard', 'night'],
  ['garden', 'roses', 'spade', 'rain', 'hedge', 'snail', 'compost', 'bench'],
];
// Made of the topic's own words only, so no trigram is shared between episodes.
const sentences = (t: readonly string[]) =>
  t.flatMap((w, i) => {
    const at = (k: number) => t[(i + k) % t.length]!;
    return [
      `${w} ${at(1)}, ${at(3)} and ${at(5)}.`,
      `${at(2)} ${w} ${at(6)}?`,
      `${at(4)}, ${at(7)} ${w} ${at(1)} ${at(2)}!`,
    ];
  });
const transcript = (t: readonly string[]) =>
  sentences(t)
    .map((s, i) => `${i % 2 ? 'MARA' : 'TOMAS'}: ${s}`)
    .join('\n');
const srt = (t: readonly string[]) =>
  sentences(t)
    .map((s, i) => `${i + 1}\n00:00:${String(i + 10)},000 --> 00:00:${String(i + 10)},900\n${s}\n`)
    .join('\n');

function write(file: string, text: string) {
  mkdirSync(join(dir, file, '..'), { recursive: true });
  writeFileSync(join(dir, file), text);
}

describe('pairing subtitles by content in receipts init', () => {
  it('moves a misnamed file to the episode it holds and leaves out a duplicate', async () => {
    TOPICS.forEach((t, i) => write(`transcripts/010${i + 1}.txt`, transcript(t)));
    write('subs/Show - 01x01.srt', srt(TOPICS[0]!));
    write('subs/Show - 01x02.srt', srt(TOPICS[2]!)); // holds episode 3
    write('subs/Show - 01x03.srt', srt(TOPICS[1]!)); // holds episode 2
    write('subs/Show - 01x04.srt', srt(TOPICS[0]!)); // a copy of episode 1
    const report = await scanCanonFolder(dir, { title: 'Show' });
    expect(report.pairing.moved).toEqual([
      { file: 'subs/Show - 01x02.srt', from: 'S01E02', to: 'S01E03' },
      { file: 'subs/Show - 01x03.srt', from: 'S01E03', to: 'S01E02' },
      { file: 'subs/Show - 01x04.srt', from: 'S01E04', to: 'S01E01' },
    ]);
    expect(report.pairing.duplicates).toEqual([
      { kept: 'subs/Show - 01x01.srt', dropped: ['subs/Show - 01x04.srt'] },
    ]);
    const subs = Object.fromEntries(
      report.manifest.episodes.map((e) => [e.id, e.subtitles.map((s) => s.file)]),
    );
    expect(subs).toEqual({
      S01E01: ['subs/Show - 01x01.srt'],
      S01E02: ['subs/Show - 01x03.srt'],
      S01E03: ['subs/Show - 01x02.srt'],
      S01E04: [],
    });
  });

  it('splits a file holding two episodes at the seam, and ingest reads each part', async () => {
    TOPICS.slice(0, 3).forEach((t, i) => write(`transcripts/010${i + 1}.txt`, transcript(t)));
    const both = [...sentences(TOPICS[0]!), ...sentences(TOPICS[1]!)];
    write(
      'subs/Show - 01x01.srt',
      both
        .map(
          (s, i) => `${i + 1}\n00:${String(10 + i)}:00,000 --> 00:${String(10 + i)}:01,000\n${s}\n`,
        )
        .join('\n'),
    );
    write('subs/Show - 01x03.srt', srt(TOPICS[2]!));
    const report = await scanCanonFolder(dir, { title: 'Show' });
    expect(report.pairing.twoEpisodes).toEqual([
      {
        file: 'subs/Show - 01x01.srt',
        first: 'S01E01',
        second: 'S01E02',
        seamCueIndex: 24,
        split: true,
      },
    ]);
    const [e1, e2] = report.manifest.episodes;
    expect(e1!.subtitles).toEqual([
      { file: 'subs/Show - 01x01.srt', language: null, cues: '1-24' },
    ]);
    expect(e2!.subtitles).toEqual([{ file: 'subs/Show - 01x01.srt', language: null, cues: '25-' }]);

    const store = await openSqliteStore(join(dir, 'library.db'));
    try {
      await ingestCanon(await writeManifest(dir, report), store);
      const cues = async (episode: string) =>
        (await store.episodeSources('show', episode))[0]!.lines.map((l) => [l.seq, l.line]);
      const first = await cues('S01E01');
      const second = await cues('S01E02');
      expect(first).toHaveLength(24);
      expect(second).toHaveLength(24);
      expect(second[0]).toEqual([0, 24 * 4 + 2]); // cue 25 starts on line 98 of the file
      const [source] = await store.episodeSources('show', 'S01E02');
      expect(source!.path).toBe('subs/Show - 01x01.srt#25-');
    } finally {
      await store.close();
    }
  });

  it('keeps names as they are with byName', async () => {
    TOPICS.slice(0, 2).forEach((t, i) => write(`transcripts/010${i + 1}.txt`, transcript(t)));
    write('subs/Show - 01x01.srt', srt(TOPICS[1]!));
    write('subs/Show - 01x02.srt', srt(TOPICS[0]!));
    const report = await scanCanonFolder(dir, { title: 'Show', byName: true });
    expect(report.pairing.moved).toEqual([]);
    expect(report.manifest.episodes[0]!.subtitles[0]!.file).toBe('subs/Show - 01x01.srt');
  });
});
