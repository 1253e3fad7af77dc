import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { HAS_SHARED_DATA, REPO_ROOT, sharedData } from './shared-data.js';

const CLI = [
  '--import',
  pathToFileURL(join(REPO_ROOT, 'node_modules/tsx/dist/loader.mjs')).href,
  join(REPO_ROOT, 'src/cli/main.ts'),
];

describe.skipIf(!HAS_SHARED_DATA)('receipts gif on ../shared/data friday.mp4', () => {
  const dir = mkdtempSync(join(tmpdir(), 'receipts-gif-real-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const receipts = (...args: string[]) => {
    const r = spawnSync(process.execPath, [...CLI, '--db', join(dir, 'library.db'), ...args], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', XDG_CACHE_HOME: join(dir, 'cache') },
    });
    return { code: r.status, out: r.stdout, err: r.stderr };
  };

  it("renders 3 s at 540 px with the film's own subtitles under 10 MB", () => {
    const clips = sharedData('mdn-shared-assets-clips');
    writeFileSync(
      join(dir, 'canon.yaml'),
      `id: his-girl-friday\ntitle: His Girl Friday\nepisodes:\n` +
        `  - id: S01E01\n    video: ${JSON.stringify(join(clips, 'friday.mp4'))}\n` +
        `    subtitles: [${JSON.stringify(join(clips, 'friday.vtt'))}]\n`,
    );
    const ingest = receipts('ingest', 'canon.yaml');
    expect(ingest.code, ingest.err).toBe(0);

    const started = performance.now();
    const r = receipts(
      'gif',
      '--episode',
      'S01E01',
      '--from',
      '0:00.5',
      '--to',
      '0:03.5',
      '--json',
    );
    const seconds = (performance.now() - started) / 1000;
    expect(r.code, r.err).toBe(0);
    const made = JSON.parse(r.out) as {
      bytes: number;
      width: number;
      height: number;
      frames: number;
      captions: { startMs: number; endMs: number }[];
      seconds: number;
    };
    expect(made.width).toBe(540);
    expect(made.height).toBe(405);
    expect(made.frames).toBe(45);
    expect(made.bytes).toBeLessThanOrEqual(10 * 1024 * 1024);
    // Cues of friday.vtt overlapping 0.5-3.5 s: at 0, 1, 1.5 and 3 s; shifted to the clip.
    expect(made.captions.map((c) => [c.startMs, c.endMs])).toEqual([
      [0, 499],
      [500, 999],
      [1000, 2499],
      [2500, 3000],
    ]);
    expect(readdirSync(dir).filter((f) => f.endsWith('.part'))).toEqual([]);
    console.log(
      `[gif] friday.mp4 3 s at 540x${made.height}, ${made.frames} frames: ` +
        `${(made.bytes / 1024).toFixed(0)} KB, render ${made.seconds.toFixed(2)} s (CLI ${seconds.toFixed(2)} s)`,
    );
  }, 120_000);
});
