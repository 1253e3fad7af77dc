import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inProcessRunner } from './run-cli.js';

describe('receipts cache', () => {
  const dir = mkdtempSync(join(tmpdir(), 'receipts-cli-cache-'));
  const cacheHome = join(dir, 'cache');
  const receipts = inProcessRunner(join(dir, 'library.db'), dir);
  const before = process.env.XDG_CACHE_HOME;

  beforeAll(() => {
    // env-paths reads XDG_CACHE_HOME at each call: the command's caches land in this folder.
    process.env.XDG_CACHE_HOME = cacheHome;
    mkdirSync(join(cacheHome, 'receipts', 'renders'), { recursive: true });
    writeFileSync(join(cacheHome, 'receipts', 'renders', 'a.gif'), Buffer.alloc(2_500_000));
  });
  afterAll(() => {
    if (before === undefined) delete process.env.XDG_CACHE_HOME;
    else process.env.XDG_CACHE_HOME = before;
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows what each cache folder holds and may hold', async () => {
    const r = await receipts('cache');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/renders\s+2\.5 MB\s+2\.0 GB/);
    expect(r.out).toMatch(/proxies\s+0\.0 MB\s+20\.0 GB/);
    const json = JSON.parse((await receipts('cache', '--json')).out) as {
      name: string;
      bytes: number;
    }[];
    expect(json.find((c) => c.name === 'renders')?.bytes).toBe(2_500_000);
  });

  it('empties them with --clear and says how much it freed', async () => {
    const r = await receipts('cache', '--clear');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Removed 2\.5 MB\./);
    expect(existsSync(join(cacheHome, 'receipts', 'renders', 'a.gif'))).toBe(false);
  });
});
