import type { Command } from 'commander';
import {
  exportEpisodeEaf,
  exportMoments,
  momentsCsv,
  type EafExportOutcome,
} from '../../app/moments-interchange-export.js';
import { pickEpisodes, pickSeries } from '../../app/pick-series.js';
import { episodeVtt } from '../../app/subtitle-tools.js';
import { writeFileAtomic } from '../../app/write-output.js';
import type { EafSkipReason } from '../../formats/eaf-moments.js';
import { withStore, type GlobalOptions } from '../with-store.js';
import { defaultAuthor, place } from './moments.js';

/** `receipts export <format>`: one subcommand per format. */
export function registerExport(program: Command): void {
  const exportCmd = program
    .command('export')
    .description('write part of the library in a format other tools read');
  exportCmd
    .command('vtt')
    .description(
      'an episode’s subtitles as WebVTT with <v Speaker> voices, so players show who speaks',
    )
    .argument('<episode>', 'episode id, e.g. S01E02')
    .option('--out <file>', 'write here (default: standard output)')
    .option('--subtitle <path>', 'which subtitle file of the episode (default: the English one)')
    .option('--series <id>', 'the series (needed when the library holds several)')
    .addHelpText(
      'after',
      '\nSpeakers come from the file itself or from `receipts align`. Example:\n  receipts export vtt S01E02 --out S01E02.vtt',
    )
    .action(
      async (
        episode: string,
        opts: { out?: string; subtitle?: string; series?: string },
        cmd: Command,
      ) => {
        const global = cmd.optsWithGlobals<GlobalOptions>();
        const vtt = await withStore(global, async (store) => {
          const series = await pickSeries(store, opts.series);
          const [id] = await pickEpisodes(store, series.id, [episode], false);
          return episodeVtt(store, series.id, id!, opts.subtitle);
        });
        if (opts.out === undefined) return void process.stdout.write(vtt.text);
        await writeFileAtomic(opts.out, vtt.text);
        process.stderr.write(
          `Wrote ${opts.out}: ${vtt.cues} cues from ${vtt.source}, ${vtt.voiced} parts with a speaker.\n`,
        );
      },
    );
  registerMomentExports(exportCmd);
}

/** `export eaf|csv|json`: moments for ELAN, spreadsheets and scripts. */
function registerMomentExports(exportCmd: Command): void {
  exportCmd
    .command('eaf')
    .description("an episode's moments as an ELAN 3.0 annotation file, one tier per codebook tier")
    .argument('<episode>', 'episode id, e.g. S01E02')
    .option('--out <file>', 'write here (default: standard output)')
    .option('--media <path-or-url>', "the video ELAN opens (default: the episode's video)")
    .option('--include <states>', 'review states to export (default: suggested,confirmed)')
    .option('--author <name>', 'the AUTHOR of the file (default: your user name)')
    .option('--series <id>', 'the series (needed when the library holds several)')
    .addHelpText(
      'after',
      `
Moments anchored to a transcript line without times cannot go on ELAN's timeline: they are
listed as skipped. Import the file back with \`receipts import eaf\`. Example:
  receipts export eaf S01E02 --out S01E02.eaf --include confirmed`,
    )
    .action(async (episode: string, opts: EafOpts, cmd: Command) => {
      const r = await withStore(cmd.optsWithGlobals<GlobalOptions>(), (store) =>
        exportEpisodeEaf(store, {
          episode,
          series: opts.series,
          include: opts.include,
          media: opts.media,
          out: opts.out,
          author: opts.author ?? defaultAuthor() ?? '',
          now: new Date().toISOString(),
        }),
      );
      if (opts.out === undefined) process.stdout.write(r.text);
      else await writeFileAtomic(opts.out, r.text);
      process.stderr.write(eafSummary(r, opts.out));
    });

  for (const format of ['csv', 'json'] as const) {
    exportCmd
      .command(format)
      .description(
        format === 'csv'
          ? 'moments as CSV, one row per moment (times as timecodes and ms)'
          : 'moments as JSON: every stored field of every moment',
      )
      .option('--episode <id...>', 'only these episodes (repeat or list several)')
      .option('--term <term>', 'only this term and everything under it (affection: kiss, hug, ...)')
      .option('--tier <tier>', 'only terms of this tier (action, gaze)')
      .option('--review <states>', 'only these review states: suggested, confirmed, rejected')
      .option('--out <file>', 'write here (default: standard output)')
      .option('--series <id>', 'the series (needed when the library holds several)')
      .addHelpText(
        'after',
        `\nExample:\n  receipts export ${format} --term affection --review confirmed --out affection.${format}`,
      )
      .action(async (opts: ListOpts, cmd: Command) => {
        const r = await withStore(cmd.optsWithGlobals<GlobalOptions>(), (store) =>
          exportMoments(store, {
            series: opts.series,
            term: opts.term,
            tier: opts.tier,
            review: opts.review,
            episodes: opts.episode?.flatMap((e) => e.split(',')).filter((e) => e !== ''),
          }),
        );
        const text =
          format === 'csv' ? momentsCsv(r.moments) : `${JSON.stringify(r.moments, null, 2)}\n`;
        if (opts.out === undefined) return void process.stdout.write(text);
        await writeFileAtomic(opts.out, text);
        process.stderr.write(
          `Wrote ${opts.out}: ${r.moments.length} moment${r.moments.length === 1 ? '' : 's'} of ${r.series.title}.\n`,
        );
      });
  }
}

interface EafOpts {
  out?: string;
  media?: string;
  include?: string;
  author?: string;
  series?: string;
}

interface ListOpts {
  episode?: string[];
  term?: string;
  tier?: string;
  review?: string;
  out?: string;
  series?: string;
}

const SKIP_REASONS: Record<EafSkipReason, string> = {
  'no-times': 'no times yet (anchored to a transcript line)',
  'bad-times': 'times out of order',
  'other-episode': 'of another episode',
  'unknown-tier': 'a tier the codebook no longer has',
  review: 'review state not included',
};

/** What `export eaf` wrote and what it left out, with why. */
function eafSummary(r: EafExportOutcome, out: string | undefined): string {
  const n = (k: number, what: string) => `${k} ${what}${k === 1 ? '' : 's'}`;
  const lines = [
    `${out === undefined ? 'Exported' : `Wrote ${out}:`} ${n(r.exported, 'moment')} of ${r.episode.id}` +
      (r.tiers.length > 0 ? ` on ${r.tiers.join(', ')}` : '') +
      (r.media === null ? ', no media' : `, media ${r.media}`),
  ];
  if (r.skipped.length > 0) {
    lines.push(`skipped ${n(r.skipped.length, 'moment')}:`);
    for (const [reason, label] of Object.entries(SKIP_REASONS)) {
      const these = r.skipped.filter((s) => s.reason === reason).map((s) => s.moment);
      if (these.length === 0) continue;
      const shown = these.slice(0, 8).map((m) => {
        const at = place(m);
        return reason === 'review' ? `${m.id} (${m.review})` : at ? `${m.id} at ${at}` : m.id;
      });
      const more = these.length > shown.length ? `, ... ${these.length - shown.length} more` : '';
      lines.push(`  ${label}: ${n(these.length, 'moment')} (${shown.join(', ')}${more})`);
    }
    if (r.skipped.some((s) => s.reason === 'no-times')) {
      lines.push('  give them times with `receipts moments edit <id> --from ... --to ...`');
    }
  }
  return `${lines.join('\n')}\n`;
}
