import { z } from 'zod';
import { ReceiptsError } from '../domain/errors.js';
import type { ReviewState } from '../domain/moment.js';

/**
 * The fields of a moment as options, defined once: `moments add` and `moments edit` build
 * their flags and --help from this table, and the HTTP server will validate bodies with the
 * same schema. `in` says which commands take the option.
 */
export const MOMENT_OPTIONS = [
  { name: 'episode', flag: '--episode <id>', help: 'the episode (S27E13)', in: ['add'] },
  {
    name: 'term',
    flag: '--term <term>',
    help: 'what happens: a codebook term or synonym (kiss, hug, stare, snogs)',
    in: ['add', 'edit'],
  },
  {
    name: 'tier',
    flag: '--tier <tier>',
    help: "the term's tier, only to tell apart a synonym two tiers share",
    in: ['add', 'edit'],
  },
  {
    name: 'initiator',
    flag: '--initiator <name>',
    help: 'who does it: a character name or any alias',
    in: ['add', 'edit'],
  },
  {
    name: 'recipients',
    flag: '--recipients <names>',
    help: 'to whom, comma-separated names or aliases',
    in: ['add', 'edit'],
  },
  {
    name: 'mutual',
    flag: '--mutual',
    help: 'a joint act (they kiss): no initiator, every participant a recipient',
    in: ['add', 'edit'],
  },
  {
    name: 'from',
    flag: '--from <time>',
    help: 'start: 41:12.3, 1:02:03.250, 2472.3 (seconds) or 2472300ms',
    in: ['add', 'edit'],
  },
  { name: 'to', flag: '--to <time>', help: 'end, written as --from', in: ['add', 'edit'] },
  {
    name: 'line',
    flag: '--line <n>',
    help: "anchor to this 1-based line of the episode's transcript (when no time is known)",
    in: ['add'],
  },
  {
    name: 'file',
    flag: '--file <path>',
    help: 'the transcript --line counts in, as stored, when the episode has several',
    in: ['add'],
  },
  {
    name: 'part',
    flag: '--part <part>',
    help: 'the body part (lips, cheek, hand)',
    in: ['add', 'edit'],
  },
  {
    name: 'readings',
    flag: '--readings <terms>',
    help: 'what it is read as, comma-separated terms of the reading tier (love,guilt)',
    in: ['add', 'edit'],
  },
  { name: 'note', flag: '--note <text>', help: 'a free note', in: ['add', 'edit'] },
  {
    name: 'author',
    flag: '--author <handle>',
    help: 'who writes it (default: your user name)',
    in: ['add', 'edit'],
  },
  { name: 'initiator', flag: '--no-initiator', help: 'clear the initiator', in: ['edit'] },
  {
    name: 'mutual',
    flag: '--no-mutual',
    help: 'no longer a joint act (give --initiator)',
    in: ['edit'],
  },
  { name: 'part', flag: '--no-part', help: 'clear the body part', in: ['edit'] },
  { name: 'readings', flag: '--no-readings', help: 'clear the readings', in: ['edit'] },
  { name: 'note', flag: '--no-note', help: 'clear the note', in: ['edit'] },
] as const;

/** Filters of `moments list`, defined once for flags, --help and validation. */
export const MOMENT_LIST_OPTIONS = [
  {
    name: 'series',
    flag: '--series <id>',
    help: 'the series (needed when the library holds several)',
  },
  { name: 'episode', flag: '--episode <id>', help: 'only this episode' },
  {
    name: 'term',
    flag: '--term <term>',
    help: 'only this term and everything under it (affection: kiss, hug, ...)',
  },
  { name: 'tier', flag: '--tier <tier>', help: 'only terms of this tier (action, gaze)' },
  {
    name: 'review',
    flag: '--review <states>',
    help: 'only these review states, comma-separated: suggested, confirmed, rejected',
  },
  { name: 'limit', flag: '--limit <n>', help: 'at most this many moments (default 50)' },
  { name: 'offset', flag: '--offset <n>', help: 'skip this many moments first (paging)' },
] as const;

export const REVIEW_STATES: readonly ReviewState[] = ['suggested', 'confirmed', 'rejected'];

const text = z.string().trim().min(1, 'must not be empty');

/** A comma-separated list (or an array from JSON): trimmed, empty items dropped. */
export const nameList = z
  .union([z.string(), z.array(z.string())])
  .transform((v) =>
    (typeof v === 'string' ? v.split(',') : v).map((s) => s.trim()).filter((s) => s !== ''),
  );

/** A whole number within bounds, from a flag (text) or JSON (number). */
export const wholeNumber = (min: number, max: number) =>
  z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`);

const clearable = <T extends z.ZodType>(t: T) => z.union([t, z.literal(false), z.null()]);
const time = z.union([z.string().trim().min(1, 'must not be empty'), z.number()]);

const fieldsSchema = z.object({
  episode: text.optional(),
  term: text.optional(),
  tier: text.optional(),
  initiator: clearable(text).optional(),
  recipients: nameList.optional(),
  mutual: z.boolean().optional(),
  from: time.optional(),
  to: time.optional(),
  line: wholeNumber(1, 10_000_000).optional(),
  file: text.optional(),
  part: clearable(text).optional(),
  readings: z.union([nameList, z.literal(false)]).optional(),
  note: clearable(text).optional(),
  author: text.optional(),
});

/**
 * Moment fields as given (flags or JSON), checked for shape only. `false` or null clears a
 * field on edit; what the fields name (episode, term, characters) is checked against the
 * series by validateMoment.
 */
export type MomentFields = z.infer<typeof fieldsSchema>;

/** Loose input -> MomentFields, or MOMENT_INVALID naming the field. */
export function toMomentFields(input: Record<string, unknown>): MomentFields {
  return parseOrFail(fieldsSchema, input, 'MOMENT_INVALID');
}

const listSchema = z.object({
  series: text.optional(),
  episode: text.optional(),
  term: text.optional(),
  tier: text.optional(),
  review: nameList
    .pipe(
      z
        .array(
          z.enum(REVIEW_STATES as [ReviewState, ...ReviewState[]], {
            error: `must be ${REVIEW_STATES.join(', ')}`,
          }),
        )
        .min(1, 'give at least one state'),
    )
    .optional(),
  limit: wholeNumber(1, 10_000).default(50),
  offset: wholeNumber(0, 10_000_000).default(0),
});

export type MomentListFilters = z.infer<typeof listSchema>;

/** Loose input -> complete list filters, or QUERY_INVALID naming the option. */
export function toMomentListFilters(input: Record<string, unknown>): MomentListFilters {
  return parseOrFail(listSchema, input, 'QUERY_INVALID');
}

/** Parse with a zod schema; the first issue becomes an error naming its field. */
export function parseOrFail<T extends z.ZodType>(
  schema: T,
  input: unknown,
  code: 'MOMENT_INVALID' | 'QUERY_INVALID' | 'USAGE',
): z.infer<T> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  const field = issue.path[0] === undefined ? undefined : String(issue.path[0]);
  throw new ReceiptsError(code, issue.message, field === undefined ? {} : { path: field });
}

/** `--if-version N` (or a JSON number): the version a change is made against, if given. */
export function toVersion(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const schema = z.object({ '--if-version': wholeNumber(1, Number.MAX_SAFE_INTEGER) });
  return parseOrFail(schema, { '--if-version': value }, 'USAGE')['--if-version'];
}
