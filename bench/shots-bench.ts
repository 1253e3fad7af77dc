// Shot-cut benchmark on the hand-checked Tears of Steel battle clip (70.5 s, 24 fps, 25 cuts):
//   npx tsx bench/shots-bench.ts [--runs N]
// Accuracy (precision, recall, F1; a detected cut matches a true one within one frame, each
// true cut at most once) and speed (wall time, times real time) of our detector against
// ffmpeg's own detectors run in the same process on the same file: `select='gt(scene,0.4)'`
// (the usual recipe, default settings) and `scdet` (default threshold 10).
import { cpus, loadavg } from 'node:os';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { probeVideo } from '../src/media/probe.js';
import { runFfmpeg } from '../src/media/run-ffmpeg.js';
import { detectShots, planShots } from '../src/media/shots.js';
import { REPO_ROOT } from '../test/shared-data.js';
import { requireSharedData } from './real-data.js';

interface Fixture {
  readonly file: string;
  readonly fps: number;
  readonly cuts: readonly { readonly frame: number }[];
}

const fixture = JSON.parse(
  readFileSync(
    join(REPO_ROOT, 'test/fixtures/shots/tears-of-steel-battle-clip-medium.json'),
    'utf8',
  ),
) as Fixture;
const file = join(requireSharedData('bench/shots-bench.ts'), fixture.file);
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 3;
const TOLERANCE = 1;

/** ffmpeg arguments printing the time of every frame a filter chain lets through. */
const baselineArgs = (filter: string) => [
  ...['-nostdin', '-hide_banner', '-v', 'error', '-i', file, '-an'],
  ...['-vf', `${filter},metadata=print:file=-`, '-f', 'null', '-'],
];

async function baseline(filter: string): Promise<number[]> {
  const { stdout } = await runFfmpeg({ tool: 'ffmpeg', args: baselineArgs(filter), file });
  return [...stdout.toString('utf8').matchAll(/pts_time:([\d.]+)/gu)].map((m) =>
    Math.round(Number(m[1]) * fixture.fps),
  );
}

function score(found: readonly number[]) {
  const open = fixture.cuts.map((c) => c.frame);
  let hits = 0;
  for (const f of found) {
    const i = open.findIndex((t) => Math.abs(t - f) <= TOLERANCE);
    if (i >= 0) {
      hits++;
      open.splice(i, 1);
    }
  }
  const precision = found.length === 0 ? 0 : hits / found.length;
  const recall = hits / fixture.cuts.length;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { found: found.length, hits, precision, recall, f1, missed: open };
}

const probeStart = performance.now();
const probe = await probeVideo(file);
const probeMs = performance.now() - probeStart;
const planned = planShots(file, probe);
if (!planned.ok) throw new Error(planned.reasons.join('; '));
const plan = planned.plan;

const methods: [string, () => Promise<number[]>][] = [
  ['ours (8x4 thumbnails)', async () => (await detectShots(plan)).cuts.map((c) => c.frame)],
  ["baseline: select='gt(scene,0.4)'", () => baseline("select='gt(scene,0.4)'")],
  ['baseline: scdet (threshold 10)', () => baseline('scdet=threshold=10:sc_pass=1')],
];

console.log(
  `Shot cuts: ${fixture.file}, ${(probe.durationMs / 1000).toFixed(1)} s, ${fixture.cuts.length} hand-checked cuts`,
);
console.log(
  `Node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), load average ${loadavg()[0]!.toFixed(1)} at the start`,
);
console.log(
  `probe (format + truncation check): ${probeMs.toFixed(0)} ms; ${RUNS} runs per method, interleaved\n`,
);

const times = new Map<string, number[]>(methods.map(([name]) => [name, []]));
const results = new Map<string, number[]>();
for (let run = 0; run < RUNS; run++) {
  for (const [name, detect] of methods) {
    const t = performance.now();
    const found = await detect();
    times.get(name)!.push(performance.now() - t);
    results.set(name, found);
  }
}

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ours = median(times.get(methods[0]![0])!);
const rows = methods.map(([name]) => {
  const s = score(results.get(name)!);
  const wall = median(times.get(name)!);
  return [
    name,
    String(s.found),
    s.precision.toFixed(3),
    s.recall.toFixed(3),
    s.f1.toFixed(3),
    `${(wall / 1000).toFixed(2)} s`,
    `${(probe.durationMs / wall).toFixed(1)}x`,
    name === methods[0]![0] ? '-' : `${(wall / ours).toFixed(2)}`,
    s.missed.join(' ') || '-',
  ];
});
const head = [
  'method',
  'cuts',
  'precision',
  'recall',
  'F1',
  'wall (median)',
  'real time',
  'wall / ours',
  'missed (frames)',
];
const table = [head, ...rows];
const widths = head.map((_, c) => Math.max(...table.map((r) => r[c]!.length)));
const line = (r: readonly string[]) => `| ${r.map((x, c) => x.padEnd(widths[c]!)).join(' | ')} |`;
console.log([line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n'));
console.log(
  `\nper-run wall times (s): ${methods
    .map(
      ([name]) =>
        `${name}: ${times
          .get(name)!
          .map((t) => (t / 1000).toFixed(2))
          .join(', ')}`,
    )
    .join('; ')}`,
);
console.log(`load average ${loadavg()[0]!.toFixed(1)} at the end`);
