import type { Command } from 'commander';
import pc from 'picocolors';
import { checkDraft, type DraftCheck, type DraftFinding } from '../../app/check-draft.js';
import type { Claim, ClaimPattern, Verdict } from '../../domain/claim.js';
import { ERROR_CODES, ReceiptsError } from '../../domain/errors.js';
import { printJson } from '../format-table.js';
import { withStore, type GlobalOptions } from '../with-store.js';
import { formatVerdict } from './claim.js';

const WIDTH = 90;

/** `check`: find the canon claims in a draft and check each against the library. */
export function registerCheck(program: Command): void {
  program
    .command('check')
    .description(
      'find the canon claims in a draft ("the only time", "never", "more ... than") and check each',
    )
    .argument('<draft>', 'the draft: Markdown (.md) or plain text (.txt)')
    .option('--series <id>', 'the series (needed when the library holds several)')
    .option(
      '--include-suggested',
      'count unreviewed suggestions as evidence (and episodes the suggester read as covered)',
    )
    .option('--json', 'print the findings and summary as JSON')
    .option('--strict', 'exit with an error code when a claim is contradicted')
    .option('--verbose-verdicts', 'show each verdict in full (all evidence and coverage)')
    .addHelpText(
      'after',
      `
Each claim sentence is read as a structured claim (the form "receipts claim" takes) and checked;
sentences recognised as claims that cannot be read are listed as "not checkable" with the reason.
Hedged claims ("almost never") are checked as the strict claim and never count as errors.

Exit code: 0 whatever the verdicts; with --strict, ${ERROR_CODES.CLAIM_CONTRADICTED.exit} when any unhedged claim is contradicted.`,
    )
    .action(
      async (
        draft: string,
        opts: {
          series?: string;
          includeSuggested?: boolean;
          json?: boolean;
          strict?: boolean;
          verboseVerdicts?: boolean;
        },
        c: Command,
      ) => {
        const result = await withStore(c.optsWithGlobals<GlobalOptions>(), (store) =>
          checkDraft(store, draft, {
            ...(opts.series === undefined ? {} : { series: opts.series }),
            includeSuggested: opts.includeSuggested ?? false,
          }),
        );
        if (opts.json) printJson(result);
        else process.stdout.write(formatDraftCheck(result, opts.verboseVerdicts ?? false));
        const errors = result.findings.filter((f) => f.severity === 'error');
        if (opts.strict && errors.length > 0) {
          throw new ReceiptsError(
            'CLAIM_CONTRADICTED',
            `--strict: ${errors.length} ${errors.length === 1 ? 'claim is' : 'claims are'} contradicted by the canon`,
            errors[0]!.place,
          );
        }
      },
    );
}

const VERDICT_COLOUR: Record<Verdict['verdict'] | 'not checkable', (s: string) => string> = {
  supported: pc.green,
  contradicted: pc.red,
  'insufficient-coverage': pc.yellow,
  'no-evidence': pc.dim,
  'not checkable': pc.magenta,
};

/** The findings of a draft for a terminal, then the summary line. */
export function formatDraftCheck(r: DraftCheck, full: boolean): string {
  const out: string[] = [];
  for (const f of r.findings) out.push(formatFinding(r.file, f, full), '');
  out.push(summaryLine(r));
  return `${out.join('\n')}\n`;
}

function formatFinding(file: string, f: DraftFinding, full: boolean): string {
  const label = f.verdict?.verdict ?? 'not checkable';
  const lines = [
    `${pc.dim(`${file}:${f.line}:${f.column}`)}  ${VERDICT_COLOUR[label](pc.bold(label))}  ${shorten(f.sentence)}`,
  ];
  if (f.claim !== null) lines.push(pc.dim(`  read as: ${claimText(f.claim)}`));
  if (f.hedges.length > 0)
    lines.push(pc.dim(`  hedges: ${f.hedges.map((h) => `${h.text} (${h.kind})`).join(', ')}`));
  for (const n of f.notes) lines.push(pc.dim(`  note: ${n}`));
  if (f.verdict === null) {
    lines.push(`  ${f.notCheckable ?? ''}`);
  } else if (full) {
    lines.push(indent(formatVerdict(f.verdict).trimEnd()));
  } else {
    lines.push(`  ${f.verdict.explanation}`);
    const first = f.verdict.counterexamples[0] ?? f.verdict.evidence[0] ?? f.verdict.unread[0];
    if (first !== undefined) {
      const where = first.source === null ? '' : ` (${first.source.file}:${first.source.line})`;
      lines.push(pc.dim(`  e.g. ${first.episode}${where}: ${shorten(first.text, WIDTH - 20)}`));
    }
  }
  return lines.join('\n');
}

function summaryLine(r: DraftCheck): string {
  const s = r.summary;
  const v = s.verdicts;
  const parts = [
    `${v.supported} supported`,
    `${v.contradicted} contradicted`,
    `${v['insufficient-coverage']} insufficient coverage`,
    `${v['no-evidence']} no evidence`,
  ];
  return (
    `${s.claims} ${s.claims === 1 ? 'claim' : 'claims'} found in ${s.sentences} sentences, ` +
    `${s.checked} checked: ${parts.join(', ')}; ${s.notCheckable} not checkable` +
    (s.hedged > 0 ? ` (${s.hedged} hedged, checked strictly)` : '')
  );
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((l) => (l === '' ? l : `  ${l}`))
    .join('\n');
}

function shorten(text: string, width = WIDTH): string {
  return text.length <= width ? text : `${text.slice(0, width - 1).trimEnd()}…`;
}

/** A claim in the short text form `receipts claim` reads. */
export function claimText(c: Claim): string {
  const head = c.quantifier;
  const at =
    c.at?.episode !== undefined
      ? ` at ${c.at.episode}`
      : c.at?.moment !== undefined
        ? ` at moment ${c.at.moment}`
        : '';
  if (c.quantifier === 'compare' && c.other !== undefined) {
    return `${head} ${patternText(c.pattern)} ${c.op ?? '>'} ${patternText(c.other)}`;
  }
  const count = c.quantifier === 'count' && c.op !== undefined ? ` ${c.op} ${c.value ?? 0}` : '';
  return `${head} ${patternText(c.pattern)}${count}${at}`;
}

function patternText(p: ClaimPattern): string {
  const who =
    p.participants !== undefined && p.participants.length > 0
      ? p.participants.join(' and ')
      : (p.initiator ?? '');
  const act = p.says !== undefined ? `says "${p.says}"` : (p.action ?? 'any act');
  const to =
    p.says !== undefined
      ? p.listener !== undefined
        ? ` to ${p.listener}`
        : ''
      : (p.recipients ?? []).length > 0
        ? ` ${(p.recipients ?? []).join(', ')}`
        : '';
  const readings = (p.readings ?? []).map((r) => ` as ${r}`).join('');
  const range =
    p.episodes !== undefined && p.episodes.length > 0 ? ` in ${compactRange(p.episodes)}` : '';
  return `${who === '' ? '' : `${who} `}${act}${to}${readings}${range}`;
}

/** Episode ids as the short form takes them: one range when they are many. */
function compactRange(ids: readonly string[]): string {
  return ids.length > 2 ? `${ids[0]!}-${ids[ids.length - 1]!}` : ids.join(' ');
}
