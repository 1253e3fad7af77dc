import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, vi } from 'vitest';
import { main } from '../src/cli/program.js';
import { REPO_ROOT } from './shared-data.js';

// The child runs the TypeScript sources through tsx's loader, found from the repository
// (the child's working folder is a temp dir, where a bare `--import tsx` would not resolve).
export const CLI = [
  '--import',
  pathToFileURL(join(REPO_ROOT, 'node_modules/tsx/dist/loader.mjs')).href,
  join(REPO_ROOT, 'src/cli/main.ts'),
];

export interface CliRun {
  readonly code: number | null;
  readonly out: string;
  readonly err: string;
}

/** A `receipts` that runs the real CLI in a child process on `db`, from `cwd`, as a user would. */
export function cliRunner(db: string, cwd: string): (...args: string[]) => CliRun {
  return (...args) => {
    const r = spawnSync(process.execPath, [...CLI, '--db', db, ...args], {
      cwd,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
    });
    return { code: r.status, out: r.stdout, err: r.stderr };
  };
}

/** A failure as users must see it: the exit code and one line naming the problem, no stack. */
export function expectCleanFailure(r: CliRun, exit: number, message: RegExp): void {
  expect(r.code).toBe(exit);
  expect(r.err).toMatch(message);
  expect(r.err.trim().split('\n')).toHaveLength(1);
  expect(r.err).not.toMatch(/\n\s+at /);
}

/**
 * The same CLI in this process, through main() as the bin runs it: output captured, exit code
 * returned. Much faster than a child process; use cliRunner where a test needs a real process
 * (signals, environment variables read at start-up, a second process on the same library).
 */
export function inProcessRunner(db: string, cwd: string): (...args: string[]) => Promise<CliRun> {
  return async (...args) => {
    let out = '';
    let err = '';
    const capture =
      (add: (s: string) => void) =>
      (chunk: string | Uint8Array): boolean => {
        add(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
        return true;
      };
    const o = vi.spyOn(process.stdout, 'write').mockImplementation(capture((s) => (out += s)));
    const e = vi.spyOn(process.stderr, 'write').mockImplementation(capture((s) => (err += s)));
    const before = process.cwd();
    try {
      process.chdir(cwd);
      const code = await main(['--db', db, ...args]);
      return { code, out, err };
    } finally {
      process.chdir(before);
      o.mockRestore();
      e.mockRestore();
    }
  };
}
