import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../src/domain/errors.js';
import { makeSampleVideo, SAMPLE } from '../src/media/sample-video.js';
import { cliRunner, expectCleanFailure } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'receipts-shots-cli-'));
const db = join(dir, 'library.db');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const receipts = cliRunner(db, dir);

beforeAll(async () => {
  await makeSampleVideo(join(dir, 'ep1.mkv'));
  writeFileSync(join(dir, 'ep3.mkv'), 'not a video at all\n'.repeat(100));
  writeFileSync(
    join(dir, 'canon.yaml'),
    `id: sample-show
title: Sample Show
episodes:
  - { id: S01E01, title: Bars, video: ep1.mkv }
  - { id: S01E02, title: No Video }
  - { id: S01E03, title: Junk, video: ep3.mkv }
  - { id: S01E04, title: Gone, video: gone.mkv }
`,
  );
  writeFileSync(join(dir, 'gone.mkv'), '');
  const r = receipts('ingest', 'canon.yaml');
  expect(r.code, r.err).toBe(0);
  rmSync(join(dir, 'gone.mkv')); // moved away after ingest
}, 60_000);

describe('receipts shots and probe', () => {
  it('prints the cuts with timecodes and frames, and the fades', () => {
    const r = receipts('shots', 'S01E01');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('S01E01 Bars');
    expect(r.out).toMatch(/2 cuts, 2 fades in 0:06\.800 \(170 frames at 25 fps\) found in/);
    expect(r.out).toMatch(/1\s+0:02\.000\s+50/);
    expect(r.out).toMatch(/2\s+0:03\.600\s+90/);
    expect(r.out).toMatch(/to black\s+0:04\.\d{3}\s+0:05\.\d{3}/);
  });

  it('prints JSON from the stored shots, and detects again with --redo', () => {
    const stored = receipts('shots', 'S01E01', '--json');
    const json = JSON.parse(stored.out) as { cuts: unknown[]; stored: boolean; frames: number };
    expect(json.cuts).toEqual(SAMPLE.cuts.map((frame) => ({ frame, ms: frame * 40 })));
    expect(json.stored).toBe(true);
    const redone = JSON.parse(receipts('shots', 'S01E01', '--json', '--redo').out) as typeof json;
    expect(redone.stored).toBe(false);
    expect(redone.cuts).toEqual(json.cuts);
  });

  it('shows the exact ffmpeg command with --verbose', () => {
    const r = receipts('--verbose', 'shots', 'S01E01', '--redo');
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/^\$ ffmpeg -nostdin .* -i \S*ep1\.mkv .* -f rawvideo pipe:1$/m);
  });

  it('prints the probe facts', () => {
    const r = receipts('probe', 'S01E01');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/duration\s+0:06\.800/);
    expect(r.out).toMatch(/video\s+h264 160x90, 25 fps, yuv420p/);
    expect(r.out).toMatch(/audio\s+none/);
    const json = JSON.parse(receipts('probe', 'S01E01', '--json').out) as Record<string, unknown>;
    expect(json).toMatchObject({ episode: 'S01E01', durationMs: 6800, stored: true });
  });

  it('fails in one line for an episode without a video, a missing file and a corrupt file', () => {
    expectCleanFailure(
      receipts('shots', 'S01E02'),
      ERROR_CODES.MEDIA_NOT_FOUND.exit,
      /S01E02 has no video/,
    );
    expectCleanFailure(
      receipts('shots', 'S01E04'),
      ERROR_CODES.MEDIA_NOT_FOUND.exit,
      /gone\.mkv: The video file does not exist\./,
    );
    expectCleanFailure(
      receipts('probe', 'S01E03'),
      ERROR_CODES.MEDIA_UNREADABLE.exit,
      /ep3\.mkv: ffprobe cannot read it: .*Invalid data/,
    );
    expectCleanFailure(
      receipts('shots', 'S09E09'),
      ERROR_CODES.NOT_FOUND.exit,
      /No episode S09E09/,
    );
  });
});
