import type { Command } from 'commander';
import pc from 'picocolors';
import {
  alignEpisodes,
  proposePairings,
  type AlignProgress,
  type EpisodeAlignOutcome,
} from '../../app/align-episodes.js';
import { pickEpisodes, pickSeries } from '../../app/pick-series.js';
import { printJson } from '../format-table.js';
import { progressBar } from '../progress.js';
import { withStore, type GlobalOptions } from '../with-store.js';

interface AlignOptions {
  readonly all?: boolean;
  readonly series?: string;
  readonly json?: boolean;
}

export function registerAlign(program: Command): void {
  program
    .command('align')
    .description(
      'give subtitle cues their speakers and transcript lines their times, by aligning the two',
    )
    .argument('[episodes...]', 'episode ids, e.g. S01E02 S01E03')
    .option('--all', 'align every episode of the series')
    .option('--series <id>', 'the series (needed when the library holds several)')
    .option('--json', 'print the per-episode report as JSON')
    .addHelpText(
      'after',
      `
Files that do not say the same thing (another episode, another language) are reported and
never aligned; with --all, the report says which episode such a subtitle file belongs to.
Examples:
  receipts align S01E02
  receipts align --all --json > alignment.json`,
    )
    .action(async (episodes: string[], opts: AlignOptions, cmd: Command) => {
      const global = cmd.optsWithGlobals<GlobalOptions>();
      const progress = progressBar(
        !opts.json && process.stderr.isTTY,
        'aligning [{bar}] {value}/{total} {label}',
        (p: AlignProgress) => ({ value: p.done, total: p.total, label: p.episodeId }),
      );
      const { outcomes, proposals } = await withStore(global, async (store) => {
        const series = await pickSeries(store, opts.series);
        const ids = await pickEpisodes(store, series.id, episodes, opts.all ?? false);
        const outcomes = await alignEpisodes(store, series.id, ids, progress.update).finally(
          progress.stop,
        );
        const mismatched = outcomes.flatMap((o) => (o.status === 'mismatch' ? [o] : []));
        const proposals = opts.all ? await proposePairings(store, series.id, mismatched) : [];
        return { outcomes, proposals };
      });
      if (opts.json) return printJson({ episodes: outcomes, proposals });
      const out = outcomes.map(describe);
      for (const p of proposals) {
        const where = p.belongsTo === null ? 'no episode of the series' : p.belongsTo;
        out.push(
          `${pc.yellow('pairing')} ${p.subtitlePath} (listed for ${p.episodeId}) says what ${where} says` +
            (p.secondEpisode
              ? `, then ${p.secondEpisode.episodeId} from cue ${p.secondEpisode.fromCueIndex + 1}`
              : ''),
        );
      }
      out.push(summary(outcomes));
      process.stdout.write(`${out.join('\n')}\n`);
    });
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

function describe(o: EpisodeAlignOutcome): string {
  if (o.status === 'skipped') return `${o.episodeId}  ${pc.dim(`skipped: ${o.message}`)}`;
  if (o.status === 'mismatch') {
    return `${o.episodeId}  ${pc.red('not aligned')}: ${o.subtitlePath} and ${o.transcriptPath} do not match (${o.message})`;
  }
  const r = o.report;
  const unsure = r.lowConfidence.length;
  return (
    `${o.episodeId}  cues ${pct(r.cueMatchRatio)} (${r.matchedCues}/${r.dialogueCues})` +
    `  lines ${pct(r.lineMatchRatio)} (${r.matchedLines}/${r.dialogueLines})` +
    `  ${r.unmatchedLineSeqs.length} lines unmatched` +
    (unsure ? `  ${pc.yellow(`${unsure} unsure span${unsure === 1 ? '' : 's'}`)}` : '') +
    pc.dim(`  ${o.ms.toFixed(0)} ms`)
  );
}

function summary(outcomes: readonly EpisodeAlignOutcome[]): string {
  const count = (s: EpisodeAlignOutcome['status']) => outcomes.filter((o) => o.status === s).length;
  return `aligned ${count('aligned')}, not matching ${count('mismatch')}, skipped ${count('skipped')} of ${outcomes.length} episodes`;
}
