// Helpers of bench/gif-quality.ts: the reference frames, the SSIM/PSNR measurement, and the
// ffmpeg and pure-JS candidate encoders. Everything runs through the one spawn site.
import { openSync, closeSync, readFileSync, readSync, statSync, writeSync } from 'node:fs';
import type { ClipPlan } from '../src/media/clip-plan.js';
import { subtitlesFilter, videoFilters } from '../src/media/gif-args.js';
import { runFfmpeg } from '../src/media/run-ffmpeg.js';

const QUIET = ['-nostdin', '-hide_banner', '-v', 'error', '-y'];
const seconds = (ms: number) => (ms / 1000).toFixed(3);

/** The seek and input arguments the render itself uses (seek before `-i`, exact). */
function inputArgs(plan: ClipPlan): string[] {
  return ['-ss', seconds(plan.startMs), '-t', seconds(plan.durationMs), '-i', plan.file];
}

/** The `-f rawvideo` input of BGRA frames at the plan's size and rate. */
export function rawInput(plan: ClipPlan, file: string): string[] {
  const size = `${plan.width}x${plan.height}`;
  return ['-f', 'rawvideo', '-pix_fmt', 'bgra', '-s', size, '-r', String(plan.fps), '-i', file];
}

/**
 * The reference: the source through the render's own filters (rate, size, captions) up to the
 * point where palettegen takes them, as raw BGRA. Forcing BGRA here matters: scaling and
 * burning captions straight to BGRA (what palettegen negotiates) differs measurably from
 * going through rgb24 or yuv420p.
 */
export async function writeReference(plan: ClipPlan, ass: string | null, out: string) {
  const filters = [...videoFilters(plan, ass), 'format=bgra'].join(',');
  await runFfmpeg({
    tool: 'ffmpeg',
    args: [...QUIET, ...inputArgs(plan), '-vf', filters, '-an', '-f', 'rawvideo', out],
    file: plan.file,
    output: out,
  });
  return statSync(out).size / (plan.width * plan.height * 4);
}

/**
 * CPU seconds used so far by this process and its finished children (Linux: `cutime` and
 * `cstime` of /proc/self/stat, in clock ticks of 1/100 s). Wall time on a shared 2-core machine
 * swings with the load; CPU time does not, and two busy cores bound the wall time by half of it.
 */
export function cpuSeconds(): number {
  const own = process.cpuUsage();
  let children = Number.NaN;
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]?.split(' ') ?? [];
    children = (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    // Not Linux: children's CPU time is unknown.
  }
  return (own.user + own.system) / 1e6 + children;
}

/** An ffmpeg candidate: a filter before the captions (a denoiser) and the palette stage. */
export interface GraphEncoder {
  readonly pre: string | null;
  readonly palette: string;
}

/** Render a GIF with an ffmpeg-only candidate, straight from the source like the product. */
export async function encodeGraph(
  plan: ClipPlan,
  ass: string | null,
  enc: GraphEncoder,
  out: string,
) {
  const filters = [
    ...videoFilters(plan, null),
    enc.pre,
    ass === null ? null : subtitlesFilter(ass),
  ].filter((f) => f !== null);
  const graph = `[0:${plan.videoStream}]${filters.join(',')},${enc.palette}[out]`;
  await runFfmpeg({
    tool: 'ffmpeg',
    args: [...QUIET, ...inputArgs(plan), '-filter_complex', graph, '-map', '[out]', '-an'].concat([
      '-loop',
      '0',
      '-f',
      'gif',
      out,
    ]),
    file: plan.file,
    output: out,
  });
}

/**
 * Inter-frame hold (what gifski and libimagequant call the inter-frame max error): a pixel
 * whose every channel moved by at most `threshold` since the previous *output* frame keeps the
 * previous value, so the GIF encoder can send it as transparent. Recursive on the output, so
 * slow drifts still get through once they add up. Reads and writes raw BGRA frame files;
 * returns the share of pixels held.
 */
export function holdFrames(input: string, output: string, frameBytes: number, threshold: number) {
  const src = openSync(input, 'r');
  const dst = openSync(output, 'w');
  const prev = Buffer.alloc(frameBytes);
  const cur = Buffer.alloc(frameBytes);
  let held = 0;
  let pixels = 0;
  try {
    for (let n = 0; readSync(src, cur, 0, frameBytes, null) === frameBytes; n++) {
      if (n > 0) {
        for (let i = 0; i < frameBytes; i += 4) {
          const same =
            Math.abs(cur[i]! - prev[i]!) <= threshold &&
            Math.abs(cur[i + 1]! - prev[i + 1]!) <= threshold &&
            Math.abs(cur[i + 2]! - prev[i + 2]!) <= threshold;
          if (same) {
            cur[i] = prev[i]!;
            cur[i + 1] = prev[i + 1]!;
            cur[i + 2] = prev[i + 2]!;
            held++;
          }
        }
        pixels += frameBytes / 4;
      }
      writeSync(dst, cur);
      cur.copy(prev);
    }
  } finally {
    closeSync(src);
    closeSync(dst);
  }
  return pixels === 0 ? 0 : held / pixels;
}

/** Encode raw BGRA frames (the held reference) to a GIF with a palette stage. */
export async function encodeRaw(plan: ClipPlan, raw: string, palette: string, out: string) {
  await runFfmpeg({
    tool: 'ffmpeg',
    args: [...QUIET, ...rawInput(plan, raw), '-filter_complex', `[0:v]${palette}[out]`].concat([
      '-map',
      '[out]',
      '-loop',
      '0',
      '-f',
      'gif',
      out,
    ]),
    file: raw,
    output: out,
  });
}

/** Frames in a GIF as ffmpeg decodes it (a GIF short of frames would shift the comparison). */
async function countFrames(gif: string): Promise<number> {
  const { stdout } = await runFfmpeg({
    tool: 'ffprobe',
    args: ['-v', 'error', '-count_frames', '-show_entries', 'stream=nb_read_frames'].concat([
      '-of',
      'csv=p=0',
      gif,
    ]),
    file: gif,
  });
  return Number(stdout.toString('utf8').trim());
}

/** What the comparison measures: SSIM (Y and all planes) and PSNR, over the whole clip. */
export interface Quality {
  readonly frames: number;
  readonly ssimY: number;
  readonly ssimAll: number;
  readonly psnrY: number;
  readonly psnrAvg: number;
}

/**
 * Compare a decoded GIF with the reference, frame n against frame n (GIF delays are whole
 * centiseconds, so times would not line up: both sides are renumbered 0, 1, 2... in a time
 * base of one frame). Both go to yuv444p, so chroma counts at full resolution in "All".
 * `upscale`: a GIF narrower than the reference (a size budget's width step) is first scaled up
 * to it with lanczos, so the detail the narrower GIF lost counts against it.
 */
export async function measure(
  plan: ClipPlan,
  gif: string,
  reference: string,
  upscale = false,
): Promise<Quality> {
  const renumber = 'settb=1/1,setpts=N,format=yuv444p';
  const scale = upscale ? `scale=${plan.width}:${plan.height}:flags=lanczos,` : '';
  const graph =
    `[0:v]${scale}${renumber}[g];[1:v]${renumber},split[r1][r2];` + '[g][r1]ssim[g2];[g2][r2]psnr';
  const lines: string[] = [];
  await runFfmpeg({
    tool: 'ffmpeg',
    args: ['-nostdin', '-hide_banner', '-v', 'info', '-nostats', '-progress', 'pipe:2']
      .concat(['-i', gif, ...rawInput(plan, reference), '-filter_complex', graph])
      .concat(['-f', 'null', '-']),
    file: gif,
    onStderrLine: (line) => {
      if (/Parsed_(ssim|psnr)/u.test(line)) lines.push(line);
    },
  });
  const text = lines.join('\n');
  const num = (re: RegExp) => {
    const m = re.exec(text);
    if (m === null) throw new Error(`no ${String(re)} in ffmpeg's summary:\n${text}`);
    return Number(m[1]);
  };
  return {
    frames: await countFrames(gif),
    ssimY: num(/SSIM Y:([\d.]+)/u),
    ssimAll: num(/All:([\d.]+)/u),
    psnrY: num(/PSNR y:([\d.]+)/u),
    psnrAvg: num(/average:([\d.]+)/u),
  };
}
