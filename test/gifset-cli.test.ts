import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GifsetLayout } from '../src/app/gifset.js';
import { ERROR_CODES } from '../src/domain/errors.js';
import { makeSampleVideo } from '../src/media/sample-video.js';
import { REPO_ROOT } from './shared-data.js';

const dir = mkdtempSync(join(tmpdir(), 'receipts-gifset-cli-'));
const db = join(dir, 'library.db');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CLI = [
  '--import',
  pathToFileURL(join(REPO_ROOT, 'node_modules/tsx/dist/loader.mjs')).href,
  join(REPO_ROOT, 'src/cli/main.ts'),
];

function receipts(...args: string[]) {
  const r = spawnSync(process.execPath, [...CLI, '--db', db, ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: {
      ...process.env,
      NO_COLOR: '1',
      FORCE_COLOR: '0',
      XDG_CACHE_HOME: join(dir, 'cache'),
      RECEIPTS_MAX_BYTES: '',
    },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const partials = (folder: string) =>
  readdirSync(folder).filter((f) => f.includes('.part') || f.endsWith('.tmp'));

beforeAll(async () => {
  await makeSampleVideo(join(dir, 'ep1.mkv'));
  writeFileSync(
    join(dir, 'ep1.vtt'),
    'WEBVTT\n\n00:00:01.200 --> 00:00:02.600\n<v Walter><i>Hildy!</i> How are you?\n\n' +
      '00:00:04.000 --> 00:00:05.000\n<v Hildy>Tell me about the crown jewels.\n',
  );
  writeFileSync(
    join(dir, 'canon.yaml'),
    'id: sample-show\ntitle: Sample Show\nepisodes:\n' +
      '  - { id: S01E01, title: Bars, video: ep1.mkv, subtitles: [ep1.vtt] }\n',
  );
  mkdirSync(join(dir, 'sets'));
  const r = receipts('ingest', 'canon.yaml');
  expect(r.code, r.err).toBe(0);
}, 60_000);

interface Printed {
  layout: string;
  rows: string[][];
  files: GifsetLayout['files'];
  totalBytes: number;
  width: number;
  fps: number;
}

describe('receipts gifset', () => {
  it('renders ranges then quotes alike, numbered in order, with a layout of rows and the total size', () => {
    const r = receipts(
      ...['gifset', '--episode', 'S01E01', '--range', '0:00.5-0:02', '--range', '2.5-3.5'],
      ...['--quote', 'crown jewels', '--out-dir', 'sets', '--name', 'walter', '--json'],
    );
    expect(r.code, r.err).toBe(0);
    const made = JSON.parse(r.out) as Printed;
    const names = ['walter-01.gif', 'walter-02.gif', 'walter-03.gif'];
    expect(made.rows).toEqual([names.slice(0, 2), names.slice(2)]);
    expect(made.files.map((f) => [f.file, f.fromMs, f.toMs])).toEqual([
      [names[0], 500, 2000],
      [names[1], 2500, 3500],
      [names[2], 4000, 5000],
    ]);
    expect(new Set(made.files.map((f) => `${f.width}x${f.height}`))).toEqual(new Set(['268x151']));
    expect(made.fps).toBe(15);
    for (const f of made.files) expect(statSync(join(dir, 'sets', f.file)).size).toBe(f.bytes);
    expect(made.totalBytes).toBe(made.files.reduce((s, f) => s + f.bytes, 0));
    const layout = JSON.parse(
      readFileSync(join(dir, 'sets', 'walter.gifset.json'), 'utf8'),
    ) as GifsetLayout;
    expect(layout).toEqual({ rows: made.rows, files: made.files });
    expect(made.layout).toBe(join(dir, 'sets', 'walter.gifset.json'));
    expect(partials(join(dir, 'sets'))).toEqual([]);
  }, 120_000);

  it('applies one width, frame rate and crop to every clip and prints the total', () => {
    const r = receipts(
      ...['gifset', '--episode', 'S01E01', '--range', '0:01-0:02', '--range', '0:03-0:04'],
      ...['--range', '0:05-0:06', '--width', 'three', '--fps', '10', '--crop', 'square'],
      ...['--per-row', '3', '--no-captions'],
    );
    expect(r.code, r.err).toBe(0);
    const layout = JSON.parse(
      readFileSync(join(dir, 'S01E01-set.gifset.json'), 'utf8'),
    ) as GifsetLayout;
    expect(layout.rows).toEqual([['S01E01-set-01.gif', 'S01E01-set-02.gif', 'S01E01-set-03.gif']]);
    expect(layout.files.every((f) => f.width === 177 && f.height === 177)).toBe(true);
    const total = layout.files.reduce((s, f) => s + f.bytes, 0);
    expect(r.out).toContain(`3 GIFs at 10 fps, ${(total / 1e6).toFixed(2)} MB in all`);
    expect(r.out).toContain('layout: S01E01-set.gifset.json (3)');
  }, 120_000);

  it.each([
    [['--episode', 'S01E01', '--range', '0:01-0:02'], /at least two clips/],
    [['--range', '0:01-0:02', '--range', '0:03-0:04'], /--range needs --episode/],
    [['--episode', 'S01E01', '--range', '0:01', '--range', '0:03-0:04'], /is not FROM-TO/],
    [['--episode', 'S01E01', '--range', '1-2', '--range', '3-4', '--name', '../x'], /--name/],
    [['--episode', 'S01E01', '--range', '1-2', '--range', '3-4', '--out-dir', 'nope'], /folder/],
    [
      ['--episode', 'S01E01', '--range', '1-2', '--range', '3-4', '--name', 'font'],
      /The font "Comic Sans MS" is not installed; close installed families: /,
      ['--font', 'Comic Sans MS'],
    ],
  ] as const)('fails cleanly: %j', (args, message, more: readonly string[] = []) => {
    const r = receipts('gifset', ...args, ...more);
    expect([ERROR_CODES.USAGE.exit, ERROR_CODES.FILE_UNWRITABLE.exit]).toContain(r.code);
    expect(r.err).toMatch(message);
    expect(existsSync(join(dir, 'nope'))).toBe(false);
    expect(readdirSync(dir).filter((f) => f.startsWith('font'))).toEqual([]);
    expect(partials(dir)).toEqual([]);
  });
});
