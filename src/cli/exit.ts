import pc from 'picocolors';
import { ERROR_CODES, isReceiptsError } from '../domain/errors.js';

/**
 * The one place errors become terminal output: a single line naming the file and line,
 * the exit code from the registry, a stack only with --verbose.
 */
export function reportError(e: unknown, verbose: boolean): number {
  if (isReceiptsError(e)) {
    process.stderr.write(`${pc.red('receipts:')} ${e.toLine()}\n`);
    if (verbose && e.cause instanceof Error)
      process.stderr.write(`${e.cause.stack ?? String(e.cause)}\n`);
    return ERROR_CODES[e.code].exit;
  }
  const message = e instanceof Error ? e.message : String(e);
  process.stderr.write(`${pc.red('receipts: internal error:')} ${message}\n`);
  if (verbose && e instanceof Error && e.stack) process.stderr.write(`${e.stack}\n`);
  else process.stderr.write('Run again with --verbose for details, and please report it.\n');
  return ERROR_CODES.INTERNAL.exit;
}
