import { randomBytes } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { markUsed } from './cache-trim.js';

// The render cache: a rendered file and a `<file>.json` entry beside it describing it. Shared by
// the plain render and the size-budget render, which differ only in what the entry holds.

/** A temp name beside `file`, so renaming it into place stays on one file system. */
export const tempBeside = (file: string): string =>
  join(dirname(file), `.${basename(file)}.${randomBytes(4).toString('hex')}.part`);

/** The cache entry of `file` when both the file and a valid entry exist, else null. */
export function readCacheEntry<T>(file: string, valid: (entry: T) => boolean): T | null {
  try {
    const entry = JSON.parse(readFileSync(`${file}.json`, 'utf8')) as T;
    if (!existsSync(file) || !valid(entry)) return null;
    markUsed(file);
    return entry;
  } catch {
    return null;
  }
}

/** Store `from` and its entry in the cache at `file`. */
export function writeCacheEntry(file: string, from: string, entry: unknown): void {
  // A cache that cannot be written only makes the next render slower.
  try {
    mkdirSync(dirname(file), { recursive: true });
    placeCopy(from, file);
    writeFileSync(`${file}.json`, JSON.stringify(entry));
  } catch {
    rmSync(file, { force: true });
  }
}

/** Copy through a temp file and rename, so `to` is never seen half-written. */
export function placeCopy(from: string, to: string): void {
  const temp = tempBeside(to);
  try {
    copyFileSync(from, temp);
    renameSync(temp, to);
  } finally {
    rmSync(temp, { force: true });
  }
}
