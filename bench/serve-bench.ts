// Workbench search over HTTP: a real `receipts serve` process on a synthetic library
// (default 1,000,000 lines, bench/synthetic-corpus.ts), measured from this process.
//  1. Search as you type: every prefix of a few typed queries, one request at a time as the
//     page sends them (limit 50, context 1), timed from request to parsed JSON.
//     Baseline in the same run: the same requests through search() in this process, no HTTP.
//  2. Throughput: autocannon against the server, cycling through the same typed requests.
//     Baseline in the same run: GET /api/session on the same server (HTTP with no work).
//   npx tsx bench/serve-bench.ts [--lines 1000000] [--seconds 10] [--connections 8] [--out file]
// Targets (issue #8): p95 <= 50 ms as you type; >= 2,000 requests/s on 2 cores.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon, { type Result } from 'autocannon';
import { toSearchRequest } from '../src/app/search-request.js';
import { openSqliteStore } from '../src/store/sqlite/canon-store.js';
import { CLI } from '../test/run-cli.js';
import { buildSyntheticLibrary, rareWords } from './synthetic-corpus.js';

const args = process.argv.slice(2);
const arg = (name: string, fallback: string): string => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1]! : fallback;
};
const TOTAL = Number(arg('lines', '1000000'));
const SECONDS = Number(arg('seconds', '10'));
const CONNECTIONS = Number(arg('connections', '8'));
const PASSES = Number(arg('passes', '5'));
const OUT = arg('out', '');
const command = `npx tsx bench/serve-bench.ts${args.length ? ` ${args.join(' ')}` : ''}`;

const loadBefore = loadavg()[0]!;
const dir = mkdtempSync(join(tmpdir(), 'receipts-serve-bench-'));
const file = join(dir, 'library.db');
const built = await buildSyntheticLibrary(file, TOTAL);
console.error(`library: ${built.lines} lines`);

// What people type, keystroke by keystroke: common and rare words, a phrase, a prefix, an
// exclusion. Every non-blank prefix is one request, as the page sends after its debounce.
const TYPED = [
  'what are you doing',
  '"I don\'t know"',
  'doctor',
  'you know',
  rareWords[0] ?? 'lophaka',
  'some*',
  'the -you',
];
const keystrokes = TYPED.flatMap((t) =>
  Array.from({ length: t.length }, (_, i) => t.slice(0, i + 1)).filter((q) => q.trim() !== ''),
);
const pathOf = (q: string) =>
  `/api/search?${new URLSearchParams({ q, limit: '50', context: '1', typing: 'true' }).toString()}`;

// --- the server, in its own process as people run it -----------------------------------------

const server = spawn(
  process.execPath,
  [...CLI, '--db', file, 'serve', '--port', '0', '--no-open'],
  {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, NO_COLOR: '1' },
  },
);
const base = await new Promise<string>((found, fail) => {
  let out = '';
  server.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString('utf8');
    const m = /on (http:\/\/[^/\s]+)\//u.exec(out);
    if (m) found(m[1]!);
  });
  server.on('exit', (code) => fail(new Error(`receipts serve exited (${code}): ${out}`)));
});

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

// --- 1. search as you type ------------------------------------------------------------------

async function overHttp(q: string): Promise<{ ms: number; status: number }> {
  const t = performance.now();
  const r = await fetch(base + pathOf(q));
  await r.json();
  return { ms: performance.now() - t, status: r.status };
}
const failed = new Map<string, number>();
for (const q of keystrokes) await overHttp(q); // warm-up pass: connections, page cache
const http: number[] = [];
for (let pass = 0; pass < PASSES; pass++) {
  for (const q of keystrokes) {
    const r = await overHttp(q);
    http.push(r.ms);
    if (r.status !== 200) failed.set(q, r.status);
  }
}
http.sort((a, b) => a - b);

const store = await openSqliteStore(file);
const direct: number[] = [];
for (let pass = 0; pass <= PASSES; pass++) {
  for (const q of keystrokes) {
    const t = performance.now();
    try {
      await store.search(toSearchRequest({ query: q, limit: 50, context: 1, asYouType: true }));
    } catch {
      // a keystroke with no word yet (a lone quote): answered with a message, timed all the same
    }
    if (pass > 0) direct.push(performance.now() - t);
  }
}
await store.close();
direct.sort((a, b) => a - b);
console.error(`as you type: p95 ${percentile(http, 0.95).toFixed(1)} ms over HTTP`);

// --- 2. throughput ----------------------------------------------------------------------------

const load = (requests: readonly { path: string }[]) =>
  autocannon({ url: base, connections: CONNECTIONS, duration: SECONDS, requests });
const searchLoad = await load(keystrokes.map((q) => ({ path: pathOf(q) })));
console.error(`search: ${searchLoad.requests.average} requests/s`);
const ceiling = await load([{ path: '/api/session' }]);
console.error(`/api/session: ${ceiling.requests.average} requests/s`);

server.kill('SIGTERM');
await new Promise((done) => server.once('exit', done));
rmSync(dir, { recursive: true, force: true });

// --- report -----------------------------------------------------------------------------------

const ms = (x: number) => (x < 10 ? x.toFixed(2) : x.toFixed(1));
const row = (name: string, xs: readonly number[]) =>
  `| ${name} | ${ms(percentile(xs, 0.5))} | ${ms(percentile(xs, 0.95))} | ${ms(percentile(xs, 0.99))} | ${ms(xs.at(-1)!)} |`;
const rps = (r: Result) => Math.round(r.requests.average).toLocaleString('en');
const errorsOf = (r: Result) => r.errors + r.timeouts + r.non2xx;
const p95 = percentile(http, 0.95);

const summary = `## Workbench search over HTTP: targets p95 <= 50 ms as you type, >= 2,000 requests/s

Command: \`${command}\`
Machine: Node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}); load average ${loadBefore.toFixed(1)} at the
start and ${loadavg()[0]!.toFixed(1)} at the end of the run.

Library: ${built.lines.toLocaleString('en')} synthetic lines (the search benchmark's corpus). Server: \`receipts serve\`
in its own process; requests from the benchmark's process.

**Search as you type** (${keystrokes.length} keystrokes of ${TYPED.length} typed queries such as \`${TYPED[0]}\`,
\`${TYPED[1]}\` and \`${TYPED[5]}\`, each prefix one request with limit 50 and context 1 as the page sends
it, one at a time, ${PASSES} passes after a warm-up pass; from request to parsed JSON):

| path | p50 ms | p95 ms | p99 ms | max ms |
|---|---:|---:|---:|---:|
${row('HTTP, `receipts serve`', http)}
${row('baseline: `search()` in process', direct)}

p95 over HTTP: **${ms(p95)} ms** (target 50 ms: ${p95 <= 50 ? 'met' : 'NOT met'}); HTTP and JSON add
${ms(percentile(http, 0.95) - percentile(direct, 0.95))} ms at p95 (${(percentile(http, 0.5) / percentile(direct, 0.5)).toFixed(1)}x the in-process p50).
${failed.size ? `Keystrokes answered with a message instead of hits: ${[...failed].map(([q, s]) => `\`${q}\` (${s})`).join(', ')}.` : 'Every keystroke answered 200.'}

**Throughput** (autocannon ${CONNECTIONS} connections, ${SECONDS} s, in the benchmark's process):

| endpoint | requests/s | latency p50 ms | p99 ms | errors |
|---|---:|---:|---:|---:|
| \`/api/search\`, cycling through the keystrokes above | ${rps(searchLoad)} | ${searchLoad.latency.p50} | ${searchLoad.latency.p99} | ${errorsOf(searchLoad)} |
| baseline: \`/api/session\` (no work) | ${rps(ceiling)} | ${ceiling.latency.p50} | ${ceiling.latency.p99} | ${errorsOf(ceiling)} |

Search: **${rps(searchLoad)} requests/s** (target 2,000: ${searchLoad.requests.average >= 2000 ? 'met' : 'NOT met'}),
${((searchLoad.requests.average / ceiling.requests.average) * 100).toFixed(0)} % of the same server's rate with no work.
`;
console.log(summary);
if (OUT) writeFileSync(OUT, summary);
