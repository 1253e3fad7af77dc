import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CanonStore } from '../store/canon-store.js';
import { openSqliteStore } from '../store/sqlite/canon-store.js';
import { ingestCanon } from './ingest-canon.js';

// A small canon written for the moments tests (app and CLI); nothing here is copied from a
// real transcript. Line numbers below are the 1-based lines of these files.

const EPISODE_1 = [
  '**Rain**', // 1
  '',
  'Original Airdate: 1 May 2030',
  '',
  '**[Hub]**', // 5
  '',
  '(Rain on the glass. Ianto brings Jack a coffee.)  ',
  'JACK: You are a lifesaver.  ',
  'IANTO: I know.  ',
  '(Ianto kisses Jack.)  ', // 10
  'GWEN: Get a room, you two.  ',
  'JACK: Jealous?  ',
  '(Gwen slaps Jack.)  ',
  '',
  '**[Roof]**', // 15
  '',
  'IANTO: Do not go.  ',
  'JACK: I will come back. (He hugs Ianto.)  ',
  '',
];

const EPISODE_2 = [
  '**Fog**', // 1
  '',
  'Original Airdate: 8 May 2030',
  '',
  '**[Cells]**', // 5
  '',
  'GWEN: I thought you were dead.  ',
  '(Gwen hugs Ianto.)  ',
  'IANTO: Not today.  ',
  '(Jack and Gwen shake hands.)  ', // 10
  '',
];

/** Where the tests can expect the directions of the test canon. */
export const TEST_CANON = {
  id: 'hub-three',
  title: 'Hub Three',
  kissLine: 10,
  slapLine: 13,
  hugLine: 18,
  episode1: 'transcripts/s01e01.txt',
  episode2: 'transcripts/s01e02.txt',
} as const;

/** Write the test canon (canon.yaml and two transcripts) into `dir`; returns the manifest. */
export function writeTestCanon(dir: string): string {
  mkdirSync(join(dir, 'transcripts'), { recursive: true });
  writeFileSync(join(dir, TEST_CANON.episode1), EPISODE_1.join('\n'));
  writeFileSync(join(dir, TEST_CANON.episode2), EPISODE_2.join('\n'));
  const manifest = join(dir, 'canon.yaml');
  writeFileSync(
    manifest,
    [
      `id: ${TEST_CANON.id}`,
      `title: ${TEST_CANON.title}`,
      'characters:',
      '  Ianto Jones: [IANTO, Ianto, Mr Jones]',
      '  Jack Harkness: [JACK, Jack, Captain Jack]',
      '  Gwen Cooper: [GWEN, Gwen]',
      'episodes:',
      '  - id: S01E01',
      '    season: 1',
      '    number: 1',
      '    title: Rain',
      `    transcripts: [${TEST_CANON.episode1}]`,
      '  - id: S01E02',
      '    season: 1',
      '    number: 2',
      '    title: Fog',
      `    transcripts: [${TEST_CANON.episode2}]`,
      '',
    ].join('\n'),
  );
  return manifest;
}

/** A library in a fresh temp folder with the test canon ingested; `remove` closes and deletes it. */
export async function openTestLibrary(
  prefix: string,
): Promise<{ dir: string; store: CanonStore; remove: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const store = await openSqliteStore(join(dir, 'library.db'));
  await ingestCanon(writeTestCanon(dir), store, { cwd: dir });
  return {
    dir,
    store,
    remove: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
