import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ReceiptsError, type ErrorCode, type Place } from '../../domain/errors.js';
import type { SearchRequest } from '../../domain/search.js';

/**
 * One core stays for the server's own thread (HTTP, answers) and the browser; the others
 * search, up to 4. On 2 cores one search thread answered 2,069-2,166 new searches/s against
 * 1,845-2,082 with two and 1,799-1,835 with none (bench/serve-bench.ts); one core: one thread,
 * so that a long search still leaves the page's other requests to the server's thread.
 */
export function defaultSearchThreads(): number {
  return Math.max(1, Math.min(4, availableParallelism() - 1));
}

/** What a search worker answers: the result as JSON, or the error to raise again here. */
export type SearchReply =
  | { readonly id: number; readonly json: string }
  | {
      readonly id: number;
      readonly error: { readonly code: ErrorCode; readonly message: string; readonly place: Place };
    };

/**
 * Searches run in worker threads, each with its own read connection (WAL lets readers run side
 * by side): the server's thread only parses requests and sends answers, so searches use every
 * core and a long search never holds up the page's other requests. Answers come back as JSON
 * text, ready to send, which costs far less to pass between threads than the result objects.
 */
export interface SearchPool {
  /** The result of `request` as JSON; rejects with the ReceiptsError the search raised. */
  search(request: SearchRequest): Promise<string>;
  close(): Promise<void>;
}

interface Thread {
  readonly worker: Worker;
  busy: number;
}

/** `size` workers searching the library at `file`; null when a worker cannot start. */
export async function startSearchPool(file: string, size: number): Promise<SearchPool | null> {
  const pending = new Map<number, { ok: (json: string) => void; fail: (e: Error) => void }>();
  let next = 1;
  const threads: Thread[] = [];
  try {
    for (let i = 0; i < size; i++) threads.push(await startThread(file, pending));
  } catch {
    await Promise.all(threads.map((t) => t.worker.terminate()));
    return null;
  }
  return {
    search(request) {
      // The least busy thread: a slow search does not hold up the ones queued behind it.
      const thread = threads.reduce((a, b) => (b.busy < a.busy ? b : a));
      const id = next++;
      thread.busy++;
      return new Promise<string>((ok, fail) => {
        pending.set(id, {
          ok: (json) => {
            thread.busy--;
            ok(json);
          },
          fail: (e) => {
            thread.busy--;
            fail(e);
          },
        });
        thread.worker.postMessage({ id, request });
      });
    },
    async close() {
      await Promise.all(threads.map((t) => t.worker.terminate()));
      for (const p of pending.values())
        p.fail(new ReceiptsError('INTERNAL', 'The search stopped.'));
      pending.clear();
    },
  };
}

function startThread(
  file: string,
  pending: Map<number, { ok: (json: string) => void; fail: (e: Error) => void }>,
): Promise<Thread> {
  const worker = new Worker(workerEntry(), { workerData: { file } });
  return new Promise((started, failed) => {
    worker.once('error', failed);
    worker.on('message', (reply: SearchReply) => {
      if (reply.id === 0) {
        worker.off('error', failed);
        worker.on('error', () => {}); // a crash after start rejects its searches below
        started({ worker, busy: 0 });
        return;
      }
      const waiting = pending.get(reply.id);
      pending.delete(reply.id);
      if ('json' in reply) waiting?.ok(reply.json);
      else
        waiting?.fail(new ReceiptsError(reply.error.code, reply.error.message, reply.error.place));
    });
    worker.once('exit', (code) => {
      failed(new Error(`the search worker exited (${code})`));
      for (const [id, p] of pending) {
        p.fail(new ReceiptsError('INTERNAL', 'The search worker stopped.'));
        pending.delete(id);
      }
    });
  });
}

/**
 * The worker entry beside this module: .js when built; from the TypeScript sources (tsx,
 * vitest) a small module registers tsx's loader first, since a worker inherits none (Node 20
 * ignores `--import` in a worker's execArgv).
 */
function workerEntry(): URL {
  if (!import.meta.url.endsWith('.ts')) return new URL('./search-worker.js', import.meta.url);
  const entry = new URL('./search-worker.ts', import.meta.url).href;
  const api = JSON.stringify(tsxEsmApi());
  const code = `const { register } = await import(${api}); register(); await import(${JSON.stringify(entry)});`;
  return new URL(`data:text/javascript,${encodeURIComponent(code)}`);
}

/** The file URL of tsx's ESM API (`tsx/esm/api`), from our own node_modules. */
function tsxEsmApi(): string {
  const manifest = createRequire(import.meta.url).resolve('tsx/package.json');
  const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as {
    exports: Record<string, { import: { default: string } }>;
  };
  return pathToFileURL(join(dirname(manifest), pkg.exports['./esm/api']!.import.default)).href;
}
