import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { defaultWorkbenchCaches } from '../../src/app/workbench-clips.js';
import { buildServer, type ServerDeps } from '../../src/server/build-server.js';
import { REPO_ROOT } from '../shared-data.js';
import { hasFfmpeg } from './make-library.js';

// What every browser test of the workbench shares: Debian's Chromium, the UI built from the
// sources under test, a server on an ephemeral port.

export const CHROMIUM = '/usr/bin/chromium';
export const CAN_RUN = existsSync(CHROMIUM) && hasFfmpeg();

/** Screenshots for people to look at; kept after the run, outside the repository. */
export const SHOTS = join(tmpdir(), 'receipts-workbench-screenshots');

/** Build the web UI into `outDir` from the sources, so a clean clone (or a stale dist/) works. */
export async function buildUi(outDir: string): Promise<string> {
  await build({
    configFile: join(REPO_ROOT, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, sourcemap: false },
  });
  return outDir;
}

/** Listen on a free local port; the page's address. */
export async function listenLocal(app: FastifyInstance): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
}

/** Headless Chromium with a fresh profile, started as STACK-NOTES.md says it must be here. */
export async function launchChromium(
  profile: string,
  viewport: { width: number; height: number },
  autoplay = false,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport,
    args: [
      ...['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run'],
      ...['--disable-background-networking', '--disable-component-update', '--disable-sync'],
      ...(autoplay ? ['--autoplay-policy=no-user-gesture-required'] : []),
    ],
  });
  return { context, page: context.pages()[0] ?? (await context.newPage()) };
}

/**
 * Console errors and uncaught exceptions of a page, as one line each. The workbench must run
 * without either, so every browser test asks for them after each step and expects none.
 */
export class PageProblems {
  private seen: string[] = [];
  private expected: { status: number; path: string }[] = [];

  constructor(page: Page) {
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      const where = message.location().url;
      if (this.wasExpected(message.text(), where)) return;
      this.seen.push(`console.error: ${message.text()}${where ? ` (${where})` : ''}`);
    });
    page.on('pageerror', (error) => {
      this.seen.push(`uncaught: ${error.message}`);
    });
  }

  /**
   * An error answer the next step provokes on purpose (a mistyped path, a stale edit) and the
   * page shows. Chromium logs every 4xx/5xx answer as a console error, handled or not; this
   * lets exactly one such answer, of this status for this path, through.
   */
  expectAnswer(status: number, path: string): void {
    this.expected.push({ status, path });
  }

  /** What was recorded since the last call; the list starts afresh. */
  take(): string[] {
    const taken = this.seen;
    this.seen = [];
    return taken;
  }

  private wasExpected(text: string, url: string): boolean {
    const status = /status of (\d{3})/u.exec(text)?.[1];
    if (status === undefined || url === '') return false;
    const path = new URL(url).pathname;
    const i = this.expected.findIndex((e) => String(e.status) === status && e.path === path);
    if (i < 0) return false;
    this.expected.splice(i, 1);
    return true;
  }
}

/** A workbench under test: the server listening locally, and Chromium on its page. */
export interface OpenWorkbench {
  readonly app: FastifyInstance;
  readonly url: string;
  readonly context: BrowserContext;
  readonly page: Page;
  readonly problems: PageProblems;
  /** Closes the browser and the server (the caller owns the library). */
  close(): Promise<void>;
}

/**
 * Build the UI into `scratch`, serve `deps` (caches in `scratch` too) on a free local port and
 * open Chromium with a fresh profile there, collecting the page's problems.
 */
export async function openWorkbench(
  scratch: string,
  deps: Omit<ServerDeps, 'webRoot'>,
  viewport: { width: number; height: number },
  autoplay = false,
): Promise<OpenWorkbench> {
  const webRoot = await buildUi(join(scratch, 'web'));
  const app = await buildServer({
    caches: defaultWorkbenchCaches(join(scratch, 'cache')),
    ...deps,
    webRoot,
  });
  const url = await listenLocal(app);
  const { context, page } = await launchChromium(join(scratch, 'profile'), viewport, autoplay);
  mkdirSync(SHOTS, { recursive: true });
  return {
    app,
    url,
    context,
    page,
    problems: new PageProblems(page),
    close: async () => {
      await context.close();
      await app.close();
    },
  };
}

/**
 * The hooks of a browser test file: before all, `open` sets up its library in a fresh scratch
 * folder and opens the workbench on it; after each test the page must have logged no problem;
 * after all, browser, server and library close and the scratch folder goes. Answers the
 * workbench once opened.
 */
export function useWorkbench(
  name: string,
  open: (scratch: string) => Promise<{ wb: OpenWorkbench; dispose?: () => Promise<void> }>,
): () => OpenWorkbench {
  const scratch = mkdtempSync(join(tmpdir(), `receipts-e2e-${name}-`));
  let opened: { wb: OpenWorkbench; dispose?: () => Promise<void> } | undefined;
  beforeAll(async () => {
    opened = await open(scratch);
  }, 120_000);
  afterEach(() => {
    const problems = opened?.wb.problems.take() ?? [];
    expect(problems, 'console errors or uncaught exceptions in the page').toEqual([]);
  });
  afterAll(async () => {
    await opened?.wb.close();
    await opened?.dispose?.();
    rmSync(scratch, { recursive: true, force: true });
  });
  return () => {
    if (opened === undefined) throw new Error('the workbench did not open');
    return opened.wb;
  };
}
