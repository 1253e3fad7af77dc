import pc from 'picocolors';
import type { GlobalOptions } from './with-store.js';

/** Prints each ffmpeg command on stderr with --verbose. */
export function commandPrinter(global: GlobalOptions): ((command: string) => void) | undefined {
  if (global.verbose !== true) return undefined;
  return (command) => process.stderr.write(`${pc.dim('$')} ${command}\n`);
}

/** Runs `work` with a signal that Ctrl-C aborts (ffmpeg is stopped, nothing partial kept). */
export async function withCancel<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const onInterrupt = () => controller.abort();
  process.on('SIGINT', onInterrupt);
  process.on('SIGTERM', onInterrupt);
  try {
    return await work(controller.signal);
  } finally {
    process.off('SIGINT', onInterrupt);
    process.off('SIGTERM', onInterrupt);
  }
}
