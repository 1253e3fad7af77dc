// GIF quality and speed on real clips (issue #6):
//   npx tsx bench/gif-quality.ts [--runs N] [--quick]
// For each clip, at 540 px and the plan's 15 fps, renders Receipts' default GIF through the
// real render path (planClip + renderClip, captions burned in) and, in the same run, two ffmpeg
// baselines and the candidate encoders tried for the default. Each GIF is decoded and compared
// frame n to frame n with the same scaled, captioned source frames: bytes, SSIM (all planes
// at 4:4:4, and Y), PSNR, wall time and CPU time. A synthetic clean gradient (made here with
// lavfi) checks for banding. --quick leaves out the candidates. Results: BENCHMARKS.md.
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { readSubtitlesSync } from '../src/formats/read-subtitles.js';
import { captionsAss, captionsForClip } from '../src/media/captions-ass.js';
import { planClip, type ClipPlan } from '../src/media/clip-plan.js';
import { RENDER_ARGS_VERSION } from '../src/media/gif-args.js';
import { probeVideo, videoFileKey } from '../src/media/probe.js';
import { renderClip } from '../src/media/render-clip.js';
import { runFfmpeg } from '../src/media/run-ffmpeg.js';
import { HAS_SHARED_DATA, SHARED_DATA } from '../test/shared-data.js';
import {
  cpuSeconds,
  encodeGraph,
  encodeRaw,
  holdFrames,
  measure,
  writeReference,
  type GraphEncoder,
  type Quality,
} from './gif-quality-lib.js';

if (!HAS_SHARED_DATA) {
  console.log('bench/gif-quality.ts: ../shared/data is absent beside the repository; skipped.');
  process.exit(0);
}
const arg = (name: string) => process.argv.indexOf(name);
const RUNS = arg('--runs') > 0 ? Number(process.argv[arg('--runs') + 1]) : 1;
const QUICK = arg('--quick') > 0;
const CLIPS_DIR = join(SHARED_DATA, 'mdn-shared-assets-clips');

const GRADIENT =
  'gradients=s=960x540:c0=0x102040:c1=0xe0a060:c2=0x40a0ff:nb_colors=3:seed=1:speed=0.02:d=3:r=30';

interface Clip {
  readonly name: string;
  /** In ../shared/data/mdn-shared-assets-clips, or made in the work folder by `make`. */
  readonly file: string;
  readonly make?: (out: string) => Promise<unknown>;
  readonly startMs: number;
  /** Null: to the end of the video. */
  readonly endMs: number | null;
  readonly vtt: string | null;
}

const CLIPS: readonly Clip[] = [
  { name: 'friday.mp4', file: 'friday.mp4', startMs: 0, endMs: null, vtt: 'friday.vtt' },
  // 42.0-45.0 s: soldiers firing at a robot through smoke, inside the shot that runs from the
  // cut at 41.125 s to the one at 46.958 s (test/fixtures/shots), so no cut inside.
  {
    name: 'tears-of-steel 42-45 s',
    file: 'tears-of-steel-battle-clip-medium.webm',
    startMs: 42_000,
    endMs: 45_000,
    vtt: null,
  },
  // Not real footage: a clean, slowly turning three-colour gradient (x264 at crf 12), where an
  // encoder without dithering would show banding first. A check on the choice, not a target.
  {
    name: 'synthetic clean gradient',
    file: 'gradient.mp4',
    startMs: 0,
    endMs: 3000,
    vtt: null,
    make: (out) =>
      runFfmpeg({
        tool: 'ffmpeg',
        args: ['-nostdin', '-v', 'error', '-y', '-f', 'lavfi', '-i', GRADIENT].concat([
          '-c:v',
          'libx264',
          '-crf',
          '12',
          '-pix_fmt',
          'yuv420p',
          out,
        ]),
        file: out,
        output: out,
      }),
  },
];

const palette = (gen: string, use: string) => `split[a][b];[a]${gen}[p];[b][p]${use}`;
const BAYER5 = palette('palettegen', 'paletteuse=dither=bayer:bayer_scale=5');
const NONE = palette('palettegen', 'paletteuse=dither=none');

type Encoder =
  | { readonly kind: 'graph'; readonly name: string; readonly graph: GraphEncoder }
  | {
      readonly kind: 'hold';
      readonly name: string;
      readonly threshold: number;
      readonly palette: string;
    }
  | { readonly kind: 'default'; readonly name: string };

const graph = (name: string, pal: string, pre: string | null = null): Encoder => ({
  kind: 'graph',
  name,
  graph: { pre, palette: pal },
});
const BASELINE_A = graph('(a) palettegen + paletteuse bayer:5', BAYER5);
const BASELINE_B = graph(
  '(b) stats_mode=diff + sierra2_4a, diff_mode=rectangle',
  palette('palettegen=stats_mode=diff', 'paletteuse=dither=sierra2_4a:diff_mode=rectangle'),
);
const DEFAULT: Encoder = { kind: 'default', name: `Receipts default (${RENDER_ARGS_VERSION})` };
const CANDIDATES: readonly Encoder[] = [
  graph('dither none', NONE),
  graph(
    'dither none, diff_mode=rectangle',
    palette('palettegen', 'paletteuse=dither=none:diff_mode=rectangle'),
  ),
  graph('sierra2_4a, stats full', palette('palettegen', 'paletteuse=dither=sierra2_4a')),
  graph('floyd_steinberg, stats full', palette('palettegen', 'paletteuse=dither=floyd_steinberg')),
  graph('bayer:3', palette('palettegen', 'paletteuse=dither=bayer:bayer_scale=3')),
  graph(
    'palette per frame (single, new=1), none',
    palette('palettegen=stats_mode=single', 'paletteuse=new=1:dither=none'),
  ),
  graph(
    'none, palette from every 2nd frame',
    palette('select=not(mod(n\\,2)),palettegen', 'paletteuse=dither=none'),
  ),
  graph(
    'none, palette from half-size frames',
    palette('scale=iw/2:ih/2:flags=area,palettegen', 'paletteuse=dither=none'),
  ),
  graph('hqdn3d=0:0:4:4 (temporal) + bayer:5', BAYER5, 'hqdn3d=0:0:4:4'),
  graph('hqdn3d=0:0:4:4 (temporal) + none', NONE, 'hqdn3d=0:0:4:4'),
  graph('hqdn3d=2:1:2:2 (light) + none', NONE, 'hqdn3d=2:1:2:2'),
  graph('atadenoise + none', NONE, 'atadenoise'),
  { kind: 'hold', name: 'JS hold <=1 + none', threshold: 1, palette: NONE },
  { kind: 'hold', name: 'JS hold <=2 + none', threshold: 2, palette: NONE },
  { kind: 'hold', name: 'JS hold <=1 + bayer:5', threshold: 1, palette: BAYER5 },
];

interface Row {
  readonly name: string;
  readonly bytes: number;
  readonly q: Quality;
  readonly wallMs: number;
  /** CPU seconds of the render's processes (and of Node, for the JS step). */
  readonly cpuS: number;
}

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function benchClip(clip: Clip, work: string): Promise<void> {
  const file = clip.make === undefined ? join(CLIPS_DIR, clip.file) : join(work, clip.file);
  if (clip.make !== undefined) await clip.make(file);
  const probe = await probeVideo(file);
  const planned = planClip(
    {
      file,
      startMs: clip.startMs,
      endMs: clip.endMs ?? probe.durationMs,
      width: 540,
      format: 'gif',
    },
    probe,
  );
  if (!planned.ok) throw new Error(planned.problems.join('; '));
  const plan: ClipPlan = planned.plan;
  let captions: string | null = null;
  if (clip.vtt !== null) {
    const vtt = join(CLIPS_DIR, clip.vtt);
    const cues = readSubtitlesSync(readFileSync(vtt), vtt).cues.filter((c) => !c.sound);
    const lines = captionsForClip(cues, plan.startMs, plan.durationMs);
    captions = captionsAss(lines, { width: plan.width, height: plan.height, speakers: false });
  }
  const ass = captions === null ? null : join(work, 'captions.ass');
  if (ass !== null && captions !== null) writeFileSync(ass, captions, 'utf8');

  const reference = join(work, 'reference.bgra');
  const refStart = { wall: performance.now(), cpu: cpuSeconds() };
  const refFrames = await writeReference(plan, ass, reference);
  const refCost = { wall: performance.now() - refStart.wall, cpu: cpuSeconds() - refStart.cpu };
  const frameBytes = plan.width * plan.height * 4;

  const encoders = [BASELINE_A, BASELINE_B, DEFAULT, ...(QUICK ? [] : CANDIDATES)];
  const rows: Row[] = [];
  for (const [i, enc] of encoders.entries()) {
    const out = join(work, `${i}.gif`);
    const walls: number[] = [];
    const cpus: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const t = performance.now();
      const cpu = cpuSeconds();
      // The hold works on the reference frames, which are exactly the frames the render would
      // hand to palettegen; its cost is the reference's decode plus the hold plus the encode.
      let extra = { wall: 0, cpu: 0 };
      if (enc.kind === 'graph') await encodeGraph(plan, ass, enc.graph, out);
      else if (enc.kind === 'default') {
        await renderClip(
          { plan, video: videoFileKey(file), captions, output: out },
          { cacheDir: null },
        );
      } else {
        const held = join(work, 'held.bgra');
        holdFrames(reference, held, frameBytes, enc.threshold);
        await encodeRaw(plan, held, enc.palette, out);
        rmSync(held, { force: true });
        extra = refCost;
      }
      walls.push(performance.now() - t + extra.wall);
      cpus.push(cpuSeconds() - cpu + extra.cpu);
    }
    const q = await measure(plan, out, reference);
    if (q.frames !== refFrames)
      console.log(`!! ${enc.name}: ${q.frames} GIF frames, ${refFrames} in the reference`);
    const bytes = statSync(out).size;
    rows.push({ name: enc.name, bytes, q, wallMs: median(walls), cpuS: median(cpus) });
  }
  printTable(clip, plan, refFrames, rows);
}

function printTable(clip: Clip, plan: ClipPlan, frames: number, rows: readonly Row[]): void {
  const [a, b] = rows;
  const better = a!.q.ssimAll >= b!.q.ssimAll ? a! : b!;
  const clipMs = plan.durationMs;
  console.log(
    `\n### ${clip.name}: ${(plan.startMs / 1000).toFixed(2)}-${(plan.endMs / 1000).toFixed(2)} s, ` +
      `${plan.width}x${plan.height}, ${plan.fps} fps, ${frames} frames` +
      `${clip.vtt === null ? '' : `, captions from ${clip.vtt}`}\n`,
  );
  console.log(`better baseline (higher SSIM all): ${better.name}\n`);
  const head = [
    'encoder',
    'KB',
    'bytes / better',
    'SSIM all',
    'SSIM Y',
    'PSNR Y',
    'PSNR avg',
    'wall s',
    'wall / clip',
    'CPU s',
  ];
  const body = rows.map((r) => [
    r.name,
    (r.bytes / 1000).toFixed(0),
    (r.bytes / better.bytes).toFixed(2),
    r.q.ssimAll.toFixed(5),
    r.q.ssimY.toFixed(5),
    r.q.psnrY.toFixed(2),
    r.q.psnrAvg.toFixed(2),
    (r.wallMs / 1000).toFixed(2),
    (r.wallMs / clipMs).toFixed(2),
    r.cpuS.toFixed(2),
  ]);
  const table = [head, ...body];
  const widths = head.map((_, c) => Math.max(...table.map((r) => r[c]!.length)));
  const line = (r: readonly string[]) => `| ${r.map((x, c) => x.padEnd(widths[c]!)).join(' | ')} |`;
  console.log([line(head), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n'));
  const d = rows[2]!;
  const verdict = [
    `SSIM all ${d.q.ssimAll >= better.q.ssimAll ? '>=' : '<'} better baseline's (${(d.q.ssimAll - better.q.ssimAll).toFixed(5)})`,
    `bytes ${(d.bytes / better.bytes).toFixed(2)}x (target <= 0.60x)`,
    `wall ${(d.wallMs / clipMs).toFixed(2)}x the clip (target <= 1), CPU ${d.cpuS.toFixed(2)} s`,
  ];
  console.log(`\ndefault vs target: ${verdict.join('; ')}`);
}

console.log(
  `GIF quality: Node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ` +
    `load average ${loadavg()[0]!.toFixed(1)} at the start; ${RUNS} run(s) per encoder (median wall)`,
);
const work = mkdtempSync(join(tmpdir(), 'receipts-gif-quality-'));
try {
  for (const clip of CLIPS) await benchClip(clip, work);
} finally {
  rmSync(work, { recursive: true, force: true });
}
console.log(`\nload average ${loadavg()[0]!.toFixed(1)} at the end`);
