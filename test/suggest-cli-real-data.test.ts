import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { nameKey } from '../src/domain/canon.js';
import { HAS_SHARED_DATA, REPO_ROOT, sharedData } from './shared-data.js';

// `receipts init`, `ingest` and `suggest --json` on the real Doctor Who transcripts in
// ../shared/data (never copied here). The whole set (344 episodes) takes about 90 s to
// suggest on a quiet machine, too long for a test, so the manifest `init` writes is cut down
// to the Ninth Doctor's 13 episodes (doctor_9/): stored paths stay those of the whole folder.

const dir = mkdtempSync(join(tmpdir(), 'receipts-suggest-real-'));
const db = join(dir, 'lib.db');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CLI = [
  '--import',
  pathToFileURL(join(REPO_ROOT, 'node_modules/tsx/dist/loader.mjs')).href,
  join(REPO_ROOT, 'src/cli/main.ts'),
];

function receipts(...args: string[]) {
  const r = spawnSync(process.execPath, [...CLI, ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
    maxBuffer: 256 * 1024 * 1024,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

interface JsonSuggestion {
  id: string;
  episode: string;
  source: { file: string; line: number };
  action: string;
  initiator: string | null;
  recipients: string[];
  mutual: boolean;
  part: string | null;
  text: string;
  confidence: number;
}

/** Keep only the episodes whose transcripts lie under `folder/` in a manifest `init` wrote. */
function keepEpisodesUnder(manifest: string, folder: string, out: string): number {
  const doc = parseDocument(readFileSync(manifest, 'utf8'));
  const episodes = doc.toJS() as { episodes: { transcripts?: string[] }[] };
  const kept = episodes.episodes.filter((e) =>
    (e.transcripts ?? []).some((t) => t.startsWith(`${folder}/`)),
  );
  doc.set('episodes', kept);
  writeFileSync(out, doc.toString());
  return kept.length;
}

describe.skipIf(!HAS_SHARED_DATA)('receipts suggest on the Doctor Who transcripts', () => {
  it('suggests the hug of The Doctor Dances and the kisses of The Parting of the Ways at their lines', () => {
    const folder = sharedData(
      'doctor-who-chakoteya-angewzhao',
      'data-raw',
      'doctor_who_transcripts',
    );
    const init = receipts('init', folder, '--out', join(dir, 'dw.yaml'));
    expect(init.code).toBe(0);
    expect(keepEpisodesUnder(join(dir, 'dw.yaml'), 'doctor_9', join(dir, 'dw9.yaml'))).toBe(13);
    const ingest = receipts('ingest', join(dir, 'dw9.yaml'), '--db', db);
    expect(ingest.code).toBe(0);

    const started = performance.now();
    const r = receipts('suggest', '--all', '--json', '--db', db);
    const ms = performance.now() - started;
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const all = JSON.parse(r.out) as JsonSuggestion[];
    console.info(
      `[receipts] suggest --all on 13 Doctor Who episodes: ${all.length} suggestions in ${Math.round(ms)} ms`,
    );
    expect(all.length).toBeGreaterThan(20);
    for (const s of all) {
      expect(s.episode).toMatch(/^S27E\d\d$/);
      expect(s.source.file).toMatch(/^doctor_9\/27_\d+_[a-z_']+\.txt$/);
      expect(Number.isInteger(s.source.line) && s.source.line > 0).toBe(true);
      expect(typeof s.action).toBe('string');
      expect(s.mutual ? s.initiator === null : true).toBe(true);
      expect(s.recipients.length).toBeGreaterThan(0);
      expect(s.confidence).toBeGreaterThan(0);
      expect(s.confidence).toBeLessThanOrEqual(1);
      expect(s.id).toMatch(/^\d+$/);
    }
    // Read in the files: The Doctor Dances has no kiss; its one act of affection is
    // `(Nancy hugs Jamie and a cloud of nanogenes surround them.)` at line 719.
    const at = (file: string, line: number) =>
      all.filter((s) => s.source.file === `doctor_9/${file}` && s.source.line === line);
    // Names of people who never speak in these 13 episodes (Jamie) come out as written in
    // capitals, so names are compared by their keys.
    const brief = (s: JsonSuggestion) =>
      `${s.episode} ${s.action} ${nameKey(s.initiator ?? '?')}>${s.recipients.map(nameKey).join('+')}`;
    expect(at('27_10_the_doctor_dances.txt', 719).map(brief)).toEqual(['S27E10 hug nancy>jamie']);
    // `(Jack kisses the Doctor.)` at line 205 of The Parting of the Ways.
    const kiss = at('27_13_the_parting_of_the_ways.txt', 205).find((s) => s.action === 'kiss');
    expect(kiss).toMatchObject({
      episode: 'S27E13',
      initiator: 'Jack',
      text: 'Jack kisses the Doctor.',
    });
    expect(kiss!.recipients.map(nameKey)).toEqual(['doctor']);

    const pairs = receipts(
      'stats',
      'pairs',
      '--term',
      'kiss',
      '--include-suggested',
      '--format',
      'csv',
      '--db',
      db,
    );
    expect(pairs.out.split('\n')[0]).toBe('term,initiator,recipient,mutual,count');
    expect(pairs.out).toMatch(/^kiss,Jack,Rose,false,\d+$/m);
  }, 180_000);
});
