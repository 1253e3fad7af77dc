import type { Command } from 'commander';
import { pickEpisodes, pickSeries } from '../../app/pick-series.js';
import { episodeVtt } from '../../app/subtitle-tools.js';
import { writeFileAtomic } from '../../app/write-output.js';
import { withStore, type GlobalOptions } from '../with-store.js';

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
}
