// Search benchmark: a synthetic corpus (default 1,000,000 lines) ingested through the
// CanonStore, then p50/p99 latency of search() for each kind of query, against a plain
// in-memory scan of the same lines in the same run.
//   npx tsx bench/search-bench.ts [--lines 1000000] [--runs 400] [--out results.md]
// Targets (limit 20, context 1, end to end through search()): p50 <= 1 ms, p99 <= 10 ms.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { LineKind, SearchFilters, SearchRequest } from '../src/domain/search.js';
import { openSqliteStore } from '../src/store/sqlite/canon-store.js';
import { positionOf, seriesOrdOf } from '../src/store/sqlite/line-ids.js';
import {
  buildSyntheticLibrary,
  EPISODES,
  NAMES,
  PER_SEASON,
  rarePhrases,
  rareWords,
  SERIES,
} from './synthetic-corpus.js';

const args = process.argv.slice(2);
const arg = (name: string, fallback: string): string => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1]! : fallback;
};
const TOTAL = Number(arg('lines', '1000000'));
const RUNS = Number(arg('runs', '400'));
const BASELINE_RUNS = Number(arg('baseline-runs', '12'));
// Results go to stdout (paste into BENCHMARKS.md); --out also writes them to a file.
const OUT = arg('out', '');
const KEEP = args.includes('--keep'); // leave the library file for inspection
// The command as reported: without where this run's files went (--out, --db, --keep).
const local = new Set(['--keep', '--out', '--db']);
const shown = args.filter(
  (a, i) => !local.has(a) && !['--out', '--db'].includes(args[i - 1] ?? ''),
);
const command = `npx tsx bench/search-bench.ts${shown.length ? ` ${shown.join(' ')}` : ''}`;

// --- corpus and ingest ---------------------------------------------------------------------

/** What the baseline scans: the same lines, kept in memory. */
interface Row {
  readonly lower: string;
  readonly speaker: number;
  readonly series: number;
  readonly position: number;
  readonly kind: LineKind;
}

const loadBefore = loadavg()[0]!;
const dir = mkdtempSync(join(tmpdir(), 'receipts-search-bench-'));
const file = join(dir, 'library.db');
const built = await buildSyntheticLibrary(file, TOTAL);
const { lines: lineCount, generateMs, ingestMs, walBytes, dbBytes } = built;
// Queries run on a library opened afresh, as the CLI and the server do, without the cache of
// recent results: each run below repeats one of a few queries, and must measure the search.
const store = await openSqliteStore(file, { searchCache: 0 });
console.error(
  `ingested ${lineCount} lines in ${(ingestMs / 1000).toFixed(1)} s (${Math.round(lineCount / (ingestMs / 1000))} lines/s), db ${(dbBytes / 1e6).toFixed(0)} MB`,
);

// --- queries -------------------------------------------------------------------------------

const rarePrefixes = rareWords.map((w) => w.slice(0, 4)).filter((w) => /^[a-z]{4}$/u.test(w));
const top = `${NAMES[0]} ${NAMES[0]}son`;
const rareSpeaker = `Captain ${NAMES[NAMES.length - 1]}`;
const range: SearchFilters = { series: 's3', episodeFrom: 'S02E10', episodeTo: 'S03E05' };

interface Case {
  readonly name: string;
  readonly queries: readonly string[];
  readonly filters?: SearchFilters;
  readonly order?: 'canon' | 'relevance';
  /** The naive scan: does a lower-cased line match? */
  readonly scan: (q: string) => (r: Row) => boolean;
}
const words = (q: string) => q.toLowerCase().split(/\s+/u);
const allWords = (q: string) => {
  const ws = words(q);
  return (r: Row) => ws.every((w) => r.lower.includes(w));
};
const phrase = (q: string) => {
  const p = q.toLowerCase().replaceAll('"', '');
  return (r: Row) => r.lower.includes(p);
};
const prefix = (q: string) => {
  const re = new RegExp(`\\b${q.replace('*', '')}`, 'u');
  return (r: Row) => re.test(r.lower);
};
const rangeScan = (p: (r: Row) => boolean) => (r: Row) =>
  r.series === 3 && r.position >= PER_SEASON + 9 && r.position <= 2 * PER_SEASON + 4 && p(r);

const cases: Case[] = (
  [
    {
      name: 'phrase, common',
      queries: ['"I don\'t know"', '"what are you"', '"come on"'],
      scan: phrase,
    },
    { name: 'phrase, rare', queries: rarePhrases.map((p) => `"${p}"`), scan: phrase },
    { name: 'all words, common', queries: ['you the', 'know what', 'I you'], scan: allWords },
    {
      name: 'all words, rare',
      queries: rareWords.map(
        (w, i) => `${w} ${i % 2 ? 'you' : rareWords[(i + 1) % rareWords.length]}`,
      ),
      scan: allWords,
    },
    { name: 'word, common', queries: ['you', 'the', "don't"], scan: phrase },
    { name: 'word, rare', queries: rareWords, scan: phrase },
    { name: 'prefix, common (3 letters)', queries: ['wha*', 'the*', 'som*', 'you*'], scan: prefix },
    {
      name: 'prefix, common (4+ letters)',
      queries: ['what*', 'ther*', 'some*', 'your*'],
      scan: prefix,
    },
    { name: 'prefix, rare', queries: rarePrefixes.map((p) => `${p}*`), scan: prefix },
    {
      name: 'ranked, common',
      queries: ['you', 'the', '"I don\'t know"'],
      order: 'relevance',
      scan: phrase,
    },
    {
      name: 'ranked, common words',
      queries: ['you know', 'the doctor'],
      order: 'relevance',
      scan: allWords,
    },
    { name: 'ranked, rare', queries: rareWords, order: 'relevance', scan: phrase },
    {
      name: 'speaker (top), common word',
      queries: ['you', 'the', "don't"],
      filters: { speaker: top },
      scan: (q) => {
        const p = phrase(q);
        return (r) => r.speaker === 0 && p(r);
      },
    },
    {
      name: 'speaker (rarest, by alias), common word',
      queries: ['you', 'the', "don't"],
      filters: { speaker: rareSpeaker },
      scan: (q) => {
        const p = phrase(q);
        return (r) => r.speaker === NAMES.length - 1 && p(r);
      },
    },
    {
      name: 'kind = scene, common word',
      queries: ['the', 'you', 'room'],
      filters: { kinds: ['scene'] },
      scan: (q) => {
        const p = phrase(q);
        return (r) => r.kind === 'scene' && p(r);
      },
    },
    {
      name: 'episode range, common word',
      queries: ['you', 'the', '"I don\'t know"'],
      filters: range,
      scan: (q) => rangeScan(phrase(q)),
    },
    {
      name: 'episode range, rare word',
      queries: rareWords,
      filters: range,
      scan: (q) => rangeScan(phrase(q)),
    },
  ] satisfies Case[]
).filter((c) => c.queries.length > 0);

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

interface Measured {
  readonly name: string;
  readonly example: string;
  readonly total: string;
  readonly p50: number;
  readonly p99: number;
  readonly base50: number;
  readonly base99: number;
}
const ours: { p50: number; p99: number; total: string }[] = [];
for (const c of cases) {
  const request = (q: string): SearchRequest => ({
    query: q,
    filters: c.filters ?? {},
    order: c.order ?? 'canon',
    limit: 20,
    offset: 0,
    context: 1,
  });
  const totals: string[] = [];
  for (const q of c.queries) {
    const r = await store.search(request(q)); // warm-up, and the match count to report
    totals.push(`${r.total}${r.totalCapped ? '+' : ''}`);
  }
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const q = c.queries[i % c.queries.length]!;
    const t = performance.now();
    await store.search(request(q));
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  ours.push({ p50: percentile(times, 0.5), p99: percentile(times, 0.99), total: totals[0]! });
  console.error(
    `${c.name}: p50 ${ours.at(-1)!.p50.toFixed(3)} ms, p99 ${ours.at(-1)!.p99.toFixed(3)} ms`,
  );
}

// The baseline holds every line in memory, as a naive tool would, loaded after our queries so
// that its heap does not slow them down (and ours not it).
const rows: Row[] = [];
{
  const db = new Database(file, { readonly: true });
  const speakerIndex = new Map(NAMES.map((n, i) => [n.toUpperCase(), i]));
  NAMES.forEach((n, i) => speakerIndex.set(`Captain ${n}`, i));
  const all = db
    .prepare('SELECT id, kind, speaker_label AS label, text FROM lines ORDER BY id')
    .iterate() as IterableIterator<{
    id: number;
    kind: LineKind;
    label: string | null;
    text: string;
  }>;
  for (const r of all) {
    rows.push({
      lower: r.text.toLowerCase(),
      speaker: r.label === null ? -1 : (speakerIndex.get(r.label) ?? -1),
      series: seriesOrdOf(r.id),
      position: positionOf(r.id),
      kind: r.kind,
    });
  }
  db.close();
}

const results: Measured[] = [];
cases.forEach((c, k) => {
  // Scan every line, collect matches in canon order, count them all; for relevance, score
  // every match and sort.
  const baseTimes: number[] = [];
  for (let i = 0; i < BASELINE_RUNS; i++) {
    const q = c.queries[i % c.queries.length]!;
    const t = performance.now();
    const test = c.scan(q);
    const hits: Row[] = [];
    for (const r of rows) if (test(r)) hits.push(r);
    if (c.order === 'relevance') {
      // Naive relevance: occurrences of the first word per character, every match scored.
      const w = words(q.replaceAll('"', ''))[0]!;
      const scored = hits.map((r) => ({ r, score: r.lower.split(w).length / r.lower.length }));
      scored.sort((a, b) => b.score - a.score);
      scored.slice(0, 20);
    }
    hits.slice(0, 20);
    baseTimes.push(performance.now() - t);
  }
  baseTimes.sort((a, b) => a - b);
  const m: Measured = {
    name: c.name,
    example: c.queries[0]!,
    total: ours[k]!.total,
    p50: ours[k]!.p50,
    p99: ours[k]!.p99,
    base50: percentile(baseTimes, 0.5),
    base99: percentile(baseTimes, 0.99),
  };
  results.push(m);
  console.error(`${m.name}: scan p50 ${m.base50.toFixed(1)} ms`);
});

// The trap, for reference: FTS5's own bm25() ordering over every match of a common word.
const trap = (() => {
  const db = new Database(file, { readonly: true });
  const st = db.prepare(
    `SELECT rowid FROM lines_fts WHERE lines_fts MATCH ? ORDER BY bm25(lines_fts) LIMIT 20`,
  );
  const ts: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    st.all('text : "you"');
    ts.push(performance.now() - t);
  }
  db.close();
  return ts.sort((a, b) => a - b);
})();

await store.close();
if (KEEP) console.error(`library kept: ${file}`);
else rmSync(dir, { recursive: true, force: true });

// Measured while choosing the design (scripts not kept; same machine, 1M synthetic lines).
const DESIGN_NOTES = `### Why it is built this way (measured while designing, 1M lines)

| choice | measured | decision |
|---|---|---|
| FTS5 kept in step by per-row triggers vs one \`INSERT ... SELECT\` per source | 48k vs 153k lines/s (200k lines) | bulk statements; FTS writes grouped, since FTS5 flushes its pending data at every statement savepoint (interleaving them with other writes made ingest 3x slower) |
| lines written by kysely multi-row inserts vs a prepared better-sqlite3 statement | 170k vs 255k rows/s (rows only) | prepared statement inside the adapter; kysely for everything else |
| external content vs contentless (\`contentless_delete=1\`) FTS5 | 112 vs 116 MB index, similar insert speed | external content: no second copy of the text, and rows stay readable |
| prefix index: none / '3' / '2 3' / '3 4' | FTS 58 / 84 / 113 / 104 MB; "th*" 42 ms without; "what*" 2 ms with '3' only; ingest 112-115k lines/s with '3', 88-100k with '3 4' | '3', and a prefix needs 3 letters (1-2 letter prefixes expand to much of the vocabulary) |
| kind and speaker as tokens 'dialogue' / '12' vs private-use tokens of 1-2 characters | 178 vs 171 MB (with '3 4'); a 'd' token shared the posting list of every "I'd" and made "the" among scene headings 2x slower | private-use characters (generated columns): a filter's posting list holds the filter alone and gets no prefix entries |
| \`columnsize=0\` | -15 MB | on: only bm25() reads the sizes |
| rowid range bound as a JS number vs bigint | 12.7 vs 0.05 ms ("you" in a range) | bigint: a REAL bound makes FTS5 ignore the range |
| \`ORDER BY bm25()\`, even \`LIMIT 1\` | 14 ms for "you" (computes the IDF over every match) | own BM25 over at most 200 candidates sampled across the canon |
| count cap 1,000 vs 10,000 for "I don't know" | 0.4 vs 4 ms | 1,000 |
| count as \`count(*)\` vs returning 1,000 ids | 0.14 vs 0.77 ms | count(*), page fetched separately (or not at all when the page is short) |
`;

// --- report --------------------------------------------------------------------------------

const ms = (x: number) => (x < 10 ? x.toFixed(3) : x.toFixed(1));
const ok = (m: Measured) => (m.p50 <= 1 && m.p99 <= 10 ? 'yes' : 'NO');
const table = [
  '| query | example | matches | p50 ms | p99 ms | scan p50 ms | scan p99 ms | scan / ours (p50) | target |',
  '|---|---|---:|---:|---:|---:|---:|---:|:---:|',
  ...results.map(
    (m) =>
      `| ${m.name} | \`${m.example.replaceAll('|', '\\|')}\` | ${m.total} | ${ms(m.p50)} | ${ms(m.p99)} | ${ms(m.base50)} | ${ms(m.base99)} | ${Math.round(m.base50 / m.p50)}x | ${ok(m)} |`,
  ),
].join('\n');

const summary = `## Search (SQLite FTS5)

Command: \`${command}\`
Machine: Node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}); load average ${loadBefore.toFixed(1)} at the
start and ${loadavg()[0]!.toFixed(1)} at the end of the run (other work shared the machine).

Corpus: ${lineCount.toLocaleString('en')} synthetic lines (Zipf-distributed vocabulary of 30,000 words with the
common English ones on top, 2 % stock phrases such as "I don't know"), ${SERIES} series x ${EPISODES} episodes x
(1 subtitle + 1 transcript) of ${built.perSource} lines, 40 speakers (Zipf), labels and aliases mixed.

Ingest through \`CanonStore.applyIngest\` (one batch per series, generation not included):
**${Math.round(lineCount / (ingestMs / 1000)).toLocaleString('en')} lines/s** (${(ingestMs / 1000).toFixed(1)} s; generating the batches took ${(generateMs / 1000).toFixed(1)} s).
Database: **${(dbBytes / 1e6).toFixed(0)} MB** after checkpoint (${(walBytes / 1e6).toFixed(0)} MB with the WAL right after ingest).

Every query goes through \`search()\` end to end with limit 20 and context 1, the cache of recent results
off (${RUNS} runs per row, cycling
through the row's queries; "matches" is the capped total of the first query, \`+\` = capped). The baseline
is a plain scan of the same lines held in memory (lower-cased \`includes\` / a regex, all matches counted,
relevance sorted by a naive score), ${BASELINE_RUNS} runs per row.

${table}

For reference, FTS5's own \`ORDER BY bm25(lines_fts) LIMIT 20\` for "you" on the same file:
p50 ${ms(percentile(trap, 0.5))} ms (the trap our relevance order avoids by ranking a bounded candidate set).

${DESIGN_NOTES}`;
console.log(summary);
if (OUT) writeFileSync(OUT, summary);
