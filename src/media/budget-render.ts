import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { ReceiptsError } from '../domain/errors.js';
import {
  applyState,
  BUDGET_VERSION,
  budgetGifArgs,
  budgetLadder,
  DEFAULT_ENCODING,
  initialState,
  searchBudget,
  type BudgetState,
  type StepTaken,
} from './budget.js';
import type { ClipPlan } from './clip-plan.js';
import { runGifsicle } from './gifsicle.js';
import type { VideoFileKey } from './probe.js';
import { renderClip, renderKey, type RenderClipOptions, type RenderedClip } from './render-clip.js';
import { placeCopy, readCacheEntry, writeCacheEntry } from './render-cache.js';
import { runFfmpeg } from './run-ffmpeg.js';

export interface BudgetRenderRequest {
  readonly plan: ClipPlan;
  readonly video: VideoFileKey;
  /** The ASS captions for a plan (they are sized to its width), or null for none. */
  readonly captionsFor: (plan: ClipPlan) => string | null;
  readonly output: string;
  readonly maxBytes: number;
}

/** A render within a budget: the clip as made, and the steps taken to fit. */
export interface BudgetRendered extends RenderedClip {
  readonly steps: readonly StepTaken[];
  /** How many encodes the search ran (0 when copied from the cache). */
  readonly encodes: number;
}

interface CacheEntry {
  readonly frames: number;
  readonly width: number;
  readonly height: number;
  readonly fps: number;
  readonly steps: readonly StepTaken[];
}

const sameAsPlan = (plan: ClipPlan, s: BudgetState) =>
  s.fps === plan.fps &&
  s.width === plan.width &&
  JSON.stringify(s.encoding) === JSON.stringify(DEFAULT_ENCODING);

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(2)} MB`;

/**
 * Render a GIF no larger than `maxBytes`: the plain render first (through the render cache);
 * when it is over, the ladder of `budget.ts` is walked, each trial encoded into a folder beside
 * the output (ffmpeg once per frame rate, width and palette; gifsicle on that file for each
 * lossless or lossy level), and only the chosen one is renamed into place. When even the smallest plan is
 * over the budget nothing is written and USAGE names the smallest size that can be made.
 */
export async function renderWithinBudget(
  request: BudgetRenderRequest,
  options: RenderClipOptions = {},
): Promise<BudgetRendered> {
  const { plan, video, output, maxBytes } = request;
  const key = createHash('sha256')
    .update(
      JSON.stringify({
        render: renderKey({ plan, video, captions: request.captionsFor(plan) }),
        maxBytes,
        budget: BUDGET_VERSION,
      }),
    )
    .digest('hex');
  const cacheFile = options.cacheDir == null ? null : join(options.cacheDir, `${key}.budget.gif`);
  const hit =
    cacheFile === null
      ? null
      : readCacheEntry<CacheEntry>(cacheFile, (e) => Array.isArray(e.steps));
  if (hit !== null && cacheFile !== null) {
    placeCopy(cacheFile, output);
    options.onProgress?.(100);
    return { ...hit, path: output, bytes: statSync(output).size, cached: true, key, encodes: 0 };
  }

  const work = join(dirname(output), `.${basename(output)}.${randomBytes(4).toString('hex')}.part`);
  mkdirSync(work);
  try {
    let trial = 0;
    type Made = { file: string; plan: ClipPlan; frames: number };
    // ffmpeg's GIF of each state without gifsicle, kept for every level tried on it.
    const bases = new Map<string, Promise<Made>>();
    const encodeBase = (state: BudgetState): Promise<Made> => {
      const file = join(work, `trial-${++trial}.gif`);
      const p = applyState(plan, state);
      if (sameAsPlan(plan, state)) {
        return renderClip(
          { plan, video, captions: request.captionsFor(plan), output: file },
          options,
        ).then((made) => ({ file, plan: p, frames: made.frames }));
      }
      return encodeVariant(p, state, request.captionsFor(p), file, work, options).then(
        (frames) => ({ file, plan: p, frames }),
      );
    };
    const encode = async (state: BudgetState) => {
      const plain = { ...state, encoding: { ...state.encoding, lossy: null } };
      const k = JSON.stringify(plain);
      const base = bases.get(k) ?? encodeBase(plain);
      bases.set(k, base);
      const made = await base;
      const level = state.encoding.lossy;
      if (level === null) return { bytes: statSync(made.file).size, made };
      const file = join(work, `trial-${++trial}.gif`);
      await runGifsicle(level, made.file, file, options);
      return { bytes: statSync(file).size, made: { ...made, file } };
    };
    const found = await searchBudget(initialState(plan), maxBytes, encode);
    if (!found.ok) {
      const steps = budgetLadder(initialState(plan)).map((s) => s.step);
      throw new ReceiptsError(
        'USAGE',
        `No GIF of this clip fits in ${mb(maxBytes)}: the smallest Receipts can make ` +
          `(${steps.length > 0 ? steps.join(', ') : 'as asked'}) is ${mb(found.smallestBytes)} ` +
          `(${found.smallestBytes} bytes). Shorten the range or raise --max-bytes.`,
        { file: plan.file, timeMs: plan.startMs },
      );
    }
    const { file, plan: chosen, frames } = found.made;
    renameSync(file, output);
    const entry: CacheEntry = {
      frames,
      width: chosen.width,
      height: chosen.height,
      fps: chosen.fps,
      steps: found.steps,
    };
    if (cacheFile !== null) writeCacheEntry(cacheFile, output, entry);
    return {
      ...entry,
      path: output,
      bytes: found.bytes,
      cached: false,
      key,
      encodes: found.encodes,
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** One trial encode with a budget state's encoding; resolves to the frames written. */
async function encodeVariant(
  plan: ClipPlan,
  state: BudgetState,
  captions: string | null,
  file: string,
  work: string,
  options: RenderClipOptions,
): Promise<number> {
  let assFile: string | null = null;
  if (captions !== null) {
    assFile = join(work, `captions-${plan.width}.ass`);
    writeFileSync(assFile, captions, 'utf8');
  }
  let frames = 0;
  await runFfmpeg({
    tool: 'ffmpeg',
    args: budgetGifArgs(plan, state.encoding, assFile, file),
    file: plan.file,
    output: file,
    signal: options.signal,
    onCommand: options.onCommand,
    onStderrLine: (line) => {
      const f = /^frame=(\d+)$/u.exec(line.trim());
      if (f) frames = Number(f[1]);
    },
  });
  if (options.signal?.aborted) {
    throw new ReceiptsError('CANCELLED', 'The render was cancelled; nothing was kept.', {
      file: plan.file,
    });
  }
  if (!existsSync(file) || statSync(file).size === 0) {
    throw new ReceiptsError('MEDIA_UNREADABLE', 'ffmpeg wrote no frames for this range.', {
      file: plan.file,
      timeMs: plan.startMs,
    });
  }
  return frames;
}
