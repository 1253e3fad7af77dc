// Ingest benchmark on real data: all 360 Doctor Who transcripts (chakoteya text) and all
// 683 Star Trek pages (chakoteya HTML), into a fresh SQLite library.
//   npx tsx bench/ingest-bench.ts
// Baseline in the same run: reading + parsing alone (no store), the ceiling for ingest.
import { readFileSync, mkdtempSync, rmSync, writeFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { ingestCanon } from '../src/app/ingest-canon.js';
import { ReceiptsError } from '../src/domain/errors.js';
import { readTranscript } from '../src/formats/read-transcript.js';
import { openSqliteStore } from '../src/store/sqlite/canon-store.js';
import { requireSharedData, walk } from './real-data.js';

const SHARED_DATA = requireSharedData('bench/ingest-bench.ts');

const sets = [
  {
    title: 'Doctor Who (chakoteya)',
    files: walk(
      join(SHARED_DATA, 'doctor-who-chakoteya-angewzhao/data-raw/doctor_who_transcripts'),
      /\.txt$/,
    ),
    dialect: 'chakoteya-text',
  },
  {
    title: 'Star Trek (chakoteya HTML)',
    files: walk(join(SHARED_DATA, 'star-trek-chakoteya-raw-html/transcripts'), /\.htm$/),
    dialect: 'chakoteya-html',
  },
];

// Baseline: read + decode + parse, no store. Files no reader accepts (three Doctor Who
// audio-book prose texts with no speaker labels) are left out of both runs and listed.
let t = performance.now();
let parsedLines = 0;
const refused: string[] = [];
for (const s of sets) {
  s.files = s.files.filter((f) => {
    try {
      for (const p of readTranscript(readFileSync(f), f, { dialect: s.dialect as never }).parts)
        parsedLines += p.transcript.lines.length;
      return true;
    } catch (e) {
      if (!(e instanceof ReceiptsError)) throw e;
      refused.push(`${relative(SHARED_DATA, f)} (${e.code})`);
      return false;
    }
  });
}
const parseMs = performance.now() - t;

const work = mkdtempSync(join(tmpdir(), 'receipts-ingest-bench-'));
const manifests = sets.map((s, i) => {
  const eps = s.files.map(
    (f, n) =>
      `  - id: E${String(n + 1).padStart(4, '0')}\n    title: ${JSON.stringify(relative(SHARED_DATA, f))}\n    transcripts: [{ file: ${JSON.stringify(f)}, dialect: ${s.dialect} }]\n`,
  );
  const file = join(work, `canon-${i}.yaml`);
  writeFileSync(file, `title: ${s.title}\nepisodes:\n${eps.join('')}`);
  return file;
});

// Full ingest into a fresh library, then a re-ingest of the unchanged files.
const db = join(work, 'library.db');
const store = await openSqliteStore(db);
t = performance.now();
let written = 0;
let readMs = 0;
let writeMs = 0;
for (const m of manifests) {
  const r = await ingestCanon(m, store);
  written += r.summary.linesWritten;
  readMs += r.timings.readMs;
  writeMs += r.timings.writeMs;
}
const ingestMs = performance.now() - t;
t = performance.now();
for (const m of manifests) await ingestCanon(m, store);
const reingestMs = performance.now() - t;
const stats = await store.stats();
await store.close();
const dbBytes = statSync(db).size;
const rssMb = process.memoryUsage().rss / 1048576;
rmSync(work, { recursive: true, force: true });

const files = sets.reduce((n, s) => n + s.files.length, 0);
const rows = [
  [
    'parse only (baseline)',
    `${(parseMs / 1000).toFixed(2)} s`,
    `${Math.round(parsedLines / (parseMs / 1000)).toLocaleString('en-US')}`,
  ],
  [
    'full ingest (parse + SQLite + FTS5)',
    `${(ingestMs / 1000).toFixed(2)} s`,
    `${Math.round(written / (ingestMs / 1000)).toLocaleString('en-US')}`,
  ],
  ['re-ingest, nothing changed', `${(reingestMs / 1000).toFixed(2)} s`, '-'],
];
const table = [
  `${files} files, ${written.toLocaleString('en-US')} lines (${Object.entries(stats.linesByKind)
    .map(([k, v]) => `${k} ${v.toLocaleString('en-US')}`)
    .join(', ')}), library ${(dbBytes / 1048576).toFixed(1)} MB, peak RSS ${rssMb.toFixed(0)} MB`,
  '',
  '| run | wall time | lines/s |',
  '|---|---|---|',
  ...rows.map((r) => `| ${r.join(' | ')} |`),
  '',
  `Left out (no reader accepts them): ${refused.join(', ') || 'none'}.`,
  `Of the full ingest, reading and parsing took ${(readMs / 1000).toFixed(2)} s and the store write ${(writeMs / 1000).toFixed(2)} s (${Math.round(written / (writeMs / 1000)).toLocaleString('en-US')} lines/s).`,
  `Full ingest runs at ${(parseMs / ingestMs).toFixed(2)}x the speed of parsing alone.`,
].join('\n');
console.log(table);
