import { Command, CommanderError } from 'commander';
import { ERROR_CODES } from '../domain/errors.js';
import { registerAlign } from './commands/align.js';
import { registerCache } from './commands/cache.js';
import { registerCheck } from './commands/check.js';
import { registerClaim } from './commands/claim.js';
import { registerCompose } from './commands/compose.js';
import { registerIngest } from './commands/ingest.js';
import { registerInit } from './commands/init.js';
import { registerLibrary } from './commands/library.js';
import { registerMoments } from './commands/moments.js';
import { registerSearch } from './commands/search.js';
import { registerServe } from './commands/serve.js';
import { registerShots } from './commands/shots.js';
import { registerGif } from './commands/gif.js';
import { registerGifset } from './commands/gifset.js';
import { registerExport } from './commands/export.js';
import { registerImport } from './commands/import.js';
import { registerRetime } from './commands/retime.js';
import { registerSuggest } from './commands/suggest.js';
import { defaultDbPath } from './db-path.js';
import { reportError } from './exit.js';

/** Build the `receipts` command. Exported so tests can run it in-process. */
export function buildProgram(): Command {
  const program = new Command('receipts')
    .description(
      'A workbench for close-reading television: ingest a series, then search every line of it.',
    )
    .version('0.1.0')
    .option('--db <file>', `the library database (default: $RECEIPTS_DB or ${defaultDbPath({})})`)
    .option('--verbose', 'show details of internal errors')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  registerInit(program);
  registerIngest(program);
  registerSearch(program);
  registerAlign(program);
  registerRetime(program);
  registerExport(program);
  registerImport(program);
  registerLibrary(program);
  registerMoments(program);
  registerSuggest(program);
  registerClaim(program);
  registerCheck(program);
  registerCompose(program);
  registerShots(program);
  registerGif(program);
  registerGifset(program);
  registerServe(program);
  registerCache(program);
  return program;
}

/** Run the CLI; resolves to the process exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      // Commander already printed the message (or the help/version text).
      return e.exitCode === 0 ? 0 : ERROR_CODES.USAGE.exit;
    }
    return reportError(e, argv.includes('--verbose'));
  }
}
