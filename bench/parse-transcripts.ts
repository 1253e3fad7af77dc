// Transcript parsing speed on the real data, per dialect: decoded text in, lines out.
//   npx tsx bench/parse-transcripts.ts
// Decoding (decodeText) is timed apart: it is shared with subtitles and is not the parsers' cost.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TranscriptDialect } from '../src/domain/transcript.js';
import { decodeText } from '../src/formats/decode-text.js';
import { parseAs } from '../src/formats/read-transcript.js';
import { requireSharedData, walk } from './real-data.js';

const SHARED_DATA = requireSharedData('bench/parse-transcripts.ts');

const sets: { name: string; dialect: TranscriptDialect; files: string[] }[] = [
  {
    name: 'Doctor Who (text)',
    dialect: 'chakoteya-text',
    files: walk(join(SHARED_DATA, 'doctor-who-chakoteya-angewzhao/data-raw'), /\.txt$/),
  },
  {
    name: 'Star Trek (HTML)',
    dialect: 'chakoteya-html',
    files: walk(join(SHARED_DATA, 'star-trek-chakoteya-raw-html/transcripts'), /\.htm$/),
  },
  {
    name: 'Frasier',
    dialect: 'frasier',
    files: walk(join(SHARED_DATA, 'frasier-transcripts-and-srt/data/scripts'), /\.txt$/),
  },
  {
    name: 'TOS CSV',
    dialect: 'csv',
    files: [join(SHARED_DATA, 'star-trek-tos-chakoteya-csv/st-tos-transcripts.csv')],
  },
];

const ROUNDS = 5;
for (const set of sets) {
  const bytes = set.files.map((f) => readFileSync(f));
  const t = performance.now();
  const texts = bytes.map((b, i) => decodeText(b, set.files[i]!).text);
  const decodeMs = performance.now() - t;
  let sourceLines = 0;
  for (const text of texts)
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) sourceLines++;

  const counts = { scene: 0, dialogue: 0, action: 0 };
  // Best of a few rounds, wall time; CPU time (all threads, GC included) printed beside it
  // because the benchmark machine is shared and wall time alone is noisy.
  let best = Infinity;
  let bestCpu = Infinity;
  for (let round = 0; round < ROUNDS; round++) {
    const cpu = process.cpuUsage();
    const wall = performance.now();
    // One file's result at a time, as ingest holds them; counted on the first round only.
    texts.forEach((text, i) => {
      const r = parseAs(set.dialect, text, set.files[i]!);
      if (round > 0) return;
      for (const p of r.parts) for (const l of p.transcript.lines) counts[l.kind]++;
    });
    best = Math.min(best, performance.now() - wall);
    const used = process.cpuUsage(cpu);
    bestCpu = Math.min(bestCpu, (used.user + used.system) / 1000);
  }
  const out = counts.scene + counts.dialogue + counts.action;
  console.log(
    `${set.name.padEnd(18)} ${String(set.files.length).padStart(4)} files  ` +
      `${String(sourceLines).padStart(7)} source lines  ` +
      `parse ${best.toFixed(0).padStart(5)} ms (cpu ${bestCpu.toFixed(0)} ms)  ` +
      `${Math.round(sourceLines / (best / 1000))
        .toLocaleString('en')
        .padStart(9)} source lines/s  ` +
      `${Math.round(out / (best / 1000))
        .toLocaleString('en')
        .padStart(9)} transcript lines/s  ` +
      `(decode ${decodeMs.toFixed(0)} ms wall)  ` +
      `scene ${counts.scene}  dialogue ${counts.dialogue}  action ${counts.action}`,
  );
}
