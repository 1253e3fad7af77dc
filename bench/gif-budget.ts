// GIF size budget on a real clip (issue #6):
//   npx tsx bench/gif-budget.ts [--budgets 10MB,5MB,3MB]
// friday.mp4 (its friday.vtt burnt in) at 540 px and 15 fps, rendered within each budget by
// the current ladder (renderWithinBudget, the real path: gifsicle's lossless pass, frame rate,
// colours, width, lossy LZW) and, in the same run, by the ladder before it (bench/gif-budget-v2:
// frame rate, colours, width, hqdn3d denoise). For each: bytes, share of the budget, SSIM and
// PSNR, steps, encodes, wall and CPU time. Quality is measured against the source at 540 px
// and the GIF's own frame rate (frame n against frame n), the GIF scaled up to 540 px first,
// so lost width counts; lost frames do not (they are not compared). Results: BENCHMARKS.md.
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { readSubtitlesSync } from '../src/formats/read-subtitles.js';
import {
  applyState,
  BUDGET_VERSION,
  DEFAULT_ENCODING,
  parseByteSize,
} from '../src/media/budget.js';
import { renderWithinBudget } from '../src/media/budget-render.js';
import { captionsAss, captionsForClip } from '../src/media/captions-ass.js';
import { planClip, type ClipPlan } from '../src/media/clip-plan.js';
import { probeVideo, videoFileKey } from '../src/media/probe.js';
import { renderClip } from '../src/media/render-clip.js';
import { runFfmpeg } from '../src/media/run-ffmpeg.js';
import { HAS_SHARED_DATA, SHARED_DATA } from '../test/shared-data.js';
import {
  BUDGET_VERSION_V2,
  budgetGifArgsV2,
  budgetLadderV2,
  DEFAULT_ENCODING_V2,
  searchBudgetV2,
  type BudgetStateV2,
} from './gif-budget-v2.js';
import { cpuSeconds, measure, writeReference, type Quality } from './gif-quality-lib.js';

if (!HAS_SHARED_DATA) {
  console.log('bench/gif-budget.ts: ../shared/data is absent beside the repository; skipped.');
  process.exit(0);
}
const arg = process.argv.indexOf('--budgets');
const BUDGETS = (arg > 0 ? (process.argv[arg + 1] ?? '') : '10MB,5MB,3MB')
  .split(',')
  .map((t) => parseByteSize(t) ?? Number.NaN);
const CLIPS_DIR = join(SHARED_DATA, 'mdn-shared-assets-clips');
const file = join(CLIPS_DIR, 'friday.mp4');
const vtt = join(CLIPS_DIR, 'friday.vtt');

const probe = await probeVideo(file);
const planned = planClip(
  { file, startMs: 0, endMs: probe.durationMs, width: 540, format: 'gif' },
  probe,
);
if (!planned.ok) throw new Error(planned.problems.join('; '));
const plan: ClipPlan = planned.plan;
const cues = readSubtitlesSync(readFileSync(vtt), vtt).cues.filter((c) => !c.sound);
const lines = captionsForClip(cues, plan.startMs, plan.durationMs);
const captionsFor = (p: { readonly width: number; readonly height: number }) =>
  captionsAss(lines, { width: p.width, height: p.height, speakers: false });

interface Row {
  readonly ladder: string;
  readonly budget: number;
  readonly bytes: number;
  readonly width: number;
  readonly fps: number;
  readonly steps: readonly string[];
  readonly encodes: number;
  readonly wallS: number;
  readonly cpuS: number;
  readonly q: Quality;
}

const work = mkdtempSync(join(tmpdir(), 'receipts-gif-budget-'));

/** References at 540 px, one per frame rate, with the 540 px captions burnt in. */
const references = new Map<number, string>();
async function reference(fps: number): Promise<{ plan: ClipPlan; file: string }> {
  const p = applyState(plan, { fps, width: plan.width, encoding: DEFAULT_ENCODING });
  let ref = references.get(fps);
  if (ref === undefined) {
    ref = join(work, `reference-${fps}.bgra`);
    const ass = join(work, 'reference.ass');
    writeFileSync(ass, captionsFor(plan), 'utf8');
    await writeReference(p, ass, ref);
    references.set(fps, ref);
  }
  return { plan: p, file: ref };
}

async function quality(gif: string, fps: number, width: number): Promise<Quality> {
  const ref = await reference(fps);
  return measure(ref.plan, gif, ref.file, width !== plan.width);
}

/** The current ladder through the real render path (no cache). */
async function current(budget: number, out: string) {
  const made = await renderWithinBudget(
    { plan, video: videoFileKey(file), captionsFor, output: out, maxBytes: budget },
    { cacheDir: null },
  );
  return {
    bytes: made.bytes,
    width: made.width,
    fps: made.fps,
    steps: made.steps.map((s) => `${s.step}: ${(s.bytes / 1e6).toFixed(2)}`),
    encodes: made.encodes,
  };
}

/** The ladder before gifsicle: the v2 search with the v2 arguments, each trial through ffmpeg. */
async function before(budget: number, out: string) {
  const trials = join(work, 'v2');
  mkdirSync(trials, { recursive: true });
  let trial = 0;
  const encode = async (state: BudgetStateV2) => {
    const p = applyState(plan, { fps: state.fps, width: state.width, encoding: DEFAULT_ENCODING });
    const gif = join(trials, `trial-${++trial}.gif`);
    const ass = join(trials, `captions-${p.width}.ass`);
    writeFileSync(ass, captionsFor(p), 'utf8');
    await runFfmpeg({
      tool: 'ffmpeg',
      args: budgetGifArgsV2(p, state.encoding, ass, gif),
      file,
      output: gif,
    });
    return { bytes: statSync(gif).size, made: { gif, p } };
  };
  const found = await searchBudgetV2(
    { fps: plan.fps, width: plan.width, encoding: DEFAULT_ENCODING_V2 },
    budget,
    encode,
  );
  if (!found.ok) {
    const bottom = budgetLadderV2({
      fps: plan.fps,
      width: plan.width,
      encoding: DEFAULT_ENCODING_V2,
    }).at(-1);
    throw new Error(`v2: nothing fits; smallest ${found.smallestBytes} (${bottom?.step ?? '-'})`);
  }
  renameSync(found.made.gif, out);
  rmSync(trials, { recursive: true, force: true });
  return {
    bytes: found.bytes,
    width: found.made.p.width,
    fps: found.made.p.fps,
    steps: found.steps.map((s) => `${s.step}: ${(s.bytes / 1e6).toFixed(2)}`),
    encodes: found.encodes,
  };
}

console.log(
  `GIF budget: Node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ` +
    `load average ${loadavg()[0]!.toFixed(1)} at the start; ${BUDGET_VERSION_V2} vs ${BUDGET_VERSION}`,
);
const rows: Row[] = [];
try {
  const plain = join(work, 'plain.gif');
  const made = await renderClip(
    { plan, video: videoFileKey(file), captions: captionsFor(plan), output: plain },
    { cacheDir: null },
  );
  const q0 = await quality(plain, plan.fps, plan.width);
  console.log(
    `\nfriday.mp4 ${plan.width}x${plan.height}, ${plan.fps} fps, ${made.frames} frames: ` +
      `no budget ${made.bytes} bytes, SSIM all ${q0.ssimAll.toFixed(5)}, Y ${q0.ssimY.toFixed(5)}, ` +
      `PSNR avg ${q0.psnrAvg.toFixed(2)}`,
  );
  const ladders = [
    { name: 'before (v2, denoise)', run: before },
    { name: 'now (v3, gifsicle)', run: current },
  ];
  for (const budget of BUDGETS) {
    for (const [i, ladder] of ladders.entries()) {
      const out = join(work, `${budget}-${i}.gif`);
      const t = performance.now();
      const cpu = cpuSeconds();
      const r = await ladder.run(budget, out);
      const wallS = (performance.now() - t) / 1000;
      const cpuS = cpuSeconds() - cpu;
      const q = await quality(out, r.fps, r.width);
      rows.push({ ladder: ladder.name, budget, ...r, wallS, cpuS, q });
      console.log(
        `${(budget / 1e6).toFixed(0)} MB, ${ladder.name}: ${r.bytes} bytes ` +
          `(${((100 * r.bytes) / budget).toFixed(1)} %), ${r.width} px ${r.fps} fps, ` +
          `SSIM all ${q.ssimAll.toFixed(5)}, wall ${wallS.toFixed(1)} s, CPU ${cpuS.toFixed(1)} s`,
      );
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

const head = ['budget', 'ladder', 'KB', '% of budget', 'size', 'SSIM all', 'SSIM Y', 'PSNR avg'];
const table = [
  [...head, 'wall s', 'CPU s', 'encodes', 'steps (MB after each)'],
  ...rows.map((r) => [
    `${(r.budget / 1e6).toFixed(0)} MB`,
    r.ladder,
    (r.bytes / 1000).toFixed(0),
    ((100 * r.bytes) / r.budget).toFixed(1),
    `${r.width} px, ${r.fps} fps`,
    r.q.ssimAll.toFixed(5),
    r.q.ssimY.toFixed(5),
    r.q.psnrAvg.toFixed(2),
    r.wallS.toFixed(1),
    r.cpuS.toFixed(1),
    String(r.encodes),
    r.steps.join('; '),
  ]),
];
console.log('');
for (const r of table) console.log(`| ${r.join(' | ')} |`);
console.log(`\nload average ${loadavg()[0]!.toFixed(1)} at the end`);
