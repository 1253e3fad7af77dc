import type { Command } from 'commander';
import { pickEpisodes, pickSeries } from '../../app/pick-series.js';
import {
  describeRetiming,
  episodeSubtitle,
  parseOffset,
  retimeSubtitle,
  type RetimeRequest,
} from '../../app/subtitle-tools.js';
import { ReceiptsError } from '../../domain/errors.js';
import { parseTimecode, type Ms } from '../../domain/time.js';
import { formatTable, printJson } from '../format-table.js';
import { withStore, type GlobalOptions } from '../with-store.js';

interface RetimeOptions {
  readonly offset?: string;
  readonly anchor?: string[];
  readonly to?: string;
  readonly undo?: boolean;
  readonly list?: boolean;
  readonly subtitle?: string;
  readonly series?: string;
  readonly json?: boolean;
}

const collect = (v: string, all: string[] = []) => [...all, v];

export function registerRetime(program: Command): void {
  program
    .command('retime')
    .description('shift or stretch the times of an episode’s subtitles (stored, reversible)')
    .argument('[episode]', 'episode id, e.g. S01E02')
    .option('--offset <time>', 'shift every cue, e.g. -119s, +1.5, -1:59.250, 250ms')
    .option(
      '--anchor <file=true>',
      'two of these: a time in the file and the time it should be, e.g. 1:02.5=1:04.0',
      collect,
    )
    .option('--to <file>', 'fit the times to another subtitle file of the same content')
    .option('--undo', 'put the times back as the file has them')
    .option('--list', 'list the retimed subtitle files of the series')
    .option('--subtitle <path>', 'which subtitle file of the episode (default: the English one)')
    .option('--series <id>', 'the series (needed when the library holds several)')
    .option('--json', 'print the result as JSON')
    .addHelpText(
      'after',
      `
Times are kept as the file has them, so retiming again replaces the earlier map and --undo
is exact. Retiming clears the episode's alignment: run \`receipts align\` again.
Examples:
  receipts retime S01E01 --offset -119s
  receipts retime S01E01 --anchor 0:05.000=0:04.200 --anchor 40:00.000=38:22.300
  receipts retime S01E01 --to other-release.srt
  receipts retime S01E01 --undo`,
    )
    .action(async (episode: string | undefined, opts: RetimeOptions, cmd: Command) => {
      const global = cmd.optsWithGlobals<GlobalOptions>();
      const result = await withStore(global, async (store) => {
        const series = await pickSeries(store, opts.series);
        if (opts.list) return { kind: 'list' as const, list: await store.listRetimings(series.id) };
        const [id] = await pickEpisodes(store, series.id, episode ? [episode] : [], false);
        if (opts.undo) {
          const source = await episodeSubtitle(store, series.id, id!, opts.subtitle);
          return {
            kind: 'undo' as const,
            undone: await store.undoRetime(series.id, source.path),
            path: source.path,
          };
        }
        return {
          retimed: await retimeSubtitle(store, series.id, id!, request(opts), opts.subtitle),
        };
      });
      if (opts.json) return printJson(result);
      if (result.kind === 'list') {
        if (result.list.length === 0)
          return void process.stdout.write('No subtitle file is retimed.\n');
        return void process.stdout.write(
          `${formatTable(
            ['episode', 'file', 'retiming'],
            result.list.map((r) => [r.episodeId, r.path, describeRetiming(r)]),
          )}\n`,
        );
      }
      if (result.kind === 'undo') {
        process.stdout.write(
          result.undone
            ? `${result.path}: times are back as the file has them. Run \`receipts align\` to align it again.\n`
            : `${result.path} was not retimed; nothing to undo.\n`,
        );
        return;
      }
      const { retiming, clamped, fit } = result.retimed;
      const out = [
        `Retimed ${retiming.path} (${retiming.episodeId}): ${describeRetiming(retiming)}`,
      ];
      if (fit) {
        out.push(
          `fit: ${fit.inliers} of ${fit.pairs} cue pairs within 400 ms, median error ${fit.medianErrorMs} ms` +
            (fit.frameRate ? `, frame rate ${fit.frameRate.from} -> ${fit.frameRate.to} fps` : ''),
        );
      }
      if (clamped) out.push(`${clamped} cue(s) would start before 0:00 and now start at 0:00.`);
      out.push(
        `Undo with \`receipts retime ${retiming.episodeId} --undo\`; run \`receipts align ${retiming.episodeId}\` to align it again.`,
      );
      process.stdout.write(`${out.join('\n')}\n`);
    });
}

function time(text: string, what: string): Ms {
  const t = parseTimecode(text);
  if (t === null) throw new ReceiptsError('USAGE', `${what} "${text}" is not a time like 1:02.500`);
  return t;
}

function request(opts: RetimeOptions): RetimeRequest {
  const chosen = [opts.offset, opts.anchor, opts.to].filter((x) => x !== undefined).length;
  if (chosen !== 1) {
    throw new ReceiptsError('USAGE', 'Give one of --offset, two --anchor, --to, --undo or --list.');
  }
  if (opts.offset !== undefined) {
    const offsetMs = parseOffset(opts.offset);
    if (offsetMs === null) {
      throw new ReceiptsError(
        'USAGE',
        `--offset "${opts.offset}" is not an offset like -119s or +1:02.5`,
      );
    }
    return { kind: 'offset', offsetMs };
  }
  if (opts.anchor !== undefined) {
    if (opts.anchor.length !== 2)
      throw new ReceiptsError('USAGE', 'Give exactly two --anchor pairs.');
    const pair = (a: string): readonly [Ms, Ms] => {
      const [from, to, ...rest] = a.split('=');
      if (from === undefined || to === undefined || rest.length) {
        throw new ReceiptsError('USAGE', `--anchor "${a}" must be <time in file>=<true time>`);
      }
      return [time(from, 'anchor'), time(to, 'anchor')];
    };
    return { kind: 'anchors', anchors: [pair(opts.anchor[0]!), pair(opts.anchor[1]!)] };
  }
  return { kind: 'fit', referenceFile: opts.to!, shownAs: opts.to! };
}
