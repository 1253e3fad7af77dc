import { Option, type Command } from 'commander';
import pc from 'picocolors';
import { ReceiptsError } from '../../domain/errors.js';
import { SEARCH_OPTIONS, toSearchRequest } from '../../app/search-request.js';
import {
  HIGHLIGHT,
  type LineView,
  type SearchGroup,
  type SearchResult,
} from '../../domain/search.js';
import { formatTimecode } from '../../domain/time.js';
import { printJson } from '../format-table.js';
import { withStore, type GlobalOptions } from '../with-store.js';

export function registerSearch(program: Command): void {
  const cmd = program
    .command('search')
    .description('find lines of dialogue, cues and stage directions across the library')
    .argument('<query...>', 'words (all must match), "a phrase", pre* (prefix), -word (exclude)')
    // `-doctor` in a query is an exclusion, not an option: unknown dashed words stay query words.
    .allowUnknownOption();
  for (const o of SEARCH_OPTIONS) cmd.addOption(new Option(o.flag, o.help));
  cmd
    .option('--json', 'print the result as JSON')
    .addHelpText(
      'after',
      `
Examples:
  receipts search '"are you my mummy"'
  receipts search kiss* --kind action --episode S01E09..S01E13
  receipts search love -"i love you" --speaker Jack --context 2
  receipts search '"i love you"' --count all --limit 1    # how many times, exactly`,
    )
    .action(async (words: string[], opts: Record<string, unknown>, c: Command) => {
      const typo = words.find((w) => w.startsWith('--'));
      if (typo) {
        throw new ReceiptsError('USAGE', `unknown option ${typo} (see receipts search --help)`);
      }
      const request = toSearchRequest({ ...opts, query: words.join(' ') });
      const { result, empty } = await withStore(
        c.optsWithGlobals<GlobalOptions>(),
        async (store) => {
          const result = await store.search(request);
          // "No matches" in an empty library would mislead: say what to do instead.
          const empty = result.total === 0 && (await store.stats()).sources === 0;
          return { result, empty };
        },
      );
      if (opts.json) return printJson(result);
      if (empty) {
        process.stdout.write('The library is empty: run `receipts ingest <canon.yaml>` first.\n');
        return;
      }
      process.stdout.write(formatResult(result, request.offset, process.stdout.isTTY));
    });
}

/** Groups under an episode heading; hits highlighted, context dimmed, each line with its source. */
export function formatResult(result: SearchResult, offset: number, colour: boolean): string {
  if (result.groups.length === 0) return 'No matches.\n';
  const c = colour ? pc : pc.createColors(false);
  const out: string[] = [];
  for (const g of result.groups) {
    out.push(c.bold(heading(g)));
    for (const l of g.before) out.push(c.dim(row(l, l.text)));
    for (const h of g.hits) out.push(row(h, highlight(h.snippet, colour)));
    for (const l of g.after) out.push(c.dim(row(l, l.text)));
    out.push('');
  }
  const hits = result.groups.reduce((n, g) => n + g.hits.length, 0);
  const total = `${result.total.toLocaleString('en-US')}${result.totalCapped ? '+' : ''}`;
  out.push(c.dim(`${offset + 1}-${offset + hits} of ${total} matching lines` + rankNote(result)));
  return `${out.join('\n')}\n`;
}

/** How relevance order was reached: every match scored, or a sample from across the scope. */
function rankNote(result: SearchResult): string {
  const n = result.rankedCandidates;
  if (n === null) return '';
  if (n >= result.total && !result.totalCapped) return ', most relevant first';
  return `, most relevant first among ${n.toLocaleString('en-US')} sampled from across the scope`;
}

function heading(g: SearchGroup): string {
  const title = g.episode.title ? ` ${g.episode.title}` : '';
  return `${g.series.title} · ${g.episode.id}${title}`;
}

function row(l: LineView, text: string): string {
  // `~`: placed by alignment between timed neighbours, not said by a cue.
  const time = l.startMs === null ? '' : (l.estimatedTime ? '~' : '') + formatTimecode(l.startMs);
  const who =
    l.kind === 'action'
      ? `(${l.speaker ?? 'action'})`
      : l.kind === 'scene'
        ? '[scene]'
        : (l.speaker ?? '');
  const qual = l.qualifier ? ` [${l.qualifier}]` : '';
  return `  ${time.padStart(11)}  ${(who + qual).padEnd(16)} ${text}   ${l.source.file}:${l.source.line}`;
}

function highlight(snippet: string, colour: boolean): string {
  const open = colour ? '\u001b[1;33m' : '';
  const close = colour ? '\u001b[22;39m' : '';
  return snippet.split(HIGHLIGHT.open).join(open).split(HIGHLIGHT.close).join(close);
}
