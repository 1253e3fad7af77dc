import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI, cliRunner, expectCleanFailure } from '../run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'receipts-serve-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('receipts serve', () => {
  it('listens on 127.0.0.1, prints the URL, guards the Host and stops on a signal', async () => {
    const child = spawn(
      process.execPath,
      [...CLI, '--db', join(dir, 'lib.db'), 'serve', '--port', '0', '--no-open'],
      { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const url = await new Promise<string>((found, failed) => {
      let out = '';
      child.stdout.on('data', (b: Buffer) => {
        out += b.toString();
        const m = /http:\/\/127\.0\.0\.1:\d+\//u.exec(out);
        if (m) found(m[0]);
      });
      child.on('exit', (code) => failed(new Error(`serve exited with ${code}: ${out}`)));
    });
    const session = await fetch(`${url}api/session`);
    expect(session.status).toBe(200);
    const library = (await (await fetch(`${url}api/library`)).json()) as { series: unknown[] };
    expect(library.series).toEqual([]);
    const exited = new Promise<number | null>((done) => child.on('exit', done));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('refuses a port that is not one', () => {
    const r = cliRunner(join(dir, 'lib.db'), dir)('serve', '--port', 'web', '--no-open');
    expectCleanFailure(r, 64, /--port must be a number/);
  });
});
