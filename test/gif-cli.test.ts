import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../src/domain/errors.js';
import { makeSampleVideo } from '../src/media/sample-video.js';
import { REPO_ROOT } from './shared-data.js';

const dir = mkdtempSync(join(tmpdir(), 'receipts-gif-cli-'));
const db = join(dir, 'library.db');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CLI = [
  '--import',
  pathToFileURL(join(REPO_ROOT, 'node_modules/tsx/dist/loader.mjs')).href,
  join(REPO_ROOT, 'src/cli/main.ts'),
];

/** Run the real CLI in a child process, with its render cache inside the test folder. */
function receipts(...args: string[]) {
  const r = spawnSync(process.execPath, [...CLI, '--db', db, ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', XDG_CACHE_HOME: join(dir, 'cache') },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const noPartials = () => readdirSync(dir).filter((f) => f.endsWith('.part'));

beforeAll(async () => {
  await makeSampleVideo(join(dir, 'ep1.mkv'));
  writeFileSync(
    join(dir, 'ep1.vtt'),
    'WEBVTT\n\n00:00:01.200 --> 00:00:02.600\n<v Walter><i>Hildy!</i> How are you?\n\n' +
      '00:00:04.000 --> 00:00:05.000\n<v Hildy>Tell me about the crown jewels.\n',
  );
  writeFileSync(
    join(dir, 'canon.yaml'),
    `id: sample-show
title: Sample Show
episodes:
  - { id: S01E01, title: Bars, video: ep1.mkv, subtitles: [ep1.vtt] }
  - { id: S01E02, title: Gone, video: gone.mkv }
`,
  );
  writeFileSync(join(dir, 'gone.mkv'), '');
  const r = receipts('ingest', 'canon.yaml');
  expect(r.code, r.err).toBe(0);
  rmSync(join(dir, 'gone.mkv'));
}, 60_000);

describe('receipts gif and frame', () => {
  it('renders a time range with its cue as caption and prints what was made as JSON', () => {
    const r = receipts('gif', '--episode', 'S01E01', '--from', '0:01', '--to', '0:03', '--json');
    expect(r.code, r.err).toBe(0);
    const made = JSON.parse(r.out) as Record<string, unknown>;
    expect(made).toMatchObject({
      path: join(dir, 'S01E01-0m01s.gif'),
      format: 'gif',
      width: 540,
      height: 304,
      fps: 15,
      frames: 30,
      startMs: 1000,
      endMs: 3000,
      budgetSteps: [],
      cached: false,
      captions: [
        { startMs: 200, endMs: 1600, styled: '<i>Hildy!</i> How are you?', speaker: 'Walter' },
      ],
    });
    expect(statSync(join(dir, 'S01E01-0m01s.gif')).size).toBe(made.bytes);
    expect(noPartials()).toEqual([]);
  });

  it('renders the line a quote finds, padded, and shows the ffmpeg command with --verbose', () => {
    const r = receipts(
      'gif',
      '--quote',
      'crown jewels',
      '--pad',
      '0.5',
      '--width',
      'three',
      '--speakers',
      '--out',
      'quote.mp4',
      '--json',
      '--verbose',
    );
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({
      format: 'mp4',
      width: 178,
      startMs: 3500,
      endMs: 5500,
      captions: [{ speaker: 'Hildy' }],
    });
    expect(r.err).toMatch(/^\$ ffmpeg .*-c:v libx264 .*quote\.mp4\.[0-9a-f]+\.part$/mu);
  });

  it('renders a repeat from the cache', () => {
    const r = receipts('gif', '--episode', 'S01E01', '--from', '0:01', '--to', '0:03', '--json');
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ cached: true, frames: 30 });
  });

  it('renders a still with a custom caption', () => {
    const r = receipts(
      'frame',
      '--episode',
      'S01E01',
      '--at',
      '2.5',
      '--caption',
      'Mine',
      '--out',
      'still.png',
      '--json',
    );
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({
      format: 'png',
      frames: 1,
      captions: [{ styled: 'Mine' }],
    });
    expect(existsSync(join(dir, 'still.png'))).toBe(true);
  });

  it('burns captions in an installed font given with --font, in its installed spelling', () => {
    const r = receipts(
      ...['frame', '--episode', 'S01E01', '--at', '1.5', '--font', 'dejavu sans'],
      ...['--out', 'dejavu.png', '--json', '--verbose'],
    );
    expect(r.code, r.err).toBe(0);
    expect(existsSync(join(dir, 'dejavu.png'))).toBe(true);
    expect(r.err).toMatch(/^\$ fc-list : family$/mu);
  });

  it.each([
    ['gif', '--episode', 'S01E01', '--from', '0:01', '--to', '0:03'],
    ['frame', '--episode', 'S01E01', '--at', '1.5'],
  ])(
    'refuses an unknown --font in one line naming close families, before ffmpeg: %j',
    (...args) => {
      const out = `${args[0]}-font.${args[0] === 'gif' ? 'gif' : 'png'}`;
      const r = receipts(...args, '--font', 'Liberaton Sans', '--out', out, '--verbose');
      expect(r.code).toBe(ERROR_CODES.USAGE.exit);
      expect(r.err).toMatch(
        /The font "Liberaton Sans" is not installed; close installed families: Liberation Sans, /u,
      );
      expect(r.err).not.toMatch(/\$ ff(mpeg|probe) /u);
      expect(
        r.err
          .trim()
          .split('\n')
          .filter((l) => !l.startsWith('$ ')),
      ).toHaveLength(1);
      expect(existsSync(join(dir, out))).toBe(false);
      expect(noPartials()).toEqual([]);
    },
  );

  it.each([
    [
      ['gif', '--episode', 'S01E01', '--from', '0:05', '--to', '0:09'],
      'USAGE',
      /end \(0:09\.000\) is after the video ends \(0:06\.800\)/,
    ],
    [['gif', '--episode', 'S01E01', '--from', '0:03', '--to', '0:03'], 'USAGE', /no length/],
    [
      ['gif', '--episode', 'S01E01', '--from', '0:03', '--to', 'soon'],
      'USAGE',
      /--to "soon" is not a time/,
    ],
    [
      ['gif', '--quote', 'nobody says this'],
      'NOT_FOUND',
      /No subtitle line says "nobody says this"/,
    ],
    [['gif', '--moment', 'no-such-moment'], 'NOT_FOUND', /no moment no-such-moment/],
    [
      ['gif', '--episode', 'S01E02', '--from', '0:01', '--to', '0:02'],
      'MEDIA_NOT_FOUND',
      /does not exist/,
    ],
    [
      ['gif', '--episode', 'S01E01', '--from', '1', '--to', '2', '--out', 'nowhere/x.gif'],
      'FILE_UNWRITABLE',
      /folder for the output/,
    ],
  ] as const)('fails cleanly: %j', (args, code, message) => {
    const r = receipts(...args);
    expect(r.code).toBe(ERROR_CODES[code].exit);
    expect(r.err).toMatch(message);
    expect(r.err).not.toMatch(/\n\s+at /);
    expect(noPartials()).toEqual([]);
  });
});
