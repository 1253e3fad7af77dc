import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { bindPost, RENDERERS } from '../compose/bind.js';
import { parsePost } from '../compose/parse-post.js';
import type { ComposeTarget } from '../compose/target.js';
import { ReceiptsError, type Finding } from '../domain/errors.js';
import type { CanonStore } from '../store/canon-store.js';
import { MEDIA, type ComposeMedia, type ComposeProgress } from './compose.js';
import { checkPostProse, proseForCheck } from './compose-prose.js';
import { resolveRefs } from './compose-resolve.js';
import type { GifResult } from './gif.js';
import { gifsetFileName } from './gifset.js';
import { pickSeries } from './pick-series.js';
import type { ComposeFindingView, ComposeView } from './workbench-types.js';

/**
 * The composer for the workbench: a post typed in the page (text, not a file) composed for a
 * target, answering the output instead of writing it.
 *
 * This wraps the same pieces `composePost` (compose.ts) runs — parse, resolve, bind, render,
 * the prose check — because composePost reads the post from a file, writes the output next
 * to it and binds the images once. A preview needs the text in, the output back, and a
 * second binding of the images to URLs this server answers (placeholders, or the GIFs a
 * "Render GIFs" job made). A `composeSource()` in compose.ts taking the text and a preview
 * base URL and returning `{ text, preview, findings }` without writing would remove this.
 */

/** The name the post is shown as in findings, and the prefix of its GIF files. */
const SHOWN = 'post.md';
const SLUG = 'post';

/** Where rendered GIFs of compose runs are kept, one folder per run (`<run>/post-01.gif`). */
export const PLACEHOLDER_RUN = 'placeholder';
const RUN_ID = /^[0-9a-f]{24}$/u;
const FILE = /^[\w.-]+\.gif$/u;
const KEEP_RUNS = 20;

export interface ComposeTextRequest {
  readonly text: string;
  readonly to: ComposeTarget;
  readonly baseUrl?: string | null;
  readonly series?: string;
  readonly includeSuggested?: boolean;
}

export interface ComposeTextOptions {
  /** Render the GIFs into a new run folder under this one; null: placeholders only. */
  readonly runsDir: string | null;
  readonly cacheDir?: string | null;
  readonly media?: ComposeMedia;
  readonly signal?: AbortSignal;
  readonly onProgress?: (p: ComposeProgress) => void;
}

/** Media that renders nothing: every GIF is a placeholder of the size it would have. */
export const PLACEHOLDER_MEDIA: ComposeMedia = {
  renderGif: (_store, request) =>
    Promise.resolve(placeholder(request.out ?? 'post.gif', request.width)),
  renderGifset: (_store, request) => {
    const name = request.name ?? 'gifset';
    const outDir = request.outDir ?? '.';
    const made = request.sources.map((_, i) =>
      placeholder(join(outDir, gifsetFileName(name, i, request.sources.length)), request.width),
    );
    return Promise.resolve({
      layoutPath: join(outDir, `${name}.gifset.json`),
      layout: { rows: [], files: [] },
      made,
      totalBytes: 0,
      fps: 0,
      width: request.width ?? 540,
      budgetSteps: made.map(() => []),
    });
  },
};

function placeholder(path: string, width = 540): GifResult {
  return {
    path,
    bytes: 0,
    width,
    height: Math.round((width * 9) / 16),
    fps: 0,
    frames: 0,
    cached: false,
    key: '',
    series: '',
    episode: '',
    format: 'gif',
    startMs: 0,
    endMs: 0,
    snapped: null,
    captioned: [],
    budgetSteps: [],
  };
}

/** The URL the page loads a GIF of a run from (placeholders: an SVG of its size). */
export const composeMediaBase = (run: string) => `/api/compose/media/${run}`;

/**
 * Compose a post typed in the workbench: the output for the target (what Copy and Download
 * give), an HTML preview whose images the server answers, and every finding with its line
 * and column (the post's, the target's limits, and the draft checker's on the prose).
 */
export async function composeText(
  store: CanonStore,
  request: ComposeTextRequest,
  options: ComposeTextOptions,
): Promise<ComposeView> {
  const parsed = parsePost(request.text, SHOWN);
  const series = await pickSeries(store, request.series ?? parsed.settings.series);
  const episodes = await store.listEpisodes(series.id);
  const runsDir = options.runsDir;
  const render = runsDir !== null;
  const run = render ? randomBytes(12).toString('hex') : PLACEHOLDER_RUN;
  const outDir = render ? join(runsDir, run) : 'placeholder';
  if (render) {
    mkdirSync(outDir, { recursive: true });
    forgetOldRuns(runsDir);
  }
  const resolved = await resolveRefs(
    {
      store,
      media: render ? (options.media ?? MEDIA) : PLACEHOLDER_MEDIA,
      seriesId: series.id,
      episodes: new Map(episodes.map((e) => [e.id, e])),
      settings: parsed.settings,
      outDir,
      slug: SLUG,
      includeSuggested: request.includeSuggested ?? false,
      run: {
        signal: options.signal,
        ...(options.cacheDir === undefined ? {} : { cacheDir: options.cacheDir }),
      },
      onProgress: options.onProgress,
    },
    parsed.refs,
  );
  const episodeOrder = new Map(episodes.map((e) => [e.id, e.position]));
  const out = RENDERERS[request.to]({
    ...bindPost(parsed, resolved.resolutions, {
      baseUrl: request.baseUrl ?? null,
      episodeOrder,
    }),
  });
  const preview = RENDERERS.html(
    bindPost(parsed, resolved.resolutions, { baseUrl: composeMediaBase(run), episodeOrder }),
  ).text;
  const prose = await checkPostProse(store, proseForCheck(request.text, parsed.tree), SHOWN, {
    series: series.id,
    includeSuggested: request.includeSuggested ?? false,
  }).catch((e: unknown) => {
    if (e instanceof ReceiptsError && e.code !== 'INTERNAL') return null;
    throw e;
  });
  const findings: ComposeFindingView[] = [
    ...[...parsed.findings, ...resolved.findings, ...out.findings].map(findingView),
    ...(prose?.findings ?? []).map((f) => ({
      line: f.line,
      column: f.column,
      severity: f.severity,
      rule: 'prose-claim',
      reason: f.verdict === null ? f.reason : `${f.sentence}: ${f.verdict.explanation}`,
    })),
  ].sort(
    (a, b) =>
      (a.line ?? Number.MAX_SAFE_INTEGER) - (b.line ?? Number.MAX_SAFE_INTEGER) ||
      (a.column ?? 0) - (b.column ?? 0),
  );
  return {
    target: request.to,
    series: series.id,
    text: out.text,
    fileName: `${SLUG}${out.suffix}`,
    preview,
    mediaBase: composeMediaBase(run),
    rendered: render,
    gifs: [...resolved.resolutions.gifs.values()].map((g) => ({
      file: g.file,
      url: `${composeMediaBase(run)}/${encodeURIComponent(g.file)}`,
      alt: g.alt,
      width: g.width,
      height: g.height,
    })),
    findings,
  };
}

function findingView(f: Finding): ComposeFindingView {
  return {
    line: f.place.line ?? null,
    column: f.place.column ?? null,
    severity: f.severity,
    rule: f.ruleId,
    reason: f.reason,
  };
}

/** A rendered GIF of a run by its folder and name, or null for a malformed or unknown one. */
export function composeRunFile(runsDir: string, run: string, file: string): string | null {
  if (!RUN_ID.test(run) || !FILE.test(file)) return null;
  const path = join(runsDir, run, file);
  return existsSync(path) ? path : null;
}

/** An SVG standing in for a GIF not rendered yet. */
export function placeholderSvg(file: string): string {
  const name = file.replace(/[^\w.-]/gu, '');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="540" height="304" viewBox="0 0 540 304"><rect width="540" height="304" fill="#e8e4dc" stroke="#8a8275" stroke-dasharray="8 6" stroke-width="2"/><text x="270" y="145" text-anchor="middle" font-family="sans-serif" font-size="22" fill="#4a453d">GIF: ${name}</text><text x="270" y="180" text-anchor="middle" font-family="sans-serif" font-size="16" fill="#4a453d">not rendered — press Render GIFs</text></svg>`;
}

/** Keep the newest run folders only: every render makes one. */
function forgetOldRuns(runsDir: string): void {
  const runs = readdirSync(runsDir)
    .filter((r) => RUN_ID.test(r))
    .map((r) => ({ r, t: statSync(join(runsDir, r)).mtimeMs }))
    .sort((a, b) => b.t - a.t);
  for (const { r } of runs.slice(KEEP_RUNS)) {
    rmSync(join(runsDir, r), { recursive: true, force: true });
  }
}
