import { Document, isMap, isSeq } from 'yaml';
import { z } from 'zod';
import { ReceiptsError } from '../domain/errors.js';
import type { TranscriptDialect } from '../domain/transcript.js';
import { parseLocatedYaml } from './yaml-document.js';

/** canon.yaml: a series, its characters and its episodes with their files. Text in, values out. */

const EPISODE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const DIALECTS = [
  'chakoteya-text',
  'chakoteya-html',
  'csv',
  'frasier',
] as const satisfies readonly TranscriptDialect[];

const fileRef = z.string().trim().min(1, 'must name a file');

// A bare string is shorthand for `{file: ...}`; preprocessing (not a union) keeps zod's
// messages specific ("dialect: Invalid option") instead of a generic "Invalid input".
const asFile = (v: unknown): unknown => (typeof v === 'string' ? { file: v } : v);

const subtitleSchema = z.preprocess(
  asFile,
  z.strictObject({
    file: fileRef,
    language: z.string().trim().min(1).nullable().default(null),
    // Part of a file that holds two episodes: cue numbers (1-based, in file order), `1-419`
    // for the first, `420-` for the second.
    cues: z
      .string()
      .regex(/^(?:\d+-\d*|\d*-\d+)$/, 'must be a cue range like 1-419 or 420-')
      .nullable()
      .default(null),
  }),
);

const transcriptSchema = z.preprocess(
  asFile,
  z.strictObject({
    file: fileRef,
    dialect: z.enum(DIALECTS).nullable().default(null),
    // Selects one episode of a multi-episode file (a CSV's Episode column value).
    part: z
      .union([z.string().trim().min(1), z.number()])
      .transform(String)
      .nullable()
      .default(null),
  }),
);

const isoDate = z.union([z.iso.date(), z.date().transform((d) => d.toISOString().slice(0, 10))]);

const episodeSchema = z.strictObject({
  id: z.string().regex(EPISODE_ID, 'must be an id like S02E03 (letters, digits, . _ -)'),
  season: z.number().int().nonnegative().nullable().default(null),
  number: z.number().int().nonnegative().nullable().default(null),
  title: z.string().nullable().default(null),
  airDate: isoDate.nullable().default(null),
  storyOrder: z.number().nullable().default(null),
  video: fileRef.nullable().default(null),
  subtitles: z.array(subtitleSchema).default([]),
  transcripts: z.array(transcriptSchema).default([]),
});

// Characters are written `Name: [ALIAS, Alias]` (a map); a lone alias may be a plain string.
const aliasList = z.preprocess(
  (v) => (v === null ? [] : typeof v === 'string' ? [v] : v),
  z.array(z.string().trim().min(1, 'alias must not be empty')),
);
const characterMap = z
  .record(z.string().trim().min(1), aliasList)
  .transform((m) => Object.entries(m).map(([name, aliases]) => ({ name, aliases })));

const manifestSchema = z.strictObject({
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/, 'must be a slug (lower-case letters, digits, -)')
    .optional(),
  title: z.string().trim().min(1, 'must not be empty'),
  // The folder the file paths are relative to, itself relative to the manifest (default: the
  // manifest's folder). `receipts init --out` sets it, so paths stay those of the scanned folder.
  root: z.string().trim().min(1, 'must name a folder').optional(),
  // The canon's own codebook (YAML, relative to the manifest); without it, the default.
  codebook: fileRef.optional(),
  characters: characterMap.default([]),
  episodes: z.array(episodeSchema).min(1, 'must list at least one episode'),
});

export type Manifest = Omit<z.output<typeof manifestSchema>, 'id'> & { readonly id: string };
export type ManifestEpisode = Manifest['episodes'][number];

/** `Doctor Who (2005)` -> `doctor-who-2005`. */
export function slugify(title: string): string {
  const s = title
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return s || 'series';
}

/** `['episodes', 3, 'subtitles', 0]` -> `episodes[3].subtitles[0]`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${String(p)}` : String(p);
  return out || '(top level)';
}

/** A validated manifest and a way to find the YAML line of any path in it (for later errors). */
export interface LocatedManifest {
  readonly manifest: Manifest;
  readonly lineOf: (path: readonly (string | number)[]) => number | undefined;
}

/**
 * Parse and validate canon.yaml. Errors are ReceiptsError MANIFEST_INVALID naming the
 * manifest path (`episodes[3].subtitles[0]`) and the YAML line.
 */
export function parseManifest(text: string, file: string): Manifest {
  return readManifest(text, file).manifest;
}

/** parseManifest, keeping the line lookup so callers can locate problems found later. */
export function readManifest(text: string, file: string): LocatedManifest {
  const { doc, lineOf } = parseLocatedYaml(text, file, 'MANIFEST_INVALID');
  const result = manifestSchema.safeParse(doc.toJS());
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const line = lineOf(issue.path);
    throw new ReceiptsError('MANIFEST_INVALID', issue.message, {
      file,
      path: formatPath(issue.path),
      ...(line === undefined ? {} : { line }),
    });
  }
  const m = result.data;
  const seen = new Map<string, number>();
  m.episodes.forEach((e, i) => {
    const before = seen.get(e.id.toUpperCase());
    if (before !== undefined) {
      const line = lineOf(['episodes', i, 'id']);
      throw new ReceiptsError(
        'MANIFEST_INVALID',
        `duplicate episode id "${e.id}" (also episodes[${before}])`,
        {
          file,
          path: `episodes[${i}].id`,
          ...(line === undefined ? {} : { line }),
        },
      );
    }
    seen.set(e.id.toUpperCase(), i);
  });
  return { manifest: { ...m, id: m.id ?? slugify(m.title) }, lineOf };
}

/** Write a manifest back as YAML, characters in the short `Name: [aliases]` form. */
export function stringifyManifest(m: Manifest, header?: string): string {
  const characters = Object.fromEntries(m.characters.map((c) => [c.name, c.aliases]));
  const episodes = m.episodes.map((e) => {
    const out: Record<string, unknown> = { id: e.id };
    if (e.season !== null) out.season = e.season;
    if (e.number !== null) out.number = e.number;
    if (e.title !== null) out.title = e.title;
    if (e.airDate !== null) out.airDate = e.airDate;
    if (e.storyOrder !== null) out.storyOrder = e.storyOrder;
    if (e.video !== null) out.video = e.video;
    if (e.subtitles.length)
      out.subtitles = e.subtitles.map((s) =>
        s.language || s.cues
          ? {
              file: s.file,
              ...(s.language ? { language: s.language } : {}),
              ...(s.cues ? { cues: s.cues } : {}),
            }
          : s.file,
      );
    if (e.transcripts.length) {
      out.transcripts = e.transcripts.map((t) =>
        t.dialect || t.part
          ? {
              file: t.file,
              ...(t.dialect ? { dialect: t.dialect } : {}),
              ...(t.part ? { part: t.part } : {}),
            }
          : t.file,
      );
    }
    return out;
  });
  const doc = new Document({
    id: m.id,
    title: m.title,
    ...(m.root === undefined ? {} : { root: m.root }),
    ...(m.codebook === undefined ? {} : { codebook: m.codebook }),
    characters,
    episodes,
  });
  // Alias lists read best on one line: `The Doctor: [DOCTOR, Doctor]`.
  const chars = doc.get('characters', true);
  if (isMap(chars)) for (const pair of chars.items) if (isSeq(pair.value)) pair.value.flow = true;
  const body = doc.toString({ lineWidth: 0 });
  return header ? `${header.replace(/^/gm, '# ')}\n${body}` : body;
}
