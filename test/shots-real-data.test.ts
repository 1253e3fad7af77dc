import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { probeVideo } from '../src/media/probe.js';
import { detectShots, planShots } from '../src/media/shots.js';
import { HAS_SHARED_DATA, REPO_ROOT, sharedData } from './shared-data.js';

interface ShotsFixture {
  readonly file: string;
  readonly fps: number;
  readonly frames: number;
  readonly cuts: readonly { readonly ms: number; readonly frame: number }[];
  readonly fades: readonly unknown[];
}

const fixture = JSON.parse(
  readFileSync(
    join(REPO_ROOT, 'test/fixtures/shots/tears-of-steel-battle-clip-medium.json'),
    'utf8',
  ),
) as ShotsFixture;

describe.skipIf(!HAS_SHARED_DATA)('shot cuts of a real film clip (hand-checked)', () => {
  it('finds the hand-checked cuts of the Tears of Steel battle clip with F1 >= 0.95', async () => {
    const file = sharedData(fixture.file);
    const planned = planShots(file, await probeVideo(file));
    if (!planned.ok) throw new Error(planned.reasons.join('; '));
    const shots = await detectShots(planned.plan);
    expect(shots.frames).toBe(fixture.frames);
    // A detected cut matches a true one within one frame; each true cut matches once.
    const unmatched = [...fixture.cuts.map((c) => c.frame)];
    let hits = 0;
    for (const c of shots.cuts) {
      const i = unmatched.findIndex((t) => Math.abs(t - c.frame) <= 1);
      if (i >= 0) {
        hits++;
        unmatched.splice(i, 1);
      }
    }
    const precision = hits / shots.cuts.length;
    const recall = hits / fixture.cuts.length;
    const f1 = (2 * precision * recall) / (precision + recall);
    expect(f1, `missed ${unmatched.join(', ')}`).toBeGreaterThanOrEqual(0.95);
    expect(shots.fades).toEqual(fixture.fades);
  }, 60_000);
});
