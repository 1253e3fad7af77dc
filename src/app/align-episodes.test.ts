import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CanonStore } from '../store/canon-store.js';
import { openSqliteStore } from '../store/sqlite/canon-store.js';
import { alignEpisodes, proposePairings } from './align-episodes.js';
import { ingestCanon } from './ingest-canon.js';

let dir: string;
let store: CanonStore;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'receipts-align-'));
  store = await openSqliteStore(join(dir, 'library.db'));
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const HARBOUR = [
  ['MARA', 'The lamp has been dark for an hour, Tomas.'],
  ['TOMAS', 'I had to walk round by the cliffs in the rain.'],
  ['MARA', 'Would you miss me if I went back to the mainland?'],
  ['TOMAS', 'Every single night, and twice on Sundays.'],
  ['MARA', 'Then keep the light burning for me.'],
];
const BAKERY = [
  ['ANNA', 'The sourdough needs another hour in the warm cupboard.'],
  ['PIET', 'You said that about the rye loaf yesterday morning.'],
  ['ANNA', 'And the rye loaf was perfect, was it not?'],
  ['PIET', 'It was burnt black on the bottom, Anna.'],
];
const GERMAN = [
  'Die Lampe ist seit einer Stunde dunkel, Tomas.',
  'Ich musste bei dem Regen um die Klippen laufen.',
  'Würdest du mich vermissen, wenn ich zurück aufs Festland ginge?',
  'Jede einzelne Nacht, und sonntags zweimal.',
  'Dann lass das Licht für mich brennen.',
];

const transcript = (lines: string[][]) => lines.map(([who, say]) => `${who}: ${say}`).join('\n');
const srt = (texts: string[]) =>
  texts
    .map((t, i) => `${i + 1}\n00:00:${10 + 3 * i},000 --> 00:00:${12 + 3 * i},000\n${t}\n`)
    .join('\n');

async function canon() {
  const files: Record<string, string> = {
    'e1.txt': transcript(HARBOUR),
    'e1.srt': srt(HARBOUR.map((l) => l[1]!)),
    'e2.txt': transcript(BAKERY),
    'e2.srt': srt(HARBOUR.map((l) => l[1]!)), // the harbour episode again: misnamed
    'e3.txt': transcript(HARBOUR),
    'e3.srt': srt(GERMAN),
    'e4.srt': srt(HARBOUR.map((l) => l[1]!)),
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  const episode = (n: number, subs = true) =>
    `  - id: E${n}\n    transcripts: [e${n}.txt]\n` + (subs ? `    subtitles: [e${n}.srt]\n` : '');
  writeFileSync(
    join(dir, 'canon.yaml'),
    `title: Harbour\nepisodes:\n${episode(1)}${episode(2)}${episode(3)}  - id: E4\n    subtitles: [e4.srt]\n`,
  );
  await ingestCanon(join(dir, 'canon.yaml'), store);
}

describe('aligning episodes', () => {
  it('aligns files that match and stores nothing for files that do not', async () => {
    await canon();
    const outcomes = await alignEpisodes(store, 'harbour', ['E1', 'E2', 'E3', 'E4']);
    expect(outcomes.map((o) => [o.episodeId, o.status])).toEqual([
      ['E1', 'aligned'],
      ['E2', 'mismatch'],
      ['E3', 'mismatch'],
      ['E4', 'skipped'],
    ]);
    expect(outcomes[1]).toMatchObject({ reason: 'different-content' });
    expect(outcomes[2]).toMatchObject({ reason: 'different-language' });
    expect(outcomes[3]).toMatchObject({ message: 'the library holds no transcript for it' });
    expect((await store.listAlignments('harbour')).map((a) => a.episodeId)).toEqual(['E1']);
    const [e2srt] = (await store.episodeSources('harbour', 'E2')).filter(
      (s) => s.role === 'subtitle',
    );
    expect(e2srt!.lines.every((l) => l.speakerLabel === null)).toBe(true);
    const [e1srt] = (await store.episodeSources('harbour', 'E1')).filter(
      (s) => s.role === 'subtitle',
    );
    expect(e1srt!.lines.map((l) => l.speakerLabel)).toEqual([
      'MARA',
      'TOMAS',
      'MARA',
      'TOMAS',
      'MARA',
    ]);
  });

  it('says which episode a mismatched subtitle file belongs to', async () => {
    await canon();
    const proposals = await proposePairings(store, 'harbour', [
      { episodeId: 'E2', subtitlePath: 'e2.srt' },
    ]);
    expect(proposals).toEqual([
      { subtitlePath: 'e2.srt', episodeId: 'E2', belongsTo: 'E1', secondEpisode: null },
    ]);
  });
});
