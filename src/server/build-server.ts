import { randomBytes } from 'node:crypto';
import { userInfo } from 'node:os';
import Fastify, { type FastifyInstance } from 'fastify';
import { defaultWorkbenchCaches, type WorkbenchCaches } from '../app/workbench-clips.js';
import { trimCaches } from '../app/cache-limits.js';
import { isMediaJob, JobRunner } from '../app/workbench-jobs.js';
import type { ComposeMedia } from '../app/compose.js';
import type { CanonStore } from '../store/canon-store.js';
import type { SearchPool } from '../store/sqlite/search-pool.js';
import { registerErrorReplies } from './error-reply.js';
import { registerLocalGuard } from './local-guard.js';
import { registerClaimRoutes } from './routes/claim-routes.js';
import { registerClipRoutes } from './routes/clip-routes.js';
import { registerComposeRoutes } from './routes/compose-routes.js';
import { registerFolderRoutes } from './routes/folder-routes.js';
import { registerGifsetRoutes } from './routes/gifset-routes.js';
import { registerJobRoutes } from './routes/job-routes.js';
import { registerLibraryRoutes } from './routes/library-routes.js';
import { registerMediaRoutes } from './routes/media-routes.js';
import { registerMomentRoutes } from './routes/moment-routes.js';
import { registerWebStatic } from './web-static.js';

export interface ServerDeps {
  /** The opened library; the caller owns it (opens and closes it). */
  readonly store: CanonStore;
  /** Folder of the built web UI (holding index.html), or null to serve the API only. */
  readonly webRoot?: string | null;
  /** The session token changes need; default: a fresh random one. */
  readonly token?: string;
  /** The port Host headers must name; default: the port each request arrived on. */
  readonly port?: number;
  /** Extra host names to accept besides localhost, 127.0.0.1 and [::1]. */
  readonly hostNames?: readonly string[];
  /** Long work runs here; default: a new runner. */
  readonly jobs?: JobRunner;
  /** Folder that paths in requests (an ingest's manifest) are relative to. */
  readonly cwd?: string;
  readonly version?: string;
  /** Who annotates through this server (a handle); default: the OS user name. */
  readonly author?: string | null;
  /** Render cache, finished clips and playable copies; default: the user's cache folder. */
  readonly caches?: WorkbenchCaches;
  /** What the composer renders GIFs with; default: the real renderers (tests pass a fake). */
  readonly composeMedia?: ComposeMedia;
  /** Threads that run searches (`receipts serve`); default: searches run in this thread. */
  readonly searchPool?: SearchPool;
  /** Log requests (fastify's logger); off by default, and in tests. */
  readonly logger?: boolean;
}

/**
 * The workbench HTTP server, not yet listening: a factory so tests can `inject()` requests
 * without a port and `receipts serve` can listen where the user asks.
 */
export async function buildServer(deps: ServerDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: deps.logger ?? false,
    bodyLimit: 1_048_576,
    // Ctrl-C must stop at once, even with a video or an event stream still open.
    forceCloseConnections: true,
  });
  const token = deps.token ?? randomBytes(24).toString('base64url');
  const jobs = deps.jobs ?? new JobRunner();
  registerErrorReplies(app);
  registerLocalGuard(app, {
    token,
    ...(deps.port === undefined ? {} : { port: deps.port }),
    ...(deps.hostNames === undefined ? {} : { hostNames: deps.hostNames }),
  });
  registerLibraryRoutes(app, {
    store: deps.store,
    token,
    version: deps.version ?? '0.1.0',
    ...(deps.searchPool === undefined ? {} : { searchPool: deps.searchPool }),
  });
  const caches = deps.caches ?? defaultWorkbenchCaches();
  keepCachesTrimmed(jobs, caches);
  registerMediaRoutes(app, { store: deps.store, proxies: caches.proxies });
  registerClipRoutes(app, { store: deps.store, jobs, caches });
  registerGifsetRoutes(app, { store: deps.store, jobs, caches });
  registerJobRoutes(app, { store: deps.store, jobs, cwd: deps.cwd ?? process.cwd() });
  registerFolderRoutes(app, { store: deps.store, jobs, cwd: deps.cwd ?? process.cwd() });
  registerMomentRoutes(app, { store: deps.store, author: deps.author ?? osUser() });
  registerClaimRoutes(app, { store: deps.store });
  registerComposeRoutes(app, {
    store: deps.store,
    jobs,
    caches,
    ...(deps.composeMedia === undefined ? {} : { media: deps.composeMedia }),
  });
  await registerWebStatic(app, deps.webRoot ?? null);
  return app;
}

function keepCachesTrimmed(jobs: JobRunner, caches: WorkbenchCaches): void {
  const trim = () => {
    try {
      trimCaches(caches);
    } catch {
      // A cache that cannot be trimmed now is trimmed after the next job.
    }
  };
  trim();
  jobs.onEnded((job) => {
    if (isMediaJob(job.kind)) trim();
  });
}

/** The OS user name, as the CLI signs annotations; null when the OS cannot say. */
function osUser(): string | null {
  try {
    return userInfo().username || null;
  } catch {
    return null;
  }
}
