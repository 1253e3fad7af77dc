import { relative } from 'node:path';
import type { Command } from 'commander';
import pc from 'picocolors';
import type { ClipSource } from '../../app/gif.js';
import {
  parseClipTime,
  parseCropOption,
  parseMaxBytes,
  parseNumber,
  parseWidth,
} from '../../app/gif-options.js';
import { renderGifset, type GifsetResult } from '../../app/gifset.js';
import { ReceiptsError } from '../../domain/errors.js';
import { formatTimecode } from '../../domain/time.js';
import { printJson } from '../format-table.js';
import { withStore, type GlobalOptions } from '../with-store.js';

interface GifsetOptions {
  readonly series?: string;
  readonly episode?: string;
  readonly range?: readonly string[];
  readonly quote?: readonly string[];
  readonly pad?: string;
  readonly width?: string;
  readonly crop?: string;
  readonly fps?: string;
  readonly speakers?: boolean;
  readonly font?: string;
  readonly captions?: boolean;
  readonly maxBytes?: string;
  readonly perRow?: string;
  readonly outDir?: string;
  readonly name?: string;
  readonly json?: boolean;
}

const collect = (value: string, previous: readonly string[] = []) => [...previous, value];

/** `--range FROM-TO` of `--episode`: two times split at the first `-`. */
export function parseRange(episodeId: string, text: string): ClipSource {
  const at = text.indexOf('-');
  if (at <= 0) {
    throw new ReceiptsError('USAGE', `--range "${text}" is not FROM-TO (e.g. 1:02-1:05).`);
  }
  const startMs = parseClipTime('--range', text.slice(0, at));
  return { kind: 'range', episodeId, startMs, endMs: parseClipTime('--range', text.slice(at + 1)) };
}

/** `receipts gifset`. */
export function registerGifset(program: Command): void {
  program
    .command('gifset')
    .description('render several clips alike (size, fps, crop, captions) as a numbered photo set')
    .option('--series <id>', 'the series (needed when the library holds several)')
    .option('--episode <id>', 'episode of the --range clips, e.g. S01E02')
    .option('--range <from-to>', 'a clip of --episode, e.g. 1:02-1:05; repeatable', collect)
    .option('--quote <text>', 'a clip of the line saying this; repeatable', collect)
    .option('--pad <s>', 'seconds added before and after each clip (default 0)')
    .option('--width <px>', 'width of every GIF: pixels or single, two (default), three')
    .option('--crop <crop>', 'full (default), square or WxH+X+Y, the same for all')
    .option('--fps <n>', 'frames per second (default: the first clip’s)')
    .option('--speakers', 'prefix captions with the speaker name')
    .option('--font <family>', 'caption font, an installed family (default Liberation Sans)')
    .option('--no-captions', 'no captions at all')
    .option('--max-bytes <size>', 'size budget of each GIF (default $RECEIPTS_MAX_BYTES or 10MB)')
    .option('--per-row <n>', 'GIFs per row of the layout: 1, 2 (default) or 3')
    .option('--out-dir <dir>', 'folder for the files (default: here)')
    .option('--name <prefix>', 'file name prefix (default <episode>-set)')
    .option('--json', 'print what was made as JSON')
    .addHelpText(
      'after',
      `
Ranges come first, in the order given, then quotes. The files are <prefix>-01.gif,
<prefix>-02.gif, ... and <prefix>.gifset.json says which share a row, for the composer.
Example:
  receipts gifset --episode S01E02 --range 1:02-1:05 --range 1:10-1:12 --per-row 2 --name kiss`,
    )
    .action(async (opts: GifsetOptions, cmd: Command) => {
      const ranges = opts.range ?? [];
      if (ranges.length > 0 && opts.episode === undefined) {
        throw new ReceiptsError('USAGE', '--range needs --episode <id>.');
      }
      const sources: ClipSource[] = [
        ...ranges.map((r) => parseRange(opts.episode ?? '', r)),
        ...(opts.quote ?? []).map((text): ClipSource => ({ kind: 'quote', text })),
      ];
      const global = cmd.optsWithGlobals<GlobalOptions>();
      const started = performance.now();
      const result = await withStore(global, (store) =>
        renderGifset(store, {
          seriesId: opts.series,
          sources,
          padMs:
            opts.pad === undefined ? 0 : Math.round(parseNumber('--pad', opts.pad, 0, 10) * 1000),
          width: opts.width === undefined ? parseWidth('two') : parseWidth(opts.width),
          crop: opts.crop === undefined ? undefined : parseCropOption(opts.crop),
          fps: opts.fps === undefined ? undefined : parseNumber('--fps', opts.fps, 1, 60),
          speakers: opts.speakers === true,
          font: opts.font,
          noCaptions: opts.captions === false,
          maxBytes: parseMaxBytes(opts.maxBytes),
          perRow: opts.perRow === undefined ? 2 : parseNumber('--per-row', opts.perRow, 1, 3),
          outDir: opts.outDir,
          name: opts.name,
        }),
      );
      const seconds = (performance.now() - started) / 1000;
      if (opts.json) return printJson(jsonOf(result, seconds));
      process.stdout.write(`${textOf(result, seconds)}\n`);
    });
}

function jsonOf(r: GifsetResult, seconds: number) {
  return {
    layout: r.layoutPath,
    rows: r.layout.rows,
    files: r.layout.files,
    totalBytes: r.totalBytes,
    width: r.width,
    fps: r.fps,
    budgetSteps: r.budgetSteps,
    seconds: Number(seconds.toFixed(3)),
  };
}

function textOf(r: GifsetResult, seconds: number): string {
  const here = (p: string) => relative(process.cwd(), p) || p;
  const lines = r.made.map(
    (m) =>
      `${here(m.path)}  ${m.width}x${m.height}, ${(m.bytes / 1e6).toFixed(2)} MB  ` +
      pc.dim(`${m.episode} ${formatTimecode(m.startMs)}-${formatTimecode(m.endMs)}`),
  );
  return [
    ...lines,
    `${r.made.length} GIFs at ${r.fps} fps, ${(r.totalBytes / 1e6).toFixed(2)} MB in all ` +
      pc.dim(`in ${seconds.toFixed(1)} s`),
    `layout: ${here(r.layoutPath)} (${r.layout.rows.map((row) => row.length).join(' + ')})`,
  ].join('\n');
}
