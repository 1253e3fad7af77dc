import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../src/cli/program.js';
import type { StoredMoment } from '../src/store/moment-store.js';
import { HAS_SHARED_DATA, sharedData } from './shared-data.js';

// `receipts import eaf` on the two pympi sample files (../shared/data/elan-samples-pympi),
// written by ELAN in EAF 2.7 and 3.0. Their `gestures` tier uses a controlled vocabulary
// `Gesture` (prep, hold, stroke, retr) and `gest_included` holds the same values without
// one; the other tiers are words and parts of speech. A canon codebook that extends the
// default with a `gesture` tier makes both gesture tiers moments. Expected counts are
// taken from the XML text, not from the reader.

const FILES = ['sample_2.7.eaf', 'sample_3.0.eaf'] as const;
const VALUES: Readonly<Record<string, string>> = {
  prep: 'preparation',
  hold: 'hold',
  stroke: 'stroke',
  retr: 'retraction',
};

const CODEBOOK = `id: gestures
label: Gesture phases
extends: default
tiers:
  gesture:
    label: Gesture phase
    terms:
      preparation: { synonyms: [prep] }
      hold:
      stroke:
      retraction: { synonyms: [retr] }
`;

const CANON = `id: yele-demo
title: Yele demo
codebook: gestures.yaml
characters:
  Speaker: [SPK, the speaker]
episodes:
  - id: S01E01
  - id: S01E02
`;

/** Annotations per tier and the gesture values on each, counted in the XML text. */
function tiersInText(text: string): Map<string, { annotations: number; values: string[] }> {
  const out = new Map<string, { annotations: number; values: string[] }>();
  for (const m of text.matchAll(/<TIER\b[^>]*\bTIER_ID="([^"]+)"[^>]*>([\s\S]*?)<\/TIER>/g)) {
    const body = m[2]!;
    out.set(m[1]!, {
      annotations: [...body.matchAll(/<ANNOTATION>/g)].length,
      values: [...body.matchAll(/<ANNOTATION_VALUE>([^<]*)<\/ANNOTATION_VALUE>/g)].map(
        (v) => v[1]!,
      ),
    });
  }
  return out;
}

let dir = '';
let cwd = '';

async function receipts(...args: string[]) {
  let out = '';
  let err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((c: string | Uint8Array) => {
    out += String(c);
    return true;
  });
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((c: string | Uint8Array) => {
    err += String(c);
    return true;
  });
  try {
    // eslint-disable-next-line no-control-regex
    const plain = (s: string) => s.replace(/\x1b\[[0-9;]*m/g, '');
    const code = await main(['--db', join(dir, 'library.db'), ...args]);
    return { code, out: plain(out), err: plain(err) };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

describe.skipIf(!HAS_SHARED_DATA)('receipts import eaf on the pympi samples', () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'receipts-eaf-import-'));
    cwd = process.cwd();
    process.chdir(dir);
    writeFileSync(join(dir, 'gestures.yaml'), CODEBOOK);
    writeFileSync(join(dir, 'canon.yaml'), CANON);
    expect((await receipts('ingest', 'canon.yaml')).code).toBe(0);
  });
  afterAll(() => {
    process.chdir(cwd);
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(FILES.map((f, i) => [f, `S01E0${i + 1}`] as const))(
    '%s: imports every gesture annotation as a moment of the speaker, once',
    async (name, episode) => {
      const file = sharedData('elan-samples-pympi', name);
      const tiers = tiersInText(readFileSync(file, 'utf8'));
      const gestures = ['gestures', 'gest_included'].flatMap((t) =>
        tiers.get(t)!.values.filter((v) => v in VALUES),
      );
      expect(gestures.length).toBeGreaterThan(1000);

      // Nobody is named on these tiers: every moment is refused, and nothing is stored.
      const refused = await receipts('import', 'eaf', file, '--episode', episode);
      expect(refused.code).toBe(65);
      expect(refused.err.trim().split('\n')).toHaveLength(1);
      expect(refused.err).toMatch(
        new RegExp(
          `${name}:\\d+: initiator: name who takes part .* \\(and ${gestures.length - 1} more moments with problems\\); nothing was imported`,
        ),
      );

      const r = await receipts(
        'import',
        'eaf',
        file,
        '--episode',
        episode,
        '--participant',
        'SPK',
        '--json',
      );
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
      const report = JSON.parse(r.out) as {
        imported: number;
        repeated: number;
        alreadyThere: number;
        tiers: { eafTier: string; codebookTier: string; by: string; moments: number }[];
        unmappedTiers: { eafTier: string; annotations: number }[];
        values: unknown[];
        moments: StoredMoment[];
      };
      expect(report.tiers).toEqual([
        {
          eafTier: 'gestures',
          codebookTier: 'gesture',
          by: 'vocabulary',
          annotations: tiers.get('gestures')!.annotations,
          moments: tiers.get('gestures')!.values.filter((v) => v in VALUES).length,
        },
        {
          eafTier: 'gest_included',
          codebookTier: 'gesture',
          by: 'values',
          annotations: tiers.get('gest_included')!.annotations,
          moments: tiers.get('gest_included')!.values.filter((v) => v in VALUES).length,
        },
      ]);
      expect(report.unmappedTiers.map((t) => [t.eafTier, t.annotations])).toEqual(
        ['text', 'words-timesub', 'words-symsub', 'words-pos'].map((t) => [
          t,
          tiers.get(t)!.annotations,
        ]),
      );
      expect(report.values).toEqual([]);
      // Identical moments on the two tiers (same term and times) are stored once.
      expect(report.imported + report.repeated).toBe(gestures.length);
      expect(report.alreadyThere).toBe(0);

      const stored = JSON.parse(
        (await receipts('export', 'json', '--episode', episode)).out,
      ) as StoredMoment[];
      expect(stored).toHaveLength(report.imported);
      const count = (ms: readonly { term: string }[], term: string) =>
        ms.filter((m) => m.term === term).length;
      for (const [value, term] of Object.entries(VALUES)) {
        expect(count(stored, term)).toBeGreaterThan(0);
        expect(count(stored, term)).toBeLessThanOrEqual(gestures.filter((v) => v === value).length);
      }
      for (const m of stored) {
        expect(m).toMatchObject({ tier: 'gesture', initiator: 'Speaker', recipients: [] });
        expect(m.provenance).toMatchObject({ kind: 'import', file });
        expect(m.endMs!).toBeGreaterThanOrEqual(m.startMs!);
      }

      const again = await receipts(
        'import',
        'eaf',
        file,
        '--episode',
        episode,
        '--participant',
        'SPK',
      );
      expect(again.code).toBe(0);
      // Every moment of the file is there now, the repeated ones included.
      expect(again.out).toMatch(
        new RegExp(`: 0 moments, ${gestures.length.toLocaleString('en-US')} already there`),
      );
    },
  );

  it('reads the same moments from the EAF 2.7 and the 3.0 file', async () => {
    const key = (ms: StoredMoment[]) => ms.map((m) => `${m.startMs}-${m.endMs} ${m.term}`).sort();
    const of = async (e: string) =>
      JSON.parse((await receipts('export', 'json', '--episode', e)).out) as StoredMoment[];
    const [a, b] = [await of('S01E01'), await of('S01E02')];
    expect(a.length).toBeGreaterThan(0);
    expect(key(a)).toEqual(key(b));
  });
});
