import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/server/build-server.js';
import { REPO_ROOT } from '../shared-data.js';
import { hasFfmpeg, makeLibrary, type TestLibrary } from './make-library.js';

const CHROMIUM = '/usr/bin/chromium';
const CAN_RUN = existsSync(CHROMIUM) && hasFfmpeg();
if (!CAN_RUN) {
  console.warn(
    `[receipts] ${CHROMIUM} or ffmpeg is absent: the workbench browser test is skipped (bash scripts/install-system-packages.sh installs both).`,
  );
}

/** The parts of a <video> the test reads (the test itself compiles without the DOM types). */
interface Video {
  currentTime: number;
  muted: boolean;
  play(): Promise<void>;
  pause(): void;
  readonly textTracks: ArrayLike<{ readonly cues: { readonly length: number } | null }>;
}

/** Screenshots for people to look at; kept after the run, outside the repository. */
const SHOTS = join(tmpdir(), 'receipts-workbench-screenshots');

describe.skipIf(!CAN_RUN)('the workbench in Chromium', () => {
  let lib: TestLibrary;
  let app: FastifyInstance;
  let context: BrowserContext;
  let page: Page;
  let url: string;
  const scratch = mkdtempSync(join(tmpdir(), 'receipts-e2e-'));

  beforeAll(async () => {
    lib = await makeLibrary('real');
    // Build the UI from the sources under test, so a clean clone (or a stale dist/) works.
    const webRoot = join(scratch, 'web');
    await build({
      configFile: join(REPO_ROOT, 'vite.config.ts'),
      logLevel: 'warn',
      build: { outDir: webRoot, emptyOutDir: true, sourcemap: false },
    });
    app = await buildServer({ store: lib.store, webRoot, cwd: lib.dir });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
    context = await chromium.launchPersistentContext(join(scratch, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1280, height: 800 },
      args: [
        ...['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run'],
        ...['--disable-background-networking', '--disable-component-update', '--disable-sync'],
        '--autoplay-policy=no-user-gesture-required',
      ],
    });
    page = context.pages()[0] ?? (await context.newPage());
    mkdirSync(SHOTS, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    await app?.close();
    await lib?.dispose();
    rmSync(scratch, { recursive: true, force: true });
  });

  /** The text of the highlighted line(s): one cue's two speakers are current together. */
  const current = async () =>
    (await page.locator('.lines li[aria-current="true"]').allTextContents()).join(' | ');
  const videoTime = () => page.locator('video').evaluate((v: Video) => v.currentTime);

  it('shows the library with what each episode has', async () => {
    await page.goto(url);
    await expect.poll(() => page.locator('h2', { hasText: 'The Lighthouse' }).count()).toBe(1);
    const row = page.locator('tbody tr', { hasText: 'S01E01' });
    await expect.poll(() => row.textContent()).toMatch(/The Lamp Room.*cues 100%.*yes/);
    await page.screenshot({ path: join(SHOTS, '1-library.png'), fullPage: true });
  });

  it('aligns a series as a job, following its progress over server-sent events', async () => {
    await page.getByRole('button', { name: 'Align all episodes' }).click();
    await expect.poll(() => page.locator('.series .job-status').textContent()).toBe('Aligned.');
  });

  it('ingests a canon.yaml typed into the library page', async () => {
    await page.getByLabel('Ingest a canon.yaml').fill('lighthouse/canon.yaml');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.locator('form.ingest .job-status').textContent())
      .toBe('Ingested.');
    await page.getByLabel('Ingest a canon.yaml').fill('nowhere/canon.yaml');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.locator('form.ingest [role=alert]').textContent())
      .toBe('body.manifest: nowhere/canon.yaml: no such file');
    await page.screenshot({ path: join(SHOTS, '1b-library-jobs.png'), fullPage: true });
  });

  it('searches as the user types, from the / key', async () => {
    // `/` types a slash while a field has focus; elsewhere it jumps to search.
    await page.getByLabel('Ingest a canon.yaml').blur();
    await page.keyboard.press('/');
    await expect.poll(() => page.locator(':focus').getAttribute('id')).toBe('q');
    await page.keyboard.type('miss me', { delay: 40 });
    const hit = page.locator('.results .hit', { hasText: 'Would you miss me' }).first();
    await hit.waitFor();
    expect(await hit.textContent()).toMatch(/0:13\.6\s*Mara Quinn\s*Would you miss me/);
    expect(await page.locator('.results mark').first().textContent()).toBe('miss');
    // Keyboard users see where they are: the focused hit is outlined (checked on the screenshot).
    await page.keyboard.press('Tab');
    await page.screenshot({ path: join(SHOTS, '2-search.png'), fullPage: true });
  });

  it('narrows by speaker', async () => {
    await page.getByLabel('Speaker').selectOption('Tomas Reyes');
    await expect.poll(() => page.locator('.search-count').textContent()).toMatch(/No matching/);
    await page.getByLabel('Speaker').selectOption('');
    await page.locator('.results .hit').first().waitFor();
  });

  it('opens the episode at the hit, with its line highlighted', async () => {
    await page.locator('.results .hit a', { hasText: 'Would you miss me' }).first().click();
    await page.locator('video').waitFor();
    await expect.poll(current).toContain('Would you miss me');
    await expect.poll(videoTime).toBeCloseTo(13.6, 1);
    const cues = await page
      .locator('video')
      .evaluate((v: Video) => v.textTracks[0]?.cues?.length ?? 0);
    expect(cues).toBeGreaterThan(0);
    await page.screenshot({ path: join(SHOTS, '3-episode.png'), fullPage: true });
  });

  it('seeks when a line is clicked or chosen with the keyboard', async () => {
    await page.locator('.lines button', { hasText: "You're late" }).click();
    await expect.poll(videoTime).toBeCloseTo(4.5, 1);
    await expect.poll(current).toContain("You're late");
    await page.locator('.lines button', { hasText: 'Every single night' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(current).toContain('Every single night');
  });

  it('pages to the next episode, which has no video but still its transcript', async () => {
    await page.getByRole('link', { name: 'S01E02 →' }).click();
    await page.locator('.no-video').waitFor();
    expect(await page.locator('.lines li').count()).toBeGreaterThan(3);
    await page.screenshot({ path: join(SHOTS, '5-no-video.png'), fullPage: true });
    await page.goBack();
    await page.locator('video').waitFor();
  });

  it('moves the highlight along as the video plays', async () => {
    await page.locator('.lines button', { hasText: "You're late" }).click();
    await page.locator('video').evaluate((v: Video) => {
      v.muted = true;
      return v.play();
    });
    await expect.poll(current, { timeout: 15_000 }).toContain('I had to walk round');
    expect(await videoTime()).toBeGreaterThan(7.3);
    await page.screenshot({ path: join(SHOTS, '4-playing.png'), fullPage: true });
    await page.locator('video').evaluate((v: Video) => v.pause());
  });
});
