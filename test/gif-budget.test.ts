import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../src/domain/errors.js';
import { runFfmpeg } from '../src/media/run-ffmpeg.js';
import { REPO_ROOT } from './shared-data.js';

const dir = mkdtempSync(join(tmpdir(), 'receipts-gif-budget-'));
const db = join(dir, 'library.db');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CLI = [
  '--import',
  pathToFileURL(join(REPO_ROOT, 'node_modules/tsx/dist/loader.mjs')).href,
  join(REPO_ROOT, 'src/cli/main.ts'),
];

function receipts(env: Record<string, string>, ...args: string[]) {
  const r = spawnSync(process.execPath, [...CLI, '--db', db, ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: {
      ...process.env,
      NO_COLOR: '1',
      FORCE_COLOR: '0',
      XDG_CACHE_HOME: join(dir, 'cache'),
      RECEIPTS_MAX_BYTES: '',
      ...env,
    },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const noPartials = () => readdirSync(dir).filter((f) => f.includes('.part'));

interface Made {
  path: string;
  bytes: number;
  width: number;
  fps: number;
  cached: boolean;
  budgetSteps: { step: string; bytes: number }[];
}

beforeAll(async () => {
  // Grain is what makes GIFs large: moving test pattern plus temporal noise on every pixel.
  const video = join(dir, 'grain.mkv');
  await runFfmpeg({
    tool: 'ffmpeg',
    file: video,
    output: video,
    args: [
      ...['-nostdin', '-v', 'error', '-y', '-f', 'lavfi'],
      ...['-i', 'testsrc2=size=320x180:rate=25:duration=3,noise=alls=25:allf=t+u'],
      ...['-c:v', 'libx264', '-preset', 'ultrafast', '-crf', '16', video],
    ],
  });
  writeFileSync(
    join(dir, 'canon.yaml'),
    'id: grain\ntitle: Grain\nepisodes:\n  - { id: S01E01, title: Grain, video: grain.mkv }\n',
  );
  const r = receipts({}, 'ingest', 'canon.yaml');
  expect(r.code, r.err).toBe(0);
}, 60_000);

const clip = ['gif', '--episode', 'S01E01', '--from', '0:00', '--to', '0:02', '--json'];

describe('receipts gif --max-bytes on grainy footage', () => {
  it('reduces step by step until the GIF fits, not far under the budget', () => {
    const budget = 300_000;
    const r = receipts({}, ...clip, '--max-bytes', '300KB', '--out', 'fit.gif');
    expect(r.code, r.err).toBe(0);
    const made = JSON.parse(r.out) as Made;
    const steps = made.budgetSteps.map((s) => s.step);
    expect(steps.slice(0, 5)).toEqual([
      'optimise (lossless)',
      'fps 15 -> 12',
      'fps 12 -> 10',
      'colours 256 -> 128',
      'colours 128 -> 64',
    ]);
    expect(made.bytes).toBeLessThanOrEqual(budget);
    expect(made.bytes).toBeGreaterThan(budget * 0.8);
    expect(made.budgetSteps.at(-1)?.bytes).toBe(made.bytes);
    expect(made.budgetSteps.slice(0, -1).every((s) => s.bytes > budget)).toBe(true);
    expect(made.width).toBeLessThan(540);
    expect(made.fps).toBe(10);
    expect(statSync(join(dir, 'fit.gif')).size).toBe(made.bytes);
    expect(noPartials()).toEqual([]);
    console.info(`budget 300 KB: ${made.bytes} bytes after ${steps.join(', ')}`);
  }, 240_000);

  it('compresses with lossy LZW once even the narrowest GIF is over, within 10 % under', () => {
    const budget = 100_000;
    const r = receipts({}, ...clip, '--max-bytes', '100KB', '--out', 'lossy.gif');
    expect(r.code, r.err).toBe(0);
    const made = JSON.parse(r.out) as Made;
    const steps = made.budgetSteps.map((s) => s.step);
    expect(steps).toContain('width 195 -> 177');
    expect(steps.at(-1)).toMatch(/^lossy \d+$/u);
    expect(made).toMatchObject({ width: 177, fps: 10 });
    expect(made.bytes).toBeLessThanOrEqual(budget);
    expect(made.bytes).toBeGreaterThanOrEqual(budget * 0.9);
    expect(made.budgetSteps.slice(0, -1).every((s) => s.bytes > budget)).toBe(true);
    expect(statSync(join(dir, 'lossy.gif')).size).toBe(made.bytes);
    expect(noPartials()).toEqual([]);
    console.info(`budget 100 KB: ${made.bytes} bytes after ${steps.join(', ')}`);
  }, 120_000);

  it('says in one line that gifsicle is missing, and writes nothing', () => {
    const env = { RECEIPTS_GIFSICLE: join(dir, 'no-such-gifsicle') };
    const r = receipts(env, ...clip, '--max-bytes', '250KB', '--out', 'nogifsicle.gif');
    expect(r.code).toBe(ERROR_CODES.MEDIA_TOOL_MISSING.exit);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/gifsicle \(Debian package gifsicle\) is not installed/u);
    expect(existsSync(join(dir, 'nogifsicle.gif'))).toBe(false);
    expect(noPartials()).toEqual([]);
  }, 60_000);

  it('takes the default budget from RECEIPTS_MAX_BYTES, and a repeat from the cache', () => {
    const env = { RECEIPTS_MAX_BYTES: '1.5MB' };
    const first = JSON.parse(receipts(env, ...clip, '--out', 'env.gif').out) as Made;
    expect(first.bytes).toBeLessThanOrEqual(1_500_000);
    expect(first.budgetSteps.length).toBeGreaterThan(0);
    const again = JSON.parse(receipts(env, ...clip, '--out', 'env.gif').out) as Made;
    expect(again).toMatchObject({
      cached: true,
      bytes: first.bytes,
      budgetSteps: first.budgetSteps,
    });
  }, 120_000);

  it('takes no step when the GIF already fits the default 10 MB', () => {
    const made = JSON.parse(receipts({}, ...clip, '--out', 'plain.gif').out) as Made;
    expect(made).toMatchObject({ budgetSteps: [], width: 540, fps: 15 });
  }, 60_000);

  it('refuses an impossible budget, naming the smallest size it can make, and writes nothing', () => {
    const r = receipts({}, ...clip, '--max-bytes', '5KB', '--out', 'tiny.gif');
    expect(r.code).toBe(ERROR_CODES.USAGE.exit);
    expect(r.err).toMatch(
      /No GIF of this clip fits in 0\.01 MB: the smallest .* is 0\.\d\d MB \(\d+ bytes\)/u,
    );
    expect(existsSync(join(dir, 'tiny.gif'))).toBe(false);
    expect(noPartials()).toEqual([]);
  }, 60_000);

  it('refuses a budget that is not a size', () => {
    const r = receipts({}, ...clip, '--max-bytes', 'small');
    expect(r.code).toBe(ERROR_CODES.USAGE.exit);
    expect(r.err).toMatch(/--max-bytes "small" is not a size/u);
  });
});
