import type { Command } from 'commander';
import pc from 'picocolors';
import { scanCanonFolder, writeManifest } from '../../app/init-canon.js';
import { pairingNotes } from '../../app/init-pairing-notes.js';
import { formatTable, printJson } from '../format-table.js';

export function registerInit(program: Command): void {
  program
    .command('init')
    .description('scan a folder of episodes, subtitles and transcripts and write its canon.yaml')
    .argument('<folder>', 'the series folder')
    .option('--title <title>', 'series title (default: from the folder and file names)')
    .option(
      '--out <file>',
      'write the manifest here instead of <folder>/canon.yaml (its root: points back at the folder)',
    )
    .option('--by-name', 'pair subtitles with episodes by file name only, not by what they say')
    .option('--force', 'overwrite an existing canon.yaml')
    .option('--dry-run', 'print what would be written, write nothing')
    .option('--json', 'print the report as JSON')
    .addHelpText(
      'after',
      `
Files are matched to episodes by the names media centres use:
  Show - 01x01 - Title.srt   Show.S01E01.Title.mkv   series/01/Episode_3.srt   0101.txt
then subtitle files are checked against the transcripts by what they say: a file that holds
another episode than its name is listed under the episode it holds, duplicates are left out,
and files holding two episodes are reported (--by-name skips this).
Check the result, add characters and aliases, then run \`receipts ingest <folder>/canon.yaml\`.`,
    )
    .action(
      async (
        folder: string,
        opts: {
          title?: string;
          out?: string;
          force?: boolean;
          dryRun?: boolean;
          json?: boolean;
          byName?: boolean;
        },
      ) => {
        const report = await scanCanonFolder(folder, {
          ...(opts.title === undefined ? {} : { title: opts.title }),
          byName: opts.byName ?? false,
        });
        const written = opts.dryRun
          ? null
          : await writeManifest(folder, report, {
              force: opts.force ?? false,
              ...(opts.out === undefined ? {} : { out: opts.out }),
            });
        if (opts.json) return printJson({ ...report, written });
        const m = report.manifest;
        const out: string[] = [];
        out.push(
          formatTable(
            ['episode', 'title', 'files'],
            m.episodes.map((e) => [
              e.id,
              e.title,
              [e.video ? 1 : 0, e.subtitles.length, e.transcripts.length].join(' / '),
            ]),
          ),
        );
        out.push(pc.dim('files: video / subtitles / transcripts'));
        if (report.unmatched.length) {
          out.push('', pc.yellow(`${report.unmatched.length} file(s) not matched to an episode:`));
          for (const u of report.unmatched.slice(0, 20)) out.push(`  ${u.file}: ${u.reason}`);
          if (report.unmatched.length > 20)
            out.push(`  ... and ${report.unmatched.length - 20} more (see --json)`);
        }
        for (const w of report.warnings) out.push(pc.yellow(`warning: ${w}`));
        const notes = pairingNotes(report.pairing, 5);
        if (notes.length) out.push('', ...notes);
        out.push(
          '',
          `${m.title}: ${m.episodes.length} episodes from ${report.matched.length} files.` +
            (written ? ` Wrote ${written}.` : ' Nothing written (--dry-run).'),
        );
        if (written) out.push(`Next: receipts ingest ${written}`);
        process.stdout.write(`${out.join('\n')}\n`);
      },
    );
}
