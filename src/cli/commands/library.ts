import type { Command } from 'commander';
import { formatTable, printJson } from '../format-table.js';
import { withStore, type GlobalOptions } from '../with-store.js';
import { registerPairStats } from './moments.js';

/** `episodes`, `characters` and `stats`: read-only views of the library. */
export function registerLibrary(program: Command): void {
  program
    .command('episodes')
    .description('list episodes in canon order, with their sources and line counts')
    .option('--series <id>', 'only this series')
    .option('--json', 'print JSON')
    .action(async (opts: { series?: string; json?: boolean }, c: Command) => {
      const eps = await withStore(c.optsWithGlobals<GlobalOptions>(), (s) =>
        s.listEpisodes(opts.series),
      );
      if (opts.json) return printJson(eps);
      if (eps.length === 0)
        return void process.stdout.write('No episodes yet: run `receipts ingest <canon.yaml>`.\n');
      process.stdout.write(
        `${formatTable(
          ['series', 'episode', 'title', 'aired', 'cues', 'transcript', 'sources'],
          eps.map((e) => [
            e.seriesId,
            e.id,
            e.title,
            e.airDate,
            e.cues,
            e.transcriptLines,
            e.sources.map((s) => s.format).join(' '),
          ]),
        )}\n`,
      );
    });

  program
    .command('characters')
    .description('list characters with their aliases and how much they speak')
    .option('--series <id>', 'only this series')
    .option('--unlisted', 'only speakers found in files but not listed in the manifest')
    .option('--json', 'print JSON')
    .action(async (opts: { series?: string; unlisted?: boolean; json?: boolean }, c: Command) => {
      let chars = await withStore(c.optsWithGlobals<GlobalOptions>(), (s) =>
        s.listCharacters(opts.series),
      );
      if (opts.unlisted) chars = chars.filter((ch) => ch.unlisted);
      if (opts.json) return printJson(chars);
      process.stdout.write(
        `${formatTable(
          ['series', 'character', 'lines', 'episodes', 'aliases', ''],
          chars.map((ch) => [
            ch.seriesId,
            ch.name,
            ch.lines,
            ch.episodes,
            ch.aliases.join(', '),
            ch.unlisted ? 'unlisted' : '',
          ]),
        )}\n`,
      );
    });

  const statsCommand = program
    .command('stats')
    .description('what the library holds; `stats pairs` counts who does what to whom')
    .option('--series <id>', 'only this series')
    .option('--json', 'print JSON')
    .action(async (opts: { series?: string; json?: boolean }, c: Command) => {
      const { stats, file } = await withStore(
        c.optsWithGlobals<GlobalOptions>(),
        async (s, file) => ({ stats: await s.stats(opts.series), file }),
      );
      if (opts.json) return printJson({ ...stats, file });
      const k = stats.linesByKind;
      const n = (x: number) => x.toLocaleString('en-US');
      const rows: [string, string][] = [
        ['library', file],
        ['series', n(stats.series)],
        ['episodes', n(stats.episodes)],
        ['characters', `${stats.characters} (${stats.unlistedCharacters} unlisted)`],
        ['sources', n(stats.sources)],
        ['cues', n(k.cue)],
        ['dialogue lines', n(k.dialogue)],
        ['stage directions', n(k.action)],
        ['scene headings', n(k.scene)],
        ['size', stats.dbBytes === null ? '' : `${(stats.dbBytes / 1048576).toFixed(1)} MB`],
        [
          'top speakers',
          stats.topSpeakers
            .slice(0, 5)
            .map((t) => `${t.name} ${t.lines}`)
            .join(', '),
        ],
      ];
      process.stdout.write(`${formatTable(['', ''], rows)}\n`);
    });
  registerPairStats(statsCommand);
}
