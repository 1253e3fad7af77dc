import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ingestCanon } from '../../src/app/ingest-canon.js';
import { JobRunner } from '../../src/app/workbench-jobs.js';
import { CAN_RUN, openWorkbench, SHOTS, useWorkbench } from './harness.js';
import { addAviToEpisode2, makeLibrary } from './make-library.js';

/** The parts of <video> and <img> the test reads (it compiles without the DOM types). */
interface Video {
  currentTime: number;
  readonly duration: number;
  readonly readyState: number;
}
interface Img {
  readonly complete: boolean;
  readonly naturalWidth: number;
}

describe.skipIf(!CAN_RUN)('frames, playable copies and clips in Chromium', () => {
  let page: Page;
  let url: string;
  const jobs = new JobRunner();

  const ui = useWorkbench('clips', async (scratch) => {
    const lib = await makeLibrary('real');
    addAviToEpisode2(lib.dir, 2, '320x180');
    await ingestCanon(join(lib.dir, 'lighthouse', 'canon.yaml'), lib.store, { cwd: lib.dir });
    const wb = await openWorkbench(
      scratch,
      { store: lib.store, cwd: lib.dir, jobs },
      { width: 1280, height: 900 },
      true,
    );
    return { wb, dispose: () => lib.dispose() };
  });

  beforeAll(async () => {
    ({ page, url } = ui());
    page.setDefaultTimeout(15_000);
    // The gifset's "Copy as a post directive" writes to the clipboard; the test reads it back.
    await ui().context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: url });
  });

  const setTime = async (s: number) => {
    await page.locator('video').evaluate((v: Video, t: number) => {
      v.currentTime = t;
    }, s);
    await expect
      .poll(() => page.locator('video').evaluate((v: Video) => v.currentTime))
      .toBeCloseTo(s, 1);
  };

  it('shows a frame beside each search hit that has a time and a video', async () => {
    await page.goto(`${url}#/search?q=miss%20me`);
    const thumb = page.locator('.results .hit', { hasText: 'Would you miss me' }).locator('img');
    await thumb.first().waitFor();
    await expect
      .poll(() => thumb.first().evaluate((i: Img) => i.complete && i.naturalWidth), {
        timeout: 15_000,
      })
      .toBe(192);
    await page.screenshot({ path: join(SHOTS, '12-search-frames.png'), fullPage: true });
  });

  it('prepares a playable copy of an AVI with its progress, then plays it', async () => {
    // A job ahead in the queue holds the copy at "preparing", so the page can be seen waiting.
    let release = () => {};
    jobs.start('test', 'hold the queue', () => new Promise<void>((r) => (release = r)));
    await page.goto(`${url}#/episode/the-lighthouse/S01E02`);
    await expect
      .poll(() => page.locator('.video-wait').textContent(), { timeout: 10_000 })
      .toMatch(/Preparing a playable copy… 0%.*AVI container/);
    await page.locator('.player').screenshot({ path: join(SHOTS, '13-preparing-copy.png') });
    release();
    await page.locator('video').waitFor();
    await expect
      .poll(() => page.locator('video').evaluate((v: Video) => v.readyState >= 1 && v.duration), {
        timeout: 15_000,
      })
      .toBeCloseTo(2, 0);
  });

  it('renders a 177 px GIF of the in/out range and shows it with its size', async () => {
    await page.goto(`${url}#/episode/the-lighthouse/S01E01`);
    await page.locator('.annotator').waitFor();
    await setTime(13);
    await page.keyboard.press('i');
    await setTime(14);
    await page.keyboard.press('o');
    await page.screenshot({ path: join(SHOTS, '14a-marks.png'), fullPage: true });
    const clips = page.locator('section.clips');
    await expect
      .poll(() => clips.locator('fieldset').first().textContent())
      .toMatch(/In\/out marks 0:13\.0 – 0:14\.0/);
    await clips.getByLabel('177 (three)').check();
    await expect
      .poll(() => clips.locator('.clip-preview img').getAttribute('src'))
      .toMatch(/frame\?at=13000&width=177&captions=true/);
    await clips.getByRole('button', { name: 'Render GIF' }).click();
    const facts = clips.locator('.clip-facts');
    await expect
      .poll(() => facts.textContent(), { timeout: 20_000 })
      .toMatch(/^\d+ KB of 10\.00 MB · 177×100 · 10 fps · 10 frames/);
    await expect
      .poll(() => clips.locator('.clip-result img').evaluate((i: Img) => i.naturalWidth), {
        timeout: 5000,
      })
      .toBe(177);
    expect(await clips.getByRole('link', { name: /Download S01E01-0m13s\.gif/ }).count()).toBe(1);
    await clips.screenshot({ path: join(SHOTS, '14-clip-rendered.png') });
    await page.screenshot({ path: join(SHOTS, '15-episode-with-clip.png'), fullPage: true });
  });

  it('collects two clips into a gifset, reorders them by keyboard and builds it', async () => {
    const clips = page.locator('section.clips');
    const gifset = clips.locator('section.gifset');
    // The GIF rendered above goes in first, then a second range from new in/out marks.
    await clips.locator('.clip-result').getByRole('button', { name: 'Add clip to gifset' }).click();
    await setTime(4.5);
    await page.keyboard.press('i');
    await setTime(5.5);
    await page.keyboard.press('o');
    await expect
      .poll(() => clips.locator('fieldset').first().textContent())
      .toMatch(/In\/out marks 0:04\.5 – 0:05\.5/);
    await clips.getByRole('button', { name: 'Add range to gifset' }).click();
    const items = gifset.getByRole('list', { name: 'Clips of the gifset, in order' });
    await expect
      .poll(() => items.locator('li .what').allTextContents())
      .toEqual(['S01E01 0:13.0 – 0:14.0 rendered GIF', 'S01E01 0:04.5 – 0:05.5 In/out marks']);
    // The later clip moves first with Enter; the focus follows it.
    await gifset.getByRole('button', { name: 'Move S01E01 0:04.5 – 0:05.5 earlier' }).focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => items.locator('li .what').first().textContent())
      .toMatch(/^S01E01 0:04\.5/);
    expect(await page.locator(':focus').getAttribute('aria-label')).toBe(
      'Move S01E01 0:04.5 – 0:05.5 earlier',
    );
    await gifset.getByLabel('Per row').selectOption('2');
    await gifset.getByRole('button', { name: 'Build gifset of 2' }).click();
    const facts = gifset.locator('.gifset-result .clip-facts');
    await expect
      .poll(() => facts.textContent(), { timeout: 30_000 })
      .toMatch(/^2 GIFs, \d+ KB in all · 268 px · 10 fps · 2 per row$/);
    const images = gifset.locator('.gifset-row img');
    await expect
      .poll(() => images.evaluateAll((all: Img[]) => all.map((i) => i.complete && i.naturalWidth)))
      .toEqual([268, 268]);
    const files = gifset.getByRole('list', { name: 'Files of the gifset' }).locator('li');
    expect(await files.allTextContents()).toEqual([
      expect.stringMatching(/^S01E01-set-01\.gif \d+ KB of 10\.00 MB · 268×151 · 10 frames$/),
      expect.stringMatching(/^S01E01-set-02\.gif \d+ KB of 10\.00 MB · 268×151 · 10 frames$/),
    ]);
    expect(
      await gifset.getByRole('link', { name: 'Download layout S01E01-set.gifset.json' }).count(),
    ).toBe(1);
    await gifset.getByRole('button', { name: 'Copy as a post directive' }).click();
    await expect
      .poll(() => gifset.locator('.gifset-result .job-status').textContent())
      .toBe('Copied the :::gifset directive.');
    expect(await page.evaluate<string>('navigator.clipboard.readText()')).toBe(
      [
        ':::gifset{per-row=2}',
        '::gif{episode=S01E01 from=0:04.500 to=0:05.500}',
        '::gif{episode=S01E01 from=0:13.000 to=0:14.000}',
        ':::',
      ].join('\n'),
    );
    await gifset.screenshot({ path: join(SHOTS, '16-gifset.png') });
    await page.screenshot({ path: join(SHOTS, '16b-episode-with-gifset.png'), fullPage: true });
  });
});
