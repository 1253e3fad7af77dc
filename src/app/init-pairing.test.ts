import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { scanCanonFolder } from './init-canon.js';

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
const sentences = (t: readonly string[]) =>
  t.flatMap((w, i) => [
    `The ${w} was never the same after the ${t[(i + 1) % t.length]} came back.`,
    `Did you see the ${w} near the ${t[(i + 3) % t.length]} today?`,
    `I told you the ${t[(i + 2) % t.length]} would ruin the ${w} again.`,
  ]);
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

  it('keeps names as they are with byName', async () => {
    TOPICS.slice(0, 2).forEach((t, i) => write(`transcripts/010${i + 1}.txt`, transcript(t)));
    write('subs/Show - 01x01.srt', srt(TOPICS[1]!));
    write('subs/Show - 01x02.srt', srt(TOPICS[0]!));
    const report = await scanCanonFolder(dir, { title: 'Show', byName: true });
    expect(report.pairing.moved).toEqual([]);
    expect(report.manifest.episodes[0]!.subtitles[0]!.file).toBe('subs/Show - 01x01.srt');
  });
});
