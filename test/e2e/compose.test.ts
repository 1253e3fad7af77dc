import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { CAN_RUN, openWorkbench, SHOTS, useWorkbench } from './harness.js';
import { makeLibrary } from './make-library.js';

/** The parts of a textarea the test reads (it compiles without the DOM types). */
interface TextArea {
  readonly value: string;
  readonly selectionStart: number;
}

const POST = [
  '# Fog',
  '',
  'She asks :quote{text="Would you miss me" episode=S01E01} and waits.',
  '',
  '::gif{quote="Would you miss me" episode=S01E01}',
  '',
  '::claim{text="never Mara kiss Tomas"}',
  '',
  'Then :quote{text="nobody ever says this"} again.',
].join('\n');

describe.skipIf(!CAN_RUN)('the composer in Chromium', () => {
  let page: Page;
  let url: string;

  const ui = useWorkbench('compose', async (scratch) => {
    const lib = await makeLibrary('real');
    const wb = await openWorkbench(
      scratch,
      { store: lib.store, cwd: lib.dir },
      { width: 1280, height: 900 },
    );
    return { wb, dispose: () => lib.dispose() };
  });
  beforeAll(() => {
    ({ page, url } = ui());
  });

  it('previews a post with a quote and a claim, lists its findings, and shows NPF JSON', async () => {
    await page.goto(url);
    await page.getByRole('link', { name: 'Compose' }).click();
    await page.getByLabel('Post (Markdown with directives)').fill(POST);
    // The HTML preview is a sandboxed frame holding the composed page.
    const frame = page.frameLocator('iframe[title="HTML preview"]');
    await expect
      .poll(() => frame.locator('body').textContent(), { timeout: 20_000 })
      .toMatch(/Would you miss me.*Mara Quinn/s);
    expect(await page.locator('iframe[title="HTML preview"]').getAttribute('sandbox')).toBe('');
    const finding = page.locator('.compose-findings li', { hasText: 'nobody ever says this' });
    await finding.waitFor();
    expect(await finding.locator('.place').textContent()).toBe('9:6');
    // Not fullPage: Chromium leaves a sandboxed frame blank when it resizes for a full-page shot.
    await page.screenshot({ path: join(SHOTS, '9-compose-html.png') });
    // Clicking the place moves the caret there.
    await finding.locator('.place').click();
    const caret = await page
      .getByLabel('Post (Markdown with directives)')
      .evaluate((t: TextArea) => t.value.slice(t.selectionStart, t.selectionStart + 6));
    expect(caret).toBe(':quote');

    await page.getByRole('tab', { name: 'Tumblr' }).click();
    const json = page.getByLabel('NPF JSON');
    await expect.poll(() => json.textContent(), { timeout: 20_000 }).toContain('"content": [');
    expect(await json.textContent()).toContain('"type": "image"');
    expect(await page.locator('.npf-blocks .npf-image').count()).toBe(1);
    await page.screenshot({ path: join(SHOTS, '9b-compose-tumblr.png'), fullPage: true });
  });

  it('renders the GIFs on request, as a job', async () => {
    await page.getByRole('button', { name: 'Render GIFs' }).click();
    await expect
      .poll(() => page.locator('.compose-note').textContent(), { timeout: 60_000 })
      .toMatch(/1 GIF\(s\) rendered/);
    const src = await page.locator('.npf-blocks img').getAttribute('src');
    expect(src).toMatch(/^\/api\/compose\/media\/[0-9a-f]{24}\/post-01\.gif$/);
    await page.screenshot({ path: join(SHOTS, '9c-compose-rendered.png'), fullPage: true });
  });

  it('inserts a quote from the search picker at the caret', async () => {
    const editor = page.getByLabel('Post (Markdown with directives)');
    await editor.fill('Look: ');
    await page.getByLabel('Insert a line').fill('miss me');
    await page
      .getByRole('list', { name: 'Lines to insert' })
      .getByRole('button', { name: 'Quote' })
      .first()
      .click();
    await expect
      .poll(() => editor.inputValue())
      .toMatch(/^Look: :quote\{text="Would you miss me[^"]*" episode=S01E01\}$/);
    await page.screenshot({ path: join(SHOTS, '9d-compose-picker.png'), fullPage: true });
  });

  it('inserts a GIF of a reviewed moment found by words of its description', async () => {
    const id = await page.evaluate(async () => {
      const { token } = (await (await fetch('/api/session')).json()) as { token: string };
      const r = await fetch('/api/series/the-lighthouse/episodes/S01E01/moments', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-receipts-token': token },
        body: JSON.stringify({
          term: 'stare',
          initiator: 'Tomas Reyes',
          recipients: ['Mara Quinn'],
          from: 13_000,
          to: 14_500,
          note: 'over the lens',
        }),
      });
      return ((await r.json()) as { id: string }).id;
    });
    const editor = page.getByLabel('Post (Markdown with directives)');
    await editor.fill('Then: ');
    await page.getByLabel('Insert a moment').fill('stare LENS');
    const list = page.getByRole('list', { name: 'Moments to insert' });
    // A search runs a moment after typing stops; a loaded machine answers in seconds, not one.
    const answer = { timeout: 10_000 };
    await expect
      .poll(() => list.textContent(), answer)
      .toMatch(/S01E01.*Stare.*Tomas Reyes → Mara Quinn/);
    await list.getByRole('button', { name: 'GIF' }).first().click();
    await expect.poll(() => editor.inputValue()).toBe(`Then: \n::gif{moment=${id}}\n`);
    // The insert puts the caret back in the post on the next frame; typing before that frame
    // (a loaded machine draws late) would land in the post.
    await expect.poll(() => page.locator(':focus').getAttribute('id')).toBe('compose-text');
    await page.getByLabel('Insert a moment').fill('stare nobody');
    await expect.poll(() => list.textContent(), answer).toMatch(/No reviewed moment matches/);
    await page.screenshot({ path: join(SHOTS, '9e-compose-moment-picker.png'), fullPage: true });
  });
});
