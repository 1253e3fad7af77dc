import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  CAN_RUN,
  CHROMIUM,
  openWorkbench,
  SHOTS,
  useWorkbench,
  type PageProblems,
} from './harness.js';
import { makeLibrary } from './make-library.js';

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

describe.skipIf(!CAN_RUN)('the workbench in Chromium', () => {
  let page: Page;
  let problems: PageProblems;
  let url: string;

  const ui = useWorkbench('workbench', async (scratch) => {
    const lib = await makeLibrary('real');
    const wb = await openWorkbench(
      scratch,
      { store: lib.store, cwd: lib.dir },
      { width: 1280, height: 800 },
      true,
    );
    return { wb, dispose: () => lib.dispose() };
  });
  beforeAll(() => {
    ({ page, problems, url } = ui());
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
    await page.getByLabel('Series folder or canon.yaml').fill('lighthouse/canon.yaml');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.locator('form.ingest .job-status').textContent())
      .toBe('Ingested.');
    await page.getByLabel('Series folder or canon.yaml').fill('nowhere/canon.yaml');
    problems.expectAnswer(404, '/api/jobs/ingest');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.locator('form.ingest [role=alert]').textContent())
      .toBe('body.manifest: nowhere/canon.yaml: no such file');
    await page.screenshot({ path: join(SHOTS, '1b-library-jobs.png'), fullPage: true });
  });

  it('searches as the user types, from the / key', async () => {
    // `/` types a slash while a field has focus; elsewhere it jumps to search.
    await page.getByLabel('Series folder or canon.yaml').blur();
    await page.keyboard.press('/');
    await expect.poll(() => page.locator(':focus').getAttribute('id')).toBe('q');
    await page.keyboard.type('miss me', { delay: 40 });
    const hit = page.locator('.results .hit', { hasText: 'Would you miss me' }).first();
    await hit.waitFor();
    expect(await hit.textContent()).toMatch(/0:13\.6\s*Mara Quinn\s*Would you miss me/);
    expect(await page.locator('.results mark').first().textContent()).toBe('miss');
    // The hit's frame comes from the video (made by ffmpeg on first request, which takes
    // more than the default second on a busy machine).
    await expect
      .poll(
        () => hit.locator('img.thumb').evaluate((i: { naturalWidth: number }) => i.naturalWidth),
        { timeout: 15_000 },
      )
      .toBe(192);
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

  it('counts up to 100 while typing, and every match on request', async () => {
    // The example series has too few lines to reach 100: its answer is shown as a capped one.
    const asked: string[] = [];
    await page.route('**/api/search?*', async (route) => {
      const url = new URL(route.request().url());
      asked.push(url.searchParams.get('count') ?? '');
      if (url.searchParams.get('count') === 'all') return route.continue();
      const answer = (await (await route.fetch()).json()) as Record<string, unknown>;
      await route.fulfill({ json: { ...answer, total: 100, totalCapped: true } });
    });
    await page.locator('#q').fill('the');
    await expect
      .poll(() => page.locator('.search-count').textContent())
      .toMatch(/of 100\+ matching lines Count all$/);
    await page.getByRole('button', { name: 'Count all' }).focus();
    await page.screenshot({ path: join(SHOTS, '2b-search-count.png') });
    await page.getByRole('button', { name: 'Count all' }).click();
    await expect
      .poll(() => page.locator('.search-count').textContent())
      .toMatch(/^\d+ of \d+ matching lines$/);
    expect(asked).toContain('100');
    expect(asked.at(-1)).toBe('all');
    await page.unroute('**/api/search?*');
    // A new query counts up to 100 again.
    await page.locator('#q').fill('miss me');
    await page.locator('.results .hit', { hasText: 'Would you miss me' }).first().waitFor();
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

describe.skipIf(!CAN_RUN)('annotating and checking claims in Chromium', () => {
  let page: Page;
  let problems: PageProblems;
  let url: string;

  const ui = useWorkbench('workbench', async (scratch) => {
    const lib = await makeLibrary('real');
    const wb = await openWorkbench(
      scratch,
      { store: lib.store, cwd: lib.dir, author: 'e2e' },
      { width: 1280, height: 900 },
      true,
    );
    return { wb, dispose: () => lib.dispose() };
  });
  beforeAll(() => {
    ({ page, problems, url } = ui());
  });

  const videoTime = () => page.locator('video').evaluate((v: Video) => v.currentTime);
  const setTime = async (s: number) => {
    await page.locator('video').evaluate((v: Video, t: number) => {
      v.currentTime = t;
    }, s);
    await expect.poll(videoTime).toBeCloseTo(s, 1);
  };

  it('suggests moments in the episode and accepts one with the A key', async () => {
    await page.goto(`${url}#/episode/the-lighthouse/S01E01`);
    await page.locator('.annotator').waitFor();
    await page.getByRole('button', { name: 'Suggest moments' }).click();
    // The first suggest loads the tagger: allow it a while.
    await expect
      .poll(() => page.locator('.episode-actions .job-status').first().textContent(), {
        timeout: 20_000,
      })
      .toBe('Suggested 1.');
    await expect
      .poll(() => page.locator('.queue .direction p').textContent())
      .toBe('He takes her hand.');
    expect(await page.locator('.queue .proposal').textContent()).toMatch(
      /Hold hands.*Tomas Reyes → Mara Quinn/,
    );
    expect(await page.locator('.bar.suggested').count()).toBe(1);
    expect(await page.locator('.line.has-moment.suggested').count()).toBe(1);
    await page.screenshot({ path: join(SHOTS, '6-review-queue.png'), fullPage: true });
    await page.keyboard.press('a');
    await expect.poll(() => page.locator('.bar.confirmed').count()).toBe(1);
    expect(await page.locator('.bar.suggested').count()).toBe(0);
    expect(await page.locator('.queue').textContent()).toMatch(/No suggestions wait/);
  });

  it('steps one frame with . and , at the frame rate the page probed (10 fps)', async () => {
    // Opening the episode probed its video (to know it plays), so the rate is the file's.
    await setTime(5);
    await page.keyboard.press('.');
    await expect.poll(videoTime).toBeCloseTo(5.125, 2);
    await page.keyboard.press(',');
    await expect.poll(videoTime).toBeCloseTo(5.025, 2);
  });

  it('adds a moment with I and O, picking the term, initiator and recipient with keys', async () => {
    await setTime(9);
    await page.keyboard.press('i');
    await setTime(10.5);
    await page.keyboard.press('o');
    const form = page.locator('form.moment-form');
    await form.waitFor();
    expect(await form.locator('.span').textContent()).toMatch(/0:09\.0 – 0:10\.5/);
    await form.getByLabel('Tier').selectOption('gaze');
    await page.keyboard.press('2');
    expect(await form.locator('.terms label.chosen').textContent()).toMatch(/Look away/);
    // People are numbered, those who speak most in the episode first: B then a number picks
    // the initiator, T then a number adds a recipient.
    const keyOf = async (name: string) =>
      (await form.locator('.recipients label', { hasText: name }).locator('kbd').textContent())!;
    await page.keyboard.press('b');
    expect(await form.locator('.people [role="status"]').textContent()).toMatch(/Initiator: press/);
    await page.keyboard.press(await keyOf('Tomas Reyes'));
    await page.keyboard.press('t');
    await page.keyboard.press(await keyOf('Mara Quinn'));
    expect(await form.getByLabel('Initiator').inputValue()).toBe('Tomas Reyes');
    expect(await form.getByRole('checkbox', { name: 'Mara Quinn' }).isChecked()).toBe(true);
    // The term chosen before is kept: the numbers went to the people.
    expect(await form.locator('.terms label.chosen').textContent()).toMatch(/Look away/);
    await page.screenshot({ path: join(SHOTS, '7-add-moment.png'), fullPage: true });
    await form.getByRole('button', { name: 'Save moment' }).click();
    await expect.poll(() => page.locator('.bar.confirmed').count()).toBe(2);
    expect(await page.locator('.moment-details').textContent()).toMatch(
      /Look away.*Tomas Reyes → Mara Quinn.*0:09\.0 – 0:10\.5.*e2e/,
    );
    await page.keyboard.press('+');
    await page.keyboard.press('+');
    expect(await page.locator('.zoom-level').textContent()).toBe('4×');
    // Not a full-page shot: resizing the viewport for one resets the timeline's scroll.
    await page.locator('.annotator').screenshot({ path: join(SHOTS, '8-moment-zoomed.png') });
    await page.keyboard.press('-');
    await page.keyboard.press('-');
  });

  it('shows the app message when an edit was overtaken by another change', async () => {
    // Someone else edits the moment after the page read it.
    const stale = await page.evaluate(async () => {
      const { token } = (await (await fetch('/api/session')).json()) as { token: string };
      const view = (await (
        await fetch('/api/series/the-lighthouse/episodes/S01E01/moments')
      ).json()) as { moments: { id: string; version: number; term: string }[] };
      const m = view.moments.find((x) => x.term === 'look-away')!;
      await fetch(`/api/moments/${m.id}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', 'x-receipts-token': token },
        body: JSON.stringify({ version: m.version, note: 'from elsewhere' }),
      });
      return m.id;
    });
    await page.locator('.moment-details').getByRole('button', { name: 'Edit' }).click();
    const form = page.locator('form.moment-form');
    await form.getByLabel('Note').fill('mine');
    problems.expectAnswer(409, `/api/moments/${stale}`);
    await form.getByRole('button', { name: 'Save changes' }).click();
    await expect
      .poll(() => form.locator('[role=alert]').textContent())
      .toMatch(/someone changed it since/);
    await page.screenshot({ path: join(SHOTS, '9-stale-edit.png'), fullPage: true });
    await form.getByRole('button', { name: /Cancel/ }).click();
    await expect
      .poll(() => page.locator('.moment-details').textContent())
      .toMatch(/from elsewhere/);
  });

  it('marks the episode reviewed once no suggestion waits', async () => {
    await page.getByRole('button', { name: 'Mark episode reviewed' }).click();
    await expect
      .poll(() => page.locator('.episode-actions [role=status]').textContent())
      .toBe('S01E01 is marked as fully reviewed.');
  });

  it('checks a claim on the Claims page and opens its evidence', async () => {
    await page.getByRole('link', { name: 'Claims' }).click();
    await page.getByLabel('Claim', { exact: true }).fill('only Tomas hold-hands Mara in S01E01');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.locator('.verdict .verdict-badge').textContent())
      .toBe('Supported');
    expect(await page.locator('.verdict .evidence').first().textContent()).toMatch(
      /S01E01.*He takes her hand\..*The Lamp Room\.txt:14/,
    );
    // S01E02 was neither reviewed nor read by the suggester: its kiss is a direction to review.
    await page.getByLabel('Claim', { exact: true }).fill('never Mara kiss Tomas');
    await page.getByLabel(/Include suggestions/).check();
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await expect
      .poll(() => page.locator('.verdict .verdict-badge').textContent())
      .toBe('Not enough coverage');
    expect(page.url()).toContain('suggested=1');
    const unread = page.locator('.evidence-list', { hasText: 'Stage directions to review' });
    expect(await unread.locator('.evidence').textContent()).toMatch(
      /S01E02.*Mara kisses Tomas\..*Fog Signal\.txt:12/,
    );
    expect(await page.locator('.coverage-box').textContent()).toMatch(
      /1 of 2 episodes in range covered.*Not covered: S01E02/,
    );
    await page.screenshot({ path: join(SHOTS, '10-claim.png'), fullPage: true });
    await unread.locator('.evidence a').first().click();
    await page.locator('.annotator').waitFor();
    expect(await page.locator('h1').textContent()).toMatch(/S01E02/);
    await expect
      .poll(() => page.locator('.lines li[aria-current="true"]').textContent())
      .toMatch(/Mara kisses Tomas/);
  });

  it('checks the claims of a pasted draft', async () => {
    await page.goBack();
    await page.getByLabel(/Paste a draft/).fill('A quiet episode.\n\nMara never kisses Tomas.\n');
    await page.getByRole('button', { name: 'Check draft' }).click();
    const finding = page.locator('.finding').first();
    await finding.waitFor();
    expect(await finding.locator('summary').textContent()).toMatch(
      /3:1\s*Not enough coverage\s*Mara never kisses Tomas\./,
    );
    await finding.locator('summary').click();
    await page.screenshot({ path: join(SHOTS, '11-draft.png'), fullPage: true });
  });
});
