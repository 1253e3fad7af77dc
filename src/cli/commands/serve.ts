import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { z } from 'zod';
import { ReceiptsError } from '../../domain/errors.js';
import { buildServer } from '../../server/build-server.js';
import { LOCAL_NAMES } from '../../server/local-guard.js';
import { openSqliteStore } from '../../store/sqlite/canon-store.js';
import { defaultSearchThreads, startSearchPool } from '../../store/sqlite/search-pool.js';
import { defaultDbPath, ensureDbFolder } from '../db-path.js';
import type { GlobalOptions } from '../with-store.js';

const serveOptions = z.object({
  port: z.coerce
    .number({ error: '--port must be a number' })
    .int('--port must be a whole number')
    .min(0, '--port must be 0 (any free port) to 65535')
    .max(65_535, '--port must be 0 (any free port) to 65535'),
  host: z.string().trim().min(1, '--host must name an address'),
  open: z.boolean(),
  searchThreads: z.coerce
    .number({ error: '--search-threads must be a number' })
    .int('--search-threads must be a whole number')
    .min(0, '--search-threads must be 0 (search in the server thread) to 16')
    .max(16, '--search-threads must be 0 (search in the server thread) to 16'),
});

/**
 * The built web UI: dist/web beside dist/cli when installed, or the repository's dist/web
 * when running the TypeScript sources (tsx).
 */
export function findWebRoot(): string | null {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [resolve(here, '../../web'), resolve(here, '../../../dist/web')];
  return candidates.find((c) => existsSync(join(c, 'index.html'))) ?? null;
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('start the workbench: library, search and episodes in your browser')
    .option('--port <n>', 'port to listen on (0: any free port)', '4321')
    .option('--host <address>', 'address to listen on (only this machine by default)', '127.0.0.1')
    .option('--no-open', 'do not open a browser')
    .option(
      '--search-threads <n>',
      'threads that run searches, each with its own read connection (0: in the server thread)',
      String(defaultSearchThreads()),
    )
    .addHelpText(
      'after',
      '\nStops with Ctrl-C. Other sites cannot use it: requests must name this machine as Host,\nand changes need the token the page is given.',
    )
    .action(async (raw: Record<string, unknown>, c: Command) => {
      const parsed = serveOptions.safeParse(raw);
      if (!parsed.success) throw new ReceiptsError('USAGE', parsed.error.issues[0]!.message);
      const opts = parsed.data;
      const global = c.optsWithGlobals<GlobalOptions>();
      const file = global.db ?? defaultDbPath();
      ensureDbFolder(file);
      const store = await openSqliteStore(file);
      const local = LOCAL_NAMES.includes(opts.host) || opts.host === '::1';
      const wildcard = opts.host === '0.0.0.0' || opts.host === '::';
      const webRoot = findWebRoot();
      const searchPool =
        opts.searchThreads > 0 ? await startSearchPool(file, opts.searchThreads) : null;
      if (opts.searchThreads > 0 && searchPool === null) {
        process.stderr.write('Search threads could not start: searching in the server thread.\n');
      }
      const app = await buildServer({
        store,
        webRoot,
        ...(searchPool === null ? {} : { searchPool }),
        logger: global.verbose ?? false,
        ...(local || wildcard ? {} : { hostNames: [opts.host] }),
      });
      try {
        await app.listen({ port: opts.port, host: opts.host });
      } catch (e) {
        await app.close();
        await searchPool?.close();
        await store.close();
        const code = (e as { code?: string }).code;
        throw new ReceiptsError(
          'USAGE',
          code === 'EADDRINUSE'
            ? `port ${opts.port} is in use: pass another --port (or 0 for any free one).`
            : `cannot listen on ${opts.host}:${opts.port}: ${e instanceof Error ? e.message : String(e)}`,
          {},
          { cause: e },
        );
      }
      const address = app.server.address();
      const port = typeof address === 'object' && address !== null ? address.port : opts.port;
      const shownHost = wildcard
        ? '127.0.0.1'
        : opts.host.includes(':')
          ? `[${opts.host}]`
          : opts.host;
      const url = `http://${shownHost}:${port}/`;
      process.stdout.write(`Receipts workbench on ${url} (library ${file}); Ctrl-C stops it.\n`);
      if (!local) {
        process.stderr.write(
          `Listening on ${opts.host}: other machines on your network can read this library.\n`,
        );
      }
      if (webRoot === null) {
        process.stderr.write('The web UI is not built (npm run build): only /api/ answers.\n');
      }
      if (opts.open) openBrowser(url);
      await untilStopped();
      await app.close();
      await searchPool?.close();
      await store.close();
    });
}

/** Resolves on Ctrl-C or a termination signal, so the store is closed cleanly. */
function untilStopped(): Promise<void> {
  return new Promise((done) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      done();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

/** Best effort: a missing opener (a server without a desktop) only means no browser. */
function openBrowser(url: string): void {
  const command =
    process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  try {
    const child = spawn(command, [url], { stdio: 'ignore', detached: true });
    child.on('error', () => {});
    child.unref();
  } catch {
    // No opener: the URL is printed above.
  }
}
