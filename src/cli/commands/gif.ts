import { relative } from 'node:path';
import type { Command } from 'commander';
import pc from 'picocolors';
import { renderGif, type ClipSource, type GifRequest, type GifResult } from '../../app/gif.js';
import {
  parseClipTime,
  parseCropOption,
  parseMaxBytes,
  parseNumber,
  parseWidth,
  pickFormat,
} from '../../app/gif-options.js';
import { ReceiptsError } from '../../domain/errors.js';
import { formatTimecode } from '../../domain/time.js';
import { printJson } from '../format-table.js';
import { percentBar } from '../progress.js';
import { commandPrinter, withCancel } from '../ffmpeg-run.js';
import { withStore, type GlobalOptions } from '../with-store.js';

interface ClipOptions {
  readonly series?: string;
  readonly episode?: string;
  readonly from?: string;
  readonly to?: string;
  readonly at?: string;
  readonly quote?: string;
  readonly hit?: string;
  readonly moment?: string;
  readonly pad?: string;
  readonly snap?: boolean;
  readonly width?: string;
  readonly crop?: string;
  readonly fps?: string;
  readonly speakers?: boolean;
  readonly font?: string;
  readonly caption?: readonly string[];
  readonly captions?: boolean;
  readonly format?: string;
  readonly maxBytes?: string;
  readonly sharpen?: boolean;
  readonly brightness?: string;
  readonly contrast?: string;
  readonly saturation?: string;
  readonly out?: string;
  readonly json?: boolean;
}

const collect = (value: string, previous: readonly string[] = []) => [...previous, value];

/** Flags `gif` and `frame` share. */
function commonOptions(cmd: Command): Command {
  return cmd
    .option('--series <id>', 'the series (needed when the library holds several)')
    .option('--episode <id>', 'episode id, e.g. S01E02 (with --from/--to or --at)')
    .option('--quote <text>', 'the subtitle line saying this (a phrase search)')
    .option('--hit <n>', 'with --quote: the Nth line that says it (default 1)')
    .option('--moment <id>', 'a stored moment with start and end times')
    .option('--width <px>', 'output width: pixels, or single (540), two (268), three (177)')
    .option('--crop <crop>', 'full (default), square (centre) or WxH+X+Y in source pixels')
    .option('--speakers', 'prefix captions with the speaker name')
    .option('--font <family>', 'caption font, an installed family (default Liberation Sans)')
    .option('--caption <text>', 'custom caption, `text` or `FROM-TO=text` (s); repeatable', collect)
    .option('--no-captions', 'no captions at all')
    .option('--sharpen', 'sharpen a little (unsharp)')
    .option('--brightness <n>', 'brightness -1..1 (default 0)')
    .option('--contrast <n>', 'contrast 0..3 (default 1)')
    .option('--saturation <n>', 'saturation 0..3 (default 1)')
    .option('--out <file>', 'output file (default: <episode>-<time>.<ext> here)')
    .option('--json', 'print what was made as JSON');
}

/** `receipts gif` and `receipts frame`. */
export function registerGif(program: Command): void {
  commonOptions(
    program
      .command('gif')
      .description('render a captioned GIF (or WebP, MP4) of a time range, a quote or a moment')
      .option('--from <time>', 'with --episode: start (41:12.5, 41m12s, 2472.5)')
      .option('--to <time>', 'with --episode: end'),
  )
    .option('--pad <s>', 'seconds added before and after (default 0)')
    .option('--snap', 'move the edges onto nearby cuts (finds the shots if not stored)')
    .option('--fps <n>', 'frames per second (default: the source, at most 15 for GIF/WebP)')
    .option('--format <f>', 'gif (default), webp or mp4; else taken from --out')
    .option(
      '--max-bytes <size>',
      'GIF size budget: 10MB, 5.5MB, 300KB or bytes (default $RECEIPTS_MAX_BYTES or 10MB)',
    )
    .addHelpText(
      'after',
      `
A GIF over its budget is made smaller step by step, in the order a GIF maker would: frame
rate (15, 12, 10), colours (256, 128, 64), width (a Tumblr preset or 10 % at a time), then
light and then strong denoising; each step taken is printed. If even the smallest is over,
nothing is written and the smallest size is named.
Captions are the subtitle cues spoken in the range, each shown while it is spoken: white
Liberation Sans (or --font, an installed family) with a black outline, bottom centre,
italics kept. Renders are cached by their inputs, so the same command again is instant.
--verbose shows the ffmpeg command. Ctrl-C stops ffmpeg and keeps nothing.
Examples:
  receipts gif --episode S01E02 --from 41:12 --to 41:15.5
  receipts gif --quote "is the lord of the universe in" --pad 0.3 --snap --width two
  receipts gif --moment m12 --format mp4 --out kiss.mp4 --json`,
    )
    .action(async (opts: ClipOptions, cmd: Command) => {
      const format = pickFormat(opts.format, opts.out, ['gif', 'webp', 'mp4'], 'gif');
      const request: GifRequest = {
        ...baseRequest(opts, clipSource(opts, false)),
        padMs:
          opts.pad === undefined ? 0 : Math.round(parseNumber('--pad', opts.pad, 0, 10) * 1000),
        snap: opts.snap === true,
        fps: opts.fps === undefined ? undefined : parseNumber('--fps', opts.fps, 1, 60),
        format,
        maxBytes: parseMaxBytes(opts.maxBytes),
      };
      await run(request, opts, cmd);
    });

  commonOptions(
    program
      .command('frame')
      .description('render one captioned still (PNG or JPEG) at a time, a quote or a moment')
      .option('--at <time>', 'with --episode: the time of the frame'),
  )
    .option('--format <f>', 'png (default) or jpg; else taken from --out')
    .addHelpText(
      'after',
      `
A quote or moment gives the frame in its middle.
Examples:
  receipts frame --episode S01E02 --at 41:12.5 --out still.png
  receipts frame --quote "crown jewels" --speakers`,
    )
    .action(async (opts: ClipOptions, cmd: Command) => {
      const format = pickFormat(opts.format, opts.out, ['png', 'jpg'], 'png');
      await run({ ...baseRequest(opts, clipSource(opts, true)), format }, opts, cmd);
    });
}

function clipSource(opts: ClipOptions, still: boolean): ClipSource {
  const given = [opts.quote, opts.moment, opts.episode].filter((x) => x !== undefined).length;
  if (given !== 1) {
    const times = still ? '--episode E --at T' : '--episode E --from T --to T';
    throw new ReceiptsError('USAGE', `Give one of ${times}, --quote "<text>" or --moment <id>.`);
  }
  if (opts.quote !== undefined) {
    const hit = opts.hit === undefined ? 1 : parseNumber('--hit', opts.hit, 1, 1000);
    return { kind: 'quote', text: opts.quote, hit: Math.round(hit) };
  }
  if (opts.moment !== undefined) return { kind: 'moment', id: opts.moment };
  const episodeId = opts.episode ?? '';
  if (still) {
    if (opts.at === undefined) throw new ReceiptsError('USAGE', '--episode needs --at <time>.');
    const at = parseClipTime('--at', opts.at);
    return { kind: 'range', episodeId, startMs: at, endMs: at + 1 };
  }
  if (opts.from === undefined || opts.to === undefined) {
    throw new ReceiptsError('USAGE', '--episode needs --from <time> and --to <time>.');
  }
  const startMs = parseClipTime('--from', opts.from);
  return { kind: 'range', episodeId, startMs, endMs: parseClipTime('--to', opts.to) };
}

function baseRequest(opts: ClipOptions, source: ClipSource): GifRequest {
  const adjusted = [opts.brightness, opts.contrast, opts.saturation].some((x) => x !== undefined);
  return {
    seriesId: opts.series,
    source,
    width: opts.width === undefined ? undefined : parseWidth(opts.width),
    crop: opts.crop === undefined ? undefined : parseCropOption(opts.crop),
    speakers: opts.speakers === true,
    font: opts.font,
    captions: opts.caption,
    noCaptions: opts.captions === false,
    sharpen: opts.sharpen === true,
    color: adjusted
      ? {
          brightness: parseNumber('--brightness', opts.brightness ?? '0', -1, 1),
          contrast: parseNumber('--contrast', opts.contrast ?? '1', 0, 3),
          saturation: parseNumber('--saturation', opts.saturation ?? '1', 0, 3),
        }
      : null,
    out: opts.out,
  };
}

async function run(request: GifRequest, opts: ClipOptions, cmd: Command): Promise<void> {
  const global = cmd.optsWithGlobals<GlobalOptions>();
  const progress = percentBar(!opts.json && process.stderr.isTTY === true, 'rendering');
  const started = performance.now();
  const result = await withCancel((signal) =>
    withStore(global, (store) =>
      renderGif(store, request, {
        signal,
        onProgress: progress.update,
        onCommand: commandPrinter(global),
      }).finally(progress.stop),
    ),
  );
  const seconds = (performance.now() - started) / 1000;
  if (opts.json) return printJson(jsonOf(result, seconds));
  const how = result.cached ? 'from the cache' : `in ${seconds.toFixed(1)} s`;
  const lines = [
    `${relative(process.cwd(), result.path) || result.path}  ${result.width}x${result.height}, ` +
      `${result.frames} frame${result.frames === 1 ? '' : 's'}` +
      `${result.format === 'png' || result.format === 'jpg' ? '' : ` at ${result.fps} fps`}, ` +
      `${(result.bytes / 1e6).toFixed(2)} MB ${pc.dim(how)}`,
    pc.dim(
      `${result.episode} ${formatTimecode(result.startMs)}-${formatTimecode(result.endMs)}` +
        `${result.captioned.length > 0 ? `, ${result.captioned.length} caption(s)` : ''}`,
    ),
  ];
  const steps = result.budgetSteps.map((s) =>
    pc.dim(`  budget: ${s.step}: ${(s.bytes / 1e6).toFixed(2)} MB`),
  );
  process.stdout.write(`${[...lines, ...steps].join('\n')}\n`);
}

function jsonOf(r: GifResult, seconds: number) {
  return {
    path: r.path,
    format: r.format,
    bytes: r.bytes,
    width: r.width,
    height: r.height,
    fps: r.fps,
    frames: r.frames,
    series: r.series,
    episode: r.episode,
    startMs: r.startMs,
    endMs: r.endMs,
    snapped: r.snapped,
    captions: r.captioned,
    budgetSteps: r.budgetSteps,
    cached: r.cached,
    seconds: Number(seconds.toFixed(3)),
  };
}
