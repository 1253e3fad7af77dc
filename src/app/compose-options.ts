import { z } from 'zod';
import { COMPOSE_TARGETS, type ComposeTarget } from '../compose/target.js';
import { ReceiptsError } from '../domain/errors.js';

/**
 * `receipts compose` options, defined once: the CLI builds its flags and --help from this
 * table, and the server can validate a compose request with the same schema.
 */
export const COMPOSE_OPTIONS = [
  { name: 'to', flag: '--to <target>', help: `target: ${COMPOSE_TARGETS.join(', ')}` },
  { name: 'out', flag: '--out <dir>', help: 'folder for the output and the GIFs (default: here)' },
  {
    name: 'baseUrl',
    flag: '--base-url <url>',
    help: 'where the GIFs will be online (needed for AO3; Tumblr uploads them otherwise)',
  },
  {
    name: 'series',
    flag: '--series <id>',
    help: 'the series (default: front matter or the only one)',
  },
  {
    name: 'strict',
    flag: '--strict',
    help: 'fail when a claim (embedded or in the prose) is contradicted',
  },
  { name: 'check', flag: '--no-check', help: 'do not run the draft checker on the prose' },
  {
    name: 'includeSuggested',
    flag: '--include-suggested',
    help: 'count unreviewed suggestions as evidence for claims',
  },
  { name: 'json', flag: '--json', help: 'print what was made, and the findings, as JSON' },
] as const;

const SCHEMA = z.object({
  to: z.enum(COMPOSE_TARGETS, { error: `--to must be one of ${COMPOSE_TARGETS.join(', ')}` }),
  out: z.string().min(1).optional(),
  baseUrl: z.url({ protocol: /^https?$/, error: '--base-url must be an http(s) URL' }).optional(),
  series: z.string().trim().min(1).optional(),
  strict: z.boolean().default(false),
  check: z.boolean().default(true),
  includeSuggested: z.boolean().default(false),
  json: z.boolean().default(false),
});

export interface ComposeOptions {
  readonly to: ComposeTarget;
  readonly out?: string;
  readonly baseUrl?: string;
  readonly series?: string;
  readonly strict: boolean;
  readonly check: boolean;
  readonly includeSuggested: boolean;
  readonly json: boolean;
}

/** Loose input (CLI flags, a request body) -> complete options, or USAGE naming the option. */
export function toComposeOptions(input: Record<string, unknown>): ComposeOptions {
  const r = SCHEMA.safeParse(input);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    const message =
      issue.path[0] === 'to' && input.to === undefined
        ? `give --to ${COMPOSE_TARGETS.join('|')}`
        : issue.message;
    throw new ReceiptsError('USAGE', message);
  }
  return r.data;
}
