import type { Command } from 'commander';
import pc from 'picocolors';
import { probeEpisode } from '../../app/probe.js';
import { pickSeries } from '../../app/pick-series.js';
import { episodeShots } from '../../app/shots.js';
import { formatTimecode } from '../../domain/time.js';
import { fps, type MediaProbe, type Rational } from '../../domain/media.js';
import { formatTable, printJson } from '../format-table.js';
import { percentBar } from '../progress.js';
import { commandPrinter, withCancel } from '../ffmpeg-run.js';
import { withStore, type GlobalOptions } from '../with-store.js';

interface MediaOptions {
  readonly series?: string;
  readonly json?: boolean;
  readonly redo?: boolean;
}

/** `receipts shots <episode>` and `receipts probe <episode>`. */
export function registerShots(program: Command): void {
  program
    .command('shots')
    .description("find the hard cuts (and fades) in an episode's video, store and print them")
    .argument('<episode>', 'episode id, e.g. S01E02')
    .option('--series <id>', 'the series (needed when the library holds several)')
    .option('--json', 'print cut times (ms) and frame numbers as JSON')
    .option('--redo', 'detect again even when shots of this file are stored')
    .addHelpText(
      'after',
      `
A cut is given by the first frame of the new shot. Shots are stored per episode with the
video's size and modification time, so a replaced file is analysed again. --verbose shows
the exact ffmpeg command. Ctrl-C stops ffmpeg and keeps nothing.
Examples:
  receipts shots S01E02
  receipts shots S01E02 --json > cuts.json`,
    )
    .action(async (episodeId: string, opts: MediaOptions, cmd: Command) => {
      const global = cmd.optsWithGlobals<GlobalOptions>();
      const progress = percentBar(!opts.json && process.stderr.isTTY === true, 'finding cuts');
      const started = performance.now();
      const result = await withCancel((signal) =>
        withStore(global, async (store) => {
          const series = await pickSeries(store, opts.series);
          return episodeShots(store, {
            seriesId: series.id,
            episodeId,
            redo: opts.redo ?? false,
            signal,
            onProgress: progress.update,
            onCommand: commandPrinter(global),
          }).finally(progress.stop);
        }),
      );
      const { episode, shots } = result;
      if (opts.json) {
        return printJson({
          series: episode.seriesId,
          episode: episode.id,
          video: result.file.path,
          frameRate: shots.frameRate,
          frames: shots.frames,
          durationMs: shots.durationMs,
          cuts: shots.cuts,
          fades: shots.fades,
          method: shots.method,
          stored: result.shotsCached,
        });
      }
      const how = result.shotsCached
        ? 'stored'
        : `found in ${((performance.now() - started) / 1000).toFixed(1)} s`;
      const out = [
        `${episode.id}${episode.title ? ` ${episode.title}` : ''}  ${pc.dim(result.file.path)}`,
        `${shots.cuts.length} cuts, ${shots.fades.length} fades in ${formatTimecode(shots.durationMs)} ` +
          `(${shots.frames.toLocaleString('en-US')} frames at ${rateText(shots.frameRate)}) ${pc.dim(how)}`,
      ];
      if (shots.cuts.length > 0) {
        out.push(
          formatTable(
            ['cut', 'time', 'frame'],
            shots.cuts.map((c, i) => [i + 1, formatTimecode(c.ms), c.frame]),
          ),
        );
      }
      if (shots.fades.length > 0) {
        out.push(
          formatTable(
            ['fade', 'from', 'to', 'frames'],
            shots.fades.map((f) => [
              f.kind === 'out' ? 'to black' : 'from black',
              formatTimecode(f.startMs),
              formatTimecode(f.endMs),
              `${f.startFrame}-${f.endFrame}`,
            ]),
          ),
        );
      }
      process.stdout.write(`${out.join('\n')}\n`);
    });

  program
    .command('probe')
    .description("what ffprobe says about an episode's video: duration, frame rate, size, codecs")
    .argument('<episode>', 'episode id, e.g. S01E02')
    .option('--series <id>', 'the series (needed when the library holds several)')
    .option('--json', 'print the facts as JSON')
    .option('--redo', 'probe again even when facts of this file are stored')
    .action(async (episodeId: string, opts: MediaOptions, cmd: Command) => {
      const global = cmd.optsWithGlobals<GlobalOptions>();
      const result = await withCancel((signal) =>
        withStore(global, async (store) => {
          const series = await pickSeries(store, opts.series);
          return probeEpisode(store, {
            seriesId: series.id,
            episodeId,
            redo: opts.redo ?? false,
            signal,
            onCommand: commandPrinter(global),
          });
        }),
      );
      if (opts.json) {
        return printJson({
          series: result.episode.seriesId,
          episode: result.episode.id,
          file: result.file.path,
          ...result.probe,
          stored: result.cached,
        });
      }
      process.stdout.write(`${describeProbe(result.file.path, result.probe)}\n`);
    });
}

function describeProbe(path: string, p: MediaProbe): string {
  const v = p.video;
  const shape =
    v.displayWidth !== v.width || v.displayHeight !== v.height
      ? ` (shown ${v.displayWidth}x${v.displayHeight}, SAR ${v.sar.num}:${v.sar.den}${v.rotation ? `, rotated ${v.rotation}°` : ''})`
      : '';
  const rows: [string, string][] = [
    ['file', path],
    ['container', p.container],
    ['duration', formatTimecode(p.durationMs)],
    ['size', `${(p.sizeBytes / 1e6).toFixed(1)} MB`],
    [
      'video',
      `${v.codec} ${v.width}x${v.height}${shape}, ${rateText(v.frameRate)}` +
        `${v.variableFrameRate ? ' (variable)' : ''}${v.pixelFormat ? `, ${v.pixelFormat}` : ''}`,
    ],
    [
      'audio',
      p.audio === null
        ? 'none'
        : `${p.audio.codec}${p.audio.channels ? `, ${p.audio.channels} ch` : ''}${p.audio.sampleRate ? `, ${p.audio.sampleRate} Hz` : ''}`,
    ],
  ];
  return formatTable(['', ''], rows);
}

const rateText = (r: Rational) => `${Number(fps(r).toFixed(3))} fps`;
