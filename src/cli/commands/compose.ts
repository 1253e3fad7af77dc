import { relative } from 'node:path';
import type { Command } from 'commander';
import pc from 'picocolors';
import { composePost, type ComposeResult } from '../../app/compose.js';
import { COMPOSE_OPTIONS, toComposeOptions } from '../../app/compose-options.js';
import { formatPlace, ReceiptsError, type Finding } from '../../domain/errors.js';
import { printJson } from '../format-table.js';
import { commandPrinter, withCancel } from '../ffmpeg-run.js';
import { progressBar } from '../progress.js';
import { withStore, type GlobalOptions } from '../with-store.js';
import { formatDraftCheck } from './check.js';

const SEVERITY_COLOUR: Record<Finding['severity'], (s: string) => string> = {
  error: pc.red,
  warning: pc.yellow,
  info: pc.dim,
};

/** `receipts compose <post.md> --to html|tumblr|ao3|markdown`. */
export function registerCompose(program: Command): void {
  const cmd = program
    .command('compose')
    .description(
      'publish a Markdown post with GIFs, quotes and claims as HTML, Tumblr NPF, AO3 or Markdown',
    )
    .argument('<post>', 'the post: Markdown with ::gif, :::gifset, :quote and ::claim directives');
  for (const o of COMPOSE_OPTIONS) cmd.option(o.flag, o.help);
  cmd
    .addHelpText(
      'after',
      `
Directives (see docs/COMPOSE.md):
  ::gif{quote="would you go back" episode=S02E03}    ::gif{moment=12}
  ::gif{episode=S02E03 from=41:12.3 to=41:15.1 alt="..." caption="..."}
  :::gifset{per-row=2} ... two or more ::gif lines ... :::
  :quote{text="..." episode=S02E03}   ::claim{text="never Ianto says \\"I love you\\" to Jack"}
Front matter: title, author, tags, gif_credit, series, tumblr.truncate_after,
tumblr.attribution_url, html.lang, gifs.width, gifs.speakers, gifs.pad.
<!-- more --> marks Tumblr's read-more. GIFs are rendered through the cache, so a second run
is quick. Exit code 0 whatever the findings; with --strict, 1 when a claim is contradicted.
Examples:
  receipts compose post.md --to html --out site
  receipts compose post.md --to ao3 --base-url https://example.org/gifs
  receipts compose post.md --to tumblr --strict --json`,
    )
    .action(async (post: string, raw: Record<string, unknown>, c: Command) => {
      const opts = toComposeOptions(raw);
      const global = c.optsWithGlobals<GlobalOptions>();
      const bar = progressBar(
        !opts.json && process.stderr.isTTY === true,
        'rendering {label} [{bar}] {percentage}%',
        (p: { index: number; total: number; label: string; percent: number }) => ({
          value: Math.floor(((p.index - 1) * 100 + p.percent) / Math.max(1, p.total)),
          total: 100,
          label: `${p.label} (${p.index}/${p.total})`,
        }),
      );
      const result = await withCancel((signal) =>
        withStore(global, (store) =>
          composePost(
            store,
            {
              post,
              to: opts.to,
              ...(opts.out === undefined ? {} : { outDir: opts.out }),
              baseUrl: opts.baseUrl ?? null,
              ...(opts.series === undefined ? {} : { series: opts.series }),
              checkProse: opts.check,
              includeSuggested: opts.includeSuggested,
            },
            { signal, onProgress: bar.update, onCommand: commandPrinter(global) },
          ).finally(bar.stop),
        ),
      );
      if (opts.json) printJson(jsonOf(result));
      else process.stdout.write(summary(result));
      if (opts.strict && result.contradicted > 0) {
        const first =
          result.findings.find((f) => f.ruleId === 'claim-contradicted') ??
          result.prose?.findings.find((f) => f.severity === 'error');
        throw new ReceiptsError(
          'CLAIM_CONTRADICTED',
          `--strict: ${result.contradicted} ${result.contradicted === 1 ? 'claim is' : 'claims are'} contradicted by the canon`,
          first?.place ?? { file: post },
        );
      }
    });
}

const shown = (p: string) => relative(process.cwd(), p) || p;

/** What was rendered and where, the findings, then the draft checker's report. */
export function summary(r: ComposeResult): string {
  const lines = [
    `${r.post} -> ${shown(r.output)}  (${r.target}, ${(r.bytes / 1024).toFixed(1)} KB)`,
  ];
  const cached = r.gifs.filter((g) => g.cached).length;
  if (r.gifs.length > 0) {
    const mb = r.gifs.reduce((s, g) => s + g.bytes, 0) / 1e6;
    lines.push(
      `  ${r.gifs.length} GIF${r.gifs.length === 1 ? '' : 's'} (${mb.toFixed(2)} MB${cached > 0 ? `, ${cached} from the cache` : ''}):`,
      ...r.gifs.map((g) => pc.dim(`    ${shown(g.path)}`)),
    );
  }
  lines.push(`  ${r.quotes} quotation${r.quotes === 1 ? '' : 's'} cited`);
  for (const c of r.claims) lines.push(`  claim: ${c.text} — ${c.verdict}`);
  if (r.findings.length > 0) {
    lines.push('', 'Findings:');
    for (const f of r.findings) {
      lines.push(
        `  ${pc.dim(formatPlace(f.place).replace(/: $/, ''))}  ${SEVERITY_COLOUR[f.severity](f.severity)}  ${f.reason} ${pc.dim(`(${f.ruleId})`)}`,
      );
    }
  }
  if (r.prose !== null && r.prose.findings.length > 0) {
    lines.push('', 'Claims in the prose:', formatDraftCheck(r.prose, false).trimEnd());
  }
  return `${lines.join('\n')}\n`;
}

function jsonOf(r: ComposeResult) {
  const { text: _text, ...rest } = r;
  return rest;
}
