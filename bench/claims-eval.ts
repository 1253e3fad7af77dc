import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkClaim, openClaimSession } from '../src/app/check-claim.js';
import { claimFromValue } from '../src/app/claim-input.js';
import type { VerdictKind } from '../src/domain/claim.js';
import { isReceiptsError } from '../src/domain/errors.js';
import { openSqliteStore } from '../src/store/sqlite/canon-store.js';
import { REPO_ROOT } from '../test/shared-data.js';
import { requireSharedData } from './real-data.js';

/**
 * How many verdicts of the hand-checked claims in test/fixtures/claims-dev-set.json are right,
 * on the Doctor Who transcripts with suggestions counted (--include-suggested), and how long a
 * claim takes over the whole canon:
 *
 *   npx tsx bench/claims-eval.ts [--db <library with DW ingested and suggested>] [--verbose]
 *
 * Without --db it builds one in a temporary folder (init, ingest, suggest --all: about a
 * minute). Right: a true claim `supported`; a false one `contradicted` (or `no-evidence` for
 * only/first/last/find, whose false form can be "it never happens"). `insufficient-coverage`
 * is counted apart: not wrong, not an answer. The worst error is `supported` on a false claim.
 */
interface DevClaim {
  readonly id: string;
  readonly text: string;
  readonly claim: unknown;
  readonly truth: boolean;
}

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const dbArg = args.includes('--db') ? args[args.indexOf('--db') + 1] : undefined;
const data = requireSharedData('claims-eval');
const set = JSON.parse(
  readFileSync(join(REPO_ROOT, 'test/fixtures/claims-dev-set.json'), 'utf8'),
) as { claims: DevClaim[] };

let tmp: string | null = null;
let db = dbArg;
if (db === undefined || !existsSync(db)) {
  tmp = mkdtempSync(join(tmpdir(), 'receipts-claims-'));
  db = join(tmp, 'lib.db');
  const cli = (...a: string[]) =>
    execFileSync('npx', ['tsx', 'src/cli/main.ts', '--db', db!, ...a], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  const folder = join(data, 'doctor-who-chakoteya-angewzhao/data-raw/doctor_who_transcripts');
  console.error('building the Doctor Who library (init, ingest, suggest --all)...');
  cli('init', folder, '--out', join(tmp, 'canon.yaml'));
  cli('ingest', join(tmp, 'canon.yaml'));
  cli('suggest', '--all');
}

const store = await openSqliteStore(db);
const session = await openClaimSession(store, { includeSuggested: true });
const tally = { right: 0, wrong: 0, insufficient: 0, supportedFalse: 0 };
const times: number[] = [];
const rows: string[] = [];
for (const c of set.claims) {
  let verdict: VerdictKind | 'error';
  let why = '';
  try {
    const v = await checkClaim(store, session, claimFromValue(c.claim));
    verdict = v.verdict;
    why = v.explanation;
    times.push(v.ms);
    why = `${v.ms} ms  ${why}`;
  } catch (e) {
    if (!isReceiptsError(e)) throw e;
    verdict = 'error';
    why = e.toLine();
  }
  const q = (c.claim as { quantifier: string }).quantifier;
  const falseOk = ['only', 'first', 'last', 'find'].includes(q)
    ? ['contradicted', 'no-evidence']
    : ['contradicted'];
  const right = c.truth ? verdict === 'supported' : falseOk.includes(verdict);
  if (right) tally.right++;
  else if (verdict === 'insufficient-coverage') tally.insufficient++;
  else tally.wrong++;
  if (!c.truth && verdict === 'supported') tally.supportedFalse++;
  const mark = right ? 'ok' : verdict === 'insufficient-coverage' ? '..' : 'XX';
  rows.push(
    `${mark} ${c.id} ${q.padEnd(7)} truth=${String(c.truth).padEnd(5)} ${verdict}${verbose ? `\n     ${why}` : ''}`,
  );
}
await store.close();
if (tmp !== null) rmSync(tmp, { recursive: true, force: true });

times.sort((a, b) => a - b);
const pct = (p: number) =>
  times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))] ?? 0;
console.log(rows.join('\n'));
console.log(
  `\n${set.claims.length} claims: ${tally.right} right, ${tally.insufficient} insufficient-coverage, ${tally.wrong} wrong ` +
    `(${tally.supportedFalse} supported although false)`,
);
console.log(
  `time per claim over the whole canon: p50 ${pct(50)} ms, p95 ${pct(95)} ms, max ${times[times.length - 1] ?? 0} ms`,
);
