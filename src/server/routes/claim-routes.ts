import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { checkClaimText, checkDraftText } from '../../app/workbench-claims.js';
import type { CanonStore } from '../../store/canon-store.js';
import { parseInput, queryFlag } from '../validate.js';

const series = z.string().trim().min(1, 'give a series id').max(200).optional();

const claimQuery = z.object({
  text: z
    .string({ error: "give the claim in text, e.g. 'never Jack kiss Rose'" })
    .trim()
    .min(1, "give the claim, e.g. 'never Jack kiss Rose'")
    .max(2000, 'a claim is at most 2000 characters'),
  series,
  suggested: queryFlag('suggested'),
});

const draftBody = z.object({
  text: z
    .string({ error: 'paste the draft in text' })
    .min(1, 'paste the draft to check')
    .max(500_000, 'a draft is at most 500,000 characters'),
  series,
  includeSuggested: z.boolean({ error: 'includeSuggested must be true or false' }).optional(),
});

/**
 * Claims: check one claim in its short form (a read, so GET), and check every claim sentence
 * of a pasted draft (POST: a draft is too long for a URL).
 */
export function registerClaimRoutes(app: FastifyInstance, deps: { store: CanonStore }): void {
  const { store } = deps;

  app.get('/api/claim', async (request) => {
    const q = parseInput(claimQuery, request.query, 'query', 'CLAIM_INVALID');
    return checkClaimText(store, {
      text: q.text,
      ...(q.series === undefined ? {} : { series: q.series }),
      includeSuggested: q.suggested === 'true',
    });
  });

  app.post('/api/drafts/check', async (request) => {
    const b = parseInput(draftBody, request.body, 'body');
    return checkDraftText(store, {
      text: b.text,
      ...(b.series === undefined ? {} : { series: b.series }),
      includeSuggested: b.includeSuggested ?? false,
    });
  });
}
