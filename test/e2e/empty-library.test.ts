import { cpSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/store/sqlite/canon-store.js';
import { REPO_ROOT } from '../shared-data.js';
import { CHROMIUM, openWorkbench, SHOTS, useWorkbench, type PageProblems } from './harness.js';

const LEAD = 'No series yet. Point Receipts at a folder of episodes, subtitles and transcripts:';

// No video is needed here, so only the browser decides whether this runs.
describe.skipIf(!existsSync(CHROMIUM))('the workbench on an empty library', () => {
  let page: Page;
  let problems: PageProblems;
  let url: string;
  /** The folder the server runs in, holding the series folder the test adds. */
  let cwd: string;

  const ui = useWorkbench('empty', async (scratch) => {
    cwd = join(scratch, 'here');
    // A series as it comes: subtitles and transcripts in a folder, no canon.yaml yet.
    cpSync(join(REPO_ROOT, 'examples/lighthouse'), join(cwd, 'lighthouse'), { recursive: true });
    rmSync(join(cwd, 'lighthouse', 'canon.yaml'));
    const store = await openSqliteStore(join(scratch, 'library.db'));
    const wb = await openWorkbench(scratch, { store, cwd }, { width: 1280, height: 800 });
    return { wb, dispose: () => store.close() };
  });
  beforeAll(() => {
    ({ page, problems, url } = ui());
  });

  it('says in one sentence how to add a series, with the form and the terminal commands', async () => {
    await page.goto(url);
    const lead = page.getByText(LEAD);
    await lead.waitFor();
    expect(await lead.isVisible()).toBe(true);
    const field = page.getByLabel('Series folder or canon.yaml');
    expect(await field.isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Add series' }).isVisible()).toBe(true);
    const text = await page.locator('main').textContent();
    expect(text).toContain('receipts init <folder>');
    expect(text).toContain('receipts ingest <folder>/canon.yaml');
    // The form comes right after the sentence, before the details.
    const order = await page
      .locator('main p.lead, main form.ingest, main p.hint')
      .evaluateAll((els: { className: string }[]) => els.map((e) => e.className));
    expect(order).toEqual(['lead', 'ingest job', 'hint', 'hint']);
  });

  it('reaches the folder field from the top of the page with the Tab key', async () => {
    await page.goto(url);
    await page.getByText(LEAD).waitFor();
    // A string, as the test compiles without the DOM types.
    const focusedId = () =>
      page.evaluate<string>('document.activeElement ? document.activeElement.id : ""');
    let presses = 0;
    while ((await focusedId()) !== 'manifest' && presses < 10) {
      await page.keyboard.press('Tab');
      presses++;
    }
    expect(await focusedId()).toBe('manifest');
    // Skip link, brand, four navigation links, then the field.
    expect(presses).toBe(7);
    await page.keyboard.type('lighthouse');
    await page.screenshot({ path: join(SHOTS, '0-empty-library.png'), fullPage: true });
  });

  it('names a folder that is not there', async () => {
    const field = page.getByLabel('Series folder or canon.yaml');
    await field.fill('nowhere');
    problems.expectAnswer(404, '/api/jobs/ingest-folder');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.locator('form.ingest [role=alert]').textContent())
      .toBe('body.folder: nowhere: no such folder');
  });

  it('adds the series from its folder in one step, writing its canon.yaml', async () => {
    const field = page.getByLabel('Series folder or canon.yaml');
    await field.fill('lighthouse');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.locator('h2', { hasText: 'The Lighthouse' }).count(), { timeout: 20_000 })
      .toBe(1);
    const row = page.locator('tbody tr', { hasText: 'S01E02' });
    await expect.poll(() => row.textContent()).toMatch(/Fog Signal/);
    expect(readFileSync(join(cwd, 'lighthouse', 'canon.yaml'), 'utf8')).toMatch(/S01E01/);
    await page.screenshot({ path: join(SHOTS, '0b-library-added.png'), fullPage: true });
  });
});
