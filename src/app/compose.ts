import { existsSync, mkdirSync, statSync } from 'node:fs';
import { basename, extname, join, relative, resolve } from 'node:path';
import { bindPost, RENDERERS } from '../compose/bind.js';
import { parsePost } from '../compose/parse-post.js';
import type { ComposeTarget } from '../compose/target.js';
import { ReceiptsError, type Finding } from '../domain/errors.js';
import type { CanonStore } from '../store/canon-store.js';
import type { DraftCheck } from './check-draft.js';
import { draftText } from './check-draft.js';
import { checkPostProse, proseForCheck } from './compose-prose.js';
import {
  resolveRefs,
  type ComposeMedia,
  type ComposeProgress,
  type ResolveOutcome,
} from './compose-resolve.js';
import { defaultRenderCache, renderGif, type GifRunOptions } from './gif.js';
import { renderGifset } from './gifset.js';
import { pickSeries } from './pick-series.js';
import { readUserFile } from './read-file.js';
import { writeFileAtomic } from './write-output.js';

export type { ComposeMedia, ComposeProgress } from './compose-resolve.js';

/** The real renderers (ffmpeg, cached). */
export const MEDIA: ComposeMedia = { renderGif, renderGifset };

/** `receipts compose`, already parsed (see compose-options.ts). */
export interface ComposeRequest {
  /** The post (Markdown). */
  readonly post: string;
  readonly to: ComposeTarget;
  /** Folder for the output and the GIFs (default: cwd); it must exist. */
  readonly outDir?: string;
  /** Where the GIFs will be online; images are referred to by file name without it. */
  readonly baseUrl?: string | null;
  readonly series?: string;
  /** Run the draft checker on the prose (default true). */
  readonly checkProse?: boolean;
  readonly includeSuggested?: boolean;
  readonly cwd?: string;
}

export interface ComposeRunOptions extends Omit<GifRunOptions, 'onProgress'> {
  readonly media?: ComposeMedia;
  readonly onProgress?: (p: ComposeProgress) => void;
}

export interface ComposeResult {
  readonly post: string;
  readonly target: ComposeTarget;
  readonly series: string;
  /** The file written, its size and text. */
  readonly output: string;
  readonly bytes: number;
  readonly text: string;
  readonly gifs: readonly {
    readonly id: string;
    readonly path: string;
    readonly bytes: number;
    readonly cached: boolean;
  }[];
  readonly quotes: number;
  readonly claims: readonly { readonly text: string; readonly verdict: string }[];
  /** Problems in the post and its output, by line. */
  readonly findings: readonly Finding[];
  /** The draft checker's findings on the prose, or null when it was not run. */
  readonly prose: DraftCheck | null;
  /** Contradicted claims: embedded ones plus unhedged ones in the prose. */
  readonly contradicted: number;
}

/**
 * Compose a post for one target: parse it (findings, not exceptions), resolve quotes and
 * claims and render its GIFs through the media layer (cached, with progress), render the
 * target and check it against the platform's limits, run the draft checker on the prose, and
 * write the output atomically next to the GIFs.
 */
export async function composePost(
  store: CanonStore,
  request: ComposeRequest,
  options: ComposeRunOptions = {},
): Promise<ComposeResult> {
  const cwd = request.cwd ?? process.cwd();
  const shown = request.post;
  const path = resolve(cwd, request.post);
  const source = draftText(await readUserFile(path, {}, shown), shown);
  const parsed = parsePost(source, shown);
  const outDir = resolve(cwd, request.outDir ?? '.');
  // A missing output folder is made, as `--out dir` promises; a file in its place is refused.
  if (existsSync(outDir) && !statSync(outDir).isDirectory()) {
    throw new ReceiptsError('FILE_UNWRITABLE', 'The output path is a file, not a folder.', {
      file: relative(cwd, outDir) || outDir,
    });
  }
  mkdirSync(outDir, { recursive: true });
  const slug = basename(path, extname(path)).replace(/[^\w.-]+/g, '-') || 'post';
  const series = await pickSeries(store, request.series ?? parsed.settings.series);
  const episodes = await store.listEpisodes(series.id);
  const resolved: ResolveOutcome = await resolveRefs(
    {
      store,
      media: options.media ?? MEDIA,
      seriesId: series.id,
      episodes: new Map(episodes.map((e) => [e.id, e])),
      settings: parsed.settings,
      outDir,
      slug,
      includeSuggested: request.includeSuggested ?? false,
      run: {
        signal: options.signal,
        onCommand: options.onCommand,
        cacheDir: options.cacheDir === undefined ? defaultRenderCache() : options.cacheDir,
      },
      onProgress: options.onProgress,
    },
    parsed.refs,
  );
  const input = bindPost(parsed, resolved.resolutions, {
    baseUrl: request.baseUrl ?? null,
    episodeOrder: new Map(episodes.map((e) => [e.id, e.position])),
  });
  const out = RENDERERS[request.to](input);
  const output = join(outDir, `${slug}${out.suffix}`);
  if (output === path) {
    throw new ReceiptsError('USAGE', 'The output would overwrite the post; give another --out.', {
      file: output,
    });
  }
  const prose =
    request.checkProse === false
      ? null
      : await checkPostProse(store, proseForCheck(source, parsed.tree), shown, {
          series: series.id,
          includeSuggested: request.includeSuggested ?? false,
        });
  await writeFileAtomic(output, out.text);
  const findings = [...parsed.findings, ...resolved.findings, ...out.findings].sort(
    (a, b) =>
      (a.place.line ?? Number.MAX_SAFE_INTEGER) - (b.place.line ?? Number.MAX_SAFE_INTEGER) ||
      (a.place.column ?? 0) - (b.place.column ?? 0),
  );
  const embeddedContradicted = resolved.verdicts.filter(
    (v) => v.verdict.verdict === 'contradicted',
  ).length;
  const proseContradicted = prose?.findings.filter((f) => f.severity === 'error').length ?? 0;
  return {
    post: shown,
    target: request.to,
    series: series.id,
    output,
    bytes: Buffer.byteLength(out.text),
    text: out.text,
    gifs: resolved.rendered.map((r) => ({
      id: r.id,
      path: r.result.path,
      bytes: r.result.bytes,
      cached: r.result.cached,
    })),
    quotes: resolved.resolutions.quotes.size,
    claims: resolved.verdicts.map((v) => ({ text: v.ref.text, verdict: v.verdict.verdict })),
    findings,
    prose,
    contradicted: embeddedContradicted + proseContradicted,
  };
}
