import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { ReceiptsError } from '../domain/errors.js';

/** Host names a page on this machine reaches the workbench by. */
export const LOCAL_NAMES: readonly string[] = ['localhost', '127.0.0.1', '[::1]'];

/** The header a page sends its session token in on every change. */
export const TOKEN_HEADER = 'x-receipts-token';

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * True when a Host header names this machine (one of `names`) and, when `port` is known,
 * that port. A page on another site that rebinds its DNS name to 127.0.0.1 still sends its
 * own name here, so refusing other names stops DNS rebinding.
 */
export function hostAllowed(
  host: string | undefined,
  names: ReadonlySet<string>,
  port: number | null,
): boolean {
  if (host === undefined) return false;
  const m = /^(\[[0-9a-f:.]+\]|[^:[\]@/\s]+)(?::(\d{1,5}))?$/iu.exec(host);
  if (!m) return false;
  if (!names.has(m[1]!.toLowerCase())) return false;
  if (port === null) return true;
  return Number(m[2] ?? '80') === port;
}

/** Constant-time comparison, so the token cannot be guessed a character at a time. */
function sameToken(given: string | string[] | undefined, token: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

export interface GuardOptions {
  readonly token: string;
  /** Extra host names to accept (the --host the user bound, when it is not a local one). */
  readonly hostNames?: readonly string[];
  /** The port Host must name; default: the port the request arrived on. */
  readonly port?: number;
}

/**
 * Refuse (FORBIDDEN, 403) requests whose Host is not this machine, and changes (POST, PUT,
 * PATCH, DELETE) without the session token: another site's page can make the browser send
 * requests here, but it cannot read the token, which only a same-origin page can fetch.
 */
export function registerLocalGuard(app: FastifyInstance, options: GuardOptions): void {
  const names = new Set([...LOCAL_NAMES, ...(options.hostNames ?? [])].map((n) => n.toLowerCase()));
  app.addHook('onRequest', (request, _reply, done) => {
    const port = options.port ?? request.socket.localPort ?? null;
    if (!hostAllowed(request.headers.host, names, port)) {
      return done(
        new ReceiptsError(
          'FORBIDDEN',
          `Host "${request.headers.host ?? ''}" is not this machine: open the workbench at http://localhost${port === null ? '' : `:${port}`}/.`,
        ),
      );
    }
    if (MUTATING.has(request.method) && !sameToken(request.headers[TOKEN_HEADER], options.token)) {
      return done(
        new ReceiptsError(
          'FORBIDDEN',
          `${request.method} needs the session token in the ${TOKEN_HEADER} header (GET /api/session).`,
        ),
      );
    }
    done();
  });
}
