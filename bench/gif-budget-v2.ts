// The size budget's ladder as it was before gifsicle (`budget v2`: frame rate, colours, width,
// then hqdn3d denoising), kept verbatim from src/media/budget.ts so bench/gif-budget.ts can run
// it beside the current ladder in the same process. Bench only; nothing in src/ imports it.
import { WIDTH_PRESETS, type ClipPlan } from '../src/media/clip-plan.js';
import { paletteStage, renderArgs, subtitlesFilter, videoFilters } from '../src/media/gif-args.js';
import { LANDING, nextWidth, type StepTaken } from '../src/media/budget.js';

export const BUDGET_VERSION_V2 = 'budget v2 fps,colours,width,denoise';

/**
 * How the palette is made and applied; denoise 1 and 2 are mild and strong `hqdn3d`. Dithering
 * is off by default (see gif-args.ts); bayer stays selectable for comparisons.
 */
export interface GifEncodingV2 {
  readonly colors: number;
  readonly dither: 'bayer' | 'none';
  readonly denoise: 0 | 1 | 2;
}

/** The part of a plan the budget may change. */
export interface BudgetStateV2 {
  readonly fps: number;
  readonly width: number;
  readonly encoding: GifEncodingV2;
}

/** What kind of reduction a step is, in the order they are tried. */
type StepKind = 'fps' | 'colors' | 'width' | 'lossy';

/** One rung of the ladder: what it changes and the whole state after it. */
interface BudgetStep {
  readonly kind: StepKind;
  readonly step: string;
  readonly state: BudgetStateV2;
}

/** The encoding `gif-args` uses: one 256-colour palette, no dithering, no denoising. */
export const DEFAULT_ENCODING_V2: GifEncodingV2 = { colors: 256, dither: 'none', denoise: 0 };

const FPS_RUNGS = [12, 10];
const COLOR_RUNGS = [128, 64];
const DENOISE = ['', 'hqdn3d=4:3:6:4', 'hqdn3d=8:6:12:9'] as const;

/**
 * The ladder from `start`: frame rate 15 -> 12 -> 10, colours 256 -> 128 -> 64, width down a
 * preset or 10 % at a time to the smallest preset (177 px, or the width asked for when that is
 * smaller), then mild and strong denoising. Each step keeps the ones before it; rungs that would
 * not reduce anything are left out. (No dithering used to be a rung; it is the default now.)
 */
export function budgetLadderV2(start: BudgetStateV2): BudgetStep[] {
  const steps: BudgetStep[] = [];
  let s = start;
  const push = (kind: StepKind, step: string, state: BudgetStateV2) => {
    steps.push({ kind, step, state });
    s = state;
  };
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
  const lossy: readonly [string, Partial<GifEncodingV2>][] = [
    ['lossy: light denoise', { denoise: 1 }],
    ['lossy: strong denoise', { denoise: 2 }],
  ];
  for (const [step, change] of lossy) {
    const encoding = { ...s.encoding, ...change };
    if (JSON.stringify(encoding) !== JSON.stringify(s.encoding)) {
      push('lossy', step, { ...s, encoding });
    }
  }
  return steps;
}

/**
 * A step halfway between `from` and a step's state, for when the step lands far under the
 * budget; null when there is no value in between (lossy steps, adjacent integers).
 */
function halfStep(from: BudgetStateV2, step: BudgetStep): BudgetStep | null {
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

export type BudgetSearchV2<T> =
  | {
      readonly ok: true;
      readonly state: BudgetStateV2;
      readonly bytes: number;
      readonly steps: readonly StepTaken[];
      /** What the encoder returned for the chosen state. */
      readonly made: T;
      readonly encodes: number;
    }
  | { readonly ok: false; readonly smallestBytes: number; readonly encodes: number };

/**
 * Encode `start`; when it is over `maxBytes`, encode the bottom of the ladder first (if even
 * that is over, the budget is impossible and its size is returned), then walk down the ladder
 * until a step fits. A step that fits but lands more than 10 % under the budget is retried
 * from the state before it as a half step, then as each later kind of step alone; the first of
 * those that lands within 10 % under is preferred, else the step that fitted is kept.
 */
export async function searchBudgetV2<T>(
  start: BudgetStateV2,
  maxBytes: number,
  encode: (state: BudgetStateV2) => Promise<{ bytes: number; made: T }>,
): Promise<BudgetSearchV2<T>> {
  let encodes = 0;
  const known = new Map<string, { bytes: number; made: T }>();
  const size = async (state: BudgetStateV2) => {
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
  const ladder = budgetLadderV2(start);
  const bottom = ladder.at(-1);
  if (bottom === undefined) return { ok: false, smallestBytes: first.bytes, encodes };
  const smallest = await size(bottom.state);
  if (smallest.bytes > maxBytes) return { ok: false, smallestBytes: smallest.bytes, encodes };

  const taken: StepTaken[] = [];
  let from = start;
  for (const [i, step] of ladder.entries()) {
    const r = await size(step.state);
    if (r.bytes > maxBytes) {
      taken.push({ step: step.step, bytes: r.bytes });
      from = step.state;
      continue;
    }
    let chosen = { step, r };
    if (r.bytes < maxBytes * LANDING) {
      for (const alt of alternatives(from, step, ladder.slice(i + 1))) {
        const a = await size(alt.state);
        if (a.bytes <= maxBytes && a.bytes >= maxBytes * LANDING) {
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

/** Gentler steps from `from` than `step`: its half step, then the first later step of each kind. */
function alternatives(
  from: BudgetStateV2,
  step: BudgetStep,
  later: readonly BudgetStep[],
): BudgetStep[] {
  const out: BudgetStep[] = [];
  const half = halfStep(from, step);
  if (half !== null) out.push(half);
  const kinds = new Set<StepKind>([step.kind]);
  for (const next of later) {
    if (kinds.has(next.kind)) continue;
    kinds.add(next.kind);
    const alone = applyChange(from, next);
    if (alone !== null) out.push(alone);
  }
  return out;
}

/** `next`'s own change applied to `from` instead of to the state before `next`. */
function applyChange(from: BudgetStateV2, next: BudgetStep): BudgetStep | null {
  switch (next.kind) {
    case 'fps':
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
    case 'lossy':
      return { ...next, state: { ...from, encoding: { ...from.encoding, denoise: 1 } } };
  }
}

/**
 * ffmpeg arguments for a GIF of `plan` with `encoding`: the arguments of `renderArgs` with the
 * filter graph replaced. Denoising runs before the captions are burned in, so their edges
 * stay sharp; the palette has `colors` entries.
 */
export function budgetGifArgsV2(
  plan: ClipPlan,
  encoding: GifEncodingV2,
  assFile: string | null,
  output: string,
): string[] {
  const args = renderArgs(plan, assFile, output);
  const at = args.indexOf('-filter_complex');
  if (plan.format !== 'gif' || at < 0) {
    throw new Error('budgetGifArgs is for GIF plans, whose arguments hold a filter graph');
  }
  const filters = [
    ...videoFilters(plan, null),
    encoding.denoise === 0 ? null : DENOISE[encoding.denoise],
    assFile === null ? null : subtitlesFilter(assFile),
  ].filter((f) => f !== null);
  const palette = paletteStage(encoding.colors, encoding.dither);
  args[at + 1] = `[0:${plan.videoStream}]${filters.join(',')},${palette}[out]`;
  return args;
}
