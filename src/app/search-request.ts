import { z } from 'zod';
import { ReceiptsError } from '../domain/errors.js';
import { LINE_KINDS, MAX_COUNT, type LineKind, type SearchRequest } from '../domain/search.js';

/**
 * Search options, defined once: the CLI builds its flags and --help from this table and the
 * HTTP server will validate query strings with the same schema.
 */
export const SEARCH_OPTIONS = [
  {
    name: 'series',
    flag: '--series <id>',
    help: 'only this series (its id, see `receipts episodes`)',
  },
  { name: 'season', flag: '--season <n>', help: 'only this season' },
  {
    name: 'episode',
    flag: '--episode <id|from..to>',
    help: 'one episode (S02E03) or a range in canon order (S01E01..S01E05)',
  },
  {
    name: 'speaker',
    flag: '--speaker <name>',
    help: 'only lines spoken by this character (name or any alias)',
  },
  {
    name: 'kind',
    flag: '--kind <kinds>',
    help: `only these kinds, comma-separated: ${LINE_KINDS.join(', ')}`,
  },
  { name: 'limit', flag: '--limit <n>', help: 'at most this many matching lines (default 20)' },
  { name: 'offset', flag: '--offset <n>', help: 'skip this many matching lines first (paging)' },
  { name: 'context', flag: '--context <n>', help: 'lines of context around each hit (default 1)' },
  { name: 'rank', flag: '--rank', help: 'order by relevance instead of canon order' },
  {
    name: 'count',
    flag: '--count <n|all>',
    help: 'count matching lines up to n (default 1000), or all of them',
  },
] as const;

const int = (name: string, min: number, max: number) =>
  z.coerce
    .number({ error: `${name} must be a number` })
    .int(`${name} must be a whole number`)
    .min(min, `${name} must be at least ${min}`)
    .max(max, `${name} must be at most ${max}`);

const kinds = z
  .string()
  .transform((s) =>
    s
      .split(',')
      .map((k) => k.trim().toLowerCase())
      .filter(Boolean),
  )
  .pipe(
    z
      .array(
        z.enum(LINE_KINDS as [LineKind, ...LineKind[]], {
          error: `kind must be one of ${LINE_KINDS.join(', ')}`,
        }),
      )
      .min(1),
  );

const rawSchema = z.object({
  query: z.string().trim().min(1, 'give something to search for'),
  series: z.string().trim().min(1).optional(),
  season: int('season', 0, 10_000).optional(),
  episode: z.string().trim().min(1).optional(),
  speaker: z.string().trim().min(1).optional(),
  kind: kinds.optional(),
  limit: int('limit', 1, 1000).default(20),
  offset: int('offset', 0, 10_000).default(0),
  context: int('context', 0, 50).default(1),
  rank: z.coerce.boolean().default(false),
  count: z
    .union([z.literal('all'), int('count', 1, MAX_COUNT)], {
      error: 'count must be a whole number or all',
    })
    .optional(),
  asYouType: z.boolean().default(false),
});

/** Loose input (CLI flags, URL query) -> a complete SearchRequest, or QUERY_INVALID naming the option. */
export function toSearchRequest(input: Record<string, unknown>): SearchRequest {
  const r = rawSchema.safeParse(input);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    const name = issue.path[0] === undefined ? '' : `--${String(issue.path[0])}: `;
    throw new ReceiptsError('QUERY_INVALID', `${name}${issue.message}`);
  }
  const v = r.data;
  const [from, to] = v.episode?.split('..').map((s) => s.trim()) ?? [];
  if (v.episode !== undefined && (!from || (v.episode.includes('..') && !to))) {
    throw new ReceiptsError(
      'QUERY_INVALID',
      `--episode: write one id (S02E03) or a range (S01E01..S01E05), not "${v.episode}"`,
    );
  }
  return {
    query: v.query,
    filters: {
      ...(v.series === undefined ? {} : { series: v.series }),
      ...(v.season === undefined ? {} : { season: v.season }),
      ...(from === undefined ? {} : { episodeFrom: from, episodeTo: to ?? from }),
      ...(v.speaker === undefined ? {} : { speaker: v.speaker }),
      ...(v.kind === undefined ? {} : { kinds: v.kind }),
    },
    order: v.rank ? 'relevance' : 'canon',
    limit: v.limit,
    offset: v.offset,
    context: v.context,
    ...(v.asYouType ? { asYouType: true } : {}),
    ...(v.count === undefined ? {} : { countUpTo: v.count === 'all' ? MAX_COUNT : v.count }),
  };
}
