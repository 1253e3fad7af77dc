import type { Command } from 'commander';
import { importEaf, type EafImportOutcome } from '../../app/moments-interchange-import.js';
import { formatTable, printJson } from '../format-table.js';
import { withStore, type GlobalOptions } from '../with-store.js';
import { formatTimecode } from '../../domain/time.js';
import { defaultAuthor, who } from './moments.js';

interface ImportOpts {
  episode: string;
  author?: string;
  participant?: string;
  strict?: boolean;
  dryRun?: boolean;
  json?: boolean;
  series?: string;
}

/** `receipts import <format>`: annotations made elsewhere, into the library. */
export function registerImport(program: Command): void {
  const importCmd = program
    .command('import')
    .description('read annotations made in other tools into the library');
  importCmd
    .command('eaf')
    .description("an ELAN .eaf file's annotations as moments of one episode, all or none")
    .argument('<file>', 'the .eaf file (any text encoding)')
    .requiredOption('--episode <id>', 'the episode the annotations belong to')
    .option('--author <name>', 'who made the annotations (default: your user name)')
    .option(
      '--participant <name>',
      'who the moments are by when the file names nobody (tiers without a PARTICIPANT)',
    )
    .option('--strict', 'refuse names that are no character or alias (default: keep and list them)')
    .option('--dry-run', 'check and report, write nothing')
    .option('--json', 'print the report as JSON')
    .option('--series <id>', 'the series (needed when the library holds several)')
    .addHelpText(
      'after',
      `
Tiers map onto the codebook by name (action, gaze), by controlled vocabulary, or by their
values; dependent tiers named initiator, recipients, mutual, part, readings or note fill in
their parent's moments. Every moment is checked as \`moments add\` checks one; one bad moment
and nothing is stored. Importing the same file again skips what is already there.

Examples:
  receipts import eaf S01E02.eaf --episode S01E02 --dry-run
  receipts import eaf gestures.eaf --episode S01E02 --participant Jack --strict`,
    )
    .action(async (file: string, opts: ImportOpts, cmd: Command) => {
      const r = await withStore(cmd.optsWithGlobals<GlobalOptions>(), (store) =>
        importEaf(store, {
          path: file,
          shownAs: file,
          episode: opts.episode,
          series: opts.series,
          author: opts.author ?? defaultAuthor(),
          dryRun: opts.dryRun === true,
          names: { strict: opts.strict === true, participant: opts.participant ?? null },
        }),
      );
      if (opts.json) return printJson(jsonReport(r));
      process.stdout.write(importSummary(r));
    });
}

function jsonReport(r: EafImportOutcome) {
  return {
    series: r.series.id,
    episode: r.episode.id,
    file: r.file,
    encoding: r.encoding,
    dryRun: r.dryRun,
    imported: r.imported.length,
    alreadyThere: r.alreadyThere,
    repeated: r.repeated,
    tiers: r.mapping.tiers,
    roles: r.mapping.roles,
    unmappedTiers: r.mapping.unmappedTiers,
    values: r.mapping.values,
    emptyAnnotations: r.mapping.empty,
    unknownNames: r.unknownNames,
    otherEpisode: r.otherEpisode,
    moments: r.imported,
  };
}

const span = (start: number | null, end: number | null): string =>
  start === null
    ? ''
    : end === null || end === start
      ? formatTimecode(start)
      : `${formatTimecode(start)}-${formatTimecode(end)}`;

const plural = (n: number, what: string) =>
  `${n.toLocaleString('en-US')} ${what}${n === 1 ? '' : 's'}`;

/** The import report: what was stored, what was already there, how each tier was read. */
function importSummary(r: EafImportOutcome): string {
  const m = r.mapping;
  const verb = r.dryRun ? 'Would import' : 'Imported';
  const lines = [
    `${verb} ${r.file} into ${r.series.title} ${r.episode.id}: ${plural(r.imported.length, 'moment')}` +
      `, ${r.alreadyThere.toLocaleString('en-US')} already there` +
      (r.repeated > 0 ? `, ${r.repeated} repeated in the file` : '') +
      (r.dryRun ? ' (dry run: nothing written)' : ''),
  ];
  if (r.otherEpisode !== null) {
    lines.push(`note: the file says it holds ${r.otherEpisode}; imported into ${r.episode.id}`);
  }
  // Tiers with no annotations (an exported file has every codebook tier) only get counted.
  const tierRows: (string | number)[][] = [
    ...m.tiers.map((t) => [t.eafTier, `${t.codebookTier} (by ${t.by})`, t.annotations, t.moments]),
    ...m.roles.map((t) => [
      t.eafTier,
      `${t.role} of its parent${t.unlinked > 0 ? `, ${t.unlinked} unlinked` : ''}`,
      t.annotations,
      '',
    ]),
    ...m.unmappedTiers.map((t) => [t.eafTier, `not mapped: ${t.reason}`, t.annotations, '']),
  ];
  const filled = tierRows.filter((row) => row[2] !== 0);
  if (filled.length > 0) {
    lines.push('', formatTable(['tier', 'read as', 'annotations', 'moments'], filled));
  }
  const empty = tierRows.length - filled.length;
  if (empty > 0) lines.push(`${plural(empty, 'tier')} without annotations`);
  if (m.values.length > 0) {
    lines.push('', 'values not understood:');
    const sorted = [...m.values].sort((a, b) => b.count - a.count);
    for (const v of sorted.slice(0, 12)) {
      lines.push(`  ${v.eafTier}: "${v.value}" x${v.count} (${v.kept ? 'kept' : 'dropped'})`);
    }
    if (sorted.length > 12) lines.push(`  ... and ${sorted.length - 12} more`);
  }
  if (m.empty > 0) lines.push(`${plural(m.empty, 'empty annotation')} on mapped tiers (no moment)`);
  if (r.unknownNames.length > 0) {
    const names = r.unknownNames.map((u) => `${u.name} (${u.count}, first at line ${u.line})`);
    lines.push(`names not in the canon, kept as written: ${names.join(', ')}`);
  }
  if (r.imported.length > 0) {
    const rows = r.imported
      .slice(0, 10)
      .map((x) => [
        'id' in x ? x.id : '-',
        span(x.startMs, x.endMs),
        x.term,
        who(x),
        x.provenance.line ?? '',
      ]);
    lines.push('', formatTable(['id', 'at', 'term', 'who', 'line'], rows));
    if (r.imported.length > 10) lines.push(`... and ${r.imported.length - 10} more`);
  }
  return `${lines.join('\n')}\n`;
}
