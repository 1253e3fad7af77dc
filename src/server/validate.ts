import type { z } from 'zod';
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
