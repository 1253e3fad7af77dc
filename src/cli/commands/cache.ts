import type { Command } from 'commander';
import { cacheReport, clearCaches } from '../../app/cache-limits.js';
import { defaultWorkbenchCaches } from '../../app/workbench-clips.js';
import { formatTable, printJson } from '../format-table.js';

const size = (bytes: number) =>
  bytes >= 1e9 ? `${(bytes / 1e9).toFixed(1)} GB` : `${(bytes / 1e6).toFixed(1)} MB`;

/** `receipts cache`: what the render, clip and playable-copy caches hold, and emptying them. */
export function registerCache(program: Command): void {
  program
    .command('cache')
    .description(
      'show what the caches of renders, clips and playable copies hold; --clear empties them',
    )
    .option('--clear', 'remove everything cached (it is all made again when needed)')
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      '\nThe workbench keeps each folder under its limit after every render, dropping the least\nrecently used files first.',
    )
    .action((opts: { clear?: boolean; json?: boolean }) => {
      const caches = defaultWorkbenchCaches();
      const before = cacheReport(caches);
      if (opts.clear) clearCaches(caches);
      const report = opts.clear ? cacheReport(caches) : before;
      if (opts.json) return printJson(report);
      process.stdout.write(
        `${formatTable(
          ['cache', 'holds', 'limit', 'folder'],
          report.map((r) => [r.name, size(r.bytes), size(r.limit), r.dir]),
        )}\n`,
      );
      if (opts.clear) {
        const freed = before.reduce((sum, r) => sum + r.bytes, 0);
        process.stdout.write(`Removed ${size(freed)}.\n`);
      }
    });
}
