import { existsSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { ReceiptsError } from '../domain/errors.js';
import type { StepTaken } from '../media/budget.js';
import type { CanonStore } from '../store/canon-store.js';
import {
  renderGif,
  type ClipSource,
  type GifRequest,
  type GifResult,
  type GifRunOptions,
} from './gif.js';
import { writeFileAtomic } from './write-output.js';

/** A Tumblr photo set: several clips rendered alike, and how they sit in rows. */
export interface GifsetRequest {
  readonly seriesId?: string;
  /** The clips, in the order they are named and laid out. */
  readonly sources: readonly ClipSource[];
  readonly width?: number;
  readonly fps?: number;
  readonly crop?: GifRequest['crop'];
  readonly padMs?: number;
  readonly speakers?: boolean;
  /** Caption font family, the same for every clip (checked with fc-list). */
  readonly font?: string;
  readonly noCaptions?: boolean;
  readonly maxBytes?: number;
  /** GIFs per row of the layout (default 2). */
  readonly perRow?: number;
  /** Folder of the files (default `cwd`); it must exist. */
  readonly outDir?: string;
  /** File name prefix (default `<episode>-set` when the first clip is a range, else `gifset`). */
  readonly name?: string;
  readonly cwd?: string;
}

/** One GIF of a set, as the layout file lists it. */
export interface GifsetFile {
  readonly file: string;
  readonly episode: string;
  readonly fromMs: number;
  readonly toMs: number;
  readonly bytes: number;
  readonly width: number;
  readonly height: number;
}

/** The layout written for the composer: file names relative to the layout file. */
export interface GifsetLayout {
  readonly rows: readonly (readonly string[])[];
  readonly files: readonly GifsetFile[];
}

export interface GifsetResult {
  readonly layoutPath: string;
  readonly layout: GifsetLayout;
  readonly made: readonly GifResult[];
  readonly totalBytes: number;
  readonly fps: number;
  readonly width: number;
  /** Steps each GIF took to meet the budget, in order. */
  readonly budgetSteps: readonly (readonly StepTaken[])[];
}

/** Rows of `perRow` file names, the last row holding what is left. */
export function gifsetRows(files: readonly string[], perRow: number): string[][] {
  const rows: string[][] = [];
  for (let i = 0; i < files.length; i += perRow) rows.push(files.slice(i, i + perRow));
  return rows;
}

/** `prefix-01.gif`, numbered from 1 with at least two digits. */
export function gifsetFileName(prefix: string, index: number, count: number): string {
  const digits = Math.max(2, String(count).length);
  return `${prefix}-${String(index + 1).padStart(digits, '0')}.gif`;
}

/**
 * Render a gifset: the first clip with the options given, then every other clip with the
 * first's frame rate and width (crop and caption style are shared by all). When a budget made
 * a later clip narrower or slower, the whole set is rendered again at the smallest of them, so
 * the set stays one size. The layout `<prefix>.gifset.json` is written last, atomically.
 * `options.onProgress` gets the percentage of the whole set, not of each GIF.
 */
export async function renderGifset(
  store: CanonStore,
  request: GifsetRequest,
  options: GifRunOptions = {},
): Promise<GifsetResult> {
  const perRow = request.perRow ?? 2;
  if (request.sources.length < 2) {
    throw new ReceiptsError('USAGE', 'A gifset needs at least two clips (--range or --quote).');
  }
  if (!Number.isInteger(perRow) || perRow < 1 || perRow > 3) {
    throw new ReceiptsError('USAGE', `--per-row must be 1, 2 or 3 (got ${perRow}).`);
  }
  const cwd = request.cwd ?? process.cwd();
  const outDir = resolve(cwd, request.outDir ?? '.');
  if (!existsSync(outDir) || !statSync(outDir).isDirectory()) {
    throw new ReceiptsError('FILE_UNWRITABLE', 'The folder for the gifset does not exist.', {
      file: outDir,
    });
  }
  if (request.name !== undefined && !/^[\w.-]+$/u.test(request.name)) {
    throw new ReceiptsError('USAGE', `--name "${request.name}" must be letters, digits, . _ or -.`);
  }
  const count = request.sources.length;
  const base = (source: ClipSource, index: number, prefix: string): GifRequest => ({
    seriesId: request.seriesId,
    source,
    padMs: request.padMs,
    crop: request.crop,
    speakers: request.speakers,
    font: request.font,
    noCaptions: request.noCaptions,
    maxBytes: request.maxBytes,
    format: 'gif',
    out: join(outDir, gifsetFileName(prefix, index, count)),
  });

  // onProgress reports the whole set: each GIF is an equal share (a second pass restarts at 0).
  const clipRun = (i: number): GifRunOptions => {
    const report = options.onProgress;
    return report === undefined
      ? options
      : { ...options, onProgress: (percent) => report((i * 100 + percent) / count) };
  };
  const first = request.sources[0];
  const name = request.name ?? (first?.kind === 'range' ? `${first.episodeId}-set` : 'gifset');
  let width = request.width;
  let fps = request.fps;
  let made: GifResult[] = [];
  for (let pass = 0; pass < 2; pass++) {
    made = [];
    for (const [i, source] of request.sources.entries()) {
      const r = await renderGif(store, { ...base(source, i, name), width, fps }, clipRun(i));
      made.push(r);
      if (i === 0) {
        width = r.width;
        fps = r.fps;
      }
    }
    const minWidth = Math.min(...made.map((m) => m.width));
    const minFps = Math.min(...made.map((m) => m.fps));
    if (made.every((m) => m.width === minWidth && m.fps === minFps)) break;
    width = minWidth;
    fps = minFps;
  }
  const layoutPath = join(outDir, `${name}.gifset.json`);
  const files: GifsetFile[] = made.map((m) => ({
    file: relative(outDir, m.path),
    episode: m.episode,
    fromMs: m.startMs,
    toMs: m.endMs,
    bytes: m.bytes,
    width: m.width,
    height: m.height,
  }));
  const layout: GifsetLayout = {
    rows: gifsetRows(
      files.map((f) => f.file),
      perRow,
    ),
    files,
  };
  await writeFileAtomic(layoutPath, `${JSON.stringify(layout, null, 2)}\n`);
  return {
    layoutPath,
    layout,
    made,
    totalBytes: made.reduce((sum, m) => sum + m.bytes, 0),
    fps: made[0]?.fps ?? 0,
    width: made[0]?.width ?? 0,
    budgetSteps: made.map((m) => m.budgetSteps),
  };
}
