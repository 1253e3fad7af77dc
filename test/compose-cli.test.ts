import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ingestCanon } from '../src/app/ingest-canon.js';
import { buildProgram } from '../src/cli/program.js';
import { makeSampleVideo } from '../src/media/sample-video.js';
import { openSqliteStore } from '../src/store/sqlite/canon-store.js';
import { writeComposeCanon } from './compose-canon.js';

const dir = mkdtempSync(join(tmpdir(), 'receipts-compose-cli-'));
const db = join(dir, 'library.db');
const cacheHome = process.env.XDG_CACHE_HOME;

beforeAll(async () => {
  process.env.XDG_CACHE_HOME = join(dir, 'cache');
  await makeSampleVideo(join(dir, 'ep1.mkv'));
  const store = await openSqliteStore(db);
  await ingestCanon(writeComposeCanon(dir, 'ep1.mkv'), store, { cwd: dir });
  await store.close();
  mkdirSync(join(dir, 'site'));
  writeFileSync(
    join(dir, 'post.md'),
    [
      '---',
      'title: One second',
      'author: nightowl',
      'gifs: { width: 160 }',
      '---',
      '',
      'The line, :quote{text="you are a lifesaver"}:',
      '',
      '::gif{episode=S01E01 from=0:01 to=0:02}',
      '',
      'Ianto never says "would you go back".',
      '',
    ].join('\n'),
  );
}, 60_000);
afterAll(() => {
  if (cacheHome === undefined) delete process.env.XDG_CACHE_HOME;
  else process.env.XDG_CACHE_HOME = cacheHome;
  rmSync(dir, { recursive: true, force: true });
});

/** Run `receipts` in-process (registering compose if the program does not yet), from `dir`. */
async function receipts(...args: string[]): Promise<string> {
  const program = buildProgram();
  let out = '';
  const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    out += String(chunk);
    return true;
  });
  const cwd = process.cwd();
  process.chdir(dir);
  try {
    await program.parseAsync(['--db', db, ...args], { from: 'user' });
    return out;
  } finally {
    process.chdir(cwd);
    write.mockRestore();
  }
}

describe('receipts compose', () => {
  it('renders a real 1 s GIF, writes the page beside it and summarises what it made', async () => {
    const out = await receipts('compose', 'post.md', '--to', 'html', '--out', 'site', '--json');
    const r = JSON.parse(out) as {
      output: string;
      gifs: { path: string; cached: boolean; bytes: number }[];
      contradicted: number;
      prose: { findings: { line: number; verdict: { verdict: string } }[] };
    };
    expect(r.output).toBe(join(dir, 'site', 'post.html'));
    expect(r.gifs).toHaveLength(1);
    expect(r.gifs[0]).toMatchObject({ path: join(dir, 'site', 'post-01.gif'), cached: false });
    expect(readFileSync(r.gifs[0]!.path).subarray(0, 6).toString('latin1')).toBe('GIF89a');
    const html = readFileSync(r.output, 'utf8');
    expect(html).toMatch(
      /<img src="post-01\.gif" alt="[^"]*\(Rain \(1x01\), 0:01\)\." width="160"/,
    );
    expect(html).toContain('<li>Rain (1x01)</li>');
    expect(r.prose.findings.map((f) => [f.line, f.verdict.verdict])).toEqual([
      [11, 'contradicted'],
    ]);
    expect(r.contradicted).toBe(1);
  }, 60_000);

  it('takes the GIF from the cache the second time, prints a summary, and fails with --strict', async () => {
    const text = await receipts('compose', 'post.md', '--to', 'markdown', '--out', 'site');
    expect(text).toMatch(/^post\.md -> site\/post\.published\.md {2}\(markdown, [\d.]+ KB\)$/m);
    expect(text).toContain('1 GIF (');
    expect(text).toContain('1 from the cache');
    expect(text).toContain('Claims in the prose:');
    await expect(
      receipts('compose', 'post.md', '--to', 'ao3', '--out', 'site', '--strict'),
    ).rejects.toMatchObject({ code: 'CLAIM_CONTRADICTED', place: { file: 'post.md', line: 11 } });
  }, 60_000);

  it('refuses an unknown target before anything is rendered', async () => {
    await expect(receipts('compose', 'post.md', '--to', 'myspace')).rejects.toMatchObject({
      code: 'USAGE',
      message: '--to must be one of html, tumblr, ao3, markdown',
    });
  });
});
