import { Option, type Command } from 'commander';
import pc from 'picocolors';
import { SUGGEST_OPTIONS } from '../../app/suggest-options.js';
import type { SuggestReport } from '../../app/suggest.js';
import { formatTable, printJson } from '../format-table.js';
import { progressBar } from '../progress.js';
import { withStore, type GlobalOptions } from '../with-store.js';
import { who } from './moments.js';

const SHOWN = 8;

/** `suggest`: read stage directions and store who-does-what-to-whom suggestions to review. */
export function registerSuggest(program: Command): void {
  const cmd = program
    .command('suggest')
    .description(
      'read the stage directions of transcripts and suggest moments (kisses, hugs, slaps...) to review',
    );
  for (const o of SUGGEST_OPTIONS) cmd.addOption(new Option(o.flag, o.help));
  cmd
    .option('--json', 'print every suggestion as JSON')
    .addHelpText(
      'after',
      `
Re-running replaces the unreviewed suggestions of those episodes; moments you confirmed or
rejected stay, and are not suggested again.

Examples:
  receipts suggest --episode S27E13
  receipts suggest --all --json > suggestions.json
  receipts moments list --review suggested`,
    )
    .action(
      async (
        opts: {
          series?: string;
          episode?: string;
          all?: boolean;
          json?: boolean;
          minConfidence?: string;
        },
        c: Command,
      ) => {
        const bar = progressBar(
          !opts.json && process.stderr.isTTY,
          'reading [{bar}] {value}/{total} {label}',
          (p: { done: number; total: number; episode: string }) => ({
            value: p.done,
            total: p.total,
            label: p.episode,
          }),
        );
        // Loaded here: the suggester's tagger costs every other command's start-up otherwise.
        const { suggestForEpisodes } = await import('../../app/suggest.js');
        const report = await withStore(c.optsWithGlobals<GlobalOptions>(), (store) =>
          suggestForEpisodes(store, {
            ...(opts.series === undefined ? {} : { series: opts.series }),
            ...(opts.episode === undefined ? {} : { episode: opts.episode }),
            all: opts.all ?? false,
            ...(opts.minConfidence === undefined
              ? {}
              : { minConfidence: Number(opts.minConfidence) }),
            onProgress: bar.update,
          }).finally(bar.stop),
        );
        if (opts.json) return printJson(report.suggestions);
        process.stdout.write(formatReport(report));
      },
    );
}

/** The summary of one run and its first few suggestions. */
export function formatReport(r: SuggestReport): string {
  const n = (x: number) => x.toLocaleString('en-US');
  const out = [
    `${pc.bold(r.series.title)} (${r.series.id}): read ${n(r.episodes)} episode${r.episodes === 1 ? '' : 's'}, ` +
      `${n(r.transcripts)} transcript${r.transcripts === 1 ? '' : 's'}, ${n(r.directions)} stage directions in ${(r.ms / 1000).toFixed(1)} s`,
    `suggestions: ${n(r.suggestions.length)} found; ${n(r.added)} added, ${n(r.replaced)} earlier ones replaced, ${n(r.alreadyReviewed)} already reviewed`,
  ];
  if (r.suggestions.length > 0) {
    out.push('');
    out.push(
      formatTable(
        ['episode', 'line', 'term', 'who', 'conf', 'id', 'direction'],
        r.suggestions
          .slice(0, SHOWN)
          .map((s) => [
            s.episode,
            s.source.line,
            s.action,
            who(s),
            s.confidence.toFixed(2),
            s.id === null ? '' : `${s.id}${s.review === 'suggested' ? '' : ` (${s.review})`}`,
            s.text.length > 60 ? `${s.text.slice(0, 57)}...` : s.text,
          ]),
      ),
    );
    if (r.suggestions.length > SHOWN) out.push(`... and ${n(r.suggestions.length - SHOWN)} more`);
    out.push('');
    out.push(
      'Next: receipts moments list --review suggested, then receipts moments review <id...> --accept',
    );
  }
  return `${out.join('\n')}\n`;
}
