import type { FastifyReply } from 'fastify';
import { z as zod, type z } from 'zod';
import { ReceiptsError, type ErrorCode } from '../domain/errors.js';

/**
 * Parse a request part with a zod schema, or throw a 400-class ReceiptsError whose message
 * names the part and the field (`query.limit: must be at most 200`), so a client sees what
 * to fix without reading server logs.
 */
export function parseInput<S extends z.ZodType>(
  schema: S,
  value: unknown,
  part: 'query' | 'body' | 'params',
  code: ErrorCode = 'USAGE',
): z.output<S> {
  const r = schema.safeParse(value ?? {});
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  const field = issue.path.length > 0 ? `${part}.${issue.path.join('.')}` : part;
  throw new ReceiptsError(code, issue.message, { path: field });
}

/** A whole number in a query string (`?limit=20`), with messages that name the field. */
export function queryInt(name: string, min: number, max?: number) {
  const n = zod.coerce
    .number({ error: `${name} must be a number` })
    .int(`${name} must be a whole number`)
    .min(min, `${name} must be at least ${min}`);
  return max === undefined ? n : n.max(max, `${name} must be at most ${max}`);
}

/** `true` or `false` in a query string (`?rank=true`); absent when not given. */
export const queryFlag = (name: string) =>
  zod.enum(['true', 'false'], { error: `${name} must be true or false` }).optional();

/** A signal that aborts when the client goes away before the answer is sent. */
export function abortOnClose(reply: FastifyReply): AbortSignal {
  const controller = new AbortController();
  reply.raw.on('close', () => {
    if (!reply.raw.writableEnded) controller.abort();
  });
  return controller.signal;
}
