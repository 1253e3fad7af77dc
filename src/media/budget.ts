import { WIDTH_PRESETS, type ClipPlan } from './clip-plan.js';
import { paletteStage, renderArgs } from './gif-args.js';
import { MAX_LOSSY } from './gifsicle.js';

/**
 * A GIF size budget, planned without running anything: the ladder of reductions a GIF maker
 * tries in turn (a lossless re-encode, frame rate, colours, width, then lossy compression), and
 * the search that re-encodes down the ladder until the file fits. The encoder is passed in as a
 * function, so the search is tested with a fake size function.
 */

/** Tumblr's upload limit for a GIF, 10 MB (counted in decimal, which is under it either way). */
export const DEFAULT_MAX_BYTES = 10_000_000;

/** Bumped whenever the ladder or the encodings change what a budget render makes. */
export const BUDGET_VERSION = 'budget v3 optimise,fps,colours,width,lossy gifsicle-O2';

/**
 * How the palette is made and applied, and how gifsicle re-encodes ffmpeg's GIF: `lossy` null
 * is not at all, 0 losslessly (`-O2`), N > 0 with lossy LZW (`-O2 --lossy=N`). Dithering is off
 * by default (see gif-args.ts); bayer stays selectable for comparisons.
 */
export interface GifEncoding {
  readonly colors: number;
  readonly dither: 'bayer' | 'none';
  readonly lossy: number | null;
}

/** The part of a plan the budget may change. */
export interface BudgetState {
  readonly fps: number;
  readonly width: number;
  readonly encoding: GifEncoding;
}

/** What kind of reduction a step is, in the order they are tried. */
export type StepKind = 'optimize' | 'fps' | 'colors' | 'width' | 'lossy';

/** One rung of the ladder: what it changes and the whole state after it. */
export interface BudgetStep {
  readonly kind: StepKind;
  readonly step: string;
  readonly state: BudgetState;
}

/** The encoding `gif-args` uses: one 256-colour palette, no dithering, no gifsicle. */
export const DEFAULT_ENCODING: GifEncoding = { colors: 256, dither: 'none', lossy: null };

const FPS_RUNGS = [12, 10];
const COLOR_RUNGS = [128, 64];
/** Lossy levels of the walk; the search lands between them (`nextLossyLevel`). */
const LOSSY_RUNGS = [5, 20, 80, MAX_LOSSY];

/** The state a plan starts in. */
export function initialState(plan: ClipPlan): BudgetState {
  return { fps: plan.fps, width: plan.width, encoding: DEFAULT_ENCODING };
}

/** The next width down: one Tumblr preset or 10 %, whichever is the smaller change. */
export function nextWidth(width: number): number {
  const below = Object.values(WIDTH_PRESETS).filter((w) => w < width);
  const preset = below.length === 0 ? 0 : Math.max(...below);
  return Math.max(preset, Math.round(width * 0.9));
}

/**
 * The ladder from `start`: gifsicle's lossless re-encode (about 3 % off ffmpeg's GIF, free of
 * loss), frame rate 15 -> 12 -> 10, colours 256 -> 128 -> 64, width down a preset or 10 % at a
 * time to the smallest preset (177 px, or the width asked for when that is smaller), then lossy
 * LZW at levels 5, 20, 80 and 200. Each step keeps the ones before it; rungs that would not
 * reduce anything are left out. (No dithering used to be a rung, and denoising the last one:
 * lossy LZW made smaller GIFs with a higher SSIM than either denoise; BENCHMARKS.md.)
 */
export function budgetLadder(start: BudgetState): BudgetStep[] {
  const steps: BudgetStep[] = [];
  let s = start;
  const push = (kind: StepKind, step: string, state: BudgetState) => {
    steps.push({ kind, step, state });
    s = state;
  };
  if (s.encoding.lossy === null) {
    push('optimize', 'optimise (lossless)', { ...s, encoding: { ...s.encoding, lossy: 0 } });
  }
  for (const fps of FPS_RUNGS) {
    if (fps < s.fps) push('fps', `fps ${s.fps} -> ${fps}`, { ...s, fps });
  }
  for (const colors of COLOR_RUNGS) {
    if (colors < s.encoding.colors) {
      push('colors', `colours ${s.encoding.colors} -> ${colors}`, {
        ...s,
        encoding: { ...s.encoding, colors },
      });
    }
  }
  const minWidth = Math.min(WIDTH_PRESETS.three, start.width);
  while (nextWidth(s.width) >= minWidth && nextWidth(s.width) < s.width) {
    const width = nextWidth(s.width);
    push('width', `width ${s.width} -> ${width}`, { ...s, width });
  }
  for (const lossy of LOSSY_RUNGS) {
    if (lossy > (s.encoding.lossy ?? 0)) push('lossy', `lossy ${lossy}`, withLossy(s, lossy));
  }
  return steps;
}

/** `state` with gifsicle at `level`. */
export function withLossy(state: BudgetState, level: number): BudgetState {
  return { ...state, encoding: { ...state.encoding, lossy: level } };
}

/** A lossy level tried and the bytes it made (level 0: the lossless re-encode). */
export interface LossyProbe {
  readonly level: number;
  readonly bytes: number;
}

/** Lossy levels tried at most while landing one state on the budget. */
export const MAX_LOSSY_PROBES = 5;

/**
 * log(bytes) falls about linearly in log(level + 0.5): on friday.mp4 at 540 px, 10.48 MB
 * lossless, 8.37 at 1, 6.58 at 5, 5.38 at 20, 4.34 at 80, 3.74 at 200, a slope of about 0.17.
 * So the next level is interpolated on those scales, and with no level that fits yet, that
 * slope guesses one.
 */
const x = (level: number) => Math.log(level + 0.5);
const fromX = (v: number) => Math.round(Math.exp(v) - 0.5);
const GUESS_SLOPE = 0.17;

/**
 * The next lossy level to try so the GIF lands within 10 % under `maxBytes`, aiming at 5 %
 * under, from the levels tried so far (the state's own level among them, over the budget).
 * Null when a probe already landed, when no untried level lies between the highest that is over
 * and the lowest above it that fits, or after MAX_LOSSY_PROBES.
 */
export function nextLossyLevel(probes: readonly LossyProbe[], maxBytes: number): number | null {
  const lands = (p: LossyProbe) => p.bytes <= maxBytes && p.bytes >= maxBytes * LANDING;
  if (probes.some(lands) || probes.length > MAX_LOSSY_PROBES) return null;
  const over = probes.filter((p) => p.bytes > maxBytes);
  if (over.length === 0) return null;
  const lo = over.reduce((a, b) => (b.level > a.level ? b : a));
  const fits = probes.filter((p) => p.bytes <= maxBytes && p.level > lo.level);
  const hi = fits.length === 0 ? null : fits.reduce((a, b) => (b.level < a.level ? b : a));
  const top = hi === null ? MAX_LOSSY + 1 : hi.level;
  if (top - lo.level <= 1) return null;
  const target = (maxBytes * (1 + LANDING)) / 2;
  const down = Math.log(lo.bytes / target);
  const guess =
    hi === null
      ? x(lo.level) + down / GUESS_SLOPE
      : x(lo.level) + (down / Math.log(lo.bytes / hi.bytes)) * (x(hi.level) - x(lo.level));
  return Math.min(top - 1, Math.max(lo.level + 1, fromX(guess)));
}

/**
 * A step halfway between `from` and a step's state, for when the step lands far under the
 * budget; null when there is no value in between (adjacent integers) or the step is not a
 * number halved (the lossless re-encode; lossy levels are searched by `nextLossyLevel`).
 */
export function halfStep(from: BudgetState, step: BudgetStep): BudgetStep | null {
  const to = step.state;
  if (step.kind === 'fps') {
    const fps = Math.round((from.fps + to.fps) / 2);
    return fps < from.fps && fps > to.fps
      ? { kind: 'fps', step: `fps ${from.fps} -> ${fps}`, state: { ...from, fps } }
      : null;
  }
  if (step.kind === 'colors') {
    const colors = Math.round((from.encoding.colors + to.encoding.colors) / 2);
    return {
      kind: 'colors',
      step: `colours ${from.encoding.colors} -> ${colors}`,
      state: { ...from, encoding: { ...from.encoding, colors } },
    };
  }
  if (step.kind === 'width') {
    const width = Math.round((from.width + to.width) / 2);
    return width < from.width && width > to.width
      ? { kind: 'width', step: `width ${from.width} -> ${width}`, state: { ...from, width } }
      : null;
  }
  return null;
}

/** A step taken, with the size of the GIF after it. */
export interface StepTaken {
  readonly step: string;
  readonly bytes: number;
}

export type BudgetSearch<T> =
  | {
      readonly ok: true;
      readonly state: BudgetState;
      readonly bytes: number;
      readonly steps: readonly StepTaken[];
      /** What the encoder returned for the chosen state. */
      readonly made: T;
      readonly encodes: number;
    }
  | { readonly ok: false; readonly smallestBytes: number; readonly encodes: number };

/** An encode of one state: its size, and whatever else the caller keeps of it. */
export type EncodeState<T> = (state: BudgetState) => Promise<{ bytes: number; made: T }>;

/** Within 10 % under the budget counts as landing on it. */
export const LANDING = 0.9;

/**
 * Encode `start`; when it is over `maxBytes`, encode the bottom of the ladder first (if even
 * that is over, the budget is impossible and its size is returned), then walk down the ladder
 * until a step fits. A step that fits but lands more than 10 % under the budget is retried
 * from the state before it as a half step (a lossy step: levels between, by `nextLossyLevel`),
 * then as each later kind of step alone (lossy alone: a level searched the same way); the first
 * of those that lands within 10 % under is preferred, else the step that fitted is kept.
 */
export async function searchBudget<T>(
  start: BudgetState,
  maxBytes: number,
  encode: EncodeState<T>,
): Promise<BudgetSearch<T>> {
  let encodes = 0;
  const known = new Map<string, { bytes: number; made: T }>();
  const size = async (state: BudgetState) => {
    const k = JSON.stringify(state);
    const hit = known.get(k);
    if (hit !== undefined) return hit;
    encodes++;
    const r = await encode(state);
    known.set(k, r);
    return r;
  };
  const first = await size(start);
  if (first.bytes <= maxBytes) {
    return { ok: true, state: start, bytes: first.bytes, steps: [], made: first.made, encodes };
  }
  const ladder = budgetLadder(start);
  const bottom = ladder.at(-1);
  if (bottom === undefined) return { ok: false, smallestBytes: first.bytes, encodes };
  const smallest = await size(bottom.state);
  if (smallest.bytes > maxBytes) return { ok: false, smallestBytes: smallest.bytes, encodes };

  const lands = (bytes: number) => bytes <= maxBytes && bytes >= maxBytes * LANDING;
  /** Lossy levels on `from` (over the budget), from `fitted` when a level is known to fit. */
  const landLossy = async (from: BudgetState, fromBytes: number, fitted: LossyProbe | null) => {
    const probes: LossyProbe[] = [{ level: from.encoding.lossy ?? 0, bytes: fromBytes }];
    if (fitted !== null) probes.push(fitted);
    for (let level = nextLossyLevel(probes, maxBytes); level !== null;) {
      probes.push({ level, bytes: (await size(withLossy(from, level))).bytes });
      level = nextLossyLevel(probes, maxBytes);
    }
    const landed = probes.find((p) => lands(p.bytes));
    if (landed === undefined) return null;
    const state = withLossy(from, landed.level);
    const step: BudgetStep = { kind: 'lossy', step: `lossy ${landed.level}`, state };
    return { step, r: await size(state) };
  };

  const taken: StepTaken[] = [];
  let from = start;
  let fromBytes = first.bytes;
  for (const [i, step] of ladder.entries()) {
    const r = await size(step.state);
    if (r.bytes > maxBytes) {
      taken.push({ step: step.step, bytes: r.bytes });
      from = step.state;
      fromBytes = r.bytes;
      continue;
    }
    let chosen = { step, r };
    if (r.bytes < maxBytes * LANDING) {
      for (const alt of alternatives(from, step, ladder.slice(i + 1))) {
        if (alt === 'lossy') {
          const fitted =
            step.kind === 'lossy'
              ? { level: step.state.encoding.lossy ?? 0, bytes: r.bytes }
              : null;
          const landed = await landLossy(from, fromBytes, fitted);
          if (landed !== null) {
            chosen = landed;
            break;
          }
          continue;
        }
        const a = await size(alt.state);
        if (lands(a.bytes)) {
          chosen = { step: alt, r: a };
          break;
        }
      }
    }
    taken.push({ step: chosen.step.step, bytes: chosen.r.bytes });
    return {
      ok: true,
      state: chosen.step.state,
      bytes: chosen.r.bytes,
      steps: taken,
      made: chosen.r.made,
      encodes,
    };
  }
  // Unreachable: the bottom of the ladder fits.
  return { ok: false, smallestBytes: smallest.bytes, encodes };
}

/**
 * Gentler steps from `from` than `step`: its half step, then the first later step of each kind
 * alone; `'lossy'` stands for a search of lossy levels on `from`.
 */
function alternatives(
  from: BudgetState,
  step: BudgetStep,
  later: readonly BudgetStep[],
): (BudgetStep | 'lossy')[] {
  if (step.kind === 'lossy') return ['lossy'];
  const out: (BudgetStep | 'lossy')[] = [];
  const half = halfStep(from, step);
  if (half !== null) out.push(half);
  const kinds = new Set<StepKind>([step.kind]);
  for (const next of later) {
    if (kinds.has(next.kind)) continue;
    kinds.add(next.kind);
    if (next.kind === 'lossy') {
      out.push('lossy');
      continue;
    }
    const alone = applyChange(from, next);
    if (alone !== null) out.push(alone);
  }
  return out;
}

/** `next`'s own change applied to `from` instead of to the state before `next`. */
function applyChange(from: BudgetState, next: BudgetStep): BudgetStep | null {
  switch (next.kind) {
    case 'optimize':
    case 'fps':
    case 'lossy':
      return null;
    case 'colors':
      return {
        ...next,
        state: { ...from, encoding: { ...from.encoding, colors: next.state.encoding.colors } },
      };
    case 'width': {
      const width = nextWidth(from.width);
      return { kind: 'width', step: `width ${from.width} -> ${width}`, state: { ...from, width } };
    }
  }
}

/** The plan with a budget state applied: frame rate, width, the height and frames that follow. */
export function applyState(plan: ClipPlan, state: BudgetState): ClipPlan {
  const kept = plan.crop ?? plan.display;
  const height = Math.max(1, Math.round((state.width * kept.height) / kept.width));
  return {
    ...plan,
    fps: state.fps,
    width: state.width,
    height,
    frames: Math.max(1, Math.round((plan.durationMs * state.fps) / 1000)),
  };
}

/**
 * ffmpeg arguments for a GIF of `plan` with `encoding`'s palette: the arguments of `renderArgs`
 * with the palette stage replaced (`colors` entries, `dither`). gifsicle's pass, when the
 * encoding has one, runs on the file afterwards.
 */
export function budgetGifArgs(
  plan: ClipPlan,
  encoding: GifEncoding,
  assFile: string | null,
  output: string,
): string[] {
  const args = renderArgs(plan, assFile, output);
  const at = args.indexOf('-filter_complex');
  const graph = args[at + 1];
  const plain = paletteStage(256, 'none');
  if (plan.format !== 'gif' || at < 0 || graph?.endsWith(`${plain}[out]`) !== true) {
    throw new Error('budgetGifArgs is for GIF plans, whose arguments hold a filter graph');
  }
  const palette = paletteStage(encoding.colors, encoding.dither);
  args[at + 1] = `${graph.slice(0, -`${plain}[out]`.length)}${palette}[out]`;
  return args;
}

/**
 * A byte size: `2000000`, `300KB`, `10MB`, `5.5 MB`, `2MiB`. KB and MB are decimal (a budget
 * in them is never over a limit counted in KiB or MiB); null when the text is not a size.
 */
export function parseByteSize(text: string): number | null {
  const m = /^(\d+(?:\.\d+)?)\s*(b|kb|k|mb|m|kib|mib)?$/iu.exec(text.trim());
  if (!m) return null;
  const unit = (m[2] ?? 'b').toLowerCase();
  const scales: Readonly<Record<string, number>> = {
    k: 1e3,
    kb: 1e3,
    m: 1e6,
    mb: 1e6,
    kib: 1024,
    mib: 1024 * 1024,
  };
  const scale = scales[unit] ?? 1;
  const bytes = Math.round(Number(m[1]) * scale);
  return bytes > 0 ? bytes : null;
}
