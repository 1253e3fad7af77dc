import { z } from 'zod';
import type { Finding, Place } from '../domain/errors.js';
import { parseTimecode } from '../domain/time.js';
import type { GifSource } from './post-nodes.js';

/**
 * The directives a post may use, defined once: their syntax and help (for docs and `--help`)
 * and the zod schema of their attributes. Validation problems become findings at the
 * directive's line and column, never exceptions.
 */
export const DIRECTIVES = [
  {
    name: 'gif',
    syntax:
      '::gif{quote="..." [episode=S02E03] [hit=N]}  ::gif{moment=ID}  ::gif{episode=S02E03 from=41:12.3 to=41:15.1}',
    help: 'a captioned GIF of a quoted line, a stored moment or a time range; optional alt="..." and caption="..."',
  },
  {
    name: 'gifset',
    syntax: ':::gifset{per-row=2}\n::gif{...}\n::gif{...}\n:::',
    help: 'a gifset: two or more ::gif lines inside, rendered alike and laid out in rows (per-row 1-3, default 2)',
  },
  {
    name: 'quote',
    syntax: ':quote{text="..." [episode=S02E03] [hit=N]}  or  :quote[...]{episode=S02E03}',
    help: 'an inline quotation, found in the canon and cited automatically',
  },
  {
    name: 'claim',
    syntax: '::claim{text="never Ianto says \'I love you\' to Jack"}  or  ::claim[...]',
    help: 'an embedded claim, shown with its verdict and evidence',
  },
] as const;

const time = (name: string) =>
  z.string().transform((s, ctx) => {
    const ms = parseTimecode(s);
    if (ms === null) {
      ctx.addIssue({
        code: 'custom',
        message: `${name}="${s}" is not a time (try 41:12.3 or 2472.5)`,
      });
      return z.NEVER;
    }
    return ms;
  });

const episode = z
  .string()
  .trim()
  .regex(/^[\w.-]+$/u, 'episode must be an episode id such as S02E03');
const hit = z.coerce.number().int().min(1).max(1000);
const text = z.string().trim().min(1, 'text must not be empty');

const GIF = z
  .strictObject({
    quote: text.optional(),
    hit: hit.optional(),
    episode: episode.optional(),
    from: time('from').optional(),
    to: time('to').optional(),
    moment: z.string().trim().min(1).optional(),
    alt: z.string().trim().min(1).max(4096).optional(),
    caption: z.string().trim().optional(),
  })
  .transform((a, ctx): { source: GifSource; alt?: string; caption?: string } => {
    const extra = {
      ...(a.alt === undefined ? {} : { alt: a.alt }),
      ...(a.caption === undefined ? {} : { caption: a.caption }),
    };
    const ways = [a.quote, a.moment, a.from ?? a.to].filter((x) => x !== undefined).length;
    if (ways !== 1) {
      ctx.addIssue({
        code: 'custom',
        message: 'give one of quote="...", moment=ID, or episode=E from=T to=T',
      });
      return z.NEVER;
    }
    if (a.quote !== undefined) {
      const source: GifSource = {
        kind: 'quote',
        text: a.quote,
        hit: a.hit ?? 1,
        ...(a.episode === undefined ? {} : { episode: a.episode }),
      };
      return { source, ...extra };
    }
    if (a.moment !== undefined) return { source: { kind: 'moment', id: a.moment }, ...extra };
    if (a.episode === undefined || a.from === undefined || a.to === undefined || a.to <= a.from) {
      ctx.addIssue({
        code: 'custom',
        message: 'a time range needs episode=E, from=T and to=T with to after from',
      });
      return z.NEVER;
    }
    return { source: { kind: 'range', episode: a.episode, fromMs: a.from, toMs: a.to }, ...extra };
  });

const GIFSET = z.strictObject({ 'per-row': z.coerce.number().int().min(1).max(3).default(2) });

const QUOTE = z.strictObject({
  text: text.optional(),
  episode: episode.optional(),
  hit: hit.optional(),
});

const CLAIM = z.strictObject({ text: text.optional() });

export const DIRECTIVE_SCHEMAS = { gif: GIF, gifset: GIFSET, quote: QUOTE, claim: CLAIM } as const;

/**
 * Validate a directive's attributes; null with findings (one per problem, at `place`) when
 * they are not valid.
 */
export function readAttributes<K extends keyof typeof DIRECTIVE_SCHEMAS>(
  name: K,
  attributes: Readonly<Record<string, string | null | undefined>> | null | undefined,
  place: Place,
  findings: Finding[],
): z.infer<(typeof DIRECTIVE_SCHEMAS)[K]> | null {
  const given = Object.fromEntries(
    Object.entries(attributes ?? {}).filter((e): e is [string, string] => typeof e[1] === 'string'),
  );
  const r = DIRECTIVE_SCHEMAS[name].safeParse(given);
  if (r.success) return r.data as z.infer<(typeof DIRECTIVE_SCHEMAS)[K]>;
  for (const issue of r.error.issues) {
    const reason =
      issue.code === 'unrecognized_keys'
        ? `::${name} has no attribute ${issue.keys.map((k) => `"${k}"`).join(', ')}`
        : `::${name}: ${issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ` : ''}${issue.message}`;
    findings.push({ severity: 'error', ruleId: 'directive-attributes', reason, place });
  }
  return null;
}
