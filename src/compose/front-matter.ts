import { parseDocument } from 'yaml';
import { z } from 'zod';
import type { Finding } from '../domain/errors.js';

/** The post's settings, from its YAML front matter; complete, with defaults filled in. */
export interface PostSettings {
  readonly title?: string;
  readonly author?: string;
  readonly tags: readonly string[];
  /** The GIF credit as written (`gifs by ...`); default `gifs by <author>`. */
  readonly gifCredit?: string;
  /** The series the post is about, when the library holds several. */
  readonly series?: string;
  readonly tumblr: {
    /** Index of the last block shown above Tumblr's read-more (NPF `truncate_after`). */
    readonly truncateAfter?: number;
    /** Where image attributions point (default: the GIF's own URL). */
    readonly attributionUrl?: string;
  };
  readonly html: { readonly lang: string };
  readonly gifs: {
    /** Width of single GIFs in pixels (default 540); gifsets use the Tumblr widths per row. */
    readonly width?: number;
    readonly speakers: boolean;
    /** Seconds added before and after each clip. */
    readonly pad: number;
  };
}

const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });

/** The front matter, defined once: this schema is the reference (docs/COMPOSE.md lists it). */
export const FRONT_MATTER = z.strictObject({
  title: z.string().trim().min(1).optional(),
  author: z.string().trim().min(1).optional(),
  tags: z
    .union([z.array(z.coerce.string()), z.string()])
    .transform((t) =>
      (Array.isArray(t) ? t : t.split(',')).map((x) => x.trim()).filter((x) => x !== ''),
    )
    .default([]),
  gif_credit: z.string().trim().min(1).optional(),
  series: z.string().trim().min(1).optional(),
  tumblr: z
    .strictObject({
      truncate_after: z.number().int().min(-1).optional(),
      attribution_url: httpUrl.optional(),
    })
    .default({}),
  html: z
    .strictObject({ lang: z.string().trim().min(2).max(35).default('en') })
    .default({ lang: 'en' }),
  gifs: z
    .strictObject({
      width: z.number().int().min(100).max(1280).optional(),
      speakers: z.boolean().default(false),
      pad: z.number().min(0).max(10).default(0),
    })
    .default({ speakers: false, pad: 0 }),
});

const DEFAULTS: PostSettings = {
  tags: [],
  tumblr: {},
  html: { lang: 'en' },
  gifs: { speakers: false, pad: 0 },
};

/**
 * Read front matter (the YAML between the `---` lines). `line` is the line of its first YAML
 * line in the post, so findings point into the post. Anything wrong is a finding and the
 * defaults stand for the part that was wrong.
 */
export function readFrontMatter(
  yaml: string,
  file: string,
  line: number,
): { settings: PostSettings; findings: Finding[] } {
  const findings: Finding[] = [];
  const doc = parseDocument(yaml, { prettyErrors: false });
  if (doc.errors.length > 0) {
    for (const e of doc.errors) {
      const at = e.linePos?.[0];
      findings.push({
        severity: 'error',
        ruleId: 'front-matter-yaml',
        reason: `front matter is not valid YAML: ${e.message.split('\n')[0] ?? ''}`,
        place: { file, line: line + (at?.line ?? 1) - 1, column: at?.col ?? 1 },
      });
    }
    return { settings: DEFAULTS, findings };
  }
  const value: unknown = doc.toJS() ?? {};
  const parsed = FRONT_MATTER.safeParse(value);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
      const path = [...issue.path.map(String), ...(keys.length === 1 ? keys : [])].join('.');
      findings.push({
        severity: 'warning',
        ruleId: 'front-matter-setting',
        reason:
          keys.length > 0
            ? `unknown front matter setting ${keys.map((k) => `"${k}"`).join(', ')} (ignored)`
            : `front matter ${path}: ${issue.message} (ignored)`,
        place: { file, line, path: path === '' ? 'front matter' : path },
      });
    }
    // Keep what is valid: drop the offending top-level keys and read again.
    const bad = new Set(
      parsed.error.issues.map((i) =>
        i.code === 'unrecognized_keys' && i.path.length === 0 ? null : String(i.path[0] ?? ''),
      ),
    );
    const record = typeof value === 'object' && value !== null ? value : {};
    const kept = Object.fromEntries(
      Object.entries(record).filter(([k]) => !bad.has(k) && k in FRONT_MATTER.shape),
    );
    const again = FRONT_MATTER.safeParse(kept);
    return { settings: again.success ? toSettings(again.data) : DEFAULTS, findings };
  }
  return { settings: toSettings(parsed.data), findings };
}

function toSettings(d: z.infer<typeof FRONT_MATTER>): PostSettings {
  return {
    ...(d.title === undefined ? {} : { title: d.title }),
    ...(d.author === undefined ? {} : { author: d.author }),
    tags: d.tags,
    ...(d.gif_credit === undefined ? {} : { gifCredit: d.gif_credit }),
    ...(d.series === undefined ? {} : { series: d.series }),
    tumblr: {
      ...(d.tumblr.truncate_after === undefined ? {} : { truncateAfter: d.tumblr.truncate_after }),
      ...(d.tumblr.attribution_url === undefined
        ? {}
        : { attributionUrl: d.tumblr.attribution_url }),
    },
    html: { lang: d.html.lang },
    gifs: {
      ...(d.gifs.width === undefined ? {} : { width: d.gifs.width }),
      speakers: d.gifs.speakers,
      pad: d.gifs.pad,
    },
  };
}

export const DEFAULT_SETTINGS = DEFAULTS;
