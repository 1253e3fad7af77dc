import type { Command } from 'commander';
import { SingleBar } from 'cli-progress';
import pc from 'picocolors';
import { formatPlace } from '../../domain/errors.js';
import { ingestCanon, type IngestProgress } from '../../app/ingest-canon.js';
import { printJson } from '../format-table.js';
import { withStore, type GlobalOptions } from '../with-store.js';

export function registerIngest(program: Command): void {
  program
    .command('ingest')
    .description(
      'read every file a canon.yaml names into the library (one transaction: all or nothing)',
    )
    .argument('<canon.yaml>', 'the manifest, e.g. written by `receipts init`')
    .option('--strict', 'fail on warnings too (overlapping cues, unreadable lines)')
    .option('--json', 'print the report as JSON')
    .addHelpText(
      'after',
      '\nRe-running is cheap: unchanged files are skipped, changed ones replace exactly their own lines.',
    )
    .action(async (manifest: string, opts: { strict?: boolean; json?: boolean }, cmd: Command) => {
      const global = cmd.optsWithGlobals<GlobalOptions>();
      const progress = progressBar(!opts.json && process.stderr.isTTY);
      const report = await withStore(global, (store) =>
        ingestCanon(manifest, store, {
          strict: opts.strict ?? false,
          onProgress: progress.update,
        }).finally(progress.stop),
      );
      if (opts.json) return printJson(report);
      const s = report.summary;
      const out = [
        `${pc.bold(report.series.title)} (${report.series.id}): ${s.episodes} episodes, ${s.characters} characters`,
        `sources: ${s.sourcesAdded} added, ${s.sourcesChanged} changed, ${s.sourcesUnchanged} unchanged, ${s.sourcesRemoved} removed`,
        `lines: ${s.linesWritten.toLocaleString('en-US')} written, ${s.linesRemoved.toLocaleString('en-US')} removed` +
          ` in ${((report.timings.readMs + report.timings.writeMs) / 1000).toFixed(1)} s`,
      ];
      const warnings = report.findings.filter((f) => f.severity !== 'info');
      if (warnings.length) {
        out.push(`${warnings.length} warning${warnings.length === 1 ? '' : 's'}:`);
        for (const f of warnings.slice(0, 10)) out.push(`  ${formatPlace(f.place)}${f.reason}`);
        if (warnings.length > 10) out.push(`  ... and ${warnings.length - 10} more (see --json)`);
      }
      process.stdout.write(`${out.join('\n')}\n`);
    });
}

/** A progress bar on stderr for a TTY; silent otherwise (pipes, CI, --json). */
function progressBar(enabled: boolean): { update: (p: IngestProgress) => void; stop: () => void } {
  if (!enabled) return { update: () => {}, stop: () => {} };
  let bar: SingleBar | null = null;
  let phase = '';
  return {
    update(p) {
      if (p.phase !== phase) {
        bar?.stop();
        phase = p.phase;
        bar = new SingleBar({
          format: `${p.phase === 'read' ? 'reading' : 'writing'} [{bar}] {value}/{total} {file}`,
          stream: process.stderr,
          hideCursor: true,
          clearOnComplete: true,
        });
        bar.start(p.total, p.done, { file: '' });
      }
      bar?.update(p.done, { file: p.file.length > 50 ? `...${p.file.slice(-47)}` : p.file });
    },
    stop() {
      bar?.stop();
      bar = null;
    },
  };
}
