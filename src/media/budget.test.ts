import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyState,
  budgetGifArgs,
  budgetLadder,
  DEFAULT_ENCODING,
  initialState,
  LANDING,
  nextWidth,
  parseByteSize,
  searchBudget,
  type BudgetState,
} from './budget.js';
import type { ClipPlan } from './clip-plan.js';
import { renderArgs } from './gif-args.js';

const PLAN: ClipPlan = {
  file: 'ep1.mkv',
  videoStream: 0,
  format: 'gif',
  startMs: 1000,
  endMs: 4000,
  durationMs: 3000,
  requested: { startMs: 1000, endMs: 4000 },
  snapped: null,
  display: { width: 640, height: 360 },
  squarePixels: true,
  crop: null,
  width: 540,
  height: 304,
  fps: 15,
  frames: 45,
  sharpen: false,
  color: null,
};

const START = initialState(PLAN);

/** A fake encoder: bytes grow with frame rate, area and colours, and shrink with each lossy step. */
function fakeSize(state: BudgetState): number {
  const { fps, width, encoding } = state;
  const colours = 0.55 + 0.45 * (encoding.colors / 256);
  const lossy =
    (encoding.denoise === 0 ? 1 : encoding.denoise === 1 ? 0.85 : 0.7) *
    (encoding.dither === 'bayer' ? 1.1 : 1);
  return Math.round(fps * width * width * 2 * colours * lossy);
}

const fakeEncode = (seen: BudgetState[] = []) =>
  function encode(state: BudgetState) {
    seen.push(state);
    return Promise.resolve({ bytes: fakeSize(state), made: state });
  };

describe('the budget ladder', () => {
  it('goes frame rate, colours, width, then lossy, each step keeping the ones before', () => {
    const steps = budgetLadder(START).map((s) => s.step);
    expect(steps.slice(0, 5)).toEqual([
      'fps 15 -> 12',
      'fps 12 -> 10',
      'colours 256 -> 128',
      'colours 128 -> 64',
      'width 540 -> 486',
    ]);
    expect(steps.slice(-2)).toEqual(['lossy: light denoise', 'lossy: strong denoise']);
    expect(steps).not.toContain('lossy: no dithering'); // the default encoding has none
    expect(steps).toContain('width 287 -> 268'); // the two-across preset, not 258
    expect(budgetLadder(START).at(-1)?.state).toEqual({
      fps: 10,
      width: 177,
      encoding: { colors: 64, dither: 'none', denoise: 2 },
    });
  });

  it('leaves out rungs that would not reduce anything', () => {
    const steps = budgetLadder({ fps: 10, width: 268, encoding: DEFAULT_ENCODING }).map(
      (s) => s.step,
    );
    expect(steps.filter((s) => s.startsWith('fps'))).toEqual([]);
    expect(steps.filter((s) => s.startsWith('width'))).toEqual([
      'width 268 -> 241',
      'width 241 -> 217',
      'width 217 -> 195',
      'width 195 -> 177',
    ]);
    expect(
      budgetLadder({ fps: 10, width: 120, encoding: DEFAULT_ENCODING }).map((s) => s.step),
    ).not.toContain('width');
  });

  it('steps the width down a Tumblr preset or 10 %, whichever is the smaller change', () => {
    expect([540, 486, 286, 268, 190].map(nextWidth)).toEqual([486, 437, 268, 241, 177]);
  });

  it('applies a state to a plan, recomputing the height and the frame count', () => {
    const p = applyState(PLAN, { fps: 10, width: 268, encoding: DEFAULT_ENCODING });
    expect(p).toMatchObject({ fps: 10, width: 268, height: 151, frames: 30 });
  });
});

describe('searchBudget with a fake size function', () => {
  it('takes no step when the first encode fits', async () => {
    const r = await searchBudget(START, fakeSize(START), fakeEncode());
    expect(r).toMatchObject({ ok: true, steps: [], encodes: 1, bytes: fakeSize(START) });
  });

  it('reports the smallest size when even the bottom of the ladder is over, after two encodes', async () => {
    const bottom = budgetLadder(START).at(-1)!.state;
    const r = await searchBudget(START, fakeSize(bottom) - 1, fakeEncode());
    expect(r).toEqual({ ok: false, smallestBytes: fakeSize(bottom), encodes: 2 });
  });

  it('walks down the ladder until a step fits, reporting every step with the size after it', async () => {
    const seen: BudgetState[] = [];
    const budget = 2_000_000;
    const r = await searchBudget(START, budget, fakeEncode(seen));
    if (!r.ok) throw new Error('expected a fit');
    expect(r.bytes).toBeLessThanOrEqual(budget);
    expect(r.steps.slice(0, 4).map((s) => s.step)).toEqual([
      'fps 15 -> 12',
      'fps 12 -> 10',
      'colours 256 -> 128',
      'colours 128 -> 64',
    ]);
    expect(r.steps.slice(0, -1).every((s) => s.bytes > budget)).toBe(true);
    expect(r.steps.at(-1)?.bytes).toBe(r.bytes);
    expect(r.bytes).toBe(fakeSize(r.state));
    expect(r.encodes).toBe(new Set(seen.map((s) => JSON.stringify(s))).size);
  });

  it('prefers a half step that lands within 10 % under to a full step that lands far below', async () => {
    // 15 fps is just over; 12 fps lands at 80 %: 14 fps (about 93 %) is preferred.
    const budget = 8_500_000;
    expect(fakeSize(START)).toBeGreaterThan(budget);
    const r = await searchBudget(START, budget, fakeEncode());
    if (!r.ok) throw new Error('expected a fit');
    expect(fakeSize({ ...START, fps: 12 })).toBeLessThan(budget * LANDING);
    expect(r.steps).toEqual([{ step: 'fps 15 -> 14', bytes: fakeSize({ ...START, fps: 14 }) }]);
    expect(r.bytes).toBeGreaterThanOrEqual(budget * LANDING);
  });

  it('never returns a file over the budget, for any budget a GIF can meet', async () => {
    const bottom = fakeSize(budgetLadder(START).at(-1)!.state);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: bottom, max: fakeSize(START) * 2 }), async (budget) => {
        const r = await searchBudget(START, budget, fakeEncode());
        expect(r.ok).toBe(true);
        if (r.ok) expect(r.bytes).toBeLessThanOrEqual(budget);
      }),
      { numRuns: 200 },
    );
  });
});

describe('budgetGifArgs', () => {
  it('is exactly renderArgs for the default encoding', () => {
    expect(budgetGifArgs(PLAN, DEFAULT_ENCODING, 'c.ass', 'out.part')).toEqual(
      renderArgs(PLAN, 'c.ass', 'out.part'),
    );
  });

  it('sets the palette size, the dither and denoises before the captions are burned in', () => {
    const args = budgetGifArgs(
      PLAN,
      { colors: 64, dither: 'none', denoise: 2 },
      'c.ass',
      'out.part',
    );
    const graph = args[args.indexOf('-filter_complex') + 1] ?? '';
    expect(graph).toContain('[a]palettegen=max_colors=64[p];[b][p]paletteuse=dither=none[out]');
    expect(graph).toMatch(/scale=540:304:flags=lanczos,setsar=1,hqdn3d=8:6:12:9,subtitles=/u);
    expect(args.at(-1)).toBe('out.part');
  });
});

describe('parseByteSize', () => {
  it.each([
    ['300000', 300_000],
    ['300KB', 300_000],
    ['10MB', 10_000_000],
    ['5.5 MB', 5_500_000],
    ['2MiB', 2_097_152],
    ['lots', null],
    ['0', null],
    ['-5MB', null],
  ] as const)('reads %s as %s', (text, bytes) => {
    expect(parseByteSize(text)).toBe(bytes);
  });
});
