import { z } from 'zod';
import { COMPARISONS, QUANTIFIERS, type Claim } from '../domain/claim.js';
import { ReceiptsError } from '../domain/errors.js';

const names = z.array(z.string().trim().min(1));
const pattern = z
  .object({
    action: z.string().trim().min(1).optional(),
    initiator: z.string().trim().min(1).optional(),
    recipients: names.optional(),
    participants: names.optional(),
    mutual: z.boolean().optional(),
    part: z.string().trim().min(1).optional(),
    readings: names.optional(),
    says: z.string().trim().min(1).optional(),
    listener: z.string().trim().min(1).optional(),
    episodes: names.optional(),
  })
  .strict();

/** The JSON form of a claim, as scripts and the HTTP API send it. */
export const CLAIM_SCHEMA = z
  .object({
    quantifier: z.enum(QUANTIFIERS),
    pattern: pattern.default({}),
    other: pattern.optional(),
    op: z.enum(COMPARISONS).optional(),
    value: z.number().int().min(0).optional(),
    at: z
      .object({
        episode: z.string().trim().min(1).optional(),
        moment: z.string().trim().min(1).optional(),
      })
      .strict()
      .optional(),
    order: z.enum(['broadcast', 'story']).optional(),
  })
  .strict()
  .refine((c) => c.quantifier !== 'compare' || c.other !== undefined, {
    message: 'a compare claim needs "other", the second pattern',
    path: ['other'],
  })
  .refine((c) => c.quantifier !== 'count' || (c.op === undefined) === (c.value === undefined), {
    message: 'a count claim gives "op" and "value" together, or neither',
    path: ['value'],
  });

/** A claim from JSON text, or CLAIM_INVALID naming the field (`pattern.recipients[0]`). */
export function parseClaimJson(text: string): Claim {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new ReceiptsError(
      'CLAIM_INVALID',
      `the claim is not valid JSON: ${(e as Error).message}`,
    );
  }
  return claimFromValue(raw);
}

/** A claim from a parsed JSON value (an HTTP body), or CLAIM_INVALID naming the field. */
export function claimFromValue(raw: unknown): Claim {
  const got = CLAIM_SCHEMA.safeParse(raw);
  if (got.success) return got.data;
  const issue = got.error.issues[0]!;
  const path = issue.path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`))
    .join('');
  throw new ReceiptsError('CLAIM_INVALID', issue.message, path === '' ? {} : { path });
}
