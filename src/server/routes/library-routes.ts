import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { toSearchRequest } from '../../app/search-request.js';
import { episodeView } from '../../app/workbench-episode.js';
import { libraryOverview } from '../../app/workbench-library.js';
import { LINE_KINDS, MAX_COUNT } from '../../domain/search.js';
import type { CanonStore } from '../../store/canon-store.js';
import type { SearchPool } from '../../store/sqlite/search-pool.js';
import type { SessionInfo } from '../api-types.js';
import { parseInput, queryFlag, queryInt } from '../validate.js';

const id = (what: string) =>
  z.string().trim().min(1, `give a ${what} id`).max(200, `a ${what} id is at most 200 characters`);

/** `:series/:episode` in a URL: ids, never paths. */
export const episodeParams = z.object({ series: id('series'), episode: id('episode') });

const searchQuery = z.object({
  q: z
    .string({ error: 'give the words to search for in q' })
    .trim()
    .min(1, 'give the words to search for'),
  series: id('series').optional(),
  speaker: z.string().trim().min(1, 'give a speaker name or alias').optional(),
  kind: z
    .string()
    .regex(
      new RegExp(`^(${LINE_KINDS.join('|')})(,(${LINE_KINDS.join('|')}))*$`, 'u'),
      `kind must be one or more of ${LINE_KINDS.join(', ')}, comma-separated`,
    )
    .optional(),
  episode: z
    .string()
    .trim()
    .regex(/^[^.\s]+(\.\.[^.\s]+)?$/u, 'write one episode id (S02E03) or a range (S01E01..S01E05)')
    .optional(),
  limit: queryInt('limit', 1, 200).default(50),
  offset: queryInt('offset', 0, 10_000).default(0),
  context: queryInt('context', 0, 10).default(0),
  rank: queryFlag('rank'),
  // Matching lines counted up to this many (default 1,000), or `all`.
  count: z
    .union([z.literal('all'), queryInt('count', 1, MAX_COUNT)], {
      error: 'count must be a whole number or all',
    })
    .optional(),
  // Sent by the search page while the user types: an open quote or a trailing OR is no error.
  typing: queryFlag('typing'),
});

/**
 * Read-only views of the library: the session token, the library with its coverage, one
 * episode with its lines, and search. Each route parses its input and calls one use case.
 */
export function registerLibraryRoutes(
  app: FastifyInstance,
  deps: { store: CanonStore; token: string; version: string; searchPool?: SearchPool },
): void {
  const { store } = deps;

  app.get('/api/session', (_request, reply) => {
    const session: SessionInfo = { token: deps.token, version: deps.version };
    return reply.send(session);
  });

  app.get('/api/library', async () => libraryOverview(store));

  app.get('/api/series/:series/episodes/:episode', async (request) => {
    const p = parseInput(episodeParams, request.params, 'params');
    return episodeView(store, p.series, p.episode);
  });

  app.get('/api/search', async (request, reply) => {
    const q = parseInput(searchQuery, request.query, 'query', 'QUERY_INVALID');
    const search = toSearchRequest({
      query: q.q,
      series: q.series,
      speaker: q.speaker,
      kind: q.kind,
      episode: q.episode,
      limit: q.limit,
      offset: q.offset,
      context: q.context,
      rank: q.rank === 'true',
      count: q.count,
      asYouType: q.typing === 'true',
    });
    if (deps.searchPool === undefined) return store.search(search);
    // Searched in a worker thread, answered as the JSON it made.
    return reply.type('application/json; charset=utf-8').send(await deps.searchPool.search(search));
  });
}
