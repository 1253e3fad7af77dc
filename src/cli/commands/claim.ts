import type { Command } from 'commander';
import pc from 'picocolors';
import { checkClaim, openClaimSession, readClaim } from '../../app/check-claim.js';
import { parseClaimJson } from '../../app/claim-input.js';
import type { Evidence, Verdict } from '../../domain/claim.js';
import { ReceiptsError } from '../../domain/errors.js';
import { formatTimecode } from '../../domain/time.js';
import { printJson } from '../format-table.js';
import { withStore, type GlobalOptions } from '../with-store.js';

const SHOWN = 5;

/** `claim`: check one canon claim and show the verdict with its receipts. */
export function registerClaim(program: Command): void {
  program
    .command('claim')
    .description(
      'check a claim about the canon ("only", "never", "first", ...) and show the evidence',
    )
    .argument('[claim]', "the claim in short form, e.g. 'never Jack kiss Rose'")
    .option(
      '--json-claim <json>',
      'the claim as JSON instead: {"quantifier": ..., "pattern": {...}}',
    )
    .option('--series <id>', 'the series (needed when the library holds several)')
    .option(
      '--include-suggested',
      'count unreviewed suggestions as evidence (and episodes the suggester read as covered)',
    )
    .option('--json', 'print the verdict as JSON')
    .addHelpText(
      'after',
      `
Short form: <quantifier> <pattern> [op <pattern or number>] [at <episode>] [in <episodes>]
  quantifiers: only, never, first, last, count, compare, find
  pattern:     [Name] <act> [Name, Name...]  |  Name[ and Name] <act>  |  Name says "phrase" [to Name]
               acts are codebook terms or their synonyms; a subtree root (affection) means all under it
  on <part>, as <reading>, mutual, in S01E01-S01E13, story order

Examples:
  receipts claim 'only Jack kiss Doctor'
  receipts claim 'never Ianto says "I love you" to Jack' --include-suggested
  receipts claim 'compare Ianto affection Lisa > Ianto affection Jack'
  receipts claim 'first Rose hug Doctor at S27E01'
  receipts claim 'count Rose slap >= 2 in S27E01-S27E13'
  receipts claim --json-claim '{"quantifier":"never","pattern":{"action":"kiss","initiator":"Rose"}}'

Only and never are supported only when every episode in range is covered: reviewed by a person
(receipts moments done <episode>) or, with --include-suggested, read by receipts suggest.`,
    )
    .action(
      async (
        text: string | undefined,
        opts: { jsonClaim?: string; series?: string; includeSuggested?: boolean; json?: boolean },
        c: Command,
      ) => {
        if ((text === undefined) === (opts.jsonClaim === undefined)) {
          throw new ReceiptsError('USAGE', 'give a claim, either as text or with --json-claim');
        }
        const verdict = await withStore(c.optsWithGlobals<GlobalOptions>(), async (store) => {
          const session = await openClaimSession(store, {
            ...(opts.series === undefined ? {} : { series: opts.series }),
            includeSuggested: opts.includeSuggested ?? false,
          });
          const claim =
            opts.jsonClaim !== undefined
              ? parseClaimJson(opts.jsonClaim)
              : readClaim(session, text!);
          return checkClaim(store, session, claim);
        });
        if (opts.json) return printJson(verdict);
        process.stdout.write(formatVerdict(verdict));
      },
    );
}

const COLOURS: Record<Verdict['verdict'], (s: string) => string> = {
  supported: pc.green,
  contradicted: pc.red,
  'insufficient-coverage': pc.yellow,
  'no-evidence': pc.dim,
};

/** A verdict for a terminal: the verdict, its sentence, evidence, coverage. */
export function formatVerdict(v: Verdict): string {
  const out = [`${COLOURS[v.verdict](pc.bold(v.verdict))}  ${v.explanation}`];
  const list = (title: string, items: readonly Evidence[]): void => {
    if (items.length === 0) return;
    out.push('', `${title} (${items.length}):`);
    for (const e of items.slice(0, SHOWN)) out.push(`  ${evidenceLine(e)}`);
    if (items.length > SHOWN)
      out.push(pc.dim(`  ... ${items.length - SHOWN} more (--json lists all)`));
  };
  const shown = v.counterexamples.length > 0 ? v.counterexamples : v.evidence;
  list(v.counterexamples.length > 0 ? 'counter-examples' : 'evidence', shown);
  if (v.otherEvidence !== undefined) list('evidence for the second pattern', v.otherEvidence);
  list('stage directions to review', v.unread);
  const c = v.coverage;
  out.push(
    '',
    pc.dim(
      `coverage: ${c.covered} of ${c.inRange} episodes in range (${c.episodes} in the canon): ${c.basis}` +
        (c.missing.length === 0
          ? ''
          : `; not covered: ${c.missing.slice(0, 8).join(', ')}${c.missing.length > 8 ? ', ...' : ''}`),
    ),
    ...(v.restsOn === undefined
      ? []
      : [
          pc.dim(
            `dialogue from: ${v.restsOn.length === 0 ? 'nothing (no transcript or subtitles in range)' : v.restsOn.join(' and ')}`,
          ),
        ]),
    pc.dim(`checked in ${v.ms} ms${v.includeSuggested ? ', counting unreviewed suggestions' : ''}`),
  );
  return `${out.join('\n')}\n`;
}

function evidenceLine(e: Evidence): string {
  const time = e.startMs === null ? '' : ` ${formatTimecode(e.startMs)}`;
  const where = e.source === null ? '' : pc.dim(` ${e.source.file}:${e.source.line}`);
  const who =
    e.kind === 'dialogue' && e.speaker
      ? `${e.speaker}${e.listener ? ` → ${e.listener}` : ''}: `
      : '';
  const tag =
    e.review === 'suggested'
      ? pc.yellow(' [suggested]')
      : e.basis !== undefined
        ? pc.dim(` [${e.basis.join('+')}]`)
        : '';
  return `${pc.bold(e.episode)}${time}  ${who}${e.text}${tag}${where}`;
}
