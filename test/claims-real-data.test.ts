import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkClaim, openClaimSession } from '../src/app/check-claim.js';
import { claimFromValue } from '../src/app/claim-input.js';
import { ingestCanon } from '../src/app/ingest-canon.js';
import { scanCanonFolder, writeManifest } from '../src/app/init-canon.js';
import { suggestForEpisodes } from '../src/app/suggest.js';
import type { Claim } from '../src/domain/claim.js';
import type { CanonStore } from '../src/store/canon-store.js';
import { openSqliteStore } from '../src/store/sqlite/canon-store.js';
import { HAS_SHARED_DATA, REPO_ROOT, sharedData } from './shared-data.js';

// The hand-checked claims of test/fixtures/claims-dev-set.json that range over series 1 and 2
// of new Doctor Who only, checked against a library of just those two Doctors' transcripts
// (the whole set is bench/claims-eval.ts). Truth comes from reading the transcripts.
const DOCTORS = ['doctor_9', 'doctor_10'];
const IN_RANGE = ['c10', 'c11', 'c24', 'c29', 'c32', 'c34'];

interface DevClaim {
  readonly id: string;
  readonly claim: unknown;
  readonly truth: boolean;
}

describe.skipIf(!HAS_SHARED_DATA)('claims on the Doctor Who transcripts (series 1 and 2)', () => {
  let dir: string;
  let store: CanonStore;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'receipts-claims-dw-'));
    const folder = join(dir, 'who');
    mkdirSync(folder);
    const root = sharedData('doctor-who-chakoteya-angewzhao/data-raw/doctor_who_transcripts');
    // Links to the files (init does not follow linked folders); nothing is copied.
    for (const d of DOCTORS) {
      mkdirSync(join(folder, d));
      for (const f of readdirSync(join(root, d))) symlinkSync(join(root, d, f), join(folder, d, f));
    }
    const manifest = await writeManifest(folder, await scanCanonFolder(folder), {
      out: join(dir, 'canon.yaml'),
    });
    store = await openSqliteStore(join(dir, 'library.db'));
    await ingestCanon(manifest, store, { cwd: dir });
    await suggestForEpisodes(store, { all: true });
  }, 180_000);
  afterAll(async () => {
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('never supports a false claim, and gets most of them right', async () => {
    const set = JSON.parse(
      readFileSync(join(REPO_ROOT, 'test/fixtures/claims-dev-set.json'), 'utf8'),
    ) as { claims: DevClaim[] };
    const session = await openClaimSession(store, { includeSuggested: true });
    const results: { id: string; truth: boolean; verdict: string }[] = [];
    for (const c of set.claims.filter((x) => IN_RANGE.includes(x.id))) {
      const claim: Claim = claimFromValue(c.claim);
      const v = await checkClaim(store, session, claim);
      results.push({ id: c.id, truth: c.truth, verdict: v.verdict });
    }
    expect(results).toHaveLength(IN_RANGE.length);
    expect(results.filter((r) => !r.truth && r.verdict === 'supported')).toEqual([]);
    const right = results.filter((r) =>
      r.truth ? r.verdict === 'supported' : r.verdict === 'contradicted',
    );
    expect(right.length).toBeGreaterThanOrEqual(4);
  });

  it('cites the transcript line of a counter-example', async () => {
    const session = await openClaimSession(store, { includeSuggested: true });
    const v = await checkClaim(store, session, {
      quantifier: 'never',
      pattern: { action: 'kiss', initiator: 'Jack', recipients: ['Doctor'] },
    });
    expect(v.verdict).toBe('contradicted');
    expect(v.counterexamples[0]).toMatchObject({
      episode: 'S27E13',
      source: { file: 'doctor_9/27_13_the_parting_of_the_ways.txt', line: 205 },
    });
  });
});
