import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { folderBytes, trimFolder } from './cache-trim.js';

const NOW = Date.parse('2026-11-26T12:00:00Z');
const HOUR = 3_600_000;

describe('trimFolder', () => {
  let dir: string;
  /** A file of `bytes` bytes last used `hoursAgo` hours before NOW. */
  const file = (name: string, bytes: number, hoursAgo: number) => {
    const path = join(dir, name);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, Buffer.alloc(bytes));
    const t = (NOW - hoursAgo * HOUR) / 1000;
    utimesSync(path, t, t);
    return path;
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'receipts-cache-trim-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('removes the least recently used files, a file and its entry together, until under the size', () => {
    const old = file('a/old.gif', 400, 30);
    const oldEntry = file('a/old.gif.json', 100, 30);
    const middle = file('b/middle.gif', 300, 20);
    const fresh = file('fresh.gif', 300, 1);
    expect(folderBytes(dir)).toBe(1100);
    const r = trimFolder(dir, 700, { now: NOW });
    expect(r).toEqual({ removedFiles: 2, removedBytes: 500, keptBytes: 600 });
    expect([old, oldEntry].some(existsSync)).toBe(false);
    expect([middle, fresh].every(existsSync)).toBe(true);
  });

  it('never removes a file used in the last minutes, even over the size', () => {
    const inUse = file('playing.mp4', 1000, 0.05);
    const r = trimFolder(dir, 10, { now: NOW });
    expect(r.removedFiles).toBe(0);
    expect(existsSync(inUse)).toBe(true);
  });

  it('removes temp files left by a killed writer, and leaves a recent one to its writer', () => {
    const left = file('.clip.gif.1a2b.part', 50, 5);
    const writing = file('.clip.gif.3c4d.part', 50, 0.5);
    const r = trimFolder(dir, 10_000, { now: NOW });
    expect(r.removedFiles).toBe(1);
    expect(existsSync(left)).toBe(false);
    expect(existsSync(writing)).toBe(true);
  });

  it('is a no-op on a folder that does not exist yet', () => {
    expect(trimFolder(join(dir, 'none'), 0)).toEqual({
      removedFiles: 0,
      removedBytes: 0,
      keptBytes: 0,
    });
  });
});
