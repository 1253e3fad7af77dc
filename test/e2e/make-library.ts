import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { alignEpisodes } from '../../src/app/align-episodes.js';
import { ingestCanon } from '../../src/app/ingest-canon.js';
import type { CanonStore } from '../../src/store/canon-store.js';
import { openSqliteStore } from '../../src/store/sqlite/canon-store.js';
import { REPO_ROOT } from '../shared-data.js';

export interface TestLibrary {
  readonly dir: string;
  readonly store: CanonStore;
  /** The video file of S01E01 as the library knows it. */
  readonly video: string;
  dispose(): Promise<void>;
}

/** True when ffmpeg can make a real test video here. */
export function hasFfmpeg(): boolean {
  return spawnSync('ffmpeg', ['-version'], { stdio: 'ignore' }).status === 0;
}

/**
 * The bundled example series (two episodes, subtitles and transcripts) in a temporary
 * folder, ingested and aligned, with a video for S01E01: `fake` bytes (enough for Range
 * tests) or a `real` 24 s H.264 test pattern made by ffmpeg (for the browser).
 */
export async function makeLibrary(video: 'fake' | 'real'): Promise<TestLibrary> {
  const dir = mkdtempSync(join(tmpdir(), 'receipts-workbench-'));
  const series = join(dir, 'lighthouse');
  cpSync(join(REPO_ROOT, 'examples/lighthouse'), series, { recursive: true });
  mkdirSync(join(series, 'video'));
  const file = join(series, 'video', 'S01E01.mp4');
  if (video === 'fake') {
    writeFileSync(file, Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 256)));
  } else {
    const r = spawnSync(
      'ffmpeg',
      [
        ...['-v', 'error', '-f', 'lavfi', '-i', 'testsrc=duration=24:size=320x180:rate=10'],
        ...['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p'],
        ...['-movflags', '+faststart', '-y', file],
      ],
      { encoding: 'utf8' },
    );
    if (r.status !== 0) throw new Error(`ffmpeg could not make the test video: ${r.stderr}`);
  }
  const manifest = join(series, 'canon.yaml');
  const yaml = readFileSync(manifest, 'utf8').replace(
    '    title: The Lamp Room\n',
    '    title: The Lamp Room\n    video: video/S01E01.mp4\n',
  );
  writeFileSync(manifest, yaml);
  const store = await openSqliteStore(join(dir, 'library.db'));
  await ingestCanon(manifest, store, { cwd: dir });
  await alignEpisodes(store, 'the-lighthouse', ['S01E01', 'S01E02']);
  return {
    dir,
    store,
    video: file,
    async dispose() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Give S01E02 of a library made by makeLibrary a video Chromium cannot play: MPEG-4 Part 2 with
 * MP3 audio in an AVI, the way old rips come, named in the canon (ingest again to read it).
 */
export function addAviToEpisode2(dir: string, seconds: number, size: string): void {
  const avi = join(dir, 'lighthouse', 'video', 'S01E02.avi');
  const r = spawnSync(
    'ffmpeg',
    [
      ...['-v', 'error', '-f', 'lavfi', '-i', `testsrc2=duration=${seconds}:size=${size}:rate=10`],
      ...['-f', 'lavfi', '-i', `sine=frequency=440:duration=${seconds}`],
      ...['-c:v', 'mpeg4', '-q:v', '5', '-c:a', 'libmp3lame', '-shortest', '-y', avi],
    ],
    { encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(`ffmpeg could not make the AVI: ${r.stderr}`);
  const manifest = join(dir, 'lighthouse', 'canon.yaml');
  writeFileSync(
    manifest,
    readFileSync(manifest, 'utf8').replace(
      '    title: Fog Signal\n',
      '    title: Fog Signal\n    video: video/S01E02.avi\n',
    ),
  );
}
